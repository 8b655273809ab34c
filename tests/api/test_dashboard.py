"""Regional dashboard figures (issue 7): exact numbers on a small known dataset."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from server.errors import ValidationFailed
from server.models import Match, Post, PushDayCount, PushRequest, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import Role
from server.services.metrics import export, overview, snapshots
from server.services.metrics.definitions import RATE_DEFINITIONS
from tests.factories import make_user

BJ = ZoneInfo("Asia/Shanghai")
SINCE, UNTIL = date(2026, 3, 4), date(2026, 3, 15)  # a Wednesday to a Sunday: weeks of 03-02 and 03-09
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=BJ)
EARLY = datetime(2026, 1, 1, 9, 0, tzinfo=BJ)


def bj(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A Beijing wall-clock moment in 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=BJ)


async def person(role: Role, region: str, *, joined: datetime = EARLY, name: str = "") -> User:
    user = await make_user(role, region_id=region, created_at=joined, **({"name": name} if name else {}))
    return user


async def post(kind: str, author: User, region: str, created: datetime, *, status: str = "published",
               review: str = "passed") -> Post:
    return await Post.create(kind=kind, title=f"{kind}{created:%m%d%H%M}", body="正文", region_id=region,
                             author=author, status=status, review_state=review, created_at=created)


async def ticket(of: Post, concierge: User, *, assigned: datetime, steps: tuple[tuple[str, datetime], ...] = (),
                 status: str | None = None, plan_due: date | None = None) -> Ticket:
    """A ticket with its timeline: opened at the post's creation, then each (to_status, at) step."""
    current = status or (steps[-1][0] if steps else "published")
    contact = next((at for to, at in steps if to == "contacted"), None)
    since = steps[-1][1] if steps else of.created_at
    row = await Ticket.create(post=of, poster_id=of.author_id, concierge=concierge, region_id=of.region_id,
                              status=current, assigned_at=assigned, first_contact_at=contact, stage_since=since,
                              plan_due=plan_due, created_at=of.created_at)
    await TicketEvent.create(ticket=row, kind="opened", to_status="published", created_at=of.created_at)
    previous = "published"
    for to, at in steps:
        kind = "closed" if to == "closed" else "status"
        await TicketEvent.create(ticket=row, kind=kind, from_status=previous, to_status=to, created_at=at)
        previous = to
    return row


async def match(demand: Post, offer: Post, *, accepted: bool) -> Match:
    return await Match.create(demand=demand, supply_post=offer, origin_post_id=demand.id, score=0.9, method="doc2vec",
                              rank=1, status="accepted" if accepted else "proposed")


async def push(kind: str, cause: str, user: User, status: str, at: datetime, region: str | None) -> None:
    await PushRequest.create(kind=kind, cause=cause, user=user, status=status, region_code=region, created_at=at)


