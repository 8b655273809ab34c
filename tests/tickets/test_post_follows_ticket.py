"""A post's status follows its ticket's stage on every path: advance, close, withdrawal, expiry, an accepted match."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.models import Match, Post, PushRequest, Ticket, TicketEvent
from server.models.enums import PostStatus
from server.services import posts
from tests.factories import create_post, login_as, posted_need, staff_headers

PATH = ["matched", "contacted", "negotiating", "signed", "landed"]


async def statuses(ticket_id: int) -> tuple[PostStatus, PostStatus]:
    """Return (the ticket's stage, its post's status), both read from the database."""
    ticket = await Ticket.get(id=ticket_id).prefetch_related("post")
    return ticket.status, ticket.post.status


async def test_each_advance_moves_the_post_to_the_same_stage(client):
    staff, _ = await staff_headers(client, "follows-staff")
    _, _, ticket_id = await posted_need(client, "follows-poster")
    assert await statuses(ticket_id) == (PostStatus.PUBLISHED, PostStatus.PUBLISHED)
    for to in PATH:
        response = await client.post(f"/api/v1/staff/tickets/{ticket_id}/advance", json={"to": to}, headers=staff)
        assert response.status_code == 200, response.text
        assert await statuses(ticket_id) == (PostStatus(to), PostStatus(to))


async def test_a_refused_advance_leaves_both_where_they_were(client):
    staff, _ = await staff_headers(client, "follows-staff")
    _, _, ticket_id = await posted_need(client, "follows-poster")
    response = await client.post(f"/api/v1/staff/tickets/{ticket_id}/advance", json={"to": "signed"}, headers=staff)
    assert response.status_code == 409
    assert await statuses(ticket_id) == (PostStatus.PUBLISHED, PostStatus.PUBLISHED)


async def test_closing_a_ticket_closes_its_post_with_the_same_reason(client):
    staff, _ = await staff_headers(client, "follows-staff")
    _, post, ticket_id = await posted_need(client, "follows-poster")
    await client.post(f"/api/v1/staff/tickets/{ticket_id}/advance", json={"to": "contacted"}, headers=staff)
    response = await client.post(f"/api/v1/staff/tickets/{ticket_id}/close", json={"reason": "双方未谈拢"},
                                 headers=staff)
    assert response.status_code == 200, response.text
    ticket, row = await Ticket.get(id=ticket_id), await Post.get(id=post["id"])
    assert (ticket.status, row.status) == (PostStatus.CLOSED, PostStatus.CLOSED)
    assert ticket.close_reason == row.close_reason == "双方未谈拢"
    assert row.updated_at > datetime.fromisoformat(post["updated_at"])


async def test_withdrawing_a_need_closes_its_ticket_with_the_same_reason(client):
    poster, post, ticket_id = await posted_need(client, "follows-poster")
    response = await client.post(f"/api/v1/posts/{post['id']}/withdraw", json={"reason": "已自行解决"}, headers=poster)
    assert response.status_code == 200, response.text
    assert response.json()["post"]["status"] == "closed"  # the service's own copy of the post shows it too
    ticket, row = await Ticket.get(id=ticket_id), await Post.get(id=post["id"])
    assert (ticket.status, row.status) == (PostStatus.CLOSED, PostStatus.CLOSED)
    assert ticket.close_reason == row.close_reason == "作者撤回：已自行解决"
    assert await TicketEvent.filter(ticket_id=ticket_id, kind="closed", to_status="closed").count() == 1


async def test_an_offer_without_a_ticket_closes_alone(client):
    scientist, _ = await login_as(client, "follows-scientist", "scientist")
    offer = await create_post(client, scientist, kind="offer", title="酸性土壤改良技术服务")
    response = await client.post(f"/api/v1/posts/{offer['id']}/withdraw", json={}, headers=scientist)
    assert response.status_code == 200, response.text
    row = await Post.get(id=offer["id"])
    assert (row.status, row.close_reason) == (PostStatus.CLOSED, "作者撤回")
    assert not await Ticket.exists(post_id=offer["id"])


async def test_expiry_closes_the_ticket_with_its_post(client):
    _, post, ticket_id = await posted_need(client, "follows-poster")
    await Post.filter(id=post["id"]).update(expires_at=datetime.now(UTC) - timedelta(days=1))
    assert await posts.expire_posts() == [post["id"]]
    ticket, row = await Ticket.get(id=ticket_id), await Post.get(id=post["id"])
    assert (ticket.status, row.status) == (PostStatus.CLOSED, PostStatus.CLOSED)
    assert ticket.close_reason == row.close_reason == "已过期"


async def matched_need(client) -> tuple[dict, dict, dict, int, int]:
    """A need with a ticket, matched to a scientist's offer (stored directly); return headers, post, ids."""
    scientist, _ = await login_as(client, "follows-scientist", "scientist")
    offer = await create_post(client, scientist, kind="offer", title="酸性土壤改良技术服务")
    poster, post, ticket_id = await posted_need(client, "follows-poster")
    match = await Match.create(demand_id=post["id"], supply_post_id=offer["id"], origin_post_id=post["id"],
                               score=3.2, method="fusion", rank=1, keywords=["土壤"], relevance=0.71)
    return poster, scientist, post, ticket_id, match.id


