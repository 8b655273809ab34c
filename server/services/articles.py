"""The article store: import from JSONL (idempotent by external id)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from server.errors import NotFound, ValidationFailed
from server.models import Article, User
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


PAGE_MAX = 50


async def feed(*, user: User, cursor: int | None, limit: int) -> tuple[list[Article], int | None]:
    """Return articles for the person's region, newest first, those on their interests leading each page."""
    if not 1 <= limit <= PAGE_MAX:
        raise ValidationFailed(f"每页数量应在 1 到 {PAGE_MAX} 之间", field="limit")
    scopes = ["510000"] if not user.region_id else [user.region_id, *regions.parents_of(user.region_id)]
    query = Article.filter(region_scope__in=[*scopes, "000000"]) if user.region_id else Article.all()
    if cursor:
        query = query.filter(id__lt=cursor)
    rows = await query.order_by("-id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    interests = set(user.interests or [])
    rows.sort(key=lambda a: (not interests & set(a.topics or []), -a.id))
    return rows, (min(a.id for a in rows) if more and rows else None)


async def get_article(article_id: int) -> Article:
    """Return one article."""
    article = await Article.get_or_none(id=article_id)
    if article is None:
        raise NotFound("article")
    return article
