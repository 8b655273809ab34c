"""Emergencies (应急事件): alert, update and cancel, fanned out to everyone in the stricken regions.

Shaped after CAP 1.2 / GB/T 35965: an event type, a severity colour (红/橙/黄/蓝 ↔ Extreme/Severe/
Moderate/Minor), the regions hit (any level, children included), onset and expiry, and linked
emergency articles. Each alert, update and cancel is an `EmergencyNotice`. An alert or update is queued
here and fanned out by the workers (`emergency_fanout`), one set-based statement per user-id range; an
update goes to exactly the alert's audience; a cancel stops a fan-out in progress and what is queued.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from server.errors import Conflict, NotFound, ValidationFailed
from server.models import Article, Emergency, EmergencyNotice, Region, User
from server.models.enums import EmergencySeverity, EmergencyStatus, EmergencyType
from server.push import audience as push_audience
from server.services import regions
from server.services.commands import EmergencyRegions, EmergencyUpdate, NewEmergency

KIND = "emergency_alert"
QUEUED, RUNNING, DONE, STOPPED = "queued", "running", "done", "stopped"  # EmergencyNotice.fanout_state
SEVERITY_CAP = {EmergencySeverity.RED: "Extreme", EmergencySeverity.ORANGE: "Severe",
                EmergencySeverity.YELLOW: "Moderate", EmergencySeverity.BLUE: "Minor"}
SEVERITY_LABEL = {EmergencySeverity.RED: "红色", EmergencySeverity.ORANGE: "橙色",
                  EmergencySeverity.YELLOW: "黄色", EmergencySeverity.BLUE: "蓝色"}
TYPE_LABEL = {EmergencyType.FLOOD: "洪涝", EmergencyType.EARTHQUAKE: "地震", EmergencyType.LANDSLIDE: "地质灾害",
              EmergencyType.EPIDEMIC: "疫情", EmergencyType.ACCIDENT: "事故灾难", EmergencyType.WILDFIRE: "森林火灾",
              EmergencyType.STORM: "气象灾害", EmergencyType.OTHER: "其他"}


def cause_of(notice: EmergencyNotice) -> str:
    """The outbox cause of one notice: one message per (notice, person)."""
    return f"emergency:{notice.emergency_id}:{notice.id}"


async def _existing(command: EmergencyRegions) -> list[str]:
    """Return the outermost of the command's regions, once every one of them is known."""
    known = set(await Region.filter(code__in=command.region_codes).values_list("code", flat=True))
    if unknown := [code for code in command.region_codes if code not in known]:
        raise ValidationFailed(f"地区代码 {unknown[0]} 不存在", field="region_codes")
    return command.outermost()


async def _existing_articles(article_ids: list[int]) -> list[int]:
    found = set(await Article.filter(id__in=article_ids).values_list("id", flat=True))
    if missing := [a for a in article_ids if a not in found]:
        raise ValidationFailed(f"文章 {missing[0]} 不存在", field="article_ids")
    return article_ids


def message_data(emergency: Emergency, *, note: str = "") -> dict:
    """Template data for the emergency_alert message (stored once per notice, as its fan-out's broadcast)."""
    title = emergency.headline if not note else f"【更新】{emergency.headline}"
    return {"article_id": emergency.article_ids[0], "title": title, "severity": str(emergency.severity),
            "onset": emergency.onset.isoformat(), "advice": note or emergency.instruction or "请关注官方发布的防范提示",
            "emergency_id": emergency.id, "expires_at": emergency.expires_at.isoformat()}


async def preview(command: EmergencyRegions) -> dict:
    """Count who an alert for these regions would reach, per region."""
    codes = await _existing(command)
    counted = await push_audience.preview(push_audience.Audience(region_codes=tuple(codes)), kind=KIND)
    return {**counted, "region_codes": codes, "regions": await _named(counted["regions"])}


async def _named(rows: list[dict]) -> list[dict]:
    names = dict(await Region.filter(code__in=[r["region_code"] for r in rows if r["region_code"]])
                 .values_list("code", "name"))
    return [{**r, "name": names.get(r["region_code"], "未知地区")} for r in rows]


