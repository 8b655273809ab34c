"""Respecting people and WeChat: quiet hours, per-user daily caps, a global rate shared in Redis."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from server import redis_keys as keys

BEIJING = ZoneInfo("Asia/Shanghai")
QUIET_START, QUIET_END = 22, 8  # 22:00-08:00 Beijing time: nothing but emergencies
DAILY_CAP = 3  # non-emergency pushes per person per Beijing day
RATE_PER_SECOND = 200  # all workers together
QUOTA_PAUSE_SECONDS = 600  # after 45009 (daily API quota) every worker holds back
QUIET_HELD, CAP_HELD = "quiet hours", "daily cap"  # last_error of a row held by these rules


def is_quiet(now: datetime) -> bool:
    """Return True inside quiet hours (Beijing time)."""
    hour = now.astimezone(BEIJING).hour
    return hour >= QUIET_START or hour < QUIET_END


def next_morning(now: datetime) -> datetime:
    """Return the next 08:00 Beijing time after now."""
    local = now.astimezone(BEIJING)
    morning = local.replace(hour=QUIET_END, minute=0, second=0, microsecond=0)
    return morning if morning > local else morning + timedelta(days=1)


async def take_daily_slot(store: Redis, *, user_id: int, now: datetime) -> bool:
    """Count one push for the user today; False (and nothing counted) when the cap is reached."""
    day = now.astimezone(BEIJING).strftime("%Y%m%d")
    name = keys.key(keys.PUSH_DAILY, user_id=user_id, day=day)
    count = await store.incr(name)
    if count == 1:
        await store.expire(name, keys.PUSH_DAILY_TTL)
    if count > DAILY_CAP:
        await store.decr(name)
        return False
    return True


async def wait_for_rate(store: Redis, *, limit: int = RATE_PER_SECOND) -> None:
    """Block until this send fits in the global per-second budget shared by every worker."""
    while True:
        second = int(time.time())
        name = keys.key(keys.PUSH_RATE, second=second)
        count = await store.incr(name)
        if count == 1:
            await store.expire(name, 2)
        if count <= limit:
            return
        await asyncio.sleep(max(0.0, second + 1 - time.time()))


async def pause_for_quota(store: Redis, *, channel: str, now: datetime) -> datetime:
    """WeChat said 45009 for one channel's API: hold every worker back from it for a while; return until when.

    The quota is per API (template/send and subscribe/send count apart), so the other channel stays open.
    """
    until = now + timedelta(seconds=QUOTA_PAUSE_SECONDS)
    await store.set(keys.key(keys.PUSH_PAUSED, channel=channel), until.isoformat(), ex=QUOTA_PAUSE_SECONDS)
    return until


async def paused_until(store: Redis, *, channels: tuple[str, ...]) -> dict[str, datetime]:
    """Return the channels under a 45009 pause and when each resumes."""
    values = await store.mget([keys.key(keys.PUSH_PAUSED, channel=c) for c in channels]) if channels else []
    return {c: datetime.fromisoformat(v) for c, v in zip(channels, values, strict=True) if v}
