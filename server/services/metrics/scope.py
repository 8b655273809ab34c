"""The region and period one answer covers, and the SQL fragments that depend on them.

Region filters are code ranges (510000 -> '510000'..'519999', 510100 -> '510100'..'510199', a county
exact), which btree indexes serve under any collation. Days are Beijing days (Asia/Shanghai, UTC+8, no
DST): a period runs from `since` 00:00 to the end of `until`, both in Beijing time. Every timestamp
parameter is sent in UTC: sqlite compares the stored ISO text as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tortoise import connections

from server.errors import ValidationFailed
from server.models import Region
from server.models.enums import RegionLevel
from server.push.audience import Sql
from server.services import regions

BEIJING = ZoneInfo("Asia/Shanghai")
MAX_PERIOD_DAYS = 366
Span = tuple[datetime, datetime]  # [start, end) in UTC


def beijing_midnight(day: date) -> datetime:
    """Return the UTC moment a Beijing day starts."""
    return datetime.combine(day, time.min, BEIJING).astimezone(UTC)


def day_span(first: date, last: date) -> Span:
    """Return the UTC span of the Beijing days first..last (both included)."""
    return beijing_midnight(first), beijing_midnight(last + timedelta(days=1))


def as_date(value: date | str) -> date:
    """Return a DateField value as a date (sqlite hands back text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def runs_of(days: list[date]) -> list[tuple[date, date]]:
    """Return the runs of consecutive days in a sorted list, as (first, last) pairs."""
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def dialect() -> str:
    """Return the default connection's SQL dialect (postgres or sqlite)."""
    return connections.get("default").capabilities.dialect


async def rows(query: str, values: list[object]) -> list[dict]:
    """Run one aggregate query and return its rows as dicts.

    On PostgreSQL as an unnamed statement, planned for its values every time. A cached (named) statement, as
    tortoise sends it, switches to PostgreSQL's generic plan after five runs on a pooled connection; that plan
    cannot see how wide the region range or the period is, and chose nested loops over thousands of rows (the
    province's workload 30 -> 213 ms, its distinct members 16 -> 32 ms). Planning a statement costs well
    under a millisecond here. The statement is logged like every other (count_statements sees it).
    """
    client = connections.get("default")
    if client.capabilities.dialect != "postgres":
        return await client.execute_query_dict(query, values)
    async with client.acquire_connection() as connection:
        client.log.debug("%s: %s", query, values)
        statement = await connection.prepare(query, name="")
        return [dict(row) for row in await statement.fetch(*values)]


@dataclass(frozen=True)
class Area:
    """A range of region codes (None: everywhere, for the admin API and the nightly snapshots)."""

    low: str | None = None
    high: str | None = None

    @classmethod
    def of(cls, code: str | None) -> Area:
        if code is None:
            return cls()
        prefix = regions.prefix_of(code)
        return cls(prefix.ljust(6, "0"), prefix.ljust(6, "9"))

    def within(self, sql: Sql, column: str) -> str:
        """SQL true when `column` (a region code) lies within the area: a range a btree index serves."""
        if self.low is None:
            return "1 = 1"
        if self.low == self.high:
            return f"{column} = {sql.p(self.low)}"
        return f"{column} BETWEEN {sql.p(self.low)} AND {sql.p(self.high)}"


class Scope:
    """The region and period one overview covers; `live` reads every figure live (no snapshot)."""

    def __init__(self, region: Region | None, *, since: date, until: date, now: datetime,
                 live: bool = False) -> None:
        self.region, self.since, self.until, self.now, self.live = region, since, until, now.astimezone(UTC), live
        self.start, self.end = day_span(since, until)
        self.today = now.astimezone(BEIJING).date()
        monday = since - timedelta(days=since.weekday())
        self.first_monday = beijing_midnight(monday)
        self.dialect = dialect()
        self.area = Area.of(region.code if region else None)
        # Rows are grouped by the full region code; a code's first 4 digits name its city, all 6 its county.
        self.child_len = 4 if region is None or region.level == RegionLevel.PROVINCE else 6

    def sql(self) -> Sql:
        return Sql(self.dialect)

    def within(self, sql: Sql, column: str) -> str:
        return self.area.within(sql, column)

    def during(self, sql: Sql, column: str, spans: list[Span] | None = None) -> str:
        """SQL true when `column` (a timestamp) falls within the period, or within any of `spans`."""
        spans = [(self.start, self.end)] if spans is None else spans
        if not spans:
            return "1 = 0"
        parts = [f"({column} >= {sql.p(start)} AND {column} < {sql.p(end)})" for start, end in spans]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def week(self, sql: Sql, column: str) -> str:
        """SQL for the number of the Beijing week (0 = the one containing `since`) a timestamp falls in.

        Plain arithmetic from the first Monday's midnight: a time-zone conversion per row costs more than
        the rest of the query on the push table.
        """
        if self.dialect == "postgres":
            start = sql.p(self.first_monday.timestamp())
            return f"CAST(floor((date_part('epoch', {column}) - {start}) / 604800) AS int)"
        return f"CAST((julianday({column}) - julianday({sql.p(self.first_monday)})) / 7 AS INTEGER)"

    def day_week(self, sql: Sql, column: str) -> str:
        """SQL for the number of the Beijing week (0 = the one containing `since`) a date column falls in."""
        monday = self.since - timedelta(days=self.since.weekday())
        if self.dialect == "postgres":
            return f"(({column} - {sql.p(monday)}::date) / 7)"
        return f"CAST((julianday({column}) - julianday({sql.p(monday.isoformat())})) / 7 AS INTEGER)"

    def minutes(self, later: str, earlier: str) -> str:
        if self.dialect == "postgres":
            return f"EXTRACT(EPOCH FROM ({later} - {earlier})) / 60.0"
        return f"(julianday({later}) - julianday({earlier})) * 1440.0"


async def scope_of(region_code: str, *, since: date, until: date, now: datetime | None = None,
                   live: bool = False) -> Scope:
    """Return the scope of a region and period, refusing unknown regions and periods over a year."""
    region = await regions.get_region(region_code)
    if since > until:
        raise ValidationFailed("开始日期不能晚于结束日期", field="since")
    if (until - since).days >= MAX_PERIOD_DAYS:
        raise ValidationFailed("统计周期不能超过一年", field="since")
    return Scope(region, since=since, until=until, now=now or datetime.now(UTC), live=live)
