"""Who may receive a customer-service message right now (WECHAT.md §2; 45015/45047 are never provoked).

A window is opened by the user (official_account records it); the dispatcher takes one of its
messages before each customer-service send, in one conditional UPDATE, so sends never overdraw it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise import connections
from tortoise.expressions import F, Q

from server.models import ReplyWindow

# Current OA rules (WECHAT.md §2): a message from the user opens 5 messages for 48 h; a follow,
# scan or menu click opens 3 messages for 1 minute.
RULES = {"message": (timedelta(hours=48), 5), "event": (timedelta(minutes=1), 3)}
SHUT = 99  # `sent` of a window WeChat told us is closed


# One statement: insert, or renew unless a click would shrink an open 48-hour message window.
_OPENED = ("INSERT INTO reply_windows (openid, opened_at, kind, sent) VALUES ({p}, {p}, {p}, 0) "
           "ON CONFLICT (openid) DO UPDATE SET opened_at = excluded.opened_at, kind = excluded.kind, sent = 0 "
           "WHERE NOT (excluded.kind = 'event' AND reply_windows.kind = 'message' "
           "AND reply_windows.opened_at > {p} AND reply_windows.sent < {p})")


# The same renewal for a message (never shrunk), fed by a SELECT: services.inbound runs it inside the
# statement that stores the message, for the rows that statement handled.
OPEN_MESSAGE_WINDOW = ("INSERT INTO reply_windows (openid, opened_at, kind, sent) SELECT {openid}, {now}, 'message', 0 "
                       "FROM {source} ON CONFLICT (openid) DO UPDATE SET opened_at = excluded.opened_at, "
                       "kind = excluded.kind, sent = 0")


async def opened(*, openid: str, kind: str, now: datetime | None = None) -> None:
    """Record a user action that opens (or renews) the window."""
    now = now or datetime.now(UTC)
    conn = connections.get("default")
    span, quota = RULES["message"]
    marks = ("$1", "$2", "$3", "$4", "$5") if conn.capabilities.dialect == "postgres" else ("?",) * 5
    await conn.execute_query(_OPENED.replace("{p}", "{}").format(*marks), [openid, now, kind, now - span, quota])


def _open(now: datetime) -> Q:
    return Q(*(Q(kind=kind, opened_at__gt=now - span, sent__lt=quota) for kind, (span, quota) in RULES.items()),
             join_type="OR")


async def take(openid: str, *, now: datetime | None = None) -> bool:
    """Count one message against the open window before sending it; False when none is left."""
    taken = await ReplyWindow.filter(_open(now or datetime.now(UTC)), openid=openid).update(sent=F("sent") + 1)
    return bool(taken)


async def give_back(openid: str) -> None:
    """Return the message a send took when WeChat did not deliver it (a transient error)."""
    await ReplyWindow.filter(openid=openid, sent__gt=0, sent__lt=SHUT).update(sent=F("sent") - 1)


async def close(openid: str) -> None:
    """WeChat said the window is shut (45015/45047, or the user cannot receive): trust it until they write."""
    await ReplyWindow.filter(openid=openid).update(sent=SHUT)
