"""Matches: GET /api/v1/posts/{id}/matches, POST /api/v1/matches/{id}/decision."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server.handlers.common import authenticated, json, parse_body
from server.handlers.docs import json_content
from server.handlers.schemas import DecisionIn, ErrorOut, MatchEnvelope, MatchList
from server.handlers.serializers import match_json
from server.services import matches, reach

bp = Blueprint("matches", url_prefix="/api/v1")


@bp.get("/posts/<post_id:int>/matches")
@openapi.definition(summary="帖子的匹配结果（含匹配理由：共同关键词）；发布者、被匹配方和工作人员可见",
                    secured="token", response=[
                        openapi.definitions.Response(json_content(MatchList), status=200),
                        openapi.definitions.Response(json_content(ErrorOut), status=404)])
@authenticated()
async def list_matches(request: Request, post_id: int) -> HTTPResponse:
    """Return a post's matches, best first."""
    user = request.ctx.user
    found = await matches.matches_for_post(viewer=user, post_id=post_id)
    scope = await reach.reach_of(user)
    return json({"matches": [match_json(m, viewer=user, can_decide=matches.can_decide(m, user, scope=scope))
                             for m in found]})


@bp.post("/matches/<match_id:int>/decision")
@openapi.definition(summary="接受或拒绝一个匹配（拒绝后不再推荐）", secured="token",
                    body=json_content(DecisionIn), response=[
                        openapi.definitions.Response(json_content(MatchEnvelope), status=200),
                        openapi.definitions.Response(json_content(ErrorOut), status=404)])
@authenticated()
async def decide(request: Request, match_id: int) -> HTTPResponse:
    """Accept or decline a match."""
    body = parse_body(request, DecisionIn)
    user = request.ctx.user
    match = await matches.decide(user=user, match_id=match_id, accept=body.decision == "accept", reason=body.reason)
    scope = await reach.reach_of(user)
    return json({"match": match_json(match, viewer=user, can_decide=matches.can_decide(match, user, scope=scope))})
