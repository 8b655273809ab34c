"""Regional dashboard figures for the operator console (issue 7): funnel, rates, workload, pushes, trends.

Every figure comes from a GROUP BY query; Python only reshapes the aggregated rows (at most a few
thousand: kinds x statuses x days). Region filters are code ranges (510000 -> '510000'..'519999',
510100 -> '510100'..'510199', a county exact), which btree indexes serve under any collation.
Days are Beijing days (Asia/Shanghai, UTC+8, no DST): the period runs from `since` 00:00 to the end
of `until`, both in Beijing time. Queries run concurrently; they hold no locks and no transaction.
"""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tortoise import connections
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from server.errors import ValidationFailed
from server.models import PushDayCount, PushRequest, Region
from server.models.enums import PostKind, PostStatus, RegionLevel, Role
from server.push.audience import Sql
from server.services import regions
from server.services.tickets import OPEN, STATUS_NAMES

BEIJING = ZoneInfo("Asia/Shanghai")
MAX_PERIOD_DAYS = 366
STALE_AFTER = timedelta(days=7)
S = PostStatus
STAGES = [S.PUBLISHED, S.MATCHED, S.CONTACTED, S.NEGOTIATING, S.SIGNED, S.LANDED]
SERVED = [S.CONTACTED, S.NEGOTIATING, S.SIGNED, S.LANDED]  # 对接 or later: a service was obtained
KIND_NAMES = {PostKind.NEED: "科技所需", PostKind.QUESTION: "科普所需", PostKind.OFFER: "科技所能"}
PUSH_BUCKETS = ["pending", "sent", "failed", "unreachable", "cancelled"]

RATE_DEFINITIONS: dict[str, dict[str, str]] = {
    "acquisition": {
        "label": "科技服务获取率",
        "definition": "统计周期内获得科技服务的单位数 ÷ 截至周期末在该地区注册的单位数。"
                      "获得科技服务：该单位发布的科技所需，其服务单在周期内进入「对接」或之后的阶段"
                      "（对接、洽谈、签约、落地）。单位按注册所在地区归属。",
        "doc": "Organisations (role organisation, registered before the period ends, region within) with at "
               "least one need post whose ticket has a timeline event kind 'status' to contacted, negotiating, "
               "signed or landed created within the period, over all such organisations.",
    },
    "supply": {
        "label": "科技服务供给率",
        "definition": "统计周期内提供科技服务的科技工作者数 ÷ 截至周期末在该地区注册的科技工作者数。"
                      "提供科技服务：该科技工作者的科技所能与某条科技所需的匹配已被接受，且该科技所需的服务单"
                      "在周期内进入「对接」或之后的阶段。科技工作者按注册所在地区归属。",
        "doc": "Scientists (role scientist, registered before the period ends, region within) who author an offer "
               "post linked by an accepted Match (supply_post) to a need post that was served in the period (the "
               "acquisition event above), over all such scientists.",
    },
}


class _Scope:
    """The region and period one overview covers, and the SQL fragments that depend on them."""

    def __init__(self, region: Region, *, since: date, until: date, now: datetime) -> None:
        # Every timestamp parameter in UTC: sqlite compares the stored ISO text as text.
        self.region, self.since, self.until, self.now = region, since, until, now.astimezone(UTC)
        self.start = datetime.combine(since, time.min, BEIJING).astimezone(UTC)
        self.end = datetime.combine(until + timedelta(days=1), time.min, BEIJING).astimezone(UTC)
        self.today = now.astimezone(BEIJING).date()
        monday = since - timedelta(days=since.weekday())
        self.first_monday = datetime.combine(monday, time.min, BEIJING).astimezone(UTC)
        self.dialect = connections.get("default").capabilities.dialect
        prefix = regions.prefix_of(region.code)
        self.low, self.high = prefix.ljust(6, "0"), prefix.ljust(6, "9")
        # Rows are grouped by the full region code; a code's first 4 digits name its city, all 6 its county.
        self.child_len = 4 if region.level == RegionLevel.PROVINCE else 6

    def sql(self) -> Sql:
        return Sql(self.dialect)

    def within(self, sql: Sql, column: str) -> str:
        """SQL true when `column` (a region code) lies within the region: a range a btree index serves."""
        if self.low == self.high:
            return f"{column} = {sql.p(self.low)}"
        return f"{column} BETWEEN {sql.p(self.low)} AND {sql.p(self.high)}"

    def during(self, sql: Sql, column: str) -> str:
        """SQL true when `column` (a timestamp) falls within the period."""
        return f"{column} >= {sql.p(self.start)} AND {column} < {sql.p(self.end)}"

    def week(self, sql: Sql, column: str) -> str:
        """SQL for the number of the Beijing week (0 = the one containing `since`) a timestamp falls in.

        Plain arithmetic from the first Monday's midnight: a time-zone conversion per row costs more than
        the rest of the query on the push table.
        """
        if self.dialect == "postgres":
            start = sql.p(self.first_monday.timestamp())
            return f"CAST(floor((date_part('epoch', {column}) - {start}) / 604800) AS int)"
        return f"CAST((julianday({column}) - julianday({sql.p(self.first_monday)})) / 7 AS INTEGER)"

    def minutes(self, later: str, earlier: str) -> str:
        if self.dialect == "postgres":
            return f"EXTRACT(EPOCH FROM ({later} - {earlier})) / 60.0"
        return f"(julianday({later}) - julianday({earlier})) * 1440.0"


