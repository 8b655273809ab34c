"""The operator console's ticket board: region-scoped listing, one ticket's full record, reassignment."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from server.errors import Forbidden, NotFound, ValidationFailed
from server.models import ChatMessage, Region, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import PostStatus, RegionLevel, Role
from server.services import regions, tickets

PER_PAGE = 20


@dataclass
class Board:
    tickets: list[Ticket]
    total: int
    page: int
    pages: int


@dataclass
class TicketRecord:
    ticket: Ticket
    events: list[TicketEvent]
    messages: list[ChatMessage]
    candidates: list[StaffProfile]


def _scoped(scope: str | None):
    query = Ticket.all()
    return regions.filter_within(query, scope) if scope else query


def is_overdue(ticket: Ticket, *, today=None) -> bool:
    """Return True when an open ticket's plan is past its due date."""
    today = today or datetime.now(UTC).date()
    return ticket.status in tickets.OPEN and ticket.plan_due is not None and ticket.plan_due < today


async def list_board(*, scope: str | None, region_code: str | None = None, concierge_id: int | None = None,
                     stage: PostStatus | None = None, overdue: bool = False, no_expert: bool = False,
                     page: int = 1, per_page: int = PER_PAGE) -> Board:
    """Return one page of tickets within the viewer's scope, filtered, oldest stage first."""
    query = _scoped(scope)
    if region_code:
        if scope and not regions.is_within(region_code, scope):
            raise Forbidden("无权查看该地区的数据", code="region_forbidden")
        query = regions.filter_within(query, region_code)
    if concierge_id:
        query = query.filter(concierge_id=concierge_id)
    query = query.filter(status=stage) if stage else query.filter(status__in=tickets.OPEN)
    if overdue:
        query = query.filter(plan_due__lt=datetime.now(UTC).date(), status__in=tickets.OPEN)
    if no_expert:  # automatic matching found nobody above the floor: the concierge searches by hand
        query = query.filter(match_state="no_expert")
    total = await query.count()
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    rows = await (query.order_by("stage_since", "id").offset((page - 1) * per_page).limit(per_page)
                  .prefetch_related("post", "concierge", "region"))
    return Board(tickets=rows, total=total, page=page, pages=pages)


async def region_options(scope: str | None) -> list[tuple[str, str]]:
    """Return (code, label) for every region within the scope, each city followed by its counties."""
    root = scope or "510000"
    rows = await Region.filter(code__startswith=regions.prefix_of(root)).order_by("code").values("code", "name",
                                                                                               "level")
    indent = {RegionLevel.PROVINCE: "", RegionLevel.CITY: "　", RegionLevel.COUNTY: "　　"}
    return [(r["code"], indent.get(r["level"], "") + r["name"]) for r in rows]


async def concierges_in(scope: str | None) -> list[StaffProfile]:
    """Return the concierges whose region lies within the scope (for the board's filter)."""
    query = StaffProfile.filter(user__role=Role.STAFF)
    query = regions.filter_within(query, scope) if scope else query
    return await query.order_by("region_id", "user_id").prefetch_related("user", "region")


async def _load(scope: str | None, ticket_id: int) -> Ticket:
    ticket = await Ticket.get_or_none(id=ticket_id).prefetch_related("post", "concierge", "region", "poster")
    if ticket is None:
        raise NotFound("ticket")
    if scope and not regions.is_within(ticket.region_id, scope):
        raise Forbidden("无权查看该地区的工单", code="region_forbidden")
    return ticket


async def candidates_for(ticket: Ticket) -> list[StaffProfile]:
    """Return the concierges who cover the ticket's region (county, city or province), but its own."""
    codes = [ticket.region_id, *regions.parents_of(ticket.region_id)]
    found = await (StaffProfile.filter(region_id__in=codes, user__role=Role.STAFF)
                   .exclude(user_id=ticket.concierge_id or 0).order_by("-region_id", "user_id")
                   .prefetch_related("user", "region"))
    return list(found)


async def ticket_record(*, scope: str | None, ticket_id: int) -> TicketRecord:
    """Return a ticket with its whole timeline, its chat and who it could be handed to."""
    ticket = await _load(scope, ticket_id)
    events = await TicketEvent.filter(ticket_id=ticket.id).order_by("id").prefetch_related("actor")
    messages = await ChatMessage.filter(ticket_id=ticket.id).order_by("id").prefetch_related("sender")
    return TicketRecord(ticket=ticket, events=list(events), messages=list(messages),
                        candidates=await candidates_for(ticket))


async def reassign(*, actor: User, scope: str | None, ticket_id: int, to_id: int | None, note: str) -> Ticket:
    """Hand a ticket to another concierge covering its region; the note is mandatory."""
    note = note.strip()
    if not note:
        raise ValidationFailed("改派请填写说明", field="note")
    ticket = await _load(scope, ticket_id)
    if ticket.status not in tickets.OPEN:
        raise ValidationFailed("已落地或已结单的工单不能改派", field="to")
    allowed = {p.user_id: p.user for p in await candidates_for(ticket)}
    if to_id is None or to_id not in allowed:
        raise ValidationFailed("请选择负责该地区的科服保姆", field="to")
    # tickets.hand_over re-checks the actor's reach with its own rule (assigned or same region).
    return await tickets.hand_over(ticket_id=ticket.id, staff=actor, to=allowed[to_id], note=note[:400])
