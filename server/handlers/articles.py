"""Science articles: GET /api/v1/articles (personalised feed), GET /api/v1/articles/{id}."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server.handlers.common import authenticated, json, query_model
from server.handlers.schemas import PageQuery
from server.handlers.serializers import article_json
from server.services import articles, emergencies

bp = Blueprint("articles", url_prefix="/api/v1/articles")


@bp.get("")
@openapi.definition(summary="科普文章：按地区和兴趣推荐，最新在前；本地区正在进行的应急事件置顶", secured="token")
@openapi.parameter("cursor", int)
@openapi.parameter("limit", int)
@authenticated()
async def feed(request: Request) -> HTTPResponse:
    """Return the personalised article feed."""
    q = query_model(request, PageQuery)
    rows, next_cursor = await articles.feed(user=request.ctx.user, cursor=q.cursor, limit=q.limit)
    pinned = await emergencies.active_for_region(request.ctx.user.region_id)
    return json({"emergency": await emergencies.feed_card(pinned) if pinned else None,
                 "articles": [article_json(a) for a in rows], "next_cursor": next_cursor})


@bp.get("/<article_id:int>")
@openapi.definition(summary="一篇科普文章", secured="token")
@authenticated()
async def detail(request: Request, article_id: int) -> HTTPResponse:
    """Return one article with its body."""
    return json({"article": article_json(await articles.get_article(article_id), full=True)})
