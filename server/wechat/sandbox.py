"""The WeChat sandbox: a local server answering the WeChat API endpoints we call.

WeChat's response shapes and errcodes, an outbox of every accepted message, call counters and
switchable faults, so development, tests and demos run with no WeChat account (CONTRACT.md).
State is in memory: restart it (or POST /_sandbox/reset) for a clean slate.
"""

from __future__ import annotations

import asyncio
import io
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import orjson
import segno
from sanic import Request, Sanic
from sanic.response import HTTPResponse, raw
from sanic.response import json as sanic_json

from server.settings import load_settings
from server.wechat import sandbox_media

TOKEN_TTL = 7200
SCENE_RE = re.compile(r"^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$")
# msgSecCheck v2 stand-in: these words make content risky / held for review (GET /_sandbox/info).
RISKY_WORDS = {"赌博": 20006, "毒品": 20006, "诈骗": 20008, "枪支": 20006}
REVIEW_WORDS = {"代开发票": 10001, "加微信": 10001}
TOKEN_PATHS = {"wxa/msg_sec_check", "wxa/getwxacodeunlimit", "cgi-bin/message/custom/send",
               "cgi-bin/message/template/send", "cgi-bin/message/subscribe/send"}
OUTBOX_PATHS = {"cgi-bin/message/custom/send", "cgi-bin/message/template/send", "cgi-bin/message/subscribe/send"}
ERRMSG = {40001: "invalid credential, access_token is invalid or not latest", 40003: "invalid openid",
          40013: "invalid appid", 40029: "invalid code", 40037: "invalid template_id", 40097: "invalid args",
          40125: "invalid appsecret", 40129: "invalid scene", 42001: "access_token expired",
          43101: "user refuse to accept the msg", 44002: "empty post data", 45009: "reach max api daily quota limit",
          45015: "response out of time limit or subscription is canceled", 45047: "out of response count limit",
          47001: "data format error", -1: "system error"}


REENTRY_SECONDS = 600  # template/send's client_msg_id: the same openid + id is sent once within 10 minutes


@dataclass
class Fault:
    endpoint: str
    errcode: int | None = None
    status: int | None = None
    delay: float = 0.0
    times: int = 1  # 0 = until cleared
    touser: str | None = None

    def applies(self, path: str, touser: str | None) -> bool:
        return self.endpoint in ("*", path) and (self.touser is None or self.touser == touser)


@dataclass
class State:
    apps: dict[str, str]
    tokens: dict[str, tuple[str, float]] = field(default_factory=dict)  # token -> (appid, expires_at)
    current: dict[str, str] = field(default_factory=dict)  # appid -> token
    outbox: list[dict[str, Any]] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    calls: dict[str, int] = field(default_factory=dict)
    next_msgid: int = 200_000_000
    # (touser, client_msg_id) -> (msgid, time) of template messages: WeChat sends one once per 10 minutes.
    reentry: dict[tuple[str, str], tuple[int, float]] = field(default_factory=dict)
    media_checks: list[dict[str, Any]] = field(default_factory=list)  # mediaCheckAsync requests (sandbox_media)
    callback_url: str = ""  # where verdicts are pushed (the app's /wechat/callback); "" -> only listed
    callback_token: str = ""

    def reset(self) -> None:
        self.tokens.clear()
        self.current.clear()
        self.outbox.clear()
        self.faults.clear()
        self.calls.clear()
        self.reentry.clear()
        self.media_checks.clear()


def _error(errcode: int, status: int = 200) -> HTTPResponse:
    return _json({"errcode": errcode, "errmsg": ERRMSG.get(errcode, "error")}, status=status)


def _json(body: Any, status: int = 200) -> HTTPResponse:
    return sanic_json(body, status=status, dumps=orjson.dumps)


def _body(request: Request) -> dict[str, Any] | None:
    try:
        data = orjson.loads(request.body or b"{}")
    except orjson.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


async def _take_fault(state: State, path: str, touser: str | None) -> HTTPResponse | None:
    for fault in list(state.faults):
        if not fault.applies(path, touser):
            continue
        if fault.times:
            fault.times -= 1
            if fault.times == 0:
                state.faults.remove(fault)
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.status:
            return _json({"errcode": -1, "errmsg": "sandbox HTTP fault"}, status=fault.status)
        if fault.errcode is not None:
            return _error(fault.errcode)
        return None
    return None


