"""The dashboard's snapshots of settled Beijing days (besides push_day_counts)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class MetricDayCount(Model):
    """One figure's count for one Beijing day, region code and key, as the nightly `snapshot-metric-days` job
    counted it.

    Metrics: `funnel` (posts created that day, key "kind:rank" = the furthest stage reached when counted),
    `people` (people registered that day, key = role) and `people_total` (people registered by the end of
    the day, key = role; kept for the last counted day only); on the ticket side (metrics/ticket_days.py)
    `matches` (matches proposed that day, by the demand's region), `events` (timeline steps to a status that
    day, key = the status), `opened` (tickets opened that day), `settled` (tickets whose first landing or
    closing counts that day) and `tickets_total` (tickets open at the end of the day, key "open"). A row
    with key DAY_MARKER and no region says the day is complete. Database triggers note in metric_stale_days
    every later change that could alter a counted day (migrations 10, 12); such a day is read live until it
    is counted again.
    """

    DAY_MARKER = "*"

    id = fields.BigIntField(primary_key=True)
    metric = fields.CharField(max_length=16)
    day = fields.DateField()
    region_code = fields.CharField(max_length=12, default="")
    key = fields.CharField(max_length=32)
    n = fields.IntField()
    computed_at = fields.DatetimeField()

    class Meta:
        table = "metric_day_counts"
        unique_together = (("metric", "day", "region_code", "key"),)


class MetricDayMember(Model):
    """One member of one Beijing day's set, for the figures that count distinct members over a period (the
    organisations served, the scientists supplying, the tickets finished): a period's count is the number of
    distinct members over its days' sets (metrics/definitions.py, DISTINCT_COUNTS).

    `key` is the member's role (people) or empty (tickets); `registered` the Beijing day a person registered
    (a period counts only the people registered by its end).
    """

    id = fields.BigIntField(primary_key=True)
    metric = fields.CharField(max_length=16)
    day = fields.DateField()
    region_code = fields.CharField(max_length=12, default="")
    key = fields.CharField(max_length=32, default="")
    member_id = fields.IntField()
    registered = fields.DateField(null=True)

    class Meta:
        table = "metric_day_members"
        unique_together = (("metric", "day", "member_id"),)
        indexes = (("member_id", "metric"),)


class MetricStaleDay(Model):
    """A counted day that changed since it was counted (written by database triggers only, one row per change)."""

    id = fields.BigIntField(primary_key=True)
    metric = fields.CharField(max_length=16)
    day = fields.DateField()

    class Meta:
        table = "metric_stale_days"
        indexes = (("metric", "day"),)


class TicketOpenCount(Model):
    """A change to the number of open tickets (published .. signed) of one region and stage, or of one concierge,
    written only by database triggers on tickets (migration 14): +1 when a ticket comes into a (region, stage) or a
    concierge's load, -1 when it leaves. The sum per key is the count now (metrics/tickets.py reads it for the
    stage ageing and the workload); the rows are only inserted, so no two tickets wait on one counter row, and
    the `fold-open-counts` job folds them into one row per key every few minutes.

    A region's rows have concierge_id 0; a concierge's rows have an empty region_code and status.
    """

    id = fields.BigIntField(primary_key=True)
    region_code = fields.CharField(max_length=12, default="")
    status = fields.CharField(max_length=16, default="")
    concierge_id = fields.IntField(default=0)
    n = fields.IntField()

    class Meta:
        table = "ticket_open_counts"
        indexes = (("region_code", "status"), ("concierge_id",))
