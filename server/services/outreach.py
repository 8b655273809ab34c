"""Targeted pushes run by operators: 精准科普 article campaigns and award calls to qualifying scientists.

An outreach names its articles, an audience (interests, roles, regions by hierarchy, active since; for
award calls disciplines and an age limit) and is previewed, then sent now or at a scheduled time (the
scheduler's `send-due-outreach` job). Sending is one set-based fan-out into the outbox at bulk priority,
so emergencies always go first; daily caps and quiet hours apply at dispatch.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from server.errors import Conflict, NotFound, ValidationFailed
from server.models import Article, Outreach, Region, User
from server.models.enums import OutreachKind, OutreachStatus
from server.models.outbox import PRIORITY_BULK
from server.push import audience as push_audience
from server.push import throttle
from server.services.commands import AudienceSpec, NewOutreach, OutreachPreview

MAX_LIST = 20


async def preview(*, command: OutreachPreview, now: datetime | None = None) -> dict:
    """Count the audience (total, reachable, per region) without writing anything."""
    now = now or datetime.now(UTC)
    counted = await push_audience.preview(command.audience.audience(command.kind, today=now.date()),
                                          kind=str(command.kind))
    names = dict(await Region.filter(code__in=[r["region_code"] for r in counted["regions"] if r["region_code"]])
                 .values_list("code", "name"))
    return {**counted, "regions": [{**r, "name": names.get(r["region_code"], "未填写地区")}
                                   for r in counted["regions"]]}


async def create(*, admin: User, command: NewOutreach, now: datetime | None = None) -> Outreach:
    """Save an outreach as a draft, or scheduled when a time is given, and send it when the command says now.

    Call it inside the caller's transaction (`db.transaction()`): the outreach is made and sent, or neither.
    """
    now = now or datetime.now(UTC)
    found = set(await Article.filter(id__in=command.article_ids).values_list("id", flat=True))
    if missing := [a for a in command.article_ids if a not in found]:
        raise ValidationFailed(f"文章 {missing[0]} 不存在", field="article_ids")
    if command.scheduled_at is not None and command.scheduled_at <= now:
        raise ValidationFailed("定时发送时间应晚于现在", field="scheduled_at")
    made = await Outreach.create(kind=command.kind, title=command.title, article_ids=command.article_ids,
                                 audience=command.audience.to_store(), message=command.message,
                                 scheduled_at=command.scheduled_at, created_by=admin,
                                 status=OutreachStatus.SCHEDULED if command.scheduled_at else OutreachStatus.DRAFT)
    return await send(outreach_id=made.id, now=now) if command.sends_now() else made


async def get(outreach_id: int) -> Outreach:
    """Return one outreach or raise NotFound."""
    found = await Outreach.get_or_none(id=outreach_id)
    if found is None:
        raise NotFound("outreach")
    return found


async def _data(outreach: Outreach) -> dict:
    article = await Article.get(id=outreach.article_ids[0])
    if outreach.kind == OutreachKind.AWARD_CALL:
        return {"article_id": article.id, "award": outreach.message.get("award", outreach.title),
                "note": outreach.message.get("note", ""), "deadline": outreach.message.get("deadline"),
                "organizer": outreach.message.get("organizer", "")}
    return {"article_id": article.id, "title": article.title, "summary": article.summary or article.title,
            "published_at": article.published_at.isoformat(), "reason": outreach.message.get("reason", "")}


async def send(*, outreach_id: int, now: datetime | None = None) -> Outreach:
    """Fan the outreach out now (idempotent: a second call finds it sent)."""
    now = now or datetime.now(UTC)
    async with in_transaction():
        outreach = await Outreach.select_for_update().get_or_none(id=outreach_id)
        if outreach is None:
            raise NotFound("outreach")
        if outreach.status not in (OutreachStatus.DRAFT, OutreachStatus.SCHEDULED):
            raise Conflict("该推送已发送或已取消")
        chosen = AudienceSpec.stored(outreach.audience).audience(outreach.kind, today=now.date())
        # Quiet hours: queue for the morning rather than waking anyone (the dispatcher would hold them anyway).
        due = throttle.next_morning(now) if throttle.is_quiet(now) else now
        figures = await push_audience.fan_out(chosen, kind=str(outreach.kind), cause=f"outreach:{outreach.id}",
                                              data=await _data(outreach), priority=PRIORITY_BULK, due_at=due,
                                              now=now)
        outreach.targeted, outreach.queued, outreach.unreachable = (figures["targeted"], figures["queued"],
                                                                    figures["unreachable"])
        outreach.status, outreach.sent_at = OutreachStatus.SENT, now
        await outreach.save()
    return outreach


async def cancel(*, outreach_id: int) -> Outreach:
    """Cancel a draft or scheduled outreach, or stop what a sent one still has queued."""
    async with in_transaction():
        outreach = await Outreach.select_for_update().get_or_none(id=outreach_id)
        if outreach is None:
            raise NotFound("outreach")
        if outreach.status == OutreachStatus.CANCELLED:
            raise Conflict("该推送已取消")
        if outreach.status == OutreachStatus.SENT:
            await push_audience.stop_queued(kind=str(outreach.kind), causes=[f"outreach:{outreach.id}"],
                                            reason="outreach cancelled")
        outreach.status = OutreachStatus.CANCELLED
        await outreach.save(update_fields=["status", "updated_at"])
    return outreach


async def send_due(*, now: datetime | None = None) -> int:
    """Scheduler: send every scheduled outreach whose time has come; return how many."""
    now = now or datetime.now(UTC)
    due = await Outreach.filter(status=OutreachStatus.SCHEDULED, scheduled_at__lte=now).values_list("id", flat=True)
    sent = 0
    for outreach_id in due:
        try:
            await send(outreach_id=outreach_id, now=now)
            sent += 1
        except Conflict:
            continue  # another scheduler run took it
    return sent


async def figures(outreach_id: int) -> dict:
    """Delivery so far: totals by status."""
    outreach = await get(outreach_id)
    rows = await push_audience.figures_by_region(kind=str(outreach.kind), causes=[f"outreach:{outreach.id}"])
    keys = ("targeted", *push_audience.STATUSES)
    return {key: sum(int(r[key]) for r in rows) for key in keys}  # type: ignore[arg-type]


async def list_outreach(*, limit: int = MAX_LIST, cursor: int | None = None) -> list[Outreach]:
    """Newest first."""
    query = Outreach.all()
    if cursor:
        query = query.filter(id__lt=cursor)
    return await query.order_by("-id").limit(limit)
