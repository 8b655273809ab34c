"""Test harness: real PostgreSQL/Redis when configured (CI), SQLite + in-process store otherwise.

Variables: TEST_DATABASE_URL or DATABASE_URL (a `{}` in a PostgreSQL URL becomes a random
database name, created and dropped here), TEST_REDIS_URL or REDIS_URL. With CI=true an
unreachable PostgreSQL or Redis fails the run; it is never skipped.

Under pytest-xdist (scripts/test.sh runs `-n 2 --dist loadgroup`) each worker is a session of its
own: its own database (SQLite file or PostgreSQL `{}` name), its own sandbox and in-process store,
and with a real Redis the URL's database number plus the worker's number (gw0 -> /14, gw1 -> /15),
since every test empties its Redis database.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx
import pytest
import pytest_asyncio

from server.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _database_url() -> str:
    return os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL") or "sqlite://:memory:"


def _worker_number() -> int:
    """Return this pytest-xdist worker's number (gw1 -> 1); 0 without xdist."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def _redis_url() -> str | None:
    url = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL") or None
    return url and worker_redis_url(url, _worker_number())


def worker_redis_url(url: str, number: int) -> str:
    """Return the Redis URL of xdist worker `number`: the URL's database number plus `number`."""
    if number == 0:
        return url
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + number
    return urlunsplit(parts._replace(path=f"/{database}"))


# Slowest first, so that under xdist neither worker is left with a long group at the end.
# (scripts/test.sh keeps this order with --no-loadscope-reorder; xdist would otherwise send the groups with
# the most tests first.)
SLOW_FIRST = ("contract-fuzz-0", "contract-fuzz-1", "live-server", "tests/api/test_training.py",
              "tests/match/test_gate.py", "tests/api/test_demo_history.py")