def _q(values: list[str]) -> str:
    """Return an SQL list of our own enum constants (never user input)."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _rank(column: str) -> str:
    """SQL for the lifecycle rank of a status column (published 0 .. landed 5; closed 0)."""
    whens = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(STAGES))
    return f"CASE {column} {whens} ELSE 0 END"


async def _rows(query: str, values: list[object]) -> list[dict]:
    return await connections.get("default").execute_query_dict(query, values)


async def _funnel_rows(scope: _Scope) -> list[dict]:
    """Count posts of the period per kind and furthest stage reached.

    A post's stage is its status; a closed post counts by the furthest stage its ticket timeline recorded
    (or matched, if it had an accepted match). An offer reaches matched through an accepted match and,
    beyond that, the furthest stage of the need or question it was matched to.
    """
    sql = scope.sql()
    closed, offer = f"'{S.CLOSED.value}'", f"'{PostKind.OFFER.value}'"
    timeline = (f"JOIN tickets t ON t.post_id = q.id JOIN ticket_events e ON e.ticket_id = t.id "
                f"WHERE q.status = {closed}")
    demand_rank = _rank("q.status")
    query = (
        f"WITH p AS (SELECT id, kind, status FROM posts WHERE {scope.during(sql, 'created_at')} "  # noqa: S608
        f"AND {scope.within(sql, 'region_id')} AND review_state <> 'rejected'), "
        "o AS (SELECT p.id, m.demand_id FROM p JOIN matches m ON m.supply_post_id = p.id "
        f"WHERE p.kind = {offer} AND m.status = 'accepted'), "
        f"reach AS (SELECT id AS pid, kind, {_rank('status')} AS r FROM p "
        f"UNION ALL SELECT q.id, q.kind, {_rank('e.to_status')} FROM p q {timeline} "
        f"UNION ALL SELECT q.id, q.kind, 1 FROM p q WHERE q.status = {closed} AND EXISTS "
        "(SELECT 1 FROM matches m WHERE m.demand_id = q.id AND m.status = 'accepted') "
        f"UNION ALL SELECT o.id, {offer}, CASE WHEN {demand_rank} < 1 THEN 1 ELSE {demand_rank} END "
        "FROM o JOIN posts q ON q.id = o.demand_id "
        f"UNION ALL SELECT o.id, {offer}, {_rank('e.to_status')} FROM o JOIN posts q ON q.id = o.demand_id "
        f"{timeline}) "
        "SELECT kind, r, COUNT(*) AS n FROM (SELECT pid, kind, MAX(r) AS r FROM reach GROUP BY pid, kind) x "
        "GROUP BY kind, r")
    return await _rows(query, sql.values)


async def _post_rows(scope: _Scope) -> list[dict]:
    """Count posts of the period per region code and week."""
    sql = scope.sql()
    query = (f"SELECT region_id AS k, {scope.week(sql, 'created_at')} AS w, COUNT(*) AS n FROM posts "  # noqa: S608
             f"WHERE {scope.during(sql, 'created_at')} AND {scope.within(sql, 'region_id')} "
             "AND review_state <> 'rejected' GROUP BY 1, 2")
    return await _rows(query, sql.values)


async def _user_rows(scope: _Scope) -> list[dict]:
    """Count people registered by the end of the period per region code and role."""
    sql = scope.sql()
    query = ("SELECT region_id AS k, role, COUNT(*) AS n FROM users "  # noqa: S608
             f"WHERE {scope.within(sql, 'region_id')} AND created_at < {sql.p(scope.end)} GROUP BY 1, 2")
    return await _rows(query, sql.values)


async def _served_rows(scope: _Scope) -> list[dict]:
    """Count, per region code, organisations that obtained a service in the period and scientists who gave one."""
    sql = scope.sql()
    query = (
        "WITH served AS (SELECT DISTINCT p.id, p.author_id FROM ticket_events e "  # noqa: S608
        "JOIN tickets t ON t.id = e.ticket_id JOIN posts p ON p.id = t.post_id "
        f"WHERE e.kind = 'status' AND e.to_status IN {_q(SERVED)} AND {scope.during(sql, 'e.created_at')} "
        f"AND p.kind = '{PostKind.NEED.value}') "
        "SELECT 'acquired' AS m, u.region_id AS k, COUNT(DISTINCT u.id) AS n FROM served s "
        f"JOIN users u ON u.id = s.author_id WHERE u.role = '{Role.ORGANISATION.value}' "
        f"AND {scope.within(sql, 'u.region_id')} AND u.created_at < {sql.p(scope.end)} GROUP BY u.region_id "
        "UNION ALL SELECT 'supplied', u.region_id, COUNT(DISTINCT u.id) FROM served s "
        "JOIN matches m ON m.demand_id = s.id JOIN posts o ON o.id = m.supply_post_id "
        f"JOIN users u ON u.id = o.author_id WHERE m.status = 'accepted' AND u.role = '{Role.SCIENTIST.value}' "
        f"AND {scope.within(sql, 'u.region_id')} AND u.created_at < {sql.p(scope.end)} GROUP BY u.region_id")
    return await _rows(query, sql.values)


async def _ticket_rows(scope: _Scope) -> list[dict]:
    """Count open tickets now per region code, stage and whether they sat in it over 7 days."""
    sql = scope.sql()
    stale = sql.p(scope.now - STALE_AFTER)
    query = ("SELECT region_id AS k, status, "  # noqa: S608
             f"SUM(CASE WHEN stage_since <= {stale} THEN 1 ELSE 0 END) AS old, COUNT(*) AS n FROM tickets "
             f"WHERE {scope.within(sql, 'region_id')} AND status IN {_q(OPEN)} GROUP BY 1, 2")
    return await _rows(query, sql.values)


async def _event_rows(scope: _Scope) -> list[dict]:
    """Count tickets of the region reaching 对接 and 落地 per week of the period."""
    sql = scope.sql()
    query = (f"SELECT e.to_status AS s, {scope.week(sql, 'e.created_at')} AS w, COUNT(*) AS n "  # noqa: S608
             "FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
             f"WHERE e.kind = 'status' AND e.to_status IN {_q([S.CONTACTED, S.LANDED])} "
             f"AND {scope.during(sql, 'e.created_at')} AND {scope.within(sql, 't.region_id')} GROUP BY 1, 2")
    return await _rows(query, sql.values)


async def _push_rows(scope: _Scope) -> list[dict]:
    """Count push requests of the period per kind, status and week.

    Settled days come from the nightly snapshot (push_day_counts: the push table grows by millions of rows
    an emergency); days without a snapshot, such as the last two, are counted live from push_requests.
    """
    covered = {_as_date(day) for day in await PushDayCount.filter(
        kind=PushDayCount.DAY_MARKER, day__gte=scope.since, day__lte=scope.until).values_list("day", flat=True)}
    rows: list[dict] = []
    if covered:
        first_monday = scope.since - timedelta(days=scope.since.weekday())
        snapshot = await (PushDayCount.filter(day__gte=scope.since, day__lte=scope.until,
                                              region_code__gte=scope.low, region_code__lte=scope.high)
                          .exclude(kind=PushDayCount.DAY_MARKER).annotate(total=Sum("n"))
                          .group_by("kind", "status", "day").values("kind", "status", "day", "total"))
        rows += [{"kind": r["kind"], "status": r["status"], "n": r["total"],
                  "w": (_as_date(r["day"]) - first_monday).days // 7} for r in snapshot]
    for start, end in _uncovered_runs(scope.since, scope.until, covered):
        rows += await _live_push_rows(scope, _beijing_midnight(start), _beijing_midnight(end + timedelta(days=1)))
    return rows


async def _live_push_rows(scope: _Scope, start: datetime, end: datetime) -> list[dict]:
    """Count push requests created in [start, end) per kind, status and week; fan-outs carry region_code,
    others the user's region."""
    sql = scope.sql()
    query = (f"SELECT kind, status, {scope.week(sql, 'created_at')} AS w, COUNT(*) AS n FROM ("  # noqa: S608
             f"SELECT kind, status, created_at FROM push_requests WHERE created_at >= {sql.p(start)} "
             f"AND created_at < {sql.p(end)} AND {scope.within(sql, 'region_code')} UNION ALL "
             "SELECT r.kind, r.status, r.created_at FROM push_requests r JOIN users u ON u.id = r.user_id "
             f"WHERE r.region_code IS NULL AND r.created_at >= {sql.p(start)} AND r.created_at < {sql.p(end)} "
             f"AND {scope.within(sql, 'u.region_id')}) x GROUP BY 1, 2, 3")
    return await _rows(query, sql.values)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _beijing_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, BEIJING).astimezone(UTC)


