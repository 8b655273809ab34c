"""Demo data: illustrative people and posts after the platform's public cases (idempotent load)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from server.models import Post, User
from server.models.enums import OfferType, PostKind, ReviewState, Role
from server.services import articles, regions

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "demo" / "demo.json"


def read_demo(path: Path = DEMO_FILE) -> dict[str, Any]:
    """Return the demo data file's content."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


async def _upsert_user(spec: dict[str, Any]) -> User:
    region = await regions.get_region(spec["region_code"])
    fields = {"role": Role(spec["role"]), "name": spec.get("name", ""),
              "organisation": spec.get("organisation", ""), "title": spec.get("title", ""),
              "discipline": spec.get("discipline", ""), "interests": spec.get("interests", []),
              "region": region, "unionid": f"union-{spec['openid'].removeprefix('sandbox-')}"}
    user, _ = await User.update_or_create(defaults=fields, mp_openid=spec["openid"])
    return user


async def load_demo(path: Path = DEMO_FILE) -> dict[str, int]:
    """Create the demo users and posts that are not there yet; return counts."""
    data = read_demo(path)
    created = 0
    async with in_transaction():
        people = {spec["key"]: await _upsert_user(spec) for spec in data["users"]}
        for spec in data["posts"]:
            author = people[spec["author"]]
            if await Post.exists(author_id=author.id, title=spec["title"]):
                continue
            region = await regions.get_region(spec["region_code"])
            offer_type = OfferType(spec["offer_type"]) if spec.get("offer_type") else None
            await Post.create(kind=PostKind(spec["kind"]), offer_type=offer_type, title=spec["title"],
                              body=spec["body"], tags=spec.get("tags", []), region=region, author=author,
                              review_state=ReviewState.PASSED, source_scene="demo")
            created += 1
    report = await articles.import_articles(articles.DEMO_ARTICLES)
    return {"users": len(people), "posts_created": created, "posts_total": await Post.all().count(),
            "articles_created": report["created"]}
