"""Emergencies: region targeting, set-based fan-out, priority, update, cancel, figures, the feed, the API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.models import PushRequest
from server.models.enums import EmergencySeverity, EmergencyStatus, EmergencyType, PushStatus, Role
from server.models.outbox import PRIORITY_BULK
from server.push import dispatch, templates
from server.push.templates import load_templates
from server.services import emergencies, emergency_fanout
from server.services.commands import EmergencyUpdate, NewEmergency, build
from tests.factories import login_as, make_user

NOW = datetime.now(UTC).replace(microsecond=0)
NIGHT = (NOW + timedelta(days=1)).replace(hour=15, minute=0, second=0)  # 23:00 Beijing: emergencies still go
MP_TEMPLATE = load_templates()["emergency_alert"].template_ids["mp_subscribe"]


async def follower(region: str, name: str):
    return await make_user(oa_openid=f"o-{name}", follows_oa=True, region_id=region)


async def raise_alert(article, regions: list[str], **overrides):
    """Raise an alert and run its fan-out as a worker would."""
    admin = await make_user(Role.ADMIN)
    fields = {"event_type": EmergencyType.FLOOD, "severity": EmergencySeverity.RED, "headline": "成都暴雨山洪预警",
              "instruction": "远离河道沟谷，及时转移", "region_codes": regions, "onset": NOW - timedelta(hours=1),
              "expires_at": NOW + timedelta(days=2), "article_ids": [article.id], **overrides}
    emergency, notice = await emergencies.alert(admin=admin, now=NOW, command=build(NewEmergency, fields))
    return emergency, await fanned_out(notice)


async def fanned_out(notice):
    """Run the workers' fan-out passes until none is left; return the notice as they left it."""
    while await emergency_fanout.work(now=NOW):
        pass
    await notice.refresh_from_db()
    return notice


async def drain(clients, redis, *, now=NIGHT, limit=50) -> int:
    total = 0
    while handled := await dispatch.dispatch_batch(worker="t", clients=clients, store=redis, mp_appid="wxmp",
                                                   limit=limit, now=now):
        total += handled
    return total


async def outbox(sandbox) -> list[dict]:
    return (await sandbox.get("/_sandbox/outbox")).json()["messages"]


async def test_a_city_alert_reaches_its_counties_and_no_one_else(clients, redis, sandbox, article):
    jinjiang = await follower("510104", "jinjiang")
    await follower("510703", "mianyang")
    emergency, notice = await raise_alert(article, ["510100"])
    assert (notice.targeted, notice.queued, notice.unreachable) == (1, 1, 0)
    await drain(clients, redis)  # at night: emergencies ignore quiet hours
    [sent] = await outbox(sandbox)
    assert sent["payload"]["touser"] == "o-jinjiang"
    assert sent["payload"]["data"]["phrase2"]["value"] == "红色预警"
    assert await PushRequest.filter(user_id=jinjiang.id, status=PushStatus.SENT).count() == 1
    assert emergency.status == EmergencyStatus.ACTIVE


async def test_people_nobody_can_reach_are_counted_not_queued(article):
    await follower("510104", "a")
    await make_user(region_id="510104")  # mini-program only, no subscribe grant
    granted = await make_user(region_id="510105")
    await granted.subscribe_quotas.create(template_id=MP_TEMPLATE, remaining=1)
    _, notice = await raise_alert(article, ["510100"])
    assert (notice.targeted, notice.queued, notice.unreachable) == (3, 2, 1)


async def test_emergencies_jump_the_queue(clients, redis, article):
    person = await follower("510104", "busy")
    bulk = await PushRequest.create(kind="article_push", cause="outreach:1", user=person, priority=PRIORITY_BULK,
                                    data=dict(load_templates()["article_push"].sample))
    await raise_alert(article, ["510104"])
    [first] = await dispatch.claim(worker="t", limit=1, now=NIGHT)
    assert first.kind == "emergency_alert" and first.id > bulk.id


