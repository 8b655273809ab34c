"""Tickets: the poster's view under /api/v1/tickets, the concierge's under /api/v1/staff/tickets."""

from __future__ import annotations

from datetime import date

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server import inputs
from server.errors import NotFound, ValidationFailed
from server.handlers.common import authenticated, json, parse_body, query_model
from server.handlers.docs import json_content, query_parameters
from server.handlers.schemas import (
    AdvanceIn,
    CloseIn,
    HandoverIn,
    MessageEnvelope,
    MessageIn,
    MessageList,
    NoteIn,
    PlanIn,
    RatingIn,
    TicketEnvelope,
    TicketList,
    TicketQuery,
)
from server.handlers.serializers import message_json, ticket_json
from server.models import TicketEvent, User
from server.models.enums import Role
from server.tickets import access, assignment, chat, lifecycle

bp = Blueprint("tickets", url_prefix="/api/v1")
STAFF = (Role.STAFF, Role.ADMIN)


@bp.get("/tickets/<ticket_id:int>")
@openapi.definition(summary="我的服务单：状态、科服保姆和进展时间线", secured="token",
                    response=json_content(TicketEnvelope))
@authenticated()
async def get_ticket(request: Request, ticket_id: int) -> HTTPResponse:
    """Return the poster's own ticket with its public timeline."""
    ticket, events = await access.for_poster(poster=request.ctx.user, ticket_id=ticket_id)
    return json({"ticket": ticket_json(ticket, staff_view=False, events=events)})


@bp.post("/tickets/<ticket_id:int>/rating")
@openapi.definition(summary="服务落地后评价（1-5 分）", secured="token", body=json_content(RatingIn),
                    response=json_content(TicketEnvelope))
@authenticated()
async def rate(request: Request, ticket_id: int) -> HTTPResponse:
    """Rate a landed ticket."""
    body = parse_body(request, RatingIn)
    ticket = await lifecycle.rate(ticket_id=ticket_id, poster=request.ctx.user, score=body.rating, comment=body.comment)
    return json({"ticket": ticket_json(ticket, staff_view=False)})


@bp.get("/staff/tickets")
@openapi.definition(summary="科服保姆：我负责或本地区的服务单（可按阶段、逾期筛选）", secured="token",
                    response=json_content(TicketList))
@query_parameters(TicketQuery)
@authenticated(*STAFF)
async def staff_list(request: Request) -> HTTPResponse:
    """List tickets the staff member may see."""
    q = query_model(request, TicketQuery)
    found = await access.list_for_staff(staff=request.ctx.user, status=q.status, mine=q.mine, overdue=q.overdue,
                                        no_expert=q.no_expert, limit=q.limit, cursor=q.cursor)
    more = len(found) == q.limit
    return json({"tickets": [ticket_json(t, staff_view=True) for t in found],
                 "next_cursor": found[-1].id if more else None})


@bp.get("/staff/tickets/<ticket_id:int>")
@openapi.definition(summary="科服保姆：服务单详情和完整时间线（含内部备注）", secured="token",
                    response=json_content(TicketEnvelope))
@authenticated(*STAFF)
async def staff_get(request: Request, ticket_id: int) -> HTTPResponse:
    """Return a ticket with every timeline entry."""
    ticket = await access.load_for_staff(staff=request.ctx.user, ticket_id=ticket_id)
    await ticket.fetch_related("concierge")
    events = await TicketEvent.filter(ticket_id=ticket.id).order_by("id")
    return json({"ticket": ticket_json(ticket, staff_view=True, events=events)})


@bp.post("/staff/tickets/<ticket_id:int>/advance")
@openapi.definition(summary="推进阶段（发布→匹配→对接→洽谈→签约→落地，不可跳过对接）", secured="token",
                    body=json_content(AdvanceIn), response=json_content(TicketEnvelope))
