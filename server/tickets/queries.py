"""The operator console's ticket board: region-scoped listing, one ticket's full record, finding a scientist by hand."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.expressions import Q

from server.errors import Forbidden, ValidationFailed
from server.models import ChatMessage, Match, Post, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import PostKind, PostStatus, Role
from server.services import regions
from server.tickets import access, assignment, chat, lifecycle, stages

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
    matches: list[Match]
    next_stages: list[PostStatus]


def _scoped(scope: str | None):
    query = Ticket.all()
    return regions.filter_within(query, scope) if scope else query


def is_overdue(ticket: Ticket, *, today=None) -> bool:
    """Return True when an open ticket's plan is past its due date."""
    today = today or datetime.now(UTC).date()
    return ticket.status in stages.OPEN and ticket.plan_due is not None and ticket.plan_due < today


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
    query = query.filter(status=stage) if stage else query.filter(status__in=stages.OPEN)
    if overdue:
        query = query.filter(plan_due__lt=datetime.now(UTC).date(), status__in=stages.OPEN)
    if no_expert:  # automatic matching found nobody above the floor: the concierge searches by hand
        query = query.filter(match_state="no_expert")
    total = await query.count()
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    rows = await (query.order_by("stage_since", "id").offset((page - 1) * per_page).limit(per_page)
                  .prefetch_related("post", "concierge", "region"))
    return Board(tickets=rows, total=total, page=page, pages=pages)


async def concierges_in(scope: str | None) -> list[StaffProfile]:
    """Return the concierges whose region lies within the scope (for the board's filter)."""
    query = StaffProfile.filter(user__role=Role.STAFF)
    query = regions.filter_within(query, scope) if scope else query
    return await query.order_by("region_id", "user_id").prefetch_related("user", "region")


async def ticket_record(*, scope: str | None, ticket_id: int) -> TicketRecord:
    """Return a ticket with its whole timeline, its chat and who it could be handed to."""
    ticket = await access.load_in_scope(scope=scope, ticket_id=ticket_id)
    events = await TicketEvent.filter(ticket_id=ticket.id).order_by("id").prefetch_related("actor")
    messages = await chat.with_delivery(ChatMessage.filter(ticket_id=ticket.id)).order_by("id").prefetch_related(
        "sender")
    matches = await (Match.filter(demand_id=ticket.post_id).order_by("rank", "id")
                     .prefetch_related("supply_post__author__region", "supply_article"))
    return TicketRecord(ticket=ticket, events=list(events), messages=list(messages),
                        candidates=await assignment.candidates_for(ticket), matches=list(matches),
                        next_stages=sorted(stages.NEXT_STATUSES[ticket.status], key=list(PostStatus).index))


async def search_scientists(text: str, *, limit: int = 20) -> list[tuple[User, list[Post]]]:
    """Find scientists by name, organisation, discipline, title or the title of one of their open offers."""
    words = text.strip()[:32]
    if not words:
        return []
    by_offer = Post.filter(kind=PostKind.OFFER, status__not=PostStatus.CLOSED, title__icontains=words)
    ids = set(await by_offer.limit(200).values_list("author_id", flat=True))
    people = await (User.filter(role=Role.SCIENTIST)
                    .filter(Q(name__icontains=words) | Q(organisation__icontains=words) | Q(id__in=list(ids))
                            | Q(discipline__icontains=words) | Q(title__icontains=words))
                    .order_by("id").limit(limit).prefetch_related("region"))
    offers = await Post.filter(author_id__in=[p.id for p in people], kind=PostKind.OFFER,
                               status__not=PostStatus.CLOSED).order_by("-id")
    return [(person, [o for o in offers if o.author_id == person.id][:3]) for person in people]


async def recommend_scientist(*, actor: User, scope: str | None, ticket_id: int, scientist_id: int | None) -> None:
    """Record on the ticket (internal note) the scientist a concierge found by hand for it."""
    ticket = await access.load_in_scope(scope=scope, ticket_id=ticket_id)
    person = await User.get_or_none(id=scientist_id or 0, role=Role.SCIENTIST).prefetch_related("region")
    if person is None:
        raise ValidationFailed("请从搜索结果中选择一位科技工作者", field="scientist")
    facts = "，".join(x for x in (person.organisation, person.discipline, person.title,
                                 person.region.name if person.region else "") if x)
    await lifecycle.add_note(ticket_id=ticket.id, staff=actor,
                             note=f"人工查找到专家：{person.name}" + (f"（{facts}）" if facts else ""))
