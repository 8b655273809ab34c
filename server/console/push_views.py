"""Console pages for pushes: emergencies (compose, preview, confirm, watch, update, cancel) and outreach.

Both are admin-only: triggering a push to a region is an operator's decision. Forms post with the
session's CSRF token; the preview and the live delivery figures are JSON fetched by static/push.js.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from server import db, inputs
from server.errors import ValidationFailed
from server.handlers.common import json
from server.handlers.serializers import emergency_delivery_json
from server.models.enums import EmergencySeverity, EmergencyType, OutreachKind, Role
from server.services import console_push, emergencies, outreach
from server.services.commands import (
    EmergencyRegions,
    EmergencyUpdate,
    NewEmergency,
    NewOutreach,
    OutreachPreview,
    build,
)

from . import auth
from .render import BEIJING, render

bp = Blueprint("console_push", url_prefix="/console")

SEVERITIES = [(s.value, emergencies.SEVERITY_LABEL[s]) for s in EmergencySeverity]
TYPES = [(t.value, emergencies.TYPE_LABEL[t]) for t in EmergencyType]
ROLES = [("citizen", "群众"), ("organisation", "单位"), ("scientist", "科技工作者"), ("staff", "工作人员")]
OUTREACH_KINDS = [("article_push", "精准科普文章"), ("award_call", "奖项征集")]


def _local(raw: str | None, *, field: str) -> datetime:
    """A datetime-local value, read as Beijing time."""
    try:
        return datetime.fromisoformat(str(raw)).replace(tzinfo=BEIJING)
    except (TypeError, ValueError) as exc:
        raise ValidationFailed("时间格式不正确", field=field) from exc


def _ints(values: list[str] | None, *, field: str) -> list[int]:
    return [inputs.parse_id(v, field=field) for v in values or []]


def _form_list(request: Request, name: str) -> list[str]:
    return [v for v in (request.form.getlist(name) or []) if v.strip()] if request.form else []


def _form(request: Request, name: str) -> str:
    return inputs.clean_text((request.form.get(name) if request.form else None) or "").strip()


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").replace("、", ",").split(",") if part.strip()]


async def _choices() -> dict[str, Any]:
    return {"tree": await console_push.region_tree(), "articles": await console_push.article_choices(),
            "severities": SEVERITIES, "types": TYPES, "roles": ROLES, "outreach_kinds": OUTREACH_KINDS}


# ---- emergencies -------------------------------------------------------------------------------

@bp.get("/emergencies")
@auth.page(Role.ADMIN)
async def emergencies_page(request: Request) -> HTTPResponse:
    """List emergencies and compose a new one."""
    return await _emergencies(request)


async def _emergencies(request: Request, *, error: str = "", status: int = 200) -> HTTPResponse:
    found = await emergencies.list_emergencies(limit=50)
    names = await console_push.region_names(sorted({c for e in found for c in e.region_codes}))
    now = datetime.now(BEIJING).replace(second=0, microsecond=0, tzinfo=None)
    return render("emergencies.html", request, status=status, active="emergencies", emergencies=found,
                  names=names, error=error, labels=dict(SEVERITIES), type_labels=dict(TYPES),
                  form=request.form if request.method == "POST" else None, now_local=now.isoformat(),
                  later_local=(now + timedelta(days=1)).isoformat(), now_utc=datetime.now(UTC), **await _choices())


@bp.post("/emergencies")
@auth.page(Role.ADMIN)
async def emergency_create(request: Request) -> HTTPResponse:
    """Raise an emergency from the form, then show its live delivery page."""
    try:
        severity = _enum(EmergencySeverity, _form(request, "severity"), "severity", what="预警级别")
        if severity == EmergencySeverity.RED and _form(request, "confirm_red") != "1":
            raise ValidationFailed("红色预警须再次确认：请勾选确认项后再发布", field="confirm_red")
        command = build(NewEmergency, {
            "event_type": _enum(EmergencyType, _form(request, "event_type"), "event_type", what="事件类型"),
            "severity": severity, "headline": _form(request, "headline"), "instruction": _form(request, "instruction"),
            "region_codes": _form_list(request, "region_codes"),
            "onset": _local(_form(request, "onset"), field="onset"),
            "expires_at": _local(_form(request, "expires_at"), field="expires_at"),
            "article_ids": _ints(_form_list(request, "article_ids"), field="article_ids")})
        async with db.transaction():
            emergency, _ = await emergencies.alert(admin=request.ctx.console.user, command=command)
    except ValidationFailed as exc:
        return await _emergencies(request, error=exc.message, status=422)
    return redirect(f"/console/emergencies/{emergency.id}", status=303)


def _enum(kind: type, value: str, field: str, *, what: str = "") -> Any:
    try:
        return kind(value)
    except ValueError as exc:
        raise ValidationFailed(f"请选择{what}", field=field) from exc


@bp.get("/emergencies/<emergency_id:int>")
@auth.page(Role.ADMIN)
async def emergency_page(request: Request, emergency_id: int) -> HTTPResponse:
    """One emergency with its delivery, watched live."""
    emergency = await emergencies.get(emergency_id)
    names = await console_push.region_names(emergency.region_codes)
    return render("emergency.html", request, active="emergencies", emergency=emergency, names=names,
                  delivery=emergency_delivery_json(await emergencies.figures(emergency_id)), labels=dict(SEVERITIES),
                  type_labels=dict(TYPES), severities=SEVERITIES, message=request.args.get("done", ""),
                  expired=emergency.expires_at <= datetime.now(UTC))


@bp.post("/emergencies/<emergency_id:int>/update")
@auth.page(Role.ADMIN)
async def emergency_update(request: Request, emergency_id: int) -> HTTPResponse:
    """Send an update to the same audience."""
    severity = _form(request, "severity")
    if severity == EmergencySeverity.RED.value and _form(request, "confirm_red") != "1":
        raise ValidationFailed("升为红色预警须再次确认：请勾选确认项后再推送", field="confirm_red")
    command = build(EmergencyUpdate, {
        "note": _form(request, "note"),
        "severity": _enum(EmergencySeverity, severity, "severity", what="预警级别") if severity else None})
    await emergencies.update(admin=request.ctx.console.user, emergency_id=emergency_id, command=command)
    return redirect(f"/console/emergencies/{emergency_id}?done=update", status=303)


@bp.post("/emergencies/<emergency_id:int>/cancel")
@auth.page(Role.ADMIN)
async def emergency_cancel(request: Request, emergency_id: int) -> HTTPResponse:
    """Cancel: what is still queued is stopped."""
    await emergencies.cancel(admin=request.ctx.console.user, emergency_id=emergency_id, note=_form(request, "note"))
    return redirect(f"/console/emergencies/{emergency_id}?done=cancel", status=303)


@bp.post("/api/emergencies/preview")
@auth.api(Role.ADMIN)
async def emergency_preview(request: Request) -> HTTPResponse:
    """How many people an alert for these regions would reach, per region (JSON)."""
    body = request.json if isinstance(request.json, dict) else {}
    return json(await emergencies.preview(build(EmergencyRegions, {"region_codes": body.get("region_codes") or []})))


@bp.get("/api/emergencies/<emergency_id:int>/delivery")
@auth.api(Role.ADMIN)
async def emergency_delivery(request: Request, emergency_id: int) -> HTTPResponse:
    """Delivery so far (JSON, polled by the page)."""
    return json(emergency_delivery_json(await emergencies.figures(emergency_id)))


# ---- outreach ----------------------------------------------------------------------------------

def _outreach_audience(request: Request) -> dict:
    audience: dict[str, Any] = {"region_codes": _form_list(request, "region_codes"),
                                "roles": _form_list(request, "roles")}
    for name in ("interests", "disciplines"):
        audience[name] = _split(_form(request, name))
    for name in ("active_since", "max_age"):
        if value := _form(request, name):
            audience[name] = value
    return audience


@bp.get("/outreach")
@auth.page(Role.ADMIN)
async def outreach_page(request: Request) -> HTTPResponse:
    """List outreach and compose a targeted article push or an award call."""
    return await _outreach(request)


async def _outreach(request: Request, *, error: str = "", status: int = 200) -> HTTPResponse:
    found = await outreach.list_outreach(limit=50)
    return render("outreach.html", request, status=status, active="outreach", outreach=found, error=error,
                  kind_labels=dict(OUTREACH_KINDS), form=request.form if request.method == "POST" else None,
                  **await _choices())


@bp.post("/outreach")
@auth.page(Role.ADMIN)
async def outreach_create(request: Request) -> HTTPResponse:
    """Save (draft or scheduled) and optionally send now."""
    try:
        scheduled = _form(request, "scheduled_at")
        command = build(NewOutreach, {
            "kind": _enum(OutreachKind, _form(request, "kind"), "kind", what="推送类型"),
            "title": _form(request, "title"), "audience": _outreach_audience(request),
            "article_ids": _ints(_form_list(request, "article_ids"), field="article_ids"),
            "message": {key: _form(request, key) for key in ("award", "note", "deadline", "organizer", "reason")},
            "scheduled_at": _local(scheduled, field="scheduled_at") if scheduled else None,
            "send_now": bool(_form(request, "send_now"))})
        async with db.transaction():  # made and sent, or neither
            created = await outreach.create(admin=request.ctx.console.user, command=command)
    except ValidationFailed as exc:
        return await _outreach(request, error=exc.message, status=422)
    return redirect(f"/console/outreach/{created.id}", status=303)


@bp.get("/outreach/<outreach_id:int>")
@auth.page(Role.ADMIN)
async def outreach_detail(request: Request, outreach_id: int) -> HTTPResponse:
    """One outreach and its delivery."""
    found = await outreach.get(outreach_id)
    return render("outreach_detail.html", request, active="outreach", item=found,
                  delivery=await outreach.figures(outreach_id), kind_labels=dict(OUTREACH_KINDS),
                  names=await console_push.region_names(found.audience.get("region_codes", [])))


@bp.post("/outreach/<outreach_id:int>/send")
@auth.page(Role.ADMIN)
async def outreach_send(request: Request, outreach_id: int) -> HTTPResponse:
    """Send a draft or scheduled outreach now."""
    await outreach.send(outreach_id=outreach_id)
    return redirect(f"/console/outreach/{outreach_id}", status=303)


@bp.post("/outreach/<outreach_id:int>/cancel")
@auth.page(Role.ADMIN)
async def outreach_cancel(request: Request, outreach_id: int) -> HTTPResponse:
    """Cancel (a sent one stops what is still queued)."""
    await outreach.cancel(outreach_id=outreach_id)
    return redirect(f"/console/outreach/{outreach_id}", status=303)


@bp.post("/api/outreach/preview")
@auth.api(Role.ADMIN)
async def outreach_preview(request: Request) -> HTTPResponse:
    """Audience count for the form's current choices (JSON)."""
    body = request.json if isinstance(request.json, dict) else {}
    try:
        kind = OutreachKind(body.get("kind"))
    except ValueError as exc:
        raise ValidationFailed("请选择推送类型", field="kind") from exc
    audience = body.get("audience") if isinstance(body.get("audience"), dict) else {}
    return json(await outreach.preview(command=build(OutreachPreview, {"kind": kind, "audience": audience})))

