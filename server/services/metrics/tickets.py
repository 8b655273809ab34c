"""Concierge workload, first response and stage ageing: one definition each, for the dashboard and the
admin API (definitions.py says what they mean).

How many tickets are open now, per region and stage and per concierge, is read from ticket_open_counts: +1/-1
rows a database trigger writes on every change of a ticket's stage, region or concierge (migration 14), summed
per key. Only what depends on the clock is read from the open tickets themselves, through partial indexes over
open tickets: the ones that entered their stage in the last 30 days (the younger age buckets; the rest is the
count minus them) and the overdue plans.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from tortoise.transactions import in_transaction

from server.models.enums import Role
from server.push.audience import Sql
from server.tickets.stages import OPEN

from .definitions import AGE_BUCKETS, q
from .scope import Area, Span, dialect, rows


def _staff(area: Area, sql: Sql) -> str:
    """SQL selecting the ids of the concierges whose profile region lies within the area."""
    return f"SELECT user_id FROM staff_profiles WHERE {area.within(sql, 'region_id')}"  # noqa: S608


def _open_counts(area: Area, sql: Sql, *, live: bool) -> str:
    """SQL for the open tickets now per region code and stage of the area (k, status, n), from the counts (`live`:
    from the tickets, the benchmark's check of the counts)."""
    if live:
        return (f"SELECT region_id AS k, status, COUNT(*) AS n FROM tickets WHERE status IN {q(OPEN)} "  # noqa: S608
                f"AND {area.within(sql, 'region_id')} GROUP BY region_id, status")
    return ("SELECT region_code AS k, status, SUM(n) AS n FROM ticket_open_counts "  # noqa: S608
            f"WHERE concierge_id = 0 AND {area.within(sql, 'region_code')} GROUP BY region_code, status")


async def workload_rows(area: Area, *, today: date, live: bool = False) -> list[dict]:
    """Return each concierge of the area with their open tickets and overdue plans (all their tickets, now):
    their open tickets are the counts' sums (`live`: counted from the tickets), their overdue plans a range of
    the partial index of open tickets' due dates, each aggregated per concierge before it is joined to the
    concierges."""
    sql = Sql(dialect())  # placeholders are taken in the order they appear: sqlite's are positional
    counted = (f"SELECT concierge_id, COUNT(*) AS n FROM tickets WHERE status IN {q(OPEN)} AND " if live  # noqa: S608
               else "SELECT concierge_id, SUM(n) AS n FROM ticket_open_counts WHERE ")
    query = (
        "SELECT s.user_id AS concierge_id, u.name, s.region_id AS region_code, g.name AS region_name, "  # noqa: S608
        "s.capacity, s.away, COALESCE(o.n, 0) AS open_tickets, COALESCE(d.n, 0) AS overdue_plans "
        "FROM staff_profiles s JOIN users u ON u.id = s.user_id JOIN regions g ON g.code = s.region_id "
        f"LEFT JOIN ({counted}concierge_id IN ({_staff(area, sql)}) GROUP BY concierge_id) o "
        "ON o.concierge_id = s.user_id "
        f"LEFT JOIN (SELECT concierge_id, COUNT(*) AS n FROM tickets WHERE status IN {q(OPEN)} "
        f"AND plan_due < {sql.p(today)} AND concierge_id IN ({_staff(area, sql)}) GROUP BY concierge_id) d "
        f"ON d.concierge_id = s.user_id WHERE u.role = '{Role.STAFF.value}' AND {area.within(sql, 's.region_id')} "
        "ORDER BY s.user_id")
    return await rows(query, sql.values)


def _minutes(later: str, earlier: str) -> str:
    if dialect() == "postgres":
        return f"date_part('epoch', {later} - {earlier}) / 60.0"  # double precision: no numeric per row
    return f"(julianday({later}) - julianday({earlier})) * 1440.0"


async def first_responses(area: Area, *, assigned: Span) -> dict[int, dict]:
    """Return, per concierge of the area, how many of the tickets assigned within the span were contacted,
    and the median and nearest-rank 90th percentile of their minutes to first contact."""
    sql = Sql(dialect())
    minutes = _minutes("t.first_contact_at", "t.assigned_at")
    # Window functions pick the middle row(s) and the ceil(0.9 n)-th row, on both dialects.
    query = (
        f"WITH r AS (SELECT t.concierge_id AS c, CASE WHEN {minutes} < 0 THEN 0 ELSE {minutes} END AS m "  # noqa: S608
        f"FROM tickets t WHERE t.concierge_id IN ({_staff(area, sql)}) AND t.assigned_at >= {sql.p(assigned[0])} "
        f"AND t.assigned_at < {sql.p(assigned[1])} AND t.first_contact_at IS NOT NULL), "
        "o AS (SELECT c, m, ROW_NUMBER() OVER (PARTITION BY c ORDER BY m) AS rn, "
        "COUNT(*) OVER (PARTITION BY c) AS cnt FROM r) "
        "SELECT c, MAX(cnt) AS n, AVG(CASE WHEN rn IN ((cnt + 1) / 2, (cnt + 2) / 2) THEN m END) AS median, "
        "MAX(CASE WHEN rn = (9 * cnt + 9) / 10 THEN m END) AS p90 FROM o GROUP BY c")
    return {int(r["c"]): {"n": int(r["n"]), "median": round(float(r["median"]), 1), "p90": round(float(r["p90"]), 1)}
            for r in await rows(query, sql.values)}


async def stage_age_rows(area: Area, *, now: datetime, live: bool = False) -> list[dict]:
    """Count open tickets now per region code, stage and age bucket (time since they entered the stage).

    The open tickets per region and stage come from the counts; the bounded buckets from the tickets that
    entered their stage within the oldest bound (30 days), a range of the partial index on stage_since of
    open tickets, as a running count per bound; the oldest bucket is the count minus them (`live`: the count
    from the tickets). Rows (k, status, age, n), buckets without tickets left out.
    """
    bounded = [(key, high) for key, _label, _low, high in AGE_BUCKETS if high is not None]
    counted = Sql(dialect())
    sql = Sql(dialect())
    younger = ", ".join(f"SUM(CASE WHEN stage_since > {sql.p(now - high)} THEN 1 ELSE 0 END) AS y{i}"
                        for i, (_key, high) in enumerate(bounded))
    query = (f"SELECT region_id AS k, status, {younger} FROM tickets "  # noqa: S608
             f"WHERE status IN {q(OPEN)} AND stage_since > {sql.p(now - bounded[-1][1])} "
             f"AND {area.within(sql, 'region_id')} GROUP BY region_id, status")
    totals, young = await asyncio.gather(rows(_open_counts(area, counted, live=live), counted.values),
                                         rows(query, sql.values))
    recent = {(r["k"], r["status"]): r for r in young}
    found = []
    for total in totals:
        row = recent.get((total["k"], total["status"]), {})
        below = 0
        for i, (key, _high) in enumerate(bounded):
            up_to = int(row.get(f"y{i}") or 0)
            found.append({"k": total["k"], "status": total["status"], "age": key, "n": up_to - below})
            below = up_to
        found.append({"k": total["k"], "status": total["status"], "age": AGE_BUCKETS[-1][0],
                      "n": int(total["n"] or 0) - below})
    return [r for r in found if r["n"]]


async def fold_open_counts() -> int:
    """Fold the +1/-1 rows of ticket_open_counts into one row per key (keys summing to 0 go); return the rows
    left. The sums never change: PostgreSQL deletes and re-inserts in one statement (one snapshot; rows
    committed meanwhile stay as they are), sqlite has one writer."""
    keys = "region_code, status, concierge_id"
    if dialect() == "postgres":
        await rows(f"WITH gone AS (DELETE FROM ticket_open_counts RETURNING {keys}, n) "  # noqa: S608
                   f"INSERT INTO ticket_open_counts ({keys}, n) SELECT {keys}, SUM(n) FROM gone "
                   f"GROUP BY {keys} HAVING SUM(n) <> 0", [])
    else:
        async with in_transaction() as conn:
            last = (await conn.execute_query_dict("SELECT MAX(id) AS id FROM ticket_open_counts"))[0]["id"] or 0
            await conn.execute_query(f"INSERT INTO ticket_open_counts ({keys}, n) SELECT {keys}, SUM(n) "  # noqa: S608
                                     f"FROM ticket_open_counts WHERE id <= ? GROUP BY {keys} HAVING SUM(n) <> 0",
                                     [last])
            await conn.execute_query("DELETE FROM ticket_open_counts WHERE id <= ?", [last])
    return int((await rows("SELECT COUNT(*) AS n FROM ticket_open_counts", []))[0]["n"])


async def recount_open_tickets() -> None:
    """Count ticket_open_counts again from the tickets (after a load that bypassed the triggers, such as the
    benchmark's). PostgreSQL holds ticket writes until it commits."""
    keys = "region_code, status, concierge_id"
    async with in_transaction() as conn:
        if dialect() == "postgres":
            await conn.execute_script("LOCK TABLE tickets IN SHARE MODE")
        await conn.execute_script(
            "DELETE FROM ticket_open_counts; "  # noqa: S608
            f"INSERT INTO ticket_open_counts ({keys}, n) SELECT region_id, status, 0, COUNT(*) FROM tickets "
            f"WHERE status IN {q(OPEN)} GROUP BY region_id, status; "
            f"INSERT INTO ticket_open_counts ({keys}, n) SELECT '', '', concierge_id, COUNT(*) FROM tickets "
            f"WHERE status IN {q(OPEN)} AND concierge_id IS NOT NULL GROUP BY concierge_id")
