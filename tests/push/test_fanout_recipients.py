"""A fan-out's recipients become push requests as the dispatcher sends them: each once, through the sandbox;
a cancel stops the fan-out and the sends; a dead dispatcher loses and doubles nothing; figures hold."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

from server.models import PushAttempt, PushBroadcast, PushRequest
from server.models.enums import Role
from server.push import dispatch
from server.services import emergencies, emergency_fanout
from server.services.commands import EmergencyUpdate
from server.services.metrics import overview
from server.services.metrics.scope import BEIJING
from tests.factories import make_user
from tests.push.test_emergencies import MP_TEMPLATE, NIGHT, NOW, drain, fanned_out, follower, outbox
from tests.push.test_emergency_fanout import followers, one_range, queue_alert, recipients_per_person, rows_per_person


async def sent_once(sandbox, people) -> bool:
    """Every one of `people` got exactly one message, and nobody else got any."""
    sent = Counter(m["payload"]["touser"] for m in await outbox(sandbox))
    return sorted(sent) == sorted(p.oa_openid for p in people) and set(sent.values()) == {1}


async def test_small_batches_write_and_send_each_recipient_once(clients, redis, sandbox, article):
    people = await followers(7)
    _, notice = await queue_alert(article)
    await fanned_out(notice)
    assert await drain(clients, redis, limit=3) == 7
    assert await sent_once(sandbox, people)
    cause = emergencies.cause_of(notice)
    assert set((await rows_per_person(cause)).values()) == {1}
    attempts = Counter(await PushAttempt.all().values_list("request_id", flat=True))
    assert len(attempts) == 7 and set(attempts.values()) == {1}
    assert (await PushBroadcast.get(cause=cause)).state == PushBroadcast.DONE


async def test_sending_starts_before_the_fan_out_ends_and_a_cancel_stops_both(clients, redis, sandbox, article):
    people = await followers(6)
    emergency, notice = await queue_alert(article)
    notice = await emergency_fanout.claim(now=NOW)
    assert await one_range(notice, chunk=people[3].id - notice.fanout_cursor) is True  # 4 of 6 written
    assert await dispatch.dispatch_batch(worker="t", clients=clients, store=redis, mp_appid="wxmp", limit=1,
                                         now=NIGHT) == 1  # the first recipient is sent mid-fan-out
    cancel = await emergencies.cancel(admin=await make_user(Role.ADMIN), emergency_id=emergency.id, now=NOW)
    assert cancel.stopped == 3  # the recipients written but not yet sent
    assert await one_range(notice, chunk=100) is False  # the fan-out writes no more
    await drain(clients, redis)
    assert await sent_once(sandbox, people[:1])
    assert await PushRequest.all().count() == 1
    totals = (await emergencies.figures(emergency.id)).totals
    assert (totals["targeted"], totals["sent"], totals["cancelled"], totals["pending"]) == (4, 1, 3, 0)


async def test_a_dispatcher_that_dies_after_writing_a_batch_loses_and_doubles_nothing(clients, redis, sandbox,
                                                                                      article):
    people = await followers(5)
    _, notice = await queue_alert(article)
    await fanned_out(notice)
    taken = await dispatch.claim(worker="dies", limit=2, now=NIGHT)  # written and claimed, then the worker dies
    assert len(taken) == 2
    assert await drain(clients, redis) == 3  # the others go; the dead worker's two wait for the timeout
    assert await drain(clients, redis, now=NIGHT + dispatch.CLAIM_TIMEOUT + timedelta(seconds=1)) == 2
    assert await sent_once(sandbox, people)
    assert set((await rows_per_person(emergencies.cause_of(notice))).values()) == {1}


async def test_two_dispatchers_at_once_take_different_recipients(article):
    people = await followers(6)
    _, notice = await queue_alert(article)
    await fanned_out(notice)
    first, second = await asyncio.gather(dispatch.claim(worker="a", limit=3, now=NIGHT),
                                         dispatch.claim(worker="b", limit=3, now=NIGHT))
    rest = await dispatch.claim(worker="c", limit=10, now=NIGHT)
    taken = [r.user_id for r in (*first, *second, *rest)]
    assert sorted(taken) == [p.id for p in people]  # all of them, each once


async def test_figures_are_the_same_before_and_after_the_push_requests_are_written(clients, redis, article):
    await followers(3)
    await follower("510105", "jinniu")
    await make_user(region_id="510104")  # unreachable
    granted = await make_user(region_id="510105")
    await granted.subscribe_quotas.create(template_id=MP_TEMPLATE, remaining=1)
    emergency, _ = await queue_alert(article, region="510100")
    await emergency_fanout.work(now=NOW)
    before = await emergencies.figures(emergency.id)
    now = datetime.now(UTC)
    today = now.astimezone(BEIJING).date()
    dashboard = (await overview.overview("510000", since=today, until=today, now=now))["push"]
    assert (before.totals["targeted"], before.totals["pending"], before.totals["unreachable"]) == (6, 5, 1)
    assert dashboard == [{"kind": "emergency_alert", "pending": 5, "sent": 0, "failed": 0, "unreachable": 1,
                          "cancelled": 0}]
    claimed = await dispatch.claim(worker="t", now=NIGHT)  # written, in flight
    assert len(claimed) == 5
    during = await emergencies.figures(emergency.id)
    assert [(r["region_code"], r["targeted"], r["pending"] + r["sending"], r["unreachable"]) for r in during.regions] \
        == [(r["region_code"], r["targeted"], r["pending"], r["unreachable"]) for r in before.regions]
    assert (await overview.overview("510000", since=today, until=today, now=now))["push"] == dashboard
    await drain(clients, redis)
    for request in claimed:  # the claim above was not followed by sends: deliver them now
        await dispatch.dispatch_one(request, clients=clients, store=redis, mp_appid="wxmp", now=NIGHT)
    after = await emergencies.figures(emergency.id)
    assert [(r["region_code"], r["targeted"], r["sent"], r["unreachable"]) for r in after.regions] \
        == [(r["region_code"], r["targeted"], r["pending"], r["unreachable"]) for r in before.regions]


async def test_an_update_copies_exactly_its_alerts_recipients(article):
    await followers(2)
    await make_user(region_id="510104")  # unreachable, but in the audience
    emergency, alert = await queue_alert(article)
    await fanned_out(alert)
    await follower("510104", "joined-after")
    update = await emergencies.update(admin=await make_user(Role.ADMIN), emergency_id=emergency.id, now=NOW,
                                      command=EmergencyUpdate(note="水位回落"))
    await fanned_out(update)
    assert await recipients_per_person(emergencies.cause_of(update)) == await recipients_per_person(
        emergencies.cause_of(alert))
    assert (update.targeted, update.queued, update.unreachable) == (3, 2, 1)
