"""Statement budgets of the official-account callback (X-DB-Statements, counted per request in tests).

A text from a follower: store the message, renew the reply window, read the sender with their open
ticket, mark it handled — four statements (BEGIN/COMMIT aside). A relayed text adds its chat message
and, in the same transaction, the push request that delivers it.
"""

from __future__ import annotations

import itertools

from server.models import ChatMessage, InboundMessage, ReplyWindow, User
from tests.api.test_callback import post_plain, xml
from tests.factories import create_post, login_as, make_user

FOLLOWER_TEXT_BUDGET = 4
RELAYED_TEXT_BUDGET = 6
_msg_ids = itertools.count(880_001)


def text(openid: str, content: str = "你好") -> str:
    return xml(openid, f"<MsgType>text</MsgType><Content>{content}</Content><MsgId>{next(_msg_ids)}</MsgId>")


def statements(response) -> int:
    """The request's statement count; a counter that saw nothing of a stored message is broken, not cheap."""
    return int(response.headers["x-db-statements"])


async def test_a_followers_text_stays_within_four_statements(client, settings):
    await make_user(oa_openid="o-budget", follows_oa=True)
    answer = await post_plain(client, settings, text("o-budget"))
    assert answer.status_code == 200 and "已收到" in answer.text
    assert 0 < statements(answer) <= FOLLOWER_TEXT_BUDGET
    stored = await InboundMessage.get(openid="o-budget")
    assert stored.handled_at is not None and await ReplyWindow.filter(openid="o-budget", kind="message").exists()


async def test_a_strangers_second_text_costs_the_same(client, settings):
    first = await post_plain(client, settings, text("o-stranger"))
    second = await post_plain(client, settings, text("o-stranger", "还在吗"))
    assert 0 < statements(first) <= FOLLOWER_TEXT_BUDGET and 0 < statements(second) <= FOLLOWER_TEXT_BUDGET
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
