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
        quoted = ", ".join(f'"{t}"' for t in tables)
        await conn.execute_script(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        return
    # One transaction (one commit) for every table; foreign keys cannot be switched inside one.
    deletes = "".join(f'DELETE FROM "{table}";' for table in tables)  # noqa: S608 - names from our models
    await conn.execute_script("PRAGMA foreign_keys = OFF;")
    try:
        await conn.execute_script(f"BEGIN; {deletes} DELETE FROM sqlite_sequence; COMMIT;")  # noqa: S608
    finally:
        await conn.execute_script("PRAGMA foreign_keys = ON;")
