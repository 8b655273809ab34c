"""Storing what posters and concierges write to each other (delivery is the relay job's work)."""

from __future__ import annotations

from server.errors import NotFound, ValidationFailed
from server.models import ChatMessage, Ticket, User
from server.models.enums import PostStatus

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
    body = _clean(text) if msg_type == "text" else text
    return await ChatMessage.create(ticket=ticket, sender=poster, recipient_id=ticket.concierge_id,
                                    sender_role="poster", msg_type=msg_type, text=body, media_id=media_id,
                                    source=source)


async def from_concierge(*, concierge: User, ticket: Ticket, text: str = "", msg_type: str = "text",
                         media_id: str = "") -> ChatMessage:
    """Store a concierge's reply for the poster (pending delivery)."""
    body = _clean(text) if msg_type == "text" else text
    return await ChatMessage.create(ticket=ticket, sender=concierge, recipient_id=ticket.poster_id,
                                    sender_role="concierge", msg_type=msg_type, text=body, media_id=media_id,
                                    source="official_account")


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
