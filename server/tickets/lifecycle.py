"""A ticket's lifecycle (一单一策): opening, the validated stages, plans, notes, closing, the poster's rating."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tortoise.transactions import in_transaction

from server.errors import Conflict, NotFound, ValidationFailed
from server.models import Post, PushRequest, Ticket, TicketEvent, User
from server.models.enums import PostStatus
from server.tickets.access import load_for_staff
from server.tickets.assignment import assign
from server.tickets.stages import NEXT_STATUSES, STATUS_NAMES, S


async def open_ticket(*, post: Post) -> Ticket:
    """Open the ticket of a new need or question and assign a concierge (inside the caller's transaction)."""
    ticket = await Ticket.create(post=post, poster_id=post.author_id, region_id=post.region_id)
    await TicketEvent.create(ticket=ticket, kind="opened", to_status=S.PUBLISHED.value)
    await assign(ticket=ticket)
    return ticket


async def advance(*, ticket_id: int, staff: User, to: PostStatus, note: str = "") -> Ticket:
    """Move a ticket one step along its lifecycle (and its post with it)."""
    async with in_transaction():
        ticket = await load_for_staff(staff=staff, ticket_id=ticket_id, lock=True)
        if to == S.CLOSED:
            raise ValidationFailed("结单请使用结单操作并填写原因", field="status")
        if to not in NEXT_STATUSES[ticket.status]:
            message = f"不能从「{STATUS_NAMES[ticket.status]}」直接到「{STATUS_NAMES[to]}」"
            raise Conflict(message, code="bad_transition")
        await move(ticket, to=to, actor=staff, note=note)
    return ticket


async def move(ticket: Ticket, *, to: PostStatus, actor: User | None, note: str = "", kind: str = "status") -> None:
    """Move a locked ticket to a stage and its post with it, in the caller's transaction; tell the poster.

    The one place a ticket's stage changes; its post's status follows here and nowhere else.
    """
    now = datetime.now(UTC)
    await TicketEvent.create(ticket=ticket, actor=actor, kind=kind, from_status=ticket.status.value,
                             to_status=to.value, note=note[:500])
    if to == S.CONTACTED and ticket.first_contact_at is None:
        ticket.first_contact_at = now
    if to == S.CLOSED:
        ticket.close_reason = note[:200]
    ticket.status, ticket.stage_since = to, now
    await ticket.save()
    await _post_follows(ticket.post_id, to=to, reason=note)
    if actor is None or actor.id != ticket.poster_id:  # a poster withdrawing needs no notice of it
        await _tell_poster(ticket, to=to, note=note, at=now)


async def _post_follows(post_id: int, *, to: PostStatus, reason: str = "",
                        only_from: list[PostStatus] | None = None) -> None:
    """Write a post's status (and, when closing, its reason): the only write of Post.status after creation."""
    changes = {"status": to, "updated_at": datetime.now(UTC)}
    if to == S.CLOSED:
        changes["close_reason"] = reason[:200]
    query = Post.filter(id=post_id)
    await (query.filter(status__in=only_from) if only_from is not None else query).update(**changes)


async def _tell_poster(ticket: Ticket, *, to: PostStatus, note: str, at: datetime) -> None:
    """Queue the poster's post_progress notice for a stage, once per ticket and stage."""
    post = await Post.get(id=ticket.post_id)
    data = {"post_id": post.id, "post_title": post.title, "stage": to.value, "changed_at": at.isoformat()}
    if note.strip():
        data["note"] = note.strip()[:200]
    await PushRequest.get_or_create(kind="post_progress", cause=f"ticket-stage:{ticket.id}:{to.value}",
                                    user_id=ticket.poster_id, defaults={"data": data})


async def close(*, ticket_id: int, staff: User, reason: str) -> Ticket:
    """Close a ticket from any open stage; a reason is required."""
    reason = reason.strip()
    if not reason:
        raise ValidationFailed("结单请填写原因", field="reason")
    async with in_transaction():
        ticket = await load_for_staff(staff=staff, ticket_id=ticket_id, lock=True)
        if ticket.status != S.CLOSED:
            await move(ticket, to=S.CLOSED, actor=staff, note=reason, kind="closed")
    return ticket


async def close_post(*, post: Post, reason: str, actor: User | None = None) -> None:
    """Close a post and its ticket together (withdrawal, expiry), inside the caller's transaction.

    The one way a post leaves the lifecycle outside a concierge's hands, so a closed post never keeps
    an open ticket that would still be reassigned, reminded or escalated.
    """
    reason = reason.strip()[:200]
    ticket = await Ticket.select_for_update().get_or_none(post_id=post.id)
    if ticket is not None and ticket.status != S.CLOSED:
        await move(ticket, to=S.CLOSED, actor=actor, note=reason, kind="closed")
    else:  # an offer, or a ticket closed already: the post alone
        await _post_follows(post.id, to=S.CLOSED, reason=reason)
    await post.refresh_from_db(fields=["status", "close_reason", "updated_at"])  # the caller's copy too


async def match_accepted(*, post_id: int, actor: User) -> None:
    """Move a published need to matched when a match of it is accepted, its ticket with it (caller's transaction)."""
    ticket = await Ticket.select_for_update().get_or_none(post_id=post_id)
    if ticket is None:  # a need without a ticket (stored directly): the post alone
        await _post_follows(post_id, to=S.MATCHED, only_from=[S.PUBLISHED])
    elif ticket.status == S.PUBLISHED:
        await move(ticket, to=S.MATCHED, actor=actor, note="匹配已被接受")


async def set_plan(*, ticket_id: int, staff: User, due: date, step: str) -> Ticket:
    """Record the next step and its due date."""
    step = step.strip()
    if not step:
        raise ValidationFailed("请填写下一步计划", field="step")
    async with in_transaction():
        ticket = await load_for_staff(staff=staff, ticket_id=ticket_id, lock=True)
        ticket.plan_step, ticket.plan_due = step[:200], due
        await ticket.save(update_fields=["plan_step", "plan_due", "updated_at"])
        await TicketEvent.create(ticket=ticket, actor=staff, kind="plan", note=f"{due.isoformat()} {step}"[:500])
    return ticket


async def add_note(*, ticket_id: int, staff: User, note: str) -> TicketEvent:
    """Add an internal note (never shown to the poster)."""
    note = note.strip()
    if not note:
        raise ValidationFailed("备注不能为空", field="note")
    ticket = await load_for_staff(staff=staff, ticket_id=ticket_id)
    return await TicketEvent.create(ticket=ticket, actor=staff, kind="note", note=note[:500], internal=True)


async def rate(*, ticket_id: int, poster: User, score: int, comment: str = "") -> Ticket:
    """Record the poster's satisfaction (1-5) once the deal has landed."""
    if not 1 <= score <= 5:
        raise ValidationFailed("评分应在 1 到 5 之间", field="rating")
    ticket = await Ticket.get_or_none(id=ticket_id, poster_id=poster.id)
    if ticket is None:
        raise NotFound("ticket")
    if ticket.status != S.LANDED:
        raise Conflict("服务落地后才能评价", code="not_landed")
    ticket.rating, ticket.rating_comment = score, comment.strip()[:500]
    await ticket.save(update_fields=["rating", "rating_comment", "updated_at"])
    await TicketEvent.create(ticket=ticket, actor=poster, kind="rated", note=f"{score} 分 {comment}"[:500])
    return ticket
