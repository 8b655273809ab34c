"""The shared key-value store: Redis when REDIS_URL is set, else an in-process one.

The in-process store is fakeredis (same redis.asyncio API, Lua included), so every code
path is the same with and without a Redis server; it is only valid for a single process.
"""

from __future__ import annotations

import redis.asyncio as redis_asyncio

from server.settings import Settings

_memory_servers: dict[str, object] = {}


def connect(settings: Settings) -> redis_asyncio.Redis:
    """Return an async Redis client for the settings (real or in-process)."""
    if settings.redis_url:
        return redis_asyncio.Redis.from_url(
            settings.redis_url, decode_responses=True,
            socket_timeout=5, socket_connect_timeout=3, health_check_interval=30,
        )
    import fakeredis

    server = _memory_servers.setdefault("default", fakeredis.FakeServer())
    return fakeredis.FakeAsyncRedis(server=server, decode_responses=True)


async def ping(client: redis_asyncio.Redis) -> bool:
    """Return True when the store answers."""
    try:
        return bool(await client.ping())
    except Exception:  # noqa: BLE001 - health check reports, never raises
        return False


def can_block(client: redis_asyncio.Redis) -> bool:
    """Return False for the in-process store, whose blocking reads would stall the event loop."""
    return type(client).__module__.split(".")[0] != "fakeredis"
