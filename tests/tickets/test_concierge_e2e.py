"""The 科服保姆 story end to end over real HTTP to the WeChat sandbox, on a controlled clock.

A citizen asks a question in the mini-program; the county concierge is assigned and notified in the
official account; they reply from the chat (a subscribe message while the citizen has no window, a
customer-service message once the citizen has written); the citizen answers; the concierge records
the contact and a plan; the plan falls due, the concierge is reminded, and a day later the
supervisor gets the escalation. Every push goes through the outbox and the dispatcher.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from server.models import ChatMessage, StaffProfile, Ticket, TicketEvent
from server.push import dispatch
from server.services.subscriptions import mp_template_ids
from server.tickets import followup
from tests.factories import login_as, say

BEIJING = ZoneInfo("Asia/Shanghai")


def morning(days_ahead: int) -> datetime:
    """10:00 Beijing some days from today: daytime (no quiet hours) and after every row's wall-clock due time."""
    day = datetime.now(BEIJING).date() + timedelta(days=days_ahead)
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=BEIJING).astimezone(UTC)


async def invite_and_bind(client, settings, admin: dict, *, name: str, region: str, openid: str) -> int:
    """Invite a colleague as staff and bind their WeChat with「绑定 code」; return their user id."""
    invite = await client.post("/api/v1/admin/staff-invites", json={"name": name, "region_code": region},
                               headers=admin)
    assert invite.status_code == 201, invite.text
    assert "绑定成功" in await say(client, settings, openid, f"绑定 {invite.json()['code']}")
    return invite.json()["user"]["id"]


async def dispatch_at(app, redis, settings, now: datetime) -> None:
    """Send every due push as the dispatcher would at `now`."""
    while await dispatch.dispatch_batch(worker="e2e", clients=app.ctx.wechat, store=redis,
                                        mp_appid=settings.mp_appid, now=now):
        pass


async def outbox(sandbox, touser: str, endpoint: str | None = None) -> list[dict]:
    params = {"touser": touser, **({"endpoint": endpoint} if endpoint else {})}
    return (await sandbox.get("/_sandbox/outbox", params=params)).json()["messages"]


async def followup_notices(sandbox, openid: str) -> list[dict]:
    sent = await outbox(sandbox, openid, "cgi-bin/message/template/send")
    return [m["payload"]["data"] for m in sent if m["payload"]["template_id"] == "sandbox-tpl-followup-reminder-oa"]


