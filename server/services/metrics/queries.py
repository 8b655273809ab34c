"""The live GROUP BY queries behind the dashboard: posts, people, services, timelines, pushes, tickets.

Every figure is grouped by the full region code (`k`) so that one query serves a region's total and its
children; Python only sums the aggregated rows. Queries hold no locks and no transaction.
"""

from __future__ import annotations

from datetime import datetime

from server.models.enums import PostKind, PostStatus, Role
from server.push import broadcast

from .definitions import FINISHED, SERVED, q, rank
from .scope import Scope, Span, rows

S = PostStatus


async def funnel_rows(scope: Scope, *, spans: list[Span] | None = None) -> list[dict]:
    """Count posts created in the period (or `spans`) per region code, kind and furthest stage reached.

    A post's stage is its status; a closed post counts by the furthest stage its ticket timeline recorded
    (or matched, if it had an accepted match). An offer reaches matched through an accepted match and,
    beyond that, the furthest stage of the need or question it was matched to.
    """
    sql = scope.sql()
    closed, offer = f"'{S.CLOSED.value}'", f"'{PostKind.OFFER.value}'"
    timeline = (f"JOIN tickets t ON t.post_id = q.id JOIN ticket_events e ON e.ticket_id = t.id "
                f"WHERE q.status = {closed}")
    demand_rank = rank("q.status")
    query = (
        f"WITH p AS (SELECT id, kind, status, region_id AS g FROM posts WHERE {scope.during(sql, 'created_at', spans)} "  # noqa: S608
        f"AND {scope.within(sql, 'region_id')} AND review_state <> 'rejected'), "
        "o AS (SELECT p.id, p.g, m.demand_id FROM p JOIN matches m ON m.supply_post_id = p.id "
        f"WHERE p.kind = {offer} AND m.status = 'accepted'), "
        f"reach AS (SELECT id AS pid, g, kind, {rank('status')} AS r FROM p "
        f"UNION ALL SELECT q.id, q.g, q.kind, {rank('e.to_status')} FROM p q {timeline} "
        f"UNION ALL SELECT q.id, q.g, q.kind, 1 FROM p q WHERE q.status = {closed} AND EXISTS "
        "(SELECT 1 FROM matches m WHERE m.demand_id = q.id AND m.status = 'accepted') "
        f"UNION ALL SELECT o.id, o.g, {offer}, CASE WHEN {demand_rank} < 1 THEN 1 ELSE {demand_rank} END "
        "FROM o JOIN posts q ON q.id = o.demand_id "
        f"UNION ALL SELECT o.id, o.g, {offer}, {rank('e.to_status')} FROM o JOIN posts q ON q.id = o.demand_id "
        f"{timeline}) "
        "SELECT g AS k, kind, r, COUNT(*) AS n FROM (SELECT pid, g, kind, MAX(r) AS r FROM reach "
        "GROUP BY pid, g, kind) x GROUP BY g, kind, r")
    return await rows(query, sql.values)


async def post_rows(scope: Scope, *, spans: list[Span] | None = None, detail: bool = True) -> list[dict]:
    """Count posts of the period (or `spans`) per region code, kind and week (without `detail`: per kind, rows
    with no `k` or `w`); rejected ones are not counted."""
    sql = scope.sql()
    if not detail:
        query = ("SELECT NULL AS k, kind, NULL AS w, COUNT(*) AS n FROM posts "  # noqa: S608
                 f"WHERE {scope.during(sql, 'created_at', spans)} AND {scope.within(sql, 'region_id')} "
                 "AND review_state <> 'rejected' GROUP BY kind")
        return await rows(query, sql.values)
    query = (f"SELECT region_id AS k, kind, {scope.week(sql, 'created_at')} AS w, COUNT(*) AS n FROM posts "  # noqa: S608
             f"WHERE {scope.during(sql, 'created_at', spans)} AND {scope.within(sql, 'region_id')} "
             "AND review_state <> 'rejected' GROUP BY 1, 2, 3")
    return await rows(query, sql.values)


async def people_rows(scope: Scope, *, spans: list[Span] | None = None,
                      before: datetime | None = None) -> list[dict]:
    """Count people per region code and role registered within `spans`, or before `before`."""
    sql = scope.sql()  # placeholders are taken in the order they appear: sqlite's are positional
    where = scope.within(sql, "region_id")
    when = f"created_at < {sql.p(before)}" if before is not None else scope.during(sql, "created_at", spans)
    query = ("SELECT region_id AS k, role, COUNT(*) AS n FROM users "  # noqa: S608
             f"WHERE {where} AND {when} GROUP BY 1, 2")
    return await rows(query, sql.values)