def _uncovered_runs(since: date, until: date, covered: set[date]) -> list[tuple[date, date]]:
    """Return the runs of consecutive days in [since, until] that are not in `covered` (first, last)."""
    runs: list[tuple[date, date]] = []
    day = since
    while day <= until:
        if day in covered:
            day += timedelta(days=1)
            continue
        first = day
        while day + timedelta(days=1) <= until and day + timedelta(days=1) not in covered:
            day += timedelta(days=1)
        runs.append((first, day))
        day += timedelta(days=1)
    return runs


SETTLE_DAYS = 2  # a day is snapshotted once this many days have passed (retries, quiet hours, receipts)
RECOUNT_DAYS = 7  # ... and counted again every night for a week, for the stragglers


async def snapshot_push_days(now: datetime | None = None, *, days_back: int = MAX_PERIOD_DAYS) -> int:
    """Write push_day_counts for every settled Beijing day still missing, and recount the last week's;
    return how many days were written (the nightly `snapshot-push-days` job)."""
    now = now or datetime.now(UTC)
    last = now.astimezone(BEIJING).date() - timedelta(days=SETTLE_DAYS)
    oldest = await PushRequest.all().order_by("created_at").limit(1).values_list("created_at", flat=True)
    if not oldest:
        return 0
    first = max(last - timedelta(days=days_back - 1), oldest[0].astimezone(BEIJING).date())
    done = {_as_date(day) for day in await PushDayCount.filter(
        kind=PushDayCount.DAY_MARKER, day__gte=first, day__lte=last).values_list("day", flat=True)}
    recount_from = last - timedelta(days=RECOUNT_DAYS - 1)
    written, day = 0, first
    while day <= last:
        if day not in done or day >= recount_from:
            await _snapshot_day(day, now)
            written += 1
        day += timedelta(days=1)
    return written


