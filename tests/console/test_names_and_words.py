"""Names, not codes; Beijing time; empty sections in words (issue 17), over HTTP."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from server.models import EmergencyNotice, Ticket, TicketEvent, User
from server.models.enums import PostKind, Role
from tests.console.conftest import ADMIN_PASSWORD, STAFF_PASSWORD, World, make_console_user, make_post, sign_in


def _text(html: str) -> str:
    """What a reader sees: no tags, no embedded JSON for the charts."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", " ", html, flags=re.S))


async def test_an_empty_region_says_so_in_words_and_draws_no_bare_axes(client, settings) -> None:
    await make_console_user(Role.ADMIN, name="周管理", region="510000", password=ADMIN_PASSWORD,
                            openid="sandbox-console-admin")
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    page = (await client.get("/console/?region=511500")).text
    for empty in ("funnel-empty", "weekly-empty", "push-empty", "children-empty"):
        assert f'id="{empty}"' in page, empty
    for chart in ("chart-funnel", "chart-weekly", "chart-push", "chart-children"):
        assert f'id="{chart}"' not in page, chart
    text = _text(page)
    assert "宜宾市还没有科服保姆" in text and "宜宾市当前没有在办工单" in text
    assert "511500" not in text  # the region by name only (codes stay in links and attributes)


async def test_the_dashboard_and_tickets_show_names_never_codes_or_ids(client, world: World) -> None:
    nameless = await User.create(role=Role.CITIZEN, region_id="510104", mp_openid="sandbox-nameless")
    ticket = world.chengdu_tickets[0]
    await Ticket.filter(id=ticket.id).update(poster_id=nameless.id)
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    text = _text((await client.get("/console/?region=510100")).text)
    assert "科技服务获取率" in text and "科技服务供给率" in text and "获客率" not in text
    assert "锦江区" in text and "510104" not in text  # the concierge's region by name
    page = _text((await client.get(f"/console/tickets/{ticket.id}")).text)
    assert "群众（未填姓名）" in page and f"用户 {nameless.id}" not in page
    assert "分配给科服保姆 王锦江" in page and "510104" not in page
    board = (await client.get("/console/tickets")).text
    assert '<option value="510104"' in board and "　　锦江区" in board  # the region filter picks by name


async def test_the_assignment_note_never_names_a_concierge_by_id(settings) -> None:
    await make_console_user(Role.STAFF, name="", region="510104")
    org = await User.create(role=Role.ORGANISATION, name="企业", region_id="510104", mp_openid="sandbox-o")
    post = await make_post(PostKind.NEED, region="510104", title="无名保姆接单测试", author=org)
    event = await TicketEvent.get(ticket__post_id=post.id, kind="assigned")
    assert event.note == "分配给科服保姆 （未填姓名）"


async def test_the_emergency_log_is_in_beijing_time(client, world: World) -> None:
    from server.models import Article
    from server.models.enums import EmergencySeverity, EmergencyType
    from server.services import emergencies
    from server.services.commands import NewEmergency

    article = await Article.create(title="防汛知识", emergency_topics=["flood"])
    onset = datetime(2026, 7, 1, 1, 0, tzinfo=UTC)
    emergency, _ = await emergencies.alert(admin=world.admin, command=NewEmergency(
        event_type=EmergencyType.FLOOD, severity=EmergencySeverity.BLUE, headline="测试内涝", instruction="",
        region_codes=["510104"], onset=onset, expires_at=datetime(2099, 7, 2, tzinfo=UTC), article_ids=[article.id]))
    await EmergencyNotice.filter(emergency_id=emergency.id).update(created_at=datetime(2026, 7, 1, 1, 5, tzinfo=UTC))
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    text = _text((await client.get(f"/console/emergencies/{emergency.id}")).text)
    assert "2026-07-01 09:05" in text and "(UTC)" not in text and "2026-07-01 01:05" not in text