async def test_cancel_stops_what_is_still_queued(clients, redis, sandbox, article):
    for n in range(5):
        await follower("510104", f"p{n}")
    emergency, _ = await raise_alert(article, ["510104"])
    assert await dispatch.dispatch_batch(worker="t", clients=clients, store=redis, mp_appid="wxmp", limit=2,
                                         now=NIGHT) == 2
    notice = await emergencies.cancel(admin=await make_user(Role.ADMIN), emergency_id=emergency.id, note="预警解除")
    assert notice.stopped == 3
    await drain(clients, redis)
    assert len(await outbox(sandbox)) == 2
    figures = await emergencies.figures(emergency.id)
    assert figures.totals["sent"] == 2 and figures.totals["cancelled"] == 3


async def test_a_row_claimed_before_the_cancel_is_not_sent_after_it(clients, redis, sandbox, article):
    await follower("510104", "inflight")
    emergency, _ = await raise_alert(article, ["510104"])
    [claimed] = await dispatch.claim(worker="t", now=NIGHT)
    await emergencies.cancel(admin=await make_user(Role.ADMIN), emergency_id=emergency.id)
    dispatch._EMERGENCY_STATUS.clear()  # what a second later looks like to the worker's cache
    status = await dispatch.dispatch_one(claimed, clients=clients, store=redis, mp_appid="wxmp", now=NIGHT)
    assert status == PushStatus.CANCELLED and await outbox(sandbox) == []


async def test_expired_alerts_are_not_sent(clients, redis, sandbox, article):
    await follower("510104", "late")
    emergency, _ = await raise_alert(article, ["510104"], expires_at=NOW + timedelta(hours=1))
    await drain(clients, redis, now=NOW + timedelta(hours=2))
    assert await outbox(sandbox) == []
    assert await PushRequest.all().count() == 0  # its recipient was never written as a push request
    assert (await emergencies.figures(emergency.id)).totals["cancelled"] == 1


async def test_an_update_goes_to_the_same_audience_only(clients, redis, sandbox, article):
    await follower("510104", "first")
    emergency, _ = await raise_alert(article, ["510104"])
    await follower("510104", "arrived-later")
    notice = await emergencies.update(admin=await make_user(Role.ADMIN), emergency_id=emergency.id, now=NOW,
                                      command=EmergencyUpdate(note="雨势减弱，仍需注意山洪"))
    assert (await fanned_out(notice)).targeted == 1
    await drain(clients, redis)
    sent = await outbox(sandbox)
    assert [m["payload"]["touser"] for m in sent] == ["o-first", "o-first"]
    # one batch sends both at once: the update is one of the two, in whichever order WeChat took them
    assert sum(m["payload"]["data"]["thing4"]["value"].startswith("雨势减弱") for m in sent) == 1


async def test_figures_are_reported_per_child_region(clients, redis, article):
    await follower("510104", "cd1")
    await follower("510105", "cd2")
    await follower("510703", "my1")
    await make_user(region_id="510703")
    emergency, _ = await raise_alert(article, ["510000"])
    await drain(clients, redis)
    figures = await emergencies.figures(emergency.id)
    by_region = {r["region_code"]: r for r in figures.regions}
    assert by_region["510100"]["name"] == "成都市" and by_region["510100"]["sent"] == 2
    assert by_region["510700"]["targeted"] == 2 and by_region["510700"]["unreachable"] == 1
    assert figures.totals["targeted"] == 4


async def test_the_feed_pins_the_emergency_for_my_region_only(client, article):
    here, _ = await login_as(client, "feed-cd", Role.CITIZEN, region_id="510104")
    there, _ = await login_as(client, "feed-my", Role.CITIZEN, region_id="510703")
    emergency, _ = await raise_alert(article, ["510100"])
    pinned = (await client.get("/api/v1/articles", headers=here)).json()["emergency"]
    assert pinned["title"] == "成都暴雨山洪预警" and pinned["regions"] == ["成都市"]
    assert pinned["article_id"] == article.id and pinned["severity"] == "red"
    assert pinned["articles"] == [{"id": article.id, "title": article.title}]
    assert pinned["instruction"] and pinned["expires_at"]
    assert (await client.get("/api/v1/articles", headers=there)).json()["emergency"] is None
    await emergencies.cancel(admin=await make_user(Role.ADMIN), emergency_id=emergency.id)
    assert (await client.get("/api/v1/articles", headers=here)).json()["emergency"] is None


