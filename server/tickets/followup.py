"""The concierge follow-up schedule (科服保姆): reassignment, overdue reminders and escalation, stuck flags, digests.

Every function takes the clock as `now` (timezone-aware) and never reads the wall clock itself. What a
run did is recorded as TicketEvent rows (reassigned, reminded, escalated, flagged) and as outbox rows
with a unique (kind, cause, user), so running a job again changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.models import Post, PushRequest, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import PostStatus, Role
from server.tickets import assignment, stages

S = PostStatus
BEIJING = ZoneInfo("Asia/Shanghai")
KIND = "followup_reminder"
UNCONTACTED = (S.PUBLISHED, S.MATCHED)
REASSIGN_AFTER = timedelta(hours=24)
ESCALATE_AFTER = timedelta(days=1)
STUCK_AFTER: dict[PostStatus, timedelta] = {
    S.PUBLISHED: timedelta(days=2), S.MATCHED: timedelta(days=3), S.CONTACTED: timedelta(days=7),
    S.NEGOTIATING: timedelta(days=30), S.SIGNED: timedelta(days=60),
}


class OverdueCounts(NamedTuple):
    reminded: int
    escalated: int


def beijing_date(now: datetime) -> date:
    """Return the Beijing calendar date of a moment."""
    return now.astimezone(BEIJING).date()


async def _push(*, user_id: int, cause: str, ticket_id: int, post_id: int, reason: str, now: datetime,
                **extra: object) -> bool:
    """Queue one followup_reminder, once per cause; return whether it is new."""
    title = next(iter(await Post.filter(id=post_id).limit(1).values_list("title", flat=True)), "")
    data = {"ticket_id": ticket_id, "post_id": post_id, "reason": reason, "post_title": title or "",
            "due": now.isoformat(), **extra}
    _, created = await PushRequest.get_or_create(kind=KIND, cause=cause[:64], user_id=user_id,
                                                 defaults={"data": data, "due_at": now})
    return created


async def _supervisor_of(concierge_id: int | None) -> User | None:
    """Return the concierge's supervisor, else the first admin."""
    profile = await StaffProfile.get_or_none(user_id=concierge_id) if concierge_id else None
    if profile is not None and profile.supervisor_id:
        return await User.get_or_none(id=profile.supervisor_id)
    return await User.filter(role=Role.ADMIN).order_by("id").first()


async def _name(user_id: int | None) -> str:
    names = await User.filter(id=user_id).limit(1).values_list("name", flat=True) if user_id else []
    return next(iter(names), "") or "科服保姆"


# ---- reassignment ------------------------------------------------------------------------------

def _uncontacted(now: datetime, after: timedelta) -> QuerySet[Ticket]:
    return Ticket.filter(status__in=UNCONTACTED, first_contact_at__isnull=True, concierge_id__isnull=False,
                         assigned_at__lt=now - after)


async def reassign_uncontacted(now: datetime, *, after: timedelta = REASSIGN_AFTER) -> int:
    """Give tickets nobody contacted within `after` of assignment to another concierge; tell the supervisor."""
    stale = await _uncontacted(now, after).order_by("id").values_list("id", flat=True)
    moved = 0
    for ticket_id in stale:
        moved += await _reassign(ticket_id, now=now, after=after)
    return moved


