"""Accounts from the console (admins): invite a concierge, set away, reset a password, disable, restore."""

from __future__ import annotations

import re

import httpx

from server.models import StaffProfile, Ticket, TicketEvent, User
from server.models.enums import PostKind, Role
from tests.console.conftest import (
    ADMIN_PASSWORD,
    STAFF_PASSWORD,
    World,
    browser_sign_in,
    make_post,
    session_csrf,
    sign_in,
)


async def test_an_invited_concierge_gets_the_next_ticket_of_their_county(page, world: World) -> None:
    await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD, next_path="/console/accounts")
    await page.fill("#invite-name", "赵屏山")
    await page.select_option("#invite-region", label="　　屏山县")
    await page.fill("#invite-capacity", "12")
    await page.select_option("#invite-supervisor", str(world.yibin.id))
    await page.click("#invite-submit")
    await page.wait_for_selector("#invited")
    assert re.fullmatch(r"绑定 \d{6}", (await page.text_content("#bind-code")).strip())
    invited = await User.get(name="赵屏山")
    profile = await StaffProfile.get(user_id=invited.id)
    assert (invited.role, profile.region_id, profile.capacity, profile.supervisor_id) == \
        (Role.STAFF, "511529", 12, world.yibin.id)
    assert "赵屏山" in await page.text_content(f"#staff-{invited.id}")

    org = await User.get(name="测试企业")
    post = await make_post(PostKind.NEED, region="511529", title="屏山县茶园病虫害防治", author=org)
    assert (await Ticket.get(post_id=post.id)).concierge_id == invited.id  # the county's own concierge


def _other(app) -> httpx.AsyncClient:
    """A second browser: its own cookies."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://kjy.test")


async def _admin(client: httpx.AsyncClient) -> str:
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    return await session_csrf(client)


async def test_away_keeps_new_tickets_from_a_concierge(client, world: World) -> None:
    csrf = await _admin(client)
    answer = await client.post(f"/console/accounts/{world.jinjiang.id}/away", data={"away": "1", "csrf_token": csrf})
    assert answer.status_code == 303
    assert (await StaffProfile.get(user_id=world.jinjiang.id)).away is True
    org = await User.get(name="测试企业")
    post = await make_post(PostKind.NEED, region="510104", title="锦江区新的技术需求", author=org)
    assert (await Ticket.get(post_id=post.id)).concierge_id == world.supervisor.id  # the city's concierge


async def test_a_reset_password_signs_in_once_shown(client, app, world: World) -> None:
    csrf = await _admin(client)
    page = (await client.post(f"/console/accounts/{world.yibin.id}/password", data={"csrf_token": csrf})).text
    password = re.search(r'id="new-password">([^<]+)<', page).group(1)
    async with _other(app) as other:
        assert (await sign_in(other, str(world.yibin.id), password)).status_code == 303


async def test_disable_ends_sign_in_and_hands_open_tickets_to_a_colleague(client, app,
                                                                          world: World) -> None:
    csrf = await _admin(client)
    held = [t.id for t in world.chengdu_tickets if t.concierge_id == world.jinjiang.id]
    assert held
    async with _other(app) as staff:
        assert (await sign_in(staff, "sandbox-console-chengdu", STAFF_PASSWORD)).status_code == 303
        answer = await client.post(f"/console/accounts/{world.supervisor.id}/disable",
                                   data={"csrf_token": csrf, "note": "调离"})
        assert answer.status_code == 303
        assert (await staff.get("/console/tickets")).status_code == 303  # the open session ended
        assert (await sign_in(staff, "sandbox-console-chengdu", STAFF_PASSWORD)).status_code == 401
    answer = await client.post(f"/console/accounts/{world.jinjiang.id}/disable", data={"csrf_token": csrf})
    for ticket_id in held:  # nobody left in 成都: the province has no concierge either -> unassigned, said so
        ticket = await Ticket.get(id=ticket_id)
        assert ticket.concierge_id is None
        event = await TicketEvent.filter(ticket_id=ticket_id, kind="assigned").order_by("-id").first()
        assert "王锦江 的账号已停用" in event.note
    page = (await client.get("/console/accounts")).text
    assert "已停用" in page
    restored = await client.post(f"/console/accounts/{world.jinjiang.id}/restore", data={"csrf_token": csrf})
    assert restored.status_code == 303 and (await User.get(id=world.jinjiang.id)).role == Role.STAFF


async def test_invite_errors_are_clear_and_chinese(client, world: World) -> None:
    csrf = await _admin(client)
    answer = await client.post("/console/accounts/invite", data={"csrf_token": csrf, "name": "张三", "region": "",
                                                                 "capacity": "10"})
    assert answer.status_code == 422 and "请选择服务地区" in answer.text
    answer = await client.post("/console/accounts/invite", data={"csrf_token": csrf, "name": "张三",
                                                                 "region": "510104", "capacity": "0"})
    assert answer.status_code == 422 and "接单上限应为 1 到 500 之间的整数" in answer.text
    answer = await client.post("/console/accounts/invite", data={"csrf_token": csrf, "name": "张三",
                                                                 "region": "511529", "capacity": "5",
                                                                 "supervisor": str(world.jinjiang.id)})
    assert answer.status_code == 422 and "主管的服务地区应包含该科服保姆的地区" in answer.text


async def test_staff_cannot_manage_accounts(client, world: World) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    csrf = await session_csrf(client)
    answer = await client.post(f"/console/accounts/{world.jinjiang.id}/away", data={"away": "1", "csrf_token": csrf})
    assert answer.status_code == 403
    assert (await StaffProfile.get(user_id=world.jinjiang.id)).away is False
