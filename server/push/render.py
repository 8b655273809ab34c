"""WeChat's value rules for template keywords and the two send payloads (WECHAT.md §3.1, §3.2).

A keyword's key prefix is its type (thing1, phrase2, time3 ...). Free text (thing, name) may be
truncated with "…"; values whose meaning a cut would change (phrase, number, enum ...) are refused,
because WeChat answers 47003 "data.<key>.value invalid" and the whole message is lost.
https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from urllib.parse import quote
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from server.push.templates import Field, MessageTemplate

CHANNELS = ("oa_template", "mp_subscribe")
BEIJING = ZoneInfo("Asia/Shanghai")
ELLIPSIS = "…"
MAX_CLIENT_MSG_ID = 64  # the same bound as mass-send clientmsgid; ours are "push-<id>-<created>"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060\ufeff]+")
_SPACES = re.compile(r"\s+")
_CHINESE = re.compile(f"^[{_CJK}]+$")
_HAS_CHINESE = re.compile(f"[{_CJK}]")
_ASCII_TEXT = re.compile(r"^[\x20-\x7e]+$")
_TIME = re.compile(r"^[\d年月日号\-/.: ~]*\d{1,2}:\d{2}[\d年月日号\-/.: ~]*$")
_DATE = re.compile(r"^[\d年月日号\-/.: ~]*\d[\d年月日号\-/.: ~]*$")

# type -> (max length, pattern the whole value must match or None); None length = no stated limit.
RULES: dict[str, tuple[int | None, re.Pattern[str] | None]] = {
    "thing": (20, None),
    "name": (20, None),  # 10 when any character is not an ASCII letter/symbol, see _limit
    "phrase": (5, _CHINESE),
    "number": (32, re.compile(r"^\d+(\.\d+)?$")),
    "letter": (32, re.compile(r"^[A-Za-z]+$")),
    "symbol": (5, re.compile(r"^[^\w\s]+$")),
    "character_string": (32, re.compile(r"^[\x21-\x7e]+$")),
    "time": (None, _TIME),
    "date": (None, _DATE),
    "amount": (None, re.compile(r"^[¥￥$€£]?\d{1,10}(\.\d+)?元?$")),
    "phone_number": (17, re.compile(r"^[\d+\-()#*]+$")),
    "car_number": (8, re.compile(f"^[{_CJK}]?[A-Z0-9]+[{_CJK}]?$")),
    "enum": (None, None),  # checked against the field's choices
}
TRUNCATABLE = frozenset({"thing", "name"})


class TemplateValueError(ValueError):
    """A value cannot be sent under WeChat's rules for its keyword."""

    def __init__(self, kind: str, key: str, reason: str) -> None:
        super().__init__(f"{kind}.{key}: {reason}")
        self.kind, self.key, self.reason = kind, key, reason


def width(text: str) -> int:
    """Return a length no client can count higher: characters outside the BMP count twice."""
    return len(text.encode("utf-16-le")) // 2


def clean(text: str) -> str:
    """Remove control and invisible characters; collapse whitespace (a keyword is one line)."""
    return _SPACES.sub(" ", _INVISIBLE.sub(" ", text)).strip()


def _shorten(text: str, limit: int, ellipsis: str) -> str:
    room = limit - width(ellipsis)
    kept = []
    for char in text:
        room -= width(char)
        if room < 0:
            break
        kept.append(char)
    return "".join(kept).rstrip() + ellipsis


def _limit(type_: str, value: str) -> int | None:
    if type_ == "name":  # ≤10 Chinese or ≤20 letters/symbols; a mix counts as Chinese
        return 20 if _ASCII_TEXT.match(value) else 10
    return RULES[type_][0]


def fit(value: str, *, kind: str, key: str, overflow: str = "", choices: tuple[str, ...] = ()) -> str:
    """Return a value that obeys its keyword's type, truncating free text or raising TemplateValueError."""
    type_ = key.rstrip("0123456789")
    if type_ not in RULES:
        raise TemplateValueError(kind, key, f"unknown keyword type {type_!r}")
    value = clean(value)
    if not value:
        raise TemplateValueError(kind, key, "empty")
    pattern = RULES[type_][1]
    if pattern is not None and not pattern.match(value):
        raise TemplateValueError(kind, key, f"{value!r} is not a valid {type_}")
    if type_ == "enum" and value not in choices:
        raise TemplateValueError(kind, key, f"{value!r} is not one of {list(choices)}")
    if type_ == "name" and _HAS_CHINESE.search(value) and re.search(r"\d", value):
        raise TemplateValueError(kind, key, "a name mixing Chinese and digits is refused by WeChat")
    limit = _limit(type_, value)
    if limit is None or width(value) <= limit:
        return value
    if (overflow or ("truncate" if type_ in TRUNCATABLE else "refuse")) != "truncate":
        raise TemplateValueError(kind, key, f"longer than {limit}")
    # A pure-ASCII name keeps its 20-character allowance only with an ASCII ellipsis.
    return _shorten(value, limit, "..." if type_ == "name" and limit == 20 else ELLIPSIS)


