"""Console sign-in, sign-out and one's own password."""

from __future__ import annotations

import hmac

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from server.errors import ValidationFailed

from . import accounts, auth
from .render import render, secure_headers

bp = Blueprint("console", url_prefix="/console")

GENERIC_ERROR = "账号或密码错误，或该账号无权使用控制台"
LOCKED_ERROR = f"登录失败次数过多，请 {auth.FAIL_WINDOW // 60} 分钟后再试"


def _safe_next(target: str | None) -> str:
    """Return a same-site console path to go to after sign-in (never another host)."""
    if not target or not target.startswith("/console") or target.startswith("/console/login"):
        return "/console/"
    if "//" in target or "\\" in target or any(ord(c) < 32 for c in target):
        return "/console/"
    return target


def _login_page(request: Request, *, status: int = 200, error: str = "", account: str = "") -> HTTPResponse:
    token, fresh = auth.login_form_token(request)
    form = request.form if request.method == "POST" else None
    target = _safe_next((form.get("next") if form else None) or request.args.get("next"))
    response = render("login.html", request, status=status, error=error, account=account, login_token=token,
                      next=target)
    if fresh:
        auth.set_login_cookie(response, request, token)
    return response


@bp.get("/login")
async def login_form(request: Request) -> HTTPResponse:
    """Show the sign-in form (or go straight on when already signed in)."""
    if await auth.load_session(request) is not None:
        return secure_headers(redirect(_safe_next(request.args.get("next")), status=303))
    return _login_page(request)


@bp.post("/login")
async def login_submit(request: Request) -> HTTPResponse:
    """Check the credentials of a staff member or admin and start a console session."""
    form = request.form or {}
    cookie_token = request.cookies.get(auth.LOGIN_COOKIE) or ""
    given = form.get(auth.CSRF_FIELD) or ""
    if not cookie_token or not hmac.compare_digest(given.encode(), cookie_token.encode()):
        return render("error.html", request, status=403, message="页面已过期，请刷新登录页后重试")
    account = (form.get("account") or "").strip()[:64]
    password = form.get("password") or ""
    found, lock = await accounts.find_account(account)
    if await auth.is_locked_out(request, lock):
        return _login_page(request, status=429, error=LOCKED_ERROR, account=account)
    user = await accounts.authenticate(user=found, password=password) if account and password else None
    if user is None:
        await auth.record_failure(request, lock)
        return _login_page(request, status=401, error=GENERIC_ERROR, account=account)
    await auth.clear_failures(request, lock)
    sid = await auth.start_session(request, user)
    response = secure_headers(redirect(_safe_next(form.get("next")), status=303))
    auth.set_session_cookie(response, request, sid)
    response.delete_cookie(auth.LOGIN_COOKIE, path=auth.LOGIN_PATH)
    return response


@bp.post("/logout")
@auth.page()
async def logout(request: Request) -> HTTPResponse:
    """End the session and forget its cookie."""
    await auth.end_session(request)
    response = redirect(auth.LOGIN_PATH, status=303)
    auth.clear_session_cookie(response)
    return response


@bp.get("/password")
@auth.page()
async def password_form(request: Request) -> HTTPResponse:
    """Show the form to change one's own console password."""
    return render("password.html", request, active="password")


@bp.post("/password")
@auth.page()
async def password_submit(request: Request) -> HTTPResponse:
    """Change one's own password; every other session of the account ends, this one is renewed."""
    session, form = request.ctx.console, request.form or {}
    lock = f"password-change:{session.user.id}"
    if await auth.is_locked_out(request, lock):
        return render("password.html", request, status=429, active="password", error=LOCKED_ERROR)
    try:
        await accounts.change_password(user=session.user, current=form.get("current_password") or "",
                                       new=form.get("new_password") or "", confirm=form.get("confirm_password") or "")
    except ValidationFailed as exc:
        if exc.field == "current_password":
            await auth.record_failure(request, lock)
        return render("password.html", request, status=422, active="password", error=exc.message)
    await auth.clear_failures(request, lock)
    request.ctx.console = await auth.renew_session(request, session)
    response = render("password.html", request, active="password", done=True)
    auth.set_session_cookie(response, request, request.ctx.console.sid)
    return response