async def test_a_question_is_followed_up_until_the_supervisor_hears_of_the_overdue_plan(
        client, app, settings, redis, sandbox):
    day1, admin = morning(1), (await login_as(client, "e2e-admin", "admin"))[0]
    supervisor_id = await invite_and_bind(client, settings, admin, name="李主管", region="511500", openid="o-boss")
    concierge_id = await invite_and_bind(client, settings, admin, name="王科服", region="511529", openid="o-wang")
    await StaffProfile.filter(user_id=concierge_id).update(supervisor_id=supervisor_id)

    # The citizen asks in the mini-program and allows one chat notice (wx.requestSubscribeMessage).
    citizen, user = await login_as(client, "e2e-citizen")
    chat_tpl = next(tid for tid, kind in mp_template_ids().items() if kind == "concierge_message")
    granted = await client.post("/api/v1/subscriptions", json={"results": {chat_tpl: "accept"}}, headers=citizen)
    assert granted.status_code == 200, granted.text
    asked = await client.post("/api/v1/posts", headers=citizen, json={
        "kind": "question", "title": "李子树叶片发黄脱落是什么原因", "region_code": "511529",
        "body": "屏山县家里的李子树今年叶片大面积发黄、提前脱落，想知道是缺什么肥还是生了病，该怎么处理。"})
    assert asked.status_code == 201, asked.text
    ticket = await Ticket.get(post_id=asked.json()["post"]["id"])
    assert ticket.concierge_id == concierge_id

    # The concierge hears of the new ticket in the official account.
    await dispatch_at(app, redis, settings, day1)
    assert [n["character_string1"]["value"] for n in await followup_notices(sandbox, "o-wang")] == [f"#{ticket.id}"]

    # First reply: the citizen never wrote to the account, so a subscribe message goes out instead.
    assert "已切换" in await say(client, settings, "o-wang", f"#{ticket.id}")
    assert "已转发" in await say(client, settings, "o-wang", "您好，我是科服保姆王科服")
    await dispatch_at(app, redis, settings, day1)
    notice = await outbox(sandbox, user.mp_openid, "cgi-bin/message/subscribe/send")
    assert len(notice) == 1 and notice[0]["payload"]["template_id"] == chat_tpl

    # The citizen follows the account and links it (a message: their 48-hour window opens).
    code = (await client.post("/api/v1/me/bind-code", headers=citizen)).json()["code"]
    assert "绑定成功" in await say(client, settings, "o-citizen", f"绑定 {code}")
    await say(client, settings, "o-wang", "明天上午十点给您打电话，请保持手机畅通")
    await dispatch_at(app, redis, settings, day1)
    custom = await outbox(sandbox, "o-citizen", "cgi-bin/message/custom/send")
    assert len(custom) == 1 and "明天上午十点给您打电话" in custom[0]["payload"]["text"]["content"]

    # The citizen answers in the account; the concierge gets it as a customer-service message
    # (the account folds full-width punctuation, so compare a part without any).
    assert "已转达" in await say(client, settings, "o-citizen", "好的，我等您电话")
    await dispatch_at(app, redis, settings, day1)
    to_wang = await outbox(sandbox, "o-wang", "cgi-bin/message/custom/send")
    assert any("我等您电话" in m["payload"]["text"]["content"] for m in to_wang)
    assert await ChatMessage.filter(ticket_id=ticket.id).count() == 3

    # Contact made, plan recorded for tomorrow.
    due = (day1.astimezone(BEIJING) + timedelta(days=1)).date()
    assert "进入「对接」" in await say(client, settings, "o-wang", "状态 对接")
    assert "计划已记录" in await say(client, settings, "o-wang", f"计划 {due.isoformat()} 回访")
    assert (await Ticket.get(id=ticket.id)).first_contact_at is not None

    # The day after the due date: a reminder to the concierge, once; nobody is reassigned (contacted).
    day3 = day1 + timedelta(days=2)
    assert await followup.reassign_uncontacted(day3) == 0
    assert await followup.remind_overdue(day3) == (1, 0)
    assert await followup.remind_overdue(day3 + timedelta(minutes=30)) == (0, 0)
    await dispatch_at(app, redis, settings, day3 + timedelta(minutes=30))
    reminders = (await followup_notices(sandbox, "o-wang"))[1:]
    assert [n["thing2"]["value"] for n in reminders] == ["计划已逾期：回访"]
    assert await followup_notices(sandbox, "o-boss") == []

    # A day later, still not done: the supervisor hears of it.
    day4 = day3 + timedelta(days=1, minutes=30)
    assert await followup.remind_overdue(day4) == (0, 1)
    await dispatch_at(app, redis, settings, day4)
    escalations = await followup_notices(sandbox, "o-boss")
    assert [(n["character_string1"]["value"], n["thing2"]["value"]) for n in escalations] == [
        (f"#{ticket.id}", "王科服的计划逾期未处理")]
    assert len(await followup_notices(sandbox, "o-wang")) == 2
    kinds = await TicketEvent.filter(ticket_id=ticket.id).order_by("id").values_list("kind", flat=True)
    assert kinds[-2:] == ["reminded", "escalated"]


async def test_a_ticket_nobody_contacts_moves_to_a_colleague_and_the_supervisor_hears(
        client, app, settings, redis, sandbox):
    day1, admin = morning(1), (await login_as(client, "e2e-admin-2", "admin"))[0]
    supervisor_id = await invite_and_bind(client, settings, admin, name="李主管", region="511500", openid="o-boss")
    first = await invite_and_bind(client, settings, admin, name="王科服", region="511529", openid="o-wang")
    await invite_and_bind(client, settings, admin, name="张科服", region="511529", openid="o-zhang")
    await StaffProfile.filter(user_id=first).update(supervisor_id=supervisor_id)
    citizen, _ = await login_as(client, "e2e-silent")
    asked = await client.post("/api/v1/posts", headers=citizen, json={
        "kind": "question", "title": "猕猴桃溃疡病怎么防治", "region_code": "511529",
        "body": "屏山县猕猴桃园今年春天枝干流出红褐色汁液，听说是溃疡病，想问怎么防治。"})
    ticket = await Ticket.get(post_id=asked.json()["post"]["id"])
    assert ticket.concierge_id == first
    await Ticket.filter(id=ticket.id).update(assigned_at=day1 - timedelta(hours=1))
    assert await followup.reassign_uncontacted(day1) == 0  # within 24 hours
    assert await followup.reassign_uncontacted(day1 + timedelta(hours=24)) == 1
    await dispatch_at(app, redis, settings, day1 + timedelta(hours=24))
    assert [n["character_string1"]["value"] for n in await followup_notices(sandbox, "o-zhang")] == [f"#{ticket.id}"]
    told = await followup_notices(sandbox, "o-boss")
    assert len(told) == 1 and told[0]["thing2"]["value"] == "王科服超时未联系，已改派张科服"