async def _snapshot_day(day: date, now: datetime) -> None:
    """Replace one day's counts (and its marker) in one transaction."""
    sql = Sql(connections.get("default").capabilities.dialect)
    start, end = _beijing_midnight(day), _beijing_midnight(day + timedelta(days=1))
    query = ("SELECT COALESCE(r.region_code, u.region_id, '') AS region_code, r.kind, r.status, "  # noqa: S608
             "COUNT(*) AS n FROM push_requests r LEFT JOIN users u ON u.id = r.user_id "
             f"WHERE r.created_at >= {sql.p(start)} AND r.created_at < {sql.p(end)} "
             "GROUP BY COALESCE(r.region_code, u.region_id, ''), r.kind, r.status")
    async with in_transaction() as conn:
        counts = await conn.execute_query_dict(query, sql.values)
        await PushDayCount.filter(day=day).using_db(conn).delete()
        await PushDayCount.bulk_create(
            [PushDayCount(day=day, region_code=row["region_code"], kind=row["kind"], status=row["status"],
                          n=int(row["n"]), computed_at=now) for row in counts]
            + [PushDayCount(day=day, kind=PushDayCount.DAY_MARKER, n=sum(int(row["n"]) for row in counts),
                            computed_at=now)], batch_size=1000, using_db=conn)


