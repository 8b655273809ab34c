"""Shared HTTP plumbing: body parsing, authentication, query parameters, responses."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel, ValidationError
from sanic import Request
from sanic.response import HTTPResponse
from sanic.response import json as sanic_json

from server.errors import BadRequest, Forbidden, PayloadTooLarge, Unauthorized
from server.models import User
from server.models.enums import Role
from server.services import auth
from server.services.commands import to_app_error
from server.services.commands.base import RULE

M = TypeVar("M", bound=BaseModel)
Handler = Callable[..., Awaitable[HTTPResponse]]


def json(body: Any, status: int = 200, **kwargs: Any) -> HTTPResponse:
    """Return a JSON response (orjson, keeps Chinese readable)."""
    return sanic_json(body, status=status, dumps=orjson.dumps, **kwargs)


def parse_body(request: Request, model: type[M]) -> M:
    """Parse and validate a JSON body into a pydantic model, or raise a contract error."""
    body = request.body or b""
    if len(body) > request.app.ctx.settings.max_body_bytes:
        raise PayloadTooLarge()
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        if first["type"] == "json_invalid":
            raise BadRequest("请求体不是有效的 JSON", code="malformed_json") from exc
        if first["type"] == "model_type" or not (first["loc"] or first["type"] == RULE):
            raise BadRequest("请求体应为 JSON 对象", code="malformed_json") from exc
        raise to_app_error(exc) from exc


def query_model(request: Request, model: type[M]) -> M:
    """Validate query-string parameters into a pydantic model."""
    data = {key: request.args.get(key) for key in request.args}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise to_app_error(exc) from exc


def bearer_token(request: Request) -> str:
    """Return the bearer token of a request or raise Unauthorized."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("请先登录", code="missing_token")
    return token.strip()


async def current_user(request: Request) -> User:
    """Authenticate the request's bearer token."""
    settings = request.app.ctx.settings
    return await auth.authenticate(token=bearer_token(request), store=request.app.ctx.redis,
                                   secret_key=settings.secret_key, ttl=settings.session_ttl)


def authenticated(*roles: Role) -> Callable[[Handler], Handler]:
    """Require a session (and one of `roles`, when given); the user lands in request.ctx.user."""

    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            user = await current_user(request)
            if roles and user.role not in roles:
                raise Forbidden()
            request.ctx.user = user
            return await handler(request, *args, **kwargs)

        wrapper.required_roles = roles  # type: ignore[attr-defined]  # read by handlers/docs.py
        return wrapper

    return decorate
