"""Emergencies (应急事件): alert, update and cancel, fanned out to everyone in the stricken regions.

Shaped after CAP 1.2 / GB/T 35965: an event type, a severity colour (红/橙/黄/蓝 ↔ Extreme/Severe/
Moderate/Minor), the regions hit (any level, children included), onset and expiry, and linked
emergency articles. Each alert, update and cancel is an `EmergencyNotice`. An alert or update is queued
here and fanned out by the workers (`emergency_fanout`), one set-based statement per user-id range; an
update goes to exactly the alert's audience; a cancel stops a fan-out in progress and what is queued.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from server.errors import Conflict, NotFound, ValidationFailed
from server.models import Article, Emergency, EmergencyNotice, Region, User
from server.models.enums import EmergencySeverity, EmergencyStatus, EmergencyType
from server.push import audience as push_audience
from server.services import regions

KIND = "emergency_alert"
QUEUED, RUNNING, DONE, STOPPED = "queued", "running", "done", "stopped"  # EmergencyNotice.fanout_state
MAX_REGIONS = 50
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


async def _clean_regions(codes: list[str]) -> list[str]:
    if not codes:
        raise ValidationFailed("请选择受影响的地区", field="region_codes")
    if len(codes) > MAX_REGIONS:
        raise ValidationFailed(f"地区最多 {MAX_REGIONS} 个", field="region_codes")
    normalised = {raw: regions.normalise_code(raw) for raw in codes}
    known = set(await Region.filter(code__in=[c for c in normalised.values() if c]).values_list("code", flat=True))
    for raw, code in normalised.items():
        if code not in known:
            raise ValidationFailed(f"地区代码 {raw} 不存在", field="region_codes")
    cleaned = [code for code in normalised.values() if code]
    # Drop codes already inside another listed region, so nobody is counted twice.
    return sorted({c for c in cleaned if not any(o != c and regions.is_within(c, o) for o in cleaned)})


async def _clean_articles(article_ids: list[int]) -> list[int]:
    if not article_ids:
        raise ValidationFailed("请至少关联一篇应急科普文章", field="article_ids")
    found = set(await Article.filter(id__in=article_ids).values_list("id", flat=True))
    missing = [a for a in article_ids if a not in found]
    if missing:
        raise ValidationFailed(f"文章 {missing[0]} 不存在", field="article_ids")
    return list(dict.fromkeys(article_ids))


def message_data(emergency: Emergency, *, note: str = "") -> dict:
    """Template data for the emergency_alert message (stored once per notice, as its fan-out's broadcast)."""
    title = emergency.headline if not note else f"【更新】{emergency.headline}"
    return {"article_id": emergency.article_ids[0], "title": title, "severity": str(emergency.severity),
            "onset": emergency.onset.isoformat(), "advice": note or emergency.instruction or "请关注官方发布的防范提示",
            "emergency_id": emergency.id, "expires_at": emergency.expires_at.isoformat()}


async def preview(region_codes: list[str]) -> dict:
    """Count who an alert for these regions would reach, per region."""
    codes = await _clean_regions(region_codes)
    counted = await push_audience.preview(push_audience.Audience(region_codes=tuple(codes)), kind=KIND)
    return {**counted, "region_codes": codes, "regions": await _named(counted["regions"])}


async def _named(rows: list[dict]) -> list[dict]:
    names = dict(await Region.filter(code__in=[r["region_code"] for r in rows if r["region_code"]])
                 .values_list("code", "name"))
    return [{**r, "name": names.get(r["region_code"], "未知地区")} for r in rows]


async def alert(*, admin: User, event_type: EmergencyType, severity: EmergencySeverity, headline: str,
                instruction: str, region_codes: list[str], onset: datetime, expires_at: datetime,
                article_ids: list[int], now: datetime | None = None) -> tuple[Emergency, EmergencyNotice]:
    """Record the emergency and queue its alert for everyone within its regions (the workers fan it out)."""
    now = now or datetime.now(UTC)
    if expires_at <= onset:
        raise ValidationFailed("结束时间应晚于发生时间", field="expires_at")
    if expires_at <= now:
        raise ValidationFailed("结束时间已过，无需推送", field="expires_at")
    codes = await _clean_regions(region_codes)
    articles = await _clean_articles(article_ids)
    # The audience is who is registered now: people who sign up during the fan-out are not in it.
    upto = await User.all().order_by("-id").first().values_list("id", flat=True) or 0
    async with in_transaction():
        emergency = await Emergency.create(
            identifier=f"KJY-{now:%Y%m%d%H%M%S}-{int(time.perf_counter() * 1e6) % 1_000_000:06d}",
            event_type=event_type, severity=severity, headline=headline, instruction=instruction,
            region_codes=codes, onset=onset, expires_at=expires_at, article_ids=articles, created_by=admin)
        notice = await EmergencyNotice.create(emergency=emergency, msg_type="alert", created_by=admin,
                                              fanout_state=QUEUED, fanout_upto=upto)
    return emergency, notice


async def get(emergency_id: int) -> Emergency:
    """Return one emergency or raise NotFound."""
    emergency = await Emergency.get_or_none(id=emergency_id)
    if emergency is None:
        raise NotFound("emergency")
    return emergency


async def update(*, admin: User, emergency_id: int, note: str, severity: EmergencySeverity | None = None,
                 expires_at: datetime | None = None, now: datetime | None = None) -> EmergencyNotice:
    """Record an update and queue it for exactly the people the alert targeted."""
    now = now or datetime.now(UTC)
    if not note.strip():
        raise ValidationFailed("请填写更新内容", field="note")
    async with in_transaction():
        emergency = await Emergency.select_for_update().get_or_none(id=emergency_id)
        if emergency is None:
            raise NotFound("emergency")
        if emergency.status != EmergencyStatus.ACTIVE:
            raise Conflict("该应急事件已撤销，不能再更新")
        if severity is not None:
            emergency.severity = severity
        if expires_at is not None:
            if expires_at <= now:
                raise ValidationFailed("结束时间应晚于现在", field="expires_at")
            emergency.expires_at = expires_at
        await emergency.save()
        first = await EmergencyNotice.filter(emergency_id=emergency.id, msg_type="alert").first()
        # Fanned out after the alert's own fan-out ends (the workers take an emergency's notices in order).
        return await EmergencyNotice.create(emergency=emergency, msg_type="update", note=note.strip(),
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


async def progress(emergency_id: int) -> dict:
    """The fan-out of each notice so far, from the notices alone (cheap enough to poll)."""
    emergency = await get(emergency_id)
    notices = await EmergencyNotice.filter(emergency_id=emergency.id).order_by("id")
    return {"emergency_id": emergency.id, "status": str(emergency.status),
            "fanned_out": all(n.fanout_state in (DONE, STOPPED) for n in notices),
            "notices": [notice_json(n) for n in notices]}


async def figures(emergency_id: int) -> dict:
    """Delivery so far: totals and per region (the child regions of each region hit), live while it runs."""
    emergency = await get(emergency_id)
    notices = await EmergencyNotice.filter(emergency_id=emergency.id).order_by("id")
    causes = [cause_of(n) for n in notices if n.msg_type != "cancel"]
    rows = await push_audience.figures_by_region(kind=KIND, causes=causes)
    buckets: dict[str, dict] = {}
    for row in rows:
        code = _bucket(str(row["region_code"] or ""), emergency.region_codes)
        entry = buckets.setdefault(code, {"region_code": code, "targeted": 0,
                                          **{s: 0 for s in push_audience.STATUSES}})
        for key in ("targeted", *push_audience.STATUSES):
            entry[key] += int(row[key])  # type: ignore[arg-type]
    per_region = sorted(await _named(list(buckets.values())), key=lambda r: (-r["targeted"], r["region_code"]))
    totals = {key: sum(r[key] for r in per_region) for key in ("targeted", *push_audience.STATUSES)}
    return {"emergency_id": emergency.id, "status": str(emergency.status), "totals": totals, "regions": per_region,
            "notices": [notice_json(n) for n in notices]}


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


def notice_json(notice: EmergencyNotice) -> dict:
    """A notice as the API shows it: its figures so far and how far its fan-out has come (0 to 1)."""
    done = notice.fanout_state == DONE or notice.fanout_upto <= 0
    return {"id": notice.id, "msg_type": notice.msg_type, "note": notice.note, "targeted": notice.targeted,
            "queued": notice.queued, "unreachable": notice.unreachable, "stopped": notice.stopped,
            "fanout_ms": notice.fanout_ms, "fanout_state": notice.fanout_state,
            "fanout_progress": 1.0 if done else round(min(notice.fanout_cursor / notice.fanout_upto, 1.0), 4),
            "created_at": notice.created_at.isoformat()}


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


def emergency_json(emergency: Emergency) -> dict:
    """An emergency as the API shows it (with its CAP vocabulary)."""
    return {"id": emergency.id, "identifier": emergency.identifier, "event_type": str(emergency.event_type),
            "event_label": TYPE_LABEL[emergency.event_type], "severity": str(emergency.severity),
            "severity_label": SEVERITY_LABEL[emergency.severity], "cap_severity": SEVERITY_CAP[emergency.severity],
            "headline": emergency.headline, "instruction": emergency.instruction,
            "region_codes": emergency.region_codes, "onset": emergency.onset.isoformat(),
            "expires_at": emergency.expires_at.isoformat(), "article_ids": emergency.article_ids,
            "status": str(emergency.status), "created_at": emergency.created_at.isoformat()}


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
