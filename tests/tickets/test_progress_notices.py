"""A poster's progress: GET /api/v1/posts/{id}/progress and a post_progress notice at each stage change."""

from __future__ import annotations

from server.models import PushRequest, Ticket
from server.models.enums import PostStatus
from server.tickets import lifecycle
from tests.factories import login_as, posted_need, staff_headers


async def progress(client, headers, post_id: int):
    return await client.get(f"/api/v1/posts/{post_id}/progress", headers=headers)


async def advance(client, headers, ticket_id: int, to: str, note: str = ""):
    response = await client.post(f"/api/v1/staff/tickets/{ticket_id}/advance", json={"to": to, "note": note},
                                 headers=headers)
    assert response.status_code == 200, response.text


async def test_a_stage_change_queues_one_post_progress_notice(client):
    staff, _ = await staff_headers(client, "progress-staff")
    _, post, ticket_id = await posted_need(client, "progress-poster")
    await advance(client, staff, ticket_id, "contacted", "已联系省农科院专家")
    notices = await PushRequest.filter(kind="post_progress", user_id=post["author_id"])
    assert [(n.cause, n.data["stage"], n.data["note"]) for n in notices] == [
        (f"ticket-stage:{ticket_id}:contacted", "contacted", "已联系省农科院专家")]
    assert notices[0].data["post_title"] == post["title"] and notices[0].data["post_id"] == post["id"]


async def test_the_same_stage_is_told_once(client):
    _, post, ticket_id = await posted_need(client, "progress-poster")
    ticket = await Ticket.get(id=ticket_id)
    # The API never repeats a stage; a retried job or a race could, through the path advance and close share.
    await lifecycle.move(ticket, to=PostStatus.CONTACTED, actor=None, note="")
    await lifecycle.move(ticket, to=PostStatus.CONTACTED, actor=None, note="again")
    assert await PushRequest.filter(kind="post_progress", user_id=post["author_id"]).count() == 1


async def test_every_stage_and_closing_are_told(client):
    staff, _ = await staff_headers(client, "progress-staff")
    _, post, ticket_id = await posted_need(client, "progress-poster")
    for to in ("matched", "contacted", "negotiating"):
        await advance(client, staff, ticket_id, to)
    closed = await client.post(f"/api/v1/staff/tickets/{ticket_id}/close", json={"reason": "双方未谈拢"},
                               headers=staff)
    assert closed.status_code == 200
    stages = [n.data["stage"] for n in await PushRequest.filter(kind="post_progress",
                                                                 user_id=post["author_id"]).order_by("id")]
    assert stages == ["matched", "contacted", "negotiating", "closed"]


async def test_withdrawing_ones_own_post_queues_no_notice(client):
    poster, post, _ = await posted_need(client, "progress-poster")
    response = await client.post(f"/api/v1/posts/{post['id']}/withdraw", json={"reason": "已解决"}, headers=poster)
    assert response.status_code == 200
    assert not await PushRequest.exists(kind="post_progress", user_id=post["author_id"])


async def test_progress_shows_stages_times_concierge_and_next_step(client):
    staff, staff_user = await staff_headers(client, "progress-staff")
    staff_user.name = "李娟"
    await staff_user.save()
    poster, post, ticket_id = await posted_need(client, "progress-poster")
    await advance(client, staff, ticket_id, "contacted", "已联系专家")
    plan = await client.post(f"/api/v1/staff/tickets/{ticket_id}/plan",
                             json={"due": "2030-01-10", "step": "约专家到果园查看"}, headers=staff)
    assert plan.status_code == 200
    response = await progress(client, poster, post["id"])
    assert response.status_code == 200
    body = response.json()["progress"]
    assert [(s["label"], s["reached"], s["current"]) for s in body["stages"]] == [
        ("已发布", True, False), ("已匹配", True, False), ("已对接", True, True),
        ("洽谈中", False, False), ("已签约", False, False), ("已落地", False, False)]
    assert body["stages"][0]["at"] and body["stages"][2]["at"]
    assert body["stages"][1]["at"] is None  # skipped: contacted straight from published
    assert body["status"] == "contacted" and body["status_text"] == "已对接"
    assert body["concierge"] == {"id": staff_user.id, "name": "李娟"}
    assert body["next_step"] == {"step": "约专家到果园查看", "due": "2030-01-10"}
    assert "已联系专家" in [e["note"] for e in body["events"]]


async def test_progress_hides_internal_notes(client):
    staff, _ = await staff_headers(client, "progress-staff")
    poster, post, ticket_id = await posted_need(client, "progress-poster")
    await client.post(f"/api/v1/staff/tickets/{ticket_id}/notes", json={"note": "此人较难沟通"}, headers=staff)
    body = (await progress(client, poster, post["id"])).json()["progress"]
    assert "此人较难沟通" not in [e["note"] for e in body["events"]]


async def test_progress_says_when_no_expert_was_found(client):
    poster, post, ticket_id = await posted_need(client, "progress-poster")
    await Ticket.filter(id=ticket_id).update(match_state="no_expert")
    body = (await progress(client, poster, post["id"])).json()["progress"]
    assert (body["match_state"], body["match_state_text"]) == ("no_expert", "未找到合适专家")


async def test_closed_post_keeps_its_last_stage_and_reason(client):
    staff, _ = await staff_headers(client, "progress-staff")
    poster, post, ticket_id = await posted_need(client, "progress-poster")
    await advance(client, staff, ticket_id, "contacted")
    await client.post(f"/api/v1/staff/tickets/{ticket_id}/close", json={"reason": "需求已撤销"}, headers=staff)
    body = (await progress(client, poster, post["id"])).json()["progress"]
    assert body["status_text"] == "已关闭" and body["close_reason"] == "需求已撤销"
    assert [s["reached"] for s in body["stages"]] == [True, True, True, False, False, False]
    assert not any(s["current"] for s in body["stages"]) and body["next_step"] is None


async def test_staff_reaching_the_region_see_progress(client):
    staff, _ = await staff_headers(client, "progress-staff", "510000")
    _, post, _ = await posted_need(client, "progress-poster")
    assert (await progress(client, staff, post["id"])).status_code == 200


async def test_stranger_gets_404(client):
    _, post, _ = await posted_need(client, "progress-poster")
    stranger, _ = await login_as(client, "progress-stranger")
    response = await progress(client, stranger, post["id"])
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


async def test_staff_of_another_region_get_404(client):
    elsewhere, _ = await staff_headers(client, "mianyang-staff", "510700")
    _, post, _ = await posted_need(client, "progress-poster")
    assert (await progress(client, elsewhere, post["id"])).status_code == 404


async def test_absent_post_gets_404(client):
    poster, _ = await login_as(client, "progress-nobody")
    assert (await progress(client, poster, 999_999)).status_code == 404
