"""Admin routes: /api/v1/admin (roles, campaigns and their codes, reviews)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from server.handlers.common import authenticated, json, parse_body, query_model
from server.handlers.docs import json_content, query_parameters
from server.handlers.schemas import (
    CampaignEnvelope,
    CampaignIn,
    CampaignPage,
    GrantRoleIn,
    PageQuery,
    PostEnvelope,
    ReviewIn,
    StaffInviteIn,
    StaffInviteOut,
    UserEnvelope,
    UserPage,
)
from server.handlers.serializers import campaign_json, post_json, user_json
from server.models.enums import Role
from server.redis_keys import STAFF_INVITE_TTL
from server.services import campaigns, official_account, posts, users

bp = Blueprint("admin", url_prefix="/api/v1/admin")


@bp.get("/users")
@openapi.definition(summary="用户列表（管理员）", secured="token", response=json_content(UserPage))
@query_parameters(PageQuery)
@authenticated(Role.ADMIN)
async def list_users(request: Request) -> HTTPResponse:
    """List users, newest first."""
    q = query_model(request, PageQuery)
    found = await users.list_users(role=q.role, limit=q.limit, cursor=q.cursor)
    more = len(found) == q.limit
    return json({"users": [user_json(u) for u in found], "next_cursor": found[-1].id if more else None})


@bp.patch("/users/<user_id:int>")
@openapi.definition(summary="授予身份（含工作人员、管理员）", secured="token",
                    body=json_content(GrantRoleIn), response=json_content(UserEnvelope))
@authenticated(Role.ADMIN)
async def grant_role(request: Request, user_id: int) -> HTTPResponse:
    """Give a user a role."""
    body = parse_body(request, GrantRoleIn)
    user = await users.grant_role(admin=request.ctx.user, user_id=user_id, role=body.role)
    return json({"user": user_json(user)})


@bp.post("/campaigns")
@openapi.definition(summary="创建二维码推广活动（地区、推荐人、备注）", secured="token",
                    body=json_content(CampaignIn), response=json_content(CampaignEnvelope))
@authenticated(Role.ADMIN)
async def create_campaign(request: Request) -> HTTPResponse:
    """Create a campaign with its scene."""
    body = parse_body(request, CampaignIn)
    campaign = await campaigns.create_campaign(admin=request.ctx.user, region_code=body.region_code,
                                               staff_id=body.staff_id, note=body.note)
    return json({"campaign": campaign_json(campaign)}, status=201)


@bp.get("/campaigns")
@openapi.definition(summary="推广活动列表", secured="token", response=json_content(CampaignPage))
@query_parameters(PageQuery)
@authenticated(Role.ADMIN)
async def list_campaigns(request: Request) -> HTTPResponse:
    """List campaigns newest first."""
    q = query_model(request, PageQuery)
    found = await campaigns.list_campaigns(limit=q.limit, cursor=q.cursor)
    more = len(found) == q.limit
    return json({"campaigns": [campaign_json(c) for c in found],
                 "next_cursor": found[-1].id if more else None})


@bp.get("/campaigns/<campaign_id:int>/qrcode")
@openapi.definition(summary="活动的小程序码（PNG）", secured="token")
@authenticated(Role.ADMIN)
async def campaign_qrcode(request: Request, campaign_id: int) -> HTTPResponse:
    """Return the campaign's mini-program code image."""
    image = await campaigns.campaign_qrcode(campaign_id=campaign_id, wechat=request.app.ctx.wechat.mp)
    return raw(image, content_type="image/png")


@bp.post("/posts/<post_id:int>/review")
@openapi.definition(summary="人工审核待审内容", secured="token", body=json_content(ReviewIn),
                    response=json_content(PostEnvelope))
@authenticated(Role.ADMIN, Role.STAFF)
async def review_post(request: Request, post_id: int) -> HTTPResponse:
    """Approve or reject a post held for review."""
    body = parse_body(request, ReviewIn)
    post = await posts.review_post(admin=request.ctx.user, post_id=post_id, approve=body.approve,
                                   note=body.note, store=request.app.ctx.redis)
    return json({"post": post_json(post, viewer=request.ctx.user)})


@bp.post("/staff-invites")
@openapi.definition(summary="邀请科服保姆：创建工作人员账号和绑定码（对方在公众号发送「绑定 六位数字」）",
                    secured="token",
                    body=json_content(StaffInviteIn), response=json_content(StaffInviteOut))
@authenticated(Role.ADMIN)
async def invite_staff(request: Request) -> HTTPResponse:
    """Create a concierge account and its binding code."""
    body = parse_body(request, StaffInviteIn)
    staff, code = await official_account.issue_staff_invite(name=body.name, region_code=body.region_code,
                                                            store=request.app.ctx.redis)
    return json({"user": user_json(staff), "code": code, "expires_in": STAFF_INVITE_TTL}, status=201)
