"""Demo data: illustrative people and posts after the platform's public cases (idempotent load)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from server.models import Post, StaffProfile, SubscribeQuota, Ticket, User
from server.models.enums import OfferType, PostKind, ReviewState, Role
from server.services import articles, match_runtime, passwords, regions, subscriptions
from server.tickets import assignment, lifecycle, stages

if TYPE_CHECKING:
    from redis.asyncio import Redis

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "demo" / "demo.json"
# Console passwords of the demo operators (README "Console"); set only where none is set yet,
# and never by `seed` in production (cli.seed decides).
DEMO_CONSOLE_PASSWORDS = {"u-sckx-admin": "demo-admin-2026", "u-staff-sichuan": "demo-staff-2026",
                          "u-staff-chengdu": "demo-staff-2026", "u-staff-yibin": "demo-staff-2026",
                          "u-staff-guangan": "demo-staff-2026"}
# Who follows the official account in the demo and holds subscribe grants: the people notices go to.
REACHABLE_ROLES = (Role.SCIENTIST, Role.ORGANISATION, Role.STAFF)  # staff: 新服务单 and follow-up notices
DEMO_GRANT_KINDS = ("match_found", "match_digest", "post_progress")  # one accepted grant each, given once


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


async def _give_staff_profiles(data: dict[str, Any], people: dict[str, User]) -> int:
    """Give each demo staff user a concierge profile (region = the city they serve); never change one."""
    created = 0
    for spec in data["users"]:
        profile = spec.get("staff")
        if profile is None or spec["role"] != Role.STAFF.value:
            continue
        supervisor = people.get(profile.get("supervisor", ""))
        _, made = await StaffProfile.get_or_create(
            user=people[spec["key"]],
            defaults={"region_id": spec["region_code"], "capacity": profile.get("capacity", 50),
                      "supervisor": supervisor})
        created += made
    return created


async def _make_reachable(people: dict[str, User]) -> int:
    """Let demo scientists and organisations follow the official account and grant match notices once.

    Only where they have no official-account identity yet (an unfollow is kept) and no grant was ever
    recorded for a template (spent grants are not refilled), so a second load changes nothing.
    """
    changed = 0
    known = {kind: tid for tid, kind in subscriptions.mp_template_ids().items()}
    grants = [known[kind] for kind in DEMO_GRANT_KINDS if kind in known]
    for user in people.values():
        if user.role not in REACHABLE_ROLES:
            continue
        if user.oa_openid is None:
            user.oa_openid = "sandbox-oa-" + (user.mp_openid or str(user.id)).removeprefix("sandbox-")
            user.follows_oa, user.oa_followed_at = True, datetime.now(UTC)
            await user.save(update_fields=["oa_openid", "follows_oa", "oa_followed_at", "updated_at"])
            changed += 1
        had = set(await SubscribeQuota.filter(user_id=user.id, template_id__in=grants)
                  .values_list("template_id", flat=True))
        if missing := [tid for tid in grants if tid not in had]:
            await subscriptions.record_results(user=user, results=dict.fromkeys(missing, "accept"))
    return changed


async def _open_tickets(posts: list[Post]) -> int:
    """Open (and assign) the ticket of each open demo need or question without one, as a real post gets."""
    opened = 0
    for post in posts:
        if post.kind not in (PostKind.NEED, PostKind.QUESTION) or post.status not in stages.OPEN:
            continue
        ticket = await Ticket.get_or_none(post_id=post.id)
        if ticket is None:
            await lifecycle.open_ticket(post=post)
            opened += 1
        elif ticket.concierge_id is None:  # loaded before the demo had concierges
            await assignment.assign(ticket=ticket)
    return opened


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


async def load_demo(path: Path = DEMO_FILE, *, console_passwords: bool = False,
                    store: Redis | None = None) -> dict[str, int]:
    """Create the demo users and posts that are not there yet; return counts.

    Needs and questions get their tickets (and concierges) as real posts do; with a store, each new
    post is published to the matchers and queued for matching after commit, as `posts.create_post` does.
    """
    data = read_demo(path)
    created, posts, new_ids = 0, [], []
    async with in_transaction():
        people = {spec["key"]: await _upsert_user(spec) for spec in data["users"]}
        profiles = await _give_staff_profiles(data, people)
        reachable = await _make_reachable(people)
        for spec in data["posts"]:
            author = people[spec["author"]]
            post = await Post.filter(author_id=author.id, title=spec["title"]).order_by("id").first()
            if post is None:
                region = await regions.get_region(spec["region_code"])
                offer_type = OfferType(spec["offer_type"]) if spec.get("offer_type") else None
                post = await Post.create(kind=PostKind(spec["kind"]), offer_type=offer_type, title=spec["title"],
                                         body=spec["body"], tags=spec.get("tags", []), region=region,
                                         author=author, review_state=ReviewState.PASSED, source_scene="demo")
                created += 1
                new_ids.append(post.id)
            posts.append(post)
        opened = await _open_tickets(posts)
    if store is not None:
        for post_id in new_ids:
            await match_runtime.post_changed(store, post_id=post_id)
    report = await articles.import_articles(articles.DEMO_ARTICLES)
    counts = {"users": len(people), "posts_created": created, "posts_total": await Post.all().count(),
              "articles_created": report["created"], "staff_profiles_created": profiles,
              "oa_followers_added": reachable, "tickets_opened": opened}
    if console_passwords:
        counts["console_passwords_set"] = await _give_console_passwords(people)
    return counts
