"""Reading matches and deciding on them (accept / decline)."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.errors import Conflict, NotFound, ValidationFailed
from server.models import Match, Post, User
from server.models.enums import MatchStatus, PostKind
from server.services import reach
from server.tickets import lifecycle


def _involves(user: User) -> Q:
    return Q(demand__author_id=user.id) | Q(supply_post__author_id=user.id)


async def matches_for_post(*, viewer: User, post_id: int) -> list[Match]:
    """Return a post's live matches for its owner, staff reaching its region or (theirs only) a matched party."""
    post = await Post.get_or_none(id=post_id)
    if post is None:
        raise NotFound("post")
    query = Match.filter(Q(demand_id=post_id) | Q(supply_post_id=post_id)).exclude(status=MatchStatus.DECLINED)
    if post.author_id != viewer.id and not (await reach.reach_of(viewer)).covers(post.region_id):
        query = query.filter(_involves(viewer))
        if not await query.exists():
            raise NotFound("post")
    order = ("rank", "-score") if post.kind in (PostKind.NEED, PostKind.QUESTION) else ("-score", "id")
    return await query.order_by(*order).prefetch_related("demand", "supply_post", "supply_article")


async def decide(*, user: User, match_id: int, accept: bool, reason: str | None) -> Match:
    """Accept or decline a match as a party or staff reaching the need's region (declined pairs stay declined)."""
    note = (reason or "").strip()
    if len(note) > 200:
        raise ValidationFailed("原因不能超过 200 个字", field="reason")
    found = await Match.get_or_none(id=match_id).prefetch_related("demand", "supply_post")
    if found is None or not can_decide(found, user, scope=await reach.reach_of(user), open_only=False):
        raise NotFound("match")
    async with in_transaction():
        # Lock by id alone: FOR UPDATE cannot take the outer-joined side of the party check.
        match = await Match.select_for_update().get(id=match_id)
        wanted = MatchStatus.ACCEPTED if accept else MatchStatus.DECLINED
        if match.status == wanted:
            return match
        if match.status == MatchStatus.DECLINED:
            raise Conflict("该匹配已被拒绝，不能再接受", code="match_declined")
        match.status, match.decided_by_id, match.decided_at, match.reason = wanted, user.id, datetime.now(UTC), note
        await match.save()
        if accept:
            await lifecycle.match_accepted(post_id=match.demand_id, actor=user)
    await match.fetch_related("demand", "supply_post", "supply_article")
    return match


def can_decide(match: Match, user: User, *, scope: reach.Reach, open_only: bool = True) -> bool:
    """Return True when the user is a party to the match or staff reaching the need's region (and it is open)."""
    if open_only and match.status == MatchStatus.DECLINED:
        return False
    parties = {match.demand.author_id, match.supply_post.author_id if match.supply_post else None}
    return user.id in parties or scope.covers(match.demand.region_id)
