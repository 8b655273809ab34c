"""The schedule: one leader among schedulers; expiry closes posts and drops them from the indexes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from server import jobs
from server import redis_keys as keys
from server.models import Post
from tests.factories import create_post, login_as

TTL_MS = keys.SCHEDULER_LEADER_TTL_MS


async def _gone(redis, key: str, *, seconds: float = 5.0) -> None:
    """Return once the key has expired (polling the store), or fail after `seconds`."""
    deadline = asyncio.get_running_loop().time() + seconds
    while await redis.exists(key):
        assert asyncio.get_running_loop().time() < deadline, f"{key} did not expire"
        await asyncio.sleep(0.02)


async def test_only_one_scheduler_leads(redis):
    assert await jobs.is_leader(redis, me="scheduler-a")
    assert not await jobs.is_leader(redis, me="scheduler-b")
    assert await jobs.is_leader(redis, me="scheduler-a")  # renews
    await redis.delete(keys.SCHEDULER_LEADER)  # the leader died and its lock expired
    assert await jobs.is_leader(redis, me="scheduler-b")


async def test_of_contenders_starting_together_exactly_one_leads(redis):
    names = [f"scheduler-{i}" for i in range(8)]
    leads = await asyncio.gather(*(jobs.is_leader(redis, me=name) for name in names))
    assert sum(leads) == 1
    assert await redis.get(keys.SCHEDULER_LEADER) == names[leads.index(True)]


async def test_the_leader_renews_its_lock_and_others_leave_it_alone(redis):
    assert await jobs.is_leader(redis, me="scheduler-a")
    assert await redis.pttl(keys.SCHEDULER_LEADER) > TTL_MS - 5_000
    await redis.pexpire(keys.SCHEDULER_LEADER, 5_000)  # most of the lease has passed
    assert not await jobs.is_leader(redis, me="scheduler-b")
    assert await redis.pttl(keys.SCHEDULER_LEADER) <= 5_000  # a follower never extends the leader's lease
    assert await jobs.is_leader(redis, me="scheduler-a")
    assert await redis.pttl(keys.SCHEDULER_LEADER) > TTL_MS - 5_000
    assert await redis.get(keys.SCHEDULER_LEADER) == "scheduler-a"


async def test_an_expired_lease_hands_over_to_the_next_scheduler(redis):
    assert await jobs.is_leader(redis, me="scheduler-a", ttl_ms=200)  # a leader that stops renewing
    assert not await jobs.is_leader(redis, me="scheduler-b", ttl_ms=200)
    await _gone(redis, keys.SCHEDULER_LEADER)
    assert await jobs.is_leader(redis, me="scheduler-b")
    assert not await jobs.is_leader(redis, me="scheduler-a")  # the old leader, back, follows


async def test_only_the_holder_can_give_up_the_lock(redis):
    assert await jobs.is_leader(redis, me="scheduler-a")
    assert not await jobs.resign(redis, me="scheduler-b")
    assert await redis.get(keys.SCHEDULER_LEADER) == "scheduler-a"
    assert await jobs.resign(redis, me="scheduler-a")  # a stopping leader hands over at once
    assert await jobs.is_leader(redis, me="scheduler-b")


class _TakeoverBetweenCommands:
    """The store, except that after command number `after` the lock expires and scheduler-b takes it."""

    def __init__(self, store, *, after: int) -> None:
        self._store, self._after, self.calls = store, after, 0

    def __getattr__(self, name):
        command = getattr(self._store, name)

        async def call(*args, **kwargs):
            result = await command(*args, **kwargs)
            self.calls += 1
            if self.calls == self._after:
                await self._store.set(keys.SCHEDULER_LEADER, "scheduler-b", px=TTL_MS)
            return result

        return call


async def test_taking_or_renewing_the_lock_is_one_atomic_step(redis):
    """Whenever another scheduler takes over between two of is_leader's commands, a True is never stale."""
    for after in range(1, 4):
        await redis.set(keys.SCHEDULER_LEADER, "scheduler-a", px=TTL_MS)
        racing = _TakeoverBetweenCommands(redis, after=after)
        leads = await jobs.is_leader(racing, me="scheduler-a")
        if after < racing.calls:  # the takeover happened while is_leader was still deciding
            assert not leads, f"scheduler-a believes it leads after scheduler-b took over (after command {after})"
    assert racing.calls == 1  # a single round trip: there is no "between"


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
        "daily-digest", "send-due-outreach", "snapshot-push-days", "snapshot-metric-days", "recheck-pending-posts",
        "send-match-digests", "fold-open-counts"}
