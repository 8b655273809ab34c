"""The mini-program reports subscribe-message grants; each accept is one send."""

from __future__ import annotations

from server.models import SubscribeQuota
from server.push.templates import load_templates
from tests.factories import login_as

MATCH_MP = load_templates()["match_found"].template_ids["mp_subscribe"]
PROGRESS_MP = load_templates()["post_progress"].template_ids["mp_subscribe"]


async def test_accepts_are_counted_per_template(client):
    headers, user = await login_as(client, "subscriber")
    for _ in range(2):
        answer = await client.post("/api/v1/subscriptions", json={"results": {MATCH_MP: "accept",
                                                                              PROGRESS_MP: "reject"}},
                                   headers=headers)
        assert answer.status_code == 200
    balances = {s["template_id"]: s["remaining"] for s in answer.json()["subscriptions"]}
    assert balances[MATCH_MP] == 2 and balances[PROGRESS_MP] == 0
    assert (await SubscribeQuota.get(user_id=user.id, template_id=MATCH_MP)).remaining == 2


async def test_unknown_templates_and_results_are_refused(client):
    headers, _ = await login_as(client, "subscriber2")
    unknown = await client.post("/api/v1/subscriptions", json={"results": {"nope": "accept"}}, headers=headers)
    bad = await client.post("/api/v1/subscriptions", json={"results": {MATCH_MP: "maybe"}}, headers=headers)
    too_many = await client.post("/api/v1/subscriptions", json={"results": {f"t{i}": "accept" for i in range(4)}},
                                 headers=headers)
    assert unknown.status_code == bad.status_code == too_many.status_code == 422
    assert await SubscribeQuota.all().count() == 0
