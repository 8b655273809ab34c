"""Background work: the job workers and the schedule table (one scheduler process).

Each scheduled job is a few lines calling a service. The scheduler holds a Redis leader lock,
so starting a second scheduler by mistake never runs a job twice.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from redis.asyncio import Redis
from redis.exceptions import RedisError

from server import redis_keys as keys
from server.match.encoder import shared_encoder
from server.push import dispatch, templates
from server.services import emergency_fanout, inbound, match_runtime, matching, outreach, posts, review
from server.services.metrics import snapshots
from server.services.metrics import tickets as ticket_figures
from server.settings import Settings
from server.tickets import followup
from server.wechat.client import WeChatClients, build_clients

log = logging.getLogger(__name__)


@dataclass
class Workers:
    """Background tasks of one process and the event that stops them."""

    stop: asyncio.Event
    tasks: list[asyncio.Task]
    runtime: match_runtime.MatchRuntime

    async def close(self) -> None:
        """Stop the loops and wait for them."""
        self.stop.set()
        await asyncio.gather(*self.tasks, return_exceptions=True)


async def start_workers(*, settings: Settings, store: Redis, every: float = 0.5) -> Workers:
    """Start the matcher loops (index events + match jobs), the dispatcher (pushes and chat messages), inbound
    retries and emergency fan-outs; an idle loop looks again every `every` seconds."""
    templates.configure(settings)
    encoder, _error = await asyncio.to_thread(shared_encoder, settings.encoder)
    policy = matching.NoticePolicy(floor=settings.match_floor, per_need=settings.match_notices_per_need,
                                   per_day=settings.match_notices_per_day)
    runtime = await match_runtime.start_runtime(store=store, model_dir=settings.model_dir, encoder=encoder,
                                                policy=policy, snapshot=settings.match_index_snapshot)
    stop = asyncio.Event()
    consumer = f"{socket.gethostname()}-{os.getpid()}-{id(runtime)}"
    try:
        await match_runtime.queue_never_matched(store)
    except RedisError:
        log.warning("could not queue the posts whose matching never ran; the next start will")
    tasks = [asyncio.create_task(match_runtime.follow_events(runtime, store, stop=stop)),
             asyncio.create_task(match_runtime.work_jobs(runtime, store, consumer=consumer, stop=stop)),
             asyncio.create_task(run_dispatcher(settings, store, stop=stop, worker=consumer, every=every)),
             asyncio.create_task(run_inbound(settings, store, stop=stop, every=every)),
             asyncio.create_task(run_fanouts(settings, store, stop=stop, every=every))]
    return Workers(stop=stop, tasks=tasks, runtime=runtime)


async def _poll(settings: Settings, store: Redis, *, stop: asyncio.Event, every: float, name: str,
                one_pass: Callable[[WeChatClients], Awaitable[int]]) -> None:
    """Run passes until stop is set, resting `every` seconds whenever a pass found nothing to do."""
    clients = build_clients(settings, store)
    try:
        while not stop.is_set():
            try:
                handled = await one_pass(clients)
            except Exception:  # noqa: BLE001 - logged; claimed rows return to the queue by themselves
                log.exception("%s pass failed", name)
                handled = 0
            if not handled:
                try:
                    await asyncio.wait_for(stop.wait(), timeout=every)
                except TimeoutError:
                    pass
    finally:
        await clients.oa.aclose()
        await clients.mp.aclose()


async def run_inbound(settings: Settings, store: Redis, *, stop: asyncio.Event, every: float) -> None:
    """Retry official-account messages whose handling failed until stop is set (rows are leased)."""
    await _poll(settings, store, stop=stop, every=every, name="inbound",
                one_pass=lambda clients: inbound.handle_pending(store=store, oa=clients.oa))


async def run_fanouts(settings: Settings, store: Redis, *, stop: asyncio.Event, every: float) -> None:
    """Fan out queued emergency alerts and updates until stop is set (notices are leased)."""
    await _poll(settings, store, stop=stop, every=every, name="emergency fan-out",
                one_pass=lambda clients: emergency_fanout.work())


async def run_dispatcher(settings: Settings, store: Redis, *, stop: asyncio.Event, worker: str,
                         every: float) -> None:
    """Send due push requests and chat messages until stop is set (several dispatchers may run: rows are claimed)."""
    await _poll(settings, store, stop=stop, every=every, name="dispatch",
                one_pass=lambda clients: dispatch.dispatch_batch(worker=worker, clients=clients, store=store,
                                                                 mp_appid=settings.mp_appid,
                                                                 rate=settings.push_rate_per_second,
                                                                 quiet_hours=settings.push_quiet_hours))


# ---- the schedule table ------------------------------------------------------------------------

async def retrain_model(settings: Settings, store: Redis) -> None:
    """Nightly: train and gate a model in its own process; `train` itself tells every matcher to swap."""
    from server.services.training import TRAIN_REFUSED  # imported here: loading the matcher is heavy

    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "server", "train", "--quiet",
                                                env={**os.environ, "MODEL_DIR": settings.model_dir},
                                                stdout=subprocess.DEVNULL)
    code = await proc.wait()
    if code == TRAIN_REFUSED:
        log.warning("nightly model refused by the quality gate; keeping the current model (figures logged by train)")
    elif code != 0:
        log.error("nightly training failed with exit code %s; keeping the current model", code)


async def expire_posts(settings: Settings, store: Redis) -> None:
    """Hourly: close posts past their expiry and drop them from every index."""
    for post_id in await posts.expire_posts():
        await match_runtime.publish(store, op=match_runtime.OP_REMOVE, doc_id=f"post:{post_id}")


async def rebuild_index(settings: Settings, store: Redis) -> None:
    """Nightly: have every matcher rebuild its index from the database."""
    await match_runtime.publish(store, op=match_runtime.OP_REBUILD)


async def reassign_uncontacted(settings: Settings, store: Redis) -> None:
    """Every 15 minutes: give tickets nobody contacted within 24 h to another concierge."""
    await followup.reassign_uncontacted(datetime.now(UTC))


async def remind_overdue(settings: Settings, store: Redis) -> None:
    """Every 30 minutes: remind concierges of overdue plans, escalate unheeded reminders."""
    await followup.remind_overdue(datetime.now(UTC))


async def flag_stuck(settings: Settings, store: Redis) -> None:
    """Hourly: flag tickets that stayed too long in one stage."""
    await followup.flag_stuck(datetime.now(UTC))


async def daily_digest(settings: Settings, store: Redis) -> None:
    """Daily at 08:30 Beijing: each concierge's plans due today and overdue."""
    await followup.daily_digest(datetime.now(UTC))


