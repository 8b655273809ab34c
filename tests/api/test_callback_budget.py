"""Statement budgets of the official-account callback (X-DB-Statements, counted per request in tests).

A text from a follower who is neither staff nor the poster of an open ticket: one statement stores it
handled and renews the reply window (PostgreSQL; SQLite renews in a second one). Anyone else's text
is stored leased and then handled: renew the window, read the sender with their open ticket, mark it
handled, and for a relayed text its chat message and the push request that delivers it.
"""

from __future__ import annotations

import itertools

from tortoise import connections

from server.models import ChatMessage, InboundMessage, ReplyWindow, User
from tests.api.test_callback import post_plain, xml
from tests.factories import create_post, login_as, make_user

RELAYED_TEXT_BUDGET = 6
_msg_ids = itertools.count(880_001)


def text(openid: str, content: str = "你好") -> str:
    return xml(openid, f"<MsgType>text</MsgType><Content>{content}</Content><MsgId>{next(_msg_ids)}</MsgId>")


def follower_text_budget() -> int:
    """One statement on PostgreSQL; SQLite has no data-modifying WITH, so the window is renewed apart."""
    return 1 if connections.get("default").capabilities.dialect == "postgres" else 2


def statements(response) -> int:
    """The request's statement count; a counter that saw nothing of a stored message is broken, not cheap."""
    return int(response.headers["x-db-statements"])


async def test_a_followers_text_is_stored_handled_in_one_statement(client, settings):
    await make_user(oa_openid="o-budget", follows_oa=True)
    answer = await post_plain(client, settings, text("o-budget"))
    assert answer.status_code == 200 and "已收到" in answer.text
    assert statements(answer) == follower_text_budget()
    stored = await InboundMessage.get(openid="o-budget")
    assert stored.handled_at is not None and await ReplyWindow.filter(openid="o-budget", kind="message").exists()


async def test_a_strangers_second_text_costs_the_same(client, settings):
    first = await post_plain(client, settings, text("o-stranger"))
    second = await post_plain(client, settings, text("o-stranger", "还在吗"))
    assert statements(first) == statements(second) == follower_text_budget()
    assert await ReplyWindow.filter(openid="o-stranger").count() == 1


async def test_a_posters_text_is_relayed_within_six_statements(client, settings):
    headers, poster = await login_as(client, "budget-poster", "citizen", region_id="510104")
    await create_post(client, headers)
    await User.filter(id=poster.id).update(oa_openid="o-poster", follows_oa=True)
    answer = await post_plain(client, settings, text("o-poster", "请问进展如何"))
    assert "已转达" in answer.text
    assert 0 < statements(answer) <= RELAYED_TEXT_BUDGET
    assert await ChatMessage.filter(sender_id=poster.id, text="请问进展如何").count() == 1


async def test_a_retry_of_a_stored_message_sends_no_statement(client, settings):
    body = text("o-retry")
    await post_plain(client, settings, body)
    again = await post_plain(client, settings, body)
    assert again.text == "success" and statements(again) == 0


async def test_a_retry_after_the_redis_mark_expired_changes_nothing(client, settings, redis):
    body = text("o-late-retry")
    first = await post_plain(client, settings, body)
    await redis.flushdb()  # the 5-minute mark is gone; the row still holds the MsgId
    again = await post_plain(client, settings, body)
    assert "已收到" in first.text and again.text == "success"
    assert await InboundMessage.filter(openid="o-late-retry").count() == 1
    assert await ReplyWindow.filter(openid="o-late-retry").count() == 1


async def test_a_text_after_the_posters_ticket_closed_is_stored_handled(client, settings):
    headers, poster = await login_as(client, "closed-poster", "citizen", region_id="510104")
    post = await create_post(client, headers)
    assert (await client.post(f"/api/v1/posts/{post['id']}/withdraw", headers=headers)).status_code == 200
    await User.filter(id=poster.id).update(oa_openid="o-closed", follows_oa=True)
    answer = await post_plain(client, settings, text("o-closed", "还有人吗"))
    assert "已收到" in answer.text and statements(answer) == follower_text_budget()
    assert await ChatMessage.filter(sender_id=poster.id).count() == 0
