"""Matching posts: compute and store top matches, with the outbox notices they cause."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.match.engine import Engine
from server.match.schema import Doc, DocMeta
from server.match.schema import Match as Found
from server.models import Article, Match, Post, PushRequest
from server.models.enums import MatchStatus, PostKind, PostStatus, ReviewState

log = logging.getLogger(__name__)

TOP_K = 10
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
    text = "\n".join([post.title, post.body, " ".join(post.tags or [])])
    meta = DocMeta(kind=post.kind.value, status="open" if is_matchable(post) else "closed",
                   author_id=post.author_id, region_code=post.region_id)
    return Doc(id=post_doc_id(post.id), text=text, meta=meta)


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


async def match_post(*, engine: Engine, post_id: int, k: int = TOP_K) -> list[Match]:
    """Compute a post's top matches and store them, replacing its stale proposals.

    Rankings are always kept from the demand side (need/question): an offer's run finds the
    demands it suits and re-ranks each of them, so one pair never carries two perspectives.
    """
    post = await Post.get_or_none(id=post_id)
    if post is None or not is_matchable(post):
        await Match.filter(Q(demand_id=post_id) | Q(supply_post_id=post_id), status=MatchStatus.PROPOSED).delete()
        return []
    declined = await _declined_ids(post)
    found = await asyncio.to_thread(engine.match, post_doc(post), k, exclude_ids=declined)
    if post.kind in DEMAND_KINDS:
        return await _store_matches(post, found)
    kept: list[Match] = []
    for item in found:
        kept += [m for m in await match_post(engine=engine, post_id=parse_doc_id(item.doc_id)[1], k=k)
                 if m.supply_post_id == post.id]
    return kept


async def _store_matches(post: Post, found: list[Found]) -> list[Match]:
    kept: list[Match] = []
    async with in_transaction():
        for item in found:
            pair = _pair(post, item)
            match = await Match.select_for_update().get_or_none(**pair)
            if match is None:
                match = await Match.create(**pair, origin_post_id=post.id, score=item.score, method=item.method,
                                           rank=item.rank, keywords=item.keywords)
                await _notify_new_match(match)
            elif match.status == MatchStatus.PROPOSED:
                match.score, match.rank, match.keywords, match.method = (item.score, item.rank,
                                                                          item.keywords, item.method)
                match.origin_post_id = post.id
                await match.save()
            kept.append(match)
        stale = Match.filter(origin_post_id=post.id, status=MatchStatus.PROPOSED)
        await stale.exclude(id__in=[m.id for m in kept]).delete()
    log.info("post %s matched: %s", post.id, [m.id for m in kept])
    return kept


async def _notify_new_match(match: Match) -> None:
    """Queue a match_found notice for the scientist whose offer was matched (same transaction)."""
    if match.supply_post_id is None:
        return
    offer = await Post.get(id=match.supply_post_id)
    demand = await Post.get(id=match.demand_id)
    await PushRequest.get_or_create(
        kind="match_found", cause=f"match:{match.id}", user_id=offer.author_id,
        defaults={"data": {"post_id": demand.id, "post_title": demand.title, "offer_title": offer.title,
                           "keywords": match.keywords, "region_code": demand.region_id,
                           "matched_at": datetime.now(UTC).isoformat()}})


async def index_documents(engine: Engine, *, batch: int = 500) -> int:
    """Load every open post and every article into an engine; return how many."""
    count, last_id = 0, 0
    while True:
        rows = await Post.filter(id__gt=last_id, status__in=OPEN_STATUSES,
                                 review_state=ReviewState.PASSED).order_by("id").limit(batch)
        if not rows:
            break
        docs = [post_doc(p) for p in rows]
        await asyncio.to_thread(_upsert_all, engine, docs)
        count, last_id = count + len(docs), rows[-1].id
    async for article in Article.all().order_by("id"):
        await asyncio.to_thread(engine.upsert, article_doc(article))
        count += 1
    return count


def _upsert_all(engine: Engine, docs: list[Doc]) -> None:
    for doc in docs:
        engine.upsert(doc)
