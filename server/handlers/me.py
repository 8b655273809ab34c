"""GET/PATCH /api/v1/me."""

from __future__ import annotations

from urllib.parse import quote

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server.handlers.common import authenticated, json, parse_body
from server.handlers.docs import json_content
from server.handlers.schemas import BindCodeOut, ErrorOut, ProfileIn, UserEnvelope
from server.handlers.serializers import user_json
from server.redis_keys import BIND_CODE_TTL
from server.services import official_account, users

bp = Blueprint("me", url_prefix="/api/v1/me")


@bp.get("")
@openapi.definition(summary="我的资料", secured="token",
                    response=json_content(UserEnvelope))
@authenticated()
async def get_me(request: Request) -> HTTPResponse:
    """Return the current user's profile."""
    return json({"user": user_json(request.ctx.user)})


@bp.patch("")
@openapi.definition(summary="修改资料或选择身份（科技工作者需填写学科和单位；企事业单位需填写单位名称）",
                    secured="token", body=json_content(ProfileIn),
                    response=[openapi.definitions.Response(json_content(UserEnvelope), status=200),
                              openapi.definitions.Response(json_content(ErrorOut), status=422)])
@authenticated()
async def patch_me(request: Request) -> HTTPResponse:
    """Change the current user's profile and self-chosen role."""
    body = parse_body(request, ProfileIn)
    user = await users.update_profile(user=request.ctx.user, changes=body.model_dump(exclude_unset=True))
    return json({"user": user_json(user)})


@bp.post("/bind-code")
@openapi.definition(summary="获取公众号绑定码：在公众号发送「绑定 六位数字」关联账号（10 分钟内有效）", secured="token",
                    response=json_content(BindCodeOut))
@authenticated()
async def bind_code(request: Request) -> HTTPResponse:
    """Issue a one-time code that links the official account to this user."""
    code = await official_account.issue_bind_code(user=request.ctx.user, store=request.app.ctx.redis)
    ticket = await official_account.bind_qr_ticket(code=code, oa=request.app.ctx.wechat.oa)
    image = f"{request.app.ctx.settings.qr_image_base}/cgi-bin/showqrcode?ticket={quote(ticket)}" if ticket else None
    return json({"code": code, "expires_in": BIND_CODE_TTL, "qr_image": image})
