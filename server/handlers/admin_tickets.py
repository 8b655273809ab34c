"""Admin statistics on concierge orders: /api/v1/admin/concierges and /api/v1/admin/tickets/ageing."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server.handlers.common import authenticated, json, query_model
from server.handlers.docs import json_content
from server.models.enums import Role
from server.tickets import stats

bp = Blueprint("admin_tickets", url_prefix="/api/v1/admin")


class RegionQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    region_code: str | None = None


class ConciergeLoadOut(BaseModel):
    user_id: int
    name: str
    region_code: str
    open_tickets: int
    capacity: int
    away: bool
    responded: int
    median_first_response_minutes: float | None
    p90_first_response_minutes: float | None


class ConciergeLoadList(BaseModel):
    concierges: list[ConciergeLoadOut]


class StageAgeingOut(BaseModel):
    status: str
    name: str
    count: int
    ages: dict[str, int]


class StageAgeingList(BaseModel):
    stages: list[StageAgeingOut]
    buckets: dict[str, str]


@bp.get("/concierges")
@openapi.definition(summary="科服保姆负载：在办单数、容量、休假、首次响应时间（近30天中位数/P90，分钟）",
                    secured="token", response=json_content(ConciergeLoadList))
@openapi.parameter("region_code", str)
@authenticated(Role.ADMIN)
async def concierges(request: Request) -> HTTPResponse:
    """Return every concierge's load and first-response times, optionally within a region."""
    q = query_model(request, RegionQuery)
    return json({"concierges": await stats.concierge_load(q.region_code)})


@bp.get("/tickets/ageing")
@openapi.definition(summary="服务单阶段停留时长分布（1天内、1-3天、3-7天、7-30天、30天以上）", secured="token",
                    response=json_content(StageAgeingList))
@openapi.parameter("region_code", str)
@authenticated(Role.ADMIN)
async def ageing(request: Request) -> HTTPResponse:
    """Return per-stage ticket counts by time spent in the stage, optionally within a region."""
    q = query_model(request, RegionQuery)
    return json({"stages": await stats.stage_ageing(q.region_code),
                 "buckets": {key: label for key, label, *_ in stats.AGE_BUCKETS}})
