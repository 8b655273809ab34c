"""Application errors rendered as the contract's JSON error; framework-free."""

from __future__ import annotations


class AppError(Exception):
    """An error a client can act on: status, stable code, Chinese message, optional field."""

    status = 400
    code = "bad_request"
    message = "请求有误"

    def __init__(self, message: str | None = None, *, field: str | None = None,
                 code: str | None = None, status: int | None = None) -> None:
        self.message = message or self.message
        self.field = field
        self.code = code or self.code
        self.status = status or self.status
        super().__init__(self.message)

    def to_json(self) -> dict:
        """Return the contract's error body."""
        return {"error": {"code": self.code, "message": self.message, "field": self.field}}


class BadRequest(AppError):
    status, code, message = 400, "bad_request", "请求格式有误"


class ValidationFailed(AppError):
    status, code, message = 422, "validation_failed", "提交的内容不符合要求"


class Unauthorized(AppError):
    status, code, message = 401, "unauthorized", "请先登录"


class Forbidden(AppError):
    status, code, message = 403, "forbidden", "没有权限执行此操作"


class NotFound(AppError):
    status, code, message = 404, "not_found", "内容不存在或无权查看"

    def __init__(self, what: str = "resource", **kwargs: object) -> None:
        super().__init__(kwargs.pop("message", None) or self.message, **kwargs)  # type: ignore[arg-type]
        self.what = what


class Conflict(AppError):
    status, code, message = 409, "conflict", "当前状态不允许此操作"


class PayloadTooLarge(AppError):
    status, code, message = 413, "payload_too_large", "提交的内容过大"


class TooManyRequests(AppError):
    status, code, message = 429, "too_many_requests", "操作过于频繁，请稍后再试"


class UpstreamUnavailable(AppError):
    status, code, message = 503, "upstream_unavailable", "服务暂时不可用，请稍后再试"
