"""The console's push pages: an emergency composed, previewed, sent, watched and cancelled in Chromium;
outreach over HTTP; and who may use them."""

from __future__ import annotations

import re

import httpx
import pytest

from server.models import Article, Emergency, Outreach, PushBroadcast, PushRequest, User
from server.models.enums import PushStatus, Role
from server.push import dispatch
from server.services import emergencies, emergency_fanout
from server.wechat.client import build_clients
from tests.console.conftest import (
    ADMIN_PASSWORD,
    STAFF_PASSWORD,
    World,
    browser_sign_in,
    screenshot_path,
    session_csrf,
    sign_in,
)


async def _sign_in(page, account: str, password: str) -> None:
    await browser_sign_in(page, account, password, next_path="/console/emergencies")


async def _followers(region: str, count: int, prefix: str) -> list[User]:
    return [await User.create(role=Role.CITIZEN, region_id=region, oa_openid=f"o-{prefix}{n}", follows_oa=True,
                              mp_openid=f"mp-{prefix}{n}") for n in range(count)]


@pytest.fixture
async def flood_article(settings) -> Article:
    return await Article.create(title="内涝来了怎么办", summary="不要涉水，远离井盖", emergency_topics=["flood"])


async def test_an_operator_sends_watches_and_cancels_an_emergency_for_a_county(
        page, world: World, flood_article: Article, settings, redis, sandbox) -> None:
    await _followers("510104", 3, "jj")
    await User.create(role=Role.CITIZEN, region_id="510104", mp_openid="mp-unreachable")
    await _followers("510703", 1, "my")  # 绵阳: outside the event
    page.on("dialog", lambda dialog: dialog.accept())
    await _sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD)
    assert page.url.endswith("/console/emergencies")
    await page.fill("#headline", "锦江区强降雨内涝")
    await page.select_option("#event_type", "flood")
    await page.select_option("#severity", "orange")
    await page.fill("#instruction", "不要涉水，远离井盖和电线杆")
    await page.click("#region-picker details:has(input[value='510100']) summary", position={"x": 2, "y": 5})
    await page.check("#region-picker input[value='510104']")
    await page.check(f"#article-picker input[value='{flood_article.id}']")
    await page.click("#preview-button")
    await page.wait_for_selector(".preview-total")
    # the 3 followers, 1 mini-program-only person and the world's 3 people of 锦江区 (nobody follows)
    assert (await page.text_content(".preview-total .reachable")).strip() == "可触达 3 人"
    assert (await page.text_content(".preview-total .unreachable")).strip() == "无法触达 4 人"
    assert "锦江区" in await page.text_content("#preview table")
    await page.click("#confirm-button")
    await page.wait_for_url(re.compile(r".*/console/emergencies/\d+$"))
    emergency = await Emergency.get(headline="锦江区强降雨内涝")
    assert emergency.region_codes == ["510104"]
    assert "等待入队" in await page.text_content(".timeline")  # the workers fan it out (none run here)
    assert await emergency_fanout.work() == 1

    clients = build_clients(settings, redis)
    try:
        sent = await dispatch.dispatch_batch(worker="console-test", clients=clients, store=redis,
                                             mp_appid=settings.mp_appid, limit=1)
    finally:
        await clients.oa.aclose()
        await clients.mp.aclose()
    assert sent == 1
    outbox = (await sandbox.get("/_sandbox/outbox", params={"endpoint": "cgi-bin/message/template/send"})).json()
    [message] = outbox["messages"]
    assert message["touser"].startswith("o-jj") and message["payload"]["data"]["thing1"]["value"] == "锦江区强降雨内涝"

    await page.reload()
    await page.wait_for_function("document.querySelector('#delivery-total').cells[3].textContent === '1'")
    row = page.locator("#delivery-table tbody tr[data-region='510104']")
    assert (await row.locator("td").nth(1).text_content()) == "7"
    shot = screenshot_path("emergency-live.png")
    await page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot: {shot}")

    await page.fill("#cancel-form input[name=note]", "预警解除")
    await page.click("#cancel-button")
    await page.wait_for_selector("#cancel-done")
    assert await page.is_visible("#cancelled-tag")
    assert "停止 2 条" in await page.text_content(".timeline")
    # Only the one sent was ever written as a push request; the rest are counted from the recipients.
    statuses = await PushRequest.filter(kind="emergency_alert").values_list("status", flat=True)
    assert statuses == [PushStatus.SENT]
    totals = (await emergencies.figures(emergency.id)).totals
    assert (totals["targeted"], totals["sent"], totals["cancelled"], totals["unreachable"]) == (7, 1, 2, 4)
    shot = screenshot_path("emergency-cancelled.png")
    await page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")


