"""Keeping every matcher process current: index events, match jobs and model hot-swaps.

Post changes are published to a Redis stream that every process holding an index follows
(XREAD, no group), so each sees every change; "match this post" jobs go to a second stream read
by the workers' consumer group (XREADGROUP + XACK), so each job runs once, and a job left
unacknowledged by a killed worker is claimed by another (XAUTOCLAIM).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError

from server import cache
from server import redis_keys as keys
from server.match.encoder import Encoder
from server.match.engine import Engine
from server.match.store import load_current
from server.models import Article, Post
from server.services import doc_terms, embeddings, index_load, matching

log = logging.getLogger(__name__)

POLL_SECONDS = 0.05  # the in-process store cannot block: poll instead
OP_UPSERT, OP_REMOVE, OP_RELOAD, OP_REBUILD = "upsert", "remove", "reload-model", "rebuild"


@dataclass
class MatchRuntime:
    """One process's engine and its place in the index-event stream."""

    engine: Engine
    model_dir: str
    last_event_id: str = "$"
    model_version: str | None = None
    applied: int = field(default=0)
    model_swapped: asyncio.Event = field(default_factory=asyncio.Event)  # set after each hot swap (tests wait on it)
    encoder: Encoder | None = None
    policy: matching.NoticePolicy = field(default_factory=matching.NoticePolicy)
    snapshot: bool = True  # keep the index snapshot under model_dir (server/services/index_load.py)
    index_source: str = "build"  # how the index was filled at start: "build" or "snapshot"


async def start_runtime(*, store: Redis, model_dir: str, encoder: Encoder | None = None,
                        policy: matching.NoticePolicy | None = None, snapshot: bool = True) -> MatchRuntime:
    """Load the current trusted model (or none) and index every open document: from the index snapshot
    brought up to date (snapshot=True), else from the database with the stored vectors and words."""
    loaded = await asyncio.to_thread(load_current, model_dir)
    model, version = (loaded.model, loaded.version) if loaded else (None, None)
    last_event_id = await _stream_tail(store)  # events after this point are applied on top

    def make_engine() -> Engine:
        return Engine(model, encoder=encoder)

    if snapshot:
        loaded_index = await index_load.load_index(make_engine, model_dir=model_dir, model_version=version)
    else:
        loaded_index = index_load.Loaded(await index_load.build_index(make_engine), "build")
    engine = loaded_index.engine
    runtime = MatchRuntime(engine=engine, model_dir=model_dir, model_version=version, encoder=encoder,
                           policy=policy or matching.NoticePolicy(), last_event_id=last_event_id,
                           snapshot=snapshot, index_source=loaded_index.source)
    log.info("matcher ready: model=%s encoder=%s docs=%s index=%s", version or "none",
             encoder.name if encoder else "none", len(engine), loaded_index.source)
    return runtime


async def _stream_tail(store: Redis) -> str:
    try:
        newest = await store.xrevrange(keys.MATCH_INDEX_EVENTS, count=1)
    except RedisError:
        return "0-0"
    return newest[0][0] if newest else "0-0"


async def publish(store: Redis, *, op: str, doc_id: str = "") -> None:
    """Tell every matcher process about a change."""
    await store.xadd(keys.MATCH_INDEX_EVENTS, {"op": op, "doc": doc_id},
                     maxlen=keys.MATCH_INDEX_EVENTS_MAXLEN, approximate=True)


async def post_changed(store: Redis, *, post_id: int) -> None:
    """Publish a post's new state to every index and queue its matching (after commit)."""
    try:
        await publish(store, op=OP_UPSERT, doc_id=matching.post_doc_id(post_id))
        await store.xadd(keys.MATCH_JOBS, {"post_id": str(post_id)}, maxlen=keys.MATCH_JOBS_MAXLEN,
                         approximate=True)
    except RedisError:
        # The post is committed; the nightly rebuild and rematch pick it up. Never fail the request.
        log.exception("could not publish change of post %s", post_id)


async def queue_never_matched(store: Redis, *, limit: int = 2000) -> int:
    """Queue a match job for every open need/question whose matching never ran (its ticket says so).

    Posts written while the store was unreachable, or loaded by a seed into another process's
    in-process store, are matched when a worker starts. Jobs are idempotent, so two workers
    starting at once only repeat work.
    """
    post_ids = await matching.never_matched(limit=limit)
    for post_id in post_ids:
        await store.xadd(keys.MATCH_JOBS, {"post_id": str(post_id)}, maxlen=keys.MATCH_JOBS_MAXLEN,
                         approximate=True)
    if post_ids:
        log.info("queued %s post(s) whose matching never ran", len(post_ids))
    return len(post_ids)


async def apply_event(runtime: MatchRuntime, *, op: str, doc_id: str) -> None:
    """Apply one index event to this process's engine."""
    engine = runtime.engine
    if op == OP_RELOAD:
        await reload_model(runtime)
        return
    if op == OP_REBUILD:
        await rebuild(runtime)
        return
    kind, number = matching.parse_doc_id(doc_id)
    row = await (Post.get_or_none(id=number) if kind == "post" else Article.get_or_none(id=number))
    if op == OP_REMOVE or row is None:
        await asyncio.to_thread(engine.remove, doc_id)
        return
    doc = matching.post_doc(row) if kind == "post" else matching.article_doc(row)
    if doc.meta.status == "closed":
        await asyncio.to_thread(engine.remove, doc_id)
    else:
        vectors = await embeddings.vectors_for(engine.encoder, [doc])
        words = await doc_terms.words_for([doc])
        await asyncio.to_thread(engine.upsert_many, [doc], vectors, words=words)
    runtime.applied += 1


