"""Database start-up: tortoise config, connection, migrations and reference data."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from tortoise import Tortoise
from tortoise.backends.base.client import TransactionContext
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.log import db_client_logger
from tortoise.transactions import in_transaction

from server.settings import Settings

log = logging.getLogger(__name__)

MODEL_MODULES = ["server.models"]


def tortoise_config(database_url: str, *, serving: bool = False) -> dict:
    """Return the tortoise-orm config for a database URL (`serving`: the app's pool, released without a reset)."""
    connection: str | dict = database_url
    if serving and dialect_of(database_url) == "postgres":
        connection = expand_db_url(database_url)
        connection["credentials"]["reset"] = keep_session
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"],
                            "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def keep_session(connection: object) -> None:
    """Release a pooled PostgreSQL connection as it is: no reset query.

    asyncpg's default sends `pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL` on every release:
    a round trip per request and per statement outside a transaction. Our code keeps no session state
    (no advisory locks, cursors held past a transaction, LISTEN or session-level SET; `SET LOCAL` ends with
    its transaction); tests/test_db_session.py checks that on every pooled connection. An open transaction
    is still rolled back by asyncpg before this hook runs.
    """


def transaction() -> TransactionContext:
    """Open the transaction a request's or a job's writes share: they are all committed, or none.

    Service functions called inside it join it (their own `in_transaction()` becomes a savepoint), so a use
    case made of several steps (make an outreach, then send it) is atomic when its caller wraps it in this.
    Side effects outside the database (Redis, WeChat) belong after it closes.
    """
    return in_transaction("default")


def _ensure_sqlite_dir(database_url: str) -> None:
    if database_url.startswith("sqlite://") and ":memory:" not in database_url:
        Path(database_url.removeprefix("sqlite://")).parent.mkdir(parents=True, exist_ok=True)


_open_url: str | None = None


async def init_db(settings: Settings) -> None:
    """Open the connection pool for the settings' database (idempotent per process)."""
    global _open_url
    if _open_url == settings.database_url:
        return
    _ensure_sqlite_dir(settings.database_url)
    await Tortoise.init(config=tortoise_config(settings.database_url, serving=True),
                        _enable_global_fallback=True)
    _open_url = settings.database_url


async def close_db() -> None:
    """Close every connection."""
    global _open_url
    if _open_url is not None:
        await Tortoise.close_connections()
        _open_url = None


_STATEMENTS: ContextVar[list[str] | None] = ContextVar("kjy_statements", default=None)


class _StatementLog(logging.Handler):
    """Adds each statement tortoise sends to the list of the context it is sent from."""

    def emit(self, record: logging.LogRecord) -> None:
        seen = _STATEMENTS.get()
        if seen is not None:
            seen.append(str(record.args[0]) if isinstance(record.args, tuple) and record.args else record.getMessage())


_statement_log = _StatementLog(logging.DEBUG)


def enable_statement_counting() -> None:
    """Let count_statements() see statements (tortoise logs each at DEBUG; only our handler takes them)."""
    if _statement_log not in db_client_logger.handlers:
        db_client_logger.addHandler(_statement_log)
        db_client_logger.setLevel(logging.DEBUG)
        db_client_logger.propagate = False


def start_counting() -> list[str]:
    """Collect, from now on, the statements sent from this context and the tasks it starts (see count_statements)."""
    seen: list[str] = []
    _STATEMENTS.set(seen)
    return seen


@contextmanager
def count_statements() -> Iterator[list[str]]:
    """Collect the SQL statements sent from this context (and the tasks it starts) while the block runs.

    BEGIN and COMMIT are not counted (tortoise does not log them). Needs enable_statement_counting().
    """
    seen: list[str] = []
    token = _STATEMENTS.set(seen)
    try:
        yield seen
    finally:
        _STATEMENTS.reset(token)


# aerich reads this (see [tool.aerich] in pyproject.toml).
TORTOISE_ORM = tortoise_config(os.environ.get("DATABASE_URL") or Settings().database_url)


MIGRATIONS_ROOT = Path(__file__).resolve().parent.parent / "migrations"


def dialect_of(database_url: str) -> str:
    """Return the migrations folder name for a database URL."""
    return "postgres" if database_url.startswith(("postgres", "asyncpg", "psycopg")) else "sqlite"


async def migrate(settings: Settings) -> list[str]:
    """Apply every pending aerich migration for the settings' database; return their names."""
    from aerich import Command

    _ensure_sqlite_dir(settings.database_url)
    location = str(MIGRATIONS_ROOT / dialect_of(settings.database_url))
    async with Command(tortoise_config=tortoise_config(settings.database_url),
                       app="models", location=location) as command:
        await command.init()
        applied = await command.upgrade(run_in_transaction=True)
    for name in applied:
        log.info("applied migration %s", name)
    return applied


REFERENCE_TABLES = {"regions", "aerich"}


async def truncate_user_data() -> None:
    """Delete every row except reference data (tests and demo resets)."""
    from tortoise import connections

    conn = connections.get("default")
    dialect = conn.capabilities.dialect
    tables = [m._meta.db_table for app in Tortoise.apps.values() for m in app.values()]
    tables = [t for t in tables if t not in REFERENCE_TABLES]
    if dialect == "postgres":
        await _empty_postgres(conn)
        return
    # One transaction (one commit) for every table; foreign keys cannot be switched inside one.
    deletes = "".join(f'DELETE FROM "{table}";' for table in tables)  # noqa: S608 - names from our models
    await conn.execute_script("PRAGMA foreign_keys = OFF;")
    try:
        # Twice: the second pass takes the rows the first one's triggers wrote (metric_stale_days).
        await conn.execute_script(f"BEGIN; {deletes} {deletes} DELETE FROM sqlite_sequence; COMMIT;")  # noqa: S608
    finally:
        await conn.execute_script("PRAGMA foreign_keys = ON;")


# PostgreSQL: TRUNCATE of every table costs ~0.2 s (new files for each table and index), which the
# test suite paid before every test. Deleting the rows of the tables that have any, children before
# parents, and restarting the sequences that moved is the same result in a few milliseconds.
_PG_TABLES = """
SELECT c.relname AS name FROM pg_class c
WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
"""
_PG_FOREIGN_KEYS = """
SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
WHERE k.contype = 'f' AND child.relnamespace = current_schema()::regnamespace
"""
_PG_RESTART_SEQUENCES = """
SELECT setval(s.oid, 1, false) FROM pg_class s
JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
JOIN pg_class t ON t.oid = d.refobjid
JOIN pg_sequences q ON q.schemaname = current_schema() AND q.sequencename = s.relname
WHERE s.relkind = 'S' AND q.last_value IS NOT NULL AND NOT (t.relname = ANY($1::text[]))
"""


async def _empty_postgres(conn) -> None:
    from graphlib import CycleError, TopologicalSorter

    tables = sorted({row["name"] for row in await conn.execute_query_dict(_PG_TABLES)} - REFERENCE_TABLES)
    probe = " UNION ALL ".join(f"""(SELECT '{t}' AS name FROM "{t}" LIMIT 1)""" for t in tables)  # noqa: S608
    used = {row["name"] for row in await conn.execute_query_dict(probe)} if tables else set()
    if used:
        order: TopologicalSorter[str] = TopologicalSorter({table: () for table in used})
        for row in await conn.execute_query_dict(_PG_FOREIGN_KEYS):
            if row["child"] in used and row["parent"] in used and row["child"] != row["parent"]:
                order.add(row["parent"], row["child"])  # a parent's rows go after its children's
        try:
            ordered = list(order.static_order())
        except CycleError:
            quoted = ", ".join(f'"{t}"' for t in sorted(used))
            await conn.execute_script(f"TRUNCATE {quoted} CASCADE")
        else:
            async with in_transaction("default") as tx:
                for table in ordered:
                    await tx.execute_script(f'DELETE FROM "{table}"')  # noqa: S608 - names from the catalog
                # Rows the deletes' triggers wrote (metric_stale_days) go too, before the sequences restart.
                for row in await tx.execute_query_dict(probe):
                    await tx.execute_script(f'DELETE FROM "{row["name"]}"')  # noqa: S608
    await conn.execute_query_dict(_PG_RESTART_SEQUENCES, [sorted(REFERENCE_TABLES)])
