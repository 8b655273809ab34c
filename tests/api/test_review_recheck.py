"""Posts held because the content check was unreachable are checked again on a schedule, with backoff,
and their authors are told when they go public."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server import jobs
from server.models import Post, PushRequest
from server.models.enums import ReviewState
from server.services import review
from tests.factories import create_post, login_as

CHECK = "wxa/msg_sec_check"


async def held_post(client, sandbox, name: str = "held") -> Post:
    await sandbox.post("/_sandbox/faults", json={"endpoint": CHECK, "errcode": -1})  # WeChat busy, once
    headers, _ = await login_as(client, name)
    post = await Post.get(id=(await create_post(client, headers))["id"])
    assert post.review_state == ReviewState.PENDING and post.review_due_at is not None
    return post


async def test_a_post_held_while_the_check_was_down_goes_public_and_its_author_is_told(client, app, redis, sandbox):
    post = await held_post(client, sandbox)
    later = datetime.now(UTC) + timedelta(hours=1)
    assert await review.recheck_pending(wechat=app.ctx.wechat.mp, store=redis, now=later) == 1
    post = await Post.get(id=post.id)
    assert post.review_state == ReviewState.PASSED and post.review_due_at is None
    notice = await PushRequest.get(kind="post_progress", user_id=post.author_id)
    assert notice.data["post_id"] == post.id and "公开" in notice.data["note"]
    reader, _ = await login_as(client, "reader")
    assert (await client.get(f"/api/v1/posts/{post.id}", headers=reader)).status_code == 200


async def test_while_the_check_stays_down_rechecks_back_off(client, app, redis, sandbox):
    post = await held_post(client, sandbox, "waiting")
    await sandbox.post("/_sandbox/faults", json={"endpoint": CHECK, "errcode": -1, "times": 0})
    first = datetime.now(UTC) + timedelta(hours=1)
    assert await review.recheck_pending(wechat=app.ctx.wechat.mp, store=redis, now=first) == 1
    once = await Post.get(id=post.id)
    assert once.review_state == ReviewState.PENDING and once.review_attempts == 1 and once.review_due_at > first
    assert await review.recheck_pending(wechat=app.ctx.wechat.mp, store=redis, now=first) == 0  # not due yet
    assert await review.recheck_pending(wechat=app.ctx.wechat.mp, store=redis, now=once.review_due_at) == 1
    twice = await Post.get(id=post.id)
    assert twice.review_due_at - once.review_due_at > once.review_due_at - first  # the wait grows
    assert not await PushRequest.exists(kind="post_progress")


async def test_the_recheck_is_scheduled():
    assert "recheck-pending-posts" in [job_id for job_id, _, _ in jobs.SCHEDULE]


async def test_an_edit_held_while_the_check_was_down_is_checked_again(client, app, redis, sandbox):
    headers, _ = await login_as(client, "editor")
    post = await create_post(client, headers)
    await sandbox.post("/_sandbox/faults", json={"endpoint": CHECK, "errcode": -1})
    edited = await client.patch(f"/api/v1/posts/{post['id']}", json={"title": "李子园土壤酸化怎么改良"},
                                headers=headers)
    assert edited.json()["post"]["review_state"] == "pending"
    assert await review.recheck_pending(wechat=app.ctx.wechat.mp, store=redis,
                                        now=datetime.now(UTC) + timedelta(hours=1)) == 1
    assert (await Post.get(id=post["id"])).review_state == ReviewState.PASSED
