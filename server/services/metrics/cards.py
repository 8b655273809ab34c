"""The dashboard's headline cards: one region's key counts for a period beside the previous period of equal
length.

People are counted as registered by the end of each period; posts, matches, finished tickets and sent
pushes as created within it; open tickets as open at the end of it (opened before the end, not yet landed
or closed by then, read from the ticket timeline). Same region ranges and Beijing days as the overview.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta

from server.models.enums import PostKind, Role

from . import queries, snapshots, ticket_days
from .definitions import ratio
from .scope import Scope

# (key, label, unit): the order the cards are drawn in.
CARDS = [("users", "注册用户", "人"), ("scientists", "科技工作者", "人"), ("organisations", "企事业单位", "家"),
         ("needs", "科技所需", "条"), ("offers", "科技所能", "条"), ("matches", "匹配", "对"),
         ("open_tickets", "在办工单", "单"), ("closed_tickets", "办结工单", "单"), ("pushes_sent", "推送送达", "条")]


@dataclass
class Period:
    """The rows one period's cards, rates and overview share (each figure is queried once per period)."""

    people: list[dict]
    posts: list[dict]
    served: list[dict]  # rows (m, k, n): acquired and supplied (and, from the snapshots, finished)
    pushes: list[dict]
    days: ticket_days.Days


def previous_period(since: date, until: date) -> tuple[date, date]:
    """Return the period of the same length that ends the day before `since`."""
    days = (until - since).days + 1
    return since - timedelta(days=days), since - timedelta(days=1)


async def period_rows(scope: Scope, cover: snapshots.Coverage, *, detail: bool = True) -> Period:
    """Query the rows a period's cards and rates need; `detail` (the overview's period) also per child region
    and week, which the previous period's cards do not need (its posts and pushes come as totals per kind
    and status: rows without `k` and `w`)."""
    days = cover.ticket_days(scope)
    served = queries.served_rows(scope) if scope.live else ticket_days.member_rows(scope, days)
    people, posts, served_rows, pushes = await asyncio.gather(
        snapshots.people_rows(scope, cover), snapshots.post_rows(scope, cover, detail=detail), served,
        snapshots.push_rows(scope, detail=detail))
    return Period(people, posts, served_rows, pushes, days)


def _total(found: list[dict], *, where: tuple[str, str] | None = None) -> int:
    return sum(int(r["n"]) for r in found if where is None or r[where[0]] == where[1])


def rates(period: Period) -> dict[str, float | None]:
    """Return both rates of a period (definitions.RATE_DEFINITIONS)."""
    orgs = _total(period.people, where=("role", Role.ORGANISATION.value))
    scientists = _total(period.people, where=("role", Role.SCIENTIST.value))
    return {"acquisition": ratio(_total(period.served, where=("m", "acquired")), orgs),
            "supply": ratio(_total(period.served, where=("m", "supplied")), scientists)}


async def figures(scope: Scope, period: Period) -> dict[str, int]:
    """Return a period's card values."""
    if scope.live:
        matches, tickets = await asyncio.gather(queries.match_count(scope), queries.ticket_counts(scope))
    else:
        matches, tickets = await asyncio.gather(ticket_days.match_count(scope, period.days),
                                                ticket_days.ticket_counts(scope, period.days, period.served))
    return {"users": _total(period.people), "scientists": _total(period.people, where=("role", Role.SCIENTIST.value)),
            "organisations": _total(period.people, where=("role", Role.ORGANISATION.value)),
            "needs": _total(period.posts, where=("kind", PostKind.NEED.value)),
            "offers": _total(period.posts, where=("kind", PostKind.OFFER.value)), "matches": matches, **tickets,
            "pushes_sent": _total(period.pushes, where=("status", "sent"))}


def _change(now: int, before: int) -> dict:
    return {"delta": now - before, "percent": round((now - before) / before, 4) if before else None}


def before(scope: Scope) -> Scope:
    """Return the scope of the period before a scope's (same region, same length)."""
    prev_since, prev_until = previous_period(scope.since, scope.until)
    return Scope(scope.region, since=prev_since, until=prev_until, now=scope.now, live=scope.live)


async def previous(scope: Scope, cover: snapshots.Coverage) -> tuple[Scope, Period]:
    """Return the previous period of a scope and its rows (`cover` read from the previous period's start)."""
    earlier = before(scope)
    return earlier, await period_rows(earlier, cover, detail=False)


async def headline(scope: Scope, period: Period, earlier: tuple[Scope, Period]) -> dict:
    """Return the headline cards and both rates for a scope, each beside the previous period."""
    prior, prior_rows = earlier
    current, previous = await asyncio.gather(figures(scope, period), figures(prior, prior_rows))
    earlier_rates = rates(prior_rows)
    now_rates, prev_rates = rates(period), earlier_rates
    cards = [{"key": key, "label": label, "unit": unit, "value": current[key], "previous": previous[key],
              **_change(current[key], previous[key])} for key, label, unit in CARDS]
    trend = {key: {"value": now_rates[key], "previous": prev_rates[key],
                   "points": None if now_rates[key] is None or prev_rates[key] is None
                   else round((now_rates[key] - prev_rates[key]) * 100, 1)} for key in now_rates}
    return {"cards": cards, "rates": trend,
            "previous_period": {"since": prior.since.isoformat(), "until": prior.until.isoformat()}}
