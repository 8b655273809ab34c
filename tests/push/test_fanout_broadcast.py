"""A fan-out's narrow recipients: its template data stored once (a broadcast), push requests written as they are
claimed, each once; cancels, crashes and figures around that."""

from __future__ import annotations

from datetime import timedelta

from server.models import PushBroadcast, PushRequest
from server.models.enums import PushStatus, Role
from server.models.outbox import PRIORITY_EMERGENCY
from server.push import audience as push_audience
from server.push import dispatch
from server.services import emergencies, emergency_fanout
from server.services.commands import EmergencyUpdate
from tests.factories import make_user
from tests.push.test_emergencies import NIGHT, NOW, fanned_out, follower, outbox
from tests.push.test_emergency_fanout import one_range, queue_alert, recipients_per_person


async def test_a_fan_out_writes_recipients_and_the_claim_writes_their_push_requests(article):
    for n in range(3):
        await follower("510104", f"b{n}")
    await make_user(region_id="510104")  # nobody can reach them: a recipient, never a push request
    emergency, notice = await queue_alert(article)
    await fanned_out(notice)
    cause = emergencies.cause_of(notice)
    assert await PushRequest.all().count() == 0  # the fan-out writes recipients only
    assert sum((await recipients_per_person(cause)).values()) == 4
    [shared] = await PushBroadcast.filter(cause=cause)
    assert shared.kind == emergencies.KIND and shared.data == emergencies.message_data(emergency)
    claimed = await dispatch.claim(worker="t", now=NIGHT)
    assert len(claimed) == 3 and {r.status for r in claimed} == {PushStatus.SENDING}
    assert all(r.data["emergency_id"] == emergency.id for r in claimed)  # filled in from the broadcast
    assert [r.data for r in await PushRequest.filter(cause=cause)] == [{}, {}, {}]  # stored once, not per row
    assert await dispatch.claim(worker="t2", now=NIGHT) == []  # each recipient is written once


async def test_the_dispatcher_sends_the_broadcasts_data(clients, redis, sandbox, article):
    await follower("510104", "reader")
    emergency, notice = await queue_alert(article)
    await fanned_out(notice)
    [claimed] = await dispatch.claim(worker="t", now=NIGHT)
    assert claimed.data["emergency_id"] == emergency.id and claimed.data["title"] == emergency.headline
    await dispatch.dispatch_one(claimed, clients=clients, store=redis, mp_appid="wxmp", now=NIGHT)
    [sent] = await outbox(sandbox)
    assert sent["payload"]["data"]["thing1"]["value"] == "锦江区山洪预警"
    assert sent["payload"]["data"]["thing4"]["value"] == "远离河道"
    assert (await PushRequest.get(id=claimed.id)).data == {}  # sending did not copy the data into the row


async def test_a_row_claimed_before_a_cancel_is_not_sent_after_it(clients, redis, sandbox, article):
    await follower("510104", "in-flight")
    emergency, notice = await queue_alert(article)
    await fanned_out(notice)
    [claimed] = await dispatch.claim(worker="t", now=NIGHT)  # taken by a dispatcher: the cancel cannot stop it
    cancel = await emergencies.cancel(admin=await make_user(Role.ADMIN), emergency_id=emergency.id, now=NOW)
    assert cancel.stopped == 0
    status = await dispatch.dispatch_one(claimed, clients=clients, store=redis, mp_appid="wxmp", now=NIGHT)
    assert status == PushStatus.CANCELLED  # the broadcast's emergency_id led the dispatcher to the cancel
    assert await outbox(sandbox) == []


async def test_an_update_that_moves_the_end_keeps_the_alert_deliverable(clients, redis, sandbox, article):
    await follower("510104", "late")
    emergency, notice = await queue_alert(article)
    await fanned_out(notice)  # the alert's broadcast holds the first end (NOW + 2 days)
    later = NOW + timedelta(days=3)
    await emergencies.update(admin=await make_user(Role.ADMIN), emergency_id=emergency.id, now=NOW,
                             command=EmergencyUpdate(note="持续降雨", expires_at=NOW + timedelta(days=5)))
    await dispatch.dispatch_batch(worker="t", clients=clients, store=redis, mp_appid="wxmp", now=later, limit=1)
    assert await PushRequest.filter(cause=emergencies.cause_of(notice), status=PushStatus.SENT).count() == 1


async def test_a_range_that_already_holds_rows_is_completed_without_duplicates(article):
    people = [await follower("510104", f"r{n}") for n in range(4)]
    emergency, notice = await queue_alert(article)
    notice = await emergency_fanout.claim(now=NOW)
    assert await one_range(notice, chunk=people[1].id - notice.fanout_cursor) is True
    who = push_audience.Audience(region_codes=("510104",))
    again = await push_audience.fan_out(who, kind=emergencies.KIND, cause=emergencies.cause_of(notice), data={},
                                        priority=PRIORITY_EMERGENCY, due_at=NOW, now=NOW,
                                        ids=(0, people[3].id))  # overlaps the range written
    assert again == {"targeted": 4, "queued": 4, "unreachable": 0}
    assert set((await recipients_per_person(emergencies.cause_of(notice))).values()) == {1}
    assert len(await recipients_per_person(emergencies.cause_of(notice))) == 4
