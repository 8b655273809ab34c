"""The dispatcher: claim due push requests, choose a channel, send, record every attempt.

Several dispatchers may run: rows are claimed with a conditional UPDATE (pending -> sending), so each
is sent once; a row a killed worker left in `sending` is taken back after CLAIM_TIMEOUT, and the OA
template's client_msg_id (our request id and creation time) makes WeChat drop a resend within 10 minutes.
A subscribe message has no such id: a worker killed between WeChat's answer and our record of it can
make that one message go out twice when the row is taken over (at-least-once, never lost).
A ticket chat message is tried first as a customer-service message in the recipient's window
(push.custom), else sent as its kind's notice; a batch sends one person's chat messages in order.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis
from tortoise import connections
from tortoise.expressions import F, Q

from server.models import PushRequest, User
from server.models.emergencies import Emergency
from server.models.enums import EmergencyStatus, PushStatus
from server.models.outbox import PRIORITY_EMERGENCY
from server.models.push import PushAttempt, PushBlock, SubscribeQuota
from server.push import broadcast, custom, throttle
from server.push.templates import MessageTemplate, TemplateValueError, load_templates, render
from server.wechat.client import WeChatClients
from server.wechat.errors import WeChatError

log = logging.getLogger(__name__)

CLAIM_TIMEOUT = timedelta(minutes=5)
MAX_ATTEMPTS = 6
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CEILING = timedelta(hours=1)
BLOCKING_ERRORS = {40003, 43004, 43019, 43101}  # the person can't or won't receive on this channel
QUOTA_HELD, PAUSE_HELD = "45009", "45009 pause"  # last_error of a row held by WeChat's API quota
# Sends one dispatcher keeps in flight: a batch's rows are independent, and a WeChat call is mostly waiting.
SENDS_IN_FLIGHT = 8


async def claim(*, worker: str, limit: int = 50, now: datetime | None = None) -> list[PushRequest]:
    """Claim due requests, emergencies first (and rows a dead worker left behind).

    A fan-out's recipients get their push requests here, as they are claimed (push.broadcast): rows more
    urgent than the most urgent broadcast due come first, then its recipients, then the rest of the queue.
    """
    now = now or datetime.now(UTC)
    ids: list[int] = []
    urgent = await broadcast.most_urgent(now=now)
    if urgent is not None:
        ids += await _claim_queued(worker=worker, limit=limit, now=now, below=urgent)
        ids += await broadcast.materialise(worker=worker, limit=limit - len(ids), now=now,
                                           stopped=_broadcast_stopped)
    if len(ids) < limit:
        ids += await _claim_queued(worker=worker, limit=limit - len(ids), now=now)
    if not ids:
        return []
    claimed = await PushRequest.filter(id__in=ids).order_by("priority", "due_at", "id")
    await broadcast.fill(claimed)  # a fan-out's rows carry no data of their own
    return claimed


async def _claim_queued(*, worker: str, limit: int, now: datetime, below: int | None = None) -> list[int]:
    """Claim rows already in the queue (of a priority more urgent than `below`, if given)."""
    if limit <= 0:
        return []
    if connections.get("default").capabilities.dialect == "postgres":
        return await _claim_skip_locked(worker=worker, limit=limit, now=now, below=below)
    return await _claim_conditional(worker=worker, limit=limit, now=now, below=below)


# The statuses are literals, not parameters: only then can a (generic) plan use the partial indexes
# push_requests_due (pending) and push_requests_claimed (sending). No `id` in the order: the index has
# none (see PushRequest.Meta), and rows due at the same moment come in its order (heap order); ordering
# by id too would sort a whole fan-out's rows at every claim.
_CLAIM = ("UPDATE push_requests SET status = 'sending', claimed_by = $1, claimed_at = $3, updated_at = $3 "
          "WHERE id IN (SELECT id FROM push_requests WHERE {} AND priority < $5 "
          "ORDER BY priority, due_at LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING id")
_CLAIM_DUE = _CLAIM.format("status = 'pending' AND due_at <= $2")
_CLAIM_STALE = _CLAIM.format("status = 'sending' AND claimed_at < $2")
_ANY_PRIORITY = 2**15 - 1  # above every priority (a smallint)


async def _claim_skip_locked(*, worker: str, limit: int, now: datetime, below: int | None) -> list[int]:
    """PostgreSQL: one UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) per claim."""
    conn = connections.get("default")
    ids: list[int] = []
    for query, since in ((_CLAIM_DUE, now), (_CLAIM_STALE, now - CLAIM_TIMEOUT)):
        room = limit - len(ids)
        if room <= 0:
            break
        rows = await conn.execute_query_dict(query, [worker, since, now, room,
                                                     _ANY_PRIORITY if below is None else below])
        ids.extend(row["id"] for row in rows)
    return ids


async def _claim_conditional(*, worker: str, limit: int, now: datetime, below: int | None) -> list[int]:
    """Other databases: a conditional UPDATE per row (pending -> sending), so each row goes to one worker."""
    due = Q(status=PushStatus.PENDING, due_at__lte=now) | Q(status=PushStatus.SENDING,
                                                           claimed_at__lt=now - CLAIM_TIMEOUT)
    if below is not None:
        due &= Q(priority__lt=below)
    candidates = await PushRequest.filter(due).order_by("priority", "due_at", "id").limit(limit).values_list(
        "id", "status", "claimed_at")
    claimed = []
    for request_id, status, claimed_at in candidates:
        taken = await PushRequest.filter(id=request_id, status=status, claimed_at=claimed_at).update(
            status=PushStatus.SENDING, claimed_by=worker, claimed_at=now)
        if taken:
            claimed.append(request_id)
    return claimed


_EMERGENCY_STATUS: dict[int, tuple[float, str, datetime | None]] = {}


async def _emergency_stopped(data: dict, now: datetime, *, cached: bool = True) -> str:
    """Return why an emergency push must not go out any more ("" when it may): cancelled or expired.

    The emergency's own row decides (an update may have moved its end since the data was stored); a send
    reads it at most once a second (`cached`), a broadcast about to write its push requests reads it afresh
    and leaves the sends' cache alone.
    """
    emergency_id = data.get("emergency_id")
    expires = datetime.fromisoformat(str(data["expires_at"])) if data.get("expires_at") else None
    if emergency_id:
        checked = _EMERGENCY_STATUS.get(int(emergency_id)) if cached else None
        if checked is None or time.monotonic() - checked[0] > 1.0:  # a cancel is seen within a second
            found = await Emergency.filter(id=int(emergency_id)).values_list("status", "expires_at")
            status, ends = (str(found[0][0]), found[0][1]) if found else ("", None)
            checked = (time.monotonic(), status, ends)
            if cached:
                _EMERGENCY_STATUS[int(emergency_id)] = checked
        if checked[1] == EmergencyStatus.CANCELLED:
            return "emergency cancelled"
        expires = checked[2] or expires
    return "emergency expired" if expires is not None and expires <= now else ""


async def _broadcast_stopped(data: dict, now: datetime) -> str:
    return await _emergency_stopped(data, now, cached=False)


@dataclass
class Prefetched:
    """What a batch needs to know about its people, read in two queries instead of two per row."""

    users: dict[int, User] = field(default_factory=dict)
    blocks: dict[int, set[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    async def load(cls, user_ids: list[int]) -> Prefetched:
        found = cls(users={u.id: u for u in await User.filter(id__in=user_ids)})
        for user_id, channel, template_id in await PushBlock.filter(user_id__in=user_ids).values_list(
                "user_id", "channel", "template_id"):
            found.blocks.setdefault(user_id, set()).add((channel, template_id))
        return found


async def _choose(user: User, template: MessageTemplate, blocked: set[tuple[str, str]] | None = None,
                  skip: Collection[str] = ()) -> tuple[str, str] | None:
    """Return (channel, openid): OA template for followers, else MP subscribe with quota (none in `skip`)."""
    if blocked is None:
        blocked = set(await PushBlock.filter(user_id=user.id).values_list("channel", "template_id"))
    oa_id = template.template_ids.get("oa_template", "")
    if "oa_template" in template.channels and "oa_template" not in skip and user.oa_openid and user.follows_oa \
            and ("oa_template", oa_id) not in blocked:
        return "oa_template", user.oa_openid
    mp_id = template.template_ids.get("mp_subscribe", "")
    if "mp_subscribe" in template.channels and "mp_subscribe" not in skip and user.mp_openid \
            and ("mp_subscribe", mp_id) not in blocked:
        if template.long_term or await SubscribeQuota.filter(user_id=user.id, template_id=mp_id,
                                                             remaining__gt=0).exists():
            return "mp_subscribe", user.mp_openid
    return None


async def _finish(request: PushRequest, status: PushStatus, error: str = "") -> PushStatus:
    request.status, request.last_error = status, error[:200]
    await request.save(update_fields=["status", "attempts", "last_error", "updated_at"])
    return status


async def _later(request: PushRequest, when: datetime, reason: str) -> PushStatus:
    request.status, request.due_at, request.last_error = PushStatus.PENDING, when, reason
    await request.save(update_fields=["status", "due_at", "attempts", "last_error", "updated_at"])
    return PushStatus.PENDING


async def dispatch_one(request: PushRequest, *, clients: WeChatClients, store: Redis, mp_appid: str,
                       now: datetime | None = None, rate: int = throttle.RATE_PER_SECOND,
                       prefetched: Prefetched | None = None, quiet_hours: bool = True) -> PushStatus:
    """Deliver one claimed request (or reschedule it); return its new status."""
    now = now or datetime.now(UTC)
    template = load_templates().get(request.kind)
    if prefetched is not None:
        user = prefetched.users.get(request.user_id)
    else:
        user = await User.get_or_none(id=request.user_id)
    if template is None or user is None:
        return await _finish(request, PushStatus.FAILED, "unknown kind or user")
    emergency = request.priority == PRIORITY_EMERGENCY
    if emergency and (stopped := await _emergency_stopped(request.data, now)):
        return await _finish(request, PushStatus.CANCELLED, stopped)
    if custom.is_chat(request) and (status := await _chat(request, user=user, clients=clients, store=store,
                                                          now=now, rate=rate)) is not None:
        return status
    if not emergency and quiet_hours and throttle.is_quiet(now):
        return await _later(request, throttle.next_morning(now), throttle.QUIET_HELD)
    blocked = prefetched.blocks.get(user.id, set()) if prefetched is not None else None
    paused = await throttle.paused_until(store, channels=template.channels)
    choice = await _choose(user, template, blocked)
    if choice is not None and choice[0] in paused:
        # An emergency takes the other channel; what must wait is due when the pause ends, and the
        # claim's priority order then sends emergencies first.
        other = await _choose(user, template, blocked, skip=paused) if emergency else None
        if other is None:
            return await _later(request, paused[choice[0]], PAUSE_HELD)
        choice = other
    if choice is None:
        await PushAttempt.create(request=request, channel="none")
        why = custom.NO_WINDOW if custom.is_chat(request) else "no channel"
        return await _finish(request, PushStatus.UNREACHABLE, why)
    if not emergency and not await throttle.take_daily_slot(store, user_id=user.id, now=now):
        return await _later(request, throttle.next_morning(now + timedelta(hours=12)), throttle.CAP_HELD)
    send = functools.partial(_send, request, template=template, clients=clients, store=store, mp_appid=mp_appid,
                             now=now, rate=rate)
    status = await send(channel=choice[0], openid=choice[1])
    if emergency and status == PushStatus.PENDING and request.last_error == QUOTA_HELD:
        other = await _choose(user, template, blocked, skip={choice[0], *paused})
        if other is not None:  # the quota of this channel's API is spent: the red alert takes the other
            status = await send(channel=other[0], openid=other[1])
    return status


async def _send(request: PushRequest, *, template: MessageTemplate, channel: str, openid: str,
                clients: WeChatClients, store: Redis, mp_appid: str, now: datetime, rate: int) -> PushStatus:
    try:
        payload = render(template, channel=channel, data=request.data, touser=openid,
                         client_msg_id=_client_msg_id(request), mp_appid=mp_appid)
    except TemplateValueError as exc:
        return await _finish(request, PushStatus.FAILED, str(exc))
    one_time = channel == "mp_subscribe" and not template.long_term
    if one_time and not await _spend_quota(request.user_id, payload["template_id"]):
        await PushAttempt.create(request=request, channel="none")  # a send beside this one took the last grant
        return await _finish(request, PushStatus.UNREACHABLE, "no subscribe quota")
    await throttle.wait_for_rate(store, limit=rate)
    request.attempts += 1
    try:
        if channel == "oa_template":
            answer = await clients.oa.send_template_message(payload)
        else:
            answer = await clients.mp.send_subscribe_message(payload)
    except WeChatError as exc:
        if one_time and exc.errcode != 43101:  # WeChat only uses up a grant on a delivered message
            await _refund_quota(request.user_id, payload["template_id"])
        await PushAttempt.create(request=request, channel=channel, errcode=exc.errcode, errmsg=exc.errmsg[:200])
        return await _failed(request, exc, channel=channel, template_id=payload["template_id"], store=store, now=now)
    await PushAttempt.create(request=request, channel=channel, wechat_msgid=answer.get("msgid"))
    return await _sent(request, channel=channel)


async def _sent(request: PushRequest, *, channel: str) -> PushStatus:
    request.status, request.last_error, request.channel = PushStatus.SENT, "", channel
    await request.save(update_fields=["status", "attempts", "last_error", "channel", "updated_at"])
    return PushStatus.SENT


async def _chat(request: PushRequest, *, user: User, clients: WeChatClients, store: Redis, now: datetime,
                rate: int) -> PushStatus | None:
    """Wait behind the person's earlier chat message, or send this one in their window; None: send the notice."""
    if (ahead := await custom.waiting_for(request, now=now)) is not None:
        return await _later(request, ahead[1], f"behind #{ahead[0]}")
    if custom.CHANNEL in await throttle.paused_until(store, channels=(custom.CHANNEL,)):
        return None  # the API's daily quota is spent: the notice goes instead
    outcome = await custom.send(request, user=user, oa=clients.oa, store=store, now=now, rate=rate)
    if isinstance(outcome, WeChatError):
        return await _failed(request, outcome, channel=custom.CHANNEL, template_id="", store=store, now=now)
    return await _sent(request, channel=custom.CHANNEL) if outcome else None


