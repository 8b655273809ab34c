"""Command implementations behind `python -m server ...` (thin: each calls services)."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import httpx

from server import db
from server.settings import Settings, load_settings

if TYPE_CHECKING:
    from server.models import User

log = logging.getLogger("server.cli")


def app_factory():
    """Build the app from the environment (Sanic's worker processes call this)."""
    from server.app import create_app

    return create_app(load_settings())


async def migrate(settings: Settings) -> int:
    """Apply migrations and load reference data."""
    from server.services import regions

    applied = await db.migrate(settings)
    await db.init_db(settings)
    try:
        count = await regions.load_regions()
    finally:
        await db.close_db()
    print(f"migrations applied: {len(applied)}; regions: {count}")
    return 0


async def seed(settings: Settings, *, quiet: bool = False) -> int:
    """Load the demo data (idempotent); new posts are queued for matching on the store.

    Outside production the demo's 90 days of history are replayed too (services.demo_history).
    """
    from server import cache
    from server.services import demo, demo_history

    await db.init_db(settings)
    store = cache.connect(settings)
    try:
        report = await demo.load_demo(console_passwords=settings.env != "prod", store=store)
        if settings.env != "prod":
            report.update(await demo_history.load_history())
    finally:
        await store.aclose()
        await db.close_db()
    if not quiet:
        print(f"demo data: {report}")
    return 0


async def grant_role(settings: Settings, *, who: str, role: str) -> int:
    """Give a user a role from the command line (how the first admin is made)."""
    from server.models.enums import Role
    from server.services import users

    async def grant(user: User) -> int:
        await users.grant_role(admin=None, user_id=user.id, role=Role(role))
        print(f"user {user.id} is now {role}")
        return 0

    return await _for_user(settings, who, grant)


async def _for_user(settings: Settings, who: str, action: Callable[[User], Awaitable[int]]) -> int:
    """Open the database, find the user by id or openid, run the action on them; 1 when nobody matches."""
    from server.services import users

    await db.init_db(settings)
    try:
        user = await users.find_user(who)
        if user is None:
            print(f"no user {who!r}", file=sys.stderr)
            return 1
        return await action(user)
    finally:
        await db.close_db()


def serve(settings: Settings, *, migrate_first: bool = True) -> int:
    """Serve the HTTP API with Sanic's worker manager."""
    from functools import partial

    from sanic import Sanic
    from sanic.worker.loader import AppLoader

    if migrate_first:
        asyncio.run(migrate(settings))
    from server import listen

    loader = AppLoader(factory=partial(app_factory))
    app = loader.load()
    single = settings.workers == 1
    # Several workers: each listens on its own SO_REUSEPORT socket (server/listen.py), or one takes all the load.
    sock = None if single else listen.reserve(settings.host, settings.port)
    app.prepare(host=settings.host, port=settings.port, sock=sock, workers=settings.workers, single_process=single,
                access_log=settings.env == "dev", motd=False)
    Sanic.serve(primary=app, app_loader=loader)
    return 0


def sandbox(settings: Settings, *, host: str, port: int) -> int:
    """Serve the WeChat sandbox."""
    from server.wechat.sandbox import run

    return run(host=host, port=port)


def _start_sandbox(settings: Settings) -> subprocess.Popen:
    # The sandbox pushes asynchronous results (mediaCheckAsync verdicts) to this app's callback.
    callback = os.environ.get("SANDBOX_CALLBACK_URL") or f"http://127.0.0.1:{settings.port}/wechat/callback"
    proc = subprocess.Popen([sys.executable, "-m", "server", "sandbox", "--port", str(settings.sandbox_port)],
                            env={**os.environ, "SANDBOX_CALLBACK_URL": callback})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{settings.sandbox_port}/_sandbox/health", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the WeChat sandbox did not start")


def _demo_console_logins() -> str:
    from server.services import demo

    rows = demo.console_logins()
    return "".join(f"    {name:<4} 账号 {openid:<24} 密码 {password}\n" for openid, name, password in rows)


def dev(settings: Settings) -> int:
    """Migrate, seed, start the sandbox beside the API and serve (embedded defaults)."""
    asyncio.run(migrate(settings))
    asyncio.run(seed(settings))
    # Embed the demo's documents now, so the server's start-up reads stored vectors instead of encoding
    # ~150 documents before it may answer (Sanic gives a worker 30 s to come up). In a child process:
    # loading the encoder here would fix multiprocessing's start method before Sanic sets its own.
    subprocess.run([sys.executable, "-m", "server", "backfill", "--quiet"], check=False)
    box = _start_sandbox(settings) if not settings.wechat_api_base else None
    base = f"http://{settings.host}:{settings.port}"
    print(f"\n  科技云 API      {base}/healthz\n  OpenAPI        {base}/docs\n"
          f"  WeChat sandbox {settings.api_base}/_sandbox/outbox\n"
          f"  Try: curl -s -X POST {base}/api/v1/auth/login -d '{{\"code\":\"sandbox-alice\"}}'\n"
          f"  Console        {base}/console/  (demo accounts below)\n{_demo_console_logins()}",
          flush=True)
    try:
        return serve(settings, migrate_first=False)
    finally:
        if box is not None:
            box.send_signal(signal.SIGTERM)
            box.wait(timeout=10)


