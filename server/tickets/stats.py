"""Admin statistics on concierge orders: load and first-response time per concierge, stage ageing.

The figures are the dashboard's own (services/metrics/tickets.py and definitions.py); only the window
differs: first responses of the tickets assigned in the last 30 days, everywhere or within one region.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from server.models.enums import PostStatus
from server.services import regions
from server.services.metrics import tickets as ticket_figures
from server.services.metrics.definitions import AGE_BUCKETS
from server.services.metrics.scope import BEIJING, Area
from server.tickets.stages import OPEN, STATUS_NAMES

__all__ = ["AGE_BUCKETS", "concierge_load", "stage_ageing"]

RESPONSE_WINDOW = timedelta(days=30)


async def _area(region_code: str | None) -> Area:
    """Return the area of an existing region (ValidationFailed otherwise), or everywhere for None."""
    if region_code is None or region_code == "":
        return Area()
    return Area.of((await regions.get_region(region_code)).code)


async def concierge_load(region_code: str | None = None, *, now: datetime | None = None) -> list[dict]:
    """Return each concierge's open tickets, capacity, availability and first-response times (30 days)."""
    area, now = await _area(region_code), now or datetime.now(UTC)
    staff, responses = await asyncio.gather(
        ticket_figures.workload_rows(area, today=now.astimezone(BEIJING).date()),
        ticket_figures.first_responses(area, assigned=(now - RESPONSE_WINDOW, now)))
    result = []
    for row in staff:
        response = responses.get(int(row["concierge_id"]), {})
        result.append({
            "user_id": int(row["concierge_id"]), "name": row["name"], "region_code": row["region_code"],
            "open_tickets": int(row["open_tickets"]), "capacity": int(row["capacity"]), "away": bool(row["away"]),
            "responded": response.get("n", 0), "median_first_response_minutes": response.get("median"),
            "p90_first_response_minutes": response.get("p90"),
        })
    return result


async def stage_ageing(region_code: str | None = None, *, now: datetime | None = None) -> list[dict]:
    """Return, per open stage, how many tickets are in it and how long they have been there."""
    area = await _area(region_code)
    stages = {s: {key: 0 for key, *_ in AGE_BUCKETS} for s in OPEN}
    for row in await ticket_figures.stage_age_rows(area, now=now or datetime.now(UTC)):
        stages[PostStatus(row["status"])][row["age"]] += int(row["n"])
    return [{"status": s.value, "name": STATUS_NAMES[s], "count": sum(ages.values()), "ages": ages}
            for s, ages in stages.items()]
