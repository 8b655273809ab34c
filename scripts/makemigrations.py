"""Generate aerich migrations for both dialects (SQLite and PostgreSQL).

aerich writes dialect-specific SQL, so each dialect keeps its own folder under migrations/.
Usage: python scripts/makemigrations.py NAME  (needs a scratch PostgreSQL: PG_SCRATCH_URL)
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aerich import Command  # noqa: E402

from server.db import MIGRATIONS_ROOT, tortoise_config  # noqa: E402


async def make(url: str, dialect: str, name: str) -> None:
    location = MIGRATIONS_ROOT / dialect
    async with Command(tortoise_config=tortoise_config(url), app="models",
                       location=str(location)) as command:
        if not (location / "models").exists():
            await command.init_db(safe=True)
            print(f"{dialect}: initial migration written")
            return
        await command.init()
        await command.upgrade(run_in_transaction=True)
        await command.init()  # again: the models state to diff against is read from the upgraded database
        print(f"{dialect}:", await command.migrate(name) or "no changes")


async def fresh_scratch(url: str) -> None:
    """Start from an empty scratch database, replaying the existing migrations (if any) first."""
    import asyncpg

    base, _, database = url.rpartition("/")
    conn = await asyncpg.connect(f"{base.replace('postgres://', 'postgresql://', 1)}/postgres")
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{database}"')
    finally:
        await conn.close()


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "update"
    if len(sys.argv) > 2:  # one dialect per process: aerich keeps global state
        dialect = sys.argv[2]
        if dialect == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                asyncio.run(make(f"sqlite://{tmp}/scratch.sqlite3", "sqlite", name))
        else:
            pg = os.environ.get("PG_SCRATCH_URL", "postgres://postgres@127.0.0.1:5432/kjy_scratch")
            asyncio.run(fresh_scratch(pg))
            asyncio.run(make(pg, "postgres", name))
        return
    for dialect in ("sqlite", "postgres"):
        subprocess.run([sys.executable, __file__, name, dialect], check=True)


if __name__ == "__main__":
    main()
