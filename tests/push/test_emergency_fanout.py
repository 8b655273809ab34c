"""The emergency fan-out off the request: 202 and progress, ranges written once, cancel mid-fan-out, resumption."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from server.models import EmergencyNotice, PushBroadcast, PushRecipient, PushRequest
from server.models.enums import Role
from server.models.outbox import key_of
from server.services import emergencies, emergency_fanout
from server.services.commands import EmergencyUpdate, NewEmergency, build
from tests.factories import login_as, make_user
from tests.push.test_emergencies import NOW, alert_body, drain, follower, outbox


async def followers(count: int, region: str = "510104") -> list:
    return [await follower(region, f"f{n}") for n in range(count)]


async def queue_alert(article, region: str = "510104"):
    """Raise an alert and leave its fan-out queued (no worker has run)."""
    command = build(NewEmergency, {"event_type": "flood", "severity": "red", "headline": "锦江区山洪预警",
                                   "instruction": "远离河道", "region_codes": [region],
                                   "onset": NOW - timedelta(hours=1), "expires_at": NOW + timedelta(days=2),
                                   "article_ids": [article.id]})
    return await emergencies.alert(admin=await make_user(Role.ADMIN), command=command, now=NOW)


async def one_range(notice: EmergencyNotice, *, chunk: int) -> bool:
    return await emergency_fanout.write_range(notice.id, emergency_id=notice.emergency_id, chunk=chunk, now=NOW)


async def rows_per_person(cause: str) -> Counter:
    """Push requests per person (written by the dispatcher as it sends)."""
    return Counter(await PushRequest.filter(cause=cause).values_list("user_id", flat=True))


async def recipients_per_person(cause: str) -> Counter:
    """Recipient rows per person (written by the fan-out)."""
    shared = await PushBroadcast.get_or_none(kind=emergencies.KIND, cause=cause)
    if shared is None:
        return Counter()
    return Counter(await PushRecipient.filter(key__gt=key_of(shared.id), key__lt=key_of(shared.id + 1))
                   .values_list("user_id", flat=True))


async def test_the_admin_gets_202_at_once_and_follows_the_progress(client, article):
    admin, _ = await login_as(client, "ops-202", Role.ADMIN)
    people = await followers(4)
    made = await client.post("/api/v1/admin/emergencies", json=alert_body(article.id), headers=admin)
    assert made.status_code == 202, made.text
    url = made.json()["progress_url"]
    assert made.headers["location"] == url and made.json()["notice"]["fanout_state"] == "queued"
    assert await PushRequest.all().count() == 0  # nothing written inside the request
    progress = (await client.get(url, headers=admin)).json()
    assert progress["fanned_out"] is False and progress["notices"][0]["fanout_progress"] == 0

    notice = await emergency_fanout.claim(now=NOW)
    await one_range(notice, chunk=people[1].id - notice.fanout_cursor)  # the first two people
    [running] = (await client.get(url, headers=admin)).json()["notices"]
    assert running["fanout_state"] == "running" and 0 < running["fanout_progress"] < 1 and running["targeted"] == 2

    assert await one_range(notice, chunk=emergency_fanout.CHUNK) is False  # the same worker goes on to the end
    [done] = (await client.get(url, headers=admin)).json()["notices"]
    assert (done["fanout_state"], done["fanout_progress"], done["targeted"], done["queued"]) == ("done", 1.0, 4, 4)


async def test_a_cancel_stops_a_fan_out_in_progress(clients, redis, sandbox, article):
    people = await followers(6)
    emergency, notice = await queue_alert(article)
    notice = await emergency_fanout.claim(now=NOW)
    assert await one_range(notice, chunk=people[1].id - notice.fanout_cursor) is True
    cancel = await emergencies.cancel(admin=await make_user(Role.ADMIN), emergency_id=emergency.id, now=NOW)
    assert cancel.stopped == 2  # the range already written
    assert await emergency_fanout.work(now=NOW) == 0  # nothing left to run
    assert await one_range(notice, chunk=100) is False  # a worker that held it writes nothing more
    await notice.refresh_from_db()
    assert notice.fanout_state == "stopped" and notice.targeted == 2
    assert sum((await recipients_per_person(emergencies.cause_of(notice))).values()) == 2
    await drain(clients, redis)
    assert await outbox(sandbox) == [] and await PushRequest.all().count() == 0  # none was ever written
    figures = await emergencies.figures(emergency.id)
    assert (figures.totals["targeted"], figures.totals["cancelled"], figures.totals["pending"]) == (2, 2, 0)


async def test_ranges_raced_by_two_workers_are_each_written_once(article):
    people = await followers(5)
    _, notice = await queue_alert(article)
    notice = await emergency_fanout.claim(now=NOW)
    chunk = people[1].id - notice.fanout_cursor
    await asyncio.gather(one_range(notice, chunk=chunk), one_range(notice, chunk=chunk))
    await notice.refresh_from_db()
    assert notice.fanout_cursor == people[3].id and notice.targeted == 4
    per_person = await recipients_per_person(emergencies.cause_of(notice))
    assert sorted(per_person) == [p.id for p in people[:4]] and set(per_person.values()) == {1}


async def test_a_fan_out_left_by_a_dead_worker_resumes_and_reaches_everyone_once(clients, redis, sandbox, article):
    people = await followers(5)
    _, notice = await queue_alert(article)
    taken = await emergency_fanout.claim(now=NOW)
    await one_range(taken, chunk=people[1].id - taken.fanout_cursor)  # then the worker dies
    assert await emergency_fanout.claim(now=NOW) is None  # leased
    later = NOW + emergency_fanout.LEASE + timedelta(seconds=1)
    assert await emergency_fanout.work(now=later) == 1
    await notice.refresh_from_db()
    assert (notice.fanout_state, notice.targeted, notice.queued) == ("done", 5, 5)
    per_person = await recipients_per_person(emergencies.cause_of(notice))
    assert sorted(per_person) == sorted(p.id for p in people) and set(per_person.values()) == {1}
    await drain(clients, redis)
    sent = Counter(m["payload"]["touser"] for m in await outbox(sandbox))
    assert sorted(sent) == sorted(p.oa_openid for p in people) and set(sent.values()) == {1}
    assert set((await rows_per_person(emergencies.cause_of(notice))).values()) == {1}


async def test_an_update_waits_for_its_alerts_fan_out_and_copies_all_of_it(article):
    people = await followers(3)
    emergency, alert = await queue_alert(article)
    update = await emergencies.update(admin=await make_user(Role.ADMIN), emergency_id=emergency.id, now=NOW,
                                      command=EmergencyUpdate(note="水位上涨"))
    taken = await emergency_fanout.claim(now=NOW)
    assert taken.id == alert.id
    await one_range(taken, chunk=people[0].id - taken.fanout_cursor)
    assert await emergency_fanout.claim(now=NOW) is None  # the update waits for the alert
    while await emergency_fanout.work(now=NOW + emergency_fanout.LEASE + timedelta(seconds=1)):
        pass
    await update.refresh_from_db()
    assert (update.fanout_state, update.targeted) == ("done", 3)


async def test_people_who_join_during_the_fan_out_are_not_in_it(article):
    await followers(2)
    _, notice = await queue_alert(article)
    await follower("510104", "newcomer")
    assert await emergency_fanout.work(now=NOW) == 1
    await notice.refresh_from_db()
    assert notice.targeted == 2
