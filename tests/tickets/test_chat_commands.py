"""Concierges work from the official-account chat: commands, and messages stored for the dispatcher."""

from __future__ import annotations

from server.models import ChatMessage, PushRequest, Ticket, TicketEvent
from server.push import custom, dispatch
from server.tickets import chat
from tests.factories import create_post, login_as, say


async def bound_staff(client, settings, name: str = "王科服", region: str = "511500") -> str:
    admin, _ = await login_as(client, f"admin-{name}", "admin")
    invite = (await client.post("/api/v1/admin/staff-invites", json={"name": name, "region_code": region},
                                headers=admin)).json()
    openid = f"o-{invite['user']['id']}"
    assert "绑定成功" in await say(client, settings, openid, f"绑定 {invite['code']}")
    return openid


async def test_concierge_works_a_ticket_from_the_chat(client, settings):
    staff = await bound_staff(client, settings)
    poster, _ = await login_as(client, "chat-poster")
    post = await create_post(client, poster)
    ticket = await Ticket.get(post_id=post["id"])
    assert "科服保姆命令" in await say(client, settings, staff, "帮助")
    assert "请先发送「列表」" in await say(client, settings, staff, "您好")
    assert f"#{ticket.id}" in await say(client, settings, staff, "列表")
    assert "已切换" in await say(client, settings, staff, f"＃{ticket.id}")
    assert "已转发" in await say(client, settings, staff, "您好，我是您的科服保姆，明天上午联系您")
    assert "进入「对接」" in await say(client, settings, staff, "状态　对接")
    assert "不能从" in await say(client, settings, staff, "状态 落地")
    assert "计划已记录" in await say(client, settings, staff, "计划 2026-12-01 回访企业")
    assert "格式" in await say(client, settings, staff, "计划 明天 回访")
    assert "备注已记录" in await say(client, settings, staff, "备注 农户只在上午有空")
    refreshed = await Ticket.get(id=ticket.id)
    assert refreshed.status == "contacted" and refreshed.plan_step == "回访企业"
    sent = await chat.with_delivery(ChatMessage.filter(ticket_id=ticket.id, sender_role="concierge")).get()
    assert sent.text.startswith("您好") and sent.delivery == "pending" and sent.recipient_id == refreshed.poster_id
    assert await PushRequest.exists(kind="concierge_message", cause=f"chat:{sent.id}", user_id=refreshed.poster_id)
    shown = (await client.get(f"/api/v1/tickets/{ticket.id}/messages", headers=poster)).json()["messages"]
    assert [m["sender"] for m in shown] == ["concierge"]
    answer = await client.post(f"/api/v1/tickets/{ticket.id}/messages", json={"text": "好的，谢谢！"}, headers=poster)
    assert answer.status_code == 201 and answer.json()["message"]["sender"] == "poster"
    assert "已结单" in await say(client, settings, staff, "结单 农户已解决")
    assert (await Ticket.get(id=ticket.id)).status == "closed"


async def test_handover_by_name(client, settings):
    await bound_staff(client, settings, "张保姆")
    await bound_staff(client, settings, "李保姆")
    poster, _ = await login_as(client, "handover-poster")
    post = await create_post(client, poster)
    ticket = await Ticket.get(post_id=post["id"]).prefetch_related("concierge")
    owner = ticket.concierge
    other = "李保姆" if owner.name == "张保姆" else "张保姆"
    await say(client, settings, owner.oa_openid, f"#{ticket.id}")
    assert "找不到名为" in await say(client, settings, owner.oa_openid, "转交 赵保姆 休假")
    reply = await say(client, settings, owner.oa_openid, f"转交 {other} 休假一周")
    assert f"已转交给 {other}" in reply
    assert (await Ticket.get(id=ticket.id)).concierge_id != owner.id
    events = await TicketEvent.filter(ticket_id=ticket.id, kind="handover")
    assert events and "休假一周" in events[0].note


async def test_a_poster_writing_to_the_account_reaches_the_ticket(client, settings):
    await bound_staff(client, settings)
    poster, user = await login_as(client, "oa-poster")
    user.oa_openid, user.follows_oa = "o-poster", True
    await user.save()
    post = await create_post(client, poster)
    reply = await say(client, settings, "o-poster", "请问什么时候联系我？")
    assert "已转达" in reply
    stored = await ChatMessage.get(sender_id=user.id)
    assert stored.ticket_id == (await Ticket.get(post_id=post["id"])).id and stored.source == "official_account"