def _group(item: pytest.Item) -> str:
    """Return the test's xdist group: its own mark, else the console's live server (and browser), else its module."""
    marked = item.get_closest_marker("xdist_group")
    if marked is not None:
        return str(marked.args[0])
    if {"live_server", "browser"} & set(item.fixturenames):
        return "live-server"
    return item.nodeid.split("::")[0]


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Group tests for `--dist loadgroup` (module and session fixtures built once) and run the slowest first."""
    rank = {group: index for index, group in enumerate(SLOW_FIRST)}
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(_group(item)))
    items.sort(key=lambda item: rank.get(_group(item), len(rank)))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_http(url: str, *, timeout: float = 20.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up in {timeout}s")


@pytest.fixture(scope="session")
def sandbox_url() -> Iterator[str]:
    """Start the WeChat sandbox (`python -m server sandbox`) on a free port, over real HTTP."""
    port = free_port()
    env = {**os.environ, "SANDBOX_PORT": str(port), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "server", "sandbox", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{url}/_sandbox/health", proc=proc)
    except RuntimeError:
        proc.kill()
        detail = proc.stderr.read().decode()[-2000:] if proc.stderr else ""
        raise RuntimeError("sandbox failed: " + detail) from None
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _pg_target(url: str, token: str) -> tuple[str, str]:
    """Return (url of the test database, its name) for a PostgreSQL URL and a fresh token.

    A `{}` anywhere in the URL is replaced by the token (`.../ci_{}` -> database `ci_<token>`);
    without one the URL's database is replaced by the token. The name is read back from the URL,
    so the database created, connected to and dropped is always the same one.
    """
    if "{}" in url:
        target = url.replace("{}", token)
    else:
        parts = urlsplit(url)
        target = urlunsplit(parts._replace(path=f"/{token}"))
    name = unquote(urlsplit(target).path.lstrip("/"))
    if not name or "/" in name or '"' in name:
        raise ValueError(f"cannot tell the test database's name from {url!r}")
    return target, name


def _pg_admin_url(url: str) -> str:
    """Return the URL of the maintenance database (`postgres`) on the same server, for asyncpg."""
    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    return admin.replace("postgres://", "postgresql://", 1)


async def _create_pg_database(url: str) -> tuple[str, str]:
    """Return (url to use, database to drop afterwards)."""
    import asyncpg

    target, name = _pg_target(url, f"kjy_test_{uuid.uuid4().hex[:10]}")
    conn = await asyncpg.connect(_pg_admin_url(target), timeout=5)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return target, name


async def _drop_pg_database(url: str, name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_pg_admin_url(url), timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest_asyncio.fixture(scope="session")
async def settings(sandbox_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Settings]:
    """Settings for the test session, with the database created and migrated."""
    from server import db

    url = _database_url()
    drop: str | None = None
    if url.startswith("postgres"):
        try:
            url, drop = await _create_pg_database(url)
        except (TimeoutError, OSError) as exc:
            pytest.exit(f"PostgreSQL unreachable at {url}: {exc}", returncode=3)
    elif url == "sqlite://:memory:":
        # A file, not :memory:, so migrations and the app share one database.
        # synchronous=OFF: test data need no durability, so no fsync at every commit.
        url = f"sqlite://{tmp_path_factory.mktemp('db')}/test.sqlite3?synchronous=OFF"
    redis_url = _redis_url()
    model_dir = tmp_path_factory.mktemp("models")
    settings = Settings(env="test", database_url=url, redis_url=redis_url, wechat_api_base=sandbox_url,
                        wechat_timeout=2.0, count_statements=True,
                        secret_key="test-secret-key-" + "x" * 32, model_dir=str(model_dir),
                        photo_dir=str(tmp_path_factory.mktemp("photos")))
    await db.migrate(settings)
    await db.init_db(settings)
    from server.services import regions

    await regions.load_regions()
    yield settings
    await db.close_db()
    if drop:
        await _drop_pg_database(url, drop)


@pytest_asyncio.fixture(scope="session")
async def redis(settings: Settings):
    """The shared store (real Redis in CI); unreachable is a failure, never a skip."""
    from server import cache

    client = cache.connect(settings)
    if not await cache.ping(client):
        pytest.exit(f"Redis unreachable at {settings.redis_url}", returncode=3)
    yield client
    await client.aclose()


@pytest_asyncio.fixture(autouse=True)
async def _clean_state(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """Empty every table but reference data, the store and the sandbox between tests."""
    if "settings" not in request.fixturenames:
        yield
        return
    redis = request.getfixturevalue("redis")
    sandbox_url = request.getfixturevalue("sandbox_url")
    from server.db import truncate_user_data

    await truncate_user_data()
    await redis.flushdb()
    async with httpx.AsyncClient(base_url=sandbox_url) as http:
        await http.post("/_sandbox/reset")
    yield


@pytest_asyncio.fixture
async def sandbox(sandbox_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the sandbox's control endpoints (/_sandbox/...)."""
    async with httpx.AsyncClient(base_url=sandbox_url, timeout=10) as http:
        await http.post("/_sandbox/reset")
        yield http


@pytest_asyncio.fixture(scope="session")
async def _session_app(settings: Settings, redis):
    """The Sanic app, built and started once for the whole session, sharing the session's store.

    Sanic's start-up (routes, signals, extensions) costs 1.5-2 s; the data each test sees is reset
    by `_clean_state`, and `app` puts back whatever a test changed on `app.ctx`. Tests that need a
    differently configured app build their own with `create_app(settings.with_(...))`.
    """
    from server.app import create_app, start_resources, stop_resources

    application = create_app(settings, name="kjy_test")
    await start_resources(application, redis=redis)
    application.asgi = True
    await application._startup()
    await application._server_event("init", "before")
    yield application
    await stop_resources(application)


@pytest_asyncio.fixture
async def app(_session_app) -> AsyncIterator:
    """The session's app; whatever a test sets on `app.ctx` is put back after it."""
    saved = dict(vars(_session_app.ctx))
    yield _session_app
    ctx = vars(_session_app.ctx)
    ctx.clear()
    ctx.update(saved)


@pytest_asyncio.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client speaking ASGI to the app (no port; its own cookies for each test)."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://kjy.test") as http:
        yield http
