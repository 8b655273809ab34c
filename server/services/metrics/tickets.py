"""Concierge workload, first response and stage ageing: one definition each, for the dashboard and the
admin API (definitions.py says what they mean)."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from server.models.enums import Role
from server.push.audience import Sql
from server.tickets.stages import OPEN

from .definitions import AGE_BUCKETS, q
from .scope import Area, Span, dialect, rows


def _staff(area: Area, sql: Sql) -> str:
    """SQL selecting the ids of the concierges whose profile region lies within the area."""
    return f"SELECT user_id FROM staff_profiles WHERE {area.within(sql, 'region_id')}"  # noqa: S608


async def workload_rows(area: Area, *, today: date) -> list[dict]:
    """Return each concierge of the area with their open tickets and overdue plans (all their tickets, now).

    Two statements sent together: the concierges, and their open tickets counted in one pass over the
    (concierge_id, status) index (joined in SQL, PostgreSQL hashed all open tickets against the staff).
    """
    sql = Sql(dialect())  # placeholders are taken in the order they appear: sqlite's are positional
    people = ("SELECT s.user_id AS concierge_id, u.name, s.region_id AS region_code, g.name AS region_name, "  # noqa: S608
              "s.capacity, s.away FROM staff_profiles s JOIN users u ON u.id = s.user_id "
              f"JOIN regions g ON g.code = s.region_id WHERE u.role = '{Role.STAFF.value}' "
              f"AND {area.within(sql, 's.region_id')} ORDER BY s.user_id")
    counts = Sql(dialect())
    load = (f"SELECT concierge_id, COUNT(*) AS n, SUM(CASE WHEN plan_due < {counts.p(today)} THEN 1 ELSE 0 END) "  # noqa: S608
            f"AS overdue FROM tickets WHERE concierge_id IN ({_staff(area, counts)}) AND status IN {q(OPEN)} "
            "GROUP BY concierge_id")
    staff, loads = await asyncio.gather(rows(people, sql.values), rows(load, counts.values))
    by_id = {int(r["concierge_id"]): r for r in loads}
    for row in staff:
        found = by_id.get(int(row["concierge_id"]))
        row["open_tickets"] = int(found["n"]) if found else 0
        row["overdue_plans"] = int(found["overdue"] or 0) if found else 0
    return staff


def _minutes(later: str, earlier: str) -> str:
    if dialect() == "postgres":
        return f"EXTRACT(EPOCH FROM ({later} - {earlier})) / 60.0"
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


async def stage_age_rows(area: Area, *, now: datetime) -> list[dict]:
    """Count open tickets now per region code, stage and age bucket (time since they entered the stage).

    One row per region code and stage with a running count per bucket boundary (entered after now - 1 day,
    after now - 3 days, ...): a plain aggregate in the order of the (region_id, status) index, where a
    bucket label per row (a CASE in the GROUP BY) made PostgreSQL sort all open tickets by it. The rows are
    laid out per bucket here (k, status, age, n), buckets without tickets left out.
    """
    sql = Sql(dialect())
    bounded = [(key, high) for key, _label, _low, high in AGE_BUCKETS if high is not None]
    younger = ", ".join(f"SUM(CASE WHEN stage_since > {sql.p(now - high)} THEN 1 ELSE 0 END) AS y{i}"
                        for i, (_key, high) in enumerate(bounded))
    query = (f"SELECT region_id AS k, status, COUNT(*) AS n, {younger} FROM tickets "  # noqa: S608
             f"WHERE {area.within(sql, 'region_id')} AND status IN {q(OPEN)} GROUP BY region_id, status")
    found = []
    for row in await rows(query, sql.values):
        below = 0
        for i, (key, _high) in enumerate(bounded):
            up_to = int(row[f"y{i}"] or 0)
            found.append({"k": row["k"], "status": row["status"], "age": key, "n": up_to - below})
            below = up_to
        found.append({"k": row["k"], "status": row["status"], "age": AGE_BUCKETS[-1][0], "n": int(row["n"]) - below})
    return [r for r in found if r["n"]]
