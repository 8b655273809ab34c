"""A stored callback message whose handling fails is retried by the workers, handled exactly once, and a
message still unhandled is listed for admins. The fault is a real one: a database trigger refuses the
relayed chat message once (no code of ours is replaced)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from tortoise import connections

from server.models import ChatMessage, InboundMessage
from server.models.enums import Role
from server.services import inbound
from server.wechat.callback import sign
from tests.factories import create_post, login_as

FAULT = {
    "sqlite": ["CREATE TRIGGER kjy_fault BEFORE INSERT ON chat_messages "
               "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"],
    "postgres": ["CREATE FUNCTION kjy_fault() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$ "
                 "LANGUAGE plpgsql",
                 "CREATE TRIGGER kjy_fault BEFORE INSERT ON chat_messages FOR EACH ROW EXECUTE FUNCTION kjy_fault()"],
}
HEAL = {"sqlite": ["DROP TRIGGER IF EXISTS kjy_fault"],
        "postgres": ["DROP TRIGGER IF EXISTS kjy_fault ON chat_messages", "DROP FUNCTION IF EXISTS kjy_fault()"]}


async def _run(statements: dict[str, list[str]]) -> None:
    conn = connections.get("default")
    for statement in statements[conn.capabilities.dialect]:
        await conn.execute_script(statement)


async def send_text(client, settings, *, openid: str, content: str, msg_id: int):
    stamp = str(int(time.time()))
    query = {"signature": sign(settings.oa_token, stamp, "n"), "timestamp": stamp, "nonce": "n"}
    body = (f"<xml><ToUserName><![CDATA[gh_kjy]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{stamp}</CreateTime><MsgType>text</MsgType><Content><![CDATA[{content}]]></Content>"
            f"<MsgId>{msg_id}</MsgId></xml>")
    return await client.post("/wechat/callback", params=query, content=body.encode())


async def test_a_message_whose_handling_fails_once_is_handled_exactly_once_after_the_retry(
        client, app, settings, redis, sandbox):
    headers, _poster = await login_as(client, "relay-poster", oa_openid="o-relay", follows_oa=True)
    await create_post(client, headers)
    admin, _ = await login_as(client, "inbound-admin", Role.ADMIN)
    await _run(FAULT)
    try:
        first = await send_text(client, settings, openid="o-relay", content="请问什么时候联系我？", msg_id=770001)
        again = await send_text(client, settings, openid="o-relay", content="请问什么时候联系我？", msg_id=770001)
    finally:
        await _run(HEAL)
    assert first.status_code == again.status_code == 200  # stored: WeChat must not keep retrying
    row = await InboundMessage.get(dedup_key="msg:770001")
    assert row.handled_at is None and row.attempts == 1 and "injected fault" in row.last_error
    stuck = (await client.get("/api/v1/admin/inbound-messages", headers=admin)).json()["messages"]
    assert [(m["id"], m["attempts"]) for m in stuck] == [(row.id, 1)]

    assert await inbound.handle_pending(store=redis, oa=app.ctx.wechat.oa) == 0  # backing off
    later = datetime.now(UTC) + timedelta(minutes=5)
    assert await inbound.handle_pending(store=redis, oa=app.ctx.wechat.oa, now=later) == 1
    assert await inbound.handle_pending(store=redis, oa=app.ctx.wechat.oa, now=later) == 0
    assert await ChatMessage.filter(sender_role="poster").count() == 1
    assert (await InboundMessage.get(id=row.id)).handled_at is not None
    # The passive reply's moment has passed: the worker answers with a customer-service message.
    sent = (await sandbox.get("/_sandbox/outbox", params={"endpoint": "cgi-bin/message/custom/send"})).json()
    assert [m["touser"] for m in sent["messages"]] == ["o-relay"]
    assert (await client.get("/api/v1/admin/inbound-messages", headers=admin)).json()["messages"] == []


async def test_only_admins_see_stuck_messages(client):
    citizen, _ = await login_as(client, "curious")
    staff, _ = await login_as(client, "staff-curious", Role.STAFF)
    for headers in (citizen, staff):
        assert (await client.get("/api/v1/admin/inbound-messages", headers=headers)).status_code == 403
