"""What each dashboard figure means: the stages, the two rates, ticket ageing and first response."""

from __future__ import annotations

from datetime import timedelta

from server.models.enums import PostKind, PostStatus

S = PostStatus
# The lifecycle stages a post can reach, in order (a post's rank is its index; closed ranks 0).
STAGES = [S.PUBLISHED, S.MATCHED, S.CONTACTED, S.NEGOTIATING, S.SIGNED, S.LANDED]
# 对接 or later: a service was obtained.
SERVED = [S.CONTACTED, S.NEGOTIATING, S.SIGNED, S.LANDED]
# A ticket stops being open when its timeline reaches one of these (OPEN, the rest, is in server.tickets.stages).
FINISHED = [S.LANDED, S.CLOSED]
KIND_NAMES = {PostKind.NEED: "科技所需", PostKind.QUESTION: "科普所需", PostKind.OFFER: "科技所能"}
PUSH_BUCKETS = ["pending", "sent", "failed", "unreachable", "cancelled"]

# Stage ageing: how long an open ticket has sat in its stage (since stage_since); the dashboard's
# "over 7 days" is the sum of the buckets from 7 days on.
STALE_AFTER = timedelta(days=7)
AGE_BUCKETS: list[tuple[str, str, timedelta, timedelta | None]] = [
    ("lt_1d", "1天内", timedelta(0), timedelta(days=1)),
    ("1_3d", "1-3天", timedelta(days=1), timedelta(days=3)),
    ("3_7d", "3-7天", timedelta(days=3), timedelta(days=7)),
    ("7_30d", "7-30天", timedelta(days=7), timedelta(days=30)),
    ("gt_30d", "30天以上", timedelta(days=30), None),
]
OLD_BUCKETS = [key for key, _label, low, _high in AGE_BUCKETS if low >= STALE_AFTER]

# First response: minutes from a ticket's assignment to its first contact (never below 0), for the
# tickets assigned within a window; reported as the median (and the nearest-rank 90th percentile).
FIRST_RESPONSE = "首次响应：服务单分配给科服保姆到首次联系的分钟数，统计窗口内分配的服务单，取中位数。"

# How each figure over settled days (before today in Beijing time) is read from the nightly snapshots
# (snapshots.py, ticket_days.py) and stays equal to its live definition above and in queries.py. Today, and
# any day metric_stale_days notes as changed since it was counted, is read live (index range queries) and
# joined to the counted days; a period's figure is therefore exact, never an estimate.
DAY_SNAPSHOTS: dict[str, str] = {
    "additive": "posts by kind and furthest stage, registrations, pushes, matches proposed, timeline steps to "
                "对接/落地: per-day, per-county counts (metric_day_counts, push_day_counts), summed over the "
                "period's counted days; a city or the province sums its counties' rows.",
    "distinct": "organisations served, scientists supplying, tickets landed or closed are distinct over the "
                "period (one organisation served on three days counts once), so per-day counts cannot be "
                "summed. Each counted day keeps its set of members (metric_day_members: one row per member and "
                "day, with the member's county, role and registration day), and a period's figure is "
                "COUNT(DISTINCT member) over the union of its counted days' sets and the live members of the "
                "other days, in one query. Exact; the rows are bounded by the period's timeline steps "
                "(~14 k for 90 days at 80 k tickets). The sets keep every role, so a person's later change of "
                "role, county or registration finds, through these rows, the days it makes stale.",
    "cumulative": "registered people (by the period's end) and open tickets (at the period's end) are states: "
                  "the job keeps the total at the end of the last counted day A (people_total, tickets_total) "
                  "and per-day changes (people registered; tickets opened, and settled: counted on the later "
                  "of the day a ticket opened and its first landing or closing, after which it is never open "
                  "again). value(end) = total(A) - the counted changes of the days from the period's end to A "
                  "(or + the live changes of the days after A), with each stale day's counted change replaced "
                  "by its live one.",
    "live": "now-figures (stage ageing, concierge workload) and first response (a median per concierge over "
            "the tickets assigned in the period) are read live: they are states now or order statistics. The "
            "open tickets per region and stage and per concierge are sums of ticket_open_counts (+1/-1 rows "
            "a trigger on tickets writes, migration 14); only the clock-dependent parts read tickets: those "
            "that entered their stage in the last 30 days and the overdue plans (partial indexes of open "
            "tickets); first response reads the period's assignments (a covering index on assigned_at).",
}

RATE_DEFINITIONS: dict[str, dict[str, str]] = {
    "acquisition": {
        "label": "科技服务获取率",
        "definition": "统计周期内获得科技服务的单位数 ÷ 截至周期末在该地区注册的单位数。"
                      "获得科技服务：该单位发布的科技所需，其服务单在周期内进入「对接」或之后的阶段"
                      "（对接、洽谈、签约、落地）。单位按注册所在地区归属。",
        "doc": "Organisations (role organisation, registered before the period ends, region within) with at "
               "least one need post whose ticket has a timeline event kind 'status' to contacted, negotiating, "
               "signed or landed created within the period, over all such organisations.",
    },
    "supply": {
        "label": "科技服务供给率",
        "definition": "统计周期内提供科技服务的科技工作者数 ÷ 截至周期末在该地区注册的科技工作者数。"
                      "提供科技服务：该科技工作者的科技所能与某条科技所需的匹配已被接受，且该科技所需的服务单"
                      "在周期内进入「对接」或之后的阶段。科技工作者按注册所在地区归属。",
        "doc": "Scientists (role scientist, registered before the period ends, region within) who author an offer "
               "post linked by an accepted Match (supply_post) to a need post that was served in the period (the "
               "acquisition event above), over all such scientists.",
    },
}


def q(values: list[str]) -> str:
    """Return an SQL list of our own enum constants (never user input)."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def rank(column: str) -> str:
    """SQL for the lifecycle rank of a status column (published 0 .. landed 5; closed 0)."""
    whens = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(STAGES))
    return f"CASE {column} {whens} ELSE 0 END"


def ratio(numerator: int, denominator: int) -> float | None:
    """Return numerator / denominator to 4 places, or None when nothing is counted."""
    return round(numerator / denominator, 4) if denominator else None
