"""Admin route: /api/v1/admin/inbound-messages (official-account messages not yet handled)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from server.handlers.common import authenticated, json
from server.handlers.docs import json_content
from server.handlers.schemas import ErrorOut, InboundMessageList
from server.models import InboundMessage
from server.models.enums import Role
from server.services import inbound

bp = Blueprint("admin_inbound", url_prefix="/api/v1/admin")


def _message_json(row: InboundMessage) -> dict:
    return {"id": row.id, "dedup_key": row.dedup_key, "openid": row.openid, "kind": row.kind, "event": row.event,
            "attempts": row.attempts, "last_error": row.last_error, "received_at": row.received_at.isoformat(),
            "next_attempt_at": row.next_attempt_at.isoformat() if row.next_attempt_at else None}


@bp.get("/inbound-messages")
@openapi.definition(summary="公众号消息处理积压：处理失败或超时未处理的消息（管理员）", secured="token",
                    response=[openapi.definitions.Response(json_content(InboundMessageList), status=200),
                              openapi.definitions.Response(json_content(ErrorOut), status=403)])
@authenticated(Role.ADMIN)
async def list_stuck(request: Request) -> HTTPResponse:
    """List unhandled messages that failed or waited too long, oldest first."""
    return json({"messages": [_message_json(row) for row in await inbound.list_stuck()]})
