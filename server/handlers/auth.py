"""POST /api/v1/auth/login, /logout."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server.handlers.common import authenticated, bearer_token, json, parse_body
from server.handlers.docs import json_content
from server.handlers.schemas import ErrorOut, LoginIn, LoginOut
from server.handlers.serializers import user_json
from server.services import auth

bp = Blueprint("auth", url_prefix="/api/v1/auth")


@bp.post("/login")
@openapi.definition(summary="小程序登录：用 wx.login 的 code 换取会话", body=json_content(LoginIn),
                    response=[openapi.definitions.Response(json_content(LoginOut), status=200),
                              *(openapi.definitions.Response(json_content(ErrorOut), status=status)
                                for status in (403, 429, 503))])
async def login(request: Request) -> HTTPResponse:
    """Exchange a wx.login code for a bearer token."""
    body = parse_body(request, LoginIn)
    ctx, settings = request.app.ctx, request.app.ctx.settings
    result = await auth.login(code=body.code, scene=body.scene, wechat=ctx.wechat.mp, store=ctx.redis,
                              secret_key=settings.secret_key, ttl=settings.session_ttl)
    return json({"token": result.token, "expires_in": settings.session_ttl, "created": result.created,
                 "user": user_json(result.user)})


@bp.post("/logout")
@openapi.definition(summary="退出登录", secured="token")
@authenticated()
async def logout(request: Request) -> HTTPResponse:
    """End the current session."""
    settings = request.app.ctx.settings
    await auth.logout(token=bearer_token(request), store=request.app.ctx.redis,
                      secret_key=settings.secret_key)
    return json({"ok": True})
