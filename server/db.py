"""Database start-up: tortoise config, connection, migrations and reference data."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from tortoise import Tortoise

from server.settings import Settings

log = logging.getLogger(__name__)

MODEL_MODULES = ["server.models"]


def tortoise_config(database_url: str) -> dict:
    """Return the tortoise-orm config for a database URL."""
    return {
        "connections": {"default": database_url},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"],
                            "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


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
    await Tortoise.init(config=tortoise_config(settings.database_url),
                        _enable_global_fallback=True)
    _open_url = settings.database_url


async def close_db() -> None:
    """Close every connection."""
    global _open_url
    if _open_url is not None:
        await Tortoise.close_connections()
        _open_url = None


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
        await conn.execute_script(f"BEGIN; {deletes} DELETE FROM sqlite_sequence; COMMIT;")  # noqa: S608
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

    from tortoise.transactions import in_transaction

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
    await conn.execute_query_dict(_PG_RESTART_SEQUENCES, [sorted(REFERENCE_TABLES)])
