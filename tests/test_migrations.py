"""The migrations describe the models: replaying them and diffing against the models finds nothing.

Two branches that each add migration N from the same base leave the later one's stored models state
without the other's changes; the next `makemigrations` would then write those changes again. This
replays the SQLite migrations into a scratch database and asks aerich for the difference (in a
subprocess: aerich keeps global state).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import asyncio, sys
from aerich import Command
from server.db import tortoise_config

async def main(location, url):
    async with Command(tortoise_config=tortoise_config(url), app="models", location=location) as command:
        await command.init()
        await command.upgrade(run_in_transaction=True)
        await command.init()
        print("DIFF:", await command.migrate("check") or "")

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def test_replayed_migrations_equal_the_models(tmp_path):
    location = tmp_path / "migrations"
    shutil.copytree(ROOT / "migrations" / "sqlite", location)
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(location), f"sqlite://{tmp_path}/scratch.sqlite3"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "DIFF: \n" in done.stdout or done.stdout.rstrip().endswith("DIFF:"), done.stdout[-2000:]
    written = sorted(p.name for p in (location / "models").iterdir()) != sorted(
        p.name for p in (ROOT / "migrations" / "sqlite" / "models").iterdir())
    assert not written, "the models have changes no migration holds: run scripts/makemigrations.py"