def _client_msg_id(request: PushRequest) -> str:
    """The template message's anti-reentry id: stable for a row across workers and retries, so a resend
    after a worker died mid-call is dropped by WeChat (same openid + id within 10 minutes)."""
    return f"push-{request.id}-{int(request.created_at.timestamp())}"


async def _spend_quota(user_id: int, template_id: str) -> bool:
    """Take one one-time grant before sending, in one conditional UPDATE: two sends never share a grant."""
    taken = await SubscribeQuota.filter(user_id=user_id, template_id=template_id, remaining__gt=0).update(
        remaining=F("remaining") - 1, updated_at=datetime.now(UTC))
    return bool(taken)


async def _refund_quota(user_id: int, template_id: str) -> None:
    await SubscribeQuota.filter(user_id=user_id, template_id=template_id).update(
        remaining=F("remaining") + 1, updated_at=datetime.now(UTC))


async def _failed(request: PushRequest, exc: WeChatError, *, channel: str, template_id: str, store: Redis,
                  now: datetime) -> PushStatus:
    if exc.errcode == 45009:
        until = await throttle.pause_for_quota(store, channel=channel, now=now)
        await request.save(update_fields=["attempts"])
        return await _later(request, until, QUOTA_HELD)
    if exc.errcode in BLOCKING_ERRORS:
        await PushBlock.get_or_create(user_id=request.user_id, channel=channel, template_id=template_id,
                                      defaults={"errcode": exc.errcode})
        if exc.errcode == 43101:
            await SubscribeQuota.filter(user_id=request.user_id, template_id=template_id).update(remaining=0)
    if exc.permanent or request.attempts >= MAX_ATTEMPTS:
        await request.save(update_fields=["attempts"])
        return await _finish(request, PushStatus.FAILED, str(exc))
    delay = min(BACKOFF_BASE * 2 ** (request.attempts - 1), BACKOFF_CEILING)
    await request.save(update_fields=["attempts"])
    return await _later(request, now + delay, str(exc))


