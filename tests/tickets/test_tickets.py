"""Tickets: opened with each need, fair assignment, the validated lifecycle, authorisation."""

from __future__ import annotations

import pytest

from server.models import PushRequest, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import Role
from tests.factories import create_post, login_as, make_user, posted_need, staff_headers


async def make_staff(name: str, region: str, **profile) -> User:
    user = await make_user(Role.STAFF, name=name, region_id=region)
    await StaffProfile.create(user=user, region_id=region, **profile)
    return user


async def test_a_need_opens_an_assigned_ticket_and_notifies_the_concierge(client):
    concierge = await make_staff("宜宾保姆", "511500")
    poster, _ = await login_as(client, "poster")
    post = await create_post(client, poster)
    ticket = await Ticket.get(post_id=post["id"])
    assert ticket.concierge_id == concierge.id and ticket.status == "published"
    assert await PushRequest.filter(kind="followup_reminder", user_id=concierge.id).exists()
    detail = (await client.get(f"/api/v1/posts/{post['id']}", headers=poster)).json()["post"]
    assert detail["ticket_id"] == ticket.id
    view = (await client.get(f"/api/v1/tickets/{ticket.id}", headers=poster)).json()["ticket"]
    assert view["concierge"]["name"] == "宜宾保姆" and view["timeline"][0]["kind"] == "opened"


async def test_offers_open_no_ticket(client):
    headers, _ = await login_as(client, "sci-offer", "scientist")
    await create_post(client, headers, kind="offer", title="土壤改良技术服务")
    assert await Ticket.all().count() == 0


async def test_load_spreads_evenly_and_away_staff_are_skipped(client):
    staff = [await make_staff(f"保姆{i}", "511500") for i in range(3)]
    await make_staff("休假保姆", "511500", away=True)
    poster, _ = await login_as(client, "many")
    for i in range(9):
        await create_post(client, poster, title=f"第{i}个李子园需求")
    counts = {s.id: await Ticket.filter(concierge_id=s.id).count() for s in staff}
    assert sorted(counts.values()) == [3, 3, 3]


async def test_nearest_level_first_then_parents(client):
    province = await make_staff("省级保姆", "510000")
    city = await make_staff("市级保姆", "511500")
    county = await make_staff("县级保姆", "511529")
    poster, _ = await login_as(client, "nesting")
    in_county = await create_post(client, poster, region_code="511529")
    other_county = await create_post(client, poster, region_code="511502", title="翠屏区的需求")
    other_city = await create_post(client, poster, region_code="510104", title="锦江区的需求")
    owners = [(await Ticket.get(post_id=p["id"])).concierge_id for p in (in_county, other_county, other_city)]
    assert owners == [county.id, city.id, province.id]


async def test_capacity_is_respected(client):
    small = await make_staff("小容量", "511500", capacity=1)
    big = await make_staff("大容量", "511500", capacity=5)
    poster, _ = await login_as(client, "capacity")
    for i in range(3):
        await create_post(client, poster, title=f"容量测试需求{i}")
    assert await Ticket.filter(concierge_id=small.id).count() == 1
    assert await Ticket.filter(concierge_id=big.id).count() == 2


async def test_lifecycle_is_validated_and_recorded(client):
    headers, staff = await staff_headers(client, "lifecycle-staff", "511500")
    poster, post, ticket_id = await posted_need(client, "lifecycle-poster")
    base = f"/api/v1/staff/tickets/{ticket_id}"
    jump = await client.post(f"{base}/advance", json={"to": "signed"}, headers=headers)
    assert jump.status_code == 409 and jump.json()["error"]["code"] == "bad_transition"
    for stage in ("contacted", "negotiating", "signed", "landed"):
        answer = await client.post(f"{base}/advance", json={"to": stage, "note": f"到{stage}"}, headers=headers)
        assert answer.status_code == 200, answer.text
    events = await TicketEvent.filter(ticket_id=ticket_id, kind="status").order_by("id")
    assert [(e.from_status, e.to_status) for e in events] == [
        ("published", "contacted"), ("contacted", "negotiating"), ("negotiating", "signed"), ("signed", "landed")]
    assert events[0].actor_id == staff.id
    post_now = (await client.get(f"/api/v1/posts/{post['id']}", headers=poster)).json()["post"]
    assert post_now["status"] == "landed"
    rating = await client.post(f"/api/v1/tickets/{ticket_id}/rating", json={"rating": 5, "comment": "很满意"},
                               headers=poster)
    assert rating.status_code == 200 and (await Ticket.get(id=ticket_id)).rating == 5


