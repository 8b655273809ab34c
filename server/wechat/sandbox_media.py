"""Sandbox stand-ins for official-account QR codes (qrcode/create, showqrcode).

A ticket carries its scene (base64), so any sandbox process can draw the code it names.
"""

from __future__ import annotations

import base64
import io
from typing import Any

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
