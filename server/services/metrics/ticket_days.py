"""Day snapshots of the ticket side: matches, timeline steps, services obtained and given, tickets finished and
tickets open (issue 17). The nightly snapshot-metric-days job counts them beside the funnel (snapshots.py); a
request sums the counted days that are not stale and reads only the other days live (today, stale days) with
range queries on indexed timestamps. definitions.py, DAY_SNAPSHOTS, says how each figure is kept exact.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from server.models import MetricDayCount, MetricDayMember
from server.models.enums import PostKind, PostStatus, Role
from server.push.audience import Sql

from . import queries
from .definitions import FINISHED, SERVED, q
from .scope import BEIJING, Scope, Span, day_span, rows, runs_of

S = PostStatus
TICKETS, TICKETS_TOTAL = "tickets", "tickets_total"  # the day marker (and stale-day metric); the open totals
MATCHES, EVENTS, OPENED, SETTLED = "matches", "events", "opened", "settled"
ACQUIRED, SUPPLIED, FINISHED_SET = "acquired", "supplied", "finished"
DAY_COUNTS = [MATCHES, EVENTS, OPENED, SETTLED]
MARK = MetricDayCount.DAY_MARKER
FINISH = f"e.kind IN ('status', 'closed') AND e.to_status IN {q(FINISHED)}"
WEEKLY = [S.CONTACTED.value, S.LANDED.value]
SETTLED_COLUMNS = f"'{SETTLED}', k, '', COUNT(*)"


def in_days(sql: Sql, days: list[date], column: str = "day") -> str:
    """SQL true when a date column falls on one of `days` (as runs of consecutive days)."""
    if not days:
        return "1 = 0"
    return "(" + " OR ".join(f"({column} >= {sql.p(a)} AND {column} <= {sql.p(b)})" for a, b in runs_of(days)) + ")"


def spans_of(days: list[date]) -> list[Span]:
    """Return the UTC spans of a sorted list of Beijing days."""
    return [day_span(a, b) for a, b in runs_of(days)]


# ---- live SQL (the job counts one day with it; a request reads today and stale days with it) -----------------

def _greatest(scope: Scope, a: str, b: str) -> str:
    return f"GREATEST({a}, {b})" if scope.dialect == "postgres" else f"MAX({a}, {b})"


def _settled_sql(scope: Scope, sql: Sql, spans: list[Span], *, select: str, group: str = "") -> str:
    """SQL over the tickets whose settling moment falls within `spans`: the later of their opening and their
    first landing or closing (a ticket stops being open at that moment and never counts as open again).
    The candidates are the tickets opened or finished within the spans (index ranges)."""
    candidates = (f"SELECT t.id FROM tickets t WHERE {scope.during(sql, 't.created_at', spans)} UNION "  # noqa: S608
                  f"SELECT e.ticket_id FROM ticket_events e WHERE {FINISH} "
                  f"AND {scope.during(sql, 'e.created_at', spans)}")
    return (f"SELECT {select} FROM (SELECT t.region_id AS k, t.created_at AS c, MIN(e.created_at) AS f "  # noqa: S608
            f"FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id WHERE {FINISH} AND t.id IN ({candidates}) "
            f"AND {scope.within(sql, 't.region_id')} GROUP BY t.id, t.region_id, t.created_at) x "
            f"WHERE {scope.during(sql, _greatest(scope, 'c', 'f'), spans)}{group}")


def _served(scope: Scope, sql: Sql, spans: list[Span], columns: str) -> str:
    """SQL for the need posts served within `spans` (a timeline step to 对接 or later)."""
    return (f"SELECT DISTINCT {columns} FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "  # noqa: S608
            f"JOIN posts p ON p.id = t.post_id WHERE e.kind = 'status' AND e.to_status IN {q(SERVED)} "
            f"AND {scope.during(sql, 'e.created_at', spans)} AND p.kind = '{PostKind.NEED.value}'")


def _members_sql(scope: Scope, sql: Sql, spans: list[Span], *, final: bool) -> str:
    """SQL for the members of the distinct figures within `spans` (m, k, key, id, at): organisations whose need
    was served, scientists whose accepted offer served it, tickets landed or closed. `final` keeps only the
    members a period counts (role, registered by its end); the job keeps every role, so that a later change of
    role finds the days it touches (the users trigger)."""
    def person(role: Role) -> str:
        return f" AND u.role = '{role.value}' AND u.created_at < {sql.p(scope.end)}" if final else ""

    acquired = (f"SELECT DISTINCT '{ACQUIRED}' AS m, u.region_id AS k, u.role AS key, u.id AS id, u.created_at AS at "  # noqa: S608
                f"FROM ({_served(scope, sql, spans, 'p.id, p.author_id')}) s JOIN users u ON u.id = s.author_id "
                f"WHERE {scope.within(sql, 'u.region_id')}" + person(Role.ORGANISATION))
    supplied = (f"SELECT DISTINCT '{SUPPLIED}', u.region_id, u.role, u.id, u.created_at "  # noqa: S608
                f"FROM ({_served(scope, sql, spans, 'p.id')}) s JOIN matches m ON m.demand_id = s.id "
                "JOIN posts o ON o.id = m.supply_post_id JOIN users u ON u.id = o.author_id "
                f"WHERE m.status = 'accepted' AND {scope.within(sql, 'u.region_id')}" + person(Role.SCIENTIST))
    finished = (f"SELECT DISTINCT '{FINISHED_SET}', t.region_id, '', t.id, t.created_at FROM ticket_events e "  # noqa: S608
                f"JOIN tickets t ON t.id = e.ticket_id WHERE {FINISH} AND {scope.during(sql, 'e.created_at', spans)} "
                f"AND {scope.within(sql, 't.region_id')}")
    return f"{acquired} UNION ALL {supplied} UNION ALL {finished}"


def _counts_sql(scope: Scope, sql: Sql, spans: list[Span]) -> str:
    """SQL for the additive day counts within `spans` (metric, k, key, n), grouped by region code."""
    return (f"SELECT '{MATCHES}' AS metric, p.region_id AS k, '' AS key, COUNT(*) AS n FROM matches m "  # noqa: S608
            f"JOIN posts p ON p.id = m.demand_id WHERE {scope.during(sql, 'm.created_at', spans)} "
            f"AND {scope.within(sql, 'p.region_id')} GROUP BY p.region_id "
            f"UNION ALL SELECT '{EVENTS}', t.region_id, e.to_status, COUNT(*) FROM ticket_events e "
            f"JOIN tickets t ON t.id = e.ticket_id WHERE e.kind = 'status' AND e.to_status IN {q(WEEKLY)} "
            f"AND {scope.during(sql, 'e.created_at', spans)} AND {scope.within(sql, 't.region_id')} "
            "GROUP BY t.region_id, e.to_status "
            f"UNION ALL SELECT '{OPENED}', t.region_id, '', COUNT(*) FROM tickets t "
            f"WHERE {scope.during(sql, 't.created_at', spans)} AND {scope.within(sql, 't.region_id')} "
            "GROUP BY t.region_id "
            f"UNION ALL {_settled_sql(scope, sql, spans, select=SETTLED_COLUMNS, group=' GROUP BY k')}")


def _open_sql(scope: Scope, sql: Sql, *, end: datetime) -> str:
    """SQL for the tickets open at `end` per region code: opened before it, not landed or closed before it."""
    return (f"SELECT t.region_id AS k, COUNT(*) AS n FROM tickets t WHERE {scope.within(sql, 't.region_id')} "  # noqa: S608
            f"AND t.created_at < {sql.p(end)} AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id "
            f"AND {FINISH} AND e.created_at < {sql.p(end)}) GROUP BY t.region_id")


# ---- the nightly count ------------------------------------------------------------------------------------

def _bj_day(value: datetime | str | None) -> date | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.astimezone(BEIJING).date()


async def count_day(day: date, now: datetime) -> None:
    """Replace one day's ticket-side counts and sets, and its marker (inside the job's transaction)."""
    scope = Scope(None, since=day, until=day, now=now, live=True)
    span = [(scope.start, scope.end)]
    sql = scope.sql()
    counts = await rows(_counts_sql(scope, sql, span), sql.values)
    sql = scope.sql()
    members = await rows(_members_sql(scope, sql, span, final=False), sql.values)
    await MetricDayCount.filter(metric__in=[*DAY_COUNTS, TICKETS], day=day).delete()
    await MetricDayMember.filter(day=day).delete()
    await MetricDayCount.bulk_create(
        [MetricDayCount(metric=r["metric"], day=day, region_code=r["k"], key=r["key"], n=int(r["n"]), computed_at=now)
         for r in counts if int(r["n"])]
        + [MetricDayCount(metric=TICKETS, day=day, key=MARK, n=0, computed_at=now)], batch_size=1000)
    await MetricDayMember.bulk_create(
        [MetricDayMember(metric=r["m"], day=day, region_code=r["k"], key=r["key"], member_id=int(r["id"]),
                         registered=None if r["m"] == FINISHED_SET else _bj_day(r["at"])) for r in members],
        batch_size=1000)


async def count_totals(last: date, now: datetime) -> None:
    """Replace the open-ticket totals with the tickets open at the end of `last`."""
    scope = Scope(None, since=last, until=last, now=now, live=True)
    sql = scope.sql()
    totals = await rows(_open_sql(scope, sql, end=scope.end), sql.values)
    await MetricDayCount.filter(metric=TICKETS_TOTAL).delete()
    await MetricDayCount.bulk_create(
        [MetricDayCount(metric=TICKETS_TOTAL, day=last, region_code=r["k"], key="open", n=int(r["n"]),
                        computed_at=now) for r in totals]
        + [MetricDayCount(metric=TICKETS_TOTAL, day=last, key=MARK, n=0, computed_at=now)], batch_size=1000)


async def prune(before: date) -> None:
    """Delete the day counts and sets older than the oldest day kept."""
    await MetricDayCount.filter(metric__in=[*DAY_COUNTS, TICKETS], day__lt=before).delete()
    await MetricDayMember.filter(day__lt=before).delete()


# ---- the request's readers ------------------------------------------------------------------------------------

class Days:
    """The days of a scope's period the ticket-side snapshots answer (counted, not stale), the others, and the
    anchor day of the open-ticket totals."""

    def __init__(self, scope: Scope, *, counted: set[date], stale: set[date], anchor: date | None) -> None:
        period = [scope.since + timedelta(days=i) for i in range((scope.until - scope.since).days + 1)]
        self.counted = [] if scope.live else [d for d in period if d in counted and d not in stale]
        self.live = [d for d in period if d not in set(self.counted)]
        self.all_counted, self.stale = counted, stale
        self.anchor = None if scope.live else anchor


async def match_count(scope: Scope, days: Days) -> int:
    """Count matches proposed in the period for needs and questions of the region (queries.match_count)."""
    if not days.counted:
        return await queries.match_count(scope)
    sql = scope.sql()
    query = (f"SELECT SUM(n) AS n FROM metric_day_counts WHERE metric = '{MATCHES}' "  # noqa: S608
             f"AND {in_days(sql, days.counted)} AND {scope.within(sql, 'region_code')}")
    counted = int((await rows(query, sql.values))[0]["n"] or 0)
    return counted + (await queries.match_count(scope, spans=spans_of(days.live)) if days.live else 0)


async def event_rows(scope: Scope, days: Days) -> list[dict]:
    """Count timeline steps to 对接 and 落地 per week of the period (rows as queries.event_rows)."""
    if not days.counted:
        return await queries.event_rows(scope)
    sql = scope.sql()
    query = (f"SELECT key AS s, {scope.day_week(sql, 'day')} AS w, SUM(n) AS n FROM metric_day_counts "  # noqa: S608
             f"WHERE metric = '{EVENTS}' AND {in_days(sql, days.counted)} AND {scope.within(sql, 'region_code')} "
             "GROUP BY 1, 2")
    found = await rows(query, sql.values)
    return found + (await queries.event_rows(scope, spans=spans_of(days.live)) if days.live else [])


async def member_rows(scope: Scope, days: Days) -> list[dict]:
    """Count the distinct members of the period per figure and region code (m, k, n): counted days' sets from
    metric_day_members, the other days' live, one COUNT(DISTINCT) over both."""
    sql = scope.sql()
    parts = []
    if days.counted:  # placeholders are taken in the order they appear: sqlite's are positional
        parts.append("SELECT metric AS m, region_code AS k, member_id AS id FROM metric_day_members "  # noqa: S608
                     f"WHERE metric IN {q([ACQUIRED, SUPPLIED, FINISHED_SET])} AND {in_days(sql, days.counted)} "
                     f"AND {scope.within(sql, 'region_code')} AND (metric = '{FINISHED_SET}' OR (key = CASE metric "
                     f"WHEN '{ACQUIRED}' THEN '{Role.ORGANISATION.value}' ELSE '{Role.SCIENTIST.value}' END "
                     f"AND registered <= {sql.p(scope.until)}))")
    if days.live:
        parts.append(f"SELECT m, k, id FROM ({_members_sql(scope, sql, spans_of(days.live), final=True)}) l")  # noqa: S608
    # Distinct by grouping twice: hash aggregates, where COUNT(DISTINCT) sorts ~17 k rows by collated text.
    query = (f"SELECT m, k, COUNT(*) AS n FROM (SELECT m, k, id FROM ({' UNION ALL '.join(parts)}) x "  # noqa: S608
             "GROUP BY m, k, id) y GROUP BY m, k")
    return await rows(query, sql.values)


