"""Console sign-in plumbing: server-side sessions in the store, CSRF tokens, failed-attempt limits.

The session id is random and lives only in an HttpOnly, SameSite=Lax cookie (Secure outside
dev/test); the session's state (user id, CSRF token, start time) lives in the shared store with a
sliding idle expiry and an absolute lifetime. Every POST must carry the session's CSRF token, as the
form field `csrf_token` or the `X-CSRF-Token` header. The sign-in form itself is protected by a
double-submit token bound to a short-lived pre-session cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from functools import wraps
from typing import Any
from urllib.parse import quote

from sanic import Request
from sanic.response import HTTPResponse, redirect

from server import redis_keys
from server.errors import AppError, Forbidden, Unauthorized
from server.models import User
from server.models.enums import Role

from . import accounts
from .render import render, secure_headers

SESSION_KEY = redis_keys.CONSOLE_SESSION
SESSION_IDLE_TTL = redis_keys.CONSOLE_SESSION_IDLE_TTL
SESSION_MAX_AGE = 24 * 3600  # absolute: a stolen cookie is not good forever
LOGIN_FAILS_KEY = redis_keys.CONSOLE_LOGIN_FAILS
FAIL_LIMIT = 5
FAIL_WINDOW = redis_keys.CONSOLE_LOGIN_FAILS_WINDOW

COOKIE = "kjy_console"
LOGIN_COOKIE = "kjy_console_login"  # pre-session cookie for the sign-in form's CSRF token
LOGIN_COOKIE_TTL = 30 * 60
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
LOGIN_PATH = "/console/login"

Handler = Callable[..., Awaitable[HTTPResponse]]


@dataclass
class ConsoleSession:
    sid: str
    user: User
    csrf: str
    scope: str | None  # the region the user may see; None = everything (admin)

    @property
    def is_admin(self) -> bool:
        return self.user.role == Role.ADMIN


def _store(request: Request):
    return request.app.ctx.redis


def is_secure_cookie(request: Request) -> bool:
    """Return True outside dev and test, where the console is only reached over HTTPS."""
    return request.app.ctx.settings.env not in ("dev", "test")


def _session_key(sid: str) -> str:
    return SESSION_KEY.format(sid=sid)


async def start_session(request: Request, user: User) -> str:
    """Create a session for a signed-in user and return its id (a fresh one: no fixation)."""
    old = request.cookies.get(COOKIE)
    if old:
        await _store(request).delete(_session_key(old))
    sid = secrets.token_urlsafe(32)
    state = {"uid": user.id, "csrf": secrets.token_urlsafe(32), "iat": int(time.time()),
             "pwd": accounts.password_stamp(user)}
    await _store(request).set(_session_key(sid), json.dumps(state), ex=SESSION_IDLE_TTL)
    return sid


async def renew_session(request: Request, session: ConsoleSession) -> ConsoleSession:
    """Replace the request's session with a fresh one for the same user (after a password change)."""
    sid = await start_session(request, session.user)
    state = json.loads(await _store(request).get(_session_key(sid)))
    return replace(session, sid=sid, csrf=state["csrf"])


async def load_session(request: Request) -> ConsoleSession | None:
    """Return the request's live session, sliding its idle expiry; None when there is none."""
    sid = request.cookies.get(COOKIE)
    if not sid or len(sid) > 128:
        return None
    raw = await _store(request).getex(_session_key(sid), ex=SESSION_IDLE_TTL)
    if raw is None:
        return None
    state = json.loads(raw)
    if time.time() - state["iat"] > SESSION_MAX_AGE:
        await _store(request).delete(_session_key(sid))
        return None
    user = await User.get_or_none(id=state["uid"])
    if user is None or user.role not in accounts.CONSOLE_ROLES or not user.password_hash \
            or not hmac.compare_digest(state.get("pwd", ""), accounts.password_stamp(user)):
        await _store(request).delete(_session_key(sid))  # role revoked, password cleared or changed: out
        return None
    return ConsoleSession(sid=sid, user=user, csrf=state["csrf"], scope=await accounts.home_region(user))


async def end_session(request: Request) -> None:
    """Delete the request's session from the store (idempotent)."""
    sid = request.cookies.get(COOKIE)
    if sid:
        await _store(request).delete(_session_key(sid))


