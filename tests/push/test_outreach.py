"""Targeted article campaigns (精准科普) and award calls: audience, preview, schedule, send, cancel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.models import Article, Outreach, PushBroadcast, PushRequest
from server.models.enums import OutreachKind, OutreachStatus, PushStatus, Role
from server.models.outbox import PRIORITY_BULK
from server.push import dispatch, throttle
from server.services import outreach
from server.services.commands import NewOutreach, OutreachPreview, build
from tests.factories import login_as, make_user

TOMORROW = (datetime.now(UTC) + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
NOON = TOMORROW.replace(hour=4)  # 12:00 Beijing
NIGHT = TOMORROW.replace(hour=15)  # 23:00 Beijing
THIS_YEAR = NOON.year


@pytest.fixture
async def article(settings, redis):
    return await Article.create(title="果园土壤为什么会变酸", summary="先检测、再按量调酸", topics=["果树栽培"])


def draft(**fields) -> NewOutreach:
    """An article push as an operator would fill it in."""
    return build(NewOutreach, {"kind": OutreachKind.ARTICLE_PUSH, **fields})


async def person(name: str, region: str, **fields):
    return await make_user(oa_openid=f"o-{name}", follows_oa=True, region_id=region, **fields)


async def test_article_audience_by_interest_role_and_region(article):
    await person("fruit-cd", "510104", interests=["果树栽培", "土壤"])
    await person("fruit-my", "510703", interests=["果树栽培"])
    await person("tea-cd", "510105", interests=["茶叶"])
    await person("org-cd", "510104", role=Role.ORGANISATION, interests=["果树栽培"])
    seen = await outreach.preview(now=NOON, command=build(OutreachPreview, {
        "kind": OutreachKind.ARTICLE_PUSH,
        "audience": {"interests": ["果树栽培"], "region_codes": ["510100"], "roles": ["citizen"]}}))
    assert (seen["total"], seen["reachable"]) == (1, 1)
    assert seen["regions"] == [{"region_code": "510104", "users": 1, "reachable": 1, "name": "锦江区"}]
    everyone = await outreach.preview(now=NOON, command=build(OutreachPreview, {
        "kind": OutreachKind.ARTICLE_PUSH, "audience": {"interests": ["果树栽培"]}}))
    assert everyone["total"] == 3


async def test_award_calls_reach_qualifying_scientists_only(article):
    await person("young", "510104", role=Role.SCIENTIST, discipline="土壤学", birth_year=THIS_YEAR - 35)
    await person("older", "510104", role=Role.SCIENTIST, discipline="土壤学", birth_year=THIS_YEAR - 50)
    await person("other-field", "510104", role=Role.SCIENTIST, discipline="机械工程", birth_year=THIS_YEAR - 30)
    await person("citizen", "510104", birth_year=THIS_YEAR - 30, discipline="土壤学")
    seen = await outreach.preview(now=NOON, command=build(OutreachPreview, {
        "kind": OutreachKind.AWARD_CALL,
        "audience": {"disciplines": ["土壤学"], "max_age": 40, "region_codes": ["510000"]}}))
    assert seen["total"] == 1


async def test_send_queues_bulk_pushes_once_and_dispatch_delivers(clients, redis, sandbox, article):
    admin = await make_user(Role.ADMIN)
    await person("reader", "510104", interests=["果树栽培"])
    await make_user(region_id="510104", interests=["果树栽培"])  # no channel
    made = await outreach.create(admin=admin, now=NOON, command=draft(
        title="秋季果园管理", article_ids=[article.id], audience={"interests": ["果树栽培"]},
        message={"reason": "您关注了：果树栽培"}))
    sent = await outreach.send(outreach_id=made.id, now=NOON)
    assert (sent.status, sent.targeted, sent.queued, sent.unreachable) == (OutreachStatus.SENT, 2, 1, 1)
    assert await PushRequest.all().count() == 0  # recipients only: the dispatcher writes the request it sends
    shared = await PushBroadcast.get(cause=f"outreach:{made.id}")
    assert shared.priority == PRIORITY_BULK and shared.data["title"] == article.title  # stored once
    figures = await outreach.figures(made.id)
    assert (figures["targeted"], figures["pending"], figures["unreachable"]) == (2, 1, 1)
    with pytest.raises(Exception, match="已发送"):
        await outreach.send(outreach_id=made.id, now=NOON)
    await dispatch.dispatch_batch(worker="t", clients=clients, store=redis, mp_appid="wxmp", now=NOON)
    [message] = (await sandbox.get("/_sandbox/outbox")).json()["messages"]
    assert message["payload"]["data"]["thing4"]["value"] == "您关注了：果树栽培"
    [row] = await PushRequest.all()
    assert row.priority == PRIORITY_BULK and row.data == {} and row.status == PushStatus.SENT
    assert (await outreach.figures(made.id))["sent"] == 1


async def test_sent_at_night_it_waits_for_the_morning(article):
    admin = await make_user(Role.ADMIN)
    await person("sleeper", "510104")
    made = await outreach.create(admin=admin, now=NIGHT, command=draft(
        title="夜间创建", audience={"roles": ["citizen"]}, article_ids=[article.id]))
    await outreach.send(outreach_id=made.id, now=NIGHT)
    assert (await PushBroadcast.get(cause=f"outreach:{made.id}")).due_at == throttle.next_morning(NIGHT)
    assert await dispatch.claim(worker="t", now=NIGHT + timedelta(hours=1)) == []  # nobody is woken
    [row] = await dispatch.claim(worker="t", now=throttle.next_morning(NIGHT))
    assert row.cause == f"outreach:{made.id}"


async def test_scheduled_outreach_goes_when_due_and_cancel_stops_it(article):
    admin = await make_user(Role.ADMIN)
    await person("later", "510104")
    made = await outreach.create(admin=admin, now=NOON, command=draft(
        title="定时推送", audience={"roles": ["citizen"]}, article_ids=[article.id],
        scheduled_at=NOON + timedelta(hours=2)))
    assert made.status == OutreachStatus.SCHEDULED
    assert await outreach.send_due(now=NOON + timedelta(hours=1)) == 0
    assert await outreach.send_due(now=NOON + timedelta(hours=3)) == 1
    assert await outreach.send_due(now=NOON + timedelta(hours=4)) == 0
    assert (await outreach.figures(made.id))["pending"] == 1
    cancelled = await outreach.cancel(outreach_id=made.id)
    assert cancelled.status == OutreachStatus.CANCELLED
    figures = await outreach.figures(made.id)
    assert (figures["targeted"], figures["pending"], figures["cancelled"]) == (1, 0, 1)
    assert await dispatch.claim(worker="t", now=NOON + timedelta(hours=5)) == []


async def test_the_admin_api_creates_previews_and_sends(client, article):
    admin, _ = await login_as(client, "ops-outreach", Role.ADMIN)
    await person("api-sci", "510104", role=Role.SCIENTIST, discipline="土壤学", birth_year=THIS_YEAR - 30)
    preview = await client.post("/api/v1/admin/outreach/preview", headers=admin,
                                json={"kind": "award_call", "audience": {"max_age": 40}})
    assert preview.status_code == 200 and preview.json()["total"] == 1
    body = {"kind": "award_call", "title": "四川青年科技奖征集", "article_ids": [article.id],
            "audience": {"max_age": 40, "region_codes": ["510100"]},
            "message": {"award": "第十七届四川青年科技奖", "note": "40周岁以下", "deadline": "2027-03-31"},
            "send_now": True}
    made = await client.post("/api/v1/admin/outreach", headers=admin, json=body)
    assert made.status_code == 201, made.text
    assert made.json()["outreach"]["status"] == "sent" and made.json()["outreach"]["queued"] == 1
    shown = await client.get(f"/api/v1/admin/outreach/{made.json()['outreach']['id']}", headers=admin)
    assert shown.json()["delivery"]["pending"] == 1
    listed = await client.get("/api/v1/admin/outreach", headers=admin)
    assert [o["title"] for o in listed.json()["outreach"]] == ["四川青年科技奖征集"]


@pytest.mark.parametrize(("change", "field"), [
    ({"audience": {"max_age": 7}}, "audience.max_age"),
    ({"audience": {"active_since": "yesterday"}}, "audience.active_since"),
    ({"message": {"award": "奖"}}, "message.deadline"),
    ({"article_ids": [424242]}, "article_ids"),
    ({"scheduled_at": "2020-01-01T00:00:00+08:00"}, "scheduled_at"),
    ({"kind": "spam"}, "kind"),
])
async def test_bad_outreach_is_refused(client, article, change, field):
    admin, _ = await login_as(client, "ops-bad-outreach", Role.ADMIN)
    body = {"kind": "award_call", "title": "四川青年科技奖征集", "article_ids": [article.id], "audience": {},
            "message": {"award": "青年科技奖", "deadline": "2027-03-31"}, **change}
    answer = await client.post("/api/v1/admin/outreach", headers=admin, json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["field"] == field
    assert await Outreach.all().count() == 0


async def test_only_admins_run_outreach(client):
    scientist, _ = await login_as(client, "sci-outreach", Role.SCIENTIST)
    answer = await client.post("/api/v1/admin/outreach/preview", headers=scientist,
                               json={"kind": "article_push", "audience": {}})
    assert answer.status_code == 403
