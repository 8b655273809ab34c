"""A fan-out as a broadcast: its template data stored once, its people as narrow recipient rows, and the
push requests written only when the dispatcher is about to send them.

A fan-out (push.audience) writes one `PushRecipient` per person — (broadcast, user) key, region, whether a
channel can reach them — instead of a wide, indexed push request. The dispatcher, when it claims work,
first takes the next reachable recipients of the most urgent broadcast due (`materialise`): under a lock on
the broadcast row it writes their push requests already claimed by itself (status sending, empty data:
`fill` gives them the broadcast's) and moves the broadcast's cursor past them, in one transaction. So a
recipient becomes a push request once: the cursor and the rows commit together, a second dispatcher skips
the locked broadcast, and the unique key (kind, cause, user_id) stays as the last guard. A dispatcher that
dies after the commit leaves its rows in `sending`, taken back after the claim timeout like any other.

A recipient not yet written is still counted (`unsent_sql`): pending while its broadcast runs, cancelled
once it was stopped, unreachable when no channel could reach them (those never get a push request).
"""

# ruff: noqa: S608 - every value is a bind parameter; only fixed column names are formatted in

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from tortoise import connections
from tortoise.transactions import in_transaction

from server.models.enums import PushStatus
from server.models.outbox import KEY_SPAN, PushBroadcast, PushRequest, key_of
from server.push.sql import Sql

B = PushBroadcast
RUNNING = (B.OPEN, B.SENDING)  # states whose recipients may still be materialised
CANDIDATES = 5  # broadcasts a claim looks at: an open one with nothing written yet gives way to the next


async def store(*, kind: str, cause: str, data: dict, priority: int, due_at: datetime,
                complete: bool) -> PushBroadcast:
    """Return the broadcast of (kind, cause), made on first use (the ranges of a fan-out share it).

    `complete`: the caller writes all of its recipients in this transaction; else it stays open until
    `seal` (the emergency fan-out writes range by range).
    """
    state = B.SENDING if complete else B.OPEN
    found, _ = await B.get_or_create(kind=kind, cause=cause, defaults={"data": data, "priority": priority,
                                                                        "due_at": due_at, "state": state})
    return found


async def seal(*, kind: str, cause: str) -> None:
    """Say every recipient of an open broadcast is written: once all are sent it is done."""
    await B.filter(kind=kind, cause=cause, state=B.OPEN).update(state=B.SENDING)


async def stop(*, kind: str, causes: Sequence[str]) -> int:
    """Stop these broadcasts (nothing more is materialised); return how many reachable recipients were left."""
    if not causes:
        return 0
    stopped = 0
    async with in_transaction():
        # The lock waits for a materialise in progress, so its rows are counted as written (in flight).
        for found in await B.filter(kind=kind, cause__in=list(causes), state__in=RUNNING).select_for_update():
            stopped += await left(found)
            found.state = B.STOPPED
            await found.save(update_fields=["state"])
    return stopped


async def left(found: PushBroadcast) -> int:
    """Count the reachable recipients of a broadcast that have no push request yet."""
    sql = Sql()
    rows = await connections.get("default").execute_query_dict(
        f"SELECT COUNT(*) AS n FROM push_recipients WHERE key > {sql.p(key_of(found.id, found.cursor))} "
        f"AND key < {sql.p(key_of(found.id + 1))} AND reachable = {sql.p(True)}", sql.values)
    return int(rows[0]["n"])


def unsent_sql(sql: Sql) -> str:
    """A SELECT of (kind, status, region_code, user_id, created_at) for every recipient that has no push
    request (and will not get one while it waits: pending, cancelled by a stop, or unreachable), dated
    like the push requests its broadcast writes (the broadcast's creation)."""
    return (f"SELECT b.kind AS kind, CASE WHEN r.reachable = {sql.p(False)} THEN '{PushStatus.UNREACHABLE.value}' "
            f"WHEN b.state = '{B.STOPPED}' THEN '{PushStatus.CANCELLED.value}' "
            f"ELSE '{PushStatus.PENDING.value}' END AS status, r.region_code AS region_code, r.user_id AS user_id, "
            "b.created_at AS created_at FROM push_broadcasts b JOIN push_recipients r "
            f"ON r.key >= b.id * {KEY_SPAN} AND r.key < (b.id + 1) * {KEY_SPAN} "
            f"WHERE (r.reachable = {sql.p(False)} OR r.user_id > b.cursor)")