async def test_plan_notes_handover_and_close(client):
    headers, staff = await staff_headers(client, "plan-staff", "511500")
    colleague = await make_staff("同事", "511500")
    poster, post, ticket_id = await posted_need(client, "plan-poster")
    base = f"/api/v1/staff/tickets/{ticket_id}"
    assert (await client.post(f"{base}/plan", json={"due": "2026-12-01", "step": "回访企业"},
                              headers=headers)).status_code == 200
    assert (await client.post(f"{base}/plan", json={"due": "12/01", "step": "x"}, headers=headers)).status_code == 422
    assert (await client.post(f"{base}/notes", json={"note": "对方只接受上午电话"}, headers=headers)).status_code == 201
    view = (await client.get(f"/api/v1/tickets/{ticket_id}", headers=poster)).json()["ticket"]
    assert all(entry["kind"] != "note" for entry in view["timeline"])  # internal notes stay internal
    no_reason = await client.post(f"{base}/handover", json={"to_user_id": colleague.id, "note": " "}, headers=headers)
    assert no_reason.status_code == 422
    moved = await client.post(f"{base}/handover", json={"to_user_id": colleague.id, "note": "休假"}, headers=headers)
    assert moved.status_code == 200 and (await Ticket.get(id=ticket_id)).concierge_id == colleague.id
    assert (await client.post(f"{base}/close", json={"reason": ""}, headers=headers)).status_code == 422
    closed = await client.post(f"{base}/close", json={"reason": "需求方已自行解决"}, headers=headers)
    assert closed.status_code == 200 and closed.json()["ticket"]["status"] == "closed"


async def test_handover_only_to_an_available_colleague_covering_the_region(client):
    headers, _ = await staff_headers(client, "handover-owner", "511500")
    poster, post, ticket_id = await posted_need(client, "handover-region-poster")
    base = f"/api/v1/staff/tickets/{ticket_id}/handover"
    elsewhere = await make_staff("绵阳保姆", "510700")
    away = await make_staff("休假保姆", "511500", away=True)
    province = await make_staff("省级保姆", "510000")
    refused = await client.post(base, json={"to_user_id": elsewhere.id, "note": "换人"}, headers=headers)
    assert refused.status_code == 422 and "服务区域" in refused.json()["error"]["message"]
    resting = await client.post(base, json={"to_user_id": away.id, "note": "换人"}, headers=headers)
    assert resting.status_code == 422 and "休假" in resting.json()["error"]["message"]
    assert (await Ticket.get(id=ticket_id)).concierge_id not in (elsewhere.id, away.id)
    assert not await TicketEvent.filter(ticket_id=ticket_id, kind="handover").exists()
    moved = await client.post(base, json={"to_user_id": province.id, "note": "需要省级协调"}, headers=headers)
    assert moved.status_code == 200 and (await Ticket.get(id=ticket_id)).concierge_id == province.id


async def test_other_regions_and_strangers_see_nothing(client):
    await make_staff("宜宾保姆", "511500")
    outsider, _ = await staff_headers(client, "mianyang-staff", "510700")
    poster, _ = await login_as(client, "private-poster")
    stranger, _ = await login_as(client, "stranger-poster")
    post = await create_post(client, poster)
    ticket_id = (await Ticket.get(post_id=post["id"])).id
    assert (await client.get(f"/api/v1/staff/tickets/{ticket_id}", headers=outsider)).status_code == 404
    advance = await client.post(f"/api/v1/staff/tickets/{ticket_id}/advance", json={"to": "contacted"},
                                headers=outsider)
    assert advance.status_code == 404
    assert (await client.get("/api/v1/staff/tickets", headers=outsider)).json()["tickets"] == []
    assert (await client.get(f"/api/v1/tickets/{ticket_id}", headers=stranger)).status_code == 404
    assert (await client.get("/api/v1/staff/tickets", headers=stranger)).status_code == 403


@pytest.mark.parametrize("score", [0, 6])
async def test_rating_needs_a_landed_ticket_and_a_valid_score(client, score):
    await make_staff("评分保姆", "511500")
    poster, _ = await login_as(client, f"rating-{score}")
    post = await create_post(client, poster)
    ticket_id = (await Ticket.get(post_id=post["id"])).id
    early = await client.post(f"/api/v1/tickets/{ticket_id}/rating", json={"rating": 4}, headers=poster)
    bad = await client.post(f"/api/v1/tickets/{ticket_id}/rating", json={"rating": score}, headers=poster)
    assert early.status_code == 409 and bad.status_code == 422