async def test_an_accepted_match_moves_the_ticket_to_matched_with_its_need(client):
    _, scientist, post, ticket_id, match_id = await matched_need(client)
    response = await client.post(f"/api/v1/matches/{match_id}/decision", json={"decision": "accept"},
                                 headers=scientist)
    assert response.status_code == 200, response.text
    assert await statuses(ticket_id) == (PostStatus.MATCHED, PostStatus.MATCHED)
    event = await TicketEvent.get(ticket_id=ticket_id, kind="status").prefetch_related("actor")
    assert (event.from_status, event.to_status, event.actor.role.value) == ("published", "matched", "scientist")
    told = await PushRequest.get(kind="post_progress", user_id=post["author_id"])
    assert told.data["stage"] == "matched"


async def test_the_poster_sees_when_the_match_was_accepted(client):
    poster, _, post, _, match_id = await matched_need(client)
    await client.post(f"/api/v1/matches/{match_id}/decision", json={"decision": "accept"}, headers=poster)
    body = (await client.get(f"/api/v1/posts/{post['id']}/progress", headers=poster)).json()["progress"]
    matched = next(stage for stage in body["stages"] if stage["status"] == "matched")
    assert matched["current"] and matched["at"] is not None  # from the ticket's timeline entry
    assert [(e["from"], e["to"]) for e in body["events"] if e["kind"] == "status"] == [("published", "matched")]
    assert not await PushRequest.exists(kind="post_progress", user_id=post["author_id"])  # they did it themselves


async def test_the_concierge_carries_on_from_matched_after_an_acceptance(client):
    staff, _ = await staff_headers(client, "follows-staff")
    poster, _, _, ticket_id, match_id = await matched_need(client)
    await client.post(f"/api/v1/matches/{match_id}/decision", json={"decision": "accept"}, headers=poster)
    again = await client.post(f"/api/v1/staff/tickets/{ticket_id}/advance", json={"to": "matched"}, headers=staff)
    assert again.status_code == 409  # already there: the acceptance moved the ticket, not just the post
    response = await client.post(f"/api/v1/staff/tickets/{ticket_id}/advance", json={"to": "contacted"},
                                 headers=staff)
    assert response.status_code == 200, response.text
    assert await statuses(ticket_id) == (PostStatus.CONTACTED, PostStatus.CONTACTED)


async def test_accepting_a_match_later_never_moves_a_ticket_back(client):
    staff, _ = await staff_headers(client, "follows-staff")
    poster, _, _, ticket_id, match_id = await matched_need(client)
    await client.post(f"/api/v1/staff/tickets/{ticket_id}/advance", json={"to": "contacted"}, headers=staff)
    response = await client.post(f"/api/v1/matches/{match_id}/decision", json={"decision": "accept"}, headers=poster)
    assert response.status_code == 200, response.text
    assert await statuses(ticket_id) == (PostStatus.CONTACTED, PostStatus.CONTACTED)
