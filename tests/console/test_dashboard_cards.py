"""Headline cards: the counts a leader reads first, each beside the previous period (issue 17)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.models import Match, Post, PushRequest, Ticket, User
from server.models.enums import PostKind, PostStatus, Role
from server.tickets import lifecycle
from tests.console.conftest import ADMIN_PASSWORD, World, browser_sign_in, make_post


async def _card(page, key: str) -> str:
    return await page.get_attribute(f"#card-{key} .big", "data-value") or ""


async def test_headline_cards_equal_the_counts_the_test_made(page, world: World) -> None:
    # beyond the world (7 people, 5 needs, 1 question, 1 offer, 6 open tickets): one need 100 days ago,
    # a match, one closed ticket and two pushes, one of them sent
    org = await User.get(name="测试企业")
    old = await make_post(PostKind.NEED, region="510104", title="上季度的技术需求", author=org)
    long_ago = datetime.now(UTC) - timedelta(days=100)
    await Post.filter(id=old.id).update(created_at=long_ago)
    await Ticket.filter(post_id=old.id).update(created_at=long_ago)
    offer = await Post.get(kind=PostKind.OFFER)
    need = await Post.get(title="锦江区技术需求0")
    await Match.create(demand=need, supply_post=offer, origin_post_id=need.id, score=0.9, method="hybrid", rank=1)
    await lifecycle.close(ticket_id=world.yibin_tickets[0].id, staff=world.admin, reason="企业已自行解决")
    scientist = await User.get(role=Role.SCIENTIST)
    await PushRequest.create(kind="match_found", cause="test:1", user=scientist, status="sent")
    await PushRequest.create(kind="match_found", cause="test:2", user=scientist, status="unreachable")

    await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD)
    expected = {"users": "7", "scientists": "1", "organisations": "1", "needs": "5", "offers": "1", "matches": "1",
                "open_tickets": "6", "closed_tickets": "1", "pushes_sent": "1"}
    assert {key: await _card(page, key) for key in expected} == expected
    # the previous 90 days held the old need, its ticket open at their end (and still), and nobody registered yet
    assert "较上期 +4条" in await page.text_content("#card-needs")
    assert "较上期 +5单" in await page.text_content("#card-open_tickets")
    assert "较上期 +7人" in await page.text_content("#card-users")
    assert (await Ticket.get(id=world.yibin_tickets[0].id)).status == PostStatus.CLOSED
    # a city's cards count only the city
    await page.goto("/console/?region=511500")
    assert await _card(page, "needs") == "2" and await _card(page, "closed_tickets") == "1"
    assert await _card(page, "open_tickets") == "1"