@pytest.fixture
async def world(settings, redis) -> dict:
    """Chengdu 锦江区 510104 / 青羊区 510105, Mianyang 涪城区 510703, one outsider in Beijing."""
    org_a, org_b = await person(Role.ORGANISATION, "510104"), await person(Role.ORGANISATION, "510104")
    org_q = await person(Role.ORGANISATION, "510105")
    org_m = await person(Role.ORGANISATION, "510703")
    await person(Role.ORGANISATION, "510104", joined=bj(3, 18))  # registered after the period
    sci_1, sci_2 = await person(Role.SCIENTIST, "510104"), await person(Role.SCIENTIST, "510104")
    sci_3 = await person(Role.SCIENTIST, "510703")
    cit_1, cit_2 = await person(Role.CITIZEN, "510104"), await person(Role.CITIZEN, "510703")
    outsider = await person(Role.ORGANISATION, "110101")
    k1 = await person(Role.STAFF, "510104", name="锦江保姆")
    k2 = await person(Role.STAFF, "510700", name="绵阳保姆")
    k0 = await person(Role.STAFF, "510000", name="省级保姆")
    await StaffProfile.create(user=k1, region_id="510104", capacity=10)
    await StaffProfile.create(user=k2, region_id="510700", capacity=5, away=True)
    await StaffProfile.create(user=k0, region_id="510000")

    n1 = await post("need", org_a, "510104", bj(3, 4, 7), status="landed")  # 03-03 23:00 UTC: a Beijing 03-04
    n2 = await post("need", org_b, "510104", bj(3, 9, 8), status="closed")
    n3 = await post("need", org_m, "510703", bj(3, 5), status="matched")
    n4 = await post("need", org_q, "510105", bj(2, 20), status="contacted")  # before the period
    n5 = await post("need", org_a, "510104", bj(3, 16))  # after the period
    n6 = await post("need", org_m, "510703", bj(2, 20), status="contacted")
    await post("need", org_b, "510104", bj(3, 3, 23, 30))  # 03-03 in Beijing, 03-03 15:30 UTC: outside
    await post("need", org_b, "510104", bj(3, 6), review="rejected")
    await post("need", outsider, "110101", bj(3, 6))
    q1 = await post("question", cit_1, "510104", bj(3, 10))
    q2 = await post("question", cit_2, "510703", bj(3, 12), status="closed")  # expired: ticket stays contacted
    o1 = await post("offer", sci_1, "510104", bj(3, 4))
    o2 = await post("offer", sci_2, "510104", bj(3, 5))
    o3 = await post("offer", sci_3, "510703", bj(3, 6))

    await ticket(n1, k1, assigned=bj(3, 4, 8), steps=[("contacted", bj(3, 5, 10)), ("negotiating", bj(3, 6)),
                                                      ("signed", bj(3, 10)), ("landed", bj(3, 12))])
    await ticket(n2, k1, assigned=bj(3, 9, 9), plan_due=date(2026, 3, 1),
                 steps=[("contacted", bj(3, 10, 9, 30)), ("closed", bj(3, 11))])
    await ticket(n3, k2, assigned=bj(3, 5, 10), plan_due=date(2026, 3, 25))
    await ticket(n4, k1, assigned=bj(2, 20), plan_due=date(2026, 3, 19), steps=[("contacted", bj(3, 6))])
    await ticket(n5, k1, assigned=bj(3, 16))
    await ticket(n6, k2, assigned=bj(2, 20), plan_due=date(2026, 3, 1), steps=[("contacted", bj(2, 25))])
    await ticket(q1, k1, assigned=bj(3, 10, 10), plan_due=date(2026, 3, 20))
    await ticket(q2, k2, assigned=bj(3, 12, 10), steps=[("contacted", bj(3, 13, 15))])

    await match(n1, o1, accepted=True)
    await match(n4, o1, accepted=True)
    await match(n2, o2, accepted=False)
    await match(n3, o3, accepted=True)

    await push("emergency", "e1", cit_1, "sent", bj(3, 4), "510104")
    await push("emergency", "e1", org_a, "failed", bj(3, 4), "510104")
    await push("emergency", "e1", cit_2, "unreachable", bj(3, 4), "510703")
    await push("emergency", "e2", sci_3, "sent", bj(3, 10), "510703")
    await push("emergency", "e3", cit_1, "cancelled", bj(3, 12), "510104")
    await push("emergency", "e0", cit_1, "sent", bj(3, 1), "510104")  # before the period
    await push("emergency", "e4", cit_1, "sent", bj(3, 11), "510703")  # fanned out while cit_1 was in Mianyang
    await push("emergency", "e1", outsider, "sent", bj(3, 4), "110101")
    await push("match_found", "m1", sci_1, "pending", bj(3, 5), None)
    await push("match_found", "m2", sci_3, "sending", bj(3, 6), None)
    await push("followup_reminder", "f1", k1, "sent", bj(3, 5), None)
    return {"k1": k1, "k2": k2, "k0": k0}


async def view(code: str) -> dict:
    return await overview.overview(code, since=SINCE, until=UNTIL, now=NOW)


def counts(stages: list[dict]) -> list[int]:
    return [s["count"] for s in stages]


