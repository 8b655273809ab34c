"""Targeted pushes run by operators: 精准科普 article campaigns and award calls to qualifying scientists.

An outreach names its articles, an audience (interests, roles, regions by hierarchy, active since; for
award calls disciplines and an age limit) and is previewed, then sent now or at a scheduled time (the
scheduler's `send-due-outreach` job). Sending is one set-based fan-out into the outbox at bulk priority,
so emergencies always go first; daily caps and quiet hours apply at dispatch.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from tortoise.transactions import in_transaction

from server.errors import Conflict, NotFound, ValidationFailed
from server.models import Article, Outreach, Region, User
from server.models.enums import OutreachKind, OutreachStatus, Role
from server.models.outbox import PRIORITY_BULK
from server.push import audience as push_audience
from server.push import throttle
from server.services import regions

MAX_LIST = 20


def _audience(kind: OutreachKind, spec: dict, *, today: date) -> push_audience.Audience:
    """Validate an audience spec and turn it into an Audience (award calls reach scientists only)."""
    known = {"region_codes", "roles", "interests", "disciplines", "active_since", "max_age", "min_age"}
    unknown = set(spec) - known
    if unknown:
        raise ValidationFailed(f"不支持的筛选条件：{', '.join(sorted(unknown))}", field="audience")
    codes = []
    for raw in spec.get("region_codes") or []:
        code = regions.normalise_code(raw)
        if code is None:
            raise ValidationFailed(f"地区代码 {raw} 无效", field="audience.region_codes")
        codes.append(code)
    try:
        roles = tuple(Role(r) for r in spec.get("roles") or [])
    except ValueError as exc:
        raise ValidationFailed("身份取值无效", field="audience.roles") from exc
    if kind == OutreachKind.AWARD_CALL:
        roles = (Role.SCIENTIST,)
    max_age, min_age = spec.get("max_age"), spec.get("min_age")
    for name, value in (("max_age", max_age), ("min_age", min_age)):
        if value is not None and (not isinstance(value, int) or not 16 <= value <= 100):
            raise ValidationFailed("年龄应为 16 到 100 之间的整数", field=f"audience.{name}")
    since = spec.get("active_since")
    try:
        active_since = date.fromisoformat(since) if since else None
    except (TypeError, ValueError) as exc:
        raise ValidationFailed("活跃起始日期格式应为 YYYY-MM-DD", field="audience.active_since") from exc
    return push_audience.Audience(
        region_codes=tuple(codes), roles=roles, interests=tuple(str(i) for i in spec.get("interests") or []),
        disciplines=tuple(str(d) for d in spec.get("disciplines") or []), active_since=active_since,
        # "40 周岁以下" means born after today's year minus 40 (a year's precision is what profiles hold).
        min_birth_year=today.year - max_age if max_age is not None else None,
        max_birth_year=today.year - min_age if min_age is not None else None)


async def preview(*, kind: OutreachKind, audience: dict, now: datetime | None = None) -> dict:
    """Count the audience (total, reachable, per region) without writing anything."""
    now = now or datetime.now(UTC)
    chosen = _audience(kind, audience, today=now.date())
    counted = await push_audience.preview(chosen, kind=str(kind))
    names = dict(await Region.filter(code__in=[r["region_code"] for r in counted["regions"] if r["region_code"]])
                 .values_list("code", "name"))
    return {**counted, "regions": [{**r, "name": names.get(r["region_code"], "未填写地区")}
                                   for r in counted["regions"]]}


async def create(*, admin: User, kind: OutreachKind, title: str, article_ids: list[int], audience: dict,
                 message: dict, scheduled_at: datetime | None = None, now: datetime | None = None) -> Outreach:
    """Save an outreach as a draft, or scheduled when a time is given."""
    now = now or datetime.now(UTC)
    _audience(kind, audience, today=now.date())
    if not article_ids:
        raise ValidationFailed("请至少选择一篇文章", field="article_ids")
    found = set(await Article.filter(id__in=article_ids).values_list("id", flat=True))
    if missing := [a for a in article_ids if a not in found]:
        raise ValidationFailed(f"文章 {missing[0]} 不存在", field="article_ids")
    if kind == OutreachKind.AWARD_CALL:
        for key, label in (("award", "奖项名称"), ("deadline", "截止日期")):
            if not str(message.get(key) or "").strip():
                raise ValidationFailed(f"请填写{label}", field=f"message.{key}")
        try:
            date.fromisoformat(str(message["deadline"]))
        except ValueError as exc:
            raise ValidationFailed("截止日期格式应为 YYYY-MM-DD", field="message.deadline") from exc
    if scheduled_at is not None and scheduled_at <= now:
        raise ValidationFailed("定时发送时间应晚于现在", field="scheduled_at")
    return await Outreach.create(kind=kind, title=title, article_ids=list(dict.fromkeys(article_ids)),
                                 audience=audience, message=message, scheduled_at=scheduled_at,
                                 status=OutreachStatus.SCHEDULED if scheduled_at else OutreachStatus.DRAFT,
                                 created_by=admin)


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
        chosen = _audience(outreach.kind, outreach.audience, today=now.date())
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


def outreach_json(outreach: Outreach) -> dict:
    """An outreach as the API shows it."""
    return {"id": outreach.id, "kind": str(outreach.kind), "title": outreach.title,
            "article_ids": outreach.article_ids, "audience": outreach.audience, "message": outreach.message,
            "status": str(outreach.status),
            "scheduled_at": outreach.scheduled_at.isoformat() if outreach.scheduled_at else None,
            "sent_at": outreach.sent_at.isoformat() if outreach.sent_at else None, "targeted": outreach.targeted,
            "queued": outreach.queued, "unreachable": outreach.unreachable,
            "created_at": outreach.created_at.isoformat()}
