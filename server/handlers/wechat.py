"""GET|POST /wechat/callback: the official account's server URL (plain and safe mode)."""

from __future__ import annotations

import asyncio
import logging

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, text

from server.services import inbound
from server.settings import Settings
from server.wechat.callback import SUCCESS, CallbackConfig, CallbackError, open_message, reply_text, verify_url

log = logging.getLogger(__name__)
bp = Blueprint("wechat_callback")
ANSWER_WITHIN = 4.0  # WeChat waits 5 s, then retries: answer "success" before that whatever happens


def callback_config(settings: Settings) -> CallbackConfig:
    """Return the callback's crypto settings."""
    return CallbackConfig(token=settings.oa_token, appid=settings.oa_appid, aes_key=settings.oa_aes_key,
                          max_body=settings.max_body_bytes)


@bp.get("/wechat/callback")
async def verify(request: Request) -> HTTPResponse:
    """Echo echostr when the signature is right (URL verification)."""
    args = {key: request.args.get(key, "") for key in ("signature", "timestamp", "nonce", "echostr")}
    try:
        return text(verify_url(callback_config(request.app.ctx.settings), **args))
    except CallbackError as exc:
        log.warning("callback verification refused: %s", exc.reason)
        return text("", status=exc.status)


@bp.post("/wechat/callback")
async def receive(request: Request) -> HTTPResponse:
    """Verify, store once and answer within WeChat's 5 s: a passive reply or "success"."""
    config = callback_config(request.app.ctx.settings)
    query = {key: request.args.get(key, "") for key in request.args}
    try:
        message = open_message(config, query=query, body=request.body or b"")
    except CallbackError as exc:
        log.warning("callback refused (%s): %s", exc.status, exc.reason)
        return text("", status=exc.status)
    work = inbound.receive(message=message, store=request.app.ctx.redis)
    try:
        reply = await asyncio.wait_for(asyncio.shield(asyncio.ensure_future(work)), timeout=ANSWER_WITHIN)
    except TimeoutError:
        log.warning("callback %s still running after %ss: answered success", message.dedup_key, ANSWER_WITHIN)
        return text(SUCCESS)
    if not reply:
        return text(SUCCESS)
    return text(reply_text(config, message=message, content=reply, nonce=query.get("nonce", "")),
                content_type="application/xml")
