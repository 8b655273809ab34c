"""The dispatcher's chat channel against the sandbox over real HTTP: window, notice, backoff, order, exactly once."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta

from server.models import ChatMessage, Post, PushAttempt, PushRequest, ReplyWindow, Ticket
from server.models.enums import PostKind, PushStatus
from server.push import custom, dispatch, throttle, windows
from server.tickets import chat
from tests.factories import make_user

TOMORROW = (datetime.now(UTC) + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
NOON = TOMORROW.replace(hour=4)  # 12:00 Beijing time, within 48 hours of a window opened now
NIGHT = TOMORROW.replace(hour=15)  # 23:00 Beijing time
CUSTOM, TEMPLATE = "cgi-bin/message/custom/send", "cgi-bin/message/template/send"
_seq = itertools.count(1)


async def open_chat(*, follows: bool = True, window: bool = True) -> tuple[Ticket, object]:
    """A ticket whose poster follows the account (with an open window) and its concierge; return (ticket, poster)."""
    poster = await make_user(oa_openid=f"o-poster-{next(_seq)}", follows_oa=follows)
    staff = await make_user("staff", name="王科服")
    post = await Post.create(kind=PostKind.QUESTION, title="李子树叶片发黄", body="叶片发黄脱落怎么办",
                             region_id="511529", author=poster)
    ticket = await Ticket.create(post=post, poster=poster, concierge=staff, region_id="511529")
    if window:
        await windows.opened(openid=poster.oa_openid, kind="message")
    return ticket, poster


async def reply(ticket: Ticket, text: str) -> ChatMessage:
    staff = await ticket.concierge
    return await chat.from_concierge(concierge=staff, ticket=ticket, text=text)


async def dispatch_all(clients, redis, *, now: datetime = NOON, worker: str = "chat", limit: int = 50) -> None:
    while await dispatch.dispatch_batch(worker=worker, clients=clients, store=redis, mp_appid="wxmp", now=now,
                                        limit=limit):
        pass


async def outbox(sandbox, endpoint: str | None = None) -> list[dict]:
    params = {"endpoint": endpoint} if endpoint else {}
    return (await sandbox.get("/_sandbox/outbox", params=params)).json()["messages"]


async def delivery(message: ChatMessage) -> str:
    return (await chat.with_delivery(ChatMessage.filter(id=message.id)).get()).delivery


async def push_of(message: ChatMessage) -> PushRequest:
    return await PushRequest.get(kind="concierge_message", cause=f"chat:{message.id}")


async def test_in_the_window_a_reply_goes_as_a_customer_service_message(clients, redis, sandbox):
    ticket, poster = await open_chat()
    message = await reply(ticket, "明天上午十点给您打电话")
    await dispatch_all(clients, redis)
    [sent] = await outbox(sandbox)
    assert sent["endpoint"] == CUSTOM and sent["touser"] == poster.oa_openid
    assert sent["payload"]["text"]["content"] == f"【科服保姆 · 服务单#{ticket.id}】明天上午十点给您打电话"
    push = await push_of(message)
    assert (push.status, push.channel, push.attempts) == (PushStatus.SENT, "oa_custom", 1)
    assert [(a.channel, a.errcode) for a in await PushAttempt.filter(request_id=push.id)] == [("oa_custom", 0)]
    assert await delivery(message) == "sent"
    assert (await ReplyWindow.get(openid=poster.oa_openid)).sent == 1


async def test_in_the_window_quiet_hours_and_the_daily_cap_do_not_hold_a_conversation(clients, redis, sandbox):
    ticket, _ = await open_chat()
    for i in range(throttle.DAILY_CAP + 1):
        await reply(ticket, f"第{i + 1}条")
    await dispatch_all(clients, redis, now=NIGHT)
    assert len(await outbox(sandbox, CUSTOM)) == throttle.DAILY_CAP + 1


async def test_outside_the_window_a_follower_gets_the_template_notice(clients, redis, sandbox):
    ticket, poster = await open_chat(window=False)
    message = await reply(ticket, "请查看小程序里的方案")
    await dispatch_all(clients, redis)
    [sent] = await outbox(sandbox)
    assert sent["endpoint"] == TEMPLATE and sent["payload"]["template_id"] == "sandbox-tpl-concierge-message-oa"
    assert sent["payload"]["data"]["thing1"]["value"] == "请查看小程序里的方案"
    assert sent["payload"]["miniprogram"]["pagepath"] == f"pages/post/index?id={ticket.post_id}"
    push = await push_of(message)
    assert (push.status, push.channel) == (PushStatus.SENT, "oa_template")
    assert await delivery(message) == "notified"


async def test_outside_the_window_a_notice_waits_for_the_morning(clients, redis, sandbox):
    ticket, _ = await open_chat(window=False)
    message = await reply(ticket, "夜里写的回复")
    await dispatch_all(clients, redis, now=NIGHT)
    push = await push_of(message)
    assert (push.status, push.last_error) == (PushStatus.PENDING, throttle.QUIET_HELD)
    assert await outbox(sandbox) == [] and await delivery(message) == "pending"


async def test_with_no_window_and_no_notice_channel_a_reply_is_unreachable_with_its_reason(clients, redis, sandbox):
    ticket, _ = await open_chat(follows=False, window=False)
    message = await reply(ticket, "您好")
    await dispatch_all(clients, redis)
    push = await push_of(message)
    assert (push.status, push.last_error) == (PushStatus.UNREACHABLE, custom.NO_WINDOW)
    assert await outbox(sandbox) == [] and await delivery(message) == "unreachable"


async def test_a_window_wechat_says_is_shut_falls_back_to_the_notice(clients, redis, sandbox):
    ticket, poster = await open_chat()
    await sandbox.post("/_sandbox/faults", json={"endpoint": CUSTOM, "errcode": 45015})
    message = await reply(ticket, "窗口已关闭")
    await dispatch_all(clients, redis)
    assert [m["endpoint"] for m in await outbox(sandbox)] == [TEMPLATE]
    push = await push_of(message)
    attempts = await PushAttempt.filter(request_id=push.id).order_by("id")
    assert [(a.channel, a.errcode) for a in attempts] == [("oa_custom", 45015), ("oa_template", 0)]
    assert (await ReplyWindow.get(openid=poster.oa_openid)).sent == windows.SHUT
    assert await delivery(message) == "notified"


async def test_a_transient_error_backs_off_with_attempt_rows_then_delivers(clients, redis, sandbox):
    ticket, poster = await open_chat()
    await sandbox.post("/_sandbox/faults", json={"endpoint": CUSTOM, "errcode": -1})
    message = await reply(ticket, "系统繁忙时的回复")
    await dispatch_all(clients, redis)
    push = await push_of(message)
    assert (push.status, push.attempts, push.due_at) == (PushStatus.PENDING, 1, NOON + dispatch.BACKOFF_BASE)
    assert await outbox(sandbox) == [] and await delivery(message) == "pending"
    assert (await ReplyWindow.get(openid=poster.oa_openid)).sent == 0  # the failed send gave its slot back
    await dispatch_all(clients, redis, now=NOON + timedelta(seconds=29))
    assert (await push_of(message)).status == PushStatus.PENDING  # not due yet
    await dispatch_all(clients, redis, now=NOON + dispatch.BACKOFF_BASE)
    [sent] = await outbox(sandbox)
    assert sent["endpoint"] == CUSTOM and "系统繁忙时的回复" in sent["payload"]["text"]["content"]
    attempts = await PushAttempt.filter(request_id=push.id).order_by("id")
    assert [(a.channel, a.errcode) for a in attempts] == [("oa_custom", -1), ("oa_custom", 0)]
    assert await delivery(message) == "sent"


async def test_a_later_message_waits_behind_one_being_retried(clients, redis, sandbox):
    ticket, _ = await open_chat()
    await sandbox.post("/_sandbox/faults", json={"endpoint": CUSTOM, "errcode": -1})
    first = await reply(ticket, "第一条")
    second = await reply(ticket, "第二条")
    await dispatch_all(clients, redis)
    waiting, ahead = await push_of(second), await push_of(first)
    assert (waiting.status, waiting.last_error, waiting.attempts) == (PushStatus.PENDING, f"behind #{ahead.id}", 0)
    await dispatch_all(clients, redis, now=NOON + dispatch.BACKOFF_BASE)
    texts = [m["payload"]["text"]["content"] for m in await outbox(sandbox, CUSTOM)]
    assert [t[-3:] for t in texts] == ["第一条", "第二条"]
    assert [await delivery(first), await delivery(second)] == ["sent", "sent"]


async def test_two_dispatchers_send_each_message_once_and_in_order(clients, redis, sandbox):
    ticket, _ = await open_chat()
    messages = [await reply(ticket, f"消息{i}") for i in range(4)]
    # One row per claim, so the two take turns: a message claimed while an earlier one is being sent waits.
    await asyncio.gather(dispatch_all(clients, redis, worker="a", limit=1),
                         dispatch_all(clients, redis, worker="b", limit=1))
    await dispatch_all(clients, redis, now=NOON + timedelta(hours=1), worker="c")  # and what waited goes, once
    texts = [m["payload"]["text"]["content"][-3:] for m in await outbox(sandbox, CUSTOM)]
    assert texts == [f"消息{i}" for i in range(4)]
    for message in messages:
        push = await push_of(message)
        assert await PushAttempt.filter(request_id=push.id).count() == 1 and push.status == PushStatus.SENT


async def test_a_posters_message_without_a_concierge_is_unreachable(clients, redis, sandbox):
    ticket, poster = await open_chat()
    ticket.concierge_id = None
    await ticket.save()
    message = await chat.from_poster(poster=poster, ticket=ticket, text="有人吗", source="miniprogram")
    assert not await PushRequest.exists(cause=f"chat:{message.id}")
    assert await delivery(message) == "unreachable"


async def test_a_follow_opens_three_messages_for_a_minute_and_a_message_five_for_two_days(settings, redis):
    await windows.opened(openid="o-follow", kind="event", now=NOON)
    taken = [await windows.take("o-follow", now=NOON + timedelta(seconds=30)) for _ in range(4)]
    assert taken == [True, True, True, False]
    await windows.opened(openid="o-late", kind="event", now=NOON)
    assert not await windows.take("o-late", now=NOON + timedelta(minutes=2))
    await windows.opened(openid="o-wrote", kind="message", now=NOON)
    taken = [await windows.take("o-wrote", now=NOON + timedelta(hours=47)) for _ in range(6)]
    assert taken == [True] * 5 + [False]
    assert not await windows.take("o-wrote", now=NOON + timedelta(hours=49))