@authenticated(*STAFF)
async def advance(request: Request, ticket_id: int) -> HTTPResponse:
    """Advance a ticket one stage."""
    body = parse_body(request, AdvanceIn)
    ticket = await lifecycle.advance(ticket_id=ticket_id, staff=request.ctx.user, to=body.to, note=body.note)
    return json({"ticket": ticket_json(ticket, staff_view=True)})


@bp.post("/staff/tickets/<ticket_id:int>/plan")
@openapi.definition(summary="设置下一步计划和日期", secured="token", body=json_content(PlanIn),
                    response=json_content(TicketEnvelope))
@authenticated(*STAFF)
async def plan(request: Request, ticket_id: int) -> HTTPResponse:
    """Set the plan (next step, due date)."""
    body = parse_body(request, PlanIn)
    try:
        due = date.fromisoformat(body.due)
    except ValueError:
        raise ValidationFailed("日期格式应为 YYYY-MM-DD", field="due") from None
    ticket = await lifecycle.set_plan(ticket_id=ticket_id, staff=request.ctx.user, due=due, step=body.step)
    return json({"ticket": ticket_json(ticket, staff_view=True)})


@bp.post("/staff/tickets/<ticket_id:int>/notes")
@openapi.definition(summary="内部备注（发布者不可见）", secured="token", body=json_content(NoteIn))
@authenticated(*STAFF)
async def note(request: Request, ticket_id: int) -> HTTPResponse:
    """Add an internal note."""
    body = parse_body(request, NoteIn)
    await lifecycle.add_note(ticket_id=ticket_id, staff=request.ctx.user, note=body.note)
    return json({"ok": True}, status=201)


@bp.post("/staff/tickets/<ticket_id:int>/handover")
@openapi.definition(summary="转交给同事（须说明原因）", secured="token", body=json_content(HandoverIn),
                    response=json_content(TicketEnvelope))
@authenticated(*STAFF)
async def handover(request: Request, ticket_id: int) -> HTTPResponse:
    """Hand a ticket over to a colleague."""
    body = parse_body(request, HandoverIn)
    colleague = await User.get_or_none(id=body.to_user_id)
    if colleague is None:
        raise NotFound("user", field="to_user_id")
    ticket = await assignment.hand_over(ticket_id=ticket_id, staff=request.ctx.user, to=colleague, note=body.note)
    return json({"ticket": ticket_json(ticket, staff_view=True)})


@bp.post("/staff/tickets/<ticket_id:int>/close")
@openapi.definition(summary="结单（须填写原因）", secured="token", body=json_content(CloseIn),
                    response=json_content(TicketEnvelope))
@authenticated(*STAFF)
async def close(request: Request, ticket_id: int) -> HTTPResponse:
    """Close a ticket with a reason."""
    body = parse_body(request, CloseIn)
    ticket = await lifecycle.close(ticket_id=ticket_id, staff=request.ctx.user, reason=body.reason)
    return json({"ticket": ticket_json(ticket, staff_view=True)})


@bp.get("/tickets/<ticket_id:int>/messages")
@openapi.definition(summary="服务单聊天记录（与科服保姆）", secured="token", response=json_content(MessageList))
@openapi.parameter("before", int)
@authenticated()
async def list_messages(request: Request, ticket_id: int) -> HTTPResponse:
    """Return the poster's chat with their concierge, oldest first."""
    before = inputs.optional_id(request.args.get("before"), field="before")
    found = await chat.messages_for_poster(poster=request.ctx.user, ticket_id=ticket_id, before=before)
    return json({"messages": [message_json(m) for m in found]})


@bp.post("/tickets/<ticket_id:int>/messages")
@openapi.definition(summary="给科服保姆发消息", secured="token", body=json_content(MessageIn),
                    response=[openapi.definitions.Response(json_content(MessageEnvelope), status=201)])
@authenticated()
async def send_message(request: Request, ticket_id: int) -> HTTPResponse:
    """Store a message for the concierge (delivered by the relay)."""
    body = parse_body(request, MessageIn)
    message = await chat.post_from_miniprogram(poster=request.ctx.user, ticket_id=ticket_id, text=body.text)
    return json({"message": message_json(message)}, status=201)