async def test_funnel_counts_posts_by_the_furthest_stage_reached(world):
    funnel = (await view("510000"))["funnel"]
    assert [s["label"] for s in funnel["need"]] == ["发布", "匹配", "对接", "洽谈", "签约", "落地"]
    assert counts(funnel["need"]) == [3, 3, 2, 1, 1, 1]  # the closed need counts as far as its contact
    assert counts(funnel["question"]) == [2, 1, 1, 0, 0, 0]  # the expired question had been contacted
    assert counts(funnel["offer"]) == [3, 2, 1, 1, 1, 1]  # an offer goes as far as its accepted need
    city = (await view("510100"))["funnel"]
    assert counts(city["need"]) == [2, 2, 2, 1, 1, 1]
    assert counts(city["question"]) == [1, 0, 0, 0, 0, 0]
    assert counts(city["offer"]) == [2, 1, 1, 1, 1, 1]


async def test_rates_follow_their_definitions(world):
    rates = (await view("510000"))["rates"]
    assert rates["acquisition"] | {"definition": ""} == {
        "label": "科技服务获取率", "definition": "", "numerator": 3, "denominator": 4, "value": 0.75}
    assert rates["acquisition"]["definition"] == RATE_DEFINITIONS["acquisition"]["definition"]
    assert (rates["supply"]["label"], rates["supply"]["numerator"], rates["supply"]["denominator"],
            rates["supply"]["value"]) == ("科技服务供给率", 1, 3, 0.3333)
    city = (await view("510100"))["rates"]
    assert [(r["numerator"], r["denominator"], r["value"]) for r in city.values()] == [(3, 3, 1.0), (1, 2, 0.5)]
    county = (await view("510104"))["rates"]
    assert [(r["numerator"], r["denominator"], r["value"]) for r in county.values()] == [(2, 2, 1.0), (1, 2, 0.5)]


async def test_province_children_are_cities_ranked_by_posts(world):
    data = await view("510000")
    assert data["region"] == {"code": "510000", "name": "四川省", "level": "province"}
    assert data["period"] == {"since": "2026-03-04", "until": "2026-03-15"}
    children = data["children"]
    assert children[0] == {"code": "510100", "name": "成都市", "users": 7, "organisations": 3, "scientists": 2,
                           "posts": 5, "open_tickets": 3, "acquisition_rate": 1.0, "supply_rate": 0.5}
    assert children[1] == {"code": "510700", "name": "绵阳市", "users": 4, "organisations": 1, "scientists": 1,
                           "posts": 3, "open_tickets": 3, "acquisition_rate": 0.0, "supply_rate": 0.0}
    assert len(children) == 21 and all(c["posts"] == 0 for c in children[2:])
    assert [c["code"] for c in children[2:]] == sorted(c["code"] for c in children[2:])


async def test_city_children_are_counties_and_a_county_has_none(world):
    children = (await view("510100"))["children"]
    assert children[0] == {"code": "510104", "name": "锦江区", "users": 6, "organisations": 2, "scientists": 2,
                           "posts": 5, "open_tickets": 2, "acquisition_rate": 1.0, "supply_rate": 0.5}
    qingyang = next(c for c in children if c["code"] == "510105")
    assert qingyang == {"code": "510105", "name": "青羊区", "users": 1, "organisations": 1, "scientists": 0,
                        "posts": 0, "open_tickets": 1, "acquisition_rate": 1.0, "supply_rate": None}
    county = await view("510104")
    assert county["region"]["level"] == "county" and county["children"] == []


async def test_workload_counts_open_tickets_overdue_plans_and_median_first_response(world):
    workload = (await view("510000"))["workload"]
    k1, k2, k0 = world["k1"], world["k2"], world["k0"]
    assert workload == [
        {"concierge_id": k1.id, "name": "锦江保姆", "region_code": "510104", "region_name": "锦江区",
         "open_tickets": 3, "capacity": 10,
         "away": False, "overdue_plans": 1, "first_response_minutes_median": 1515.0},
        {"concierge_id": k2.id, "name": "绵阳保姆", "region_code": "510700", "region_name": "绵阳市",
         "open_tickets": 3, "capacity": 5,
         "away": True, "overdue_plans": 1, "first_response_minutes_median": 1740.0},
        {"concierge_id": k0.id, "name": "省级保姆", "region_code": "510000", "region_name": "四川省",
         "open_tickets": 0, "capacity": 50,
         "away": False, "overdue_plans": 0, "first_response_minutes_median": None},
    ]
    assert [w["concierge_id"] for w in (await view("510100"))["workload"]] == [k1.id]
    assert [w["concierge_id"] for w in (await view("510104"))["workload"]] == [k1.id]


