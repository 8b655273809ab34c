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


async def pause_for_quota(store: Redis) -> None:
    """WeChat said 45009: hold every worker back for a while."""
    await store.set(keys.PUSH_PAUSED, 1, ex=QUOTA_PAUSE_SECONDS)


async def is_paused(store: Redis) -> bool:
    """Return True while a 45009 pause is in force."""
    return bool(await store.exists(keys.PUSH_PAUSED))
