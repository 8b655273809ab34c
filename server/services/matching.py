"""Matching posts: compute and store top matches, with the outbox notices they cause."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.match.engine import Engine
from server.match.schema import Doc, DocMeta
from server.match.schema import Match as Found
from server.models import Article, Match, Post, PushRequest, Ticket, TicketEvent
from server.models.enums import MatchStatus, PostKind, PostStatus, ReviewState

log = logging.getLogger(__name__)

TOP_K = 10
BEIJING = timezone(timedelta(hours=8))
NO_EXPERT, MATCHED = "no_expert", "matched"
NO_EXPERT_NOTE = "暂未自动匹配到合适的专家，科服保姆将为您人工查找"


@dataclass(frozen=True)
class NoticePolicy:
    """Who is told about a match, and how often.

    Only matches at or above the floor (the fusion's calibrated relevance; None: the engine's
    fitted floor) are proposed; of a need's new matches only the best per_need are announced; a
    scientist gets at most per_day match notices per Beijing day, the best first, and the rest wait
    for the daily digest.
    """

    floor: float | None = None
    per_need: int = 3
    per_day: int = 3
DEMAND_KINDS = {PostKind.NEED, PostKind.QUESTION}
OPEN_STATUSES = [s for s in PostStatus if s != PostStatus.CLOSED]


def post_doc_id(post_id: int) -> str:
    """Return the index id of a post."""
    return f"post:{post_id}"


def article_doc_id(article_id: int) -> str:
    """Return the index id of an article."""
    return f"article:{article_id}"


def parse_doc_id(doc_id: str) -> tuple[str, int]:
    """Split an index id into ("post" | "article", number)."""
    kind, _, number = doc_id.partition(":")
    return kind, int(number)


def is_matchable(post: Post) -> bool:
    """Return True when a post may be matched and proposed to others."""
    return post.status != PostStatus.CLOSED and post.review_state == ReviewState.PASSED


def post_doc(post: Post) -> Doc:
    """Return the index document of a post."""
    return _post_doc(post.id, post.kind.value, post.title, post.body, post.tags, post.author_id, post.region_id,
                     open_=is_matchable(post))


def _post_doc(post_id: int, kind: str, title: str, body: str, tags: list[str] | None, author_id: int,
              region_id: str | None, *, open_: bool) -> Doc:
    text = "\n".join([title, body, " ".join(tags or [])])
    meta = DocMeta(kind=kind, status="open" if open_ else "closed", author_id=author_id, region_code=region_id)
    return Doc(id=post_doc_id(post_id), text=text, meta=meta)


def article_doc(article: Article) -> Doc:
    """Return the index document of an article."""
    text = "\n".join([article.title, article.summary, article.body, " ".join(article.topics or [])])
    return Doc(id=article_doc_id(article.id), text=text,
               meta=DocMeta(kind="article", status="open", region_code=article.region_scope or None))


async def _declined_ids(post: Post) -> set[str]:
    rows = await Match.filter(Q(demand_id=post.id) | Q(supply_post_id=post.id), status=MatchStatus.DECLINED)
    ids: set[str] = set()
    for row in rows:
        if row.demand_id != post.id:
            ids.add(post_doc_id(row.demand_id))
        elif row.supply_post_id:
            ids.add(post_doc_id(row.supply_post_id))
        elif row.supply_article_id:
            ids.add(article_doc_id(row.supply_article_id))
    return ids


def _pair(demand: Post, found: Found) -> dict[str, int | None]:
    kind, number = parse_doc_id(found.doc_id)
    if kind == "article":
        return {"demand_id": demand.id, "supply_post_id": None, "supply_article_id": number}
    return {"demand_id": demand.id, "supply_post_id": number, "supply_article_id": None}


def above_floor(engine: Engine, found: list[Found], policy: NoticePolicy) -> list[Found]:
    """Keep the matches worth proposing: calibrated relevance at or above the floor."""
    floor = policy.floor if policy.floor is not None else engine.fusion_model.floor
    return [item for item in found if item.relevance is None or item.relevance >= floor]


async def match_post(*, engine: Engine, post_id: int, k: int = TOP_K,
                     policy: NoticePolicy | None = None) -> list[Match]:
    """Compute a post's top matches above the floor and store them, replacing its stale proposals.

    Rankings are always kept from the demand side (need/question): an offer's run finds the
    demands it suits and re-ranks each of them, so one pair never carries two perspectives.
    """
    policy = policy or NoticePolicy()
    post = await Post.get_or_none(id=post_id)
    if post is None or not is_matchable(post):
        await Match.filter(Q(demand_id=post_id) | Q(supply_post_id=post_id), status=MatchStatus.PROPOSED).delete()
        return []
    declined = await _declined_ids(post)
    found = await asyncio.to_thread(engine.match, post_doc(post), k, exclude_ids=declined)
    found = above_floor(engine, found, policy)
    if post.kind in DEMAND_KINDS:
        return await _store_matches(post, found, policy)
    kept: list[Match] = []
    for item in found:
        kept += [m for m in await match_post(engine=engine, post_id=parse_doc_id(item.doc_id)[1], k=k,
                                             policy=policy)
                 if m.supply_post_id == post.id]
    return kept


async def _store_matches(post: Post, found: list[Found], policy: NoticePolicy) -> list[Match]:
    kept: list[Match] = []
    fresh: list[Match] = []
    async with in_transaction():
        for item in found:
            pair = _pair(post, item)
            match = await Match.select_for_update().get_or_none(**pair)
            if match is None:
                match = await Match.create(**pair, origin_post_id=post.id, score=item.score, method=item.method,
                                           rank=item.rank, keywords=item.keywords, relevance=item.relevance)
                fresh.append(match)
            elif match.status == MatchStatus.PROPOSED:
                match.score, match.rank, match.keywords, match.method = (item.score, item.rank,
                                                                          item.keywords, item.method)
                match.relevance, match.origin_post_id = item.relevance, post.id
                await match.save()
            kept.append(match)
        stale = Match.filter(origin_post_id=post.id, status=MatchStatus.PROPOSED)
        await stale.exclude(id__in=[m.id for m in kept]).delete()
        announced = await Match.filter(demand_id=post.id).exclude(notice="").count()
        for match in sorted(fresh, key=lambda m: m.rank)[: max(policy.per_need - announced, 0)]:
            await _notify_new_match(match, post, policy)
        await _flag_ticket(post, found_any=bool(kept))
    log.info("post %s matched: %s", post.id, [m.id for m in kept])
    return kept


async def _flag_ticket(post: Post, *, found_any: bool) -> None:
    """Record on the ticket whether matching found anyone; tell the poster honestly when nobody fits."""
    ticket = await Ticket.select_for_update().get_or_none(post_id=post.id)
    if ticket is None:
        return
    state = MATCHED if found_any else NO_EXPERT
    if ticket.match_state == state:
        return
    ticket.match_state = state
    await ticket.save(update_fields=["match_state", "updated_at"])
    if state == NO_EXPERT:
        await TicketEvent.create(ticket=ticket, kind="note", note="未找到合适专家：自动匹配没有达到相关度门槛的服务，"
                                                                "请科服保姆人工查找")
        await PushRequest.get_or_create(
            kind="post_progress", cause=f"no-expert:{post.id}", user_id=post.author_id,
            defaults={"data": {"post_id": post.id, "post_title": post.title, "stage": "searching",
                               "note": NO_EXPERT_NOTE, "changed_at": datetime.now(UTC).isoformat()}})


async def never_matched(*, limit: int) -> list[int]:
    """Return open, public needs and questions whose ticket records no matching run yet."""
    return await Post.filter(kind__in=list(DEMAND_KINDS), status__in=OPEN_STATUSES,
                             review_state=ReviewState.PASSED, ticket__match_state="") \
        .order_by("id").limit(limit).values_list("id", flat=True)


def beijing_day_start(now: datetime) -> datetime:
    """Return the UTC instant of the start of now's Beijing day."""
    local = now.astimezone(BEIJING)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