async def reload_model(runtime: MatchRuntime) -> bool:
    """Hot-swap to the current model on disk if it changed; return whether it did."""
    loaded = await asyncio.to_thread(load_current, runtime.model_dir)
    version = loaded.version if loaded else None
    if version == runtime.model_version:
        return False
    await asyncio.to_thread(runtime.engine.swap_model, loaded.model if loaded else None)
    runtime.model_version = version
    runtime.model_swapped.set()
    log.info("matcher swapped to model %s", version)
    return True


async def rebuild(runtime: MatchRuntime) -> int:
    """Build a fresh engine from the current model and the database (saved as the index snapshot), then
    switch to it."""
    loaded = await asyncio.to_thread(load_current, runtime.model_dir)
    model, version = (loaded.model, loaded.version) if loaded else (None, None)
    engine = await index_load.build_index(lambda: Engine(model, encoder=runtime.encoder),
                                          model_dir=runtime.model_dir if runtime.snapshot else None,
                                          model_version=version)
    runtime.engine, runtime.model_version = engine, version
    log.info("matcher rebuilt: %s docs, model %s", len(engine), runtime.model_version)
    return len(engine)


async def follow_events(runtime: MatchRuntime, store: Redis, *, stop: asyncio.Event,
                        block_ms: int = 1000) -> None:
    """Apply index events as they arrive until stop is set."""
    blocking = cache.can_block(store)
    while not stop.is_set():
        try:
            batches = await store.xread({keys.MATCH_INDEX_EVENTS: runtime.last_event_id}, count=100,
                                        block=block_ms if blocking else None)
        except RedisError:
            log.warning("index events unavailable; retrying")
            await asyncio.sleep(1)
            continue
        if not batches and not blocking:
            await asyncio.sleep(POLL_SECONDS)
        for _stream, entries in batches or []:
            for entry_id, fields in entries:
                await _apply_safely(runtime, fields)
                runtime.last_event_id = entry_id


async def _apply_safely(runtime: MatchRuntime, fields: dict[str, str]) -> None:
    try:
        await apply_event(runtime, op=fields.get("op", ""), doc_id=fields.get("doc", ""))
    except (ValueError, KeyError):
        log.warning("ignoring malformed index event %r", fields)


async def ensure_group(store: Redis) -> None:
    """Create the job stream's consumer group if it is missing."""
    try:
        await store.xgroup_create(keys.MATCH_JOBS, keys.MATCH_JOBS_GROUP, id="0", mkstream=True)
    except ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


async def work_jobs(runtime: MatchRuntime, store: Redis, *, consumer: str, stop: asyncio.Event,
                    block_ms: int = 1000, claim_idle_ms: int = keys.MATCH_JOB_CLAIM_IDLE_MS) -> None:
    """Run match jobs from the group until stop is set; claim jobs a dead worker left behind."""
    await ensure_group(store)
    while not stop.is_set():
        try:
            entries = (await _claim_stale(store, consumer=consumer, idle_ms=claim_idle_ms)
                       or await _read_new(store, consumer, block_ms))
        except RedisError:
            log.warning("match jobs unavailable; retrying")
            await asyncio.sleep(1)
            continue
        for entry_id, fields in entries:
            await run_job(runtime, store, entry_id=entry_id, fields=fields)


async def _read_new(store: Redis, consumer: str, block_ms: int) -> list:
    blocking = cache.can_block(store)
    batches = await store.xreadgroup(keys.MATCH_JOBS_GROUP, consumer, {keys.MATCH_JOBS: ">"}, count=10,
                                     block=block_ms if blocking else None)
    found = [entry for _stream, entries in batches or [] for entry in entries]
    if not found and not blocking:
        await asyncio.sleep(POLL_SECONDS)
    return found


async def _claim_stale(store: Redis, *, consumer: str, idle_ms: int) -> list:
    result = await store.xautoclaim(keys.MATCH_JOBS, keys.MATCH_JOBS_GROUP, consumer,
                                    min_idle_time=idle_ms, start_id="0-0", count=10)
    return [entry for entry in result[1] if entry[1]]


async def run_job(runtime: MatchRuntime, store: Redis, *, entry_id: str, fields: dict[str, str]) -> None:
    """Match one post and acknowledge the job (a failure leaves it for a retry by claim)."""
    try:
        post_id = int(fields["post_id"])
    except (KeyError, ValueError):
        log.warning("dropping malformed match job %r", fields)
        await store.xack(keys.MATCH_JOBS, keys.MATCH_JOBS_GROUP, entry_id)
        return
    try:
        await apply_event(runtime, op=OP_UPSERT, doc_id=matching.post_doc_id(post_id))
        await matching.match_post(engine=runtime.engine, post_id=post_id, policy=runtime.policy)
    except Exception:  # noqa: BLE001 - recorded; the job stays pending and is claimed again later
        log.exception("match job %s for post %s failed; left for retry", entry_id, post_id)
        return
    await store.xack(keys.MATCH_JOBS, keys.MATCH_JOBS_GROUP, entry_id)
