"""Subscribe-message grants: POST/GET /api/v1/subscriptions."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server.handlers.common import authenticated, json, parse_body
from server.handlers.docs import json_content
from server.handlers.schemas import SubscriptionList, SubscriptionResultsIn
from server.services import subscriptions

bp = Blueprint("subscriptions", url_prefix="/api/v1/subscriptions")


@bp.post("")
@openapi.definition(summary="上报订阅消息授权结果（每次接受可发送一条）", secured="token",
                    body=json_content(SubscriptionResultsIn), response=json_content(SubscriptionList))
@authenticated()
async def report(request: Request) -> HTTPResponse:
    """Record wx.requestSubscribeMessage results."""
    body = parse_body(request, SubscriptionResultsIn)
    await subscriptions.record_results(user=request.ctx.user, results=body.results)
    return json({"subscriptions": await subscriptions.list_for(request.ctx.user)})


@bp.get("")
@openapi.definition(summary="我的订阅消息余额", secured="token", response=json_content(SubscriptionList))
@authenticated()
async def balances(request: Request) -> HTTPResponse:
    """Return the user's remaining grants per template."""
    return json({"subscriptions": await subscriptions.list_for(request.ctx.user)})