async def _reassign(ticket_id: int, *, now: datetime, after: timedelta) -> int:
    async with in_transaction():
        ticket = await _uncontacted(now, after).select_for_update().filter(id=ticket_id).first()
        if ticket is None:
            return 0  # contacted, closed or reassigned since the query
        old_id, hours = ticket.concierge_id, int(after.total_seconds() // 3600)
        old_name, n = await _name(old_id), await TicketEvent.filter(ticket_id=ticket.id, kind="reassigned").count()
        supervisor = await _supervisor_of(old_id)
        new = await assignment.assign(ticket=ticket, exclude={old_id}, note=f"超过 {hours} 小时未联系，自动改派")
        if new is None:  # nobody else is free: the supervisor decides (told once per assignment)
            if supervisor is not None:
                await _push(user_id=supervisor.id, cause=f"unassignable:{ticket.id}:{n + 1}", ticket_id=ticket.id,
                            post_id=ticket.post_id, reason=f"{old_name}超时未联系，无人可改派", now=now)
            return 0
        ticket.assigned_at = now
        await ticket.save(update_fields=["assigned_at", "updated_at"])
        await TicketEvent.create(ticket=ticket, kind="reassigned", created_at=now,
                                 note=f"超过 {hours} 小时未联系，由 {old_name} 改派给 {new.name}"[:500])
        if supervisor is not None:
            await _push(user_id=supervisor.id, cause=f"reassigned:{ticket.id}:{n + 1}", ticket_id=ticket.id,
                        post_id=ticket.post_id, reason=f"{old_name}超时未联系，已改派{new.name}", now=now)
    return 1


# ---- overdue plans -----------------------------------------------------------------------------

async def remind_overdue(now: datetime, *, escalate_after: timedelta = ESCALATE_AFTER) -> OverdueCounts:
    """Remind concierges of plans past due; escalate to the supervisor when a reminder went unheeded."""
    overdue = await Ticket.filter(plan_due__lt=beijing_date(now), status__in=stages.OPEN,
                                  concierge_id__isnull=False).order_by("id")
    reminded = escalated = 0
    for ticket in overdue:
        reminded += await _remind(ticket, now=now)
        escalated += await _escalate(ticket, now=now, after=escalate_after)
    return OverdueCounts(reminded, escalated)


async def _remind(ticket: Ticket, *, now: datetime) -> int:
    due = ticket.plan_due.isoformat()
    async with in_transaction():
        if not await _push(user_id=ticket.concierge_id, cause=f"overdue:{ticket.id}:{due}", ticket_id=ticket.id,
                           post_id=ticket.post_id, reason=f"计划已逾期：{ticket.plan_step}", now=now):
            return 0
        # The note starts with the plan's date: escalation looks for the reminder of this very plan.
        await TicketEvent.create(ticket=ticket, kind="reminded", internal=True, created_at=now,
                                 note=f"{due} 计划逾期，已提醒科服保姆：{ticket.plan_step}"[:500])
    return 1


async def _escalate(ticket: Ticket, *, now: datetime, after: timedelta) -> int:
    due = ticket.plan_due.isoformat()
    this_plan = TicketEvent.filter(ticket_id=ticket.id, note__startswith=f"{due} ")
    if await this_plan.filter(kind="escalated").exists():
        return 0
    if not await this_plan.filter(kind="reminded", created_at__lte=now - after).exists():
        return 0
    supervisor, name = await _supervisor_of(ticket.concierge_id), await _name(ticket.concierge_id)
    async with in_transaction():
        if supervisor is not None:
            await _push(user_id=supervisor.id, cause=f"escalated:{ticket.id}:{due}", ticket_id=ticket.id,
                        post_id=ticket.post_id, reason=f"{name}的计划逾期未处理", now=now)
        told = f"已升级至 {supervisor.name or '主管'}" if supervisor is not None else "无主管可通知"
        await TicketEvent.create(ticket=ticket, kind="escalated", internal=True, created_at=now,
                                 note=f"{due} 计划逾期提醒后仍未处理，{told}"[:500])
    return 1


# ---- stuck stages ------------------------------------------------------------------------------

async def flag_stuck(now: datetime, *, thresholds: Mapping[PostStatus, timedelta] = STUCK_AFTER) -> int:
    """Flag tickets that stayed in one stage longer than its threshold, once per stage entry."""
    flagged = 0
    for stage, limit in thresholds.items():
        stuck = dict(await Ticket.filter(status=stage, stage_since__lt=now - limit).values_list("id", "stage_since"))
        if not stuck:
            continue
        # to_status names the stage a flag was raised in, so a later stage gets its own flag.
        done = await TicketEvent.filter(ticket_id__in=list(stuck), kind="flagged", to_status=stage.value) \
            .values_list("ticket_id", "created_at")
        seen = {ticket_id for ticket_id, at in done if at >= stuck[ticket_id]}
        fresh = [TicketEvent(ticket_id=ticket_id, kind="flagged", to_status=stage.value, internal=True,
                             created_at=now, note=_stuck_note(stage, now - since, limit))
                 for ticket_id, since in stuck.items() if ticket_id not in seen]
        if fresh:
            await TicketEvent.bulk_create(fresh)
        flagged += len(fresh)
    return flagged


def _stuck_note(stage: PostStatus, age: timedelta, limit: timedelta) -> str:
    return f"在「{stages.STATUS_NAMES[stage]}」阶段已停留 {age.days} 天，超过 {limit.days} 天，请跟进"


# ---- the morning digest ------------------------------------------------------------------------

async def daily_digest(now: datetime) -> int:
    """Send each concierge one summary of their plans due today and overdue; return how many were queued."""
    today = beijing_date(now)
    rows = await Ticket.filter(status__in=stages.OPEN, concierge_id__isnull=False, plan_due__lte=today) \
        .order_by("plan_due", "id").values("id", "post_id", "concierge_id", "plan_due")
    mine: dict[int, list[dict]] = {}
    for row in rows:
        mine.setdefault(row["concierge_id"], []).append(row)
    queued = 0
    for concierge_id, due in mine.items():
        today_count = sum(1 for row in due if row["plan_due"] == today)
        overdue_count = len(due) - today_count
        first = due[0]  # the most overdue one: the notice opens it
        queued += await _push(user_id=concierge_id, cause=f"digest:{today.isoformat()}", ticket_id=first["id"],
                              post_id=first["post_id"], reason=f"今日到期{today_count}单，已逾期{overdue_count}单",
                              now=now, due_today=today_count, overdue=overdue_count,
                              ticket_ids=[row["id"] for row in due[:20]])
    return queued
