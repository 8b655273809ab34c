"""Health of the parts the service depends on."""

from __future__ import annotations

import asyncio
import logging
import time

from redis.asyncio import Redis
from tortoise import connections

from server import cache
from server.match.encoder import shared_encoder

log = logging.getLogger(__name__)


async def _database_ok() -> bool:
    try:
        await asyncio.wait_for(connections.get("default").execute_query("SELECT 1"), timeout=3)
        return True
    except Exception as exc:  # noqa: BLE001 - reported as unhealthy, logged
        log.warning("database health check failed: %s", exc)
        return False


async def check(*, store: Redis, encoder_spec: str | None = None) -> dict:
    """Return {"status", "database", "redis", "encoder", "ms"}.

    The sentence encoder is reported by name (null when off); one that failed to load makes the
    status "degraded" (matching goes on with BM25 and Doc2Vec) without failing the service.
    """
    started = time.perf_counter()
    database, redis = await asyncio.gather(_database_ok(), cache.ping(store))
    report = {"database": database, "redis": redis}
    healthy = database and redis
    if encoder_spec is not None:
        encoder, error = await asyncio.to_thread(shared_encoder, encoder_spec)
        report["encoder"] = encoder.name if encoder is not None else None
        if error:
            report["encoder_error"] = error
            healthy = False
    return {"status": "ok" if healthy else "degraded", **report,
            "ms": round((time.perf_counter() - started) * 1000, 1)}