def set_session_cookie(response: HTTPResponse, request: Request, sid: str) -> None:
    """Attach the session cookie (HttpOnly, SameSite=Lax, Secure outside dev/test)."""
    response.add_cookie(COOKIE, sid, path="/console", max_age=SESSION_MAX_AGE, httponly=True,
                        samesite="Lax", secure=is_secure_cookie(request))


def clear_session_cookie(response: HTTPResponse) -> None:
    """Remove the session cookie from the browser."""
    response.delete_cookie(COOKIE, path="/console")


def login_form_token(request: Request) -> tuple[str, bool]:
    """Return the sign-in form's CSRF token and whether its cookie must be (re)set."""
    token = request.cookies.get(LOGIN_COOKIE)
    if token and 20 <= len(token) <= 128:
        return token, False
    return secrets.token_urlsafe(32), True


def set_login_cookie(response: HTTPResponse, request: Request, token: str) -> None:
    """Attach the pre-session cookie that the sign-in form's token must match."""
    response.add_cookie(LOGIN_COOKIE, token, path=LOGIN_PATH, max_age=LOGIN_COOKIE_TTL, httponly=True,
                        samesite="Strict", secure=is_secure_cookie(request))


def submitted_csrf(request: Request) -> str:
    """Return the CSRF token a POST carries (header for fetch, else the form field)."""
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    form = request.form if request.content_type.startswith(("application/x-www-form-urlencoded",
                                                             "multipart/form-data")) else None
    return (form.get(CSRF_FIELD) if form else None) or ""


def check_csrf(request: Request, expected: str) -> None:
    """Raise Forbidden unless the request carries the expected CSRF token."""
    given = submitted_csrf(request)
    if not given or not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("页面已过期或请求来源不可信，请刷新页面后重试", code="csrf_failed")


def _fails_key(request: Request, account: str) -> str:
    digest = hashlib.sha256(account.strip().lower().encode()).hexdigest()[:24]
    return LOGIN_FAILS_KEY.format(account=digest, ip=request.remote_addr or request.ip or "unknown")


async def is_locked_out(request: Request, account: str) -> bool:
    """Return True when this account has failed too often from this address lately."""
    count = await _store(request).get(_fails_key(request, account))
    return count is not None and int(count) >= FAIL_LIMIT


async def record_failure(request: Request, account: str) -> None:
    """Count a failed sign-in for (account, address); the window starts at the first failure."""
    name = _fails_key(request, account)
    async with _store(request).pipeline(transaction=True) as pipe:
        pipe.incr(name)
        pipe.expire(name, FAIL_WINDOW, nx=True)
        await pipe.execute()


async def clear_failures(request: Request, account: str) -> None:
    """Forget failed sign-ins after a success."""
    await _store(request).delete(_fails_key(request, account))


def _login_redirect(request: Request) -> HTTPResponse:
    target = request.path + (f"?{request.query_string}" if request.query_string else "")
    return secure_headers(redirect(f"{LOGIN_PATH}?next={quote(target, safe='')}", status=303))


def page(*roles: Role) -> Callable[[Handler], Handler]:
    """Guard an HTML page: sign-in required (redirect), roles checked, CSRF on POST, errors as pages."""

    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            try:
                session = await load_session(request)
                if session is None:
                    return _login_redirect(request)
                request.ctx.console = session
                if roles and session.user.role not in roles:
                    raise Forbidden("您的账号无权访问此页面", code="role_forbidden")
                if request.method == "POST":
                    check_csrf(request, session.csrf)
                return secure_headers(await handler(request, *args, **kwargs))
            except AppError as exc:
                return render("error.html", request, status=exc.status, message=exc.message)

        return wrapper

    return decorate


def api(*roles: Role) -> Callable[[Handler], Handler]:
    """Guard a JSON endpoint: 401 without a session, 403 for other roles or a missing CSRF token."""

    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            session = await load_session(request)
            if session is None:
                raise Unauthorized("请先登录控制台", code="console_login_required")
            request.ctx.console = session
            if roles and session.user.role not in roles:
                raise Forbidden()
            if request.method == "POST":
                check_csrf(request, session.csrf)
            return secure_headers(await handler(request, *args, **kwargs))

        return wrapper

    return decorate
