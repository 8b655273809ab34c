"""The open-ticket counters (ticket_open_counts, kept by database triggers) always equal a live count of the
open tickets per region and stage and per concierge: after opening, every kind of stage move, a hand-over,
a disabled concierge's tickets moving on, closing, a withdrawn post, a direct update and a delete; folding
and recounting keep the sums; and the dashboard's figures that read them equal the tickets."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tortoise import connections

from server.models import Post, StaffProfile, Ticket, TicketOpenCount, User
from server.models.enums import PostStatus, Role
from server.services import staff_accounts
from server.services.metrics import tickets as ticket_figures
from server.services.metrics.scope import Area
from server.tickets import assignment, lifecycle
from server.tickets.stages import OPEN
from tests.factories import create_post, login_as, make_user

S = PostStatus
OPEN_SQL = "(" + ", ".join(f"'{s.value}'" for s in OPEN) + ")"


async def _rows(query: str) -> list[dict]:
    return await connections.get("default").execute_query_dict(query)


async def live() -> tuple[dict, dict]:
    """The open tickets per (region, stage) and per concierge, counted from the tickets."""
    stages = await _rows(f"SELECT region_id AS k, status, COUNT(*) AS n FROM tickets WHERE status IN {OPEN_SQL} "  # noqa: S608
                         "GROUP BY region_id, status")
    people = await _rows(f"SELECT concierge_id AS c, COUNT(*) AS n FROM tickets WHERE status IN {OPEN_SQL} "  # noqa: S608
                         "AND concierge_id IS NOT NULL GROUP BY concierge_id")
    return ({(r["k"], r["status"]): int(r["n"]) for r in stages}, {int(r["c"]): int(r["n"]) for r in people})


async def counted() -> tuple[dict, dict]:
    """The same from the counters' sums (keys summing to 0 left out)."""
    stages = await _rows("SELECT region_code AS k, status, SUM(n) AS n FROM ticket_open_counts WHERE concierge_id = 0 "
                         "GROUP BY region_code, status")
    people = await _rows("SELECT concierge_id AS c, SUM(n) AS n FROM ticket_open_counts WHERE concierge_id <> 0 "
                         "GROUP BY concierge_id")
    return ({(r["k"], r["status"]): int(r["n"]) for r in stages if int(r["n"])},
            {int(r["c"]): int(r["n"]) for r in people if int(r["n"])})


async def assert_counts_equal_the_tickets(expected_open: int) -> None:
    stages, people = await live()
    assert sum(stages.values()) == expected_open
    assert await counted() == (stages, people)


async def concierge(name: str, region: str) -> User:
    user = await make_user(Role.STAFF, name=name, region_id=region)
    await StaffProfile.create(user=user, region_id=region)
    return user


async def test_the_counters_follow_every_change_of_a_ticket(client):
    first, second = await concierge("屏山保姆甲", "511529"), await concierge("屏山保姆乙", "511529")
    headers, poster = await login_as(client, "counted-poster")
    posts = [await create_post(client, headers, region_code="511529", title=f"第{i + 1}个李园土壤酸化求助")
             for i in range(5)]
    tickets = [await Ticket.get(post_id=p["id"]) for p in posts]
    assert {t.concierge_id for t in tickets} <= {first.id, second.id}
    assert all(t.concierge_id for t in tickets)
    await assert_counts_equal_the_tickets(5)

    # every stage move of the lifecycle, each from the concierge who holds the ticket
    a = tickets[0]
    holder = await User.get(id=a.concierge_id)
    for stage in (S.MATCHED, S.CONTACTED, S.NEGOTIATING, S.SIGNED):
        await lifecycle.advance(ticket_id=a.id, staff=holder, to=stage)
        await assert_counts_equal_the_tickets(5)
    await lifecycle.advance(ticket_id=a.id, staff=holder, to=S.LANDED)  # landed: no longer open
    await assert_counts_equal_the_tickets(4)

    b = tickets[1]
    await lifecycle.advance(ticket_id=b.id, staff=await User.get(id=b.concierge_id), to=S.CONTACTED)  # skips matched
    await lifecycle.close(ticket_id=b.id, staff=await User.get(id=b.concierge_id), reason="需求方已自行解决")
    await assert_counts_equal_the_tickets(3)

    # a hand-over moves the ticket between the concierges' loads, not between stages
    c = await Ticket.get(id=tickets[2].id)
    other = second if c.concierge_id == first.id else first
    await assignment.hand_over(ticket_id=c.id, staff=await User.get(id=c.concierge_id), to=other, note="休假前交接")
    await assert_counts_equal_the_tickets(3)
    assert (await counted())[1].get(other.id, 0) >= 1

    # the author withdraws a post: its ticket closes with it
    d = await Post.get(id=posts[3]["id"])
    await lifecycle.close_post(post=d, reason="作者撤回", actor=poster)
    await assert_counts_equal_the_tickets(2)

    # a disabled concierge's open tickets go to the colleague, or to nobody when there is none
    admin = await make_user(Role.ADMIN, name="counted-admin")
    await staff_accounts.disable(admin=admin, user_id=first.id)
    await assert_counts_equal_the_tickets(2)
    await staff_accounts.disable(admin=admin, user_id=second.id)
    await assert_counts_equal_the_tickets(2)
    assert (await counted())[1] == {}  # nobody holds an open ticket now

    # direct writes (the demo history, an operator's fix) and a delete are counted by the triggers too
    e = tickets[4]
    await Ticket.filter(id=e.id).update(region_id="511500", status=S.NEGOTIATING.value, concierge_id=admin.id)
    await assert_counts_equal_the_tickets(2)
    await Ticket.filter(id=e.id).update(status=S.CLOSED.value)
    await assert_counts_equal_the_tickets(1)
    await Ticket.filter(id=e.id).update(status=S.PUBLISHED.value)  # reopened by hand
    await assert_counts_equal_the_tickets(2)
    await Ticket.filter(id=e.id).delete()
    await assert_counts_equal_the_tickets(1)

    # folding and recounting change the rows, never the sums
    before = await counted()
    rows_before = await TicketOpenCount.all().count()
    left = await ticket_figures.fold_open_counts()
    assert left == await TicketOpenCount.all().count() < rows_before
    assert await counted() == before
    await ticket_figures.recount_open_tickets()
    assert await counted() == before
    await assert_counts_equal_the_tickets(1)


