"""Match JSON tells each side whose decision it is: one side's 已接受 is not the other's."""

from __future__ import annotations

from server.models import Match
from tests.factories import create_post, login_as


async def matched_pair(client) -> tuple[dict, dict, int]:
    """A citizen's need matched to a scientist's offer (stored directly, no matching run); return both sides."""
    scientist, _ = await login_as(client, "sides-scientist", "scientist")
    offer = await create_post(client, scientist, kind="offer", title="酸性土壤改良技术服务")
    poster, _ = await login_as(client, "sides-poster")
    need = await create_post(client, poster)
    match = await Match.create(demand_id=need["id"], supply_post_id=offer["id"], origin_post_id=need["id"],
                               score=3.2, method="fusion", rank=1, keywords=["土壤"], relevance=0.71)
    return poster, scientist, match.id


async def one_match(client, headers, post_id: int) -> dict:
    response = await client.get(f"/api/v1/posts/{post_id}/matches", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["matches"][0]


async def test_the_deciding_side_sees_its_own_decision(client):
    poster, _, match_id = await matched_pair(client)
    response = await client.post(f"/api/v1/matches/{match_id}/decision", json={"decision": "accept"}, headers=poster)
    body = response.json()["match"]
    assert (body["decision"], body["decided_by"], body["my_decision"]) == ("accepted", "demand", "accepted")


async def test_the_other_side_sees_it_as_the_other_sides(client):
    poster, scientist, match_id = await matched_pair(client)
    await client.post(f"/api/v1/matches/{match_id}/decision", json={"decision": "accept"}, headers=poster)
    match = await Match.get(id=match_id)
    seen = await one_match(client, scientist, match.supply_post_id)
    assert (seen["decision"], seen["decided_by"], seen["my_decision"]) == ("accepted", "demand", None)
    assert seen["matched_offer"]["id"] == match.supply_post_id and seen["relevance"] == 0.71


async def test_an_undecided_match_has_no_decider(client):
    poster, _, match_id = await matched_pair(client)
    match = await Match.get(id=match_id)
    seen = await one_match(client, poster, match.demand_id)
    assert (seen["decision"], seen["decided_by"], seen["my_decision"]) == (None, None, None)
