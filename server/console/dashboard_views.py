"""The dashboard: one region's overview with drill-down, charts, rankings and CSV exports."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw

from server.errors import NotFound, ValidationFailed
from server.handlers.common import json
from server.models import Region
from server.services import regions
from server.services.metrics import export, overview
from server.services.metrics.definitions import RATE_DEFINITIONS

from . import accounts, auth
from .render import BEIJING, render

bp = Blueprint("console_dashboard", url_prefix="/console")

SECTIONS = ("funnel", "rates", "workload", "stage_ageing", "push", "weekly", "children")
CHILD_SORTS = ("users", "organisations", "scientists", "posts", "open_tickets", "acquisition_rate", "supply_rate")
PUSH_KIND_NAMES = {"match_found": "匹配通知", "match_digest": "匹配汇总", "post_progress": "进展通知",
                   "concierge_message": "保姆留言", "followup_reminder": "跟进提醒", "emergency_alert": "应急科普",
                   "article_push": "精准科普", "award_call": "奖项征集"}
DEFAULT_DAYS = 90
MAX_DAYS = 365  # the dashboard service answers at most a year


def _date_arg(request: Request, name: str) -> date | None:
    raw_value = (request.args.get(name) or "").strip()
    if not raw_value:
        return None
    try:
        return date.fromisoformat(raw_value)
    except ValueError as exc:
        raise ValidationFailed("日期格式应为 YYYY-MM-DD", field=name) from exc


def period_of(request: Request, *, today: date | None = None) -> tuple[date, date]:
    """Return the (since, until) dates asked for, by default the last 90 Beijing days."""
    until = _date_arg(request, "until") or (today or datetime.now(BEIJING).date())  # the service counts Beijing days
    since = _date_arg(request, "since") or until - timedelta(days=DEFAULT_DAYS - 1)
    if since > until:
        raise ValidationFailed("开始日期不能晚于结束日期", field="since")
    if (until - since).days > MAX_DAYS:
        raise ValidationFailed("统计周期不能超过一年", field="since")
    return since, until


async def _overview(request: Request) -> tuple[Region, dict[str, Any], date, date]:
    session: auth.ConsoleSession = request.ctx.console
    region = await accounts.resolve_region(scope=session.scope, requested=request.args.get("region"))
    since, until = period_of(request)
    data = await overview.dashboard(region.code, since=since, until=until)
    for row in data.get("push", []):
        row.setdefault("label", PUSH_KIND_NAMES.get(row["kind"], row["kind"]))
    return region, data, since, until


def _rate_definitions() -> list[tuple[str, str]]:
    """Return (label, definition) pairs of the two rates."""
    return [(info["label"], info["definition"]) for info in RATE_DEFINITIONS.values()]


def _top_by_rate(children: list[dict], key: str, *, n: int = 3) -> list[dict]:
    """Return the child regions with the highest value of a rate (those with a value at all)."""
    rated = [row for row in children if row.get(key) is not None]
    return sorted(rated, key=lambda row: (-row[key], row["code"]))[:n]


def _has_data(data: dict) -> dict[str, bool]:
    """Which charts have something to draw (an empty one is replaced by a sentence, never bare axes)."""
    funnel = any(step["count"] for steps in data["funnel"].values() for step in steps)
    weekly = any(w["posts"] or w["contacted"] or w["landed"] or w["pushes_sent"] for w in data["weekly"])
    push = any(sum(v for k, v in row.items() if k not in ("kind", "label")) for row in data["push"])
    children = any(row["posts"] or row["users"] or row["open_tickets"] for row in data["children"])
    return {"funnel": funnel, "weekly": weekly, "push": push, "children": children,
            "ageing": any(s["count"] for s in data["stage_ageing"])}


def _ranked(children: list[dict], sort: str) -> list[dict]:
    return sorted(children, key=lambda row: (row.get(sort) is None, -(row.get(sort) or 0), row.get("code", "")))


@bp.get("/")
@auth.page()
async def dashboard_page(request: Request) -> HTTPResponse:
    """Show a region's overview: funnels, rates, workload, pushes, weekly trend and its child regions."""
    region, data, since, until = await _overview(request)
    session: auth.ConsoleSession = request.ctx.console
    crumbs = [r for r in await regions.region_path(region.code)
            if session.scope is None or regions.is_within(r.code, session.scope)]
    sort = request.args.get("sort") if request.args.get("sort") in CHILD_SORTS else "posts"
    query = f"region={region.code}&since={since.isoformat()}&until={until.isoformat()}"
    return render("dashboard.html", request, active="dashboard", region=region, data=data, crumbs=crumbs,
                  since=since, until=until, sort=sort, sorts=CHILD_SORTS, children=_ranked(data["children"], sort),
                  query=query, definitions=_rate_definitions(), has=_has_data(data),
                  top={key: _top_by_rate(data["children"], f"{key}_rate") for key in ("acquisition", "supply")})


@bp.get("/api/overview")
@auth.api()
async def overview_api(request: Request) -> HTTPResponse:
    """Return a region's overview as JSON (the same numbers the dashboard draws)."""
    _, data, _, _ = await _overview(request)
    return json(data)


@bp.get("/export/<name:str>")
@auth.page()
async def export_csv(request: Request, name: str) -> HTTPResponse:
    """Download one dashboard section as CSV (UTF-8 with BOM, so Excel reads the Chinese)."""
    section = name.removesuffix(".csv")
    if not name.endswith(".csv") or section not in SECTIONS:
        raise NotFound("export")
    region, data, since, until = await _overview(request)
    text = export.overview_csv(data, section)
    body = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    if not body.startswith(b"\xef\xbb\xbf"):
        body = b"\xef\xbb\xbf" + body
    filename = f"kejiyun-{section}-{region.code}-{since.isoformat()}-{until.isoformat()}.csv"
    return raw(body, content_type="text/csv; charset=utf-8",
               headers={"content-disposition": f'attachment; filename="{filename}"'})
