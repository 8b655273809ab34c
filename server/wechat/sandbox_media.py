"""Sandbox stand-ins for official-account QR codes (qrcode/create, showqrcode) and the asynchronous
image check (wxa/media_check_async, whose verdict is pushed to the app's callback as WeChat does).

A QR ticket carries its scene (base64), so any sandbox process can draw the code it names.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import secrets
import time
from typing import Any

import httpx
import orjson
import segno
from sanic import Request
from sanic.response import HTTPResponse, raw
from sanic.response import json as sanic_json

TICKET_PREFIX = "sbxqr-"


def _json(body: Any) -> HTTPResponse:
    return sanic_json(body, dumps=orjson.dumps)


def _invalid() -> HTTPResponse:
    return _json({"errcode": 40097, "errmsg": "invalid args"})


def scene_of(ticket: str) -> str | None:
    """Return the scene a sandbox ticket names, or None."""
    if not ticket.startswith(TICKET_PREFIX):
        return None
    try:
        return base64.urlsafe_b64decode(ticket.removeprefix(TICKET_PREFIX).encode()).decode()
    except (ValueError, UnicodeDecodeError):
        return None


def create_qrcode(state: object, request: Request, body: dict) -> HTTPResponse:
    """cgi-bin/qrcode/create with QR_STR_SCENE / QR_SCENE (temporary, at most 30 days)."""
    info = (body.get("action_info") or {}).get("scene") or {}
    scene = str(info.get("scene_str") or info.get("scene_id") or "")
    expire = body.get("expire_seconds", 60)
    if not 1 <= len(scene) <= 64 or not isinstance(expire, int) or not 60 <= expire <= 2_592_000:
        return _invalid()
    ticket = TICKET_PREFIX + base64.urlsafe_b64encode(scene.encode()).decode()
    return _json({"ticket": ticket, "expire_seconds": expire, "url": f"http://weixin.qq.com/q/sandbox-{scene}"})


def show_qrcode(state: object, request: Request, body: dict) -> HTTPResponse:
    """cgi-bin/showqrcode?ticket=…: the code as a PNG (WeChat serves it from mp.weixin.qq.com)."""
    scene = scene_of(request.args.get("ticket", ""))
    if scene is None:
        return _invalid()
    buffer = io.BytesIO()
    segno.make(f"http://weixin.qq.com/q/sandbox-{scene}", error="m").save(buffer, kind="png", scale=6, border=2)
    return raw(buffer.getvalue(), content_type="image/png")


HANDLERS = {"cgi-bin/qrcode/create": create_qrcode, "cgi-bin/showqrcode": show_qrcode}
TOKEN_PATHS = {"cgi-bin/qrcode/create"}


# ---- mediaCheckAsync ----------------------------------------------------------------------------
# The verdict depends on the image itself: bytes holding one of these markers (e.g. in a PNG text
# chunk) come back risky or review, anything else passes; an image the sandbox cannot fetch, review.
MEDIA_MARKERS = ((b"sandbox-risky", "risky", 20002), (b"sandbox-review", "review", 21000))


def media_check_async(state: Any, request: Request, body: dict) -> HTTPResponse:
    """wxa/media_check_async (v2): answer a trace_id now, push the verdict to the callback later."""
    url, openid = body.get("media_url"), body.get("openid")
    if body.get("version") != 2 or body.get("media_type") not in (1, 2) or not isinstance(url, str) or not url:
        return _invalid()
    if body.get("scene") not in (1, 2, 3, 4):
        return _json({"errcode": 40129, "errmsg": "invalid scene"})
    if not isinstance(openid, str) or not openid:
        return _json({"errcode": 40003, "errmsg": "invalid openid"})
    trace_id = f"sbx-{secrets.token_hex(8)}"
    check = {"trace_id": trace_id, "media_url": url, "openid": openid, "appid": request.args.get("appid", ""),
             "suggest": None, "delivered": False}
    state.media_checks.append(check)
    if state.callback_url:
        task = asyncio.get_running_loop().create_task(_judge_and_deliver(state, check))
        _TASKS.add(task)
        task.add_done_callback(_TASKS.discard)
    return _json({"errcode": 0, "errmsg": "ok", "trace_id": trace_id})


_TASKS: set[asyncio.Task] = set()


async def judge(url: str) -> tuple[str, int]:
    """Fetch the image and return (suggest, label) as the sandbox's stand-in for WeChat's review."""
    try:
        async with httpx.AsyncClient(timeout=5) as http:
            response = await http.get(url)
    except httpx.HTTPError:
        return "review", 21000
    if response.status_code != 200:
        return "review", 21000
    for marker, suggest, label in MEDIA_MARKERS:
        if marker in response.content:
            return suggest, label
    return "pass", 100


def event_xml(check: dict, *, suggest: str, label: int) -> str:
    """The wxa_media_check event WeChat pushes for a finished check."""
    return ("<xml><ToUserName><![CDATA[gh_sandbox_mp]]></ToUserName>"
            "<FromUserName><![CDATA[sandbox-system]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            f"<Event><![CDATA[wxa_media_check]]></Event><appid><![CDATA[{check['appid']}]]></appid>"
            f"<trace_id><![CDATA[{check['trace_id']}]]></trace_id><version>2</version>"
            f"<result><suggest><![CDATA[{suggest}]]></suggest><label>{label}</label></result>"
            "<errcode>0</errcode><errmsg><![CDATA[ok]]></errmsg></xml>")


async def _judge_and_deliver(state: Any, check: dict) -> None:
    suggest, label = await judge(check["media_url"])
    check["suggest"] = suggest
    now, nonce = str(int(time.time())), secrets.token_hex(4)
    signature = hashlib.sha1("".join(sorted([state.callback_token, now, nonce])).encode()).hexdigest()  # noqa: S324
    try:
        async with httpx.AsyncClient(timeout=5) as http:
            response = await http.post(state.callback_url, content=event_xml(check, suggest=suggest, label=label),
                                       params={"signature": signature, "timestamp": now, "nonce": nonce})
        check["delivered"] = response.status_code == 200
    except httpx.HTTPError as exc:
        check["delivery_error"] = type(exc).__name__


def add_control_routes(app: Any, state: Any) -> None:
    @app.get("/_sandbox/media-checks")
    async def media_checks(request: Request) -> HTTPResponse:
        """Every mediaCheckAsync asked for, with its verdict once judged (GET ?trace_id= for one)."""
        wanted = request.args.get("trace_id")
        return _json({"checks": [c for c in state.media_checks if wanted in (None, c["trace_id"])]})


HANDLERS["wxa/media_check_async"] = media_check_async
TOKEN_PATHS.add("wxa/media_check_async")
