"""Start and stop the processes a benchmark loads: the service, its floor, the WeChat sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import _wait_http  # noqa: E402


def start(cmd: list[str], env: dict[str, str], url: str, *, workers: int = 0) -> subprocess.Popen:
    """Start a server and wait until `url` answers and, for Sanic, until all `workers` workers listen.

    The first worker up answers `url`; load sent before the others listen would stick to it on
    keep-alive connections (a worker that loads the sentence encoder comes up seconds later).
    """
    log = tempfile.NamedTemporaryFile(prefix="kjy_bench_", suffix=".log", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
    proc.log_path = log.name  # type: ignore[attr-defined]
    _wait_http(url, timeout=60, proc=proc)
    deadline = time.monotonic() + 90
    while workers and Path(log.name).read_text(errors="replace").count("Worker ready") < workers:
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{cmd}: {workers} workers did not come up; see {log.name}")
        time.sleep(0.2)
    return proc


def stop(proc: subprocess.Popen) -> None:
    """Terminate a server (kill it after 20 s) and remove its log."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    Path(getattr(proc, "log_path", "")).unlink(missing_ok=True) if getattr(proc, "log_path", "") else None


def load_line(before: tuple[float, float, float]) -> str:
    """The machine's load average when the run started and now (a shared box inflates every figure)."""
    now = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"load average (1, 5, 15 min): before {' '.join(f'{x:.2f}' for x in before)}, after {now}"
