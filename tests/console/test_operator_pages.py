"""Operator pages in Chromium and over HTTP: act on a ticket, the 未找到合适专家 queue and its scientist search,
the review queue, QR campaigns and articles (issue 17)."""

from __future__ import annotations

import json

from server.models import Article, ChatMessage, Match, Post, PushRequest, Ticket, TicketEvent, User
from server.models.enums import PostKind, PostStatus, ReviewState, Role
from tests.console.conftest import (
    ADMIN_PASSWORD,
    STAFF_PASSWORD,
    World,
    browser_sign_in,
    make_post,
    screenshot_path,
    session_csrf,
    sign_in,
)


async def test_a_concierge_acts_on_a_ticket_from_its_page(page, world: World) -> None:
    ticket = world.chengdu_tickets[0]
    offer = await Post.get(kind=PostKind.OFFER)
    await User.filter(id=offer.author_id).update(organisation="四川农业大学", discipline="土壤学")
    match = await Match.create(demand_id=ticket.post_id, supply_post=offer, origin_post_id=ticket.post_id,
                               score=0.8, relevance=0.83, method="hybrid", rank=1, keywords=["土壤"])
    await browser_sign_in(page, "sandbox-console-chengdu", STAFF_PASSWORD, next_path=f"/console/tickets/{ticket.id}")
    assert "测试专家" in await page.text_content(f"#match-{match.id} .scientist")  # the scientist by name
    assert "四川农业大学" in await page.text_content(f"#match-{match.id} .scientist")

    page.on("dialog", lambda dialog: dialog.accept())  # the confirm() before accepting on the poster's behalf
    await page.click(f"#match-{match.id} button.accept")
    await page.wait_for_selector("#flash")
    assert (await Match.get(id=match.id)).status == "accepted"

    await page.select_option("#advance-to", "contacted")
    await page.fill("#advance-note", "已电话联系企业")
    await page.click("#advance-submit")
    await page.wait_for_selector("#flash")
    assert "对接" in await page.text_content("#current-stage")

    await page.fill("#plan-due", "2026-12-20")
    await page.fill("#plan-step", "陪同专家实地查看")
    await page.click("#plan-submit")
    await page.wait_for_selector("#flash")
    assert "陪同专家实地查看" in await page.text_content("#current-plan")

    await page.fill("#note-text", "企业负责人下周出差")
    await page.click("#note-submit")
    await page.wait_for_selector("#flash")
    await page.fill("#reply-form textarea", "您好，专家下周到厂里看看")
    await page.click("#reply-submit")
    await page.wait_for_selector("#flash")
    assert "您好，专家下周到厂里看看" in await page.text_content("#chat")
    shot = screenshot_path("ticket-page.png")
    await page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot: {shot}")

    stored = await Ticket.get(id=ticket.id)
    assert (stored.status, str(stored.plan_due), stored.plan_step) == (PostStatus.CONTACTED, "2026-12-20",
                                                                       "陪同专家实地查看")
    kinds = [e.kind for e in await TicketEvent.filter(ticket_id=ticket.id).order_by("id")]
    assert kinds[-3:] == ["status", "plan", "note"]
    assert await PushRequest.filter(kind="post_progress", cause=f"ticket-stage:{ticket.id}:contacted").exists()
    message = await ChatMessage.get(ticket_id=ticket.id)
    assert (message.sender_role, message.recipient_id) == ("concierge", stored.poster_id)


async def test_a_wrong_step_is_refused_beside_its_form(client, world: World) -> None:
    ticket = world.chengdu_tickets[1]
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    csrf = await session_csrf(client)
    answer = await client.post(f"/console/tickets/{ticket.id}/advance", data={"to": "signed", "csrf_token": csrf})
    assert answer.status_code == 409 and "不能从「发布」直接到「签约」" in answer.text
    answer = await client.post(f"/console/tickets/{ticket.id}/plan", data={"due": "明天", "step": "回访",
                                                                         "csrf_token": csrf})
    assert answer.status_code == 422 and "请填写计划日期" in answer.text
    answer = await client.post(f"/console/tickets/{ticket.id}/close", data={"reason": "", "csrf_token": csrf})
    assert answer.status_code == 422 and "结单请填写原因" in answer.text


