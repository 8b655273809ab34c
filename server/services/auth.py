"""Mini-program login: wx.login code -> openid -> user -> bearer session."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.errors import AppError, Forbidden, TooManyRequests, UpstreamUnavailable, ValidationFailed
from server.models import User
from server.services import campaigns, sessions
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError, WeChatUnavailable

log = logging.getLogger(__name__)

LAST_SEEN_EVERY = timedelta(minutes=5)
# jscode2session errcodes and what the person is told (WECHAT.md §5.1).
CODE_ERRORS: dict[int, AppError] = {
    40029: AppError("登录凭证无效或已过期，请重新进入小程序", code="invalid_code", status=400),
    40163: AppError("登录凭证已被使用，请重新进入小程序", code="invalid_code", status=400),
    40226: Forbidden("该微信账号存在风险，暂时无法登录", code="login_blocked"),
    45011: TooManyRequests("登录过于频繁，请一分钟后再试"),
}


@dataclass
class LoginResult:
    token: str
    user: User
    created: bool


async def login(*, code: str, scene: str | None, wechat: WeChatClient, store: Redis,
                secret_key: str, ttl: int) -> LoginResult:
    """Exchange a wx.login code for a session, creating or updating the user."""
    if not code.strip() or len(code) > 128 or not code.isprintable():  # NUL, ESC, zero-width …: not a code
        raise ValidationFailed("缺少有效的登录凭证 code", field="code")
    try:
        session = await wechat.code2session(code.strip())
    except WeChatUnavailable as exc:
        raise UpstreamUnavailable("微信登录服务暂时不可用，请稍后再试") from exc
    except WeChatError as exc:
        known = CODE_ERRORS.get(exc.errcode)
        if known is None:
            log.warning("jscode2session failed: %s %s", exc.errcode, exc.errmsg)
            raise UpstreamUnavailable("微信登录失败，请稍后再试") from exc
        raise AppError(known.message, code=known.code, status=known.status) from exc
    user, created = await _upsert_user(openid=session.openid, unionid=session.unionid)
    if scene:
        await campaigns.record_user_arrival(user=user, scene=scene)
    token = await sessions.issue(store=store, user_id=user.id, secret_key=secret_key, ttl=ttl)
    log.info("login user=%s created=%s", user.id, created)
    return LoginResult(token=token, user=user, created=created)


async def _upsert_user(*, openid: str, unionid: str | None) -> tuple[User, bool]:
    now = datetime.now(UTC)
    for _attempt in range(2):  # a concurrent first login may win the insert race once
        try:
            async with in_transaction():
                user = await User.select_for_update().get_or_none(mp_openid=openid)
                if user is None and unionid:
                    user = await User.select_for_update().get_or_none(unionid=unionid)
                if user is None:
                    return await User.create(mp_openid=openid, unionid=unionid, last_seen_at=now), True
                user.mp_openid = openid
                user.unionid = user.unionid or unionid
                user.last_seen_at = now
                await user.save(update_fields=["mp_openid", "unionid", "last_seen_at", "updated_at"])
                return user, False
        except IntegrityError:
            continue
    raise UpstreamUnavailable("登录冲突，请重试")


async def logout(*, token: str, store: Redis, secret_key: str) -> None:
    """End a session."""
    await sessions.revoke(store=store, token=token, secret_key=secret_key)


async def authenticate(*, token: str, store: Redis, secret_key: str, ttl: int) -> User:
    """Return the user behind a bearer token and note when they were last seen."""
    user_id = await sessions.resolve(store=store, token=token, secret_key=secret_key, ttl=ttl)
    user = await User.get_or_none(id=user_id)
    if user is None:
        await sessions.revoke(store=store, token=token, secret_key=secret_key)
        raise AppError("账号不存在，请重新登录", code="session_expired", status=401)
    now = datetime.now(UTC)
    if user.last_seen_at is None or now - user.last_seen_at > LAST_SEEN_EVERY:
        await User.filter(id=user.id).update(last_seen_at=now)
        user.last_seen_at = now
    return user
