"""Small async factories for tests: users, logins, posts, chat messages to the official account."""

from __future__ import annotations

import itertools
import time
from typing import Any

import httpx

from server.models import StaffProfile, Ticket, User
from server.models.enums import Role
from server.wechat.callback import sign

_seq = itertools.count(1)
_msg_ids = itertools.count(810_000)

SOIL_NEED = {
    "kind": "need",
    "title": "李子园土壤酸化板结怎么改良",
    "body": "宜宾屏山县一片二十亩的李子园，近三年土壤酸化、板结严重，果树长势弱，求土壤改良方案。",
    "region_code": "511529",
    "tags": ["土壤改良", "李子"],
}


async def make_user(role: Role | str = Role.CITIZEN, **overrides: Any) -> User:
    """Create a user directly in the database."""
    n = next(_seq)
    fields: dict[str, Any] = {"mp_openid": f"sandbox-user{n}", "role": Role(role), "name": f"用户{n}"}
    if Role(role) == Role.SCIENTIST:
        fields.update(discipline="土壤学", organisation="四川农业大学")
    if Role(role) == Role.ORGANISATION:
        fields.update(organisation="广安龙安柚合作社")
    fields.update(overrides)
    return await User.create(**fields)


async def login(client: httpx.AsyncClient, name: str, *, scene: str | None = None) -> dict:
    """Log in through the sandbox as `sandbox-<name>`; return the login JSON."""
    body: dict[str, Any] = {"code": f"sandbox-{name}"}
    if scene is not None:
        body["scene"] = scene
    response = await client.post("/api/v1/auth/login", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def auth(token: str) -> dict[str, str]:
    """Return the Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}


async def login_as(client: httpx.AsyncClient, name: str, role: Role | str = Role.CITIZEN,
                   **profile: Any) -> tuple[dict[str, str], User]:
    """Log in and give the user a role and profile directly; return (headers, user)."""
    data = await login(client, name)
    user = await User.get(id=data["user"]["id"])
    user.role = Role(role)
    if Role(role) == Role.SCIENTIST:
        profile = {"discipline": "土壤学", "organisation": "四川农业大学", **profile}
    if Role(role) == Role.ORGANISATION:
        profile = {"organisation": "通江银耳合作社", **profile}
    for key, value in profile.items():
        setattr(user, key, value)
    await user.save()
    return auth(data["token"]), user


async def create_post(client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> dict:
    """Create a post through the API (201 expected) and return its JSON."""
    response = await client.post("/api/v1/posts", json={**SOIL_NEED, **overrides}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()["post"]


async def staff_headers(client: httpx.AsyncClient, name: str, region: str = "511500") -> tuple[dict[str, str], User]:
    """Log a concierge in with a staff profile covering a region; return (headers, user)."""
    headers, user = await login_as(client, name, Role.STAFF, region_id=region)
    await StaffProfile.create(user=user, region_id=region)
    return headers, user


async def posted_need(client: httpx.AsyncClient, poster_name: str) -> tuple[dict[str, str], dict, int]:
    """Log a citizen in and post a need (it opens a ticket); return (their headers, the post, its ticket id)."""
    poster, _ = await login_as(client, poster_name)
    post = await create_post(client, poster)
    return poster, post, (await Ticket.get(post_id=post["id"])).id


async def say(client: httpx.AsyncClient, settings: Any, openid: str, content: str) -> str:
    """Send a signed text message to the callback as WeChat does (plain mode); return the passive reply."""
    stamp = str(int(time.time()))
    query = {"signature": sign(settings.oa_token, stamp, "say"), "timestamp": stamp, "nonce": "say"}
    body = (f"<xml><ToUserName><![CDATA[gh_kjy]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{stamp}</CreateTime><MsgType>text</MsgType><Content><![CDATA[{content}]]></Content>"
            f"<MsgId>{next(_msg_ids)}</MsgId></xml>")
    response = await client.post("/wechat/callback", params=query, content=body.encode())
    assert response.status_code == 200, response.text
    return response.text
