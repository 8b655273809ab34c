"""A small world for authorisation tests: two cities, one person per role, and one of every object.

宜宾市 (511500) is the same-region staff member's region, 成都市 (510100) the other one's. The citizen's
need, its ticket, its match with the scientist's offer, a withdrawn post and a post held for review all
lie in 屏山县 (511529), within 宜宾市.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
from tortoise.transactions import in_transaction

from server.models import Article, Match, Post, StaffProfile, Ticket, User
from server.models.enums import PostKind, PostStatus, ReviewState, Role
from server.services import sessions
from server.tickets import lifecycle

ROLES = ("anonymous", "citizen", "scientist", "other_staff", "same_staff", "admin")
SAME_REGION, OTHER_REGION, COUNTY = "511500", "510100", "511529"


@dataclass
class World:
    users: dict[str, User]
    headers: dict[str, dict[str, str]]
    ids: dict[str, int] = field(default_factory=dict)


async def _person(name: str, role: Role, region: str, *, profile: str | None = None, **extra) -> User:
    user = await User.create(mp_openid=f"sandbox-authz-{name}", role=role, name=name, region_id=region, **extra)
    if profile:
        await StaffProfile.create(user=user, region_id=profile, capacity=50)
    return user


async def _post(author: User, kind: PostKind, title: str, **extra) -> Post:
    async with in_transaction():
        post = await Post.create(kind=kind, title=title, body=f"{title}：授权测试用的正文内容。", region_id=COUNTY,
                                 author=author, review_state=extra.pop("review_state", ReviewState.PASSED),
                                 expires_at=datetime.now(UTC) + timedelta(days=30), **extra)
        if kind != PostKind.OFFER:
            await lifecycle.open_ticket(post=post)
    return post


async def build_world(client: httpx.AsyncClient, settings, redis) -> World:
    """Create the people and objects, and a bearer token per role (anonymous has none)."""
    users = {
        "citizen": await _person("群众甲", Role.CITIZEN, COUNTY),
        "scientist": await _person("专家乙", Role.SCIENTIST, "510104", discipline="土壤学", organisation="川农大"),
        "other_staff": await _person("成都保姆", Role.STAFF, OTHER_REGION, profile=OTHER_REGION),
        "same_staff": await _person("宜宾保姆", Role.STAFF, SAME_REGION, profile=SAME_REGION),
        "admin": await _person("管理员", Role.ADMIN, "510000"),
    }
    colleague = await _person("宜宾同事", Role.STAFF, SAME_REGION, profile=SAME_REGION)
    headers: dict[str, dict[str, str]] = {"anonymous": {}}
    for role, user in users.items():
        token = await sessions.issue(store=redis, user_id=user.id, secret_key=settings.secret_key, ttl=3600)
        headers[role] = {"Authorization": f"Bearer {token}"}
    need = await _post(users["citizen"], PostKind.NEED, "李子园土壤酸化怎么改良")
    offer = await _post(users["scientist"], PostKind.OFFER, "土壤改良技术服务")
    withdrawn = await _post(users["citizen"], PostKind.QUESTION, "已经撤回的科普问题", status=PostStatus.CLOSED,
                            close_reason="作者撤回")
    held = await _post(users["citizen"], PostKind.QUESTION, "等待人工审核的问题", review_state=ReviewState.PENDING)
    match = await Match.create(demand=need, supply_post=offer, origin_post_id=need.id, score=0.8, method="hybrid",
                               rank=1, keywords=["土壤"])
    article = await Article.create(title="果园土壤为什么会变酸", summary="先检测、再按量调酸", topics=["果树栽培"])
    world = World(users=users, headers=headers,
                  ids={"need": need.id, "offer": offer.id, "withdrawn": withdrawn.id, "held": held.id,
                       "match": match.id, "ticket": (await Ticket.get(post_id=need.id)).id, "article": article.id,
                       "colleague": colleague.id})
    await _admin_objects(client, world)
    return world


async def _admin_objects(client: httpx.AsyncClient, world: World) -> None:
    admin, now = world.headers["admin"], datetime.now(UTC)
    made = await client.post("/api/v1/admin/campaigns", json={"region_code": SAME_REGION}, headers=admin)
    world.ids["campaign"] = made.json()["campaign"]["id"]
    alert = {"event_type": "flood", "severity": "orange", "headline": "屏山县山洪应急科普", "instruction": "远离河道",
             "region_codes": [COUNTY], "onset": (now - timedelta(minutes=5)).isoformat(),
             "expires_at": (now + timedelta(days=1)).isoformat(), "article_ids": [world.ids["article"]]}
    made = await client.post("/api/v1/admin/emergencies", json=alert, headers=admin)
    world.ids["emergency"] = made.json()["emergency"]["id"]
    made = await client.post("/api/v1/admin/outreach", headers=admin, json=outreach_body(world))
    world.ids["outreach"] = made.json()["outreach"]["id"]


def outreach_body(world: World) -> dict:
    """A draft article outreach to 宜宾市."""
    return {"kind": "article_push", "title": "果园土壤科普", "article_ids": [world.ids["article"]],
            "audience": {"region_codes": [SAME_REGION]}}