def _issue_token(state: State, appid: str) -> tuple[str, int]:
    token = state.current.get(appid)
    if token and state.tokens.get(token, ("", 0))[1] - time.time() > 300:
        return token, int(state.tokens[token][1] - time.time())
    token = f"sbx_{appid[-6:]}_{secrets.token_urlsafe(24)}"
    state.tokens[token] = (appid, time.time() + TOKEN_TTL)
    state.current[appid] = token
    return token, TOKEN_TTL


def _check_token(state: State, request: Request) -> HTTPResponse | None:
    token = request.args.get("access_token", "")
    known = state.tokens.get(token)
    if known is None:
        return _error(40001)
    if known[1] < time.time():
        return _error(42001)
    return None


def create_sandbox_app(*, name: str = "wechat_sandbox", apps: dict[str, str] | None = None) -> Sanic:
    """Build the sandbox app; `apps` maps appid -> secret (default: the settings' OA and MP apps)."""
    settings = load_settings()
    if apps is None:
        apps = {settings.oa_appid: settings.oa_secret, settings.mp_appid: settings.mp_secret}
    app = Sanic(name)
    app.config.FALLBACK_ERROR_FORMAT = "json"
    state = State(apps=dict(apps), callback_url=settings.sandbox_callback_url, callback_token=settings.oa_token)
    app.ctx.state = state
    _add_control_routes(app, state)
    sandbox_media.add_control_routes(app, state)
    _add_api_routes(app, state)
    return app


def _add_control_routes(app: Sanic, state: State) -> None:
    @app.get("/_sandbox/health")
    async def health(request: Request) -> HTTPResponse:
        return _json({"status": "ok", "apps": sorted(state.apps)})

    @app.get("/_sandbox/info")
    async def info(request: Request) -> HTTPResponse:
        return _json({"risky_words": sorted(RISKY_WORDS), "review_words": sorted(REVIEW_WORDS),
                      "login": "js_code sandbox-<name> -> openid sandbox-<name>, unionid union-<name>"})

    @app.get("/_sandbox/outbox")
    async def outbox(request: Request) -> HTTPResponse:
        endpoint, touser = request.args.get("endpoint"), request.args.get("touser")
        rows = [m for m in state.outbox if (not endpoint or m["endpoint"] == endpoint)
                and (not touser or m["touser"] == touser)]
        return _json({"messages": rows})

    @app.delete("/_sandbox/outbox")
    async def clear_outbox(request: Request) -> HTTPResponse:
        state.outbox.clear()
        return _json({"ok": True})

    @app.get("/_sandbox/stats")
    async def stats(request: Request) -> HTTPResponse:
        return _json({"calls": state.calls})

    @app.post("/_sandbox/faults")
    async def add_fault(request: Request) -> HTTPResponse:
        data = _body(request)
        if not data or not data.get("endpoint"):
            return _json({"error": "endpoint is required"}, status=400)
        fault = Fault(endpoint=data["endpoint"].lstrip("/"), errcode=data.get("errcode"), status=data.get("status"),
                      delay=float(data.get("delay", 0)), times=int(data.get("times", 1)), touser=data.get("touser"))
        state.faults.append(fault)
        return _json({"ok": True, "faults": len(state.faults)})

    @app.delete("/_sandbox/faults")
    async def clear_faults(request: Request) -> HTTPResponse:
        state.faults.clear()
        return _json({"ok": True})

    @app.post("/_sandbox/expire-tokens")
    async def expire_tokens(request: Request) -> HTTPResponse:
        for token, (appid, _expires) in list(state.tokens.items()):
            state.tokens[token] = (appid, time.time() - 1)
        return _json({"ok": True})

    @app.post("/_sandbox/reset")
    async def reset(request: Request) -> HTTPResponse:
        state.reset()
        return _json({"ok": True})


def _add_api_routes(app: Sanic, state: State) -> None:
    @app.route("/<path:path>", methods=["GET", "POST"])
    async def api(request: Request, path: str) -> HTTPResponse:
        path = path.strip("/")
        handler = HANDLERS.get(path)
        if handler is None:
            return _json({"errcode": 404, "errmsg": f"sandbox does not implement {path}"}, status=404)
        state.calls[path] = state.calls.get(path, 0) + 1
        body = _body(request) if request.method == "POST" else {}
        touser = (body or {}).get("touser") or (body or {}).get("openid")
        fault = await _take_fault(state, path, touser)
        if fault is not None:
            return fault
        if path in TOKEN_PATHS and (denied := _check_token(state, request)):
            return denied
        if body is None:
            return _error(47001)
        return handler(state, request, body)


