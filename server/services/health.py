"""Health of the parts the service depends on."""

from __future__ import annotations

import asyncio
import logging
import time

from redis.asyncio import Redis
from tortoise import connections

from server import cache

log = logging.getLogger(__name__)


async def _database_ok() -> bool:
    try:
        await asyncio.wait_for(connections.get("default").execute_query("SELECT 1"), timeout=3)
        return True
    except Exception as exc:  # noqa: BLE001 - reported as unhealthy, logged
        log.warning("database health check failed: %s", exc)
        return False


async def check(*, store: Redis) -> dict:
    """Return {"status", "database", "redis", "ms"}."""
    started = time.perf_counter()
    database, redis = await asyncio.gather(_database_ok(), cache.ping(store))
    return {
        "status": "ok" if database and redis else "degraded",
        "database": database,
        "redis": redis,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }
