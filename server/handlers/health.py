"""GET /healthz: database and store reachability."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from server.handlers.common import json
from server.services import health

bp = Blueprint("health")


@bp.get("/healthz")
async def healthz(request: Request) -> HTTPResponse:
    """Report whether the database and Redis answer (503 if not) and whether the matcher's encoder loaded."""
    report = await health.check(store=request.app.ctx.redis, encoder_spec=request.app.ctx.settings.encoder)
    return json(report, status=200 if report["database"] and report["redis"] else 503)
