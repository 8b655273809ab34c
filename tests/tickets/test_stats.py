"""Admin statistics: concierge load and first-response times, stage ageing; admins only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.models import StaffProfile, Ticket, User
from server.models.enums import Role
from server.tickets import stats
from tests.factories import create_post, login_as, make_user


async def make_staff(name: str, region: str, **profile) -> User:
    user = await make_user(Role.STAFF, name=name, region_id=region)
    await StaffProfile.create(user=user, region_id=region, **profile)
    return user


async def tickets_in(client, region: str, count: int, name: str) -> list[Ticket]:
    headers, _ = await login_as(client, name)
    made = []
    for i in range(count):
        post = await create_post(client, headers, region_code=region, title=f"{name}的第{i + 1}个技术需求")
        made.append(await Ticket.get(post_id=post["id"]))
    return made


def by_name(rows: list[dict]) -> dict[str, dict]:
    return {row["name"]: row for row in rows}


async def test_concierge_load_matches_the_tickets(client):
    admin, _ = await login_as(client, "stats-admin", "admin")
    county = await make_staff("屏山保姆", "511529", capacity=10)
    await make_staff("宜宾休假", "511500", away=True, capacity=5)
    await make_staff("成都保姆", "510100")
    t = await tickets_in(client, "511529", 6, "yibin")
    now = datetime.now(UTC)
    for ticket, minutes in zip(t[:3], (30, 60, 120), strict=True):
        assigned = now - timedelta(days=2)
        await Ticket.filter(id=ticket.id).update(status="contacted", assigned_at=assigned,
                                                 first_contact_at=assigned + timedelta(minutes=minutes))
    old = now - timedelta(days=40)  # outside the 30-day window: not in the response times
    await Ticket.filter(id=t[3].id).update(status="contacted", assigned_at=old, first_contact_at=old)
    await Ticket.filter(id=t[4].id).update(status="closed")
    answer = await client.get("/api/v1/admin/concierges", headers=admin)
    assert answer.status_code == 200, answer.text
    rows = by_name(answer.json()["concierges"])
    assert set(rows) == {"屏山保姆", "宜宾休假", "成都保姆"}
    mine = rows["屏山保姆"]
    assert mine == {"user_id": county.id, "name": "屏山保姆", "region_code": "511529", "open_tickets": 5,
                    "capacity": 10, "away": False, "responded": 3, "median_first_response_minutes": 60.0,
                    "p90_first_response_minutes": 120.0}
    assert rows["宜宾休假"]["away"] is True and rows["宜宾休假"]["open_tickets"] == 0
    assert rows["宜宾休假"]["median_first_response_minutes"] is None


async def test_concierge_load_by_region_uses_the_code_hierarchy(client):
    admin, _ = await login_as(client, "region-admin", "admin")
    await make_staff("屏山保姆", "511529")
    await make_staff("宜宾市保姆", "511500")
    await make_staff("成都保姆", "510100")
    yibin = await client.get("/api/v1/admin/concierges", params={"region_code": "511500"}, headers=admin)
    assert set(by_name(yibin.json()["concierges"])) == {"屏山保姆", "宜宾市保姆"}
    county = await client.get("/api/v1/admin/concierges", params={"region_code": "5115"}, headers=admin)
    assert set(by_name(county.json()["concierges"])) == {"屏山保姆", "宜宾市保姆"}
    province = await client.get("/api/v1/admin/concierges", params={"region_code": "510000"}, headers=admin)
    assert len(province.json()["concierges"]) == 3
    bad = await client.get("/api/v1/admin/concierges", params={"region_code": "abc"}, headers=admin)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "region_code"


async def test_stage_ageing_buckets_match_the_tickets(client):
    admin, _ = await login_as(client, "ageing-admin", "admin")
    await make_staff("宜宾保姆", "511500")
    await make_staff("成都保姆", "510100")
    t = await tickets_in(client, "511529", 6, "ageing")
    elsewhere = (await tickets_in(client, "510104", 1, "chengdu"))[0]
    now = datetime.now(UTC)
    for ticket, status, age in zip(t, ("published", "published", "contacted", "negotiating", "signed", "closed"),
                                   (timedelta(hours=12), timedelta(days=2), timedelta(days=5), timedelta(days=10),
                                    timedelta(days=40), timedelta(days=3)), strict=True):
        await Ticket.filter(id=ticket.id).update(status=status, stage_since=now - age)
    await Ticket.filter(id=elsewhere.id).update(stage_since=now - timedelta(days=50))
    answer = await client.get("/api/v1/admin/tickets/ageing", params={"region_code": "511500"}, headers=admin)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert list(body["buckets"]) == ["lt_1d", "1_3d", "3_7d", "7_30d", "gt_30d"]
    stages = {row["status"]: row for row in body["stages"]}
    assert set(stages) == {"published", "matched", "contacted", "negotiating", "signed"}
    assert stages["published"]["count"] == 2 and stages["published"]["name"] == "发布"
    assert stages["published"]["ages"] == {"lt_1d": 1, "1_3d": 1, "3_7d": 0, "7_30d": 0, "gt_30d": 0}
    assert stages["contacted"]["ages"]["3_7d"] == 1 and stages["negotiating"]["ages"]["7_30d"] == 1
    assert stages["signed"]["ages"]["gt_30d"] == 1 and stages["matched"]["count"] == 0
    everywhere = (await client.get("/api/v1/admin/tickets/ageing", headers=admin)).json()
    published = next(row for row in everywhere["stages"] if row["status"] == "published")
    assert published["count"] == 3 and published["ages"]["gt_30d"] == 1


async def test_stage_ageing_takes_the_clock(client):
    await make_staff("宜宾保姆", "511500")
    (ticket,) = await tickets_in(client, "511529", 1, "clock")
    since = (await Ticket.get(id=ticket.id)).stage_since
    later = await stats.stage_ageing(now=since + timedelta(days=8))
    assert next(row for row in later if row["status"] == "published")["ages"]["7_30d"] == 1


@pytest.mark.parametrize("role", ["citizen", "staff", "scientist"])
@pytest.mark.parametrize("path", ["/api/v1/admin/concierges", "/api/v1/admin/tickets/ageing"])
async def test_only_admins_see_the_statistics(client, role, path):
    headers, _ = await login_as(client, f"not-admin-{role}", role)
    assert (await client.get(path, headers=headers)).status_code == 403
    assert (await client.get(path)).status_code == 401
