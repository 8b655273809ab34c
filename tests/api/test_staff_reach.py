"""Staff reach through /api/v1 equals the console's: their service region and below; admins everything."""

from __future__ import annotations

import pytest

from server.models import Match, Post, StaffProfile, Ticket
from server.models.enums import MatchStatus, ReviewState
from tests.api.authz_world import build_world


@pytest.fixture
async def world(client, settings, redis):
    return await build_world(client, settings, redis)


async def test_other_region_staff_cannot_decide_a_match(client, world):
    url = f"/api/v1/matches/{world.ids['match']}/decision"
    answer = await client.post(url, json={"decision": "decline"}, headers=world.headers["other_staff"])
    assert answer.status_code == 404
    assert (await Match.get(id=world.ids["match"])).status == MatchStatus.PROPOSED


async def test_other_region_staff_cannot_review_a_post(client, world):
    url = f"/api/v1/admin/posts/{world.ids['held']}/review"
    answer = await client.post(url, json={"approve": True}, headers=world.headers["other_staff"])
    assert answer.status_code == 404
    assert (await Post.get(id=world.ids["held"])).review_state == ReviewState.PENDING


async def test_other_region_staff_see_no_match_and_no_withdrawn_post(client, world):
    staff = world.headers["other_staff"]
    assert (await client.get(f"/api/v1/posts/{world.ids['need']}/matches", headers=staff)).status_code == 404
    assert (await client.get(f"/api/v1/posts/{world.ids['withdrawn']}", headers=staff)).status_code == 404
    closed = await client.get("/api/v1/posts", params={"status": "closed"}, headers=staff)
    assert closed.json()["posts"] == []


async def test_same_region_staff_see_the_withdrawn_post_and_can_decide(client, world):
    staff = world.headers["same_staff"]
    closed = await client.get("/api/v1/posts", params={"status": "closed"}, headers=staff)
    assert [p["id"] for p in closed.json()["posts"]] == [world.ids["withdrawn"]]
    matches = (await client.get(f"/api/v1/posts/{world.ids['need']}/matches", headers=staff)).json()["matches"]
    assert [m["can_decide"] for m in matches] == [True]
    other = (await client.get(f"/api/v1/posts/{world.ids['need']}/matches", headers=world.headers["admin"]))
    assert other.status_code == 200


async def test_staff_reach_follows_the_service_region_not_the_home_region(client, world):
    staff = world.users["other_staff"]
    await StaffProfile.filter(user_id=staff.id).update(region_id="511500")  # serves 宜宾, lives in 成都
    headers = world.headers["other_staff"]
    answer = await client.get(f"/api/v1/staff/tickets/{world.ids['ticket']}", headers=headers)
    assert answer.status_code == 200
    listed = await client.get("/api/v1/staff/tickets", headers=headers)
    assert {t["id"] for t in listed.json()["tickets"]} == set(await Ticket.all().values_list("id", flat=True))
