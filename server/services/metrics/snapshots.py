"""Nightly snapshots of settled Beijing days, and the readers that join them to live rows.

Two kinds, for the two largest parts of a dashboard request:
- pushes (push_day_counts): a day is counted once SETTLE_DAYS have passed and again every night for a
  week (retries, quiet hours and receipts still move a push's status); days without a count read live.
- posts' funnel and registrations (metric_day_counts), and the ticket side (ticket_days.py: matches,
  timeline steps, services obtained and given, tickets finished and open): every day before today is
  counted each night it is missing or stale. A day is stale when something that counts in it changed
  after it was counted (a post, its ticket's timeline, a match, a person): database triggers (migrations
  10, 12) write a row to metric_stale_days for every such change, so a stale day is read live until the
  next night. The answer
  therefore always equals the all-live computation; `Scope.live` forces that computation.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from server.models import MetricDayCount, MetricStaleDay, Post, PushDayCount, PushRequest, User
from server.push import broadcast
from server.push.audience import Sql

from . import queries, ticket_days
from .scope import BEIJING, MAX_PERIOD_DAYS, Scope, Span, as_date, beijing_midnight, day_span, dialect, rows, runs_of

SETTLE_DAYS = 2  # a push day is snapshotted once this many days have passed (retries, quiet hours, receipts)
RECOUNT_DAYS = 7  # ... and counted again every night for a week, for the stragglers
FUNNEL, PEOPLE, PEOPLE_TOTAL = "funnel", "people", "people_total"
KEEP_DAYS = 2 * MAX_PERIOD_DAYS  # the longest period and the one before it (the headline cards compare them)
MARK = MetricDayCount.DAY_MARKER


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# ---- pushes ------------------------------------------------------------------------------------

async def push_rows(scope: Scope, *, detail: bool = True) -> list[dict]:
    """Count push requests of the period per kind, status and week (`detail`; else per kind and status, rows
    with no week): settled days from push_day_counts, the others (such as the last two) live from
    push_requests."""
    covered: set[date] = set()
    if not scope.live:
        covered = {as_date(day) for day in await PushDayCount.filter(
            kind=PushDayCount.DAY_MARKER, day__gte=scope.since, day__lte=scope.until).values_list("day", flat=True)}
    found: list[dict] = []
    if covered:
        first_monday = scope.since - timedelta(days=scope.since.weekday())
        area = scope.area
        counted = PushDayCount.filter(day__gte=scope.since, day__lte=scope.until)
        if area.low is not None:
            counted = counted.filter(region_code__gte=area.low, region_code__lte=area.high)
        by = ("kind", "status", "day") if detail else ("kind", "status")
        snapshot = await (counted.exclude(kind=PushDayCount.DAY_MARKER).annotate(total=Sum("n"))
                          .group_by(*by).values(*by, "total"))
        found += [{"kind": r["kind"], "status": r["status"], "n": r["total"],
                   "w": (as_date(r["day"]) - first_monday).days // 7 if detail else None} for r in snapshot]
    missing = [day for day in _days(scope.since, scope.until) if day not in covered]
    if missing:
        found += await queries.push_rows(scope, spans=[day_span(a, b) for a, b in runs_of(missing)])
    return found


async def snapshot_push_days(now: datetime | None = None, *, days_back: int = MAX_PERIOD_DAYS) -> int:
    """Write push_day_counts for every settled Beijing day still missing, and recount the last week's;
    return how many days were written (the nightly `snapshot-push-days` job)."""
    now = now or datetime.now(UTC)
    last = now.astimezone(BEIJING).date() - timedelta(days=SETTLE_DAYS)
    oldest = await PushRequest.all().order_by("created_at").limit(1).values_list("created_at", flat=True)
    if not oldest:
        return 0
    first = max(last - timedelta(days=days_back - 1), oldest[0].astimezone(BEIJING).date())
    done = {as_date(day) for day in await PushDayCount.filter(
        kind=PushDayCount.DAY_MARKER, day__gte=first, day__lte=last).values_list("day", flat=True)}
    recount_from = last - timedelta(days=RECOUNT_DAYS - 1)
    todo = [day for day in _days(first, last) if day not in done or day >= recount_from]
    for day in todo:
        await _snapshot_push_day(day, now)
    return len(todo)


async def _snapshot_push_day(day: date, now: datetime) -> None:
    """Replace one day's push counts (and its marker) in one transaction."""
    sql = Sql(dialect())
    start, end = day_span(day, day)
    # A fan-out's recipients without a push request yet count on their broadcast's day (push.broadcast).
    query = ("SELECT COALESCE(r.region_code, u.region_id, '') AS region_code, r.kind, r.status, "  # noqa: S608
             "COUNT(*) AS n FROM (SELECT kind, status, region_code, user_id FROM push_requests "
             f"WHERE created_at >= {sql.p(start)} AND created_at < {sql.p(end)} UNION ALL "
             f"SELECT kind, status, region_code, user_id FROM ({broadcast.unsent_sql(sql)} "
             f"AND b.created_at >= {sql.p(start)} AND b.created_at < {sql.p(end)}) s) r "
             "LEFT JOIN users u ON u.id = r.user_id "
             "GROUP BY COALESCE(r.region_code, u.region_id, ''), r.kind, r.status")
    async with in_transaction() as conn:
        counts = await conn.execute_query_dict(query, sql.values)
        await PushDayCount.filter(day=day).using_db(conn).delete()
        await PushDayCount.bulk_create(
            [PushDayCount(day=day, region_code=row["region_code"], kind=row["kind"], status=row["status"],
                          n=int(row["n"]), computed_at=now) for row in counts]
            + [PushDayCount(day=day, kind=PushDayCount.DAY_MARKER, n=sum(int(row["n"]) for row in counts),
                            computed_at=now)], batch_size=1000, using_db=conn)


