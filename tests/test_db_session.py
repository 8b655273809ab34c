"""The app's PostgreSQL pool releases connections without asyncpg's reset query, which is safe because no
code keeps session state: no advisory lock, no cursor or prepared statement of its own, no LISTEN, no
session-level SET (server.db.keep_session)."""

from __future__ import annotations

import ast
import asyncio
import re
from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from tortoise import connections

from server import db
from tests.api.test_callback import post_plain, xml
from tests.factories import create_post, login_as, make_user

SERVER = Path(db.__file__).resolve().parent
# SQL that would leave state on the session past its transaction (what RESET ALL, UNLISTEN *, CLOSE ALL and
# pg_advisory_unlock_all undo). SET LOCAL and pg_advisory_xact_lock end with their transaction.
SESSION_STATE = re.compile(r"(?:^|;)\s*SET\s+(?!LOCAL\b)(?:SESSION\s+)?\w+\s*(?:=|TO\b)"
                           r"|(?:^|;)\s*(?:RESET|LISTEN|DECLARE|PREPARE)\s+\w"
                           r"|pg_advisory_lock|pg_try_advisory_lock|set_config\s*\(|CREATE\s+TEMP")  # SQL is upper case


def sql_literals(path: Path) -> list[str]:
    """The string constants of a module, docstrings and other bare strings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bare = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare]


def test_no_code_sends_sql_that_keeps_session_state():
    found = [(str(path.relative_to(SERVER)), text[:80]) for path in SERVER.rglob("*.py")
             for text in sql_literals(path) if SESSION_STATE.search(text)]
    assert found == []


def test_the_session_state_pattern_catches_what_it_must():
    for sql in ("SET jit = off", "SELECT 1; SET search_path TO x", "LISTEN kjy", "SELECT pg_advisory_lock(1)",
                "DECLARE c CURSOR WITH HOLD FOR SELECT 1", "SELECT set_config('a.b', '1', false)"):
        assert SESSION_STATE.search(sql), sql
    for sql in ("SET LOCAL jit = off", "UPDATE push_requests SET status = 'sending'",
                "SELECT pg_advisory_xact_lock(1)"):
        assert not SESSION_STATE.search(sql), sql


def is_postgres() -> bool:
    return connections.get("default").capabilities.dialect == "postgres"


async def test_a_released_connection_is_not_reset(settings, redis):
    if not is_postgres():
        pytest.skip("asyncpg's pool reset exists on PostgreSQL only")
    pool = connections.get("default")
    seen: list[str] = []
    second_logged = asyncio.Event()

    def log(record) -> None:  # asyncpg calls query loggers soon after each query, in order
        seen.append(record.query)
        if record.query == "SELECT 2":
            second_logged.set()

    async with AsyncExitStack() as others:
        for _ in range(pool.pool_maxsize - 1):  # hold the rest of the pool: the same connection comes back
            await others.enter_async_context(pool.acquire_connection())
        async with pool.acquire_connection() as conn:
            conn.add_query_logger(log)
            await conn.execute("SELECT 1")
        async with pool.acquire_connection() as again:
            await again.execute("SELECT 2")
            again.remove_query_logger(log)
        await second_logged.wait()
    assert seen == ["SELECT 1", "SELECT 2"]  # no pg_advisory_unlock_all / CLOSE ALL / UNLISTEN * / RESET ALL


async def test_the_hot_paths_leave_no_session_state_on_any_pooled_connection(client, settings):
    if not is_postgres():
        pytest.skip("session state is PostgreSQL's")
    await make_user(oa_openid="o-session", follows_oa=True)
    await post_plain(client, settings, xml("o-session", "<MsgType>text</MsgType><Content>你好</Content>"
                                                        "<MsgId>660001</MsgId>"))
    headers, _ = await login_as(client, "session-poster", "citizen", region_id="510104")
    await create_post(client, headers)
    pool = connections.get("default")
    async with AsyncExitStack() as stack:  # hold every connection of the pool at once: each is checked
        held = [await stack.enter_async_context(pool.acquire_connection()) for _ in range(pool.pool_maxsize)]
        for conn in held:
            state = await conn.fetchrow(
                "SELECT (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                " AND pid = pg_backend_pid()) AS locks,"
                " (SELECT count(*) FROM pg_cursors WHERE is_holdable) AS cursors,"  # what outlives a transaction
                " (SELECT count(*) FROM pg_listening_channels()) AS channels,"
                " (SELECT array_agg(name) FROM pg_settings WHERE source = 'session') AS settings")
            assert (state["locks"], state["cursors"], state["channels"], state["settings"]) == (0, 0, 0, None)
