"""Admin statistics on concierge orders: load and first-response time per concierge, stage ageing."""

from __future__ import annotations

import math
import statistics
from datetime import UTC, datetime, timedelta

from tortoise.functions import Count

from server.models import StaffProfile, Ticket
from server.models.enums import PostStatus, Role
from server.services import regions, tickets

RESPONSE_WINDOW = timedelta(days=30)
# (key, label, lower bound, upper bound) of a ticket's time in its current stage
AGE_BUCKETS: list[tuple[str, str, timedelta, timedelta | None]] = [
    ("lt_1d", "1天内", timedelta(0), timedelta(days=1)),
    ("1_3d", "1-3天", timedelta(days=1), timedelta(days=3)),
    ("3_7d", "3-7天", timedelta(days=3), timedelta(days=7)),
    ("7_30d", "7-30天", timedelta(days=7), timedelta(days=30)),
    ("gt_30d", "30天以上", timedelta(days=30), None),
]


async def _region(region_code: str | None) -> str | None:
    """Return the normalised code of an existing region (ValidationFailed otherwise), or None for all."""
    if region_code is None or region_code == "":
        return None
    return (await regions.get_region(region_code)).code


def _p90(values: list[float]) -> float:
    """Return the 90th percentile by the nearest-rank method."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


async def _first_responses(user_ids: list[int], *, since: datetime) -> dict[int, list[float]]:
    """Return minutes from assignment to first contact per concierge, for tickets assigned since `since`."""
    rows = await Ticket.filter(concierge_id__in=user_ids, assigned_at__gte=since, first_contact_at__isnull=False) \
        .values_list("concierge_id", "assigned_at", "first_contact_at")
    minutes: dict[int, list[float]] = {}
    for concierge_id, assigned, contacted in rows:
        minutes.setdefault(concierge_id, []).append(max(0.0, (contacted - assigned).total_seconds() / 60))
    return minutes


async def concierge_load(region_code: str | None = None, *, now: datetime | None = None) -> list[dict]:
    """Return each concierge's open tickets, capacity, availability and first-response times (30 days)."""
    code = await _region(region_code)
    query = StaffProfile.filter(user__role=Role.STAFF)
    profiles = await (regions.filter_within(query, code) if code else query).order_by("user_id") \
        .prefetch_related("user")
    ids = [p.user_id for p in profiles]
    rows = await (Ticket.filter(concierge_id__in=ids, status__in=tickets.OPEN).group_by("concierge_id")
                  .annotate(n=Count("id")).values("concierge_id", "n"))
    open_counts = {row["concierge_id"]: row["n"] for row in rows}
    responses = await _first_responses(ids, since=(now or datetime.now(UTC)) - RESPONSE_WINDOW)
    result = []
    for p in profiles:
        minutes = responses.get(p.user_id, [])
        result.append({
            "user_id": p.user_id, "name": p.user.name, "region_code": p.region_id,
            "open_tickets": open_counts.get(p.user_id, 0), "capacity": p.capacity, "away": p.away,
            "responded": len(minutes),
            "median_first_response_minutes": round(statistics.median(minutes), 1) if minutes else None,
            "p90_first_response_minutes": round(_p90(minutes), 1) if minutes else None,
        })
    return result


async def stage_ageing(region_code: str | None = None, *, now: datetime | None = None) -> list[dict]:
    """Return, per open stage, how many tickets are in it and how long they have been there."""
    code = await _region(region_code)
    now = now or datetime.now(UTC)
    base = Ticket.filter(status__in=tickets.OPEN)
    base = regions.filter_within(base, code) if code else base
    stages = {s: {key: 0 for key, *_ in AGE_BUCKETS} for s in tickets.OPEN}
    for key, _label, low, high in AGE_BUCKETS:
        bucket = base.filter(stage_since__lte=now - low)
        if high is not None:
            bucket = bucket.filter(stage_since__gt=now - high)
        for row in await bucket.group_by("status").annotate(n=Count("id")).values("status", "n"):
            stages[PostStatus(row["status"])][key] = row["n"]
    return [{"status": s.value, "name": tickets.STATUS_NAMES[s], "count": sum(ages.values()), "ages": ages}
            for s, ages in stages.items()]
