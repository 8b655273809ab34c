"""The tickets board: filter by region, concierge, stage and overdue; one ticket's record; reassignment."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from urllib.parse import urlencode

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from server import inputs
from server.errors import AppError, ValidationFailed
from server.models.enums import PostStatus
from server.services import matches, regions
from server.services import photos as photos_service
from server.tickets import access, assignment, chat, lifecycle, queries, stages

from . import auth
from .render import BEIJING, render

bp = Blueprint("console_tickets", url_prefix="/console")

STAGES = [(s.value, stages.STATUS_NAMES[s]) for s in PostStatus]
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
    return await _board(request, filters=_filters(request))


@bp.get("/no-expert")
@auth.page()
async def no_expert_queue(request: Request) -> HTTPResponse:
    """The queue of tickets automatic matching found nobody for (未找到合适专家): search by hand."""
    return await _board(request, filters={**_filters(request), "no_expert": True}, queue="no_expert")


async def _board(request: Request, *, filters: dict, queue: str = "") -> HTTPResponse:
    session: auth.ConsoleSession = request.ctx.console
    found = await queries.list_board(scope=session.scope, page=_int_arg(request, "page", default=1) or 1,
                                     **filters)
    kept = {k: v for k, v in request.args.items() if k != "page" and v and v[0]}
    base = urlencode({k: v[0] for k, v in kept.items()})
    return render("tickets.html", request, active="no_expert" if queue else "tickets", board=found,
                  filters=filters, stages=STAGES, stage_names=dict(STAGES), kind_names=KIND_NAMES, base_query=base,
                  concierges=await queries.concierges_in(session.scope), queue=queue,
                  region_options=await regions.region_options(session.scope),
                  is_overdue=queries.is_overdue)


DONE = {"reassigned": "已改派。", "advanced": "阶段已推进，已通知发布人。", "plan": "计划已保存。",
        "note": "内部备注已添加。", "closed": "已结单，已通知发布人。", "reply": "消息已发送给发布人。",
        "accepted": "已代发布人接受该匹配。", "recommended": "已记录人工查找到的专家。"}


async def _ticket_page(request: Request, ticket_id: int, *, status: int = 200, error: str = "",
                       failed: str = "") -> HTTPResponse:
    session: auth.ConsoleSession = request.ctx.console
    record = await queries.ticket_record(scope=session.scope, ticket_id=ticket_id)
    query = (request.args.get("q") or "").strip()[:32]
    found = await queries.search_scientists(query) if query else None
    photos = await photos_service.passed_urls(post_id=record.ticket.post_id, settings=request.app.ctx.settings)
    return render("ticket.html", request, photos=photos, status=status, active="tickets", record=record, error=error,
                  failed=failed, stage_names=dict(STAGES), kind_names=KIND_NAMES, event_names=EVENT_NAMES,
                  done=DONE.get(request.args.get("done", ""), ""), form=request.form if request.method == "POST"
                  else None, overdue=queries.is_overdue(record.ticket), query=query, found=found,
                  today=datetime.now(BEIJING).date().isoformat())


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
        await assignment.reassign(actor=session.user, scope=session.scope, ticket_id=ticket_id,
                                  to_id=inputs.as_id(raw_to),  # anything else: "choose a concierge"
                                  note=inputs.clean_text(form.get("note") or ""))
    except ValidationFailed as exc:
        return await _ticket_page(request, ticket_id, status=422, error=exc.message, failed="reassign")
    return redirect(f"/console/tickets/{ticket_id}?done=reassigned", status=303)


def _text(request: Request, name: str) -> str:
    return inputs.clean_text((request.form.get(name) if request.form else None) or "").strip()


async def _act(request: Request, ticket_id: int, name: str, action: Callable[[], Awaitable[object]]) -> HTTPResponse:
    """Run one concierge action; a refusal re-renders the page with the message beside that form."""
    try:
        await action()
    except AppError as exc:
        if exc.status == 404:
            raise
        return await _ticket_page(request, ticket_id, status=exc.status, error=exc.message, failed=name)
    return redirect(f"/console/tickets/{ticket_id}?done={name}#actions", status=303)


def _stage(raw: str) -> PostStatus:
    if raw not in PostStatus._value2member_map_:
        raise ValidationFailed("请选择下一阶段", field="to")
    return PostStatus(raw)


def _due(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise ValidationFailed("请填写计划日期（YYYY-MM-DD）", field="due") from exc


@bp.post("/tickets/<ticket_id:int>/advance")
@auth.page()
async def advance(request: Request, ticket_id: int) -> HTTPResponse:
    """Move the ticket one stage on (the poster is told)."""
    staff = request.ctx.console.user
    return await _act(request, ticket_id, "advanced", lambda: lifecycle.advance(
        ticket_id=ticket_id, staff=staff, to=_stage(_text(request, "to")), note=_text(request, "note")))


@bp.post("/tickets/<ticket_id:int>/plan")
@auth.page()
async def plan(request: Request, ticket_id: int) -> HTTPResponse:
    """Record the next step and its date."""
    staff = request.ctx.console.user
    return await _act(request, ticket_id, "plan", lambda: lifecycle.set_plan(
        ticket_id=ticket_id, staff=staff, due=_due(_text(request, "due")), step=_text(request, "step")))


@bp.post("/tickets/<ticket_id:int>/note")
@auth.page()
async def note(request: Request, ticket_id: int) -> HTTPResponse:
    """Add an internal note."""
    staff = request.ctx.console.user
    return await _act(request, ticket_id, "note", lambda: lifecycle.add_note(
        ticket_id=ticket_id, staff=staff, note=_text(request, "note")))


@bp.post("/tickets/<ticket_id:int>/close")
@auth.page()
async def close(request: Request, ticket_id: int) -> HTTPResponse:
    """Close the ticket with a reason."""
    staff = request.ctx.console.user
    return await _act(request, ticket_id, "closed", lambda: lifecycle.close(
        ticket_id=ticket_id, staff=staff, reason=_text(request, "reason")))


@bp.post("/tickets/<ticket_id:int>/reply")
@auth.page()
async def reply(request: Request, ticket_id: int) -> HTTPResponse:
    """Send the poster a message (relayed like a reply from the official account)."""
    session: auth.ConsoleSession = request.ctx.console

    async def action() -> object:
        ticket = await access.load_for_staff(staff=session.user, ticket_id=ticket_id)
        return await chat.from_concierge(concierge=session.user, ticket=ticket, text=_text(request, "text"))
    return await _act(request, ticket_id, "reply", action)


@bp.post("/tickets/<ticket_id:int>/matches/<match_id:int>/accept")
@auth.page()
async def accept_match(request: Request, ticket_id: int, match_id: int) -> HTTPResponse:
    """Accept a proposed match on the poster's behalf (after talking to them)."""
    session: auth.ConsoleSession = request.ctx.console

    async def action() -> object:
        await queries.ticket_record(scope=session.scope, ticket_id=ticket_id)  # scope check
        return await matches.decide(user=session.user, match_id=match_id, accept=True,
                                    reason=_text(request, "reason") or "科服保姆与发布人确认后接受")
    return await _act(request, ticket_id, "accepted", action)


@bp.post("/tickets/<ticket_id:int>/recommend")
@auth.page()
async def recommend(request: Request, ticket_id: int) -> HTTPResponse:
    """Record a scientist found by hand for a ticket (internal note)."""
    session: auth.ConsoleSession = request.ctx.console
    return await _act(request, ticket_id, "recommended", lambda: queries.recommend_scientist(
        actor=session.user, scope=session.scope, ticket_id=ticket_id,
        scientist_id=inputs.as_id(_text(request, "scientist"))))
