"""Posts: create, read, list, edit and withdraw needs, questions and offers."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from redis.asyncio import Redis
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.errors import Conflict, Forbidden, NotFound, ValidationFailed
from server.models import Post, User
from server.models.enums import PostKind, PostStatus, ReviewState, Role
from server.services import campaigns, content, match_runtime, reach, regions
from server.services.commands import NewPost, PostChanges
from server.services.commands.posts import offer_type_for
from server.tickets import lifecycle
from server.wechat.client import WeChatClient

log = logging.getLogger(__name__)

PAGE_MAX = 50
KIND_NAMES = {PostKind.NEED: "科技需求", PostKind.QUESTION: "科普问题", PostKind.OFFER: "我能提供"}
KINDS_BY_ROLE: dict[Role, set[PostKind]] = {
    Role.CITIZEN: {PostKind.NEED, PostKind.QUESTION},
    Role.ORGANISATION: {PostKind.NEED, PostKind.QUESTION},
    Role.SCIENTIST: {PostKind.OFFER, PostKind.NEED},
    Role.STAFF: set(PostKind),
    Role.ADMIN: set(PostKind),
}
EDITABLE_STATUSES = {PostStatus.PUBLISHED, PostStatus.MATCHED}
OPEN_STATUSES = [s for s in PostStatus if s != PostStatus.CLOSED]
# Expiry only closes posts nobody took up; a contacted, negotiating, signed or landed one is a concierge's.
EXPIRABLE = [PostStatus.PUBLISHED, PostStatus.MATCHED]


@dataclass
class Page:
    posts: list[Post]
    next_cursor: int | None


def _check_kind(*, role: Role, kind: PostKind) -> None:
    if kind not in KINDS_BY_ROLE[role]:
        allowed = "、".join(KIND_NAMES[k] for k in PostKind if k in KINDS_BY_ROLE[role])
        raise Forbidden(f"当前身份只能发布：{allowed}", field="kind", code="kind_not_allowed")


def posts_of(user: User) -> QuerySet[Post]:
    """Return the posts a user authored (the only way to load posts for changes)."""
    return Post.filter(author_id=user.id)


async def visible_to(user: User) -> QuerySet[Post]:
    """Return the posts a user may read: their own, reviewed and still open, or any within their staff reach."""
    scope = await reach.reach_of(user)
    if scope.everything:
        return Post.all()
    public = Q(review_state=ReviewState.PASSED) & ~Q(status=PostStatus.CLOSED)
    readable = public | Q(author_id=user.id)
    if scope.region:
        readable |= Q(region_id__startswith=regions.prefix_of(scope.region))
    return Post.filter(readable)


async def _idempotent_lookup(user: User, key: str | None) -> Post | None:
    return await posts_of(user).select_related("region").get_or_none(idempotency_key=key) if key else None


async def create_post(*, author: User, command: NewPost, wechat: WeChatClient, ttl_days: int,
                      store: Redis | None = None, idempotency_key: str | None = None) -> tuple[Post, bool]:
    """Store a post (its region loaded); return it and whether it was newly created.

    The Idempotency-Key is unique per author in the database: of two concurrent creates with one key,
    the second insert fails on the constraint (after the first commits) and answers with the first's post.
    """
    earlier = await _idempotent_lookup(author, idempotency_key)
    if earlier is not None:
        return earlier, False
    _check_kind(role=author.role, kind=command.kind)
    region = await regions.get_platform_region(command.region_code)
    scene = command.scene or author.source_scene
    campaign = await campaigns.find_by_scene(scene)
    checked = await content.check_text(wechat=wechat, user=author, title=command.title, body=command.body)
    review = ReviewState.PENDING if checked is None else checked
    now = datetime.now(UTC)
    try:
        async with in_transaction():
            post = await Post.create(
                kind=command.kind, offer_type=command.offer_type, title=command.title, body=command.body,
                tags=command.tags, region=region, author=author, review_state=review, source_scene=scene,
                campaign=campaign, expires_at=now + timedelta(days=ttl_days), idempotency_key=idempotency_key,
                review_due_at=content.next_check(now, failures=0) if checked is None else None,
            )
            if command.kind in (PostKind.NEED, PostKind.QUESTION):
                await lifecycle.open_ticket(post=post)
    except IntegrityError:
        earlier = await _idempotent_lookup(author, idempotency_key)
        if earlier is None:
            raise
        return earlier, False
    if store is not None:
        await match_runtime.post_changed(store, post_id=post.id)
    log.info("post created id=%s kind=%s review=%s", post.id, command.kind, review)
    return post, True


async def get_post(*, viewer: User, post_id: int) -> Post:
    """Return a post the viewer may read; absent and not-yours look the same."""
    post = await (await visible_to(viewer)).select_related("region").get_or_none(id=post_id)
    if post is None:
        raise NotFound("post")
    return post


async def list_posts(*, viewer: User, mine: bool, kind: PostKind | None, region_code: str | None,
                     status: PostStatus | None, cursor: int | None, limit: int) -> Page:
    """Return a page of posts, newest first, with a cursor for the next page."""
    if not 1 <= limit <= PAGE_MAX:
        raise ValidationFailed(f"每页数量应在 1 到 {PAGE_MAX} 之间", field="limit")
    query = posts_of(viewer) if mine else await visible_to(viewer)
    if kind is not None:
        query = query.filter(kind=kind)
    if status is not None:
        query = query.filter(status=status)
    elif not mine:
        query = query.filter(status__in=OPEN_STATUSES)
    if region_code:
        region = await regions.get_region(region_code)
        query = regions.filter_within(query, region.code)
    if cursor:
        query = query.filter(id__lt=cursor)
    posts = await query.select_related("region").order_by("-id").limit(limit + 1)
    more = len(posts) > limit
    posts = posts[:limit]
    return Page(posts=posts, next_cursor=posts[-1].id if more else None)


async def update_post(*, author: User, post_id: int, command: PostChanges,
                      wechat: WeChatClient, store: Redis | None = None) -> Post:
    """Edit the author's own post while it is still early in its lifecycle.

    New text is checked before anything is written: risky text is refused with nothing saved, and text
    held for review is stored together with its pending state in one transaction, never public first.
    """
    changes = command.given()
    post = await _editable(author, post_id, lock=False)
    await _apply_changes(post, changes)
    text_changed = "title" in changes or "body" in changes
    review = (await content.check_text(wechat=wechat, user=author, title=post.title, body=post.body)
              if text_changed else None)
    checked = (post.title, post.body)
    async with in_transaction():
        post = await _editable(author, post_id, lock=True)
        await _apply_changes(post, changes)
        if text_changed and (post.title, post.body) != checked:
            raise Conflict("内容刚被修改过，请刷新后重试", code="edit_conflict")  # an edit raced ours
        if text_changed:  # None: the check was unreachable, so it is held and checked again later
            post.review_state = ReviewState.PENDING if review is None else review
            post.review_due_at = content.next_check(datetime.now(UTC), failures=0) if review is None else None
            post.review_attempts = 0
        await post.save()
    if store is not None:
        await match_runtime.post_changed(store, post_id=post.id)
    await post.fetch_related("region")
    return post


async def _editable(author: User, post_id: int, *, lock: bool) -> Post:
    query = posts_of(author).select_for_update() if lock else posts_of(author)
    post = await query.get_or_none(id=post_id)
    if post is None:
        raise NotFound("post")
    if post.status not in EDITABLE_STATUSES:
        raise Conflict("当前状态的内容不能再修改", code="not_editable")
    return post


async def _apply_changes(post: Post, changes: dict[str, Any]) -> None:
    """Set the (already validated) changes on the post in memory (the caller saves)."""
    for name in ("title", "body", "tags"):
        if name in changes:
            setattr(post, name, changes[name])
    if "region_code" in changes:
        post.region = await regions.get_platform_region(changes["region_code"])
    if "offer_type" in changes:  # whether the post is an offer is the stored post's
        post.offer_type = offer_type_for(post.kind, changes["offer_type"])


async def withdraw_post(*, author: User, post_id: int, reason: str | None,
                        store: Redis | None = None) -> Post:
    """Close the author's own post (idempotent)."""
    note = (reason or "").strip()
    if len(note) > 200:
        raise ValidationFailed("撤回原因不能超过 200 个字", field="reason")
    async with in_transaction():
        post = await posts_of(author).select_for_update().get_or_none(id=post_id)
        if post is None:
            raise NotFound("post")
        if post.status != PostStatus.CLOSED:
            await lifecycle.close_post(post=post, reason=f"作者撤回：{note}" if note else "作者撤回", actor=author)
    if store is not None:
        await match_runtime.post_changed(store, post_id=post.id)
    await post.fetch_related("region")
    return post


