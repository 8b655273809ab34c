"""Admin routes for pushes: emergencies (/api/v1/admin/emergencies) and outreach (/api/v1/admin/outreach)."""

from __future__ import annotations

from pydantic import ConfigDict, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server import db
from server.handlers.common import authenticated, json, parse_body, query_model
from server.handlers.docs import json_content, query_parameters
from server.handlers.schemas import CleanText, PageQuery
from server.handlers.serializers import (
    emergency_delivery_json,
    emergency_json,
    emergency_progress_json,
    notice_json,
    outreach_json,
)
from server.models.enums import Role
from server.services import emergencies, outreach
from server.services.commands import EmergencyRegions, EmergencyUpdate, NewEmergency, NewOutreach, OutreachPreview

bp = Blueprint("admin_push", url_prefix="/api/v1/admin")


class _In(CleanText):
    model_config = ConfigDict(extra="forbid")


class CancelIn(_In):
    note: str = Field(default="", max_length=200)


# ---- emergencies -------------------------------------------------------------------------------

@bp.post("/emergencies/preview")
@openapi.definition(summary="应急推送：按地区预览覆盖人数", secured="token", body=json_content(EmergencyRegions))
@authenticated(Role.ADMIN)
async def preview_emergency(request: Request) -> HTTPResponse:
    """Count who an alert for these regions would reach."""
    return json(await emergencies.preview(parse_body(request, EmergencyRegions)))


@bp.post("/emergencies")
@openapi.definition(summary="发布应急事件（alert）：202 立即答复，后台分批推送，进度见 progress_url", secured="token",
                    body=json_content(NewEmergency))
@authenticated(Role.ADMIN)
async def create_emergency(request: Request) -> HTTPResponse:
    """Record an emergency and queue its alert; the workers fan it out."""
    command = parse_body(request, NewEmergency)
    async with db.transaction():
        emergency, notice = await emergencies.alert(admin=request.ctx.user, command=command)
    return _accepted(emergency.id, {"emergency": emergency_json(emergency),
                                    "notice": notice_json(notice)})


def _accepted(emergency_id: int, body: dict) -> HTTPResponse:
    """202 with where to follow the fan-out (also in Location)."""
    url = f"/api/v1/admin/emergencies/{emergency_id}/progress"
    return json({**body, "progress_url": url}, status=202, headers={"Location": url})


@bp.get("/emergencies")
@openapi.definition(summary="应急事件列表", secured="token")
@query_parameters(PageQuery)
@authenticated(Role.ADMIN)
async def list_emergencies(request: Request) -> HTTPResponse:
    """Newest first."""
    q = query_model(request, PageQuery)
    found = await emergencies.list_emergencies(limit=q.limit, cursor=q.cursor)
    return json({"emergencies": [emergency_json(e) for e in found],
                 "next_cursor": found[-1].id if len(found) == q.limit else None})


@bp.get("/emergencies/<emergency_id:int>")
@openapi.definition(summary="应急事件及实时送达情况（按地区）", secured="token")
@authenticated(Role.ADMIN)
async def show_emergency(request: Request, emergency_id: int) -> HTTPResponse:
    """The event and its delivery figures so far."""
    emergency = await emergencies.get(emergency_id)
    return json({"emergency": emergency_json(emergency),
                 "delivery": emergency_delivery_json(await emergencies.figures(emergency_id))})


@bp.get("/emergencies/<emergency_id:int>/progress")
@openapi.definition(summary="应急推送分批入队进度（每条通知）", secured="token")
@authenticated(Role.ADMIN)
async def emergency_progress(request: Request, emergency_id: int) -> HTTPResponse:
    """How far each notice's fan-out has come."""
    return json(emergency_progress_json(await emergencies.progress(emergency_id)))


@bp.post("/emergencies/<emergency_id:int>/update")
@openapi.definition(summary="发布更新（202，后台分批推送给同一受众）", secured="token",
                    body=json_content(EmergencyUpdate))
@authenticated(Role.ADMIN)
async def update_emergency(request: Request, emergency_id: int) -> HTTPResponse:
    """Queue an update for the alert's audience; the workers fan it out."""
    notice = await emergencies.update(admin=request.ctx.user, emergency_id=emergency_id,
                                      command=parse_body(request, EmergencyUpdate))
    return _accepted(emergency_id, {"notice": notice_json(notice)})


@bp.post("/emergencies/<emergency_id:int>/cancel")
@openapi.definition(summary="撤销应急事件（停止尚未发出的推送）", secured="token", body=json_content(CancelIn))
@authenticated(Role.ADMIN)
async def cancel_emergency(request: Request, emergency_id: int) -> HTTPResponse:
    """Cancel: queued sends are stopped."""
    note = parse_body(request, CancelIn).note
    return json({"notice": notice_json(await emergencies.cancel(admin=request.ctx.user, emergency_id=emergency_id,
                                                                note=note))})


# ---- outreach: targeted articles and award calls -----------------------------------------------

@bp.post("/outreach/preview")
@openapi.definition(summary="精准推送/奖项征集：预览受众人数", secured="token",
                    body=json_content(OutreachPreview))
@authenticated(Role.ADMIN)
async def preview_outreach(request: Request) -> HTTPResponse:
    """Count the audience."""
    return json(await outreach.preview(command=parse_body(request, OutreachPreview)))


@bp.post("/outreach")
@openapi.definition(summary="创建精准推送或奖项征集（草稿、定时或立即发送）", secured="token",
                    body=json_content(NewOutreach))
@authenticated(Role.ADMIN)
async def create_outreach(request: Request) -> HTTPResponse:
    """Create, and optionally send at once (both or neither)."""
    command = parse_body(request, NewOutreach)
    async with db.transaction():
        created = await outreach.create(admin=request.ctx.user, command=command)
    return json({"outreach": outreach_json(created)}, status=201)


@bp.get("/outreach")
@openapi.definition(summary="精准推送列表", secured="token")
@query_parameters(PageQuery)
@authenticated(Role.ADMIN)
async def list_outreach(request: Request) -> HTTPResponse:
    """Newest first."""
    q = query_model(request, PageQuery)
    found = await outreach.list_outreach(limit=q.limit, cursor=q.cursor)
    return json({"outreach": [outreach_json(o) for o in found],
                 "next_cursor": found[-1].id if len(found) == q.limit else None})


@bp.get("/outreach/<outreach_id:int>")
@openapi.definition(summary="精准推送及送达情况", secured="token")
@authenticated(Role.ADMIN)
async def show_outreach(request: Request, outreach_id: int) -> HTTPResponse:
    """One outreach and its delivery figures."""
    found = await outreach.get(outreach_id)
    return json({"outreach": outreach_json(found), "delivery": await outreach.figures(outreach_id)})


@bp.post("/outreach/<outreach_id:int>/send")
@openapi.definition(summary="立即发送", secured="token")
@authenticated(Role.ADMIN)
async def send_outreach(request: Request, outreach_id: int) -> HTTPResponse:
    """Fan out now."""
    return json({"outreach": outreach_json(await outreach.send(outreach_id=outreach_id))})


@bp.post("/outreach/<outreach_id:int>/cancel")
@openapi.definition(summary="取消（已发送的停止排队中的消息）", secured="token")
@authenticated(Role.ADMIN)
async def cancel_outreach(request: Request, outreach_id: int) -> HTTPResponse:
    """Cancel."""
    return json({"outreach": outreach_json(await outreach.cancel(outreach_id=outreach_id))})