async def test_a_concierge_cannot_act_outside_their_region(client, world: World) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    csrf = await session_csrf(client)
    other = world.yibin_tickets[0]
    for path, data in [("advance", {"to": "contacted"}), ("note", {"note": "x"}), ("reply", {"text": "x"})]:
        answer = await client.post(f"/console/tickets/{other.id}/{path}", data={**data, "csrf_token": csrf})
        assert answer.status_code in (403, 404), path
    assert (await Ticket.get(id=other.id)).status == PostStatus.PUBLISHED
    assert not await ChatMessage.filter(ticket_id=other.id).exists()


async def test_no_expert_tickets_have_their_queue_and_a_scientist_search(client, world: World) -> None:
    lonely = world.chengdu_tickets[2]
    await Ticket.filter(id=lonely.id).update(match_state="no_expert")
    await User.create(role=Role.SCIENTIST, name="刘土壤", organisation="四川农业大学", discipline="土壤学",
                      region_id="510100", mp_openid="sandbox-liu")
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    queue = (await client.get("/console/no-expert")).text
    assert f'id="ticket-{lonely.id}"' in queue and f'id="ticket-{world.chengdu_tickets[0].id}"' not in queue
    found = (await client.get(f"/console/tickets/{lonely.id}?q=土壤")).text
    assert "刘土壤" in found and "四川农业大学" in found
    nobody = (await client.get(f"/console/tickets/{lonely.id}?q=航天发动机")).text
    assert 'id="no-scientists"' in nobody
    liu = await User.get(name="刘土壤")
    csrf = await session_csrf(client)
    answer = await client.post(f"/console/tickets/{lonely.id}/recommend", data={"scientist": str(liu.id),
                                                                                "csrf_token": csrf})
    assert answer.status_code == 303
    note = await TicketEvent.filter(ticket_id=lonely.id, kind="note").order_by("-id").first()
    assert note.note.startswith("人工查找到专家：刘土壤（四川农业大学，土壤学") and note.internal


async def test_an_operator_approves_a_held_post(page, world: World) -> None:
    held = await make_post(PostKind.NEED, region="510104", title="待人工审核的技术需求", author=world.supervisor)
    await Post.filter(id=held.id).update(review_state=ReviewState.PENDING)
    elsewhere = await make_post(PostKind.NEED, region="511529", title="宜宾待审的需求", author=world.yibin)
    await Post.filter(id=elsewhere.id).update(review_state=ReviewState.PENDING)
    await browser_sign_in(page, "sandbox-console-chengdu", STAFF_PASSWORD, next_path="/console/review")
    assert await page.locator(f"#held-{elsewhere.id}").count() == 0  # another region's
    await page.click(f"#held-{held.id} button.reject")
    await page.wait_for_selector("#review-error")
    assert "驳回请填写原因" in await page.text_content("#review-error")
    await page.click(f"#held-{held.id} button.approve")
    await page.wait_for_selector("#review-done")
    assert (await Post.get(id=held.id)).review_state == ReviewState.PASSED
    assert await page.locator(f"#held-{held.id}").count() == 0


async def test_an_admin_creates_a_campaign_and_downloads_its_png(page, world: World) -> None:
    await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD, next_path="/console/campaigns")
    await page.select_option("#campaign-region", label="　宜宾市")
    await page.select_option("#campaign-staff", str(world.yibin.id))
    await page.fill("#campaign-note", "宜宾科技活动周")
    await page.click("#campaign-submit")
    await page.wait_for_selector("tr.fresh")
    row = page.locator("tr.fresh")
    assert "宜宾科技活动周" in await row.text_content() and "陈宜宾" in await row.text_content()
    async with page.expect_download() as info:
        await row.locator("a.download").click()
    download = await info.value
    data = open(await download.path(), "rb").read()  # noqa: ASYNC230 - a small local file
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert download.suggested_filename.endswith(".png")


