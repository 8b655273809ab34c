"""Jinja2 rendering of the console's pages, with the security headers every console answer carries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Request
from sanic.response import HTTPResponse, html

from . import TEMPLATE_DIR

BEIJING = ZoneInfo("Asia/Shanghai")
# Scripts only from /console/static (no inline script, no CDN); ECharts sets inline styles.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# (key, href, label, admin only): pushes to a region are an operator's (admin's) decision.
NAV = [("dashboard", "/console/", "仪表盘", False), ("tickets", "/console/tickets", "工单", False),
       ("no_expert", "/console/no-expert", "未找到专家", False), ("review", "/console/review", "待审内容", False),
       ("campaigns", "/console/campaigns", "推广二维码", True), ("articles", "/console/articles", "科普文章", True),
       ("emergencies", "/console/emergencies", "应急推送", True), ("outreach", "/console/outreach", "精准推送", True)]


def _local_time(value: datetime | str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """Beijing time of an aware datetime or an ISO text (a naive one is taken as UTC)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(BEIJING).strftime(fmt)


ROLE_NAMES = {"citizen": "群众", "organisation": "单位", "scientist": "科技工作者", "staff": "工作人员",
              "admin": "管理员"}


def _person(user: Any) -> str:
    """A person's name; someone who never gave one is named by their role, never by an id."""
    if user is None:
        return "—"
    name = (getattr(user, "name", "") or "").strip()
    if name:
        return name
    role = str(getattr(user, "role", "") or "")
    return f"{ROLE_NAMES.get(role, '用户')}（未填姓名）"


def _day(value: date | datetime | str | None) -> str:
    if value is None:
        return ""
    return value.isoformat()[:10] if not isinstance(value, str) else value[:10]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _build_env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(local_time=_local_time, day=_day, percent=_percent, person=_person)
    env.globals.update(role_names=ROLE_NAMES)
    env.globals.update(nav=NAV)
    env.policies["json.dumps_kwargs"] = {"default": str, "ensure_ascii": False, "sort_keys": False}
    return env


ENV = _build_env()


def secure_headers(response: HTTPResponse) -> HTTPResponse:
    """Add the console's security headers (CSP, no framing, no caching of private pages)."""
    response.headers.setdefault("content-security-policy", CSP)
    response.headers.setdefault("x-frame-options", "DENY")
    response.headers.setdefault("x-content-type-options", "nosniff")
    response.headers.setdefault("referrer-policy", "same-origin")
    response.headers.setdefault("cache-control", "no-store")
    return response


def render(template: str, request: Request, *, status: int = 200, **context: Any) -> HTTPResponse:
    """Render a console template as an HTML response; the session (if any) is in the context."""
    session = getattr(request.ctx, "console", None)
    body = ENV.get_template(template).render(session=session, csrf_token=session.csrf if session else "",
                                            path=request.path, **context)
    return secure_headers(html(body, status=status))