def _staff(scope: _Scope, sql: Sql) -> str:
    """SQL selecting the ids of the concierges whose profile region lies within the region."""
    return f"SELECT user_id FROM staff_profiles WHERE {scope.within(sql, 'region_id')}"  # noqa: S608


async def _workload_rows(scope: _Scope) -> list[dict]:
    """Return each concierge of the region with open tickets and overdue plans (all their tickets, now)."""
    sql = scope.sql()  # placeholders are taken in the order they appear: sqlite's are positional
    query = (
        "SELECT s.user_id AS concierge_id, u.name, s.region_id AS region_code, g.name AS region_name, "  # noqa: S608
        "s.capacity, s.away, "
        "COALESCE(o.n, 0) AS open_tickets, COALESCE(o.overdue, 0) AS overdue_plans "
        "FROM staff_profiles s JOIN users u ON u.id = s.user_id JOIN regions g ON g.code = s.region_id LEFT JOIN ("
        f"SELECT concierge_id, COUNT(*) AS n, SUM(CASE WHEN plan_due < {sql.p(scope.today)} THEN 1 ELSE 0 END) "
        f"AS overdue FROM tickets WHERE status IN {_q(OPEN)} AND concierge_id IN ({_staff(scope, sql)}) "
        f"GROUP BY concierge_id) o ON o.concierge_id = s.user_id WHERE u.role = '{Role.STAFF.value}' "
        f"AND {scope.within(sql, 's.region_id')} ORDER BY s.user_id")
    return await _rows(query, sql.values)


async def _response_rows(scope: _Scope) -> list[dict]:
    """Return the median minutes from assignment to first contact per concierge, for tickets assigned in the period."""
    sql = scope.sql()
    minutes = scope.minutes("t.first_contact_at", "t.assigned_at")
    # A window-function median: the middle row (odd count) or the two middle rows (even), on both dialects.
    query = (
        f"WITH r AS (SELECT t.concierge_id AS c, CASE WHEN {minutes} < 0 THEN 0 ELSE {minutes} END AS m "  # noqa: S608
        f"FROM tickets t WHERE t.concierge_id IN ({_staff(scope, sql)}) AND {scope.during(sql, 't.assigned_at')} "
        "AND t.first_contact_at IS NOT NULL), "
        "o AS (SELECT c, m, ROW_NUMBER() OVER (PARTITION BY c ORDER BY m) AS rn, "
        "COUNT(*) OVER (PARTITION BY c) AS cnt FROM r) "
        "SELECT c, AVG(m) AS median FROM o WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2) GROUP BY c")
    return await _rows(query, sql.values)


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _funnel(rows: list[dict]) -> dict[str, list[dict]]:
    reached = {(PostKind(r["kind"]), int(r["r"])): int(r["n"]) for r in rows}
    return {kind.value: [{"stage": stage.value, "label": STATUS_NAMES[stage],
                          "count": sum(n for (k, rank), n in reached.items() if k == kind and rank >= i)}
                         for i, stage in enumerate(STAGES)]
            for kind in PostKind}


def _rate(key: str, numerator: int, denominator: int) -> dict:
    info = RATE_DEFINITIONS[key]
    return {"label": info["label"], "definition": info["definition"], "numerator": numerator,
            "denominator": denominator, "value": _ratio(numerator, denominator)}


def _by_child(rows: list[dict], *, key_len: int, where: tuple[str, str] | None = None) -> dict[str, int]:
    """Sum `n` per child (the first `key_len` digits of the region code), optionally where a column has a value."""
    totals: dict[str, int] = {}
    for row in rows:
        if row["k"] is not None and (where is None or row[where[0]] == where[1]):
            key = row["k"][:key_len]
            totals[key] = totals.get(key, 0) + int(row["n"])
    return totals