async def train(settings: Settings, *, extra: str | None, seed: int | None, quiet: bool,
                background: bool = True) -> int:
    """Train and gate a model; if it passes, make it current and tell every running matcher (exit 3 if refused)."""
    from pathlib import Path

    from server import cache
    from server.services import training

    await db.init_db(settings)
    store = cache.connect(settings)
    try:
        outcome = await training.train_and_publish(store=store, model_dir=settings.model_dir,
                                                   extra=Path(extra) if extra else None, seed=seed,
                                                   background=None if background else 0, progress=not quiet)
    finally:
        await store.aclose()
        await db.close_db()
    if outcome is None:
        print("not enough documents to train; the matcher keeps its model (or BM25)")
        return 0
    print(f"model {outcome.version}: {outcome.report.summary()}")
    return 0 if outcome.accepted else training.TRAIN_REFUSED


async def _until_signal() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()


async def worker(settings: Settings) -> int:
    """Run the job workers until SIGINT/SIGTERM."""
    from server import cache, heap
    from server.jobs import start_workers

    await db.init_db(settings)
    store = cache.connect(settings)
    workers = await start_workers(settings=settings, store=store)
    heap.settle()  # the matcher is loaded: keep full GC passes off the jobs' path (server/heap.py)
    log.info("worker running (matching)")
    try:
        await _until_signal()
    finally:
        await workers.close()
        await store.aclose()
        await db.close_db()
    return 0


async def scheduler(settings: Settings) -> int:
    """Run the schedule table while holding the leader lock."""
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from redis.exceptions import RedisError

    from server import cache, jobs

    await db.init_db(settings)
    store = cache.connect(settings)
    me = f"{os.uname().nodename}-{os.getpid()}"

    def guarded(job):
        async def run() -> None:
            if await jobs.is_leader(store, me=me):
                await job(settings, store)
        return run

    schedule = AsyncIOScheduler(timezone="Asia/Shanghai")
    for job_id, trigger, job in jobs.SCHEDULE:
        schedule.add_job(guarded(job), id=job_id, max_instances=1, coalesce=True, **trigger)
    async def heartbeat() -> None:
        await jobs.is_leader(store, me=me)

    schedule.add_job(heartbeat, "interval", seconds=20, id="leader-heartbeat")
    schedule.start()
    log.info("scheduler running: %s", [job_id for job_id, _, _ in jobs.SCHEDULE])
    try:
        await _until_signal()
    finally:
        schedule.shutdown(wait=False)
        try:
            await jobs.resign(store, me=me)
        except RedisError as exc:  # the lock expires by itself within its TTL
            log.warning("scheduler: could not give up the leader lock: %s", exc)
        await store.aclose()
        await db.close_db()
    return 0


async def import_articles(settings: Settings, *, path: str) -> int:
    """Import articles from a JSONL file."""
    from pathlib import Path

    from server.services import articles

    await db.init_db(settings)
    try:
        report = await articles.import_articles(Path(path))
    finally:
        await db.close_db()
    print(f"articles: {report}")
    return 0


def _read_new_password(password_env: str | None) -> str:
    """Return the new password from an environment variable, the terminal (twice) or standard input."""
    if password_env:
        value = os.environ.get(password_env)
        if not value:
            raise ValueError(f"environment variable {password_env} is unset or empty")
        return value
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("新密码: ")
        if getpass.getpass("再输入一次: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


async def console_password(settings: Settings, *, who: str, password_env: str | None) -> int:
    """Set a staff or admin user's console password (citizens and other roles are refused)."""
    from server.console import accounts
    from server.errors import AppError

    try:
        password = _read_new_password(password_env)
    except ValueError as exc:
        print(f"console-password: {exc}", file=sys.stderr)
        return 2

    async def set_it(user: User) -> int:
        try:
            await accounts.set_password(user=user, password=password)
        except AppError as exc:
            print(f"console-password: user {user.id} ({user.role}): {exc.message}", file=sys.stderr)
            return 1
        print(f"console password set for user {user.id} ({user.role}); sign in at /console/login")
        return 0

    return await _for_user(settings, who, set_it)


async def backfill(settings: Settings, *, limit: int | None, quiet: bool) -> int:
    """Embed every post and article that lacks a sentence vector, and store its word tokens (resumable)."""
    from server.match.encoder import EncoderUnavailable, load_encoder
    from server.models import Post
    from server.services import doc_terms, embeddings
    from server.services.matching import article_doc, post_doc

    try:
        encoder = await asyncio.to_thread(load_encoder, settings.encoder)
    except EncoderUnavailable as exc:
        print(f"encoder {settings.encoder!r} unavailable: {exc}", file=sys.stderr)
        return 1
    if encoder is None:
        print("ENCODER=none: nothing to embed", file=sys.stderr)
        return 0
    await db.init_db(settings)
    try:
        def docs_of(row):
            return post_doc(row) if isinstance(row, Post) else article_doc(row)

        done = await embeddings.backfill(encoder, docs_of=docs_of, progress=not quiet, limit=limit,
                                         each_batch=doc_terms.words_for)
        left = await embeddings.missing_count(encoder)
    finally:
        await db.close_db()
    print(f"embedded {done} document(s) with {encoder.name}; {left} still without a vector")
    return 0
