"""Audiences and set-based fan-out: one INSERT ... SELECT writes a push request per person.

No Python loop over users: the database selects the audience, decides who is reachable (follows the
official account, or has a subscribe grant / a long-term subscription for the template) and writes
every row in one statement. Rows for people nobody can reach are written as `unreachable` so the
figures count them. The template data is stored once (push.broadcast), not in each row.

A repeated fan-out is harmless: the unique key (kind, cause, user) holds. A fan-out of the whole
audience writes with `ON CONFLICT DO NOTHING`; a range of a chunked fan-out (whose caller holds a lock
and a cursor, so the range is new) first looks for a row of its own in the range and writes without
ON CONFLICT when there is none: the speculative insertion ON CONFLICT makes for every row was a third of
the fan-out's time, and the unique key still refuses a second row (the range's transaction fails).
"""

# ruff: noqa: S608 - every value is a bind parameter; only fixed column names are formatted in

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient

from server.models.enums import PushStatus, Role
from server.push import broadcast
from server.push.templates import load_templates


def _dialect() -> str:
    return connections.get("default").capabilities.dialect


class Sql:
    """Collects parameters and writes the right placeholder for the dialect ($1 or ?)."""

    def __init__(self, dialect: str | None = None) -> None:
        self.dialect = dialect or _dialect()
        self.values: list[object] = []

    def p(self, value: object) -> str:
        """Return the placeholder for a new parameter."""
        self.values.append(value)
        return f"${len(self.values)}" if self.dialect == "postgres" else "?"

    def many(self, values: Sequence[object]) -> str:
        """Return a parenthesised list of placeholders."""
        return "(" + ", ".join(self.p(v) for v in values) + ")"

    def json(self, value: object) -> str:
        """Return a placeholder for a JSON value."""
        text = json.dumps(value, ensure_ascii=False)
        return f"{self.p(text)}::jsonb" if self.dialect == "postgres" else self.p(text)