async def served_rows(scope: Scope) -> list[dict]:
    """Count, per region code, organisations that obtained a service in the period and scientists who gave one."""
    sql = scope.sql()
    query = (
        "WITH served AS (SELECT DISTINCT p.id, p.author_id FROM ticket_events e "  # noqa: S608
        "JOIN tickets t ON t.id = e.ticket_id JOIN posts p ON p.id = t.post_id "
        f"WHERE e.kind = 'status' AND e.to_status IN {q(SERVED)} AND {scope.during(sql, 'e.created_at')} "
        f"AND p.kind = '{PostKind.NEED.value}') "
        "SELECT 'acquired' AS m, u.region_id AS k, COUNT(DISTINCT u.id) AS n FROM served s "
        f"JOIN users u ON u.id = s.author_id WHERE u.role = '{Role.ORGANISATION.value}' "
        f"AND {scope.within(sql, 'u.region_id')} AND u.created_at < {sql.p(scope.end)} GROUP BY u.region_id "
        "UNION ALL SELECT 'supplied', u.region_id, COUNT(DISTINCT u.id) FROM served s "
        "JOIN matches m ON m.demand_id = s.id JOIN posts o ON o.id = m.supply_post_id "
        f"JOIN users u ON u.id = o.author_id WHERE m.status = 'accepted' AND u.role = '{Role.SCIENTIST.value}' "
        f"AND {scope.within(sql, 'u.region_id')} AND u.created_at < {sql.p(scope.end)} GROUP BY u.region_id")
    return await rows(query, sql.values)


async def event_rows(scope: Scope, *, spans: list[Span] | None = None) -> list[dict]:
    """Count tickets of the region reaching 对接 and 落地 per week of the period (or `spans`)."""
    sql = scope.sql()
    query = (f"SELECT e.to_status AS s, {scope.week(sql, 'e.created_at')} AS w, COUNT(*) AS n "  # noqa: S608
             "FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
             f"WHERE e.kind = 'status' AND e.to_status IN {q([S.CONTACTED, S.LANDED])} "
             f"AND {scope.during(sql, 'e.created_at', spans)} AND {scope.within(sql, 't.region_id')} GROUP BY 1, 2")
    return await rows(query, sql.values)


async def push_rows(scope: Scope, *, spans: list[Span]) -> list[dict]:
    """Count push requests created within `spans` per kind, status and week; fan-outs carry region_code,
    others count in the user's region. A fan-out's recipients without a push request yet (waiting, stopped
    or unreachable) count as their broadcast's pushes of its day (push.broadcast.unsent_sql)."""
    sql = scope.sql()
    query = (f"SELECT kind, status, {scope.week(sql, 'created_at')} AS w, COUNT(*) AS n FROM ("  # noqa: S608
             f"SELECT kind, status, created_at FROM push_requests WHERE {scope.during(sql, 'created_at', spans)} "
             f"AND {scope.within(sql, 'region_code')} UNION ALL "
             "SELECT r.kind, r.status, r.created_at FROM push_requests r JOIN users u ON u.id = r.user_id "
             f"WHERE r.region_code IS NULL AND {scope.during(sql, 'r.created_at', spans)} "
             f"AND {scope.within(sql, 'u.region_id')} UNION ALL "
             f"SELECT s.kind, s.status, s.created_at FROM ({broadcast.unsent_sql(sql)} "
             f"AND {scope.during(sql, 'b.created_at', spans)}) s LEFT JOIN users u ON u.id = s.user_id "
             f"WHERE {scope.within(sql, 'COALESCE(s.region_code, u.region_id)')}) x GROUP BY 1, 2, 3")
    return await rows(query, sql.values)


async def match_count(scope: Scope, *, spans: list[Span] | None = None) -> int:
    """Count matches proposed in the period (or `spans`) for needs and questions of the region."""
    sql = scope.sql()
    query = ("SELECT COUNT(*) AS n FROM matches m JOIN posts p ON p.id = m.demand_id "  # noqa: S608
             f"WHERE {scope.during(sql, 'm.created_at', spans)} AND {scope.within(sql, 'p.region_id')}")
    return int((await rows(query, sql.values))[0]["n"])


async def ticket_counts(scope: Scope) -> dict[str, int]:
    """Count tickets open at the end of the period (opened before it, not landed or closed by then, read
    from the timeline), and tickets landed or closed within it."""
    sql = scope.sql()
    finished = f"e.kind IN ('status', 'closed') AND e.to_status IN {q(FINISHED)}"
    query = (
        "SELECT (SELECT COUNT(*) FROM tickets t WHERE "  # noqa: S608
        f"{scope.within(sql, 't.region_id')} AND t.created_at < {sql.p(scope.end)} AND NOT EXISTS "
        f"(SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND {finished} "
        f"AND e.created_at < {sql.p(scope.end)})) AS open_n, "
        "(SELECT COUNT(DISTINCT e.ticket_id) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE "
        f"{finished} AND {scope.during(sql, 'e.created_at')} AND {scope.within(sql, 't.region_id')}) AS closed_n")
    row = (await rows(query, sql.values))[0]
    return {"open_tickets": int(row["open_n"]), "closed_tickets": int(row["closed_n"])}
