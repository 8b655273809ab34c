"""The tickets board: filter by region, concierge, stage and overdue; one ticket's record; reassignment."""

from __future__ import annotations

from urllib.parse import urlencode

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from server import inputs
from server.errors import ValidationFailed
from server.models.enums import PostStatus
from server.services import console_tickets, regions, tickets

from . import auth
from .render import render

bp = Blueprint("console_tickets", url_prefix="/console")

STAGES = [(s.value, tickets.STATUS_NAMES[s]) for s in PostStatus]
KIND_NAMES = {"need": "科技所需", "question": "科普所需", "offer": "科技所能"}
EVENT_NAMES = {"opened": "创建", "assigned": "分配", "status": "推进", "plan": "计划", "note": "内部备注",
               "handover": "转交", "closed": "结单", "rated": "评价"}


def _int_arg(request: Request, name: str, *, default: int | None = None) -> int | None:
    value = inputs.optional_id(request.args.get(name), field=name)
    return default if value is None else value


def _filters(request: Request) -> dict:
    region = (request.args.get("region") or "").strip()
    code = regions.normalise_code(region) if region else None
    if region and code is None:
        raise ValidationFailed("请从列表中选择地区", field="region")
    stage = (request.args.get("stage") or "").strip()
    if stage and stage not in PostStatus._value2member_map_:
        raise ValidationFailed("阶段不正确", field="stage")
    return {"region_code": code, "concierge_id": _int_arg(request, "concierge"),
            "stage": PostStatus(stage) if stage else None, "overdue": request.args.get("overdue") == "1",
            "no_expert": request.args.get("no_expert") == "1"}


@bp.get("/tickets")
@auth.page()
async def board(request: Request) -> HTTPResponse:
    """List the tickets in the viewer's region with filters and pages."""
    session: auth.ConsoleSession = request.ctx.console
    filters = _filters(request)
    found = await console_tickets.list_board(scope=session.scope, page=_int_arg(request, "page", default=1) or 1,
                                             **filters)
    kept = {k: v for k, v in request.args.items() if k != "page" and v and v[0]}
    base = urlencode({k: v[0] for k, v in kept.items()})
    return render("tickets.html", request, active="tickets", board=found, filters=filters, stages=STAGES,
                  stage_names=dict(STAGES), kind_names=KIND_NAMES, base_query=base,
                  concierges=await console_tickets.concierges_in(session.scope),
                  region_options=await console_tickets.region_options(session.scope),
                  is_overdue=console_tickets.is_overdue)


async def _ticket_page(request: Request, ticket_id: int, *, status: int = 200, error: str = "") -> HTTPResponse:
    session: auth.ConsoleSession = request.ctx.console
    record = await console_tickets.ticket_record(scope=session.scope, ticket_id=ticket_id)
    return render("ticket.html", request, status=status, active="tickets", record=record, error=error,
                  stage_names=dict(STAGES), kind_names=KIND_NAMES, event_names=EVENT_NAMES,
                  done=request.args.get("done") == "reassigned", note=request.form.get("note", "")
                  if request.method == "POST" else "", overdue=console_tickets.is_overdue(record.ticket))


@bp.get("/tickets/<ticket_id:int>")
@auth.page()
async def ticket_detail(request: Request, ticket_id: int) -> HTTPResponse:
    """Show one ticket: its post, timeline, chat messages and the reassignment form."""
    return await _ticket_page(request, ticket_id)


@bp.post("/tickets/<ticket_id:int>/reassign")
@auth.page()
async def reassign(request: Request, ticket_id: int) -> HTTPResponse:
    """Hand a ticket to another concierge, with a mandatory note."""
    session: auth.ConsoleSession = request.ctx.console
    form = request.form or {}
    raw_to = (form.get("to") or "").strip()
    try:
        await console_tickets.reassign(actor=session.user, scope=session.scope, ticket_id=ticket_id,
                                       to_id=inputs.as_id(raw_to),  # anything else: "choose a concierge"
                                       note=inputs.clean_text(form.get("note") or ""))
    except ValidationFailed as exc:
        return await _ticket_page(request, ticket_id, status=422, error=exc.message)
    return redirect(f"/console/tickets/{ticket_id}?done=reassigned", status=303)
