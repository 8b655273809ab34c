"""The regional overview the console draws: funnel, rates, workload, pushes, weekly trend and child regions.

Every figure comes from a GROUP BY query or a snapshot of settled days (queries.py, snapshots.py); Python
only reshapes the aggregated rows (at most a few thousand: kinds x statuses x days). Queries run
concurrently; they hold no locks and no transaction.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

from server.models import Region
from server.models.enums import PostKind, PostStatus, RegionLevel, Role
from server.tickets.stages import OPEN, STATUS_NAMES

from . import cards, snapshots, ticket_days, tickets
from .definitions import OLD_BUCKETS, PUSH_BUCKETS, RATE_DEFINITIONS, STAGES, ratio
from .scope import Scope, scope_of

S = PostStatus


def _funnel(found: list[dict]) -> dict[str, list[dict]]:
    reached: dict[tuple[PostKind, int], int] = {}
    for r in found:
        key = (PostKind(r["kind"]), int(r["r"]))
        reached[key] = reached.get(key, 0) + int(r["n"])
    return {kind.value: [{"stage": stage.value, "label": STATUS_NAMES[stage],
                          "count": sum(n for (k, rank), n in reached.items() if k == kind and rank >= i)}
                         for i, stage in enumerate(STAGES)]
            for kind in PostKind}


def _rate(key: str, numerator: int, denominator: int) -> dict:
    info = RATE_DEFINITIONS[key]
    return {"label": info["label"], "definition": info["definition"], "numerator": numerator,
            "denominator": denominator, "value": ratio(numerator, denominator)}


def _by_child(found: list[dict], *, key_len: int, where: tuple[str, str] | None = None) -> dict[str, int]:
    """Sum `n` per child (the first `key_len` digits of the region code), optionally where a column has a value."""
    totals: dict[str, int] = {}
    for row in found:
        if row["k"] is not None and (where is None or row[where[0]] == where[1]):
            key = row["k"][:key_len]
            totals[key] = totals.get(key, 0) + int(row["n"])
    return totals


def _workload(found: list[dict], responses: dict[int, dict]) -> list[dict]:
    return [{"concierge_id": int(r["concierge_id"]), "name": r["name"], "region_code": r["region_code"],
             "region_name": r["region_name"],
             "open_tickets": int(r["open_tickets"]), "capacity": int(r["capacity"]), "away": bool(r["away"]),
             "overdue_plans": int(r["overdue_plans"]),
             "first_response_minutes_median": responses.get(int(r["concierge_id"]), {}).get("median")}
            for r in found]


def _stage_ageing(found: list[dict]) -> list[dict]:
    counts = {s: [0, 0] for s in OPEN}
    for row in found:
        counts[PostStatus(row["status"])][0] += int(row["n"])
        if row["age"] in OLD_BUCKETS:
            counts[PostStatus(row["status"])][1] += int(row["n"])
    return [{"stage": s.value, "label": STATUS_NAMES[s], "count": n, "over_7_days": old}
            for s, (n, old) in counts.items()]


def _push(found: list[dict]) -> list[dict]:
    kinds: dict[str, dict[str, int]] = {}
    for row in found:
        bucket = "pending" if row["status"] == "sending" else row["status"]  # in flight counts as pending
        counts = kinds.setdefault(row["kind"], dict.fromkeys(PUSH_BUCKETS, 0))
        counts[bucket] = counts.get(bucket, 0) + int(row["n"])
    return [{"kind": kind, **counts} for kind, counts in sorted(kinds.items())]


def _weekly(scope: Scope, posts: list[dict], events: list[dict], pushes: list[dict]) -> list[dict]:
    """Lay the weekly counts out week by week, Monday first (the first week may start before `since`)."""
    first = scope.since - timedelta(days=scope.since.weekday())
    weeks = [{"week_start": (first + timedelta(weeks=i)).isoformat(), "posts": 0, "contacted": 0, "landed": 0,
              "pushes_sent": 0} for i in range((scope.until - first).days // 7 + 1)]
    series = [(posts, "posts", None), (events, "contacted", ("s", S.CONTACTED.value)),
              (events, "landed", ("s", S.LANDED.value)), (pushes, "pushes_sent", ("status", "sent"))]
    for found, field, where in series:
        for row in found:
            if where is None or row[where[0]] == where[1]:
                weeks[int(row["w"])][field] += int(row["n"])
    return weeks


def _children(kids: list[Region], found: dict[str, dict[str, int]], *, key_len: int) -> list[dict]:
    rows = []
    for kid in kids:
        get = {name: counts.get(kid.code[:key_len], 0) for name, counts in found.items()}
        rows.append({"code": kid.code, "name": kid.name, "users": get["users"], "organisations": get["orgs"],
                     "scientists": get["scientists"], "posts": get["posts"], "open_tickets": get["open"],
                     "acquisition_rate": ratio(get["acquired"], get["orgs"]),
                     "supply_rate": ratio(get["supplied"], get["scientists"])})
    return sorted(rows, key=lambda r: (-r["posts"], r["code"]))


def _shape(scope: Scope, period: cards.Period, found: dict[str, list], kids: list[Region]) -> dict:
    n = scope.child_len
    counted = {"users": _by_child(period.people, key_len=n),
               "orgs": _by_child(period.people, key_len=n, where=("role", Role.ORGANISATION.value)),
               "scientists": _by_child(period.people, key_len=n, where=("role", Role.SCIENTIST.value)),
               "posts": _by_child(period.posts, key_len=n), "open": _by_child(found["ages"], key_len=n),
               "acquired": _by_child(period.served, key_len=n, where=("m", "acquired")),
               "supplied": _by_child(period.served, key_len=n, where=("m", "supplied"))}
    total = {name: sum(counts.values()) for name, counts in counted.items()}
    region = scope.region
    return {
        "region": {"code": region.code, "name": region.name, "level": region.level.value},
        "period": {"since": scope.since.isoformat(), "until": scope.until.isoformat()},
        "funnel": _funnel(found["funnel"]),
        "rates": {"acquisition": _rate("acquisition", total["acquired"], total["orgs"]),
                  "supply": _rate("supply", total["supplied"], total["scientists"])},
        "workload": _workload(found["staff"], found["responses"]),
        "stage_ageing": _stage_ageing(found["ages"]),
        "push": _push(period.pushes),
        "weekly": _weekly(scope, period.posts, found["events"], period.pushes),
        "children": _children(kids, counted, key_len=n),
    }


async def _children_of(region: Region) -> list[Region]:
    if region.level == RegionLevel.COUNTY:
        return []
    return await Region.filter(parent_code=region.code).order_by("code")


async def _overview(scope: Scope, cover: snapshots.Coverage) -> tuple[dict, cards.Period]:
    period, funnel, events, ages, staff, responses, kids = await asyncio.gather(
        cards.period_rows(scope, cover), snapshots.funnel_rows(scope, cover),
        ticket_days.event_rows(scope, cover.ticket_days(scope)),
        tickets.stage_age_rows(scope.area, now=scope.now, live=scope.live),
        tickets.workload_rows(scope.area, today=scope.today, live=scope.live),
        tickets.first_responses(scope.area, assigned=(scope.start, scope.end)), _children_of(scope.region))
    found = {"funnel": funnel, "events": events, "ages": ages, "staff": staff, "responses": responses}
    return _shape(scope, period, found, kids), period


async def overview(region_code: str, *, since: date, until: date, now: datetime | None = None,
                   live: bool = False) -> dict:
    """Return the regional dashboard for a region and a period (Beijing days, both ends included)."""
    scope = await scope_of(region_code, since=since, until=until, now=now, live=live)
    data, _period = await _overview(scope, await snapshots.coverage(scope))
    return data


async def dashboard(region_code: str, *, since: date, until: date, now: datetime | None = None,
                    live: bool = False) -> dict:
    """Return the overview with its headline cards (the console's dashboard page and JSON); `live` reads
    every figure live instead of from the snapshots (the benchmark's comparison)."""
    scope = await scope_of(region_code, since=since, until=until, now=now, live=live)
    cover = await snapshots.coverage(scope, since=cards.before(scope).since)  # one read for both periods
    (data, period), earlier = await asyncio.gather(_overview(scope, cover), cards.previous(scope, cover))
    data["headline"] = await cards.headline(scope, period, earlier)
    return data


async def headline(region_code: str, *, since: date, until: date, now: datetime | None = None) -> dict:
    """Return only the headline cards of a region and period."""
    scope = await scope_of(region_code, since=since, until=until, now=now)
    cover = await snapshots.coverage(scope, since=cards.before(scope).since)
    period, earlier = await asyncio.gather(cards.period_rows(scope, cover), cards.previous(scope, cover))
    return await cards.headline(scope, period, earlier)
