"""The OpenAPI document: pydantic models' real JSON schema and every route's error answers, in one place."""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel
from sanic import Sanic
from sanic_ext import openapi
from sanic_ext.extensions.openapi.builders import OperationBuilder, OperationStore
from sanic_ext.extensions.openapi.definitions import Response
from sanic_ext.extensions.openapi.types import Schema

from server.handlers.schemas import ErrorOut

ERROR_DESCRIPTIONS = {
    400: "请求格式有误（不是 JSON 对象、数据超出范围）",
    401: "未登录或会话已失效",
    403: "当前身份无权执行此操作",
    404: "内容不存在或无权查看",
    409: "当前状态不允许此操作，或与其他请求冲突",
    413: "提交的内容过大",
    422: "提交的内容不符合要求（field 指出字段）",
    429: "操作过于频繁",
    503: "服务暂时不可用，请稍后再试",
}
# 3.1-only JSON Schema words OpenAPI 3.0 has no place for (examples would be read as a property).
DROPPED_KEYWORDS = ("examples", "$schema")


def schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return a media type object with the model's JSON schema as OpenAPI 3.0 reads it."""
    raw = model.model_json_schema(ref_template="#/$defs/{model}")
    definitions = raw.pop("$defs", {})
    return {"schema": _to_openapi_30(_inline(raw, definitions))}


def json_content(model: type[BaseModel]) -> dict[str, Any]:
    """Return the `content` of a JSON request or response described by a pydantic model."""
    return {"application/json": schema(model)}


def query_parameters(model: type[BaseModel]) -> Any:
    """Document a route's query string from the pydantic model that validates it (absent means null)."""
    properties = schema(model)["schema"]["properties"]

    def decorate(handler: Any) -> Any:
        for name, prop in reversed(properties.items()):
            scalar = {k: v for k, v in prop.items() if k not in ("nullable", "title") and v is not None}
            handler = openapi.parameter(name, Schema(**scalar), "query")(handler)
        return handler

    return decorate


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            target = definitions[node["$ref"].rsplit("/", 1)[-1]]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return _inline({**copy.deepcopy(target), **rest}, definitions)
        return {k: _inline(v, definitions) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


def _to_openapi_30(node: Any) -> Any:
    """`anyOf: [X, {type: null}]` becomes X with `nullable: true`; `const` becomes a one-value enum."""
    if isinstance(node, list):
        return [_to_openapi_30(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {k: _to_openapi_30(v) for k, v in node.items() if k not in DROPPED_KEYWORDS}
    if "const" in node:
        node["enum"] = [node.pop("const")]
    options = node.get("anyOf")
    if options and {"type": "null"} in options:
        rest = [option for option in options if option != {"type": "null"}]
        del node["anyOf"]
        node = {**node, **rest[0]} if len(rest) == 1 else {**node, "anyOf": rest}
        node["nullable"] = True
        if "enum" in node and None not in node["enum"]:
            node["enum"] = [*node["enum"], None]  # OpenAPI 3.0.3: an enum must list null for nullable to admit it
    return node


def document_errors(app: Sanic) -> None:
    """Give every /api route the error answers it can give and declare its token (before the spec is served)."""
    error = json_content(ErrorOut)
    for route in app.router.routes:
        if not route.path.startswith("api/"):
            continue
        operation: OperationBuilder = OperationStore()[route.handler]
        roles = getattr(route.handler, "required_roles", None)
        declared = {status for status in operation.responses if isinstance(status, int) and status >= 400}
        for status in sorted(declared | _error_statuses(route, operation, authenticated=roles is not None)):
            operation.responses[status] = Response.make(error, description=ERROR_DESCRIPTIONS[status])
        if roles is not None and not operation.security:
            operation.secured("token")
        if not any(str(status).startswith("2") or status == "default" for status in operation.responses):
            operation.responses["default"] = Response.make(None, description="成功")


def _error_statuses(route: Any, operation: OperationBuilder, *, authenticated: bool) -> set[int]:
    statuses = {503}  # the database or the store down: any route
    if authenticated:
        statuses |= {401, 403}
    if getattr(operation, "requestBody", None) is not None:
        statuses |= {400, 413, 422}
    if route.params:
        statuses |= {404, 422}
    if any(p.fields.get("in") == "query" for p in operation.parameters):
        statuses.add(422)
    if route.methods - {"GET", "HEAD", "OPTIONS"}:
        statuses |= {400, 409}  # a race another request won; a value the database refused
    return statuses