def _stable_token(state: State, request: Request, body: dict) -> HTTPResponse:
    appid, secret = body.get("appid") or request.args.get("appid"), body.get("secret") or request.args.get("secret")
    if appid not in state.apps:
        return _error(40013)
    if state.apps[appid] != secret:
        return _error(40125)
    if body.get("force_refresh"):
        state.current.pop(appid, None)
    token, expires_in = _issue_token(state, appid)
    return _json({"access_token": token, "expires_in": expires_in})


def _token(state: State, request: Request, body: dict) -> HTTPResponse:
    state.current.pop(request.args.get("appid", ""), None)  # /cgi-bin/token always issues a new one
    return _stable_token(state, request, {"appid": request.args.get("appid"), "secret": request.args.get("secret")})


def _jscode2session(state: State, request: Request, body: dict) -> HTTPResponse:
    appid, code = request.args.get("appid"), request.args.get("js_code", "")
    if appid not in state.apps or state.apps[appid] != request.args.get("secret"):
        return _error(40013 if appid not in state.apps else 40125)
    name = code.removeprefix("sandbox-")
    if not code.startswith("sandbox-") or not name:
        return _error(40029)
    return _json({"openid": code, "session_key": secrets.token_urlsafe(16), "unionid": f"union-{name}"})


def _msg_sec_check(state: State, request: Request, body: dict) -> HTTPResponse:
    if body.get("version") != 2 or not body.get("content"):
        return _error(44002)
    if body.get("scene") not in (1, 2, 3, 4):
        return _error(40129)
    if not body.get("openid"):
        return _error(40003)
    content = str(body["content"])
    suggest, label, hits = "pass", 100, []
    for words, verdict in ((REVIEW_WORDS, "review"), (RISKY_WORDS, "risky")):
        for word, word_label in words.items():
            if word in content:
                suggest, label = verdict, word_label
                hits.append({"strategy": "keyword", "errcode": 0, "suggest": verdict, "label": word_label,
                             "keyword": word})
    return _json({"errcode": 0, "errmsg": "ok", "trace_id": secrets.token_hex(8),
                  "result": {"suggest": suggest, "label": label}, "detail": hits})


def _wxacode(state: State, request: Request, body: dict) -> HTTPResponse:
    scene, page = str(body.get("scene", "")), str(body.get("page", ""))
    if not SCENE_RE.match(scene) or page.startswith("/") or "?" in page:
        return _error(40097)
    buffer = io.BytesIO()
    segno.make(scene, error="m").save(buffer, kind="png", scale=4)
    return raw(buffer.getvalue(), content_type="image/png")


def _send(state: State, request: Request, body: dict) -> HTTPResponse:
    path = request.path.strip("/")
    touser = body.get("touser")
    if not isinstance(touser, str) or not touser:
        return _error(40003)
    if path != "cgi-bin/message/custom/send" and not body.get("template_id"):
        return _error(40037)
    client_msg_id = body.get("client_msg_id")
    if path == "cgi-bin/message/template/send" and isinstance(client_msg_id, str) and client_msg_id:
        seen = state.reentry.get((touser, client_msg_id))
        if seen is not None and time.time() - seen[1] < REENTRY_SECONDS:
            return _json({"errcode": 0, "errmsg": "ok", "msgid": seen[0]})  # anti-reentry: not sent again
        state.reentry[(touser, client_msg_id)] = (state.next_msgid + 1, time.time())
    state.next_msgid += 1
    state.outbox.append({"id": state.next_msgid, "endpoint": path, "touser": touser, "payload": body,
                         "time": time.time()})
    answer: dict[str, Any] = {"errcode": 0, "errmsg": "ok"}
    if path == "cgi-bin/message/template/send":
        answer["msgid"] = state.next_msgid
    return _json(answer)


HANDLERS = {
    "cgi-bin/stable_token": _stable_token, "cgi-bin/token": _token, "sns/jscode2session": _jscode2session,
    "wxa/msg_sec_check": _msg_sec_check, "wxa/getwxacodeunlimit": _wxacode,
    "cgi-bin/message/custom/send": _send, "cgi-bin/message/template/send": _send,
    "cgi-bin/message/subscribe/send": _send, **sandbox_media.HANDLERS,
}
TOKEN_PATHS |= sandbox_media.TOKEN_PATHS


def run(*, host: str, port: int) -> int:
    """Serve the sandbox in this process until stopped."""
    app = create_sandbox_app()
    app.run(host=host, port=port, single_process=True, access_log=False, motd=False)
    return 0