async def test_posters_cannot_read_or_write_other_tickets(client, settings):
    await bound_staff(client, settings)
    owner, _ = await login_as(client, "owner")
    other, _ = await login_as(client, "other")
    post = await create_post(client, owner)
    ticket = await Ticket.get(post_id=post["id"])
    assert (await client.get(f"/api/v1/tickets/{ticket.id}/messages", headers=other)).status_code == 404
    sent = await client.post(f"/api/v1/tickets/{ticket.id}/messages", json={"text": "冒充"}, headers=other)
    assert sent.status_code == 404
    empty = await client.post(f"/api/v1/tickets/{ticket.id}/messages", json={"text": "  "}, headers=owner)
    assert empty.status_code == 422
    assert await ChatMessage.all().count() == 0


async def _delivered(app, redis, sandbox, touser: str) -> list[dict]:
    while await dispatch.dispatch_batch(worker="chat", clients=app.ctx.wechat, store=redis, mp_appid="wxmp",
                                        quiet_hours=False):
        pass
    box = await sandbox.get("/_sandbox/outbox", params={"touser": touser})
    return box.json()["messages"]


async def _replies(ticket: Ticket) -> list[ChatMessage]:
    return list(await chat.with_delivery(ChatMessage.filter(ticket_id=ticket.id, sender_role="concierge"))
                .order_by("id"))


async def _bound_poster(client, settings, name: str):
    headers, user = await login_as(client, name)
    user.oa_openid, user.follows_oa = f"o-{name}", True
    await user.save()
    return headers, user


async def test_reply_reaches_the_poster_in_window_as_a_custom_message(client, settings, app, redis, sandbox):
    staff = await bound_staff(client, settings)
    poster, user = await _bound_poster(client, settings, "window-poster")
    post = await create_post(client, poster)
    ticket = await Ticket.get(post_id=post["id"])
    await say(client, settings, user.oa_openid, "你好，想咨询土壤问题")  # opens the poster's 48 h window
    await say(client, settings, staff, f"#{ticket.id}")
    await say(client, settings, staff, "明天上午我来电话")
    sent = await _delivered(app, redis, sandbox, user.oa_openid)
    assert [m["endpoint"] for m in sent] == ["cgi-bin/message/custom/send"]
    assert "明天上午我来电话" in sent[0]["payload"]["text"]["content"]
    [reply] = await _replies(ticket)
    assert reply.delivery == "sent"
    shown = (await client.get(f"/api/v1/tickets/{ticket.id}/messages", headers=poster)).json()["messages"]
    assert [(m["sender"], m["delivery"]) for m in shown] == [("poster", "sent"), ("concierge", "sent")]
    # and the poster's own message reached the concierge, whose window the commands opened
    to_staff = await _delivered(app, redis, sandbox, staff)
    assert any("想咨询土壤问题" in m["payload"]["text"]["content"] for m in to_staff
               if m["endpoint"] == "cgi-bin/message/custom/send")


async def test_outside_the_window_with_no_channel_a_reply_is_unreachable(client, settings, app, redis, sandbox):
    staff = await bound_staff(client, settings)
    poster, user = await login_as(client, "no-window")  # mini-program only: no official-account window
    post = await create_post(client, poster)
    ticket = await Ticket.get(post_id=post["id"])
    await say(client, settings, staff, f"#{ticket.id}")
    await say(client, settings, staff, "请查看小程序里的方案")
    assert await _delivered(app, redis, sandbox, "sandbox-no-window") == []  # no grant: nothing to send
    [reply] = await _replies(ticket)
    assert reply.delivery == "unreachable"
    notice = await PushRequest.get(kind="concierge_message", user_id=user.id)
    assert notice.data["ticket_id"] == ticket.id and notice.cause == f"chat:{reply.id}"
    assert notice.last_error == custom.NO_WINDOW


async def test_window_quota_and_45015_fall_back_to_templates(client, settings, app, redis, sandbox):
    staff = await bound_staff(client, settings)
    poster, user = await _bound_poster(client, settings, "quota-poster")
    post = await create_post(client, poster)
    ticket = await Ticket.get(post_id=post["id"])
    await say(client, settings, user.oa_openid, "在吗")
    await say(client, settings, staff, f"#{ticket.id}")
    for i in range(6):
        await say(client, settings, staff, f"第{i + 1}条回复")
    await _delivered(app, redis, sandbox, user.oa_openid)
    assert [m.delivery for m in await _replies(ticket)] == ["sent"] * 5 + ["notified"]
    await say(client, settings, user.oa_openid, "收到")  # reopens the window
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/custom/send", "errcode": 45015,
                                                 "touser": user.oa_openid})
    await say(client, settings, staff, "窗口被微信关闭时")
    await _delivered(app, redis, sandbox, user.oa_openid)
    assert (await _replies(ticket))[-1].delivery == "notified"
