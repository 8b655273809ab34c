"""The schedule: one leader among schedulers; expiry closes posts and drops them from the indexes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server import jobs
from server import redis_keys as keys
from server.models import Post
from tests.factories import create_post, login_as


async def test_only_one_scheduler_leads(redis):
    assert await jobs.is_leader(redis, me="scheduler-a")
    assert not await jobs.is_leader(redis, me="scheduler-b")
    assert await jobs.is_leader(redis, me="scheduler-a")  # renews
    await redis.delete(keys.SCHEDULER_LEADER)  # the leader died and its lock expired
    assert await jobs.is_leader(redis, me="scheduler-b")


async def test_expiry_closes_old_posts_and_tells_the_indexes(client, settings, redis):
    headers, _ = await login_as(client, "expiring")
    old = await create_post(client, headers)
    fresh = await create_post(client, headers, title="还没过期的需求")
    await Post.filter(id=old["id"]).update(expires_at=datetime.now(UTC) - timedelta(days=1))
    before = await redis.xlen(keys.MATCH_INDEX_EVENTS)
    await jobs.expire_posts(settings, redis)
    assert (await Post.get(id=old["id"])).status == "closed"
    assert (await Post.get(id=fresh["id"])).status == "published"
    events = await redis.xrange(keys.MATCH_INDEX_EVENTS, count=100)
    assert await redis.xlen(keys.MATCH_INDEX_EVENTS) == before + 1
    assert events[-1][1] == {"op": "remove", "doc": f"post:{old['id']}"}


async def test_schedule_table_names_every_upkeep_job():
    assert {job_id for job_id, _, _ in jobs.SCHEDULE} == {
        "retrain-model", "expire-posts", "rebuild-index", "reassign-uncontacted", "remind-overdue", "flag-stuck",
        "daily-digest", "send-due-outreach", "snapshot-push-days", "recheck-pending-posts", "send-match-digests"}
