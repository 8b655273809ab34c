"""Tickets (一单一策): opening, fair assignment, the validated lifecycle, plans, notes, handover."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.errors import Conflict, NotFound, ValidationFailed
from server.models import Post, PushRequest, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import PostStatus, Role
from server.services import reach, regions

S = PostStatus
# No jumping ahead: a deal is never signed without a recorded contact (DESIGN.md lifecycle).
NEXT_STATUSES: dict[PostStatus, set[PostStatus]] = {
    S.PUBLISHED: {S.MATCHED, S.CONTACTED}, S.MATCHED: {S.CONTACTED}, S.CONTACTED: {S.NEGOTIATING},
    S.NEGOTIATING: {S.SIGNED}, S.SIGNED: {S.LANDED}, S.LANDED: set(), S.CLOSED: set(),
}
OPEN = [s for s in PostStatus if s not in (S.LANDED, S.CLOSED)]
STATUS_NAMES = {S.PUBLISHED: "发布", S.MATCHED: "匹配", S.CONTACTED: "对接", S.NEGOTIATING: "洽谈",
                S.SIGNED: "签约", S.LANDED: "落地", S.CLOSED: "结单"}


async def tickets_of(staff: User) -> QuerySet[Ticket]:
    """Return the tickets a staff member may act on: those within their region (reach); all for admins."""
    return (await reach.reach_of(staff)).narrow(Ticket.all())


async def open_ticket(*, post: Post) -> Ticket:
    """Open the ticket of a new need or question and assign a concierge (inside the caller's transaction)."""
    ticket = await Ticket.create(post=post, poster_id=post.author_id, region_id=post.region_id)
    await TicketEvent.create(ticket=ticket, kind="opened", to_status=S.PUBLISHED.value)
    await assign(ticket=ticket)
    return ticket


async def _candidates(region_code: str) -> list[StaffProfile]:
    """Return available concierges of the nearest level covering a region: county, city, province.

    One query for the whole chain (was one per level), then the nearest level that has anyone.
    """
    chain = [region_code, *reversed(regions.parents_of(region_code))]
    found = await StaffProfile.filter(region_id__in=chain, away=False, user__role=Role.STAFF)
    for code in chain:
        level = [profile for profile in found if profile.region_id == code]
        if level:
            return level
    return []


async def _loads(user_ids: list[int]) -> dict[int, int]:
    if not user_ids:  # nobody to count: no query (it was a COUNT ... WHERE 1=0)
        return {}
    rows = await (Ticket.filter(concierge_id__in=user_ids, status__in=OPEN).group_by("concierge_id")
                  .annotate(n=Count("id")).values("concierge_id", "n"))
    return {row["concierge_id"]: row["n"] for row in rows}


async def open_loads(user_ids: list[int]) -> dict[int, int]:
    """Return how many open tickets each of these concierges holds (absent: none)."""
    return await _loads(user_ids)


async def choose_concierge(region_code: str, *, exclude: set[int] | None = None) -> StaffProfile | None:
    """Pick the least-loaded concierge under capacity, round-robin among equals."""
    candidates = [c for c in await _candidates(region_code) if c.user_id not in (exclude or set())]
    loads = await _loads([c.user_id for c in candidates])
    free = [c for c in candidates if loads.get(c.user_id, 0) < c.capacity]
    if not free:
        return None
    oldest = datetime.min.replace(tzinfo=UTC)
    return min(free, key=lambda c: (loads.get(c.user_id, 0), c.last_assigned_at or oldest, c.user_id))


async def assign(*, ticket: Ticket, exclude: set[int] | None = None, actor: User | None = None,
                 note: str = "") -> User | None:
    """Give a ticket a concierge and queue their notice; None when nobody can take it."""
    chosen = await choose_concierge(ticket.region_id, exclude=exclude)
    if chosen is None:
        return None
    now = datetime.now(UTC)
    chosen.last_assigned_at = now
    await chosen.save(update_fields=["last_assigned_at"])
    ticket.concierge_id, ticket.assigned_at = chosen.user_id, now
    await ticket.save(update_fields=["concierge_id", "assigned_at", "updated_at"])
    concierge = await User.get(id=chosen.user_id)
    await TicketEvent.create(ticket=ticket, actor=actor, kind="assigned",
                             note=note or f"分配给科服保姆 {concierge.name or '（未填姓名）'}")
    await PushRequest.get_or_create(kind="followup_reminder", cause=f"ticket-assigned:{ticket.id}:{chosen.user_id}",
                                    user_id=chosen.user_id,
                                    defaults={"data": {"ticket_id": ticket.id, "post_id": ticket.post_id,
                                                       "reason": "新服务单"}})
    return concierge


async def load_for_staff(*, staff: User, ticket_id: int, lock: bool = False) -> Ticket:
    """Return a ticket the staff member may act on, or NotFound."""
    if not await (await tickets_of(staff)).filter(id=ticket_id).exists():
        raise NotFound("ticket")
    query = Ticket.select_for_update() if lock else Ticket
    return await query.get(id=ticket_id)


async def advance(*, ticket_id: int, staff: User, to: PostStatus, note: str = "") -> Ticket:
    """Move a ticket one step along its lifecycle (and its post with it)."""
    async with in_transaction():
        ticket = await load_for_staff(staff=staff, ticket_id=ticket_id, lock=True)
        if to == S.CLOSED:
            raise ValidationFailed("结单请使用结单操作并填写原因", field="status")
        if to not in NEXT_STATUSES[ticket.status]:
            message = f"不能从「{STATUS_NAMES[ticket.status]}」直接到「{STATUS_NAMES[to]}」"
            raise Conflict(message, code="bad_transition")
        await _move(ticket, staff=staff, to=to, note=note)
    return ticket


async def _move(ticket: Ticket, *, staff: User | None, to: PostStatus, note: str, kind: str = "status") -> None:
    now = datetime.now(UTC)
    await TicketEvent.create(ticket=ticket, actor=staff, kind=kind, from_status=ticket.status.value,
                             to_status=to.value, note=note[:500])
    if to == S.CONTACTED and ticket.first_contact_at is None:
        ticket.first_contact_at = now
    ticket.status, ticket.stage_since = to, now
    await ticket.save()
    await Post.filter(id=ticket.post_id).update(status=to, **({"close_reason": note[:200]} if to == S.CLOSED else {}))
    if staff is None or staff.id != ticket.poster_id:  # a poster withdrawing needs no notice of it
        await _tell_poster(ticket, to=to, note=note, at=now)


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
        if ticket.status == S.CLOSED:
            return ticket
        await _move(ticket, staff=staff, to=S.CLOSED, note=reason, kind="closed")
        ticket.close_reason = reason[:200]
        await ticket.save(update_fields=["close_reason"])
    return ticket


async def close_post(*, post: Post, reason: str, actor: User | None = None) -> None:
    """Close a post and its ticket together (withdrawal, expiry), inside the caller's transaction.

    The one way a post leaves the lifecycle outside a concierge's hands, so a closed post never keeps
    an open ticket that would still be reassigned, reminded or escalated.
    """
    reason = reason.strip()[:200]
    ticket = await Ticket.select_for_update().get_or_none(post_id=post.id)
    if ticket is not None and ticket.status != S.CLOSED:
        await _move(ticket, staff=actor, to=S.CLOSED, note=reason, kind="closed")
        ticket.close_reason = reason
        await ticket.save(update_fields=["close_reason"])
    post.status, post.close_reason = S.CLOSED, reason
    await post.save(update_fields=["status", "close_reason", "updated_at"])


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


async def hand_over(*, ticket_id: int, staff: User, to: User, note: str) -> Ticket:
    """Hand a ticket to a colleague; the note is mandatory."""
    if not note.strip():
        raise ValidationFailed("转交请说明原因", field="note")
    if to.role != Role.STAFF:
        raise ValidationFailed("只能转交给科服保姆", field="to")
    async with in_transaction():
        ticket = await load_for_staff(staff=staff, ticket_id=ticket_id, lock=True)
        profile = await StaffProfile.get_or_none(user_id=to.id)
        coverage = profile.region_id if profile is not None else to.region_id
        if coverage is None or not ticket.region_id.startswith(regions.prefix_of(coverage)):
            raise ValidationFailed(f"{to.name or '该同事'}的服务区域不包含此工单所在地区", field="to")
        if profile is not None and profile.away:
            raise ValidationFailed(f"{to.name or '该同事'}正在休假，请转交给其他同事", field="to")
        ticket.concierge_id, ticket.assigned_at = to.id, datetime.now(UTC)
        await ticket.save(update_fields=["concierge_id", "assigned_at", "updated_at"])
        await TicketEvent.create(ticket=ticket, actor=staff, kind="handover", note=f"转交 {to.name}：{note}"[:500])
    return ticket


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


async def for_poster(*, poster: User, ticket_id: int) -> tuple[Ticket, list[TicketEvent]]:
    """Return the poster's own ticket and its public timeline."""
    ticket = await Ticket.get_or_none(id=ticket_id, poster_id=poster.id).prefetch_related("concierge")
    if ticket is None:
        raise NotFound("ticket")
    events = await TicketEvent.filter(ticket_id=ticket.id, internal=False).order_by("id")
    return ticket, events


async def ticket_id_of(post_id: int) -> int | None:
    """Return the id of a post's ticket, if it has one."""
    ticket = await Ticket.filter(post_id=post_id).only("id").first()
    return ticket.id if ticket else None


async def list_for_staff(*, staff: User, status: PostStatus | None, mine: bool, overdue: bool,
                         limit: int, cursor: int | None, no_expert: bool = False) -> list[Ticket]:
    """Return tickets a staff member may see, oldest stage first."""
    query = await tickets_of(staff)
    query = query.filter(concierge_id=staff.id) if mine else query
    query = query.filter(status=status) if status else query.filter(status__in=OPEN)
    if overdue:
        query = query.filter(plan_due__lt=datetime.now(UTC).date())
    if no_expert:
        query = query.filter(match_state="no_expert")
    if cursor:
        query = query.filter(id__lt=cursor)
    return await query.order_by("-id").limit(limit).prefetch_related("post", "concierge")
