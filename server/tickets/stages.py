"""A ticket's stages: the order they follow, which are open, and their names."""

from __future__ import annotations

from server.models.enums import PostStatus

S = PostStatus
# No jumping ahead: a deal is never signed without a recorded contact (DESIGN.md lifecycle).
NEXT_STATUSES: dict[PostStatus, set[PostStatus]] = {
    S.PUBLISHED: {S.MATCHED, S.CONTACTED}, S.MATCHED: {S.CONTACTED}, S.CONTACTED: {S.NEGOTIATING},
    S.NEGOTIATING: {S.SIGNED}, S.SIGNED: {S.LANDED}, S.LANDED: set(), S.CLOSED: set(),
}
OPEN = [s for s in PostStatus if s not in (S.LANDED, S.CLOSED)]
STATUS_NAMES = {S.PUBLISHED: "发布", S.MATCHED: "匹配", S.CONTACTED: "对接", S.NEGOTIATING: "洽谈",
                S.SIGNED: "签约", S.LANDED: "落地", S.CLOSED: "结单"}