def format_moment(moment: datetime | date, *, type_: str) -> str:
    """Format a datetime in Beijing time ("2026年11月22日 15:01"); naive datetimes are taken as UTC."""
    if isinstance(moment, datetime):
        local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(BEIJING)
        day = f"{local.year}年{local.month}月{local.day}日"
        return day if type_ == "date" else f"{day} {local:%H:%M}"
    return f"{moment.year}年{moment.month}月{moment.day}日"


def _as_moment(text: str) -> datetime | date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        return None


class _Formatter(string.Formatter):
    """str.format over the data, turning values into keyword text by the field's type."""

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.field = field

    def get_value(self, key: int | str, args: object, kwargs: Mapping[str, object]) -> object:
        value = kwargs.get(str(key))
        if value is None or value == "" or value == []:
            raise KeyError(key)
        return value

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec:
            return format(value, format_spec)
        if isinstance(value, str) and self.field.type in ("time", "date"):
            value = _as_moment(value) or value
        if isinstance(value, datetime | date):
            return format_moment(value, type_=self.field.type)
        if isinstance(value, list | tuple):
            return "、".join(str(item) for item in value)
        text = str(value)
        return self.field.display.get(text, text)


def render_value(field: Field, data: Mapping[str, object], *, kind: str) -> str:
    """Render one keyword from the data: its source, else its fallback, then WeChat's rules."""
    formatter = _Formatter(field)
    missing = ""
    for source in (field.source, field.fallback):
        if source is None:
            continue
        try:
            text = formatter.vformat(source, (), data)
        except KeyError as exc:
            missing = f"missing data {exc}"
            continue
        if clean(text):
            return fit(text, kind=kind, key=field.key, overflow=field.overflow, choices=field.choices)
        missing = "empty"
    raise TemplateValueError(kind, field.key, missing)


def render_data(template: MessageTemplate, data: Mapping[str, object], *,
                now: datetime | None = None) -> dict[str, dict[str, str]]:
    """Return WeChat's data object, {key: {"value": text}}, for every keyword of a template."""
    context = {"now": now or datetime.now(UTC), **data}
    return {f.key: {"value": render_value(f, context, kind=template.kind)} for f in template.fields}


def render_page(template: MessageTemplate, data: Mapping[str, object]) -> str:
    """Return the mini-program page with its query value filled in and URL-encoded."""
    try:
        values = {k: quote(str(v), safe="") for k, v in data.items() if v is not None and v != ""}
        return template.page.format_map(values)
    except KeyError as exc:
        raise TemplateValueError(template.kind, "page", f"missing data {exc}") from exc


def render(template: MessageTemplate, *, channel: str, data: Mapping[str, object], touser: str,
           client_msg_id: str | None = None, mp_appid: str | None = None, now: datetime | None = None) -> dict:
    """Return the exact JSON body for cgi-bin/message/template/send (oa_template) or subscribe/send."""
    if channel not in template.channels:
        raise TemplateValueError(template.kind, "channel", f"{channel!r} is not one of {list(template.channels)}")
    if not touser:
        raise TemplateValueError(template.kind, "touser", "empty")
    page = render_page(template, data)
    payload: dict = {"touser": touser, "template_id": template.template_ids[channel]}
    if channel == "mp_subscribe":
        payload.update(page=page, miniprogram_state="formal", lang="zh_CN")
    else:
        if mp_appid:  # both url and miniprogram empty means no jump (§3.1)
            payload["miniprogram"] = {"appid": mp_appid, "pagepath": page}
        if client_msg_id is not None:
            if not client_msg_id or len(client_msg_id) > MAX_CLIENT_MSG_ID:
                raise TemplateValueError(template.kind, "client_msg_id", f"must be 1-{MAX_CLIENT_MSG_ID} chars")
            payload["client_msg_id"] = client_msg_id
    payload["data"] = render_data(template, data, now=now)
    return payload
