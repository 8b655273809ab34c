"""The emergency fan-out, run by the job workers: one user-id range per transaction.

An alert or update is queued as its `EmergencyNotice` (`fanout_state` queued) and the admin's request
answers at once. A worker leases the notice (a conditional UPDATE, like inbound messages), then writes
the recipients of users (after, after + CHUNK] in one INSERT ... SELECT, adds that range's figures to
the notice and moves its cursor, all in one transaction. So:

- nothing is written twice: a range and the cursor past it commit together, the notice row is locked
  while a range is written, and the recipients key (broadcast, user) stays as the last guard (a range
  found to hold rows already is written with ON CONFLICT DO NOTHING; see push.audience);
- each row is narrow: a recipient (key, region, reachable); the notice's template data is stored once, as
  its broadcast, and the dispatcher writes a recipient's push request only as it sends it (push.broadcast),
  from the first range on: sending starts while the fan-out goes on;
- a worker that dies loses only its uncommitted range: the lease runs out and another worker resumes
  at the cursor;
- a cancel stops a fan-out in progress: each range first locks the emergency (the cancel locks it too)
  and finds it cancelled, so no range is written after the cancel's stop of what was queued;
- an update waits until its alert's fan-out has ended, so it copies the whole audience.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.models import Emergency, EmergencyNotice
from server.models.enums import EmergencyStatus
from server.models.outbox import PRIORITY_EMERGENCY
from server.push import audience as push_audience
from server.push import broadcast as push_broadcast
from server.services.emergencies import DONE, KIND, QUEUED, RUNNING, STOPPED, cause_of, message_data

log = logging.getLogger(__name__)

CHUNK = 50_000  # user ids per transaction: ~0.1-0.3 s each, so a cancel waits for at most one range
LEASE = timedelta(minutes=1)  # renewed by every range: a notice silent this long goes to another worker


async def claim(*, now: datetime) -> EmergencyNotice | None:
    """Lease the oldest fan-out that may run now (an emergency's notices in order), or None."""
    unfinished = await EmergencyNotice.filter(fanout_state__in=[QUEUED, RUNNING]).order_by("id").limit(100)
    seen: set[int] = set()
    for notice in unfinished:
        first_of_its_emergency = notice.emergency_id not in seen
        seen.add(notice.emergency_id)
        leased = notice.fanout_lease_until is not None and notice.fanout_lease_until > now
        if not first_of_its_emergency or leased:
            continue
        free = Q(fanout_lease_until__isnull=True) if notice.fanout_lease_until is None else Q(
            fanout_lease_until=notice.fanout_lease_until)
        if await EmergencyNotice.filter(free, id=notice.id, fanout_state__in=[QUEUED, RUNNING]).update(
                fanout_state=RUNNING, fanout_lease_until=now + LEASE):
            return await EmergencyNotice.get(id=notice.id)
    return None


async def write_range(notice_id: int, *, emergency_id: int, chunk: int = CHUNK,
                      now: datetime | None = None) -> bool:
    """Write the next user-id range of a running fan-out; return whether more remains."""
    now = now or datetime.now(UTC)
    async with in_transaction():
        # Emergency first, then the notice: the cancel takes them in the same order.
        emergency = await Emergency.select_for_update().get(id=emergency_id)
        notice = await EmergencyNotice.select_for_update().get(id=notice_id)
        if notice.fanout_state != RUNNING:
            return False
        if emergency.status != EmergencyStatus.ACTIVE or emergency.expires_at <= now:
            await push_broadcast.stop(kind=KIND, causes=[cause_of(notice)])
            await _end(notice, STOPPED, now=now)
            return False
        ids = (notice.fanout_cursor, min(notice.fanout_cursor + chunk, notice.fanout_upto))
        figures = await _write(notice, emergency, ids=ids, now=now)
        notice.targeted += figures["targeted"]
        notice.queued += figures["queued"]
        notice.unreachable += figures["unreachable"]
        notice.fanout_cursor, notice.fanout_lease_until = ids[1], now + LEASE
        if ids[1] >= notice.fanout_upto:
            await push_broadcast.seal(kind=KIND, cause=cause_of(notice))
            await _end(notice, DONE, now=now)
            return False
        await notice.save(update_fields=["targeted", "queued", "unreachable", "fanout_cursor", "fanout_lease_until"])
        return True


async def _write(notice: EmergencyNotice, emergency: Emergency, *, ids: tuple[int, int],
                 now: datetime) -> dict[str, int]:
    common = {"kind": KIND, "cause": cause_of(notice), "priority": PRIORITY_EMERGENCY, "due_at": now, "now": now,
              "ids": ids}
    if notice.msg_type == "alert":
        who = push_audience.Audience(region_codes=tuple(emergency.region_codes))
        return await push_audience.fan_out(who, data=message_data(emergency), **common)
    first = await EmergencyNotice.filter(emergency_id=emergency.id, msg_type="alert").order_by("id").first()
    if first is None:
        return {"targeted": 0, "queued": 0, "unreachable": 0}
    return await push_audience.copy_audience(from_cause=cause_of(first), data=message_data(emergency, note=notice.note),
                                             **common)


async def _end(notice: EmergencyNotice, state: str, *, now: datetime) -> None:
    notice.fanout_state, notice.fanout_finished_at, notice.fanout_lease_until = state, now, None
    notice.fanout_ms = max(0, int((now - notice.created_at).total_seconds() * 1000))
    await notice.save(update_fields=["targeted", "queued", "unreachable", "fanout_cursor", "fanout_state",
                                     "fanout_finished_at", "fanout_lease_until", "fanout_ms"])


async def work(*, chunk: int = CHUNK, now: datetime | None = None) -> int:
    """Run one queued fan-out to its end (the workers' pass); return how many ranges were written."""
    notice = await claim(now=now or datetime.now(UTC))
    if notice is None:
        return 0
    written = 0
    while True:
        more = await write_range(notice.id, emergency_id=notice.emergency_id, chunk=chunk, now=now)
        written += 1
        if not more:
            break
    log.info("emergency %s notice %s fanned out in %s range(s)", notice.emergency_id, notice.id, written)
    return written
