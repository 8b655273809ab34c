"""server/heap.py: a served process freezes its start-up heap, so full GC passes stop walking it.

Each check runs in a fresh interpreter: freezing this test process would keep every later test's cycles.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_settle_moves_start_up_objects_out_of_the_full_pass() -> None:
    got = _run(
        "import gc, json\n"
        "import server.app\n"
        "from server import heap\n"
        "gc.collect()\n"
        "before = len(gc.get_objects(generation=2))\n"
        "frozen = heap.settle()\n"
        "print(json.dumps({'before': before, 'frozen': frozen, 'after': len(gc.get_objects(generation=2))}))\n")
    assert got["before"] > 50_000  # the app's imports: what every full pass walked
    assert got["frozen"] >= 0.9 * got["before"]
    assert got["after"] < 1_000  # a full pass now walks only what was made since


def test_a_served_app_settles_its_heap_after_start_up_and_a_test_app_does_not() -> None:
    code = (
        "import asyncio, gc, json\n"
        "from server.app import _settle_heap, create_app\n"
        "from server.settings import Settings\n"
        "counts = {}\n"
        "for env in ('test', 'prod'):\n"
        "    app = create_app(Settings(env=env), name='heap_' + env)\n"
        "    app.ctx.owns_resources = True\n"
        "    asyncio.run(_settle_heap(app))\n"
        "    counts[env] = gc.get_freeze_count()\n"
        "app = create_app(Settings(), name='heap_l')\n"
        "after_start = [s for s in app.signal_router.routes if s.name == 'server.init.after']\n"
        "listeners = [s.handler.keywords['listener'].__name__ for s in after_start]\n"
        "print(json.dumps({'counts': counts, 'listeners': listeners}))\n")
    got = _run(code)
    assert got["counts"]["test"] == 0
    assert got["counts"]["prod"] > 50_000
    assert "_settle_heap" in got["listeners"]  # after_server_start
