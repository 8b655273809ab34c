"""The async WeChat API client: one shared access_token per appid, bounded retries, timeouts.

Not wechatpy's client (WECHAT.md §8): that one blocks the event loop, recurses on 40001 and keeps
token expiry per process. Here the token lives in Redis behind a lock, so N processes fetch once.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

import httpx
from redis.asyncio import Redis

from server import redis_keys as keys
from server.settings import Settings
from server.wechat.errors import WeChatError, WeChatUnavailable, is_token_error

log = logging.getLogger(__name__)

SCENE_RE = re.compile(r"^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$")
LOCK_WAIT_SECONDS = 5.0
# Delete the cached token only if it is still the one that failed (another process may have
# refreshed it already): compare-and-delete, atomically.
_COMPARE_AND_DELETE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


@dataclass(frozen=True)
class Code2Session:
    openid: str
    session_key: str
    unionid: str | None


class WeChatClient:
    """Calls the WeChat API for one app (official account or mini-program)."""

    def __init__(self, *, appid: str, secret: str, base_url: str, redis: Redis, timeout: float = 5.0,
                 http: httpx.AsyncClient | None = None) -> None:
        self.appid = appid
        self._secret = secret
        self._redis = redis
        self._owns_http = http is None
        self._http = http or httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout)
        self._token_key = keys.key(keys.WECHAT_TOKEN, appid=appid)
        self._lock_key = keys.key(keys.WECHAT_TOKEN_LOCK, appid=appid)

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        if self._owns_http:
            await self._http.aclose()

    async def access_token(self) -> str:
        """Return the shared token, fetching it once across processes when missing.

        https://developers.weixin.qq.com/doc/service/api/base/api_getstableaccesstoken
        """
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            token = await self._redis.get(self._token_key)
            if token:
                return token
            me = secrets.token_hex(8)
            if await self._redis.set(self._lock_key, me, nx=True, px=keys.WECHAT_TOKEN_LOCK_TTL_MS):
                try:
                    # Another process may have stored a token and let the lock go since our GET.
                    return await self._redis.get(self._token_key) or await self._fetch_token()
                finally:
                    await self._redis.eval(_COMPARE_AND_DELETE, 1, self._lock_key, me)
            if time.monotonic() > deadline:
                raise WeChatUnavailable("timed out waiting for another process to fetch the access_token")
            await asyncio.sleep(0.05)

    async def _fetch_token(self) -> str:
        body = {"grant_type": "client_credential", "appid": self.appid, "secret": self._secret,
                "force_refresh": False}
        data = await self._request("POST", "cgi-bin/stable_token", json=body)
        token, expires_in = data["access_token"], int(data.get("expires_in", 7200))
        ttl = max(expires_in - keys.WECHAT_TOKEN_MARGIN, keys.WECHAT_TOKEN_MIN_TTL)
        await self._redis.set(self._token_key, token, ex=ttl)
        log.info("fetched access_token for %s (ttl %ss)", self.appid, ttl)
        return token

    async def call(self, path: str, *, json: dict | None = None, params: dict | None = None,
                   method: str = "POST", raw: bool = False) -> Any:
        """Call a token-protected endpoint; refresh the token and retry once on 40001/40014/42001."""
        token = await self.access_token()
        try:
            return await self._request(method, path, json=json, params={**(params or {}), "access_token": token},
                                       raw=raw)
        except WeChatError as exc:
            if not is_token_error(exc.errcode):
                raise
            log.warning("%s answered %s: refreshing the access_token once", path, exc.errcode)
            await self._redis.eval(_COMPARE_AND_DELETE, 1, self._token_key, token)
            token = await self.access_token()
            return await self._request(method, path, json=json, params={**(params or {}), "access_token": token},
                                       raw=raw)

    async def _request(self, method: str, path: str, *, json: dict | None = None, params: dict | None = None,
                       raw: bool = False) -> Any:
        started = time.perf_counter()
        try:
            response = await self._http.request(method, "/" + path, json=json, params=params)
        except httpx.HTTPError as exc:
            raise WeChatUnavailable(f"{path}: {type(exc).__name__}") from exc
        if response.status_code >= 500:
            raise WeChatUnavailable(f"{path}: HTTP {response.status_code}")
        if raw and response.headers.get("content-type", "").startswith("image/"):
            return response.content
        try:
            data = response.json()
        except ValueError as exc:
            raise WeChatUnavailable(f"{path}: answer is not JSON") from exc
        errcode = int(data.get("errcode", 0) or 0)
        log.debug("%s -> %s in %.0f ms", path, errcode, (time.perf_counter() - started) * 1000)
        if errcode:
            raise WeChatError(errcode, str(data.get("errmsg", "")))
        return data

    async def code2session(self, js_code: str) -> Code2Session:
        """Exchange a wx.login code (no access_token needed).

        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
        """
        params = {"appid": self.appid, "secret": self._secret, "js_code": js_code,
                  "grant_type": "authorization_code"}
        data = await self._request("GET", "sns/jscode2session", params=params)
        return Code2Session(openid=data["openid"], session_key=data.get("session_key", ""),
                            unionid=data.get("unionid"))

    async def msg_sec_check(self, *, openid: str, content: str, scene: int = 3, title: str | None = None) -> str:
        """Check user text with msgSecCheck v2; return result.suggest (pass / review / risky).

        https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html
        """
        body: dict[str, Any] = {"content": content, "version": 2, "scene": scene, "openid": openid}
        if title:
            body["title"] = title
        data = await self.call("wxa/msg_sec_check", json=body)
        return str(data.get("result", {}).get("suggest", "review"))

    async def get_unlimited_qrcode(self, *, scene: str, page: str | None = None, check_path: bool = False,
                                   env_version: str = "release", width: int = 430) -> bytes:
        """Return a mini-program code image for a scene.

        https://developers.weixin.qq.com/miniprogram/dev/server/API/qrcode-link/qr-code/api_getunlimitedqrcode
        """
        if not SCENE_RE.match(scene):
            raise ValueError("scene must be 1-32 characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]")
        body: dict[str, Any] = {"scene": scene, "check_path": check_path, "env_version": env_version,
                                "width": width}
        if page:
            body["page"] = page.lstrip("/")
        image = await self.call("wxa/getwxacodeunlimit", json=body, raw=True)
        if not isinstance(image, bytes):
            raise WeChatUnavailable("wxa/getwxacodeunlimit did not return an image")
        return image

    async def media_check_async(self, *, media_url: str, openid: str, scene: int = 3) -> str:
        """Ask for an asynchronous image check; return its trace_id (the verdict comes to the callback).

        https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediachecksync.html
        """
        body = {"media_url": media_url, "media_type": 2, "version": 2, "scene": scene, "openid": openid}
        return str((await self.call("wxa/media_check_async", json=body))["trace_id"])

    async def create_temp_qrcode(self, *, scene: str, expire_seconds: int) -> str:
        """Create a temporary parametric official-account QR code for a scene; return its ticket.

        https://developers.weixin.qq.com/doc/service/api/qrcode/qrcodes/api_createqrcode.html
        """
        body = {"expire_seconds": expire_seconds, "action_name": "QR_STR_SCENE",
                "action_info": {"scene": {"scene_str": scene}}}
        return str((await self.call("cgi-bin/qrcode/create", json=body))["ticket"])

    async def send_custom_message(self, payload: dict) -> dict:
        """Send a customer-service message (inside the user's window).

        https://developers.weixin.qq.com/doc/service/api/customer/message/api_sendcustommessage
        """
        return await self.call("cgi-bin/message/custom/send", json=payload)

    async def send_template_message(self, payload: dict) -> dict:
        """Send an official-account template message; the answer carries msgid.

        https://developers.weixin.qq.com/doc/service/api/notify/template/api_sendtemplatemessage.md
        """
        return await self.call("cgi-bin/message/template/send", json=payload)

    async def send_subscribe_message(self, payload: dict) -> dict:
        """Send a mini-program subscribe message (spends one accepted grant).

        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
        """
        return await self.call("cgi-bin/message/subscribe/send", json=payload)


@dataclass
class WeChatClients:
    oa: WeChatClient
    mp: WeChatClient


def build_clients(settings: Settings, redis: Redis) -> WeChatClients:
    """Build the official-account and mini-program clients for the settings."""
    common = {"base_url": settings.api_base, "redis": redis, "timeout": settings.wechat_timeout}
    return WeChatClients(oa=WeChatClient(appid=settings.oa_appid, secret=settings.oa_secret, **common),
                         mp=WeChatClient(appid=settings.mp_appid, secret=settings.mp_secret, **common))
