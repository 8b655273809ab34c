"""Storing what posters and concierges write to each other (delivery is the relay job's work)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q, RawSQL

from server.errors import NotFound, ValidationFailed
from server.models import ChatMessage, PushRequest, Ticket, User
from server.models.enums import PostStatus
from server.services import windows
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError

MAX_TEXT = 1000
CLOSED = (PostStatus.CLOSED,)


def _clean(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationFailed("消息不能为空", field="text")
    if len(text) > MAX_TEXT:
        raise ValidationFailed(f"消息不能超过 {MAX_TEXT} 个字", field="text")
    return text


async def from_poster(*, poster: User, ticket: Ticket, text: str = "", msg_type: str = "text",
                      media_id: str = "", source: str) -> ChatMessage:
    """Store a poster's message for their concierge (pending delivery)."""
    return await from_poster_to(poster=poster, ticket_id=ticket.id, concierge_id=ticket.concierge_id, text=text,
                                msg_type=msg_type, media_id=media_id, source=source)


async def from_poster_to(*, poster: User, ticket_id: int, concierge_id: int | None, text: str = "",
                         msg_type: str = "text", media_id: str = "", source: str) -> ChatMessage:
    """Store a poster's message for the concierge of a ticket known by id (pending delivery)."""
    body = _clean(text) if msg_type == "text" else text
    return await ChatMessage.create(ticket_id=ticket_id, sender=poster, recipient_id=concierge_id,
                                    sender_role="poster", msg_type=msg_type, text=body, media_id=media_id,
                                    source=source)


async def from_concierge(*, concierge: User, ticket: Ticket, text: str = "", msg_type: str = "text",
                         media_id: str = "") -> ChatMessage:
    """Store a concierge's reply for the poster (pending delivery)."""
    body = _clean(text) if msg_type == "text" else text
    return await ChatMessage.create(ticket=ticket, sender=concierge, recipient_id=ticket.poster_id,
                                    sender_role="concierge", msg_type=msg_type, text=body, media_id=media_id,
                                    source="official_account")


# The poster's most recent ticket still in progress, as a correlated subquery over "users" (statuses are constants).
_CLOSED_LIST = ", ".join(f"'{status.value}'" for status in CLOSED)
_OPEN_TICKET = ("(SELECT t.{column} FROM tickets t WHERE t.id = (SELECT MAX(o.id) FROM tickets o "
                'WHERE o.poster_id = "users"."id" AND o.status NOT IN ({closed})))')


async def sender_with_open_ticket(*, oa_openid: str) -> User | None:
    """The user of an official-account openid, with `open_ticket_id` and `open_ticket_concierge_id`, in one query."""
    return await User.filter(oa_openid=oa_openid).annotate(
        open_ticket_id=RawSQL(_OPEN_TICKET.format(column="id", closed=_CLOSED_LIST)),
        open_ticket_concierge_id=RawSQL(_OPEN_TICKET.format(column="concierge_id", closed=_CLOSED_LIST))).first()


async def latest_open_ticket(poster: User) -> Ticket | None:
    """Return the poster's most recent ticket still in progress."""
    return await Ticket.filter(poster_id=poster.id).exclude(status__in=CLOSED).order_by("-id").first()


async def post_from_miniprogram(*, poster: User, ticket_id: int, text: str) -> ChatMessage:
    """Store a message the poster wrote on the mini-program ticket page."""
    ticket = await Ticket.get_or_none(id=ticket_id, poster_id=poster.id)
    if ticket is None:
        raise NotFound("ticket")
    return await from_poster(poster=poster, ticket=ticket, text=text, source="miniprogram")


async def messages_for_poster(*, poster: User, ticket_id: int, limit: int = 50,
                              before: int | None = None) -> list[ChatMessage]:
    """Return a ticket's chat for its poster, oldest first."""
    if not await Ticket.exists(id=ticket_id, poster_id=poster.id):
        raise NotFound("ticket")
    query = ChatMessage.filter(ticket_id=ticket_id)
    if before:
        query = query.filter(id__lt=before)
    rows = await query.order_by("-id").limit(limit)
    return list(reversed(rows))


# ---- delivery ---------------------------------------------------------------------------------

CLAIM_STALE_AFTER = timedelta(seconds=60)


async def claim_pending(*, limit: int = 20) -> list[ChatMessage]:
    """Claim pending messages (and ones a dead worker left sending) with a conditional UPDATE."""
    stale = datetime.now(UTC) - CLAIM_STALE_AFTER
    candidates = await (ChatMessage.filter(Q(delivery="pending") | Q(delivery="sending", delivered_at__lt=stale))
                        .order_by("id").limit(limit).values_list("id", "delivery"))
    claimed = []
    for message_id, state in candidates:
        taken = await ChatMessage.filter(id=message_id, delivery=state).update(delivery="sending",
                                                                                delivered_at=datetime.now(UTC))
        if taken:
            claimed.append(await ChatMessage.get(id=message_id))
    return claimed


async def deliver(message: ChatMessage, *, oa: WeChatClient) -> str:
    """Send one claimed message: a customer-service message in the window, else a template notice."""
    recipient = await User.get_or_none(id=message.recipient_id) if message.recipient_id else None
    if recipient is None:
        return await _finish(message, delivery="unreachable", error="no recipient")
    openid = recipient.oa_openid if recipient.follows_oa else None
    if openid and await windows.can_send(openid):
        try:
            await oa.send_custom_message(_custom_payload(message, openid))
        except WeChatError as exc:
            if exc.errcode in (45015, 45047):
                await windows.close(openid)
            elif not exc.permanent:
                await ChatMessage.filter(id=message.id).update(delivery="pending", error=str(exc)[:200])
                return "pending"
        else:
            await windows.spent(openid)
            return await _finish(message, delivery="sent", channel="custom")
    return await _notify(message, recipient=recipient)


def _custom_payload(message: ChatMessage, openid: str) -> dict:
    if message.msg_type in ("image", "voice") and message.media_id:
        return {"touser": openid, "msgtype": message.msg_type, message.msg_type: {"media_id": message.media_id}}
    prefix = "科服保姆" if message.sender_role == "concierge" else "服务单发布者"
    return {"touser": openid, "msgtype": "text",
            "text": {"content": f"【{prefix} · 服务单#{message.ticket_id}】{message.text}"}}


async def _notify(message: ChatMessage, *, recipient: User) -> str:
    """Outside the window: queue a concierge_message notice pointing to the ticket page."""
    await PushRequest.get_or_create(
        kind="concierge_message", cause=f"chat:{message.id}", user_id=recipient.id,
        defaults={"data": {"ticket_id": message.ticket_id, "post_id": (await Ticket.get(id=message.ticket_id)).post_id,
                           "sender": message.sender_role,
                           "preview": message.text[:20], "sent_at": message.created_at.isoformat()}})
    return await _finish(message, delivery="notified", channel="template")


async def _finish(message: ChatMessage, *, delivery: str, channel: str = "", error: str = "") -> str:
    await ChatMessage.filter(id=message.id).update(delivery=delivery, channel=channel, error=error,
                                                   delivered_at=datetime.now(UTC))
    return delivery


async def deliver_pending(*, oa: WeChatClient, limit: int = 20) -> int:
    """Claim and deliver a batch; return how many were handled."""
    batch = await claim_pending(limit=limit)
    for message in batch:
        await deliver(message, oa=oa)
    return len(batch)
