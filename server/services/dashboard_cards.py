"""The dashboard's headline cards: one region's key counts for a period beside the previous period of equal length.

People are counted as registered by the end of each period; posts, matches, finished tickets and sent
pushes as created within it; open tickets as open at the end of it (opened before the end, not yet landed
or closed by then, read from the ticket timeline). Same region ranges and Beijing days as the overview.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

from server.models.enums import PostKind, PostStatus, Role
from server.services import dashboard
from server.services.dashboard import _Scope

FINISHED = (PostStatus.LANDED.value, PostStatus.CLOSED.value)
# (key, label, unit): the order the cards are drawn in.
CARDS = [("users", "注册用户", "人"), ("scientists", "科技工作者", "人"), ("organisations", "企事业单位", "家"),
         ("needs", "科技所需", "条"), ("offers", "科技所能", "条"), ("matches", "匹配", "对"),
         ("open_tickets", "在办工单", "单"), ("closed_tickets", "办结工单", "单"), ("pushes_sent", "推送送达", "条")]


def previous_period(since: date, until: date) -> tuple[date, date]:
    """Return the period of the same length that ends the day before `since`."""
    days = (until - since).days + 1
    return since - timedelta(days=days), since - timedelta(days=1)


async def _people(scope: _Scope) -> dict[str, int]:
    sql = scope.sql()
    query = ("SELECT role, COUNT(*) AS n FROM users "  # noqa: S608
             f"WHERE {scope.within(sql, 'region_id')} AND created_at < {sql.p(scope.end)} GROUP BY role")
    rows = await dashboard._rows(query, sql.values)
    by_role = {r["role"]: int(r["n"]) for r in rows}
    return {"users": sum(by_role.values()), "scientists": by_role.get(Role.SCIENTIST.value, 0),
            "organisations": by_role.get(Role.ORGANISATION.value, 0)}


async def _posts(scope: _Scope) -> dict[str, int]:
    sql = scope.sql()
    query = ("SELECT kind, COUNT(*) AS n FROM posts "  # noqa: S608
             f"WHERE {scope.during(sql, 'created_at')} AND {scope.within(sql, 'region_id')} "
             "AND review_state <> 'rejected' GROUP BY kind")
    rows = {r["kind"]: int(r["n"]) for r in await dashboard._rows(query, sql.values)}
    return {"needs": rows.get(PostKind.NEED.value, 0), "offers": rows.get(PostKind.OFFER.value, 0)}


async def _matches(scope: _Scope) -> int:
    """Matches proposed in the period for needs and questions of the region."""
    sql = scope.sql()
    query = ("SELECT COUNT(*) AS n FROM matches m JOIN posts p ON p.id = m.demand_id "  # noqa: S608
             f"WHERE {scope.during(sql, 'm.created_at')} AND {scope.within(sql, 'p.region_id')}")
    return int((await dashboard._rows(query, sql.values))[0]["n"])


async def _tickets(scope: _Scope) -> dict[str, int]:
    """Tickets open at the end of the period, and tickets landed or closed within it."""
    sql = scope.sql()
    finished = f"e.kind IN ('status', 'closed') AND e.to_status IN {dashboard._q(list(FINISHED))}"
    query = (
        "SELECT (SELECT COUNT(*) FROM tickets t WHERE "  # noqa: S608
        f"{scope.within(sql, 't.region_id')} AND t.created_at < {sql.p(scope.end)} AND NOT EXISTS "
        f"(SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND {finished} "
        f"AND e.created_at < {sql.p(scope.end)})) AS open_n, "
        "(SELECT COUNT(DISTINCT e.ticket_id) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE "
        f"{finished} AND {scope.during(sql, 'e.created_at')} AND {scope.within(sql, 't.region_id')}) AS closed_n")
    row = (await dashboard._rows(query, sql.values))[0]
    return {"open_tickets": int(row["open_n"]), "closed_tickets": int(row["closed_n"])}


async def _pushes_sent(scope: _Scope) -> int:
    rows = await dashboard._push_rows(scope)
    return sum(int(r["n"]) for r in rows if r["status"] == "sent")


async def _figures(scope: _Scope) -> dict[str, int]:
    people, posts, matches, tickets, pushes = await asyncio.gather(
        _people(scope), _posts(scope), _matches(scope), _tickets(scope), _pushes_sent(scope))
    return {**people, **posts, "matches": matches, **tickets, "pushes_sent": pushes}


async def _rates(scope: _Scope) -> dict[str, float | None]:
    users, served = await asyncio.gather(dashboard._user_rows(scope), dashboard._served_rows(scope))
    orgs = sum(int(r["n"]) for r in users if r["role"] == Role.ORGANISATION.value)
    scientists = sum(int(r["n"]) for r in users if r["role"] == Role.SCIENTIST.value)
    acquired = sum(int(r["n"]) for r in served if r["m"] == "acquired")
    supplied = sum(int(r["n"]) for r in served if r["m"] == "supplied")
    return {"acquisition": dashboard._ratio(acquired, orgs), "supply": dashboard._ratio(supplied, scientists)}


def _change(now: int, before: int) -> dict:
    return {"delta": now - before, "percent": round((now - before) / before, 4) if before else None}


async def headline(region_code: str, *, since: date, until: date, now: datetime | None = None) -> dict:
    """Return the headline cards and both rates for a region and period, each beside the previous period."""
    prev_since, prev_until = previous_period(since, until)
    scope = await dashboard._scope(region_code, since=since, until=until, now=now)
    before = await dashboard._scope(region_code, since=prev_since, until=prev_until, now=now)
    current, previous, rates, prev_rates = await asyncio.gather(
        _figures(scope), _figures(before), _rates(scope), _rates(before))
    cards = [{"key": key, "label": label, "unit": unit, "value": current[key], "previous": previous[key],
              **_change(current[key], previous[key])} for key, label, unit in CARDS]
    trend = {key: {"value": rates[key], "previous": prev_rates[key],
                   "points": None if rates[key] is None or prev_rates[key] is None
                   else round((rates[key] - prev_rates[key]) * 100, 1)} for key in rates}
    return {"cards": cards, "rates": trend,
            "previous_period": {"since": prev_since.isoformat(), "until": prev_until.isoformat()}}