async def open_count(scope: Scope, days: Days) -> int | None:
    """Count the tickets open at the end of the period from the totals at the anchor day A (None: read it live).

    open(end) = total(A) - the counted (opened - settled) of the days from the period's end to A (or, for an end
    after A, + the live (opened - settled) of the days after A), corrected for the stale days up to A: their
    counted rows out, their live count in (definitions.DAY_SNAPSHOTS).
    """
    anchor = days.anchor
    if anchor is None:
        return None
    first = scope.until + timedelta(days=1)
    stale = sorted(d for d in days.stale if d <= min(anchor, scope.until))
    if scope.until < anchor:
        back = [first + timedelta(days=i) for i in range((anchor - first).days + 1)]
        if any(d not in days.all_counted for d in back):
            return None
        out, live = sorted(set(back) | set(stale)), stale
    else:
        out = stale
        live = stale + [anchor + timedelta(days=i + 1) for i in range((scope.until - anchor).days)]
    sql = scope.sql()
    total = (f"SELECT SUM(n) FROM metric_day_counts WHERE metric = '{TICKETS_TOTAL}' AND day = {sql.p(anchor)} "  # noqa: S608
             f"AND key <> '{MARK}' AND {scope.within(sql, 'region_code')}")
    counted = (f"SELECT SUM(CASE WHEN metric = '{OPENED}' THEN n ELSE -n END) FROM metric_day_counts "  # noqa: S608
               f"WHERE metric IN {q([OPENED, SETTLED])} AND {in_days(sql, out)} AND {scope.within(sql, 'region_code')}")
    query = f"SELECT ({total}) AS total, ({counted}) AS out"  # noqa: S608
    if live:
        spans = spans_of(live)
        query += (f", (SELECT COUNT(*) FROM tickets t WHERE {scope.within(sql, 't.region_id')} "  # noqa: S608
                  f"AND {scope.during(sql, 't.created_at', spans)}) AS opened, "
                  f"({_settled_sql(scope, sql, spans, select='COUNT(*)')}) AS settled")
    row = (await rows(query, sql.values))[0]
    return (int(row["total"] or 0) - int(row["out"] or 0) + int(row.get("opened") or 0)
            - int(row.get("settled") or 0))


async def ticket_counts(scope: Scope, days: Days, members: list[dict]) -> dict[str, int]:
    """Count tickets open at the end of the period and tickets landed or closed within it (queries.ticket_counts)."""
    opened = await open_count(scope, days)
    if opened is None:
        return await queries.ticket_counts(scope)
    finished = sum(int(r["n"]) for r in members if r["m"] == FINISHED_SET)
    return {"open_tickets": opened, "closed_tickets": finished}


def by(found: list[dict], metric: str) -> list[dict]:
    """Return the member rows of one figure."""
    return [r for r in found if r["m"] == metric]