# ---- posts' funnel and registrations -----------------------------------------------------------

class Coverage:
    """Which days of a scope the snapshots can answer: counted funnel and ticket-side days, the days the
    registration and open-ticket totals were counted for, and the stale days of each."""

    def __init__(self, found: list[dict]) -> None:
        self.funnel: set[date] = set()
        self.tickets: set[date] = set()
        self.anchor: date | None = None
        self.tickets_anchor: date | None = None
        self.stale: dict[str, set[date]] = {FUNNEL: set(), PEOPLE: set(), ticket_days.TICKETS: set()}
        self.reads: dict[tuple, asyncio.Future] = {}  # reads shared by two figures of one request
        for row in found:
            day = as_date(row["day"])
            if row["metric"] == FUNNEL:
                self.funnel.add(day)
            elif row["metric"] == ticket_days.TICKETS:
                self.tickets.add(day)
            elif row["metric"] == PEOPLE_TOTAL:
                self.anchor = day
            elif row["metric"] == ticket_days.TICKETS_TOTAL:
                self.tickets_anchor = day
            elif row["metric"].rstrip("!") in self.stale:
                self.stale[row["metric"].rstrip("!")].add(day)

    def ticket_days(self, scope: Scope) -> ticket_days.Days:
        """Return which days of the scope the ticket-side snapshots answer."""
        return ticket_days.Days(scope, counted=self.tickets, stale=self.stale[ticket_days.TICKETS],
                                anchor=self.tickets_anchor)


async def coverage(scope: Scope, *, since: date | None = None) -> Coverage:
    """Read, in one query, what the snapshots hold for the scope, or from an earlier `since` to its end (one read
    for a period and the one before it); nothing when the scope is all live."""
    if scope.live:
        return Coverage([])
    sql = scope.sql()
    query = ("SELECT metric, day FROM metric_day_counts WHERE key = '*' AND "  # noqa: S608
             f"((metric IN ('{FUNNEL}', '{ticket_days.TICKETS}') AND day >= {sql.p(since or scope.since)} "
             f"AND day <= {sql.p(scope.until)}) OR metric IN ('{PEOPLE_TOTAL}', '{ticket_days.TICKETS_TOTAL}')) "
             "UNION ALL SELECT DISTINCT metric || '!' AS metric, day FROM metric_stale_days")
    return Coverage(await rows(query, sql.values))


def _counted(scope: Scope, cover: Coverage) -> list[date]:
    """Return the days of the scope's period whose funnel counts are there and not stale."""
    return sorted(day for day in cover.funnel - cover.stale[FUNNEL] if scope.since <= day <= scope.until)


def _in_days(sql: Sql, days: list[date]) -> str:
    return "(" + " OR ".join(f"(day >= {sql.p(a)} AND day <= {sql.p(b)})" for a, b in runs_of(days)) + ")"


def _funnel_counts(scope: Scope, cover: Coverage, counted: list[date]) -> asyncio.Future:
    """Read the counted funnel rows of the period once per request, per child code prefix, key and week: the
    funnel and the posts per child and week share them (rows: k, key, w, n)."""
    memo = (scope.area, scope.since, scope.until, scope.child_len)
    if memo not in cover.reads:
        sql = scope.sql()
        query = (f"SELECT substr(region_code, 1, {scope.child_len}) AS k, key, "  # noqa: S608
                 f"{scope.day_week(sql, 'day')} AS w, SUM(n) AS n FROM metric_day_counts WHERE metric = '{FUNNEL}' "
                 f"AND {_in_days(sql, counted)} AND key <> '{MARK}' AND {scope.within(sql, 'region_code')} "
                 "GROUP BY 1, 2, 3")
        cover.reads[memo] = asyncio.ensure_future(rows(query, sql.values))
    return cover.reads[memo]


