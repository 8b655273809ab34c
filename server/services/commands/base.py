"""The one place user input is validated: pydantic command models and their Chinese errors.

Every request body (and every console form) is validated once, here, into a frozen command whose values are
already clean: text without hidden characters and trimmed, codes normalised, dates parsed, enums. Services
accept commands and check only what needs the database (a region exists, an article exists, permissions).
A rule raises `invalid(...)`, which keeps its own message; pydantic's own failures get PYDANTIC_MESSAGES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from server import inputs
from server.errors import ValidationFailed
from server.services import text

M = TypeVar("M", bound=BaseModel)
# Every id, cursor and id list at the edge: a larger number names no row and overflows PostgreSQL's integer.
Id = Annotated[int, Field(ge=1, le=inputs.MAX_ID)]
MULTILINE_FIELDS = {"body", "text", "note", "comment", "reason", "instruction", "step"}
RAW_FIELDS = {"code"}  # credentials (wx.login code): refused when malformed, never silently changed
RULE = "invalid"  # the pydantic error type of our own rules: its message is shown as it is

PYDANTIC_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不支持的字段",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "bool_type": "应为布尔值",
    "list_type": "应为列表",
    "enum": "取值不在允许范围内",
    "literal_error": "取值不在允许范围内",
    "string_too_long": "内容过长",
    "too_long": "数量过多",
    "too_short": "数量过少",
    "greater_than_equal": "超出允许范围",
    "less_than_equal": "超出允许范围",
    "string_pattern_mismatch": "格式不正确",
}


def _clean(value: Any, *, multiline: bool) -> Any:
    if type(value) is str:  # not str enums
        return inputs.clean_text(value, multiline=multiline)
    if isinstance(value, list):
        return [_clean(item, multiline=multiline) for item in value]
    if isinstance(value, dict):
        return {_clean(k, multiline=False): _clean(v, multiline=multiline) for k, v in value.items()}
    return value


class CleanText(BaseModel):
    """Base of every request body: invisible and control characters are dropped from all user text."""

    @field_validator("*", mode="after")
    @classmethod
    def _drop_hidden_characters(cls, value: Any, info: ValidationInfo) -> Any:
        if info.field_name in RAW_FIELDS:
            return value
        return _clean(value, multiline=info.field_name in MULTILINE_FIELDS)


class Strict(CleanText):
    model_config = ConfigDict(extra="forbid", strict=True)


class Command(Strict):
    """A validated, normalised request to a service (immutable once built)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def invalid(message: str, *, field: str | None = None) -> PydanticCustomError:
    """Return a rule's failure: shown with its own message, on `field` or else where it happened."""
    return PydanticCustomError(RULE, "{message}", {"message": message, "field": field})


def to_app_error(exc: ValidationError) -> ValidationFailed:
    """Turn pydantic's first failure into the contract's field error (in Chinese)."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or None
    if first["type"] == RULE:
        ctx = first.get("ctx") or {}
        return ValidationFailed(ctx["message"], field=ctx.get("field") or where)
    message = PYDANTIC_MESSAGES.get(first["type"], "格式不正确")
    return ValidationFailed(f"{where}：{message}" if where else message, field=where)


def build(model: type[M], data: dict[str, Any]) -> M:
    """Validate Python values (a console form, a script, a test) into a command, or raise a field error.

    Lax about Python types (a form's "40", an enum's value), strict about every rule.
    """
    try:
        return model.model_validate(data, strict=False)
    except ValidationError as exc:
        raise to_app_error(exc) from exc


def text_rule(*, label: str, low: int, high: int, multiline: bool = False,
              empty: str | None = None) -> Callable[[str | None], str]:
    """Return a validator: hidden characters dropped, trimmed, then between low and high characters."""

    def check(value: str | None) -> str:
        text = inputs.clean_text(value, multiline=multiline).strip() if isinstance(value, str) else ""
        if not text and low > 0:
            raise invalid(empty or f"{label}不能为空")
        if len(text) < low:
            raise invalid(f"{label}至少 {low} 个字")
        if len(text) > high:
            raise invalid(f"{label}不能超过 {high} 个字")
        return text

    return check


def labels_rule(*, label: str, max_items: int, max_len: int) -> Callable[[list[str] | None], list[str]]:
    """Return a validator: labels without hidden characters, trimmed, de-duplicated and bounded."""

    def check(raw: list[str] | None) -> list[str]:
        try:
            return text.clean_labels([inputs.clean_text(item, multiline=False) for item in raw or []], field=None,
                                     label=label, max_items=max_items, max_len=max_len)
        except ValidationFailed as exc:
            raise invalid(exc.message) from exc

    return check


def rule(check: Callable[[Any], Any]) -> AfterValidator:
    """Wrap a rule for `Annotated[...]`."""
    return AfterValidator(check)
