"""Posts: /api/v1/posts."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi
from sanic_ext.extensions.openapi import types as openapi_types

from server import inputs
from server.errors import ValidationFailed
from server.handlers.common import authenticated, json, parse_body, query_model
from server.handlers.docs import json_content
from server.handlers.schemas import (
    ErrorOut,
    PostEnvelope,
    PostListQuery,
    PostPage,
    ProgressEnvelope,
    WithdrawIn,
)
from server.handlers.serializers import post_json, progress_json
from server.services import posts, progress, reach
from server.services.commands import NewPost, PostChanges
from server.tickets import access

bp = Blueprint("posts", url_prefix="/api/v1/posts")
ERRORS = [openapi.definitions.Response(json_content(ErrorOut), status=422),
          openapi.definitions.Response(json_content(ErrorOut), status=404)]


@bp.post("")
@openapi.definition(summary="发布科技需求 / 科普问题 / 我能提供", secured="token",
                    body=json_content(NewPost),
                    response=[openapi.definitions.Response(json_content(PostEnvelope), status=201),
                              openapi.definitions.Response(json_content(PostEnvelope), status=200,
                                                           description="同一 Idempotency-Key 再次提交：返回原帖"),
                              *ERRORS])
@openapi.parameter("Idempotency-Key", openapi_types.String(maxLength=64), "header",
                   description="客户端生成的唯一键（可见 ASCII，至多 64 个字符）：重试不会重复发帖")
@authenticated()
async def create_post(request: Request) -> HTTPResponse:
    """Create a post (an Idempotency-Key header makes retries safe)."""
    ctx, user = request.app.ctx, request.ctx.user
    post, created = await posts.create_post(
        author=user, command=parse_body(request, NewPost), wechat=ctx.wechat.mp,
        ttl_days=ctx.settings.post_ttl_days, store=ctx.redis,
        idempotency_key=_idempotency_key(request))
    return json({"post": post_json(post, viewer=user)}, status=201 if created else 200)


@bp.get("")
@openapi.definition(summary="帖子列表：mine=1 看自己的；否则按 kind / region_code / status 筛选公开内容",
                    secured="token", response=json_content(PostPage))
@openapi.parameter("mine", bool)
@openapi.parameter("kind", str)
@openapi.parameter("status", str)
@openapi.parameter("region_code", str)
@openapi.parameter("cursor", int)
@openapi.parameter("limit", int)
@authenticated()
async def list_posts(request: Request) -> HTTPResponse:
    """List posts newest first with a cursor."""
    q = query_model(request, PostListQuery)
    user = request.ctx.user
    page = await posts.list_posts(viewer=user, mine=q.mine, kind=q.kind, region_code=q.region_code,
                                  status=q.status, cursor=q.cursor, limit=q.limit)
    return json({"posts": [post_json(p, viewer=user) for p in page.posts], "next_cursor": page.next_cursor})


@bp.get("/<post_id:int>")
@openapi.definition(summary="查看一条帖子", secured="token", response=[
    openapi.definitions.Response(json_content(PostEnvelope), status=200), *ERRORS])
@authenticated()
async def get_post(request: Request, post_id: int) -> HTTPResponse:
    """Return one post."""
    user = request.ctx.user
    post = await posts.get_post(viewer=user, post_id=post_id)
    data = post_json(post, viewer=user)
    if user.id == post.author_id or (await reach.reach_of(user)).covers(post.region_id):
        data["ticket_id"] = await access.ticket_id_of(post.id)
    return json({"post": data})


@bp.get("/<post_id:int>/progress")
@openapi.definition(summary="服务进度：已发布→已匹配→已对接→洽谈中→已签约→已落地、科服保姆、下一步计划；发布者和工作人员可见",
                    secured="token", response=[
                        openapi.definitions.Response(json_content(ProgressEnvelope), status=200),
                        *ERRORS])
@authenticated()
async def get_progress(request: Request, post_id: int) -> HTTPResponse:
    """Return a post's progress for its poster or staff reaching its region."""
    found = await progress.progress_of(viewer=request.ctx.user, post_id=post_id)
    return json({"progress": progress_json(found)})


@bp.patch("/<post_id:int>")
@openapi.definition(summary="修改自己的帖子", secured="token", body=json_content(PostChanges),
                    response=[openapi.definitions.Response(json_content(PostEnvelope), status=200),
                              *ERRORS])
@authenticated()
async def patch_post(request: Request, post_id: int) -> HTTPResponse:
    """Edit one's own post."""
    post = await posts.update_post(author=request.ctx.user, post_id=post_id,
                                   command=parse_body(request, PostChanges),
                                   wechat=request.app.ctx.wechat.mp, store=request.app.ctx.redis)
    return json({"post": post_json(post, viewer=request.ctx.user)})


@bp.post("/<post_id:int>/withdraw")
@openapi.definition(summary="撤回自己的帖子", secured="token", body=json_content(WithdrawIn),
                    response=[openapi.definitions.Response(json_content(PostEnvelope), status=200),
                              *ERRORS])
@authenticated()
async def withdraw_post(request: Request, post_id: int) -> HTTPResponse:
    """Withdraw one's own post."""
    body = parse_body(request, WithdrawIn) if request.body else WithdrawIn()
    post = await posts.withdraw_post(author=request.ctx.user, post_id=post_id, reason=body.reason,
                                     store=request.app.ctx.redis)
    return json({"post": post_json(post, viewer=request.ctx.user)})


def _idempotency_key(request: Request) -> str | None:
    """Return the Idempotency-Key header: printable ASCII, at most 64 characters, else a field error."""
    key = request.headers.get("idempotency-key")
    if key is None or key == "":
        return None
    if not inputs.is_plain_token(key, max_len=64):
        raise ValidationFailed("Idempotency-Key 应为不超过 64 个字符的可见 ASCII 字符", field="Idempotency-Key")
    return key
