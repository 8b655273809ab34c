"""Emergencies, safely (issue 17): no severity chosen for you, reachable and unreachable apart, honest progress,
a second confirmation for red, and outreach's article picker on a phone."""

from __future__ import annotations

import re

from playwright.async_api import expect

from server.models import Article, Emergency, PushRecipient, PushRequest, User
from server.models.enums import Role
from server.services import emergency_fanout
from tests.console.conftest import ADMIN_PASSWORD, World, browser_sign_in, screenshot_path, session_csrf, sign_in


async def _article() -> Article:
    return await Article.create(title="山体滑坡前兆与避险", summary="发现裂缝、异响立即撤离",
                                emergency_topics=["landslide"])


def _record_dialogs(page) -> list[str]:
    """Accept every alert/confirm and remember its text."""
    seen: list[str] = []

    async def accept(dialog) -> None:
        seen.append(dialog.message)
        await dialog.accept()

    page.on("dialog", accept)
    return seen


async def test_nobody_reachable_reads_0_sent_and_n_unreachable(page, world: World) -> None:
    article = await _article()
    for n in range(2):  # mini-program users who neither follow the account nor granted a subscription
        await User.create(role=Role.CITIZEN, region_id="511529", mp_openid=f"mp-ps{n}")
    dialogs = _record_dialogs(page)
    await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD, next_path="/console/emergencies")
    assert await page.input_value("#severity") == ""  # nothing preselected
    await page.fill("#headline", "屏山县山体滑坡")
    await page.select_option("#event_type", "landslide")
    await page.click("#region-picker details:has(input[value='511500']) summary", position={"x": 2, "y": 5})
    await page.check("#region-picker input[value='511529']")
    await page.check(f"#article-picker input[value='{article.id}']")
    await page.click("#confirm-button")  # the browser itself refuses: no severity chosen
    assert await Emergency.all().count() == 0
    await page.select_option("#severity", "yellow")
    await page.click("#preview-button")
    await page.wait_for_selector(".preview-total")
    assert (await page.text_content(".preview-total .reachable")).strip() == "可触达 0 人"
    assert (await page.text_content(".preview-total .unreachable")).strip() == "无法触达 2 人"
    assert "不会有人收到" in await page.text_content("#preview")
    await page.click("#confirm-button")
    await page.wait_for_url(re.compile(r".*/console/emergencies/\d+$"))
    assert (await page.text_content("#delivery-state")).strip() == "正在生成推送名单…"  # never "done" yet
    assert await emergency_fanout.work() == 1  # what the workers do (none run beside the live server)
    await expect(page.locator("#sum-unreachable")).to_have_text("2")
    assert (await page.text_content("#sum-sent")).strip() == "0"
    assert (await page.text_content("#sum-pending")).strip() == "0"
    assert (await page.text_content("#delivery-state")).strip() == "已结束：没有人收到（2 人无法触达）"
    assert dialogs == ["确认向所选地区发布应急推送？"]  # one confirmation below red
    assert await PushRequest.filter(kind="emergency_alert").count() == 0  # nobody to send to: no push request
    assert await PushRecipient.all().count() == 2  # both counted, as recipients nobody can reach
    shot = screenshot_path("emergency-nobody-reachable.png")
    await page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot: {shot}")


async def test_red_needs_a_second_confirmation(page, world: World) -> None:
    article = await _article()
    dialogs = _record_dialogs(page)
    await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD, next_path="/console/emergencies")
    assert not await page.is_visible("#red-confirm")
    await page.fill("#headline", "锦江区特大暴雨")
    await page.select_option("#severity", "red")
    assert await page.is_visible("#red-confirm")
    await page.click("#region-picker details:has(input[value='510100']) summary", position={"x": 2, "y": 5})
    await page.check("#region-picker input[value='510104']")
    await page.check(f"#article-picker input[value='{article.id}']")
    await page.click("#confirm-button")
    assert dialogs == ["红色预警须再次确认：请先勾选确认项。"] and await Emergency.all().count() == 0
    await page.check("#confirm_red")
    await page.click("#confirm-button")
    await page.wait_for_url(re.compile(r".*/console/emergencies/\d+$"))
    assert dialogs[1] == "确认向所选地区发布应急推送？" and dialogs[2].startswith("这是红色（特别严重）预警")
    assert (await Emergency.get(headline="锦江区特大暴雨")).severity == "red"


async def test_the_server_refuses_red_without_the_second_confirmation(client, world: World) -> None:
    article = await _article()
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    form = {"csrf_token": await session_csrf(client), "event_type": "flood", "severity": "red", "headline": "没勾选",
            "region_codes": "510104", "onset": "2026-12-01T08:00", "expires_at": "2099-12-01T08:00",
            "article_ids": str(article.id)}
    answer = await client.post("/console/emergencies", data=form)
    assert answer.status_code == 422 and "红色预警须再次确认" in answer.text
    answer = await client.post("/console/emergencies", data={**form, "severity": ""})
    assert answer.status_code == 422 and "请选择预警级别" in answer.text
    assert await Emergency.all().count() == 0


async def test_outreach_picks_articles_and_regions_with_a_finger(browser, live_server: str, world: World) -> None:
    article = await _article()
    context = await browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                        device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN")
    page = await context.new_page()
    try:
        await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD, next_path="/console/outreach")
        box = page.locator(f"#article-picker input[value='{article.id}']")
        await box.tap()
        assert await box.is_checked()
        assert "推送地区" in await page.text_content("#region-picker legend")
        assert "受影响地区" not in await page.text_content("#outreach-form")
        assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        await context.close()


async def test_an_emergency_past_its_end_reads_ended_and_offers_no_update(client, world: World) -> None:
    from datetime import UTC, datetime, timedelta

    from server.models.enums import EmergencySeverity, EmergencyType
    from server.services import emergencies
    from server.services.commands import NewEmergency

    article = await _article()
    then = datetime.now(UTC) - timedelta(days=10)
    emergency, _ = await emergencies.alert(admin=world.admin, now=then, command=NewEmergency(
        event_type=EmergencyType.LANDSLIDE, severity=EmergencySeverity.BLUE, headline="上月的滑坡", instruction="",
        region_codes=["511529"], onset=then, expires_at=then + timedelta(days=1), article_ids=[article.id]))
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    page = (await client.get(f"/console/emergencies/{emergency.id}")).text
    assert 'id="expired-tag"' in page and 'id="update-form"' not in page and 'id="cancel-form"' not in page
    listing = (await client.get("/console/emergencies")).text
    assert "已结束" in listing