async def alert(*, admin: User, command: NewEmergency,
                now: datetime | None = None) -> tuple[Emergency, EmergencyNotice]:
    """Record the emergency and queue its alert for everyone within its regions (the workers fan it out).

    Call it inside the caller's transaction (`db.transaction()`): the emergency and its queued alert are
    written together, or neither.
    """
    now = now or datetime.now(UTC)
    if command.expires_at <= now:
        raise ValidationFailed("结束时间已过，无需推送", field="expires_at")
    codes = await _existing(command)
    articles = await _existing_articles(command.article_ids)
    # The audience is who is registered now: people who sign up during the fan-out are not in it.
    upto = await User.all().order_by("-id").first().values_list("id", flat=True) or 0
    emergency = await Emergency.create(
        identifier=f"KJY-{now:%Y%m%d%H%M%S}-{int(time.perf_counter() * 1e6) % 1_000_000:06d}",
        event_type=command.event_type, severity=command.severity, headline=command.headline,
        instruction=command.instruction, region_codes=codes, onset=command.onset,
        expires_at=command.expires_at, article_ids=articles, created_by=admin)
    notice = await EmergencyNotice.create(emergency=emergency, msg_type="alert", created_by=admin,
                                          fanout_state=QUEUED, fanout_upto=upto)
    return emergency, notice


async def get(emergency_id: int) -> Emergency:
    """Return one emergency or raise NotFound."""
    emergency = await Emergency.get_or_none(id=emergency_id)
    if emergency is None:
        raise NotFound("emergency")
    return emergency


async def update(*, admin: User, emergency_id: int, command: EmergencyUpdate,
                 now: datetime | None = None) -> EmergencyNotice:
    """Record an update and queue it for exactly the people the alert targeted."""
    now = now or datetime.now(UTC)
    async with in_transaction():
        emergency = await Emergency.select_for_update().get_or_none(id=emergency_id)
        if emergency is None:
            raise NotFound("emergency")
        if emergency.status != EmergencyStatus.ACTIVE:
            raise Conflict("该应急事件已撤销，不能再更新")
        if command.severity is not None:
            emergency.severity = command.severity
        if command.expires_at is not None:
            if command.expires_at <= now:
                raise ValidationFailed("结束时间应晚于现在", field="expires_at")
            emergency.expires_at = command.expires_at
        await emergency.save()
        first = await EmergencyNotice.filter(emergency_id=emergency.id, msg_type="alert").first()
        # Fanned out after the alert's own fan-out ends (the workers take an emergency's notices in order).
        return await EmergencyNotice.create(emergency=emergency, msg_type="update", note=command.note,
                                            created_by=admin, fanout_state=QUEUED,
                                            fanout_upto=first.fanout_upto if first else 0)


async def cancel(*, admin: User, emergency_id: int, note: str = "", now: datetime | None = None) -> EmergencyNotice:
    """Cancel the emergency: a fan-out in progress stops, and whatever is queued (sends in flight finish)."""
    now = now or datetime.now(UTC)
    async with in_transaction():
        # The workers lock the emergency before each range they write: none is half-written now.
        emergency = await Emergency.select_for_update().get_or_none(id=emergency_id)
        if emergency is None:
            raise NotFound("emergency")
        if emergency.status == EmergencyStatus.CANCELLED:
            raise Conflict("该应急事件已撤销")
        emergency.status = EmergencyStatus.CANCELLED
        await emergency.save(update_fields=["status", "updated_at"])
        await EmergencyNotice.filter(emergency_id=emergency.id, fanout_state__in=[QUEUED, RUNNING]).update(
            fanout_state=STOPPED, fanout_finished_at=now, fanout_lease_until=None)
        causes = [cause_of(n) for n in await EmergencyNotice.filter(emergency_id=emergency.id)]
        stopped = await push_audience.stop_queued(kind=KIND, causes=causes, reason="emergency cancelled")
        return await EmergencyNotice.create(emergency=emergency, msg_type="cancel", note=note.strip()[:200],
                                            stopped=stopped, created_by=admin)


