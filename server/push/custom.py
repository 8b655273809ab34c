"""The customer-service channel (客服消息, WECHAT.md §2): a ticket chat message sent into the recipient's window.

A request has this channel when its data holds a customer-service body (`custom`: the message without
`touser`, written by server.tickets.chat). It goes out while the recipient follows the account and their
window has a message left; otherwise, or when WeChat says the window is shut (45015/45047) or that
they cannot receive it (40003, 43004, 43019 ...), the dispatcher sends the kind's notice instead.
A person's chat messages keep their order: one waits behind an earlier one still being sent or retried.
custom/send has no anti-reentry id: a worker killed between WeChat's answer and our record of it can
make one message go out twice when the row is taken over (at-least-once, never lost).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from redis.asyncio import Redis
from tortoise import connections

from server.models import PushAttempt, PushRequest, User
from server.models.enums import PushStatus
from server.models.outbox import PRIORITY_CHAT
from server.push import throttle, windows
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError

CHANNEL = "oa_custom"
WINDOW_SHUT = frozenset({45015, 45047})  # outside the 48 hours / its 5 messages spent: wait for the user
SENDING_WAIT = timedelta(seconds=2)  # behind a message another worker is sending right now
NO_WINDOW = "outside the 48-hour window; no template or subscribe channel"  # why a chat message is unreachable

# The person's earliest earlier chat message still being sent or waiting for a retry (a notice held for
# quiet hours or the daily cap is not waited for). Statuses and priority are literals, so the partial
# indexes push_requests_due and push_requests_claimed serve it.
_AHEAD = ("SELECT id, status, due_at FROM push_requests WHERE user_id = {p} AND id < {p} AND ("  # noqa: S608
          f"(status = 'sending' AND priority = {PRIORITY_CHAT}) OR (status = 'pending' AND priority = {PRIORITY_CHAT} "
          f"AND last_error NOT IN ('{throttle.QUIET_HELD}', '{throttle.CAP_HELD}'))) ORDER BY id LIMIT 1")


def is_chat(request: PushRequest) -> bool:
    """Return True for a request that carries a customer-service message."""
    return isinstance(request.data.get("custom"), dict)


def lanes(batch: list[PushRequest]) -> list[list[PushRequest]]:
    """Split a batch into lanes sent side by side: one person's chat messages share a lane, oldest first."""
    found: dict[object, list[PushRequest]] = {}
    for request in batch:
        found.setdefault(("chat", request.user_id) if is_chat(request) else request.id, []).append(request)
    return [sorted(lane, key=lambda r: r.id) for lane in found.values()]


async def waiting_for(request: PushRequest, *, now: datetime) -> tuple[int, datetime] | None:
    """Return the earlier chat message this one must wait for and when to look again, or None."""
    conn = connections.get("default")
    marks = ("$1", "$2") if conn.capabilities.dialect == "postgres" else ("?", "?")
    rows = await conn.execute_query_dict(_AHEAD.replace("{p}", "{}").format(*marks), [request.user_id, request.id])
    if not rows:
        return None
    ahead = rows[0]
    if ahead["status"] == PushStatus.SENDING:
        return ahead["id"], now + SENDING_WAIT
    due = ahead["due_at"] if isinstance(ahead["due_at"], datetime) else datetime.fromisoformat(ahead["due_at"])
    return ahead["id"], max(due, now)


async def send(request: PushRequest, *, user: User, oa: WeChatClient, store: Redis, now: datetime,
               rate: int) -> bool | WeChatError:
    """Send the request's customer-service message if the user's window is open.

    Return True when sent, False when the kind's notice must go instead, the error when a retry may help.
    https://developers.weixin.qq.com/doc/service/api/customer/message/api_sendcustommessage
    """
    openid = user.oa_openid if user.follows_oa else None
    if not openid or not await windows.take(openid, now=now):
        return False
    await throttle.wait_for_rate(store, limit=rate)
    request.attempts += 1
    try:
        await oa.send_custom_message({"touser": openid, **request.data["custom"]})
    except WeChatError as exc:
        await PushAttempt.create(request=request, channel=CHANNEL, errcode=exc.errcode, errmsg=exc.errmsg[:200])
        if exc.permanent or exc.errcode in WINDOW_SHUT:
            await windows.close(openid)
            return False
        await windows.give_back(openid)
        return exc
    await PushAttempt.create(request=request, channel=CHANNEL)
    return True
