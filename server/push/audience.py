"""Audiences and set-based fan-out: one INSERT ... SELECT writes a recipient row per person.

No Python loop over users: the database selects the audience, decides who is reachable (follows the
official account, or has a subscribe grant / a long-term subscription for the template) and writes
every person's narrow `push_recipients` row — (broadcast, user) key, region, reachable — in one
statement. The push requests are written later, by the dispatcher, a batch at a time as it sends
(push.broadcast); people nobody can reach never get one, and the figures count them from here.

A repeated fan-out is harmless: the recipients key (broadcast, user) holds. A fan-out of the whole
audience writes with `ON CONFLICT DO NOTHING`; a range of a chunked fan-out (whose caller holds a lock
and a cursor, so the range is new) first looks for a row of its own in the range and writes without
ON CONFLICT when there is none (the speculative insertion costs every row), and the key still refuses a
second row (the range's transaction fails).
"""

# ruff: noqa: S608 - every value is a bind parameter; only fixed column names are formatted in

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient

from server.models.enums import PushStatus, Role
from server.models.outbox import PushBroadcast, key_of
from server.push import broadcast
from server.push.sql import Sql
from server.push.templates import load_templates

__all__ = ["STATUSES", "Audience", "Sql", "copy_audience", "counts", "fan_out", "figures_by_region", "preview",
           "region_clause", "stop_queued"]


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


_INSERT = "INSERT INTO push_recipients (key, user_id, region_code, reachable)"
_ON_CONFLICT = "ON CONFLICT (key) DO NOTHING"


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


def _keys(sql: Sql, broadcast_id: int, ids: tuple[int, int] | None = None) -> str:
    """SQL true for the recipients keys of a broadcast (whose user id is in `ids`, if given)."""
    after, upto = ids if ids is not None else (-1, 2**32 - 1)
    return f"key > {sql.p(key_of(broadcast_id, after))} AND key <= {sql.p(key_of(broadcast_id, upto))}"


async def fan_out(audience: Audience, *, kind: str, cause: str, data: dict, priority: int,
                  due_at: datetime, now: datetime, ids: tuple[int, int] | None = None) -> dict[str, int]:
    """Write one recipient per person in the audience (whose id is in `ids`, if given); return the figures.

    The figures are {"targeted", "queued", "unreachable"} of the cause, or of the id range when one is given.
    Without `ids` the whole audience is written at once; with them the broadcast stays open for more
    ranges until `broadcast.seal`.
    """
    found = await broadcast.store(kind=kind, cause=cause, data=data, priority=priority, due_at=due_at,
                                  complete=ids is None)
    sql = Sql()  # placeholders are made in the order they appear (SQLite's ? are positional)
    select = _select(sql, found, kind=kind, user="u.id", region="u.region_id")
    where = f"{audience.where(sql)} AND {_id_range(sql, ids, 'u.id')}"
    return await _write(sql, f"{select} FROM users u WHERE {where}", found=found, ids=ids)


async def copy_audience(*, kind: str, from_cause: str, cause: str, data: dict, priority: int,
                        due_at: datetime, now: datetime, ids: tuple[int, int] | None = None) -> dict[str, int]:
    """Fan out to exactly the people an earlier fan-out targeted (an emergency update), optionally one id range."""
    found = await broadcast.store(kind=kind, cause=cause, data=data, priority=priority, due_at=due_at,
                                  complete=ids is None)
    source = await PushBroadcast.get_or_none(kind=kind, cause=from_cause)
    if source is None:
        return {"targeted": 0, "queued": 0, "unreachable": 0}
    sql = Sql()  # placeholders in textual order, as above
    select = _select(sql, found, kind=kind, user="r.user_id", region="r.region_code")
    return await _write(sql, f"{select} FROM push_recipients r JOIN users u ON u.id = r.user_id "
                             f"WHERE r.{_keys(sql, source.id, ids)}", found=found, ids=ids)


def _select(sql: Sql, found: PushBroadcast, *, kind: str, user: str, region: str) -> str:
    """The SELECT list of a fan-out's recipients: key, user, region, reachable (a channel can reach them)."""
    return (f"SELECT CAST({sql.p(key_of(found.id))} AS BIGINT) + {user}, {user}, {region}, "
            f"CASE WHEN {_reachable(sql, kind)} THEN TRUE ELSE FALSE END ")


