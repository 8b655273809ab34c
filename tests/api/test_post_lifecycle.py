"""Post and ticket move together: withdrawing closes the ticket, expiry closes only untouched posts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.models import Post, PushRequest, StaffProfile, Ticket, TicketEvent, User
from server.models.enums import PostStatus, Role
from server.services import posts
from server.tickets import followup
from tests.factories import create_post, login_as, make_user

PAST = datetime.now(UTC) - timedelta(days=1)


async def make_staff(name: str, **profile) -> User:
    user = await make_user(Role.STAFF, name=name, region_id="511500", oa_openid=f"o-{name}", follows_oa=True)
    await StaffProfile.create(user=user, region_id="511500", **profile)
    return user


async def test_withdrawing_a_post_closes_its_ticket_and_nobody_is_reassigned(client):
    supervisor = await make_user(Role.STAFF, name="主管", region_id="511500")
    await make_staff("甲保姆", supervisor=supervisor)
    await make_staff("乙保姆")
    headers, _ = await login_as(client, "withdrawer")
    post = await create_post(client, headers)
    response = await client.post(f"/api/v1/posts/{post['id']}/withdraw", json={"reason": "已自行解决"},
                                 headers=headers)
    assert response.status_code == 200
    ticket = await Ticket.get(post_id=post["id"])
    assert ticket.status == PostStatus.CLOSED and "已自行解决" in ticket.close_reason
    assert await TicketEvent.exists(ticket_id=ticket.id, kind="closed", to_status="closed")
    assert await followup.reassign_uncontacted(datetime.now(UTC) + timedelta(days=2)) == 0
    assert not await PushRequest.exists(user_id=supervisor.id)


async def _post_in(client, name: str, status: PostStatus) -> Post:
    headers, _ = await login_as(client, name)
    post = await create_post(client, headers, title=f"{name}的李子园土壤改良需求")
    await Post.filter(id=post["id"]).update(status=status, expires_at=PAST)
    await Ticket.filter(post_id=post["id"]).update(status=status)
    return await Post.get(id=post["id"])


async def test_expiry_closes_only_published_and_matched_posts_and_their_tickets(client):
    fresh = await _post_in(client, "fresh", PostStatus.PUBLISHED)
    matched = await _post_in(client, "matched", PostStatus.MATCHED)
    landed = await _post_in(client, "landed", PostStatus.LANDED)
    talking = await _post_in(client, "talking", PostStatus.NEGOTIATING)
    assert sorted(await posts.expire_posts()) == sorted([fresh.id, matched.id])
    for post, status in ((fresh, PostStatus.CLOSED), (matched, PostStatus.CLOSED), (landed, PostStatus.LANDED),
                         (talking, PostStatus.NEGOTIATING)):
        assert (await Post.get(id=post.id)).status == status
        assert (await Ticket.get(post_id=post.id)).status == status
    assert await TicketEvent.exists(ticket__post_id=fresh.id, kind="closed", note="已过期")