async def test_the_dashboard_figures_from_the_counters_equal_the_tickets(client):
    """Stage ageing per bucket and the workload with overdue plans, against the tickets read one by one."""
    staff = await concierge("宜宾保姆", "511500")
    headers, _ = await login_as(client, "ageing-poster")
    now = datetime.now(UTC)
    today = date(2026, 12, 3)
    ages = [timedelta(hours=2), timedelta(days=2), timedelta(days=5), timedelta(days=20), timedelta(days=90),
            timedelta(days=400)]
    stages = [S.PUBLISHED, S.MATCHED, S.CONTACTED, S.NEGOTIATING, S.SIGNED, S.CONTACTED]
    dues = [None, today - timedelta(days=1), today, today + timedelta(days=3), today - timedelta(days=30), None]
    for i, (age, stage, due) in enumerate(zip(ages, stages, dues, strict=True)):
        post = await create_post(client, headers, region_code="511502" if i % 2 else "511503",
                                 title=f"第{i + 1}个茶园病虫害求助")
        await Ticket.filter(post_id=post["id"]).update(status=stage.value, stage_since=now - age, plan_due=due,
                                                       concierge_id=staff.id)
    landed = await create_post(client, headers, region_code="511502", title="已落地的茶园求助")
    await Ticket.filter(post_id=landed["id"]).update(status=S.LANDED.value, concierge_id=staff.id,
                                                     plan_due=today - timedelta(days=9))

    expected: dict[tuple[str, str, str], int] = {}
    for ticket in await Ticket.filter(status__in=OPEN):
        age = now - ticket.stage_since
        bucket = ("lt_1d" if age < timedelta(days=1) else "1_3d" if age < timedelta(days=3) else
                  "3_7d" if age < timedelta(days=7) else "7_30d" if age < timedelta(days=30) else "gt_30d")
        key = (ticket.region_id, ticket.status.value, bucket)
        expected[key] = expected.get(key, 0) + 1
    found = await ticket_figures.stage_age_rows(Area.of("511500"), now=now)
    assert {(r["k"], r["status"], r["age"]): r["n"] for r in found} == expected
    assert sum(expected.values()) == 6
    # the dashboard's all-live mode counts the open tickets themselves: the same answer (the benchmark's check)
    live = await ticket_figures.stage_age_rows(Area.of("511500"), now=now, live=True)
    assert sorted(live, key=lambda r: (r["k"], r["status"], r["age"])) == sorted(
        found, key=lambda r: (r["k"], r["status"], r["age"]))
    assert (await ticket_figures.workload_rows(Area.of("511500"), today=today, live=True)
            == await ticket_figures.workload_rows(Area.of("511500"), today=today))

    await ticket_figures.fold_open_counts()  # the same answer from folded rows
    assert {(r["k"], r["status"], r["age"]): r["n"]
            for r in await ticket_figures.stage_age_rows(Area.of("511500"), now=now)} == expected

    load = {r["concierge_id"]: r for r in await ticket_figures.workload_rows(Area.of("511500"), today=today)}
    assert load[staff.id]["open_tickets"] == 6
    assert load[staff.id]["overdue_plans"] == 2  # due yesterday and a month ago; today's is not late, landed not open
    assert (await ticket_figures.workload_rows(Area.of("510100"), today=today)) == []  # nobody in 成都
