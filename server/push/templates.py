"""Message templates (templates/messages/*.toml) and rendering by WeChat's value rules (WECHAT.md §3).

A field's key prefix is its WeChat type (thing1, phrase2, time3 ...). Free text (thing, name) is
truncated to fit; values whose meaning would change when cut (phrase, number, enum ...) are refused.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates" / "messages"
CHANNELS = ("oa_template", "mp_subscribe")
BEIJING = ZoneInfo("Asia/Shanghai")
ELLIPSIS = "…"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_CHINESE = re.compile(r"^[\u4e00-\u9fff]+$")
# type -> (max length, truncate?, allowed pattern or None)
RULES: dict[str, tuple[int, bool, re.Pattern[str] | None]] = {
    "thing": (20, True, None),
    "name": (20, True, None),
    "phrase": (5, False, _CHINESE),
    "number": (32, False, re.compile(r"^-?\d+(\.\d+)?$")),
    "letter": (32, False, re.compile(r"^[A-Za-z]+$")),
    "symbol": (5, False, re.compile(r"^[^\w\s]+$")),
    "character_string": (32, False, re.compile(r"^[\x21-\x7e]+$")),
    "phone_number": (17, False, re.compile(r"^[\d+\-() ]+$")),
    "car_number": (8, False, None),
    "amount": (16, False, re.compile(r"^[¥$￥]?\d{1,10}(\.\d{1,2})?元?$")),
    "time": (40, False, None),
    "date": (40, False, None),
    "enum": (20, False, None),
}


class TemplateError(ValueError):
    """A template file is invalid."""


class TemplateValueError(ValueError):
    """A value cannot be sent under WeChat's rules for its field."""

    def __init__(self, kind: str, key: str, reason: str) -> None:
        super().__init__(f"{kind}.{key}: {reason}")
        self.kind, self.key, self.reason = kind, key, reason


@dataclass(frozen=True)
class Field:
    key: str
    source: str

    @property
    def type(self) -> str:
        return self.key.rstrip("0123456789")


@dataclass(frozen=True)
class MessageTemplate:
    kind: str
    channels: tuple[str, ...]
    page: str
    fields: tuple[Field, ...]
    template_ids: dict[str, str]
    sample: dict[str, object]


def _load_file(path: Path, env: Mapping[str, str]) -> MessageTemplate:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        fields = tuple(Field(key=f["key"], source=f["source"]) for f in data["fields"])
        channels = tuple(data["channels"])
        ids = {ch: env.get(spec["setting"]) or spec["default"] for ch, spec in data["template_ids"].items()}
        template = MessageTemplate(kind=data["kind"], channels=channels, page=data["page"], fields=fields,
                                   template_ids=ids, sample=dict(data.get("sample", {})))
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise TemplateError(f"{path.name}: {type(exc).__name__} {exc}") from exc
    _validate(template, path.name)
    return template


def _validate(template: MessageTemplate, name: str) -> None:
    problems = [f"unknown channel {c}" for c in template.channels if c not in CHANNELS]
    problems += [f"no template id for {c}" for c in template.channels if c not in template.template_ids]
    problems += [f"unknown field type {f.key}" for f in template.fields if f.type not in RULES]
    if len({f.key for f in template.fields}) != len(template.fields):
        problems.append("duplicate field keys")
    if template.page.startswith("/"):
        problems.append("page must not start with '/'")
    if problems:
        raise TemplateError(f"{name}: {'; '.join(problems)}")


def load_templates(directory: Path | None = None, *,
                   env: Mapping[str, str] | None = None) -> dict[str, MessageTemplate]:
    """Load and validate every template file; keyed by kind."""
    if directory is None and env is None:
        return _cached()
    env = os.environ if env is None else env
    found = [_load_file(path, env) for path in sorted((directory or TEMPLATE_DIR).glob("*.toml"))]
    return {t.kind: t for t in found}


@lru_cache(maxsize=1)
def _cached() -> dict[str, MessageTemplate]:
    return load_templates(TEMPLATE_DIR, env=os.environ)


def format_value(raw: object, *, type_: str) -> str:
    """Turn a data value into text (datetimes in Beijing time for time/date fields)."""
    if type_ in ("time", "date") and isinstance(raw, str):
        try:
            raw = datetime.fromisoformat(raw)
        except ValueError:
            return raw
    if isinstance(raw, datetime):
        local = raw.astimezone(BEIJING) if raw.tzinfo else raw
        return f"{local:%Y年%m月%d日 %H:%M}" if type_ == "time" else f"{local:%Y年%m月%d日}"
    return str(raw)


def fit(value: str, *, kind: str, key: str) -> str:
    """Apply the value rules of a field's type: truncate free text, refuse the rest."""
    type_ = key.rstrip("0123456789")
    limit, truncate, pattern = RULES[type_]
    value = _CONTROL.sub(" ", value).strip()
    if not value:
        raise TemplateValueError(kind, key, "empty")
    if type_ == "name" and not _CHINESE.match(value):
        limit = 20 if re.match(r"^[\x20-\x7e]+$", value) else 10
    elif type_ == "name":
        limit = 10
    if pattern is not None and not pattern.match(value):
        raise TemplateValueError(kind, key, f"not a valid {type_}")
    if len(value) > limit:
        if not truncate:
            raise TemplateValueError(kind, key, f"longer than {limit}")
        value = value[: limit - 1] + ELLIPSIS
    return value


def render_data(template: MessageTemplate, data: Mapping[str, object]) -> dict[str, dict[str, str]]:
    """Return WeChat's data object: {key: {"value": ...}} for every field."""
    rendered = {}
    for item in template.fields:
        try:
            raw = item.source.format_map({k: format_value(v, type_=item.type) for k, v in data.items()})
        except KeyError as exc:
            raise TemplateValueError(template.kind, item.key, f"missing data {exc}") from exc
        rendered[item.key] = {"value": fit(raw, kind=template.kind, key=item.key)}
    return rendered


def render(template: MessageTemplate, *, channel: str, data: Mapping[str, object], touser: str,
           client_msg_id: str | None = None, mp_appid: str | None = None) -> dict:
    """Return the exact WeChat payload for a channel (template/send or subscribe/send)."""
    if channel not in template.channels:
        raise TemplateValueError(template.kind, "channel", f"{channel} not allowed")
    try:
        page = template.page.format_map(dict(data))
    except KeyError as exc:
        raise TemplateValueError(template.kind, "page", f"missing data {exc}") from exc
    payload: dict = {"touser": touser, "template_id": template.template_ids[channel],
                     "data": render_data(template, data)}
    if channel == "oa_template":
        if mp_appid:
            payload["miniprogram"] = {"appid": mp_appid, "pagepath": page}
        if client_msg_id:
            payload["client_msg_id"] = client_msg_id[:64]
        return payload
    return {**payload, "page": page, "miniprogram_state": "formal", "lang": "zh_CN"}
