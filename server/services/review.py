"""Checking again the posts accepted while the content check was unreachable (scheduled, with backoff)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from server.errors import ValidationFailed
from server.models import Post, PushRequest, User
from server.models.enums import PostStatus, ReviewState
from server.services import content, match_runtime, reach
from server.wechat.client import WeChatClient

log = logging.getLogger(__name__)

BATCH = 100
PUBLIC_NOTE = "内容审核已通过，已公开"
REJECTED_NOTE = "内容可能含有违规信息"


async def recheck_pending(*, wechat: WeChatClient, store: Redis | None, now: datetime | None = None) -> int:
    """Check held posts whose time has come; publish those that pass and tell their authors. Return how many."""
    now = now or datetime.now(UTC)
    due = await (Post.filter(review_state=ReviewState.PENDING, review_due_at__lte=now)
                 .exclude(status=PostStatus.CLOSED).order_by("review_due_at", "id").limit(BATCH))
    for post in due:
        if await _recheck(post, wechat=wechat, now=now) == ReviewState.PASSED and store is not None:
            await match_runtime.post_changed(store, post_id=post.id)  # now public: index and match it
    return len(due)


async def _recheck(post: Post, *, wechat: WeChatClient, now: datetime) -> ReviewState | None:
    author = await User.get(id=post.author_id)
    try:
        state = await content.check_text(wechat=wechat, user=author, title=post.title, body=post.body)
    except ValidationFailed:
        state = ReviewState.REJECTED
    if state is None:
        post.review_attempts += 1
        post.review_due_at = content.next_check(now, failures=post.review_attempts)
        await post.save(update_fields=["review_attempts", "review_due_at", "updated_at"])
        return None
    async with in_transaction():
        # Conditional: an edit or a person's decision since the query wins over this check.
        changed = await Post.filter(id=post.id, review_state=ReviewState.PENDING,
                                    review_due_at=post.review_due_at).update(
            review_state=state, review_due_at=None, review_note=REJECTED_NOTE if state == ReviewState.REJECTED else "")
        if changed and state == ReviewState.PASSED:
            await PushRequest.get_or_create(kind="post_progress", cause=f"review-passed:{post.id}", user_id=author.id,
                                            defaults={"data": {"post_id": post.id, "post_title": post.title,
                                                               "stage": str(post.status), "note": PUBLIC_NOTE,
                                                               "changed_at": now.isoformat()}})
    log.info("post %s re-checked: %s", post.id, state)
    return state if changed else None


async def held_posts(*, reviewer: User, limit: int = 100) -> list[Post]:
    """Return the posts waiting for a person's review within the reviewer's region, oldest first."""
    scope = await reach.reach_of(reviewer)
    query = scope.narrow(Post.filter(review_state=ReviewState.PENDING).exclude(status=PostStatus.CLOSED))
    return await query.order_by("created_at", "id").limit(limit).prefetch_related("author", "region")