def _prefix(code: str) -> str:
    """The prefix every GB/T 2260 code within `code` starts with (province 51, city 5101, county itself)."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def region_clause(sql: Sql, codes: Sequence[str], *, column: str = "u.region_id") -> str:
    """SQL true for rows whose region lies within any of `codes` (children included)."""
    parts = []
    for code in codes:
        prefix = _prefix(code)
        if prefix == code:
            parts.append(f"{column} = {sql.p(code)}")
        else:
            parts.append(f"{column} LIKE {sql.p(prefix + '%')}")
    return "(" + " OR ".join(parts) + ")" if parts else "1=0"


@dataclass(frozen=True)
class Audience:
    """Who a push goes to. Empty lists mean "anyone"."""

    region_codes: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    interests: tuple[str, ...] = ()
    disciplines: tuple[str, ...] = ()
    active_since: date | None = None
    min_birth_year: int | None = None  # award calls "40 周岁以下" -> born in or after
    max_birth_year: int | None = None
    extra: dict = field(default_factory=dict)

    def where(self, sql: Sql) -> str:
        """Return the WHERE clause (over users u) selecting this audience."""
        clauses = ["1=1"]
        if self.region_codes:
            clauses.append(region_clause(sql, self.region_codes))
        if self.roles:
            clauses.append(f"u.role IN {sql.many([str(r) for r in self.roles])}")
        if self.interests:
            if sql.dialect == "postgres":
                clauses.append(f"u.interests ?| {sql.p(list(self.interests))}::text[]")
            else:
                clauses.append("EXISTS (SELECT 1 FROM json_each(u.interests) j WHERE j.value IN "
                               f"{sql.many(list(self.interests))})")
        if self.disciplines:
            clauses.append(f"u.discipline IN {sql.many(list(self.disciplines))}")
        if self.active_since:
            since = datetime.combine(self.active_since, datetime.min.time()).astimezone()
            clauses.append(f"u.last_seen_at >= {sql.p(since)}")
        if self.min_birth_year is not None:
            clauses.append(f"u.birth_year >= {sql.p(self.min_birth_year)}")
        if self.max_birth_year is not None:
            clauses.append(f"u.birth_year <= {sql.p(self.max_birth_year)}")
        return " AND ".join(clauses)


def _reachable(sql: Sql, kind: str) -> str:
    """SQL true for people some channel of the template can reach (blocks are found at send time)."""
    template = load_templates()[kind]
    parts = []
    if "oa_template" in template.channels:
        parts.append(f"(u.follows_oa = {sql.p(True)} AND u.oa_openid IS NOT NULL)")
    if "mp_subscribe" in template.channels:
        if template.long_term:
            parts.append("u.mp_openid IS NOT NULL")
        else:
            mp_id = template.template_ids.get("mp_subscribe", "")
            parts.append("(u.mp_openid IS NOT NULL AND EXISTS (SELECT 1 FROM subscribe_quotas q WHERE "
                         f"q.user_id = u.id AND q.template_id = {sql.p(mp_id)} AND q.remaining > 0))")
    return "(" + " OR ".join(parts) + ")" if parts else "1=0"


async def preview(audience: Audience, *, kind: str) -> dict:
    """Count the audience per region: {"total", "reachable", "regions": [{region_code, users, reachable}]}."""
    sql = Sql()
    reach = _reachable(sql, kind)
    where = audience.where(sql)
    rows = await connections.get("default").execute_query_dict(
        f"SELECT u.region_id AS region_code, COUNT(*) AS users, "
        f"SUM(CASE WHEN {reach} THEN 1 ELSE 0 END) AS reachable FROM users u WHERE {where} "
        "GROUP BY u.region_id", sql.values)
    regions = [{"region_code": r["region_code"], "users": int(r["users"]), "reachable": int(r["reachable"] or 0)}
               for r in rows]
    return {"total": sum(r["users"] for r in regions), "reachable": sum(r["reachable"] for r in regions),
            "regions": sorted(regions, key=lambda r: (-r["users"], r["region_code"] or ""))}


_INSERT = ("INSERT INTO push_requests (kind, cause, user_id, data, region_code, priority, status, due_at, attempts, "
           "last_error, created_at, updated_at)")
_ON_CONFLICT = "ON CONFLICT (kind, cause, user_id) DO NOTHING"


async def _no_jit() -> None:
    """PostgreSQL spends ~1 s JIT-compiling a million-row INSERT ... SELECT that runs once: skip it."""
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres" and isinstance(conn, TransactionalDBClient):  # SET LOCAL: until commit
        await conn.execute_script("SET LOCAL jit = off")


def _id_range(sql: Sql, ids: tuple[int, int] | None, column: str) -> str:
    """SQL true for user ids in (after, upto]: one chunk of a fan-out."""
    if ids is None:
        return "1=1"
    return f"{column} > {sql.p(ids[0])} AND {column} <= {sql.p(ids[1])}"


async def fan_out(audience: Audience, *, kind: str, cause: str, data: dict, priority: int,
                  due_at: datetime, now: datetime, ids: tuple[int, int] | None = None) -> dict[str, int]:
    """Write one push request per person in the audience (whose id is in `ids`, if given); return the figures.

    The figures are {"targeted", "queued", "unreachable"} of the cause, or of the id range when one is given.
    """
    sql = Sql()  # placeholders are made in the order they appear (SQLite's ? are positional)
    select = _select(sql, kind=kind, cause=cause, region="u.region_id", priority=priority, due_at=due_at, now=now)
    where = f"{audience.where(sql)} AND {_id_range(sql, ids, 'u.id')}"
    return await _write(sql, f"{select} FROM users u WHERE {where}", kind=kind, cause=cause, data=data, ids=ids)


async def copy_audience(*, kind: str, from_cause: str, cause: str, data: dict, priority: int,
                        due_at: datetime, now: datetime, ids: tuple[int, int] | None = None) -> dict[str, int]:
    """Fan out to exactly the people an earlier fan-out targeted (an emergency update), optionally one id range."""
    sql = Sql()  # placeholders in textual order, as above
    select = _select(sql, kind=kind, cause=cause, region="r.region_code", priority=priority, due_at=due_at, now=now)
    source = f"r.kind = {sql.p(kind)} AND r.cause = {sql.p(from_cause)} AND {_id_range(sql, ids, 'r.user_id')}"
    return await _write(sql, f"{select} FROM push_requests r JOIN users u ON u.id = r.user_id WHERE {source}",
                        kind=kind, cause=cause, data=data, ids=ids)


def _select(sql: Sql, *, kind: str, cause: str, region: str, priority: int, due_at: datetime,
            now: datetime) -> str:
    """The SELECT list of a fan-out's rows: narrow, with empty data (the broadcast holds it)."""
    return (f"SELECT {sql.p(kind)}, {sql.p(cause)}, u.id, '{{}}', {region}, {sql.p(priority)}, "
            f"CASE WHEN {_reachable(sql, kind)} THEN {sql.p(str(PushStatus.PENDING))} "
            f"ELSE {sql.p(str(PushStatus.UNREACHABLE))} END, {sql.p(due_at)}, 0, '', {sql.p(now)}, {sql.p(now)} ")