async def test_stage_ageing_counts_open_tickets_and_the_stale_ones(world):
    def table(data: dict) -> dict:
        return {s["stage"]: (s["count"], s["over_7_days"]) for s in data["stage_ageing"]}

    province = await view("510000")
    assert [s["label"] for s in province["stage_ageing"]] == ["发布", "匹配", "对接", "洽谈", "签约"]
    assert table(province) == {"published": (3, 2), "matched": (0, 0), "contacted": (3, 2),
                               "negotiating": (0, 0), "signed": (0, 0)}
    assert table(await view("510100"))["published"] == (2, 1)
    assert table(await view("510100"))["contacted"] == (1, 1)
    assert table(await view("510104"))["contacted"] == (0, 0)


async def test_push_figures_use_the_fan_out_region_then_the_users_region(world):
    zero = dict.fromkeys(["pending", "sent", "failed", "unreachable", "cancelled"], 0)
    assert (await view("510000"))["push"] == [
        {"kind": "emergency", **zero, "sent": 3, "failed": 1, "unreachable": 1, "cancelled": 1},
        {"kind": "followup_reminder", **zero, "sent": 1},
        {"kind": "match_found", **zero, "pending": 2},
    ]
    assert (await view("510104"))["push"] == [
        {"kind": "emergency", **zero, "sent": 1, "failed": 1, "cancelled": 1},
        {"kind": "followup_reminder", **zero, "sent": 1},
        {"kind": "match_found", **zero, "pending": 1},
    ]


async def test_weekly_buckets_are_monday_weeks_of_beijing_days(world):
    assert (await view("510000"))["weekly"] == [
        {"week_start": "2026-03-02", "posts": 5, "contacted": 2, "landed": 0, "pushes_sent": 2},
        {"week_start": "2026-03-09", "posts": 3, "contacted": 2, "landed": 1, "pushes_sent": 2},
    ]
    assert (await view("510104"))["weekly"] == [
        {"week_start": "2026-03-02", "posts": 3, "contacted": 1, "landed": 0, "pushes_sent": 2},
        {"week_start": "2026-03-09", "posts": 2, "contacted": 1, "landed": 1, "pushes_sent": 0},
    ]


async def push_figures(code: str) -> tuple[list[dict], list[dict]]:
    data = await view(code)
    return data["push"], data["weekly"]


async def test_push_snapshots_give_the_same_figures_as_live_counts(world):
    codes = ["510000", "510100", "510104", "510703"]
    live = {code: await push_figures(code) for code in codes}
    assert await snapshots.snapshot_push_days(bj(3, 1)) == 0  # nothing has settled yet
    # On 03-12 the days up to 03-10 have settled: the period is read half from the snapshot, half live.
    assert await snapshots.snapshot_push_days(bj(3, 12, 1)) == 10  # 03-01 (the first push) .. 03-10
    assert await PushDayCount.filter(kind=PushDayCount.DAY_MARKER).count() == 10
    assert {code: await push_figures(code) for code in codes} == live
    assert await snapshots.snapshot_push_days(NOW) == 8  # the missing 03-11..03-18 (the recount week is among them)
    assert await snapshots.snapshot_push_days(NOW) == 7  # the next night: 03-12..03-18 counted again
    assert {code: await push_figures(code) for code in codes} == live
    rows = await PushDayCount.filter(day=date(2026, 3, 4)).exclude(kind=PushDayCount.DAY_MARKER).values_list(
        "region_code", "kind", "status", "n")
    assert sorted(rows) == [("110101", "emergency", "sent", 1), ("510104", "emergency", "failed", 1),
                            ("510104", "emergency", "sent", 1), ("510703", "emergency", "unreachable", 1)]


