"""Authorisation matrix: every /api/v1 route × every kind of caller, with the status each must get.

The routes come from the app's route table, so a new route without an entry here fails
`test_route_has_a_matrix_entry`. Staff reach is their region and below (what the console enforces);
admins reach everything. Mutating requests run against a fresh world after every success.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from server.app import create_app
from server.push.templates import load_templates
from server.settings import Settings
from tests.api.authz_world import ROLES, SAME_REGION, World, build_world, outreach_body

Body = dict[str, Any] | Callable[[World], dict[str, Any]] | None


@dataclass(frozen=True)
class Case:
    path: str  # with {name} placeholders filled from World.ids
    expect: dict[str, int]
    body: Body = None


def everyone(status: int) -> dict[str, int]:
    """Any signed-in caller gets `status`; anonymous 401."""
    return {"anonymous": 401, **{role: status for role in ROLES[1:]}}


def admin_only(status: int) -> dict[str, int]:
    return {"anonymous": 401, "citizen": 403, "scientist": 403, "other_staff": 403, "same_staff": 403,
            "admin": status}


def staff_in_region(status: int) -> dict[str, int]:
    """Staff within the object's region and admins get `status`; staff elsewhere 404; others 403."""
    return {"anonymous": 401, "citizen": 403, "scientist": 403, "other_staff": 404, "same_staff": status,
            "admin": status}


def author_only(status: int) -> dict[str, int]:
    """Only the citizen who wrote the post (or opened the ticket) gets `status`; everyone else 404."""
    return {"anonymous": 401, "citizen": status, "scientist": 404, "other_staff": 404, "same_staff": 404,
            "admin": 404}


def readers(status: int, *, parties: tuple[str, ...] = ("citizen",)) -> dict[str, int]:
    """The parties, staff of the region and admins get `status`; other staff and strangers 404."""
    return {"anonymous": 401, "citizen": 404, "scientist": 404, "other_staff": 404, "same_staff": status,
            "admin": status, **dict.fromkeys(parties, status)}


MATCH_MP = load_templates()["match_found"].template_ids["mp_subscribe"]
NEED = {"kind": "need", "title": "茶园病虫害绿色防控", "body": "屏山县五十亩茶园今年病虫害多，想找绿色防控的办法。",
        "region_code": "511529"}
