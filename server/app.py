"""create_app(settings) -> Sanic: blueprints, listeners, error rendering; no logic."""

from __future__ import annotations

import logging
import os
import uuid

from asyncpg.exceptions import DataError as PostgresDataError
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sanic import Request, Sanic
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse
from tortoise.exceptions import DBConnectionError, IntegrityError, OperationalError

from server import cache, db, heap
from server.console import STATIC_DIR as CONSOLE_STATIC_DIR
from server.console import routes as console
from server.errors import AppError, NotFound
from server.handlers import (
    admin,
    admin_inbound,
    admin_push,
    admin_tickets,
    articles,
    auth,
    docs,
    health,
    matches,
    me,
    photos,
    posts,
    regions,
    subscriptions,
    tickets,
    wechat,
)
from server.handlers.common import json
from server.jobs import start_workers
from server.push import templates
from server.settings import Settings
from server.wechat.client import build_clients

log = logging.getLogger(__name__)

SANIC_ERRORS = {
    404: ("not_found", "接口不存在"),
    405: ("method_not_allowed", "不支持该请求方法"),
    413: ("payload_too_large", "提交的内容过大"),
    400: ("bad_request", "请求格式有误"),
}


def create_app(settings: Settings, *, name: str = "kejiyun") -> Sanic:
    """Build the Sanic application for the given settings."""
    app = Sanic(name)
    # Photo uploads are the largest bodies (2 MB + multipart overhead); JSON bodies are capped in parse_body.
    app.config.REQUEST_MAX_SIZE = max(settings.max_body_bytes * 4, 3 * 1024 * 1024)
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.config.TOUCHUP = settings.env != "test"  # tests start many apps in one process
    app.config.CORS = False  # the mini-program is not a browser; the console is same-origin
    app.config.OAS_UI_DEFAULT = "swagger"
    app.config.API_TITLE = "科技云 API"
    app.config.API_VERSION = "1.0"
    app.config.API_DESCRIPTION = "科技云 mini-program and operator API"
    app.ext.openapi.add_security_scheme("token", "http", scheme="bearer")
    app.ctx.settings = settings
    app.ctx.owns_resources = False
    templates.configure(settings)
    for blueprint in (health.bp, auth.bp, me.bp, posts.bp, matches.bp, regions.bp, tickets.bp, subscriptions.bp,
                      articles.bp, photos.bp, photos.files, admin.bp, admin_inbound.bp, admin_tickets.bp,
                      admin_push.bp, wechat.bp):
        app.blueprint(blueprint)
    app.blueprint(console.blueprints)
    app.static("/console/static", CONSOLE_STATIC_DIR, name="console_static")
    app.error_handler.add(AppError, _render_app_error)
    app.error_handler.add(SanicException, _render_sanic_error)
    app.error_handler.add(Exception, _render_unexpected)
    app.register_middleware(_refuse_out_of_range_ids, "request")
    if settings.count_statements:
        db.enable_statement_counting()
        app.register_middleware(_count_statements, "request")
        app.register_middleware(_report_statements, "response")
    app.register_listener(docs.document_errors, "before_server_start")
    app.register_listener(_start, "before_server_start")
    app.register_listener(_settle_heap, "after_server_start")
    app.register_listener(_stop, "after_server_stop")
    return app


async def start_resources(app: Sanic, *, redis: Redis | None = None) -> None:
    """Open the database, the store and the WeChat clients (tests pass a shared store)."""
    settings: Settings = app.ctx.settings
    await db.init_db(settings)
    app.ctx.owns_redis = redis is None
    app.ctx.redis = redis if redis is not None else cache.connect(settings)
    app.ctx.wechat = build_clients(settings, app.ctx.redis)


async def stop_resources(app: Sanic) -> None:
    """Close what start_resources opened."""
    await app.ctx.wechat.oa.aclose()
    await app.ctx.wechat.mp.aclose()
    if app.ctx.owns_redis:
        await app.ctx.redis.aclose()


async def _start(app: Sanic) -> None:
    if getattr(app.ctx, "wechat", None) is None:
        app.ctx.owns_resources = True
        await start_resources(app)
        if app.ctx.settings.inline_workers:
            app.ctx.workers = await start_workers(settings=app.ctx.settings, store=app.ctx.redis)


async def _settle_heap(app: Sanic) -> None:
    """A served worker's start-up is done: keep full GC passes short from now on (server/heap.py).

    Not in tests, which build many apps in one process (freezing would keep each test's cycles).
    """
    if app.ctx.owns_resources and app.ctx.settings.env != "test":
        heap.settle()


async def _stop(app: Sanic) -> None:
    if app.ctx.owns_resources:
        if getattr(app.ctx, "workers", None) is not None:
            await app.ctx.workers.close()
        await stop_resources(app)
        await db.close_db()


MAX_ID = 2**31 - 1


async def _count_statements(request: Request) -> None:
    request.ctx.statements = db.start_counting()  # the handler runs in this task's context


async def _report_statements(request: Request, response: HTTPResponse) -> None:
    """X-DB-Statements: how many SQL statements the request sent (tests hold budgets with it)."""
    seen = getattr(request.ctx, "statements", None)
    if seen is not None:
        response.headers["X-DB-Statements"] = str(len(seen))
        response.headers["X-Worker"] = str(os.getpid())  # which worker answered (benchmarks count them)


async def _refuse_out_of_range_ids(request: Request) -> None:
    """Answer 404 for ids no row can have, before they reach the database driver."""
    for value in (request.match_info or {}).values():
        if isinstance(value, int) and not 0 < value <= MAX_ID:
            raise NotFound()


def _render_app_error(request: Request, exc: AppError) -> HTTPResponse:
    return json(exc.to_json(), status=exc.status)


def _render_sanic_error(request: Request, exc: SanicException) -> HTTPResponse:
    status = getattr(exc, "status_code", 500) or 500
    if status >= 500:
        return _render_unexpected(request, exc)
    code, message = SANIC_ERRORS.get(status, ("bad_request", "请求有误"))
    return json({"error": {"code": code, "message": message, "field": None}}, status=status)


def _render_unexpected(request: Request, exc: Exception) -> HTTPResponse:
    incident = uuid.uuid4().hex[:12]
    if isinstance(exc, IntegrityError):  # a race another request won: the client may retry
        log.warning("integrity conflict [%s] %s %s: %s", incident, request.method, request.path, exc)
        return json({"error": {"code": "conflict", "message": "操作冲突，请刷新后重试", "field": None}}, status=409)
    if isinstance(exc, OperationalError) and isinstance(exc.__cause__, PostgresDataError):
        # A value the edge let through and PostgreSQL refused (out of range, NUL, too long): bad input, not an outage.
        log.warning("data refused by the database [%s] %s %s: %s", incident, request.method, request.path, exc)
        body = {"code": "bad_request", "message": "提交的数据超出范围或格式有误", "field": None}
        return json({"error": {**body, "incident": incident}}, status=400)
    if isinstance(exc, (DBConnectionError, OperationalError, RedisError, ConnectionError, OSError)):
        log.error("dependency unavailable [%s] %s %s: %r", incident, request.method, request.path, exc)
        body = {"code": "unavailable", "message": "服务暂时不可用，请稍后再试", "field": None}
        return json({"error": {**body, "incident": incident}}, status=503)
    log.exception("unexpected error [%s] %s %s", incident, request.method, request.path, exc_info=exc)
    body = {"code": "internal_error", "message": "服务器开小差了，请稍后再试", "field": None}
    return json({"error": {**body, "incident": incident}}, status=500)