async def _write(sql: Sql, select: str, *, kind: str, cause: str, data: dict,
                 ids: tuple[int, int] | None) -> dict[str, int]:
    """Store the broadcast, insert the rows and return the figures (of the range, when one is given)."""
    await broadcast.store(kind=kind, cause=cause, data=data)
    await _no_jit()
    conn = connections.get("default")
    if ids is None or await _any_in_range(kind=kind, cause=cause, ids=ids):
        await conn.execute_query(f"{_INSERT} {select} {_ON_CONFLICT}", sql.values)
        return await (counts(kind=kind, causes=[cause]) if ids is None else counts_in_range(kind=kind, cause=cause,
                                                                                             ids=ids))
    if sql.dialect != "postgres":
        await conn.execute_query(f"{_INSERT} {select}", sql.values)
        return await counts_in_range(kind=kind, cause=cause, ids=ids)
    # The range was empty: its figures are what this statement writes, counted as it writes them.
    rows = await conn.execute_query_dict(
        f"WITH written AS ({_INSERT} {select} RETURNING status) SELECT status, COUNT(*) AS n FROM written "
        "GROUP BY status", sql.values)
    return _figures(rows)


async def _any_in_range(*, kind: str, cause: str, ids: tuple[int, int]) -> bool:
    """Whether the cause already holds a row for a user id in (after, upto] (one probe of the unique key)."""
    sql = Sql()
    where = f"kind = {sql.p(kind)} AND cause = {sql.p(cause)} AND {_id_range(sql, ids, 'user_id')}"
    return bool(await connections.get("default").execute_query_dict(
        f"SELECT 1 AS found FROM push_requests WHERE {where} LIMIT 1", sql.values))


def _figures(rows: list[dict]) -> dict[str, int]:
    targeted = sum(int(r["n"]) for r in rows)
    unreachable = sum(int(r["n"]) for r in rows if r["status"] == PushStatus.UNREACHABLE)
    return {"targeted": targeted, "queued": targeted - unreachable, "unreachable": unreachable}


async def counts_in_range(*, kind: str, cause: str, ids: tuple[int, int]) -> dict[str, int]:
    """Return {"targeted", "queued", "unreachable"} for the requests of one cause and user id range."""
    sql = Sql()
    where = f"kind = {sql.p(kind)} AND cause = {sql.p(cause)} AND {_id_range(sql, ids, 'user_id')}"
    rows = await connections.get("default").execute_query_dict(
        f"SELECT status, COUNT(*) AS n FROM push_requests WHERE {where} GROUP BY status", sql.values)
    return _figures(rows)


async def counts(*, kind: str, causes: Sequence[str]) -> dict[str, int]:
    """Return {"targeted", "queued", "unreachable"} for the requests of these causes."""
    figures = await figures_by_region(kind=kind, causes=causes)
    total = {"targeted": 0, "queued": 0, "unreachable": 0}
    for row in figures:
        total["targeted"] += row["targeted"]
        total["queued"] += row["targeted"] - row["unreachable"]
        total["unreachable"] += row["unreachable"]
    return total


STATUSES = ("pending", "sending", "sent", "failed", "unreachable", "cancelled")


async def figures_by_region(*, kind: str, causes: Sequence[str]) -> list[dict[str, int | str | None]]:
    """Per region code: targeted and how many are pending, sending, sent, failed, unreachable, cancelled."""
    if not causes:
        return []
    sql = Sql()
    k = sql.p(kind)
    rows = await connections.get("default").execute_query_dict(
        "SELECT region_code, status, COUNT(*) AS n FROM push_requests "
        f"WHERE kind = {k} AND cause IN {sql.many(list(causes))} GROUP BY region_code, status", sql.values)
    out: dict[str | None, dict] = {}
    for row in rows:
        entry = out.setdefault(row["region_code"], {"region_code": row["region_code"], "targeted": 0,
                                                    **{s: 0 for s in STATUSES}})
        entry[str(row["status"])] = int(row["n"])
        entry["targeted"] += int(row["n"])
    return list(out.values())


async def stop_queued(*, kind: str, causes: Sequence[str], reason: str) -> int:
    """Cancel requests of these causes that are still waiting; return how many were stopped."""
    if not causes:
        return 0
    sql = Sql()
    cancelled, why, k = sql.p(str(PushStatus.CANCELLED)), sql.p(reason[:200]), sql.p(kind)
    pending = sql.p(str(PushStatus.PENDING))
    stopped, _ = await connections.get("default").execute_query(
        f"UPDATE push_requests SET status = {cancelled}, last_error = {why} "
        f"WHERE kind = {k} AND status = {pending} AND cause IN {sql.many(list(causes))}", sql.values)
    return int(stopped)
