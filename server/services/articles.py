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


def _labels(value: object, *, line: int, field: str) -> list[str]:
    """A list of short labels from a JSON list or a comma-separated text."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = value.replace("，", ",").replace("、", ",").split(",")
    if not isinstance(value, list):
        raise ValidationFailed(f"第 {line} 行的 {field} 应为列表", field=field)
    return [str(v).strip()[:16] for v in value if str(v).strip()][:10]


def _fields(row: dict[str, Any], *, line: int) -> dict[str, Any]:
    missing = [key for key in REQUIRED if not row.get(key)]
    if missing:
        raise ValidationFailed(f"第 {line} 行缺少字段：{', '.join(missing)}", field=missing[0])
    scope = regions.normalise_code(row.get("region_scope") or "510000")
    if scope is None:
        raise ValidationFailed(f"第 {line} 行地区代码无效", field="region_scope")
    return {"title": str(row["title"])[:128], "summary": str(row.get("summary", ""))[:300],
            "body": str(row.get("body", "")), "url": str(row.get("url", ""))[:500],
            "topics": _labels(row.get("topics"), line=line, field="topics"),
            "emergency_topics": _labels(row.get("emergency_topics"), line=line, field="emergency_topics"),
            "source": str(row.get("source", ""))[:64], "region_scope": scope}


async def import_articles(path: Path) -> dict[str, int]:
    """Create or update articles from a JSONL file; return counts."""
    return await import_rows(await asyncio.to_thread(_read, path))


def parse_jsonl(text: str) -> list[dict[str, Any]]:
    """Parse uploaded JSON lines, naming the first bad line in the error."""
    rows = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except ValueError as exc:
            raise ValidationFailed(f"第 {line} 行不是有效的 JSON", field="file") from exc
        if not isinstance(row, dict):
            raise ValidationFailed(f"第 {line} 行应为一个 JSON 对象", field="file")
        rows.append(row)
    if not rows:
        raise ValidationFailed("文件里没有文章", field="file")
    return rows


async def add_article(*, title: str, summary: str, body: str, url: str, topics: list[str] | str,
                      emergency_topics: list[str], region_scope: str, source: str) -> Article:
    """Add one article written in the console (no external id)."""
    title = title.strip()
    if not 4 <= len(title) <= 128:
        raise ValidationFailed("标题应为 4 到 128 个字", field="title")
    if not body.strip() and not url.strip():
        raise ValidationFailed("请填写正文或原文链接", field="body")
    if url.strip() and not url.strip().startswith(("https://", "http://")):
        raise ValidationFailed("原文链接应以 http:// 或 https:// 开头", field="url")
    fields = _fields({"id": "-", "title": title, "summary": summary, "body": body, "url": url.strip(),
                      "topics": topics, "emergency_topics": emergency_topics, "region_scope": region_scope,
                      "source": source}, line=1)
    return await Article.create(**fields)


async def import_rows(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Create or update articles from parsed rows (all checked before any is written); return counts."""
    checked = [(str(row.get("id", "")), _fields(row, line=line)) for line, row in enumerate(rows, start=1)]
    created = updated = 0
    for external_id, fields in checked:
        _article, was_created = await Article.update_or_create(defaults=fields, external_id=external_id)
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