async def test_campaign_figures_count_arrivals_profiles_and_posts(client, world: World) -> None:
    from server.services import campaigns

    made = await campaigns.create_campaign(admin=world.admin, region_code="511500", staff_id=None, note="测试")
    await User.create(role=Role.CITIZEN, campaign_id=made.id, mp_openid="sandbox-a1")
    filled = await User.create(role=Role.ORGANISATION, name="扫码企业", campaign_id=made.id, mp_openid="sandbox-a2",
                               region_id="511500")
    post = await make_post(PostKind.NEED, region="511500", title="扫码后发布的需求", author=filled)
    await Post.filter(id=post.id).update(campaign_id=made.id)
    assert await campaigns.funnel([made.id]) == {made.id: {"arrived": 2, "registered": 1, "posts": 1}}


async def test_an_admin_imports_articles_from_a_jsonl_file(page, world: World, tmp_path) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [{"id": "sc-1", "title": "地震来了怎么避险", "topics": ["防震减灾"], "emergency_topics": ["earthquake"],
             "region_scope": "510000"},
            {"id": "sc-2", "title": "柑橘黄龙病的识别", "topics": "果树栽培，植物保护", "region_scope": "511500"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    await browser_sign_in(page, "sandbox-console-admin", ADMIN_PASSWORD, next_path="/console/articles")
    await page.set_input_files("#import-file", str(path))
    await page.click("#import-submit")
    await page.wait_for_selector("#articles-done")
    assert "新增 2 篇" in await page.text_content("#articles-done")
    citrus = await Article.get(external_id="sc-2")
    assert citrus.topics == ["果树栽培", "植物保护"] and citrus.region_scope == "511500"
    assert "宜宾市" in await page.text_content(f"#article-{citrus.id}")

    path.write_text('{"id": "sc-3", "title": "好"}\nnot json\n', encoding="utf-8")
    await page.set_input_files("#import-file", str(path))
    await page.click("#import-submit")
    await page.wait_for_selector("#articles-error")
    assert "第 2 行不是有效的 JSON" in await page.text_content("#articles-error")
    assert not await Article.filter(external_id="sc-3").exists()  # nothing written when a line is wrong


async def test_an_admin_adds_one_article(client, world: World) -> None:
    await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)
    csrf = await session_csrf(client)
    answer = await client.post("/console/articles", data={
        "csrf_token": csrf, "title": "山洪来了往哪跑", "body": "向两侧山坡高处转移。", "topics": "防汛",
        "emergency_topics": ["flood"], "region_scope": "510100"})
    assert answer.status_code == 303
    article = await Article.get(title="山洪来了往哪跑")
    assert (article.topics, article.emergency_topics, article.region_scope) == (["防汛"], ["flood"], "510100")
    answer = await client.post("/console/articles", data={"csrf_token": csrf, "title": "短", "body": "x"})
    assert answer.status_code == 422 and "标题应为 4 到 128 个字" in answer.text


async def test_campaigns_and_articles_are_for_admins(client, world: World) -> None:
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    for path in ("/console/campaigns", "/console/articles"):
        assert (await client.get(path)).status_code == 403, path


async def test_the_ticket_page_shows_the_posters_checked_photos_only(client, world: World) -> None:
    from server.models.enums import PhotoCheck
    from server.models.photos import PostPhoto

    ticket = world.chengdu_tickets[1]
    post = await Post.get(id=ticket.post_id)
    for verdict in (PhotoCheck.PASS, PhotoCheck.REVIEW):
        await PostPhoto.create(post_id=post.id, uploader_id=post.author_id, content_type="image/jpeg", size=10,
                               storage_key=f"posts/{post.id}/{verdict}.jpg", verdict=verdict)
    await sign_in(client, "sandbox-console-chengdu", STAFF_PASSWORD)
    page = (await client.get(f"/console/tickets/{ticket.id}")).text
    assert page.count("发布人上传的照片") == 1 and "/files/photos/" in page
