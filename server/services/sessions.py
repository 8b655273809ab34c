"""Bearer session tokens: signed ids whose state lives in the shared store with an expiry."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time

from redis.asyncio import Redis
from redis.exceptions import RedisError

from server import inputs, redis_keys
from server.errors import Unauthorized, UpstreamUnavailable

MAX_TOKEN_LENGTH = 128  # issued tokens are 57 characters


def _sign(token_id: str, *, secret_key: str) -> str:
    mac = hmac.new(secret_key.encode(), token_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:18]).decode().rstrip("=")


async def issue(*, store: Redis, user_id: int, secret_key: str, ttl: int) -> str:
    """Create a session for a user and return its bearer token."""
    token_id = secrets.token_urlsafe(24)
    state = json.dumps({"uid": user_id, "iat": int(time.time())})
    try:
        await store.set(redis_keys.key(redis_keys.SESSION, token_id=token_id), state, ex=ttl)
    except RedisError as exc:
        raise UpstreamUnavailable("会话服务暂时不可用，请稍后再试") from exc
    return f"{token_id}.{_sign(token_id, secret_key=secret_key)}"


def _token_id(token: str, *, secret_key: str) -> str:
    if not inputs.is_plain_token(token, max_len=MAX_TOKEN_LENGTH):  # compare_digest refuses non-ASCII str
        raise Unauthorized("登录凭证无效，请重新登录", code="invalid_token")
    token_id, _, signature = token.partition(".")
    if not token_id or not signature:
        raise Unauthorized("登录凭证无效，请重新登录", code="invalid_token")
    if not hmac.compare_digest(signature, _sign(token_id, secret_key=secret_key)):
        raise Unauthorized("登录凭证无效，请重新登录", code="invalid_token")
    return token_id


async def resolve(*, store: Redis, token: str, secret_key: str, ttl: int) -> int:
    """Return the user id behind a token, sliding its expiry; raise Unauthorized if none."""
    token_id = _token_id(token, secret_key=secret_key)
    name = redis_keys.key(redis_keys.SESSION, token_id=token_id)
    try:
        raw = await store.getex(name, ex=ttl)  # read and slide the expiry in one round trip
    except RedisError as exc:
        raise UpstreamUnavailable("会话服务暂时不可用，请稍后再试") from exc
    if raw is None:
        raise Unauthorized("登录已过期，请重新登录", code="session_expired")
    return int(json.loads(raw)["uid"])


async def revoke(*, store: Redis, token: str, secret_key: str) -> None:
    """End the session behind a token (idempotent)."""
    token_id = _token_id(token, secret_key=secret_key)
    try:
        await store.delete(redis_keys.key(redis_keys.SESSION, token_id=token_id))
    except RedisError as exc:
        raise UpstreamUnavailable("会话服务暂时不可用，请稍后再试") from exc
