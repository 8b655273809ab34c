"""Demo data: illustrative people and posts after the platform's public cases (idempotent load)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from server.models import Post, User
from server.models.enums import OfferType, PostKind, ReviewState, Role
from server.services import articles, passwords, regions

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "demo" / "demo.json"
# Console passwords of the demo operators (README "Console"); set only where none is set yet,
# and never by `seed` in production (cli.seed decides).
DEMO_CONSOLE_PASSWORDS = {"u-sckx-admin": "demo-admin-2026", "u-staff-chengdu": "demo-staff-2026",
                          "u-staff-yibin": "demo-staff-2026", "u-staff-guangan": "demo-staff-2026"}


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


async def _give_console_passwords(people: dict[str, User]) -> int:
    """Give the demo admin and staff their console passwords, unless they already have one."""
    given = 0
    for key, password in DEMO_CONSOLE_PASSWORDS.items():
        user = people.get(key)
        if user is not None and not user.password_hash and user.role in (Role.ADMIN, Role.STAFF):
            user.password_hash = await asyncio.to_thread(passwords.hash_password, password)
            await user.save(update_fields=["password_hash", "updated_at"])
            given += 1
    return given


def console_logins() -> list[tuple[str, str, str]]:
    """Return (openid, name, password) of each demo console account, for the start-up summary."""
    users = {spec["key"]: spec for spec in read_demo()["users"]}
    return [(users[key]["openid"], users[key].get("name", ""), password)
            for key, password in DEMO_CONSOLE_PASSWORDS.items() if key in users]


async def load_demo(path: Path = DEMO_FILE, *, console_passwords: bool = False) -> dict[str, int]:
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
    counts = {"users": len(people), "posts_created": created, "posts_total": await Post.all().count(),
              "articles_created": report["created"]}
    if console_passwords:
        counts["console_passwords_set"] = await _give_console_passwords(people)
    return counts