async def review_post(*, admin: User, post_id: int, approve: bool, note: str,
                      store: Redis | None = None) -> Post:
    """Record a person's review decision on a held post."""
    scope = await reach.reach_of(admin)
    if scope == reach.NOWHERE:
        raise Forbidden()
    post = await Post.get_or_none(id=post_id).prefetch_related("region")
    if post is None or not scope.covers(post.region_id):
        raise NotFound("post")  # same answer for absent and outside the reviewer's region
    post.review_state = ReviewState.PASSED if approve else ReviewState.REJECTED
    post.review_note = note.strip()[:200]
    await post.save(update_fields=["review_state", "review_note", "updated_at"])
    if store is not None:
        await match_runtime.post_changed(store, post_id=post.id)
    return post


async def expire_posts(*, now: datetime | None = None) -> list[int]:
    """Close posts past their expiry that nobody took up (published or matched) with their tickets."""
    now = now or datetime.now(UTC)
    closed = []
    for post_id in await Post.filter(expires_at__lt=now, status__in=EXPIRABLE).values_list("id", flat=True):
        async with in_transaction():
            post = await Post.select_for_update().get_or_none(id=post_id, status__in=EXPIRABLE)
            if post is None:
                continue  # a concierge moved it on since the query
            await lifecycle.close_post(post=post, reason="已过期")
        closed.append(post_id)
    return closed
