"""A 45009 (API quota) on one channel never holds a red alert back: emergencies take the other channel,
and those that must wait are retried first when sending resumes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.models import PushAttempt, PushRequest, SubscribeQuota
from server.models.enums import PushStatus
from server.models.outbox import PRIORITY_EMERGENCY
from server.push import dispatch
from server.push.templates import load_templates
from tests.factories import make_user

NOON = (datetime.now(UTC) + timedelta(days=1)).replace(hour=4, minute=0, second=0, microsecond=0)  # 12:00 Beijing
ALERT = load_templates()["emergency_alert"]
MATCH = load_templates()["match_found"]
TEMPLATE_SEND = "cgi-bin/message/template/send"


async def enqueue(user, *, cause: str, emergency: bool) -> PushRequest:
    kind, data = ("emergency_alert", ALERT.sample) if emergency else ("match_found", MATCH.sample)
    return await PushRequest.create(kind=kind, cause=cause, user_id=user.id, data=data, due_at=NOON,
                                    priority=PRIORITY_EMERGENCY if emergency else 5)


async def deliver(request: PushRequest, clients, redis, *, now=NOON) -> PushStatus:
    [claimed] = await dispatch.claim(worker="t", limit=1, now=now)
    assert claimed.id == request.id
    return await dispatch.dispatch_one(claimed, clients=clients, store=redis, mp_appid="wxmp", now=now)


async def both_channels(name: str):
    user = await make_user(oa_openid=f"o-{name}", follows_oa=True, mp_openid=f"sandbox-{name}")
    await SubscribeQuota.create(user=user, template_id=ALERT.template_ids["mp_subscribe"], remaining=1)
    return user


async def sent(sandbox, endpoint: str) -> list[dict]:
    return (await sandbox.get("/_sandbox/outbox", params={"endpoint": endpoint})).json()["messages"]


async def test_an_emergency_answered_45009_goes_out_as_a_subscribe_message(clients, redis, sandbox):
    user = await both_channels("red-1")
    await sandbox.post("/_sandbox/faults", json={"endpoint": TEMPLATE_SEND, "errcode": 45009})
    alert = await enqueue(user, cause="emergency:1", emergency=True)
    assert await deliver(alert, clients, redis) == PushStatus.SENT
    [message] = await sent(sandbox, "cgi-bin/message/subscribe/send")
    assert message["touser"] == user.mp_openid
    channels = await PushAttempt.filter(request_id=alert.id).order_by("id").values_list("channel", "errcode")
    assert channels == [("oa_template", 45009), ("mp_subscribe", 0)]


async def test_while_template_sends_are_paused_an_emergency_takes_the_other_channel(clients, redis, sandbox):
    await sandbox.post("/_sandbox/faults", json={"endpoint": TEMPLATE_SEND, "errcode": 45009, "times": 1})
    normal = await enqueue(await make_user(oa_openid="o-busy", follows_oa=True), cause="match:1", emergency=False)
    assert await deliver(normal, clients, redis) == PushStatus.PENDING  # the pause starts here
    alert = await enqueue(await both_channels("red-2"), cause="emergency:2", emergency=True)
    assert await deliver(alert, clients, redis) == PushStatus.SENT
    assert len(await sent(sandbox, "cgi-bin/message/subscribe/send")) == 1
    assert await sent(sandbox, TEMPLATE_SEND) == []


async def test_emergencies_held_by_a_pause_are_retried_first_when_sending_resumes(clients, redis, sandbox):
    await sandbox.post("/_sandbox/faults", json={"endpoint": TEMPLATE_SEND, "errcode": 45009, "times": 1})
    alert = await enqueue(await make_user(oa_openid="o-oa-only", follows_oa=True), cause="emergency:3", emergency=True)
    assert await deliver(alert, clients, redis) == PushStatus.PENDING  # no other channel: it waits
    normal = await enqueue(await make_user(oa_openid="o-later", follows_oa=True), cause="match:3", emergency=False)
    assert await deliver(normal, clients, redis) == PushStatus.PENDING
    alert_due = (await PushRequest.get(id=alert.id)).due_at
    normal_due = (await PushRequest.get(id=normal.id)).due_at
    assert alert_due <= normal_due
    [first] = await dispatch.claim(worker="t", limit=1, now=max(alert_due, normal_due))
    assert first.id == alert.id
