"""The official account's inbound queue: store each callback message once, handle it once, retry failures.

The callback stores a message (a unique `dedup_key` row) before anything else, so WeChat's retries are
answered from the store. The row is a lease-based queue: `next_attempt_at` is when it may be taken, and
taking it is a conditional UPDATE on that value, so one worker handles it at a time. The callback takes
the first attempt itself (its passive reply is the fastest answer); a failure records the error and
backs off, and the job workers (`handle_pending`) retry, answering with a customer-service message.
A message handling and its database effects commit together, so a retry never doubles them.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis
from tortoise import connections
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import redis_keys as keys
from server.models import InboundMessage
from server.push import windows
from server.push.audience import Sql
from server.services import official_account
from server.tickets import chat
from server.wechat.callback import InboundMessage as Inbound
from server.wechat.callback import normalise
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)  # a handler silent this long (its process died) loses the message to a worker
BACKOFF_BASE = timedelta(seconds=10)
BACKOFF_CEILING = timedelta(minutes=30)
MAX_ATTEMPTS = 8  # then it waits for a person (listed as stuck), never retried on its own
STUCK_AFTER = timedelta(minutes=1)  # unhandled this long (or failed once): shown to admins


async def receive(*, message: Inbound, store: Redis) -> str | None:
    """Store a callback message once and take its first handling attempt; return a passive reply, or None."""
    stored = await store_once(message=message, store=store)
    if stored is None:
        return None
    row_id, handled = stored
    if handled:
        return official_account.RECEIVED
    return await attempt(row_id, message=message, store=store)


# A retry that outlived the Redis mark finds the row and inserts nothing (ON CONFLICT). A plain message
# (official_account.is_plain) from a sender who is neither staff nor the poster of an open ticket is
# handled by being stored: `handled_at` is set and the reply window renewed in the same statement, and
# the answer is RECEIVED. Any other message is stored leased to the caller and handled by attempt().
_STORE = ("INSERT INTO inbound_messages (dedup_key, openid, kind, event, content, media_id, payload, received_at, "
          "attempts, claimed_at, next_attempt_at, last_error, handled_at) "
          "SELECT {key}, {openid}, {kind}, {event}, {content}, {media_id}, {payload}, {received}, 0, {claimed}, "
          "CASE WHEN sender.busy THEN {lease} END, '', CASE WHEN sender.busy THEN NULL ELSE {handled} END "
          "FROM (SELECT {busy} AS busy) AS sender WHERE true "  # WHERE: SQLite's INSERT ... SELECT ... ON CONFLICT
          "ON CONFLICT (dedup_key) DO NOTHING RETURNING id, handled_at")
_BUSY = ("EXISTS (SELECT 1 FROM users u WHERE u.oa_openid = {openid} AND (u.role = 'staff' OR EXISTS ("
         "SELECT 1 FROM tickets t WHERE t.poster_id = u.id AND t.status NOT IN ({closed}))))")
_CLOSED = ", ".join(f"'{status.value}'" for status in chat.CLOSED)
# PostgreSQL stores and renews in one statement; SQLite (no data-modifying WITH) renews in a second one.
_STORE_AND_RENEW = "WITH stored AS ({store}), renewed AS ({renew}) SELECT id, handled_at FROM stored"


async def store_once(*, message: Inbound, store: Redis) -> tuple[int, bool] | None:
    """Store a message and return (its id, whether storing handled it); None when it was stored before.

    A stored message not handled is leased to the caller.
    """
    seen = keys.key(keys.WECHAT_CALLBACK_SEEN, dedup_key=message.dedup_key)
    if not await store.set(seen, 1, nx=True, ex=keys.WECHAT_CALLBACK_SEEN_TTL):
        return None
    try:
        return await _insert(message)
    except BaseException:
        await store.delete(seen)  # not stored: let WeChat's retry try again
        raise


async def _insert(message: Inbound) -> tuple[int, bool] | None:
    conn = connections.get("default")
    sql, now = Sql(conn.capabilities.dialect), datetime.now(UTC)
    pg = sql.dialect == "postgres"
    at = "::timestamptz" if pg else ""  # a bare parameter in a CASE would be text to PostgreSQL
    plain = official_account.is_plain(message)
    values = {"key": sql.p(message.dedup_key), "openid": sql.p(message.openid), "kind": sql.p(message.kind),
              "event": sql.p(message.event), "content": sql.p(message.content[:5000]),
              "media_id": sql.p(message.media_id), "payload": sql.json(message.raw), "received": sql.p(now),
              "claimed": sql.p(now), "lease": sql.p(now + LEASE) + at, "handled": sql.p(now) + at}  # in text order
    busy = _BUSY.format(openid=sql.p(message.openid), closed=_CLOSED) if plain else "true"
    statement = _STORE.format(busy=busy, **values)
    if pg and plain:
        renew = windows.OPEN_MESSAGE_WINDOW.format(source="stored WHERE handled_at IS NOT NULL",
                                                    openid=sql.p(message.openid), now=sql.p(now))
        statement = _STORE_AND_RENEW.format(store=statement, renew=renew)
    if pg or not plain:
        rows = await conn.execute_query_dict(statement, sql.values)
    else:
        async with in_transaction() as tx:
            rows = await tx.execute_query_dict(statement, sql.values)
            if rows and rows[0]["handled_at"] is not None:
                await windows.opened(openid=message.openid, kind="message", now=now)
    if not rows:
        return None
    return int(rows[0]["id"]), rows[0]["handled_at"] is not None


async def attempt(row_id: int, *, message: Inbound, store: Redis, attempts: int = 0) -> str | None:
    """Handle a leased message: its effects and `handled_at` commit together; a failure backs off."""
    try:
        async with in_transaction():
            reply = await official_account.handle(message=message, store=store)
            await InboundMessage.filter(id=row_id).update(handled_at=datetime.now(UTC), next_attempt_at=None,
                                                          last_error="")
    except Exception as exc:  # noqa: BLE001 - recorded on the row and retried by the workers
        await _failed(row_id, attempts=attempts + 1, exc=exc)
        return None
    return reply


async def _failed(row_id: int, *, attempts: int, exc: Exception) -> None:
    delay = min(BACKOFF_BASE * 2 ** (attempts - 1), BACKOFF_CEILING)
    error = f"{type(exc).__name__}: {exc}"[:200]
    await InboundMessage.filter(id=row_id).update(
        attempts=attempts, last_error=error,
        next_attempt_at=datetime.now(UTC) + delay if attempts < MAX_ATTEMPTS else None)
    log.warning("inbound message %s failed, attempt %s: %s", row_id, attempts, error, exc_info=exc)


async def claim_due(*, now: datetime, limit: int = 20) -> list[InboundMessage]:
    """Lease unhandled messages whose time has come, each to this worker only."""
    due = await (InboundMessage.filter(handled_at__isnull=True, next_attempt_at__lte=now)
                 .order_by("next_attempt_at", "id").limit(limit).values_list("id", "next_attempt_at"))
    claimed = []
    for row_id, was_due in due:
        if await InboundMessage.filter(id=row_id, handled_at__isnull=True, next_attempt_at=was_due).update(
                claimed_at=now, next_attempt_at=now + LEASE):
            claimed.append(row_id)
    return await InboundMessage.filter(id__in=claimed).order_by("id") if claimed else []


async def handle_pending(*, store: Redis, oa: WeChatClient, now: datetime | None = None, limit: int = 20) -> int:
    """Retry stored messages not yet handled (the workers' pass); return how many were taken."""
    rows = await claim_due(now=now or datetime.now(UTC), limit=limit)
    for row in rows:
        message = normalise(row.payload)
        reply = await attempt(row.id, message=message, store=store, attempts=row.attempts)
        if reply:
            await _answer(row, message=message, reply=reply, oa=oa)
    return len(rows)


async def _answer(row: InboundMessage, *, message: Inbound, reply: str, oa: WeChatClient) -> None:
    """Send a late reply as a customer-service message (the sender wrote just now: the window is open)."""
    try:
        await oa.send_custom_message({"touser": message.openid, "msgtype": "text", "text": {"content": reply}})
    except WeChatError as exc:
        row.last_error = f"reply not sent: {exc}"[:200]
        await row.save(update_fields=["last_error"])


async def list_stuck(*, now: datetime | None = None, limit: int = 100) -> list[InboundMessage]:
    """Return unhandled messages that failed or waited too long, oldest first (for admins)."""
    now = now or datetime.now(UTC)
    late = Q(attempts__gt=0) | Q(received_at__lt=now - STUCK_AFTER) | Q(next_attempt_at__isnull=True)
    return await InboundMessage.filter(Q(handled_at__isnull=True) & late).order_by("id").limit(limit)