async def funnel_rows(scope: Scope, cover: Coverage) -> list[dict]:
    """Count posts of the period per kind and furthest stage reached: counted days that are not stale from
    metric_day_counts, the other days live (rows as queries.funnel_rows; snapshot rows carry no region)."""
    counted = _counted(scope, cover)
    found: list[dict] = []
    if counted:
        for row in await _funnel_counts(scope, cover, counted):
            kind, reached = row["key"].split(":")
            found.append({"k": None, "kind": kind, "r": int(reached), "n": int(row["n"])})
    missing = [day for day in _days(scope.since, scope.until) if day not in set(counted)]
    if missing:
        found += await queries.funnel_rows(scope, spans=[day_span(a, b) for a, b in runs_of(missing)])
    return found


async def post_rows(scope: Scope, cover: Coverage, *, detail: bool = True) -> list[dict]:
    """Count posts of the period per region code, kind and week (rows as queries.post_rows; without `detail`
    per kind only, rows with no `k` or `w`): counted days that are not stale from the funnel's day counts (a post
    counts once there, at its furthest stage), the other days live. Snapshot rows carry the child's code
    prefix, not the full code."""
    counted = _counted(scope, cover)
    if not counted:
        return await queries.post_rows(scope, detail=detail)
    if detail:
        found = [{"k": row["k"], "kind": row["key"].split(":")[0], "w": row["w"], "n": row["n"]}
                 for row in await _funnel_counts(scope, cover, counted)]
    else:
        sql = scope.sql()
        query = (f"SELECT key, SUM(n) AS n FROM metric_day_counts WHERE metric = '{FUNNEL}' "  # noqa: S608
                 f"AND {_in_days(sql, counted)} AND key <> '{MARK}' AND {scope.within(sql, 'region_code')} "
                 "GROUP BY key")
        found = [{"k": None, "kind": row["key"].split(":")[0], "w": None, "n": row["n"]}
                 for row in await rows(query, sql.values)]
    missing = [day for day in _days(scope.since, scope.until) if day not in set(counted)]
    if missing:
        found += await queries.post_rows(scope, spans=[day_span(a, b) for a, b in runs_of(missing)], detail=detail)
    return found


async def people_rows(scope: Scope, cover: Coverage) -> list[dict]:
    """Count people per region code and role registered by the end of the period.

    From the totals counted for the anchor day A: minus the counted registrations of stale days up to A
    plus their live count, then plus the live registrations after A (or minus the counted registrations of
    the days from the period's end to A; live, if a day there is not counted).
    """
    anchor = cover.anchor
    if anchor is None:
        return await queries.people_rows(scope, before=scope.end)
    counts: dict[tuple[str, str], int] = defaultdict(int)

    def add(found: list[dict], sign: int) -> None:
        for row in found:
            if row["k"] is not None:
                counts[(row["k"], row["role"])] += sign * int(row["n"])

    memo = (PEOPLE_TOTAL, scope.area)  # the same totals for a period and the one before it: read once
    if memo not in cover.reads:
        sql = scope.sql()
        query = (f"SELECT region_code AS k, key AS role, n FROM metric_day_counts WHERE metric = '{PEOPLE_TOTAL}' "  # noqa: S608
                 f"AND day = {sql.p(anchor)} AND key <> '{MARK}' AND {scope.within(sql, 'region_code')}")
        cover.reads[memo] = asyncio.ensure_future(rows(query, sql.values))
    add(await cover.reads[memo], 1)
    # A period ending before A walks back over the counted days after it (their registrations out); a stale
    # day among them needs no correction: its counted rows come out of the total they went into.
    back = _days(scope.until + timedelta(days=1), anchor)
    walk = bool(back) and all(day in cover.funnel for day in back)  # the funnel's and people's days count together
    stale = sorted(day for day in cover.stale[PEOPLE] if day <= anchor and not (walk and day >= back[0]))
    out = sorted(set(stale) | set(back)) if walk else stale
    if out:
        sql = scope.sql()
        add(await rows("SELECT region_code AS k, key AS role, SUM(n) AS n FROM metric_day_counts "  # noqa: S608
                       f"WHERE metric = '{PEOPLE}' AND {_in_days(sql, out)} AND key <> '{MARK}' "
                       f"AND {scope.within(sql, 'region_code')} GROUP BY region_code, key", sql.values), -1)
    after = beijing_midnight(anchor + timedelta(days=1))
    spans: list[Span] = [day_span(a, b) for a, b in runs_of(stale)]
    if scope.end > after:
        spans.append((after, scope.end))
    if spans:
        add(await queries.people_rows(scope, spans=spans), 1)
    if scope.end < after and not walk:
        add(await queries.people_rows(scope, spans=[(scope.end, after)]), -1)
    return [{"k": k, "role": role, "n": n} for (k, role), n in counts.items()]