async def test_long_term_subscription_needs_no_grant(clients, settings, redis, sandbox, article):
    templates.configure(settings.with_(template_ids=(("WECHAT_TPL_EMERGENCY_ALERT_MP_LONG_TERM", "1"),)))
    try:
        await make_user(mp_openid="mp-longterm", region_id="510104")
        _, notice = await raise_alert(article, ["510104"])
        assert notice.queued == 1
        await drain(clients, redis)
        [sent] = await outbox(sandbox)
        assert sent["endpoint"] == "cgi-bin/message/subscribe/send" and sent["payload"]["touser"] == "mp-longterm"
    finally:
        templates.configure(settings)


# ---- the admin API -------------------------------------------------------------------------------

def alert_body(article_id: int, **overrides) -> dict:
    return {"event_type": "earthquake", "severity": "orange", "headline": "锦江区地震应急科普",
            "instruction": "远离危房，注意余震", "region_codes": ["510104"],
            "onset": (NOW - timedelta(minutes=5)).isoformat(), "expires_at": (NOW + timedelta(days=1)).isoformat(),
            "article_ids": [article_id], **overrides}


async def test_the_admin_api_previews_alerts_and_reports_delivery(client, article):
    admin, _ = await login_as(client, "ops", Role.ADMIN)
    await follower("510104", "api1")
    await make_user(region_id="510104")
    preview = (await client.post("/api/v1/admin/emergencies/preview", json={"region_codes": ["510100", "510104"]},
                                 headers=admin)).json()
    assert preview["region_codes"] == ["510100"]  # 锦江区 lies within 成都市: counted once
    assert (preview["total"], preview["reachable"]) == (2, 1)
    made = await client.post("/api/v1/admin/emergencies", json=alert_body(article.id), headers=admin)
    assert made.status_code == 202, made.text
    body = made.json()
    assert body["emergency"]["cap_severity"] == "Severe" and body["notice"]["fanout_state"] == "queued"
    while await emergency_fanout.work():
        pass
    shown = (await client.get(f"/api/v1/admin/emergencies/{body['emergency']['id']}",
                              headers=admin)).json()
    assert shown["delivery"]["totals"]["pending"] == 1 and shown["delivery"]["totals"]["unreachable"] == 1
    cancelled = await client.post(f"/api/v1/admin/emergencies/{body['emergency']['id']}/cancel",
                                  json={"note": "误报"}, headers=admin)
    assert cancelled.json()["notice"]["stopped"] == 1
    again = await client.post(f"/api/v1/admin/emergencies/{body['emergency']['id']}/cancel", json={},
                              headers=admin)
    assert again.status_code == 409
    update = await client.post(f"/api/v1/admin/emergencies/{body['emergency']['id']}/update",
                               json={"note": "更新"}, headers=admin)
    assert update.status_code == 409


@pytest.mark.parametrize(("overrides", "field"), [
    ({"region_codes": ["999999"]}, "region_codes"),
    ({"region_codes": []}, "region_codes"),
    ({"article_ids": [987654]}, "article_ids"),
    ({"severity": "purple"}, "severity"),
    ({"expires_at": (NOW - timedelta(days=2)).isoformat()}, "expires_at"),
    ({"onset": "2026-12-01T08:00:00"}, "onset"),  # no time zone
])
async def test_bad_alerts_are_refused_and_nothing_is_sent(client, article, overrides, field):
    admin, _ = await login_as(client, "ops-bad", Role.ADMIN)
    await follower("510104", "bad")
    answer = await client.post("/api/v1/admin/emergencies", json=alert_body(article.id, **overrides),
                               headers=admin)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["field"].startswith(field)
    assert await PushRequest.all().count() == 0


async def test_only_admins_raise_emergencies(client, article):
    staff, _ = await login_as(client, "staffer", Role.CITIZEN)
    answer = await client.post("/api/v1/admin/emergencies", json=alert_body(article.id), headers=staff)
    assert answer.status_code == 403
    assert (await client.get("/api/v1/admin/emergencies")).status_code == 401
