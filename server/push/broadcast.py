"""A fan-out's template data, stored once (a `PushBroadcast`) rather than copied into each of its rows.

A fan-out writes one narrow row per person with empty data; the dispatcher fills in the broadcast's data
of the same (kind, cause) when it claims the rows. A row written with its own data (a match notice, a
chat message) keeps it and costs no lookup.
"""

from __future__ import annotations

from collections.abc import Sequence

from server.models.outbox import PushBroadcast, PushRequest


async def store(*, kind: str, cause: str, data: dict) -> None:
    """Keep the data of a fan-out's rows; the first stored for a (kind, cause) stays (ranges share it)."""
    await PushBroadcast.get_or_create(kind=kind, cause=cause, defaults={"data": data})


async def fill(requests: Sequence[PushRequest]) -> None:
    """Give each claimed row of a fan-out its broadcast's data (in memory: the row is not rewritten)."""
    empty = [r for r in requests if not r.data]
    wanted = {(r.kind, r.cause) for r in empty}
    if not wanted:
        return
    rows = await PushBroadcast.filter(kind__in={kind for kind, _ in wanted},
                                      cause__in={cause for _, cause in wanted}).values_list("kind", "cause", "data")
    found = {(kind, cause): data for kind, cause, data in rows if (kind, cause) in wanted}
    for request in empty:
        request.data = found.get((request.kind, request.cause), request.data)