def _workload(rows: list[dict], medians: list[dict]) -> list[dict]:
    median = {int(r["c"]): round(float(r["median"]), 1) for r in medians}
    return [{"concierge_id": int(r["concierge_id"]), "name": r["name"], "region_code": r["region_code"],
             "region_name": r["region_name"],
             "open_tickets": int(r["open_tickets"]), "capacity": int(r["capacity"]), "away": bool(r["away"]),
             "overdue_plans": int(r["overdue_plans"]),
             "first_response_minutes_median": median.get(int(r["concierge_id"]))} for r in rows]


def _stage_ageing(rows: list[dict]) -> list[dict]:
    counts = {s: [0, 0] for s in OPEN}
    for row in rows:
        counts[PostStatus(row["status"])][0] += int(row["n"])
        counts[PostStatus(row["status"])][1] += int(row["old"] or 0)
    return [{"stage": s.value, "label": STATUS_NAMES[s], "count": n, "over_7_days": old}
            for s, (n, old) in counts.items()]


def _push(rows: list[dict]) -> list[dict]:
    kinds: dict[str, dict[str, int]] = {}
    for row in rows:
        bucket = "pending" if row["status"] == "sending" else row["status"]  # in flight counts as pending
        counts = kinds.setdefault(row["kind"], dict.fromkeys(PUSH_BUCKETS, 0))
        counts[bucket] = counts.get(bucket, 0) + int(row["n"])
    return [{"kind": kind, **counts} for kind, counts in sorted(kinds.items())]