async def _write(sql: Sql, select: str, *, found: PushBroadcast, ids: tuple[int, int] | None) -> dict[str, int]:
    """Insert the recipients and return the figures (of the range, when one is given)."""
    await _no_jit()
    conn = connections.get("default")
    if ids is None or await _any_in_range(found.id, ids=ids):
        await conn.execute_query(f"{_INSERT} {select} {_ON_CONFLICT}", sql.values)
        return await _counts(found.id, ids=ids)
    if sql.dialect != "postgres":
        await conn.execute_query(f"{_INSERT} {select}", sql.values)
        return await _counts(found.id, ids=ids)
    # The range was empty: its figures are what this statement writes, counted as it writes them.
    rows = await conn.execute_query_dict(
        f"WITH written AS ({_INSERT} {select} RETURNING reachable) SELECT reachable, COUNT(*) AS n FROM written "
        "GROUP BY reachable", sql.values)
    return _figures(rows)


async def _any_in_range(broadcast_id: int, *, ids: tuple[int, int]) -> bool:
    """Whether the broadcast already holds a recipient with a user id in (after, upto] (one probe of the key)."""
    sql = Sql()
    return bool(await connections.get("default").execute_query_dict(
        f"SELECT 1 AS found FROM push_recipients WHERE {_keys(sql, broadcast_id, ids)} LIMIT 1", sql.values))


def _figures(rows: list[dict]) -> dict[str, int]:
    targeted = sum(int(r["n"]) for r in rows)
    queued = sum(int(r["n"]) for r in rows if r["reachable"])
    return {"targeted": targeted, "queued": queued, "unreachable": targeted - queued}


async def _counts(broadcast_id: int, *, ids: tuple[int, int] | None) -> dict[str, int]:
    """Return {"targeted", "queued", "unreachable"} of a broadcast's recipients (in one user id range)."""
    sql = Sql()
    rows = await connections.get("default").execute_query_dict(
        f"SELECT reachable, COUNT(*) AS n FROM push_recipients WHERE {_keys(sql, broadcast_id, ids)} "
        "GROUP BY reachable", sql.values)
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
    """Per region code: targeted and how many are pending, sending, sent, failed, unreachable, cancelled.

    Push requests as they stand, plus the recipients that have none (yet): the figures are the same
    before and after the dispatcher writes them.
    """
    if not causes:
        return []
    sql = Sql()
    k = sql.p(kind)
    requests = (f"SELECT region_code, status, COUNT(*) AS n FROM push_requests "
                f"WHERE kind = {k} AND cause IN {sql.many(list(causes))} GROUP BY region_code, status")
    unsent = broadcast.unsent_sql(sql)
    k2 = sql.p(kind)
    rows = await connections.get("default").execute_query_dict(
        f"{requests} UNION ALL SELECT region_code, status, COUNT(*) AS n FROM ({unsent} AND b.kind = {k2} "
        f"AND b.cause IN {sql.many(list(causes))}) x GROUP BY region_code, status", sql.values)
    out: dict[str | None, dict] = {}
    for row in rows:
        entry = out.setdefault(row["region_code"], {"region_code": row["region_code"], "targeted": 0,
                                                    **{s: 0 for s in STATUSES}})
        entry[str(row["status"])] += int(row["n"])
        entry["targeted"] += int(row["n"])
    return list(out.values())


async def stop_queued(*, kind: str, causes: Sequence[str], reason: str) -> int:
    """Cancel what these causes still have waiting — recipients not yet written and requests not yet
    claimed; return how many were stopped."""
    if not causes:
        return 0
    left = await broadcast.stop(kind=kind, causes=causes)  # first: nothing more is written after this
    sql = Sql()
    cancelled, why, k = sql.p(str(PushStatus.CANCELLED)), sql.p(reason[:200]), sql.p(kind)
    pending = sql.p(str(PushStatus.PENDING))
    stopped, _ = await connections.get("default").execute_query(
        f"UPDATE push_requests SET status = {cancelled}, last_error = {why} "
        f"WHERE kind = {k} AND status = {pending} AND cause IN {sql.many(list(causes))}", sql.values)
    return left + int(stopped)
