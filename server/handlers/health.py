"""GET /healthz: database and store reachability."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from server.handlers.common import json
from server.services import health

bp = Blueprint("health")


@bp.get("/healthz")
async def healthz(request: Request) -> HTTPResponse:
    """Report whether the database and Redis answer."""
    report = await health.check(store=request.app.ctx.redis)
    return json(report, status=200 if report["status"] == "ok" else 503)