async def test_a_snapshot_is_recounted_for_a_week_then_kept(world):
    await snapshots.snapshot_push_days(NOW)  # settled up to 03-18; recounted nightly from 03-12
    cit = await User.filter(role=Role.CITIZEN, region_id="510104").first()
    await push("emergency", "late-1", cit, "sent", bj(3, 14), "510104")  # inside the recount week
    await push("emergency", "late-2", cit, "sent", bj(3, 5), "510104")  # older than a week: kept as counted
    before = (await view("510104"))["weekly"]
    await snapshots.snapshot_push_days(NOW)
    after = (await view("510104"))["weekly"]
    assert [w["pushes_sent"] for w in after] == [before[0]["pushes_sent"], before[1]["pushes_sent"] + 1]


async def test_csv_sections_parse_back_to_the_same_figures(world):
    data = await view("510000")

    def parse(section: str) -> list[dict]:
        return list(csv.DictReader(io.StringIO(export.overview_csv(data, section))))

    funnel = parse("funnel")
    assert [int(r["数量"]) for r in funnel if r["类型"] == "need"] == [3, 3, 2, 1, 1, 1]
    assert funnel[0]["类型名称"] == "科技所需" and funnel[0]["阶段名称"] == "发布" and len(funnel) == 18
    rates = parse("rates")
    assert [(r["指标名称"], r["分子"], r["分母"], r["比率"]) for r in rates] == [
        ("科技服务获取率", "3", "4", "0.75"), ("科技服务供给率", "1", "3", "0.3333")]
    workload = parse("workload")
    assert [(r["姓名"], r["在办服务单"], r["暂停接单"], r["首次响应中位数（分钟）"]) for r in workload] == [
        ("锦江保姆", "3", "否", "1515.0"), ("绵阳保姆", "3", "是", "1740.0"), ("省级保姆", "0", "否", "")]
    assert [(r["阶段名称"], r["数量"], r["超过7天"]) for r in parse("stage_ageing")][0] == ("发布", "3", "2")
    assert parse("push")[0] == {"推送类型": "emergency", "待发送": "0", "已发送": "3", "失败": "1",
                                "无法送达": "1", "已取消": "1"}
    assert [(r["周起始日"], r["新发布"], r["对接"], r["落地"], r["推送成功"]) for r in parse("weekly")] == [
        ("2026-03-02", "5", "2", "0", "2"), ("2026-03-09", "3", "2", "1", "2")]
    children = parse("children")
    assert children[0] == {"地区代码": "510100", "地区名称": "成都市", "用户数": "7", "单位数": "3",
                           "科技工作者数": "2", "发布数": "5", "在办服务单": "3", "科技服务获取率": "1.0",
                           "科技服务供给率": "0.5"}
    assert len(children) == 21


async def test_unknown_csv_section_is_a_validation_error(world):
    with pytest.raises(ValidationFailed):
        export.overview_csv(await view("510104"), "secrets")


async def test_bad_periods_and_unknown_regions_are_rejected(settings, redis):
    with pytest.raises(ValidationFailed):
        await overview.overview("510000", since=UNTIL, until=SINCE)
    with pytest.raises(ValidationFailed):
        await overview.overview("510000", since=date(2025, 1, 1), until=date(2026, 3, 1))
    with pytest.raises(ValidationFailed):
        await overview.overview("519999", since=SINCE, until=UNTIL)


async def test_an_empty_region_gives_zeros_not_errors(settings, redis):
    data = await overview.overview("510700", since=SINCE, until=UNTIL, now=NOW)
    assert counts(data["funnel"]["need"]) == [0] * 6
    assert data["rates"]["acquisition"]["value"] is None and data["push"] == [] and data["workload"] == []
    assert [w["week_start"] for w in data["weekly"]] == ["2026-03-02", "2026-03-09"]


async def test_requests_at_once_answer_as_one_at_a_time(world):
    """The dashboard sends its statements together (several pool connections on PostgreSQL, one after another on
    sqlite's one connection): several whole requests at once give the answers of one request at a time."""
    codes = ["510000", "510100", "510104", "510703"]
    one_by_one = [await overview.dashboard(code, since=SINCE, until=UNTIL, now=NOW) for code in codes]
    at_once = await asyncio.gather(*(overview.dashboard(code, since=SINCE, until=UNTIL, now=NOW)
                                     for code in codes * 2))
    assert list(at_once) == one_by_one * 2
    assert one_by_one[0]["stage_ageing"] != one_by_one[3]["stage_ageing"]  # the regions differ: a real comparison
