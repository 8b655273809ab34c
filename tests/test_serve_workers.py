"""`python -m server serve` with two workers: both accept connections (server/listen.py)."""

from __future__ import annotations

import asyncio
import os
import pickle
import select
import socket
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import AsyncIterator
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import pytest_asyncio

from server import listen
from server.settings import Settings
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
BURST = 64  # fresh connections at once


class _Output(threading.Thread):
    """Read the server's output to its end (the pipe never fills); `ready` is set once `workers` workers listen."""

    def __init__(self, proc: subprocess.Popen, *, workers: int) -> None:
        super().__init__(daemon=True)
        self.proc, self.workers, self.lines, self.ready = proc, workers, [], threading.Event()

    def run(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:  # Sanic logs "Worker ready" once the worker's socket listens
            self.lines.append(raw.decode(errors="replace"))
            if sum("Worker ready" in line for line in self.lines) == self.workers:
                self.ready.set()
        self.ready.set()  # the server stopped: nothing more will come


def _start(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "server", "serve", "--no-migrate"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _stop(proc: subprocess.Popen, output: threading.Thread) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    output.join(timeout=20)


@pytest_asyncio.fixture
async def two_workers(settings: Settings, redis, sandbox_url: str) -> AsyncIterator[str]:
    """Serve the real app with WORKERS=2 on a free port; yield its URL once both workers listen."""
    port = free_port()
    env = {**os.environ, "APP_ENV": "test", "HOST": "127.0.0.1", "PORT": str(port), "WORKERS": "2",
           "DATABASE_URL": settings.database_url, "WECHAT_API_BASE": sandbox_url, "SECRET_KEY": settings.secret_key,
           "INLINE_WORKERS": "0", "MODEL_DIR": settings.model_dir, "ENCODER": "none", "COUNT_STATEMENTS": "1",
           "PYTHONUNBUFFERED": "1"}
    env.pop("REDIS_URL", None)
    if settings.redis_url:
        env["REDIS_URL"] = settings.redis_url
    proc = _start(env)
    output = _Output(proc, workers=2)
    output.start()
    try:
        if not await asyncio.to_thread(output.ready.wait, 90) or proc.poll() is not None:
            raise AssertionError("the server's two workers did not come up:\n" + "".join(output.lines)[-4000:])
        yield f"http://127.0.0.1:{port}"
    finally:
        await asyncio.to_thread(_stop, proc, output)


async def _burst(url: str) -> Counter[str]:
    """Connect BURST clients at once (all queued before any is accepted), then one request each; count X-Worker."""
    host, port = url.removeprefix("http://").split(":")
    streams = await asyncio.gather(*(asyncio.open_connection(host, int(port)) for _ in range(BURST)))

    async def ask(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> str:
        writer.write(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        head = (await reader.readuntil(b"\r\n\r\n")).decode().lower()
        writer.close()
        assert head.startswith("http/1.1 200"), head
        return next(line.split(":", 1)[1].strip() for line in head.split("\r\n") if line.startswith("x-worker:"))

    return Counter(await asyncio.gather(*(ask(reader, writer) for reader, writer in streams)))


async def test_two_workers_share_a_burst_of_connections(two_workers: str) -> None:
    served = await _burst(two_workers)
    assert len(served) == 2, served  # both worker processes answered
    assert min(served.values()) >= BURST // 8, served  # and neither took (nearly) all of it


def test_a_worker_socket_reaches_each_worker_as_its_own_listening_socket():
    placeholder = listen.reserve("127.0.0.1", 0)
    # What Sanic does with the socket for each worker process it spawns: multiprocessing's pickler.
    first, second = (pickle.loads(ForkingPickler.dumps(placeholder)) for _ in range(2))
    try:
        assert first.getsockname() == second.getsockname() == placeholder.getsockname()
        assert first.fileno() != second.fileno() and first.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)
        with socket.create_connection(placeholder.getsockname(), timeout=5):
            ready, _, _ = select.select([first, second], [], [], 5)  # the placeholder itself never listens
            assert len(ready) == 1
            ready[0].accept()[0].close()
    finally:
        for sock in (placeholder, first, second):
            sock.close()
