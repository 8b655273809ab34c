"""Throughput and latency of POST /api/v1/posts and GET /api/v1/posts/{id}.

Runs the real service (`python -m server serve`, WORKERS workers) against PostgreSQL + Redis and
the WeChat sandbox, and POST's floor (floor_posts.py: the same guaranteed work by hand — session,
author, validation, msgSecCheck, post + ticket + event in one transaction, XADD — with bare Sanic +
asyncpg + redis + httpx, the same worker count), loaded alternately (--rounds) by the same asyncio
client in the same run; the ratio to the floor is the figure (goal >= 0.6). Each answer names its
worker (X-Worker) and its SQL statements (X-DB-Statements): both are printed.

    flock /tmp/bench.lock .venv/bin/python benchmarks/bench_api_posts.py   # 2 workers, 3 rounds of 2000, 32 in flight

Both servers run WORKERS processes, each listening on its own SO_REUSEPORT socket (server/listen.py;
the floor through benchmarks/serve_floor.py), and are loaded only once every worker listens; the
service runs with APP_ENV=prod (no access log, like the floor). The load average (os.getloadavg) is
printed before and after: on a shared box only the ratio means much.

Needs PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres, a scratch
database is created and dropped) and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379/14).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import time
import uuid
from pathlib import Path

import aiohttp
import asyncpg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.procs import load_line, start, stop  # noqa: E402
from server.settings import SANDBOX_MP_APPID  # noqa: E402
from tests.conftest import free_port  # noqa: E402


async def load(make_request, *, total: int, concurrency: int) -> dict[str, float]:
    """Send `total` requests with `concurrency` in flight; return rps, p50, p99 (ms)."""
    latencies: list[float] = []
    counter = iter(range(total))
    failures = 0

    async def worker() -> None:
        nonlocal failures
        for i in counter:
            started = time.perf_counter()
            status = await make_request(i)
            latencies.append((time.perf_counter() - started) * 1000)
            failures += status >= 400

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {"rps": total / elapsed, "p50": statistics.median(latencies),
            "p99": latencies[int(len(latencies) * 0.99) - 1], "failures": failures}


async def scratch_database(base: str) -> tuple[str, str]:
    name = f"kjy_bench_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1))
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return base.rpartition("/")[0] + f"/{name}", name


async def drop_database(base: str, name: str) -> None:
    conn = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1))
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


async def run(args: argparse.Namespace) -> None:
    pg = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    db_url, db_name = await scratch_database(pg)
    box_port, api_port, floor_port = free_port(), free_port(), free_port()
    mp_secret = "bench-mp-" + secrets.token_hex(8)  # prod refuses the sandbox's placeholder secrets
    env = {"DATABASE_URL": db_url, "REDIS_URL": redis_url, "WECHAT_API_BASE": f"http://127.0.0.1:{box_port}",
           "PORT": str(api_port), "WORKERS": str(args.workers), "SECRET_KEY": "b" * 40, "APP_ENV": args.app_env,
           "COUNT_STATEMENTS": "1", "WECHAT_MP_SECRET": mp_secret,
           "WECHAT_OA_SECRET": "bench-oa-" + secrets.token_hex(8), "WECHAT_OA_TOKEN": "bench" + secrets.token_hex(6)}
    procs = []
    try:
        procs.append(start([sys.executable, "-m", "server", "sandbox", "--port", str(box_port)], env,
                           f"http://127.0.0.1:{box_port}/_sandbox/health"))
        procs.append(start([sys.executable, "-m", "server", "serve"], env,
                           f"http://127.0.0.1:{api_port}/healthz", workers=args.workers))
        floor_cmd = [sys.executable, "-m", "benchmarks.serve_floor", "benchmarks.floor_posts:app",
                     "--port", str(floor_port), "--workers", str(args.workers)]
        floor_env = {"FLOOR_DATABASE_URL": db_url, "FLOOR_REDIS_URL": redis_url, "FLOOR_SECRET_KEY": "b" * 40,
                     "FLOOR_WECHAT_API_BASE": f"http://127.0.0.1:{box_port}", "FLOOR_MP_APPID": SANDBOX_MP_APPID,
                     "FLOOR_MP_SECRET": mp_secret}
        procs.append(start(floor_cmd, floor_env, f"http://127.0.0.1:{floor_port}/api/v1/posts",
                           workers=args.workers))
        await measure(args, api=f"http://127.0.0.1:{api_port}", floor=f"http://127.0.0.1:{floor_port}")
    finally:
        for proc in reversed(procs):
            stop(proc)
        await drop_database(pg, db_name)


async def measure(args: argparse.Namespace, *, api: str, floor: str) -> None:
    body = {"kind": "need", "title": "李子园土壤酸化板结求助", "region_code": "511529", "tags": ["土壤"],
            "body": "宜宾屏山县李子园近三年土壤酸化、板结严重，果树长势弱，希望得到土壤改良方案。"}
    created: list[int] = []
    seen: dict[str, dict] = {"ours": {"workers": {}, "statements": []}, "floor": {"workers": {}, "statements": []}}
    async with aiohttp.ClientSession(base_url=api, connector=aiohttp.TCPConnector(limit=args.concurrency)) as client, \
            aiohttp.ClientSession(base_url=floor, connector=aiohttp.TCPConnector(limit=args.concurrency)) as bare:
        tokens = []
        for i in range(args.concurrency):
            async with client.post("/api/v1/auth/login", json={"code": f"sandbox-bench{i}"}) as login:
                tokens.append({"Authorization": f"Bearer {(await login.json())['token']}"})

        def poster(session: aiohttp.ClientSession, name: str):
            async def post(i: int) -> int:
                async with session.post("/api/v1/posts", json=body, headers=tokens[i % len(tokens)]) as response:
                    if response.status == 201:
                        created.append((await response.json())["post"]["id"])
                    worker = response.headers.get("X-Worker", "?")
                    seen[name]["workers"][worker] = seen[name]["workers"].get(worker, 0) + 1
                    seen[name]["statements"].append(int(response.headers.get("X-DB-Statements", -1)))
                    return response.status
            return post

        async def read(i: int) -> int:
            url = f"/api/v1/posts/{created[i % len(created)]}"
            async with client.get(url, headers=tokens[i % len(tokens)]) as response:
                await response.read()
                return response.status

        ours_post, floor_post = poster(client, "ours"), poster(bare, "floor")
        await load(ours_post, total=args.concurrency * 4, concurrency=args.concurrency)  # warm-up
        await load(floor_post, total=args.concurrency * 4, concurrency=args.concurrency)
        for side in seen.values():
            side["workers"].clear()
            side["statements"].clear()
        posted, floored = [], []
        for _ in range(args.rounds):
            posted.append(await load(ours_post, total=args.requests, concurrency=args.concurrency))
            floored.append(await load(floor_post, total=args.requests, concurrency=args.concurrency))
        fetched = await load(read, total=args.requests, concurrency=args.concurrency)
    report(args, posted=median_row(posted), floor=median_row(floored), read=fetched)
    print(load_line(args.load))
    for name, side in seen.items():
        print(f"{name}: requests per worker {sorted(side['workers'].values(), reverse=True)}; SQL statements per "
              f"POST median {statistics.median(side['statements']):.0f} (max {max(side['statements'])})")
    print("per round req/s: ours " + ", ".join(f"{r['rps']:.0f}" for r in posted)
          + "; floor " + ", ".join(f"{r['rps']:.0f}" for r in floored))


def median_row(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(row[key] for row in rows) for key in rows[0]}


def report(args: argparse.Namespace, **rows: dict[str, float]) -> None:
    base = rows["floor"]["rps"]
    print(f"workers={args.workers} requests={args.requests} concurrency={args.concurrency} rounds={args.rounds} "
          f"APP_ENV={args.app_env} "
          "(PostgreSQL + Redis + sandbox; one asyncio aiohttp load generator on the same 2-core machine)")
    print(f"{'endpoint (medians of rounds)':<28}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'failures':>10}"
          f"{'vs floor':>10}")
    names = {"posted": "POST /api/v1/posts", "floor": "POST floor (bare by hand)", "read": "GET /api/v1/posts/{id}"}
    for key, row in rows.items():
        print(f"{names[key]:<28}{row['rps']:>10.0f}{row['p50']:>10.1f}{row['p99']:>10.1f}"
              f"{row['failures']:>10}{row['rps'] / base:>10.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--app-env", default="prod", choices=["prod", "dev"],
                        help="prod: no access log (dev logs every request; the floor logs none)")
    args = parser.parse_args()
    args.load = os.getloadavg()
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