async def _notify_new_match(match: Match, demand: Post, policy: NoticePolicy) -> None:
    """Queue a match_found notice for the scientist (same transaction), or keep it for the digest past the cap."""
    if match.supply_post_id is None:
        return
    offer = await Post.get(id=match.supply_post_id)
    now = datetime.now(UTC)
    today = await PushRequest.filter(kind="match_found", user_id=offer.author_id,
                                     created_at__gte=beijing_day_start(now)).count()
    if today >= policy.per_day:
        match.notice = "digest"
        await match.save(update_fields=["notice", "updated_at"])
        return
    await PushRequest.get_or_create(
        kind="match_found", cause=f"match:{match.id}", user_id=offer.author_id,
        defaults={"data": {"post_id": demand.id, "post_title": demand.title, "offer_title": offer.title,
                           "keywords": match.keywords, "region_code": demand.region_id,
                           "relevance": match.relevance, "matched_at": now.isoformat()}})
    match.notice = "queued"
    await match.save(update_fields=["notice", "updated_at"])


async def send_digests(*, now: datetime | None = None) -> int:
    """Queue one match_digest per scientist with matches waiting past the daily cap; return how many."""
    now = now or datetime.now(UTC)
    waiting = await Match.filter(notice="digest", status=MatchStatus.PROPOSED, supply_post_id__not_isnull=True) \
        .select_related("supply_post", "demand").order_by("-relevance", "id")
    by_author: dict[int, list[Match]] = {}
    for match in waiting:
        by_author.setdefault(match.supply_post.author_id, []).append(match)
    day = now.astimezone(BEIJING).date().isoformat()
    for author_id, matches in by_author.items():
        best = matches[0]
        async with in_transaction():
            await PushRequest.get_or_create(
                kind="match_digest", cause=f"match-digest:{author_id}:{day}", user_id=author_id,
                defaults={"data": {"count": len(matches), "post_id": best.demand_id, "post_title": best.demand.title,
                                   "offer_title": best.supply_post.title, "sent_at": now.isoformat()}})
            await Match.filter(id__in=[m.id for m in matches]).update(notice="digested")
    return len(by_author)
