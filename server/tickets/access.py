"""Who may see which tickets: the owner- and reach-filtered loaders every other ticket module uses."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.queryset import QuerySet

from server.errors import Forbidden, NotFound
from server.models import Ticket, TicketEvent, User
from server.models.enums import PostStatus
from server.services import reach, regions
from server.tickets.stages import OPEN


async def tickets_of(staff: User) -> QuerySet[Ticket]:
    """Return the tickets a staff member may act on: those within their region (reach); all for admins."""
    return (await reach.reach_of(staff)).narrow(Ticket.all())


async def load_for_staff(*, staff: User, ticket_id: int, lock: bool = False) -> Ticket:
    """Return a ticket the staff member may act on, or NotFound."""
    if not await (await tickets_of(staff)).filter(id=ticket_id).exists():
        raise NotFound("ticket")
    query = Ticket.select_for_update() if lock else Ticket
    return await query.get(id=ticket_id)


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


async def load_in_scope(*, scope: str | None, ticket_id: int) -> Ticket:
    """Return a ticket within a console viewer's scope (None: everywhere) with its post and people, or raise."""
    ticket = await Ticket.get_or_none(id=ticket_id).prefetch_related("post", "concierge", "region", "poster")
    if ticket is None:
        raise NotFound("ticket")
    if scope and not regions.is_within(ticket.region_id, scope):
        raise Forbidden("无权查看该地区的工单", code="region_forbidden")
    return ticket
