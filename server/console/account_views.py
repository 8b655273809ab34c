"""Console accounts (admins only): invite a concierge, set away, change capacity, reset a password, disable."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from server import inputs
from server.errors import AppError
from server.models import User
from server.models.enums import Role
from server.redis_keys import STAFF_INVITE_TTL
from server.services import regions, staff_accounts

from . import accounts, auth
from .render import render

bp = Blueprint("console_accounts", url_prefix="/console")
DONE = {"away": "已设为休假：不再分配新工单", "back": "已恢复接单", "capacity": "接单上限已修改",
        "disabled": "账号已停用，其在办工单已改派", "restored": "账号已恢复（仍为休假状态，请重置密码后交给本人）"}


def _form(request: Request, name: str) -> str:
    return inputs.clean_text((request.form.get(name) if request.form else None) or "").strip()


async def _page(request: Request, *, status: int = 200, error: str = "", **extra) -> HTTPResponse:
    admins = await User.filter(role=Role.ADMIN).order_by("id").prefetch_related("region")
    supervisors = await User.filter(role__in=[Role.STAFF, Role.ADMIN]).order_by("role", "id")
    return render("accounts.html", request, status=status, active="accounts", error=error, admins=admins,
                  concierges=await staff_accounts.list_concierges(), supervisors=supervisors,
                  region_options=await regions.region_options(None),
                  form=request.form if request.method == "POST" else None,
                  done=DONE.get(request.args.get("done", ""), ""), invite_days=STAFF_INVITE_TTL // 86400, **extra)


@bp.get("/accounts")
@auth.page(Role.ADMIN)
async def accounts_page(request: Request) -> HTTPResponse:
    """List the concierges and admins, with the invite form."""
    return await _page(request)


@bp.post("/accounts/invite")
@auth.page(Role.ADMIN)
async def invite(request: Request) -> HTTPResponse:
    """Create a concierge (region, capacity, supervisor) and show their WeChat binding code once."""
    try:
        staff, code = await staff_accounts.invite_concierge(
            name=_form(request, "name"), region_code=_form(request, "region"),
            capacity=staff_accounts.check_capacity(_form(request, "capacity")),
            supervisor_id=inputs.optional_id(_form(request, "supervisor") or None, field="supervisor"),
            store=request.app.ctx.redis)
    except AppError as exc:
        return await _page(request, status=422, error=exc.message)
    return await _page(request, invited=staff, bind_code=code)


async def _act(request: Request, user_id: int, action) -> HTTPResponse:
    try:
        done = await action()
    except AppError as exc:
        return await _page(request, status=exc.status, error=exc.message)
    return redirect(f"/console/accounts?done={done}#staff-{user_id}", status=303)


@bp.post("/accounts/<user_id:int>/away")
@auth.page(Role.ADMIN)
async def set_away(request: Request, user_id: int) -> HTTPResponse:
    """Mark a concierge away or back."""
    away = _form(request, "away") == "1"

    async def action() -> str:
        await staff_accounts.set_away(user_id=user_id, away=away)
        return "away" if away else "back"
    return await _act(request, user_id, action)


@bp.post("/accounts/<user_id:int>/capacity")
@auth.page(Role.ADMIN)
async def set_capacity(request: Request, user_id: int) -> HTTPResponse:
    """Change a concierge's capacity."""
    async def action() -> str:
        await staff_accounts.set_capacity(user_id=user_id,
                                          capacity=staff_accounts.check_capacity(_form(request, "capacity")))
        return "capacity"
    return await _act(request, user_id, action)


@bp.post("/accounts/<user_id:int>/disable")
@auth.page(Role.ADMIN)
async def disable(request: Request, user_id: int) -> HTTPResponse:
    """Disable a concierge: no sign-in, no new tickets; open tickets go to colleagues."""
    async def action() -> str:
        await staff_accounts.disable(admin=request.ctx.console.user, user_id=user_id, note=_form(request, "note"))
        return "disabled"
    return await _act(request, user_id, action)


@bp.post("/accounts/<user_id:int>/restore")
@auth.page(Role.ADMIN)
async def restore(request: Request, user_id: int) -> HTTPResponse:
    """Give a disabled concierge their account back."""
    async def action() -> str:
        await staff_accounts.restore(user_id=user_id)
        return "restored"
    return await _act(request, user_id, action)


@bp.post("/accounts/<user_id:int>/password")
@auth.page(Role.ADMIN)
async def reset_password(request: Request, user_id: int) -> HTTPResponse:
    """Set a new random console password and show it once."""
    try:
        person, password = await accounts.reset_password(user_id=user_id)
    except AppError as exc:
        return await _page(request, status=422, error=exc.message)
    return await _page(request, reset_for=person, new_password=password)
