"""The demo's 90 days of history: every dashboard section has data on the seeded province (issue 17)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from server.models import Campaign, ChatMessage, Emergency, Match, Post, PushAttempt, PushRequest, Ticket, TicketEvent
from server.models.enums import PostStatus
from server.services import demo, demo_history
from server.services.metrics import overview
from server.tickets import chat

BEIJING_TODAY = (datetime.now(UTC) + timedelta(hours=8)).date()
SINCE = BEIJING_TODAY - timedelta(days=89)


async def _seed() -> float:
    started = time.perf_counter()
    await demo.load_demo(console_passwords=False)
    await demo_history.load_history()
    return time.perf_counter() - started


async def _assert_every_section_has_data(code: str, *, province: bool) -> None:
    data = await overview.overview(code, since=SINCE, until=BEIJING_TODAY)
    for kind in ("need", "question", "offer"):
        assert data["funnel"][kind][0]["count"] > 0, (code, kind)
    assert data["funnel"]["need"][-1]["count"] > 0, code  # some landed
    for key in ("acquisition", "supply"):
        assert data["rates"][key]["value"], (code, key)
    assert data["workload"] and any(w["open_tickets"] for w in data["workload"]), code
    assert any(w["first_response_minutes_median"] is not None for w in data["workload"]), code
    counts = [s["count"] for s in data["stage_ageing"]]
    assert (all(counts) if province else sum(counts)), (code, data["stage_ageing"])
    kinds = {row["kind"] for row in data["push"] if row["sent"]}
    wanted = {"match_found", "post_progress", "followup_reminder"} | ({"emergency_alert"} if province else set())
    assert wanted <= kinds, (code, kinds)  # the past emergency hit 广安市
    busy_weeks = [w for w in data["weekly"] if w["posts"] and w["pushes_sent"]]
    assert len(busy_weeks) >= 6, (code, data["weekly"])
    assert sum(1 for c in data["children"] if c["posts"]) >= 2, code
    cards = await overview.headline(code, since=SINCE, until=BEIJING_TODAY)
    assert all(card["value"] for card in cards["cards"]), (code, cards["cards"])


async def test_every_dashboard_section_has_data_on_the_seeded_province(settings, redis) -> None:
    seconds = await _seed()
    assert seconds < 60, seconds  # start.sh seeds before serving
    await _assert_every_section_has_data("510000", province=True)
    await _assert_every_section_has_data("511500", province=False)  # 宜宾市, a city with its own concierge


async def test_history_walks_province_with_chat_plans_pushes_an_emergency_and_a_campaign(settings, redis) -> None:
    await _seed()
    stages = set(await Ticket.all().values_list("status", flat=True))
    assert set(PostStatus) <= stages
    assert await Ticket.filter(match_state="no_expert").exists()
    delivered = [m.delivery for m in await chat.with_delivery(ChatMessage.all())]
    assert delivered.count("sent") >= 20
    overdue = await Ticket.filter(plan_due__lt=BEIJING_TODAY, status__in=[PostStatus.CONTACTED,
                                  PostStatus.NEGOTIATING, PostStatus.SIGNED]).count()
    assert overdue > 0
    assert await Match.filter(status="accepted").count() >= 20
    assert await PushAttempt.filter(final_status="success").count() == await PushRequest.filter(  # custom: no receipt
        status="sent", id__in=await PushAttempt.all().values_list("request_id", flat=True)).exclude(
        channel="oa_custom").count() > 0
    [emergency] = await Emergency.all()
    assert emergency.expires_at < datetime.now(UTC)
    assert await PushRequest.filter(kind="emergency_alert", status="sent").exists()
    [campaign] = await Campaign.all()
    assert await Post.filter(campaign_id=campaign.id).exists()
    oldest = await TicketEvent.all().order_by("created_at").first()
    assert oldest.created_at < datetime.now(UTC) - timedelta(days=60)


async def test_history_loads_once(settings, redis) -> None:
    await _seed()
    counts = (await Post.all().count(), await PushRequest.all().count())
    assert await demo_history.load_history() == {"history": 0}
    assert (await Post.all().count(), await PushRequest.all().count()) == counts