async def snapshot_metric_days(now: datetime | None = None, *, days_back: int = KEEP_DAYS) -> int:
    """Count every Beijing day before today that is missing or stale (posts' funnel, registrations), and the
    people registered by the end of yesterday; return how many days were counted (the nightly
    `snapshot-metric-days` job)."""
    now = now or datetime.now(UTC)
    last = now.astimezone(BEIJING).date() - timedelta(days=1)
    first = await _first_day(last - timedelta(days=days_back - 1))
    if first is None:
        return 0
    async with in_transaction() as conn:
        if dialect() == "postgres":
            # Every change that counts notes a stale day, so while this lock holds none can commit: the days,
            # the totals and the stale rows deleted below are one consistent view (sqlite has one writer).
            # Writers of such changes wait for the job: a second or two a night, ~50 s for a first backfill
            # of two years at 300 k people / 400 k posts.
            await conn.execute_script("LOCK TABLE metric_stale_days IN EXCLUSIVE MODE")
        await MetricDayCount.filter(metric__in=[FUNNEL, PEOPLE], day__lt=first).delete()
        await ticket_days.prune(first)
        marks = await MetricDayCount.filter(metric__in=[FUNNEL, ticket_days.TICKETS], key=MARK, day__gte=first,
                                            day__lte=last).values_list("metric", "day")
        done = {as_date(day) for metric, day in marks if metric == FUNNEL} & {
            as_date(day) for metric, day in marks if metric == ticket_days.TICKETS}
        stale = {as_date(day) for day in await _stale_days(last)}
        todo = [day for day in _days(first, last) if day not in done or day in stale]
        for day in todo:
            await _count_day(day, now)
            await ticket_days.count_day(day, now)
        await _count_totals(last, now)
        await ticket_days.count_totals(last, now)
        await MetricStaleDay.filter(day__lte=last).delete()
    return len(todo)


async def _first_day(earliest: date) -> date | None:
    """Return the first day worth counting: `earliest`, or the day the first person or post arrived (None:
    nobody and nothing yet)."""
    found = [at for model in (User, Post) for at in
             await model.all().order_by("created_at").limit(1).values_list("created_at", flat=True)]
    return max(earliest, min(found).astimezone(BEIJING).date()) if found else None


async def _stale_days(last: date) -> list[date]:
    sql = Sql(dialect())
    found = await rows(f"SELECT DISTINCT day FROM metric_stale_days WHERE day <= {sql.p(last)}", sql.values)  # noqa: S608
    return [row["day"] for row in found]


async def _count_day(day: date, now: datetime) -> None:
    """Replace one day's funnel and registration counts, and their markers."""
    scope = Scope(None, since=day, until=day, now=now, live=True)
    funnel, people = await queries.funnel_rows(scope), await queries.people_rows(scope)
    await MetricDayCount.filter(metric__in=[FUNNEL, PEOPLE], day=day).delete()
    await MetricDayCount.bulk_create(
        [MetricDayCount(metric=FUNNEL, day=day, region_code=r["k"], key=f"{r['kind']}:{r['r']}", n=int(r["n"]),
                        computed_at=now) for r in funnel]
        + [MetricDayCount(metric=PEOPLE, day=day, region_code=r["k"], key=r["role"], n=int(r["n"]), computed_at=now)
           for r in people if r["k"] is not None]
        + [MetricDayCount(metric=metric, day=day, key=MARK, n=0, computed_at=now) for metric in (FUNNEL, PEOPLE)],
        batch_size=1000)


async def _count_totals(last: date, now: datetime) -> None:
    """Replace the registration totals with the people registered by the end of `last`."""
    scope = Scope(None, since=last, until=last, now=now, live=True)
    totals = await queries.people_rows(scope, before=scope.end)
    await MetricDayCount.filter(metric=PEOPLE_TOTAL).delete()
    await MetricDayCount.bulk_create(
        [MetricDayCount(metric=PEOPLE_TOTAL, day=last, region_code=r["k"], key=r["role"], n=int(r["n"]),
                        computed_at=now) for r in totals if r["k"] is not None]
        + [MetricDayCount(metric=PEOPLE_TOTAL, day=last, key=MARK, n=0, computed_at=now)], batch_size=1000)