V = "/api/v1"
MATRIX: dict[tuple[str, str], list[Case]] = {
    ("POST", f"{V}/auth/login"): [Case("/auth/login", dict.fromkeys(ROLES, 200), {"code": "sandbox-matrix"})],
    ("POST", f"{V}/auth/logout"): [Case("/auth/logout", everyone(200))],
    ("GET", f"{V}/me"): [Case("/me", everyone(200))],
    ("PATCH", f"{V}/me"): [Case("/me", everyone(200), {"name": "新名字"})],
    ("POST", f"{V}/me/bind-code"): [Case("/me/bind-code", everyone(200))],
    ("GET", f"{V}/posts"): [Case("/posts", everyone(200))],
    ("POST", f"{V}/posts"): [Case("/posts", everyone(201), NEED)],
    ("GET", f"{V}/posts/<post_id:int>"): [
        Case("/posts/{need}", everyone(200)),
        Case("/posts/{withdrawn}", readers(200)),
        Case("/posts/{held}", readers(200)),
    ],
    ("GET", f"{V}/posts/<post_id:int>/progress"): [Case("/posts/{need}/progress", readers(200))],
    ("PATCH", f"{V}/posts/<post_id:int>"): [Case("/posts/{need}", author_only(200), {"tags": ["茶园"]})],
    ("POST", f"{V}/posts/<post_id:int>/withdraw"): [Case("/posts/{need}/withdraw", author_only(200))],
    ("GET", f"{V}/posts/<post_id:int>/matches"): [
        Case("/posts/{need}/matches", readers(200, parties=("citizen", "scientist"))),
        Case("/posts/{offer}/matches", readers(200, parties=("citizen", "scientist"))),
    ],
    ("POST", f"{V}/posts/<post_id:int>/photos"): [
        Case("/posts/{need}/photos", author_only(422)),  # authorised, then told a photo is missing
    ],
    ("GET", f"{V}/posts/<post_id:int>/photos"): [
        Case("/posts/{need}/photos", readers(200, parties=("citizen", "scientist"))),
    ],
    ("POST", f"{V}/matches/<match_id:int>/decision"): [
        Case("/matches/{match}/decision", readers(200, parties=("citizen", "scientist")), {"decision": "accept"}),
    ],
    ("GET", f"{V}/regions"): [Case("/regions", everyone(200))],
    ("GET", f"{V}/regions/<code:str>"): [Case("/regions/511529", everyone(200))],
    ("GET", f"{V}/articles"): [Case("/articles", everyone(200))],
    ("GET", f"{V}/articles/<article_id:int>"): [Case("/articles/{article}", everyone(200))],
    ("GET", f"{V}/subscriptions"): [Case("/subscriptions", everyone(200))],
    ("POST", f"{V}/subscriptions"): [Case("/subscriptions", everyone(200), {"results": {MATCH_MP: "accept"}})],
    ("GET", f"{V}/tickets/<ticket_id:int>"): [Case("/tickets/{ticket}", author_only(200))],
    ("POST", f"{V}/tickets/<ticket_id:int>/rating"): [
        Case("/tickets/{ticket}/rating", author_only(409), {"rating": 5}),  # not landed yet: past authorisation
    ],
    ("GET", f"{V}/tickets/<ticket_id:int>/messages"): [Case("/tickets/{ticket}/messages", author_only(200))],
    ("POST", f"{V}/tickets/<ticket_id:int>/messages"): [
        Case("/tickets/{ticket}/messages", author_only(201), {"text": "请问什么时候联系我？"}),
    ],
    ("GET", f"{V}/staff/tickets"): [Case("/staff/tickets", {**staff_in_region(200), "other_staff": 200})],
    ("GET", f"{V}/staff/tickets/<ticket_id:int>"): [Case("/staff/tickets/{ticket}", staff_in_region(200))],
    ("POST", f"{V}/staff/tickets/<ticket_id:int>/advance"): [
        Case("/staff/tickets/{ticket}/advance", staff_in_region(200), {"to": "contacted", "note": "已电话联系"}),
    ],
    ("POST", f"{V}/staff/tickets/<ticket_id:int>/plan"): [
        Case("/staff/tickets/{ticket}/plan", staff_in_region(200), {"due": "2027-01-15", "step": "上门查看土壤"}),
    ],
    ("POST", f"{V}/staff/tickets/<ticket_id:int>/notes"): [
        Case("/staff/tickets/{ticket}/notes", staff_in_region(201), {"note": "内部备注"}),
    ],
    ("POST", f"{V}/staff/tickets/<ticket_id:int>/handover"): [
        Case("/staff/tickets/{ticket}/handover", staff_in_region(200),
             lambda w: {"to_user_id": w.ids["colleague"], "note": "休假交接"}),
    ],
    ("POST", f"{V}/staff/tickets/<ticket_id:int>/close"): [
        Case("/staff/tickets/{ticket}/close", staff_in_region(200), {"reason": "需求已解决"}),
    ],
    ("POST", f"{V}/admin/posts/<post_id:int>/review"): [
        Case("/admin/posts/{held}/review", staff_in_region(200), {"approve": True, "note": "内容无问题"}),
    ],
    ("GET", f"{V}/admin/users"): [Case("/admin/users", admin_only(200))],
    ("GET", f"{V}/admin/inbound-messages"): [Case("/admin/inbound-messages", admin_only(200))],
    ("PATCH", f"{V}/admin/users/<user_id:int>"): [
        Case("/admin/users/{colleague}", admin_only(200), {"role": "staff"}),
    ],
    ("POST", f"{V}/admin/campaigns"): [Case("/admin/campaigns", admin_only(201), {"region_code": SAME_REGION})],
    ("GET", f"{V}/admin/campaigns"): [Case("/admin/campaigns", admin_only(200))],
    ("GET", f"{V}/admin/campaigns/<campaign_id:int>/qrcode"): [
        Case("/admin/campaigns/{campaign}/qrcode", admin_only(200)),
    ],
    ("POST", f"{V}/admin/staff-invites"): [
        Case("/admin/staff-invites", admin_only(201), {"name": "新保姆", "region_code": SAME_REGION}),
    ],
    ("GET", f"{V}/admin/concierges"): [Case("/admin/concierges", admin_only(200))],
    ("GET", f"{V}/admin/tickets/ageing"): [Case("/admin/tickets/ageing", admin_only(200))],
    ("POST", f"{V}/admin/emergencies/preview"): [
        Case("/admin/emergencies/preview", admin_only(200), {"region_codes": [SAME_REGION]}),
    ],
    ("POST", f"{V}/admin/emergencies"): [
        Case("/admin/emergencies", admin_only(422), {"event_type": "flood"}),  # authorised, then validated
    ],
    ("GET", f"{V}/admin/emergencies"): [Case("/admin/emergencies", admin_only(200))],
    ("GET", f"{V}/admin/emergencies/<emergency_id:int>"): [Case("/admin/emergencies/{emergency}", admin_only(200))],
    ("GET", f"{V}/admin/emergencies/<emergency_id:int>/progress"): [
        Case("/admin/emergencies/{emergency}/progress", admin_only(200))],
    ("POST", f"{V}/admin/emergencies/<emergency_id:int>/update"): [
        Case("/admin/emergencies/{emergency}/update", admin_only(202), {"note": "水位继续上涨"}),
    ],
    ("POST", f"{V}/admin/emergencies/<emergency_id:int>/cancel"): [
        Case("/admin/emergencies/{emergency}/cancel", admin_only(200), {"note": "预警解除"}),
    ],
    ("POST", f"{V}/admin/outreach/preview"): [
        Case("/admin/outreach/preview", admin_only(200), {"kind": "article_push", "audience": {}}),
    ],
    ("POST", f"{V}/admin/outreach"): [Case("/admin/outreach", admin_only(201), outreach_body)],
    ("GET", f"{V}/admin/outreach"): [Case("/admin/outreach", admin_only(200))],
    ("GET", f"{V}/admin/outreach/<outreach_id:int>"): [Case("/admin/outreach/{outreach}", admin_only(200))],
    ("POST", f"{V}/admin/outreach/<outreach_id:int>/send"): [
        Case("/admin/outreach/{outreach}/send", admin_only(200)),
    ],
    ("POST", f"{V}/admin/outreach/<outreach_id:int>/cancel"): [
        Case("/admin/outreach/{outreach}/cancel", admin_only(200)),
    ],
}


