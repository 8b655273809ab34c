"""The ticket side of the dashboard (matches, weekly steps, services obtained and given, tickets finished and open)
read from the nightly day snapshots answers exactly as the all-live computation, for the province, cities and
counties, over a period that includes today, and after edits to counted days (issue 17)."""

from __future__ import annotations

from datetime import date

import pytest

from server.models import Match, MetricDayCount, MetricDayMember, MetricStaleDay, Post, Ticket, TicketEvent, User
from server.models.enums import Role
from server.services.metrics import overview, snapshots, ticket_days
from server.services.metrics.scope import scope_of
from tests.api.test_dashboard import bj, match, post, ticket, world  # noqa: F401 - world is a fixture

CODES = ["510000", "510100", "510104", "510105", "510700", "510703"]
SINCE, TODAY = date(2026, 3, 4), date(2026, 3, 20)
NOW = bj(3, 20, 15)  # the period ends today: today is read live
COUNTED = bj(3, 20, 1)  # the night's job has counted every day up to 03-19


async def answers(*, live: bool, since: date = SINCE, until: date = TODAY) -> dict[str, dict]:
    return {code: await overview.dashboard(code, since=since, until=until, now=NOW, live=live) for code in CODES}


async def add_today() -> None:
    """Things of today: a need served and finished, a match proposed, a ticket opened."""
    org = await User.filter(role=Role.ORGANISATION, region_id="510105").first()
    k1 = await User.get(name="锦江保姆")
    need = await post("need", org, "510105", bj(3, 20, 9))
    await ticket(need, k1, assigned=bj(3, 20, 9), steps=(("contacted", bj(3, 20, 10)), ("landed", bj(3, 20, 11))))
    offer = await Post.get(title="offer03050900")
    await match(need, offer, accepted=True)


async def edit_counted_days() -> None:
    """Change things that count in days already counted (all before today)."""
    n2 = await Post.get(title="need03090800")  # closed on 03-11; reopened and landed on 03-14 after all
    t2 = await Ticket.get(post_id=n2.id)
    await TicketEvent.create(ticket=t2, kind="status", from_status="closed", to_status="landed", created_at=bj(3, 14))
    await Match.filter(demand_id=n2.id).update(status="accepted")  # its scientist now supplied it
    n3 = await Post.get(title="need03050900")  # Mianyang's matched need: contacted on 03-11, moved to Chengdu
    t3 = await Ticket.get(post_id=n3.id)
    await TicketEvent.create(ticket=t3, kind="status", from_status="matched", to_status="contacted",
                             created_at=bj(3, 11, 10))
    t3.region_id = "510104"
    await t3.save(update_fields=["region_id"])
    n4 = await Post.get(title="need02200900", region_id="510105")  # served on 03-06: its organisation moves county
    await User.filter(id=n4.author_id).update(region_id="510104")
    await Match.create(demand=n3, supply_post=await Post.get(title="offer03040900"), origin_post_id=n3.id,
                       score=0.5, method="doc2vec", rank=2, status="proposed", created_at=bj(3, 8))


@pytest.mark.usefixtures("world")
async def test_the_ticket_side_from_snapshots_equals_the_live_computation_through_edits() -> None:
    await add_today()
    live = await answers(live=True)
    assert await snapshots.snapshot_metric_days(COUNTED) > 0
    assert await MetricDayMember.filter(metric=ticket_days.ACQUIRED).exists()
    assert await answers(live=False) == live

    await edit_counted_days()
    stale = await MetricStaleDay.filter(metric=ticket_days.TICKETS, day__lt=TODAY).values_list("day", flat=True)
    assert {date(2026, 3, 11), date(2026, 3, 14), date(2026, 3, 6), date(2026, 3, 8)} <= {
        date.fromisoformat(str(day)[:10]) for day in stale}
    changed = await answers(live=True)
    assert changed != live
    assert await answers(live=False) == changed  # the stale days are read live

    assert await snapshots.snapshot_metric_days(bj(3, 20, 2)) > 0  # counted again: nothing stale before today
    assert not await MetricStaleDay.filter(day__lt=TODAY).exists()
    assert await answers(live=False) == changed


@pytest.mark.usefixtures("world")
async def test_a_settled_previous_period_and_a_period_ending_before_the_last_count_read_the_snapshots() -> None:
    await add_today()
    await snapshots.snapshot_metric_days(COUNTED)
    # A counted day between the period's end and the last count changes: registered on 03-18, now a scientist.
    await User.filter(role=Role.ORGANISATION, created_at__gte=bj(3, 18, 0)).update(role=Role.SCIENTIST)
    assert await MetricStaleDay.filter(metric="people", day=date(2026, 3, 18)).exists()
    # 03-04 .. 03-12: the cards' previous period is 02-23 .. 03-03; registrations and open tickets are walked back
    # from the totals of 03-19 over the counted days.
    for since, until in ((SINCE, date(2026, 3, 12)), (date(2026, 3, 13), TODAY), (TODAY, TODAY)):
        assert await answers(live=False, since=since, until=until) == await answers(live=True, since=since,
                                                                                      until=until)


@pytest.mark.usefixtures("world")
async def test_an_organisation_served_on_several_days_counts_once() -> None:
    await snapshots.snapshot_metric_days(COUNTED)
    scope = await scope_of("510104", since=SINCE, until=date(2026, 3, 15), now=NOW)
    days = (await snapshots.coverage(scope)).ticket_days(scope)
    assert days.counted and not days.live
    found = await ticket_days.member_rows(scope, days)
    # org_a's need was served on 03-05, 03-06, 03-10 and 03-12, org_b's on 03-10: two organisations.
    assert sum(r["n"] for r in found if r["m"] == ticket_days.ACQUIRED) == 2
    assert await MetricDayMember.filter(metric=ticket_days.ACQUIRED, region_code="510104").count() == 5


@pytest.mark.usefixtures("world")
async def test_a_person_changing_role_marks_the_days_of_their_sets_stale() -> None:
    await snapshots.snapshot_metric_days(COUNTED)
    n1 = await Post.get(title="need03040700")
    await User.filter(id=n1.author_id).update(role=Role.CITIZEN)
    stale = await MetricStaleDay.filter(metric=ticket_days.TICKETS, day__lt=TODAY).values_list("day", flat=True)
    assert {date.fromisoformat(str(day)[:10]) for day in stale} == {
        date(2026, 3, 5), date(2026, 3, 6), date(2026, 3, 10), date(2026, 3, 12)}


@pytest.mark.usefixtures("world")
async def test_the_open_ticket_totals_count_the_tickets_open_at_the_end_of_the_last_counted_day() -> None:
    await snapshots.snapshot_metric_days(COUNTED)
    totals = await MetricDayCount.filter(metric=ticket_days.TICKETS_TOTAL).exclude(key="*").values_list(
        "day", "region_code", "n")
    # n1 landed and n2 closed: the other six tickets (n5 opened 03-16) are open at the end of 03-19.
    assert sum(n for _day, _code, n in totals) == 6
    assert {str(day)[:10] for day, _code, _n in totals} == {"2026-03-19"}