@pytest.fixture
async def console(live_server: str):
    async with httpx.AsyncClient(base_url=live_server, timeout=20) as http:
        yield http


async def test_push_pages_are_for_admins_only(console, world: World) -> None:
    anonymous = await console.get("/console/emergencies")
    assert anonymous.status_code == 303 and "/console/login" in anonymous.headers["location"]
    assert (await console.post("/console/api/emergencies/preview", json={"region_codes": ["510104"]})).status_code \
        == 401
    await sign_in(console, "sandbox-console-chengdu", STAFF_PASSWORD)
    assert (await console.get("/console/emergencies")).status_code == 403
    assert (await console.get("/console/outreach")).status_code == 403


async def test_posts_without_the_csrf_token_are_refused(console, world: World, flood_article) -> None:
    await sign_in(console, "sandbox-console-admin", ADMIN_PASSWORD)
    form = {"event_type": "flood", "severity": "red", "headline": "没有令牌的请求", "region_codes": "510104",
            "onset": "2026-12-01T08:00", "expires_at": "2099-12-01T08:00", "article_ids": str(flood_article.id)}
    assert (await console.post("/console/emergencies", data=form)).status_code == 403
    assert (await console.post("/console/api/emergencies/preview", json={"region_codes": ["510104"]})).status_code \
        == 403
    assert await Emergency.all().count() == 0


async def test_a_bad_emergency_form_is_shown_again_with_the_reason(console, world: World, flood_article) -> None:
    await sign_in(console, "sandbox-console-admin", ADMIN_PASSWORD)
    token = await session_csrf(console)
    form = {"csrf_token": token, "event_type": "flood", "severity": "red", "confirm_red": "1",
            "headline": "结束早于开始",
            "region_codes": "510104", "onset": "2099-12-02T08:00", "expires_at": "2099-12-01T08:00",
            "article_ids": str(flood_article.id)}
    answer = await console.post("/console/emergencies", data=form)
    assert answer.status_code == 422 and "结束时间应晚于发生时间" in answer.text
    assert 'value="结束早于开始"' in answer.text  # what was typed is kept
    assert await Emergency.all().count() == 0


async def test_an_award_call_is_previewed_and_sent_from_the_console(console, world: World, flood_article) -> None:
    await User.create(role=Role.SCIENTIST, region_id="510104", oa_openid="o-young", follows_oa=True,
                      discipline="土壤学", birth_year=1995)
    await User.create(role=Role.SCIENTIST, region_id="510104", oa_openid="o-senior", follows_oa=True,
                      discipline="土壤学", birth_year=1960)
    await sign_in(console, "sandbox-console-admin", ADMIN_PASSWORD)
    token = await session_csrf(console)
    preview = await console.post("/console/api/outreach/preview", headers={"x-csrf-token": token},
                                 json={"kind": "award_call", "audience": {"max_age": 40, "disciplines": ["土壤学"]}})
    assert preview.status_code == 200 and preview.json()["total"] == 1
    form = {"csrf_token": token, "kind": "award_call", "title": "四川青年科技奖征集",
            "article_ids": str(flood_article.id), "disciplines": "土壤学", "max_age": "40",
            "award": "第十七届四川青年科技奖", "note": "40周岁以下", "deadline": "2099-03-31", "send_now": "1"}
    answer = await console.post("/console/outreach", data=form)
    assert answer.status_code == 303, answer.text
    detail = await console.get(answer.headers["location"])
    assert "已发送" in detail.text
    outreach = await Outreach.get()
    assert (outreach.targeted, outreach.queued) == (1, 1)
    shared = await PushBroadcast.get(kind="award_call", cause=f"outreach:{outreach.id}")  # its data, stored once
    assert shared.data["award"] == "第十七届四川青年科技奖"