def _api_routes() -> list[tuple[str, str]]:
    """Every (method, path) the app serves under /api/v1, read from its route table."""
    app = create_app(Settings(env="test", secret_key="route-table-" + "x" * 32), name="kjy_authz_route_table")
    found = {(method, "/" + route.path.lstrip("/")) for route in app.router.routes
             for method in route.methods if route.path.lstrip("/").startswith("api/v1")}
    return sorted(found)


API_ROUTES = _api_routes()


def test_every_matrix_entry_is_a_real_route() -> None:
    assert sorted(set(MATRIX) - set(API_ROUTES)) == []


@pytest.mark.parametrize(("method", "path"), API_ROUTES, ids=[f"{m} {p}" for m, p in API_ROUTES])
def test_route_has_a_matrix_entry(method: str, path: str) -> None:
    assert MATRIX.get((method, path)), f"no authorisation matrix entry for {method} {path}: add one"


async def _fresh_world(client, settings, redis) -> World:
    from server.db import truncate_user_data

    await truncate_user_data()
    await redis.flushdb()
    return await build_world(client, settings, redis)


@pytest.mark.parametrize(("method", "path"), API_ROUTES, ids=[f"{m} {p}" for m, p in API_ROUTES])
async def test_authorisation_matrix(client, settings, redis, method: str, path: str) -> None:
    world = await build_world(client, settings, redis)
    seen: dict[str, dict[str, int]] = {}
    for case in MATRIX.get((method, path), []):
        url = "/api/v1" + case.path.format(**world.ids)
        got: dict[str, int] = {}
        for role in ROLES:
            body = case.body(world) if callable(case.body) else case.body
            answer = await client.request(method, url, headers=world.headers[role], json=body)
            got[role] = answer.status_code
            if method != "GET" and answer.status_code < 300:
                world = await _fresh_world(client, settings, redis)  # the next caller meets the same state
                url = "/api/v1" + case.path.format(**world.ids)
        seen[case.path] = got
        assert got == case.expect, f"{method} {case.path}"
    assert seen, f"no matrix entry for {method} {path}"
