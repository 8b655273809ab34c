"""The nightly funnel and registration snapshots answer exactly as the all-live computation (issue 17)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from server.models import Match, MetricDayCount, MetricStaleDay, Post, Ticket, TicketEvent, User
from server.models.enums import Role
from server.services.metrics import overview, snapshots
from server.services.metrics.scope import scope_of
from tests.api.test_dashboard import NOW, SINCE, UNTIL, bj, post, world  # noqa: F401 - world is a fixture

# The province, a city and its two counties with data, and a county of another city.
CODES = ["510000", "510100", "510104", "510105", "510703"]


async def answers(*, live: bool, now: datetime = NOW) -> dict[str, dict]:
    return {code: await overview.dashboard(code, since=SINCE, until=UNTIL, now=now, live=live) for code in CODES}


async def change_counted_days() -> None:
    """Move things that count in days already counted: a ticket, a match, a person, a post's review."""
    n3 = await Post.get(title="need03050900")  # created 03-05, matched: now contacted
    ticket = await Ticket.get(post_id=n3.id)
    await TicketEvent.create(ticket=ticket, kind="status", from_status="matched", to_status="contacted",
                             created_at=bj(3, 11, 10))
    await Ticket.filter(id=ticket.id).update(status="contacted")
    await Post.filter(id=n3.id).update(status="contacted")
    n2 = await Post.get(title="need03090800")  # closed; its declined match is accepted after all
    await Match.filter(demand_id=n2.id).update(status="accepted")
    scientist = await User.filter(role=Role.SCIENTIST, region_id="510104").order_by("id").first()
    scientist.region_id = "510105"  # registered 01-01: moves county
    await scientist.save()
    citizen = await User.filter(role=Role.CITIZEN, region_id="510703").first()
    await User.filter(id=citizen.id).update(role=Role.ORGANISATION)  # becomes an organisation
    await Post.filter(title="question03100900").update(review_state="rejected")


@pytest.mark.usefixtures("world")
async def test_snapshots_answer_as_the_live_computation_across_day_boundaries() -> None:
    live = await answers(live=True)
    # On 03-12 01:00 the days up to 03-11 are counted; the rest of the period is read live.
    assert await snapshots.snapshot_metric_days(bj(3, 12, 1)) == 70  # 01-01 (the first person) .. 03-11
    assert not await MetricStaleDay.filter(day__lte=date(2026, 3, 11)).exists()  # later days stay noted
    assert await answers(live=False) == live

    await change_counted_days()
    changed = await answers(live=True)
    assert changed != live
    assert await answers(live=False) == changed  # the changed days are read live until counted again

    # The next night counts 03-12 .. 03-19 and the stale days again; the answer stays the same.
    assert await snapshots.snapshot_metric_days(NOW) >= 8
    assert not await MetricStaleDay.filter(day__lte=date(2026, 3, 19)).exists()
    assert await answers(live=False) == changed


@pytest.mark.usefixtures("world")
async def test_a_fully_counted_period_reads_the_funnel_from_the_snapshot() -> None:
    await snapshots.snapshot_metric_days(NOW)
    scope = await scope_of("510000", since=SINCE, until=UNTIL, now=NOW)
    cover = await snapshots.coverage(scope)
    assert not {day for days in cover.stale.values() for day in days if day <= date(2026, 3, 19)}
    assert len(cover.funnel) == 12
    assert all(row["k"] is None for row in await snapshots.funnel_rows(scope, cover))  # no live query
    assert await MetricDayCount.filter(metric="people_total").exclude(key="*").count() > 0


@pytest.mark.usefixtures("world")
async def test_a_change_to_a_counted_day_marks_that_day_stale() -> None:
    await snapshots.snapshot_metric_days(NOW)
    n1 = await Post.get(title="need03040700")
    await Post.filter(id=n1.id).update(status="closed")
    stale = await MetricStaleDay.filter(day__lte=date(2026, 3, 19)).values_list("metric", "day")
    assert {(metric, str(day)) for metric, day in stale} == {("funnel", "2026-03-04")}


async def test_the_snapshot_job_counts_nothing_on_an_empty_database(settings, redis):
    assert await snapshots.snapshot_metric_days(NOW) == 0