async def dispatch_batch(*, worker: str, clients: WeChatClients, store: Redis, mp_appid: str,
                         limit: int = 50, now: datetime | None = None, rate: int = throttle.RATE_PER_SECOND,
                         concurrency: int = SENDS_IN_FLIGHT, quiet_hours: bool = True) -> int:
    """Claim and deliver one batch, up to `concurrency` sends at a time; return how many were handled."""
    batch = await claim(worker=worker, limit=limit, now=now)
    if not batch:
        return 0
    prefetched = await Prefetched.load(list({r.user_id for r in batch}))
    gate = asyncio.Semaphore(max(1, concurrency))

    async def deliver(lane: list[PushRequest]) -> None:
        for request in lane:
            async with gate:
                await dispatch_one(request, clients=clients, store=store, mp_appid=mp_appid, now=now, rate=rate,
                                   prefetched=prefetched, quiet_hours=quiet_hours)

    # Lanes start in claim order (emergencies first). If one send raises (the database went away), the
    # others are cancelled and every unfinished row stays `sending` until CLAIM_TIMEOUT hands it on.
    async with asyncio.TaskGroup() as group:
        for lane in custom.lanes(batch):
            group.create_task(deliver(lane))
    return len(batch)


async def record_receipt(*, msgid: int, status: str) -> bool:
    """Store a TEMPLATESENDJOBFINISH result on its attempt; return whether one matched."""
    updated = await PushAttempt.filter(wechat_msgid=msgid).update(final_status=status[:64])
    if updated and status != "success":
        attempt = await PushAttempt.get(wechat_msgid=msgid)
        await PushRequest.filter(id=attempt.request_id).update(status=PushStatus.FAILED, last_error=status[:200])
    return bool(updated)
