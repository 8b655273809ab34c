"""Dispatch throughput against the WeChat sandbox: 1, 2 and 4 dispatcher processes vs raw calls.

Queues MESSAGES emergency pushes (one per generated follower) in a scratch PostgreSQL database, then
runs N dispatcher processes (`server.push.dispatch.dispatch_batch` in a loop, exactly what
`python -m server worker` runs) until the queue is empty, and measures sends per second. The reference
is the same N processes calling the sandbox's `message/template/send` with a prepared payload and no
logic of ours (no claim, no channel choice, no rate counter, no attempt record), keeping as many calls
in flight per process as a dispatcher does (--in-flight, default dispatch.SENDS_IN_FLIGHT): the ratio
ours/raw is the figure. Every run checks that the sandbox received each message exactly once.

    .venv/bin/python benchmarks/bench_dispatch.py [--messages 3000] [--workers 1 2 4] [--rounds 3] [--in-flight 8]

Needs PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres; a scratch
database is created and dropped) and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379/12).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.settings import SANDBOX_OA_APPID, SANDBOX_OA_SECRET  # noqa: E402
from tests.conftest import _wait_http, free_port  # noqa: E402

MP_APPID = "wx-bench-mp"


# ---- child processes ----------------------------------------------------------------------------

async def child_dispatch(db_url: str, redis_url: str, api_base: str, in_flight: int) -> None:
    """One dispatcher: wait for the go line on stdin, drain the queue, print how many it sent."""
    from redis.asyncio import Redis

    from server import db
    from server.push import dispatch
    from server.settings import Settings
    from server.wechat.client import build_clients

    settings = Settings(env="test", database_url=db_url, redis_url=redis_url, wechat_api_base=api_base,
                        secret_key="bench-" + "x" * 40)
    await db.init_db(settings)
    store = Redis.from_url(redis_url, decode_responses=True)
    clients = build_clients(settings, store)
    worker = f"bench-{os.getpid()}"
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    handled = 0
    while batch := await dispatch.dispatch_batch(worker=worker, clients=clients, store=store, mp_appid=MP_APPID,
                                                 limit=50, rate=1_000_000, concurrency=in_flight):
        handled += batch
    print(json.dumps({"handled": handled}), flush=True)
    await clients.oa.aclose()
    await clients.mp.aclose()
    await store.aclose()
    await db.close_db()


async def child_raw(api_base: str, count: int, offset: int, in_flight: int) -> None:
    """The reference: call template/send `count` times, `in_flight` at a time, nothing else."""
    async with httpx.AsyncClient(base_url=api_base, timeout=10) as http:
        token = (await http.post("/cgi-bin/stable_token", json={
            "grant_type": "client_credential", "appid": SANDBOX_OA_APPID, "secret": SANDBOX_OA_SECRET})).json()
        access_token = token.get("access_token", "")
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        gate = asyncio.Semaphore(in_flight)

        async def call(i: int) -> None:
            async with gate:
                await http.post("/cgi-bin/message/template/send", params={"access_token": access_token}, json={
                    "touser": f"bench-raw-{offset + i}", "template_id": "sandbox-tpl-emergency-alert-oa",
                    "client_msg_id": f"raw-{offset + i}", "data": {"thing1": {"value": "四川省强降雨应急科普"}}})

        await asyncio.gather(*(call(i) for i in range(count)))
    print(json.dumps({"handled": count}), flush=True)


# ---- the parent ---------------------------------------------------------------------------------

def spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, *args], cwd=ROOT, env={**os.environ, **env}, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def start_sandbox(port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "server", "sandbox", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def race(procs: list[subprocess.Popen]) -> tuple[float, int]:
    """Wait until every child is ready, start them together, return (seconds, total handled)."""
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    handled = sum(json.loads(proc.stdout.readline())["handled"] for proc in procs if proc.stdout)
    elapsed = time.perf_counter() - started
    for proc in procs:
        proc.wait(timeout=30)
    return elapsed, handled


async def queue(conn: asyncpg.Connection, messages: int) -> None:
    await conn.execute("TRUNCATE push_attempts, push_requests RESTART IDENTITY CASCADE")
    await conn.execute(
        "INSERT INTO push_requests (kind, cause, user_id, data, region_code, priority, status, due_at, attempts, "
        "last_error, created_at, updated_at) SELECT 'emergency_alert', 'bench:1', id, $1::jsonb, region_id, 0, "
        "'pending', now(), 0, '', now(), now() FROM users ORDER BY id LIMIT $2",
        json.dumps({"article_id": 1, "title": "四川省强降雨应急科普", "severity": "red",
                    "onset": "2026-12-01T08:00:00+00:00", "advice": "远离河道沟谷，及时转移"}), messages)


async def run(args: argparse.Namespace) -> None:
    from redis.asyncio import Redis

    from server import db
    from server.settings import Settings

    base = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
    name = f"kjy_bench_dispatch_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1))
    await admin.execute(f'CREATE DATABASE "{name}"')
    db_url = base.rpartition("/")[0] + "/" + name
    port = free_port()
    api_base = f"http://127.0.0.1:{port}"
    sandbox = start_sandbox(port)
    results: dict[int, dict[str, list[float]]] = {}
    try:
        _wait_http(f"{api_base}/_sandbox/health", timeout=60, proc=sandbox)
        await db.migrate(Settings(env="test", database_url=db_url, secret_key="bench-" + "x" * 40))
        conn = await asyncpg.connect(db_url.replace("postgres://", "postgresql://", 1))
        await conn.execute(
            "INSERT INTO users (mp_openid, oa_openid, role, name, organisation, title, discipline, interests, "
            "follows_oa, created_at, updated_at, password_hash) SELECT 'bench-mp-' || g, 'bench-oa-' || g, "
            "'citizen', '', '', '', '', '[]'::jsonb, true, now(), now(), '' FROM generate_series(1, $1) g",
            args.messages)
        store = Redis.from_url(redis_url)
        env = {"BENCH_DB": db_url, "BENCH_REDIS": redis_url, "BENCH_API": api_base,
               "BENCH_IN_FLIGHT": str(args.in_flight)}
        async with httpx.AsyncClient(base_url=api_base) as box:
            for workers in args.workers:
                row = results.setdefault(workers, {"ours": [], "raw": []})
                for _ in range(args.rounds):
                    await queue(conn, args.messages)
                    await box.post("/_sandbox/reset")  # forgets issued tokens: drop our cached one too
                    await store.flushdb()
                    elapsed, handled = race([spawn(["--child-dispatch"], env) for _ in range(workers)])
                    sent = await conn.fetchval("SELECT count(*) FROM push_requests WHERE status = 'sent'")
                    calls = len((await box.get("/_sandbox/outbox")).json()["messages"])
                    assert handled == sent == calls == args.messages, (handled, sent, calls)
                    row["ours"].append(handled / elapsed)
                    await box.post("/_sandbox/reset")
                    share = args.messages // workers
                    elapsed, handled = race([spawn(["--child-raw", str(share), str(i * share)], env)
                                             for i in range(workers)])
                    row["raw"].append(handled / elapsed)
                    print(f"  {workers} worker(s): ours {row['ours'][-1]:,.0f}/s, raw {row['raw'][-1]:,.0f}/s",
                          flush=True)
        await conn.close()
        await store.aclose()
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=20)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
    print(f"\nDispatch throughput, {args.messages:,} emergency pushes per run, {args.in_flight} in flight per "
          f"process, median of {args.rounds} rounds")
    print(f"{'workers':>8} {'ours sends/s':>14} {'raw calls/s':>13} {'ours/raw':>9}")
    for workers, row in results.items():
        ours, raw = statistics.median(row["ours"]), statistics.median(row["raw"])
        print(f"{workers:>8} {ours:>14,.0f} {raw:>13,.0f} {ours / raw:>9.2f}")
    print("every run: each message reached the sandbox exactly once")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-dispatch":
        asyncio.run(child_dispatch(os.environ["BENCH_DB"], os.environ["BENCH_REDIS"], os.environ["BENCH_API"],
                                   int(os.environ["BENCH_IN_FLIGHT"])))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--child-raw":
        asyncio.run(child_raw(os.environ["BENCH_API"], int(sys.argv[2]), int(sys.argv[3]),
                              int(os.environ["BENCH_IN_FLIGHT"])))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--in-flight", type=int, default=8, help="sends in flight per process (ours and raw)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