def _weekly(scope: _Scope, posts: list[dict], events: list[dict], pushes: list[dict]) -> list[dict]:
    """Lay the weekly counts out week by week, Monday first (the first week may start before `since`)."""
    first = scope.since - timedelta(days=scope.since.weekday())
    weeks = [{"week_start": (first + timedelta(weeks=i)).isoformat(), "posts": 0, "contacted": 0, "landed": 0,
              "pushes_sent": 0} for i in range((scope.until - first).days // 7 + 1)]
    series = [(posts, "posts", None), (events, "contacted", ("s", S.CONTACTED.value)),
              (events, "landed", ("s", S.LANDED.value)), (pushes, "pushes_sent", ("status", "sent"))]
    for rows, field, where in series:
        for row in rows:
            if where is None or row[where[0]] == where[1]:
                weeks[int(row["w"])][field] += int(row["n"])
    return weeks


def _children(kids: list[Region], found: dict[str, dict[str, int]], *, key_len: int) -> list[dict]:
    rows = []
    for kid in kids:
        get = {name: counts.get(kid.code[:key_len], 0) for name, counts in found.items()}
        rows.append({"code": kid.code, "name": kid.name, "users": get["users"], "organisations": get["orgs"],
                     "scientists": get["scientists"], "posts": get["posts"], "open_tickets": get["open"],
                     "acquisition_rate": _ratio(get["acquired"], get["orgs"]),
                     "supply_rate": _ratio(get["supplied"], get["scientists"])})
    return sorted(rows, key=lambda r: (-r["posts"], r["code"]))


async def _scope(region_code: str, *, since: date, until: date, now: datetime | None) -> _Scope:
    region = await regions.get_region(region_code)
    if since > until:
        raise ValidationFailed("开始日期不能晚于结束日期", field="since")
    if (until - since).days >= MAX_PERIOD_DAYS:
        raise ValidationFailed("统计周期不能超过一年", field="since")
    return _Scope(region, since=since, until=until, now=now or datetime.now(UTC))


async def overview(region_code: str, *, since: date, until: date, now: datetime | None = None) -> dict:
    """Return the regional dashboard for a region and a period (Beijing days, both ends included)."""
    scope = await _scope(region_code, since=since, until=until, now=now)
    kids = [] if scope.region.level == RegionLevel.COUNTY else \
        await Region.filter(parent_code=scope.region.code).order_by("code")
    (funnel, posts, users, served, tickets, events, pushes, staff, medians) = await asyncio.gather(
        _funnel_rows(scope), _post_rows(scope), _user_rows(scope), _served_rows(scope), _ticket_rows(scope),
        _event_rows(scope), _push_rows(scope), _workload_rows(scope), _response_rows(scope))
    n = scope.child_len
    found = {"users": _by_child(users, key_len=n),
             "orgs": _by_child(users, key_len=n, where=("role", Role.ORGANISATION.value)),
             "scientists": _by_child(users, key_len=n, where=("role", Role.SCIENTIST.value)),
             "posts": _by_child(posts, key_len=n), "open": _by_child(tickets, key_len=n),
             "acquired": _by_child(served, key_len=n, where=("m", "acquired")),
             "supplied": _by_child(served, key_len=n, where=("m", "supplied"))}
    total = {name: sum(counts.values()) for name, counts in found.items()}
    region = scope.region
    return {
        "region": {"code": region.code, "name": region.name, "level": region.level.value},
        "period": {"since": since.isoformat(), "until": until.isoformat()},
        "funnel": _funnel(funnel),
        "rates": {"acquisition": _rate("acquisition", total["acquired"], total["orgs"]),
                  "supply": _rate("supply", total["supplied"], total["scientists"])},
        "workload": _workload(staff, medians),
        "stage_ageing": _stage_ageing(tickets),
        "push": _push(pushes),
        "weekly": _weekly(scope, posts, events, pushes),
        "children": _children(kids, found, key_len=n),
    }


def allowed_region(viewer_region_code: str | None, requested: str) -> bool:
    """Return True when a viewer covering `viewer_region_code` may see `requested` (None: unrestricted, admins)."""
    code = regions.normalise_code(requested)
    if code is None:
        return False
    return viewer_region_code is None or regions.is_within(code, viewer_region_code)


CSV_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "funnel": [("类型", "kind"), ("类型名称", "kind_label"), ("阶段", "stage"), ("阶段名称", "label"),
               ("数量", "count")],
    "rates": [("指标", "key"), ("指标名称", "label"), ("定义", "definition"), ("分子", "numerator"),
              ("分母", "denominator"), ("比率", "value")],
    "workload": [("保姆编号", "concierge_id"), ("姓名", "name"), ("地区代码", "region_code"),
                 ("地区名称", "region_name"), ("在办服务单", "open_tickets"), ("接单上限", "capacity"),
                 ("暂停接单", "away"),
                 ("逾期计划", "overdue_plans"), ("首次响应中位数（分钟）", "first_response_minutes_median")],
    "stage_ageing": [("阶段", "stage"), ("阶段名称", "label"), ("数量", "count"), ("超过7天", "over_7_days")],
    "push": [("推送类型", "kind"), ("待发送", "pending"), ("已发送", "sent"), ("失败", "failed"),
             ("无法送达", "unreachable"), ("已取消", "cancelled")],
    "weekly": [("周起始日", "week_start"), ("新发布", "posts"), ("对接", "contacted"), ("落地", "landed"),
               ("推送成功", "pushes_sent")],
    "children": [("地区代码", "code"), ("地区名称", "name"), ("用户数", "users"), ("单位数", "organisations"),
                 ("科技工作者数", "scientists"), ("发布数", "posts"), ("在办服务单", "open_tickets"),
                 ("科技服务获取率", "acquisition_rate"), ("科技服务供给率", "supply_rate")],
}


def _records(data: dict, section: str) -> list[dict]:
    """Return a section's rows as flat dicts (the funnel and the rates are nested in the overview)."""
    if section == "funnel":
        return [{"kind": kind, "kind_label": KIND_NAMES[PostKind(kind)], **stage}
                for kind, stages in data["funnel"].items() for stage in stages]
    if section == "rates":
        return [{"key": key, **rate} for key, rate in data["rates"].items()]
    return data[section]


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "是" if value else "否"
    return "" if value is None else value


def overview_csv(data: dict, section: str) -> str:
    """Return one section of an overview as CSV text with Chinese headers (encode as utf-8-sig for Excel)."""
    if section not in CSV_COLUMNS:
        raise ValidationFailed("不支持导出该栏目", field="section")
    columns = CSV_COLUMNS[section]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([header for header, _ in columns])
    writer.writerows([_cell(row[key]) for _, key in columns] for row in _records(data, section))
    return out.getvalue()
