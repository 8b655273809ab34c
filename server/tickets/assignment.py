"""Who follows a ticket: the concierge chosen by region chain and capacity, hand-over and the console's reassignment."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.functions import Count
from tortoise.transactions import in_transaction

from server.errors import ValidationFailed
from server.models import PushRequest, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import Role
from server.services import regions
from server.tickets.access import load_for_staff, load_in_scope
from server.tickets.stages import OPEN


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


async def candidates_for(ticket: Ticket) -> list[StaffProfile]:
    """Return the concierges who cover the ticket's region (county, city or province), but its own."""
    codes = [ticket.region_id, *regions.parents_of(ticket.region_id)]
    found = await (StaffProfile.filter(region_id__in=codes, user__role=Role.STAFF)
                   .exclude(user_id=ticket.concierge_id or 0).order_by("-region_id", "user_id")
                   .prefetch_related("user", "region"))
    return list(found)


async def reassign(*, actor: User, scope: str | None, ticket_id: int, to_id: int | None, note: str) -> Ticket:
    """Hand a ticket to another concierge covering its region; the note is mandatory."""
    note = note.strip()
    if not note:
        raise ValidationFailed("改派请填写说明", field="note")
    ticket = await load_in_scope(scope=scope, ticket_id=ticket_id)
    if ticket.status not in OPEN:
        raise ValidationFailed("已落地或已结单的工单不能改派", field="to")
    allowed = {p.user_id: p.user for p in await candidates_for(ticket)}
    if to_id is None or to_id not in allowed:
        raise ValidationFailed("请选择负责该地区的科服保姆", field="to")
    # hand_over re-checks the actor's reach with its own rule (assigned or same region).
    return await hand_over(ticket_id=ticket.id, staff=actor, to=allowed[to_id], note=note[:400])