@dataclass
class Delivery:
    """An emergency's notices and, when counted, its delivery so far: totals and per region."""

    emergency: Emergency
    notices: list[EmergencyNotice]
    totals: dict[str, int] = field(default_factory=dict)
    regions: list[dict] = field(default_factory=list)


async def progress(emergency_id: int) -> Delivery:
    """The emergency and its notices, whose rows say how far each fan-out has come (cheap enough to poll)."""
    emergency = await get(emergency_id)
    return Delivery(emergency, await EmergencyNotice.filter(emergency_id=emergency.id).order_by("id"))


def is_fanned_out(notice: EmergencyNotice) -> bool:
    """Return True when nothing is left to queue for this notice."""
    return notice.fanout_state in (DONE, STOPPED)


async def figures(emergency_id: int) -> Delivery:
    """Delivery so far: totals and per region (the child regions of each region hit), live while it runs."""
    delivery = await progress(emergency_id)
    emergency = delivery.emergency
    causes = [cause_of(n) for n in delivery.notices if n.msg_type != "cancel"]
    rows = await push_audience.figures_by_region(kind=KIND, causes=causes)
    buckets: dict[str, dict] = {}
    for row in rows:
        code = _bucket(str(row["region_code"] or ""), emergency.region_codes)
        entry = buckets.setdefault(code, {"region_code": code, "targeted": 0,
                                          **{s: 0 for s in push_audience.STATUSES}})
        for key in ("targeted", *push_audience.STATUSES):
            entry[key] += int(row[key])  # type: ignore[arg-type]
    delivery.regions = sorted(await _named(list(buckets.values())), key=lambda r: (-r["targeted"], r["region_code"]))
    delivery.totals = {key: sum(r[key] for r in delivery.regions) for key in ("targeted", *push_audience.STATUSES)}
    return delivery


def _bucket(code: str, hit: list[str]) -> str:
    """The region a row is reported under: the child (city or county) of the region hit that holds it."""
    for top in hit:
        if code and regions.is_within(code, top):
            level = regions.level_of(top)
            if level == "province":
                return code[:4] + "00"
            if level == "city":
                return code
            return top
    return code


async def list_emergencies(*, limit: int = 20, cursor: int | None = None) -> list[Emergency]:
    """Newest first."""
    query = Emergency.all()
    if cursor:
        query = query.filter(id__lt=cursor)
    return await query.order_by("-id").limit(limit)


async def active_for_region(region_code: str | None, *, now: datetime | None = None) -> Emergency | None:
    """The most severe active emergency covering this region (for the feed's pinned card)."""
    if not region_code:
        return None
    now = now or datetime.now(UTC)
    live = await Emergency.filter(status=EmergencyStatus.ACTIVE, onset__lte=now, expires_at__gt=now).order_by("-id")
    order = list(EmergencySeverity)
    covering = [e for e in live if any(regions.is_within(region_code, c) for c in e.region_codes)]
    covering.sort(key=lambda e: order.index(e.severity))
    return covering[0] if covering else None


async def feed_card(emergency: Emergency) -> dict:
    """The pinned card the mini-program's feed shows (the shape its emergency banner reads)."""
    names = dict(await Region.filter(code__in=emergency.region_codes).values_list("code", "name"))
    titles = dict(await Article.filter(id__in=emergency.article_ids).values_list("id", "title"))
    return {"id": emergency.id, "title": emergency.headline, "severity": str(emergency.severity),
            "severity_label": SEVERITY_LABEL[emergency.severity] + "预警", "event_type": str(emergency.event_type),
            "regions": [names.get(c, c) for c in emergency.region_codes], "article_id": emergency.article_ids[0],
            "instruction": emergency.instruction, "onset": emergency.onset.isoformat(),
            "expires_at": emergency.expires_at.isoformat(),
            "articles": [{"id": i, "title": titles[i]} for i in emergency.article_ids if i in titles]}
