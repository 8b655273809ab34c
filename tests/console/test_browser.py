"""The console in real headless Chromium (Debian's, driven by Playwright) against a live server."""

from __future__ import annotations

import csv
import io

from server.models import Ticket, TicketEvent
from tests.console.conftest import ADMIN_PASSWORD, STAFF_PASSWORD, World, browser_sign_in, screenshot_path


async def _cell(page, row: str, column: str) -> str:
    return (await page.text_content(f"#{row} td[data-col={column}]") or "").strip()


async def test_admin_reads_the_dashboard_drills_down_and_exports(page, world: World) -> None:
    await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD)
    assert page.url.endswith("/console/")
    assert await page.text_content("#region-title") and "四川省" in await page.text_content("#region-title")
    # numbers match what the test created: 5 posts in 成都市, 2 in 宜宾市; 5 needs province-wide
    assert await _cell(page, "child-510100", "posts") == "5"
    assert await _cell(page, "child-511500", "posts") == "2"
    assert await _cell(page, "child-510100", "open_tickets") == "4"
    assert (await page.text_content("#funnel-need-published")).strip() == "5"
    assert (await page.text_content("#funnel-question-published")).strip() == "1"
    assert "科技服务获取率" in await page.text_content("#definitions")
    # a selector, not wait_for_function: polling a JavaScript string is eval, which the console's CSP refuses
    await page.wait_for_selector("html[data-charts='4']", state="attached")
    assert await page.locator("#chart-funnel canvas").count() == 1  # ECharts drew (vendored, no CDN)
    shot = screenshot_path("dashboard-province.png")
    await page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot: {shot}")

    await page.click("#child-510100 a.drill")
    await page.wait_for_url("**/console/?region=510100*")
    assert "成都市" in await page.text_content("#region-title")
    assert await _cell(page, "child-510104", "posts") == "4"
    assert await _cell(page, "child-510107", "posts") == "1"
    assert await page.locator(f"#concierge-{world.jinjiang.id}").count() == 1
    shot = screenshot_path("dashboard-chengdu.png")
    await page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")

    async with page.expect_download() as info:
        await page.click("#children-section a.export")
    download = await info.value
    raw = open(await download.path(), "rb").read()  # noqa: ASYNC230 - a small local file
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese
    rows = {row["地区代码"]: row for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))}
    assert rows["510104"]["地区名称"] == "锦江区" and rows["510104"]["发布数"] == "4"
    assert rows["510107"]["发布数"] == "1"
    assert download.suggested_filename.startswith("kejiyun-children-510100-")


async def test_dashboard_fits_a_phone(browser, live_server: str, world: World) -> None:
    context = await browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                        device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN")
    page = await context.new_page()
    try:
        await browser_sign_in(page, "sandbox-console-chengdu", STAFF_PASSWORD)
        assert "成都市" in await page.text_content("#region-title")  # staff land on their own region
        assert not await page.is_visible("nav.nav")  # menu folded behind the burger
        await page.click("label.nav-burger")
        assert await page.is_visible("nav.nav a[href='/console/tickets']")
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # no sideways scrolling of the page itself (tables scroll in their box)
        shot = screenshot_path("dashboard-phone.png")
        await page.screenshot(path=str(shot), full_page=True)
        print(f"\nscreenshot: {shot}")
    finally:
        await context.close()


async def test_supervisor_filters_the_board_and_reassigns(page, world: World) -> None:
    await browser_sign_in(page, "sandbox-console-chengdu", STAFF_PASSWORD)
    await page.click("nav.nav a[href='/console/tickets']")
    await page.select_option("select[name=region]", label="　　锦江区")
    await page.click("form.filters button[type=submit]")
    await page.wait_for_url("**/console/tickets?region=510104*")
    ticket = world.chengdu_tickets[0]
    assert await page.locator("#ticket-board tbody tr").count() == 3  # the three 锦江区 needs
    assert world.yibin_tickets[0].id not in [t.id for t in world.chengdu_tickets]
    assert await page.locator(f"#ticket-{world.yibin_tickets[0].id}").count() == 0
    shot = screenshot_path("tickets-board.png")
    await page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot: {shot}")

    await page.click(f"#ticket-{ticket.id} a >> nth=0")
    await page.wait_for_selector("#timeline")
    assert "王锦江" in await page.text_content("#current-concierge")
    await page.select_option("#reassign select[name=to]", str(world.supervisor.id))
    await page.fill("#reassign textarea[name=note]", "锦江区保姆休假，主管接手")
    await page.click("#reassign-submit")
    await page.wait_for_selector("#flash")
    assert "李主管" in await page.text_content("#current-concierge")
    assert "锦江区保姆休假，主管接手" in await page.text_content("#timeline")
    assert (await Ticket.get(id=ticket.id)).concierge_id == world.supervisor.id
    event = await TicketEvent.get(ticket_id=ticket.id, kind="handover")
    assert event.actor_id == world.supervisor.id and "主管接手" in event.note


async def test_sign_out_in_the_browser_ends_the_session(page, world: World) -> None:
    await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD)
    await page.click("#logout")
    await page.wait_for_url("**/console/login")
    await page.goto("/console/tickets")
    assert "/console/login" in page.url