async def most_urgent(*, now: datetime) -> int | None:
    """The priority of the most urgent broadcast due that may still have recipients to write, or None."""
    found = await B.filter(state__in=RUNNING, due_at__lte=now).order_by("priority").limit(1).values_list(
        "priority", flat=True)
    return int(found[0]) if found else None


Stopped = Callable[[dict, datetime], Awaitable[str]]


async def materialise(*, worker: str, limit: int, now: datetime, stopped: Stopped) -> list[int]:
    """Write the push requests of up to `limit` next recipients of the most urgent broadcasts due, claimed
    by `worker` (status sending); return their ids. `stopped` says why a broadcast's data may no longer
    go out (an emergency cancelled or expired): such a broadcast is stopped instead."""
    ids: list[int] = []
    async with in_transaction() as conn:
        lock = " FOR UPDATE SKIP LOCKED" if conn.capabilities.dialect == "postgres" else ""
        sql = Sql()
        candidates = await conn.execute_query_dict(
            f"SELECT id FROM push_broadcasts WHERE state IN {sql.many(RUNNING)} AND due_at <= {sql.p(now)} "
            f"ORDER BY priority, id LIMIT {CANDIDATES}{lock}", sql.values)
        for row in candidates:
            if len(ids) >= limit:
                break
            found = await B.get(id=row["id"])
            if await stopped(found.data, now):
                await B.filter(id=found.id).update(state=B.STOPPED)
                continue
            ids += await _write_next(found, worker=worker, limit=limit - len(ids), now=now)
    return ids


async def _write_next(found: PushBroadcast, *, worker: str, limit: int, now: datetime) -> list[int]:
    """Write the next `limit` reachable recipients' push requests and move the cursor past them."""
    conn = connections.get("default")
    sql = Sql()
    after, end = key_of(found.id, found.cursor), key_of(found.id + 1)
    users = [r["user_id"] for r in await conn.execute_query_dict(
        f"SELECT user_id FROM push_recipients WHERE key > {sql.p(after)} AND key < {sql.p(end)} "
        f"AND reachable = {sql.p(True)} ORDER BY key LIMIT {sql.p(limit)}", sql.values)]
    if len(users) < limit and found.state == B.SENDING:
        found.state = B.DONE  # nothing is left after these
    if not users:
        await found.save(update_fields=["state"])
        return []
    sql = Sql()
    rows = await conn.execute_query_dict(
        "INSERT INTO push_requests (kind, cause, user_id, data, region_code, priority, status, due_at, attempts, "
        "last_error, channel, claimed_by, claimed_at, created_at, updated_at) "
        f"SELECT {sql.p(found.kind)}, {sql.p(found.cause)}, user_id, '{{}}', region_code, {sql.p(found.priority)}, "
        f"'{PushStatus.SENDING.value}', {sql.p(now)}, 0, '', '', {sql.p(worker)}, {sql.p(now)}, "
        f"{sql.p(found.created_at)}, {sql.p(now)} FROM push_recipients WHERE key > {sql.p(after)} "
        f"AND key <= {sql.p(key_of(found.id, users[-1]))} AND reachable = {sql.p(True)} "
        "ON CONFLICT (kind, cause, user_id) DO NOTHING RETURNING id", sql.values)
    found.cursor = users[-1]
    await found.save(update_fields=["cursor", "state"])
    return [int(r["id"]) for r in rows]


async def fill(requests: Sequence[PushRequest]) -> None:
    """Give each claimed row of a fan-out its broadcast's data (in memory: the row is not rewritten)."""
    empty = [r for r in requests if not r.data]
    wanted = {(r.kind, r.cause) for r in empty}
    if not wanted:
        return
    rows = await B.filter(kind__in={kind for kind, _ in wanted},
                          cause__in={cause for _, cause in wanted}).values_list("kind", "cause", "data")
    found = {(kind, cause): data for kind, cause, data in rows if (kind, cause) in wanted}
    for request in empty:
        request.data = found.get((request.kind, request.cause), request.data)
