"""Storing what posters and concierges write to each other, each message with its delivery queued.

A message to a known recipient is written together with one push request (kind concierge_message,
cause "chat:<id>") that carries the customer-service message and the notice's data: the dispatcher
sends it in the recipient's window, else as the concierge_message notice (push.custom). Its delivery
state, as the console and the mini-program show it, is read from that request.
"""

from __future__ import annotations

from tortoise.expressions import RawSQL
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.errors import NotFound, ValidationFailed
from server.models import ChatMessage, PushRequest, Ticket, User
from server.models.enums import PostStatus
from server.models.outbox import PRIORITY_CHAT
from server.push import custom

MAX_TEXT = 1000
CLOSED = (PostStatus.CLOSED,)
KIND = "concierge_message"
SENDERS = {"concierge": "科服保姆", "poster": "服务单发布者"}
MEDIA = {"image": "［图片］", "voice": "［语音］"}


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
    return await from_poster_to(poster=poster, ticket_id=ticket.id, post_id=ticket.post_id,
                                concierge_id=ticket.concierge_id, text=text, msg_type=msg_type, media_id=media_id,
                                source=source)


async def from_poster_to(*, poster: User, ticket_id: int, post_id: int, concierge_id: int | None, text: str = "",
                         msg_type: str = "text", media_id: str = "", source: str) -> ChatMessage:
    """Store a poster's message for the concierge of a ticket known by id (pending delivery)."""
    body = _clean(text) if msg_type == "text" else text
    return await _store(ChatMessage(ticket_id=ticket_id, sender=poster, recipient_id=concierge_id,
                                    sender_role="poster", msg_type=msg_type, text=body, media_id=media_id,
                                    source=source), post_id=post_id)


async def from_concierge(*, concierge: User, ticket: Ticket, text: str = "", msg_type: str = "text",
                         media_id: str = "") -> ChatMessage:
    """Store a concierge's reply for the poster (pending delivery)."""
    body = _clean(text) if msg_type == "text" else text
    return await _store(ChatMessage(ticket_id=ticket.id, sender=concierge, recipient_id=ticket.poster_id,
                                    sender_role="concierge", msg_type=msg_type, text=body, media_id=media_id,
                                    source="official_account"), post_id=ticket.post_id)


async def _store(message: ChatMessage, *, post_id: int) -> ChatMessage:
    """Write the message and, when it has a recipient, its delivery in the same transaction."""
    async with in_transaction():
        await message.save()
        if message.recipient_id is not None:
            await PushRequest.create(kind=KIND, cause=f"chat:{message.id}", user_id=message.recipient_id,
                                     priority=PRIORITY_CHAT, data=_push_data(message, post_id=post_id))
    return message


def _push_data(message: ChatMessage, *, post_id: int) -> dict:
    """The notice's data (templates/messages/concierge_message.toml) and the customer-service message."""
    shown = MEDIA.get(message.msg_type, message.text)
    if message.msg_type in MEDIA and message.media_id:
        body = {"msgtype": message.msg_type, message.msg_type: {"media_id": message.media_id}}
    else:
        body = {"msgtype": "text",
                "text": {"content": f"【{SENDERS[message.sender_role]} · 服务单#{message.ticket_id}】{shown}"}}
    return {"ticket_id": message.ticket_id, "post_id": post_id, "sender": message.sender_role,
            "preview": shown[:20], "sent_at": message.created_at.isoformat(), "custom": body}


# A message's delivery, read from its push request: pending | sent (as a customer-service message) |
# notified (as the concierge_message notice) | unreachable (no recipient, or no channel) | failed.
_DELIVERY = (
    "CASE WHEN chat_messages.recipient_id IS NULL THEN 'unreachable' ELSE COALESCE(("  # noqa: S608 - constants
    "SELECT CASE WHEN p.status IN ('pending', 'sending') THEN 'pending' "
    f"WHEN p.status = 'sent' AND p.channel = '{custom.CHANNEL}' THEN 'sent' WHEN p.status = 'sent' THEN 'notified' "
    "WHEN p.status = 'unreachable' THEN 'unreachable' ELSE 'failed' END FROM push_requests p "
    f"WHERE p.kind = '{KIND}' AND p.cause = 'chat:' || CAST(chat_messages.id AS TEXT) "
    "AND p.user_id = chat_messages.recipient_id), 'unreachable') END")


def with_delivery(query: QuerySet[ChatMessage]) -> QuerySet[ChatMessage]:
    """Give each message of the query its `delivery` state (in the same statement)."""
    return query.annotate(delivery=RawSQL(_DELIVERY))


# The poster's most recent ticket still in progress, as a correlated subquery over "users" (statuses are constants).
_CLOSED_LIST = ", ".join(f"'{status.value}'" for status in CLOSED)
_OPEN_TICKET = ("(SELECT t.{column} FROM tickets t WHERE t.id = (SELECT MAX(o.id) FROM tickets o "
                'WHERE o.poster_id = "users"."id" AND o.status NOT IN ({closed})))')


async def sender_with_open_ticket(*, oa_openid: str) -> User | None:
    """The user of an official-account openid, with `open_ticket_id`, `open_ticket_post_id` and
    `open_ticket_concierge_id`, in one query."""
    return await User.filter(oa_openid=oa_openid).annotate(
        open_ticket_id=RawSQL(_OPEN_TICKET.format(column="id", closed=_CLOSED_LIST)),
        open_ticket_post_id=RawSQL(_OPEN_TICKET.format(column="post_id", closed=_CLOSED_LIST)),
        open_ticket_concierge_id=RawSQL(_OPEN_TICKET.format(column="concierge_id", closed=_CLOSED_LIST))).first()


async def latest_open_ticket(poster: User) -> Ticket | None:
    """Return the poster's most recent ticket still in progress."""
    return await Ticket.filter(poster_id=poster.id).exclude(status__in=CLOSED).order_by("-id").first()


async def post_from_miniprogram(*, poster: User, ticket_id: int, text: str) -> ChatMessage:
    """Store a message the poster wrote on the mini-program ticket page."""
    ticket = await Ticket.get_or_none(id=ticket_id, poster_id=poster.id)
    if ticket is None:
        raise NotFound("ticket")
    message = await from_poster(poster=poster, ticket=ticket, text=text, source="miniprogram")
    return await with_delivery(ChatMessage.filter(id=message.id)).get()


async def messages_for_poster(*, poster: User, ticket_id: int, limit: int = 50,
                              before: int | None = None) -> list[ChatMessage]:
    """Return a ticket's chat for its poster, oldest first."""
    if not await Ticket.exists(id=ticket_id, poster_id=poster.id):
        raise NotFound("ticket")
    query = with_delivery(ChatMessage.filter(ticket_id=ticket_id))
    if before:
        query = query.filter(id__lt=before)
    rows = await query.order_by("-id").limit(limit)
    return list(reversed(rows))