async def send_due_outreach(settings: Settings, store: Redis) -> None:
    """Every minute: fan out the scheduled targeted pushes and award calls whose time has come."""
    await outreach.send_due(now=datetime.now(UTC))


async def send_match_digests(settings: Settings, store: Redis) -> None:
    """Daily at 19:00 Beijing: one digest per scientist of the matches that waited past the daily cap."""
    sent = await matching.send_digests(now=datetime.now(UTC))
    log.info("match digests: %d scientist(s)", sent)


async def recheck_pending_posts(settings: Settings, store: Redis) -> None:
    """Every 5 minutes: check again the posts held while the content check was unreachable (with backoff)."""
    clients = build_clients(settings, store)
    try:
        await review.recheck_pending(wechat=clients.mp, store=store)
    finally:
        await clients.oa.aclose()
        await clients.mp.aclose()


async def snapshot_push_days(settings: Settings, store: Redis) -> None:
    """Nightly at 00:40 Beijing: count settled days' pushes per region for the dashboard."""
    written = await snapshots.snapshot_push_days(datetime.now(UTC))
    log.info("push day counts: %d day(s) written", written)


async def snapshot_metric_days(settings: Settings, store: Redis) -> None:
    """Nightly at 00:20 Beijing: count the funnel and registrations of settled (or since changed) days."""
    counted = await snapshots.snapshot_metric_days(datetime.now(UTC))
    log.info("metric day counts: %d day(s) counted", counted)


async def fold_open_counts(settings: Settings, store: Redis) -> None:
    """Every 10 minutes: fold the open-ticket counters' +1/-1 rows into one row per key."""
    left = await ticket_figures.fold_open_counts()
    log.debug("open ticket counts folded: %d row(s)", left)


ScheduledJob = Callable[[Settings, Redis], Awaitable[None]]
SCHEDULE: list[tuple[str, dict[str, object], ScheduledJob]] = [
    ("retrain-model", {"trigger": "cron", "hour": 3, "minute": 0}, retrain_model),
    ("expire-posts", {"trigger": "interval", "hours": 1}, expire_posts),
    ("rebuild-index", {"trigger": "cron", "hour": 4, "minute": 30}, rebuild_index),
    ("reassign-uncontacted", {"trigger": "interval", "minutes": 15}, reassign_uncontacted),
    ("remind-overdue", {"trigger": "interval", "minutes": 30}, remind_overdue),
    ("flag-stuck", {"trigger": "interval", "hours": 1}, flag_stuck),
    ("daily-digest", {"trigger": "cron", "hour": 8, "minute": 30, "timezone": "Asia/Shanghai"}, daily_digest),
    ("send-due-outreach", {"trigger": "interval", "minutes": 1}, send_due_outreach),
    ("send-match-digests", {"trigger": "cron", "hour": 19, "minute": 0, "timezone": "Asia/Shanghai"},
     send_match_digests),
    ("recheck-pending-posts", {"trigger": "interval", "minutes": 5}, recheck_pending_posts),
    ("snapshot-push-days", {"trigger": "cron", "hour": 0, "minute": 40, "timezone": "Asia/Shanghai"},
     snapshot_push_days),
    ("snapshot-metric-days", {"trigger": "cron", "hour": 0, "minute": 20, "timezone": "Asia/Shanghai"},
     snapshot_metric_days),
    ("fold-open-counts", {"trigger": "interval", "minutes": 10}, fold_open_counts),
]


# Take the lock if free (SET NX PX), else extend it only if this process holds it, in one script. With a
# GET then an EXPIRE the lock could expire and be taken by another scheduler between the two: the first
# would then extend the other's lock and both would lead.
_TAKE_OR_EXTEND = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
# Delete the lock only if this process still holds it (never a successor's).
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


async def is_leader(store: Redis, *, me: str, ttl_ms: int = keys.SCHEDULER_LEADER_TTL_MS) -> bool:
    """Hold (or take) the scheduler leader lock; return whether this process leads."""
    taken = await store.eval(_TAKE_OR_EXTEND, 1, keys.SCHEDULER_LEADER, me, ttl_ms)
    return bool(taken)


async def resign(store: Redis, *, me: str) -> bool:
    """Give up the leader lock if this process holds it, so another scheduler takes over at once."""
    return bool(await store.eval(_RELEASE, 1, keys.SCHEDULER_LEADER, me))
