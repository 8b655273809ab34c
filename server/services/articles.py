"""The article store: import from JSONL (idempotent by external id)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from server.errors import ValidationFailed
from server.models import Article
from server.services import regions

DEMO_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "demo" / "articles.jsonl"
REQUIRED = ("id", "title")


def _read(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _fields(row: dict[str, Any], *, line: int) -> dict[str, Any]:
    missing = [key for key in REQUIRED if not row.get(key)]
    if missing:
        raise ValidationFailed(f"第 {line} 行缺少字段：{', '.join(missing)}", field=missing[0])
    scope = regions.normalise_code(row.get("region_scope") or "510000")
    if scope is None:
        raise ValidationFailed(f"第 {line} 行地区代码无效", field="region_scope")
    return {"title": str(row["title"])[:128], "summary": str(row.get("summary", ""))[:300],
            "body": str(row.get("body", "")), "url": str(row.get("url", ""))[:500],
            "topics": list(row.get("topics", [])), "emergency_topics": list(row.get("emergency_topics", [])),
            "source": str(row.get("source", ""))[:64], "region_scope": scope}


async def import_articles(path: Path) -> dict[str, int]:
    """Create or update articles from a JSONL file; return counts."""
    rows = await asyncio.to_thread(_read, path)
    created = updated = 0
    for line, row in enumerate(rows, start=1):
        fields = _fields(row, line=line)
        _article, was_created = await Article.update_or_create(defaults=fields, external_id=str(row["id"]))
        created += was_created
        updated += not was_created
    return {"created": created, "updated": updated}
