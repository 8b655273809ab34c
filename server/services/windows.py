"""Who may receive a customer-service message right now (45015/45047 are never provoked)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise import connections

from server.models import ReplyWindow

# Current OA rules (WECHAT.md §2): a message from the user opens 5 messages for 48 h; a follow,
# scan or menu click opens 3 messages for 1 minute.
RULES = {"message": (timedelta(hours=48), 5), "event": (timedelta(minutes=1), 3)}


# One statement: insert, or renew unless a click would shrink an open 48-hour message window.
_OPENED = ("INSERT INTO reply_windows (openid, opened_at, kind, sent) VALUES ({p}, {p}, {p}, 0) "
           "ON CONFLICT (openid) DO UPDATE SET opened_at = excluded.opened_at, kind = excluded.kind, sent = 0 "
           "WHERE NOT (excluded.kind = 'event' AND reply_windows.kind = 'message' "
           "AND reply_windows.opened_at > {p} AND reply_windows.sent < {p})")


async def opened(*, openid: str, kind: str, now: datetime | None = None) -> None:
    """Record a user action that opens (or renews) the window."""
    now = now or datetime.now(UTC)
    conn = connections.get("default")
    span, quota = RULES["message"]
    marks = ("$1", "$2", "$3", "$4", "$5") if conn.capabilities.dialect == "postgres" else ("?",) * 5
    await conn.execute_query(_OPENED.replace("{p}", "{}").format(*marks), [openid, now, kind, now - span, quota])


def _is_open(window: ReplyWindow, now: datetime) -> bool:
    span, quota = RULES[window.kind]
    return now - window.opened_at < span and window.sent < quota


async def can_send(openid: str, *, now: datetime | None = None) -> bool:
    """Return True when a customer-service message to openid would be accepted."""
    window = await ReplyWindow.get_or_none(openid=openid)
    return window is not None and _is_open(window, now or datetime.now(UTC))


async def spent(openid: str) -> None:
    """Count one customer-service message sent inside the window."""
    window = await ReplyWindow.get_or_none(openid=openid)
    if window is not None:
        window.sent += 1
        await window.save(update_fields=["sent"])


async def close(openid: str) -> None:
    """WeChat said the window is shut (45015/45047): trust it."""
    await ReplyWindow.filter(openid=openid).update(sent=99)
