"""The callback's floor: the guaranteed work of POST /wechat/callback by hand, with bare Sanic.

Verify the URL signature and the timestamp, parse the envelope, verify msg_signature and AES-decrypt
(wechatpy), parse the message, SET NX its dedup key in Redis (a retry answers "success"), INSERT the
message row (asyncpg; `floor_inbound`, a copy of `inbound_messages` with the same columns and
indexes, ON CONFLICT DO NOTHING) and answer the first delivery with an encrypted passive reply.
What the service does on top (the reply window, the sender's open ticket, marking it handled) is
ours to justify. Served like the service: `python -m sanic benchmarks.floor_callback:app --workers N`
with FLOOR_DATABASE_URL, FLOOR_REDIS_URL, FLOOR_TOKEN, FLOOR_AES_KEY, FLOOR_APPID in the environment.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from datetime import UTC, datetime, timedelta

import asyncpg
import xmltodict
from redis.asyncio import Redis
from sanic import Request, Sanic
from sanic.response import HTTPResponse, text
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException

app = Sanic("floor_callback")
INSERT = ("INSERT INTO floor_inbound (dedup_key, openid, kind, event, content, media_id, payload, received_at, "
          "attempts, claimed_at, next_attempt_at, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $8, $9, '') "
          "ON CONFLICT (dedup_key) DO NOTHING RETURNING id")


@app.before_server_start
async def connect(app: Sanic) -> None:
    app.ctx.pool = await asyncpg.create_pool(os.environ["FLOOR_DATABASE_URL"].replace("postgres://", "postgresql://"),
                                             min_size=2, max_size=10)
    app.ctx.redis = Redis.from_url(os.environ["FLOOR_REDIS_URL"])
    app.ctx.token = os.environ["FLOOR_TOKEN"]
    app.ctx.crypto = WeChatCrypto(app.ctx.token, os.environ["FLOOR_AES_KEY"], os.environ["FLOOR_APPID"])


@app.after_server_stop
async def disconnect(app: Sanic) -> None:
    await app.ctx.pool.close()
    await app.ctx.redis.aclose()


def _signed(token: str, signature: str, *parts: str) -> bool:
    expected = hashlib.sha1("".join(sorted([token, *parts])).encode()).hexdigest()  # noqa: S324 - WeChat's scheme
    return hmac.compare_digest(expected, signature)


@app.post("/wechat/callback")
async def callback(request: Request) -> HTTPResponse:
    ctx, args = request.app.ctx, request.args
    timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
        return text("stale timestamp", status=403)
    if not _signed(ctx.token, args.get("signature", ""), timestamp, nonce):
        return text("bad signature", status=403)
    envelope = xmltodict.parse(request.body)["xml"]
    try:
        plain = ctx.crypto.decrypt_message({"Encrypt": envelope["Encrypt"]}, args.get("msg_signature", ""),
                                           timestamp, nonce)
    except InvalidSignatureException:
        return text("bad msg_signature", status=403)
    fields = xmltodict.parse(plain)["xml"]
    openid, kind = fields["FromUserName"], fields["MsgType"]
    key = f"msg:{fields['MsgId']}" if "MsgId" in fields else f"evt:{openid}:{fields['CreateTime']}"
    if not await ctx.redis.set(f"floor:seen:{key}", 1, nx=True, ex=300):
        return text("success", headers={"X-DB-Statements": "0", "X-Worker": str(os.getpid())})
    now = datetime.now(UTC)
    row = await ctx.pool.fetchval(INSERT, key, openid, kind, fields.get("Event", ""), fields.get("Content", ""),
                                  fields.get("MediaId", ""), json.dumps(fields, ensure_ascii=False), now,
                                  now + timedelta(minutes=2))
    if row is None:
        return text("success", headers={"X-DB-Statements": "1", "X-Worker": str(os.getpid())})
    reply = (f"<xml><ToUserName><![CDATA[{openid}]]></ToUserName><FromUserName><![CDATA[{fields['ToUserName']}]]>"
             f"</FromUserName><CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
             "<Content><![CDATA[已收到您的消息，科服保姆会尽快回复。]]></Content></xml>")
    answer = ctx.crypto.encrypt_message(reply, nonce, timestamp)
    return text(answer, content_type="application/xml",
                headers={"X-DB-Statements": "1", "X-Worker": str(os.getpid())})
