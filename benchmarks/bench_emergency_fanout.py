"""Emergency fan-out: the admin's answer and the time to enqueue an alert to 1,000,000 generated users.

Generates USERS people spread over Sichuan's counties (60 % follow the official account, 15 % have a
mini-program subscribe grant for the alert template, the rest are unreachable), then, per round: the
reference (a bare `INSERT ... SELECT id FROM users` into an unindexed table), an alert to the whole
province (the admin's answer: `emergencies.alert`, what POST /api/v1/admin/emergencies awaits; then the
fan-out as one worker runs it, range by range: one narrow recipient row per person), an alert to 成都市,
the live per-region figures query, a cancel of the province alert while most of it is still waiting, and
a cancel of a third alert after its first range (a fan-out in progress). The ratio fan-out / bare (goal
<= 5x) says what the reachability test, the recipient row and its key cost; a second floor, the same
INSERT ... SELECT into a table shaped like the recipient row but without its key, splits that into the
row's width and the key. Both floors are ordinary logged tables (the outbox's durability). The push
requests are written by the dispatcher as it sends (push.broadcast): the drain below pays for them.

Exactly-once check: every targeted person holds one recipient row per alert, a cancelled fan-out writes
nothing after the cancel, the cancel's count equals the figures' cancelled, and a sample of the queue
(--drain rows) drained by the real dispatcher against the WeChat sandbox (a subprocess, over HTTP) writes
and sends each of its push requests once, to its person, with the template data filled in from the
alert's broadcast. Exits 1 otherwise.

    .venv/bin/python benchmarks/bench_emergency_fanout.py [--users 1000000] [--rounds 3] [--drain 2000]

Needs PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres): a scratch
database is created and dropped; and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379/9, flushed)
for the dispatcher's rate counter.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
from redis.asyncio import Redis
from tortoise import connections
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server import db  # noqa: E402
from server.models import Article, EmergencyNotice, PushAttempt, PushBroadcast, PushRequest, User  # noqa: E402
from server.models.enums import EmergencySeverity, EmergencyType, PushStatus, Role  # noqa: E402
from server.models.outbox import key_of  # noqa: E402
from server.push import dispatch  # noqa: E402
from server.push.templates import load_templates  # noqa: E402
from server.services import emergencies, emergency_fanout, regions  # noqa: E402
from server.services.commands import NewEmergency  # noqa: E402
from server.settings import Settings  # noqa: E402
from server.wechat.client import WeChatClients, build_clients  # noqa: E402

CHUNK = 100_000


async def generate(url: str, users: int) -> None:
    """Insert the people with generate_series, in chunks (with a progress bar)."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        counties = [r["code"] for r in await conn.fetch(
            "SELECT code FROM regions WHERE code LIKE '51%' AND level = 'county' ORDER BY code")]
        mp_template = load_templates()["emergency_alert"].template_ids["mp_subscribe"]
        with tqdm(total=users, desc="users", unit="user", unit_scale=True) as bar:
            for start in range(1, users + 1, CHUNK):
                stop = min(start + CHUNK - 1, users)
                # Skewed: a quarter of everyone lives in the first 20 counties (成都's districts come first).
                await conn.execute(
                    "INSERT INTO users (mp_openid, oa_openid, unionid, role, name, organisation, title, discipline, "
                    "region_id, interests, follows_oa, created_at, updated_at, password_hash) "
                    "SELECT 'bench-mp-' || g, CASE WHEN g % 20 < 12 THEN 'bench-oa-' || g END, NULL, 'citizen', '', "
                    "'', '', '', ($3::text[])[1 + CASE WHEN g % 4 = 0 THEN g % 20 ELSE g % array_length($3, 1) END], "
                    "'[]'::jsonb, g % 20 < 12, now(), now(), '' FROM generate_series($1::int, $2::int) g",
                    start, stop, counties)
                await conn.execute(
                    "INSERT INTO subscribe_quotas (user_id, template_id, remaining, updated_at) "
                    "SELECT id, $3, 1, now() FROM users WHERE id BETWEEN $1 AND $2 AND NOT follows_oa "
                    "AND id % 8 < 3", start, stop, mp_template)
                bar.update(stop - start + 1)
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def floors(url: str) -> tuple[float, float]:
    """The references, in seconds: the same user ids copied by one INSERT ... SELECT into (a) a table of one
    int column, (b) a table shaped like a fan-out's recipient row; both logged and without any index."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("SET jit = off")
        await conn.execute("DROP TABLE IF EXISTS bench_bare; CREATE TABLE bench_bare (user_id int)")
        started = time.perf_counter()
        await conn.execute("INSERT INTO bench_bare SELECT id FROM users WHERE region_id LIKE '51%'")
        bare_s = time.perf_counter() - started
        await conn.execute("DROP TABLE IF EXISTS bench_narrow; CREATE TABLE bench_narrow (LIKE push_recipients "
                           "INCLUDING DEFAULTS)")
        started = time.perf_counter()
        await conn.execute("INSERT INTO bench_narrow (key, user_id, region_code, reachable) "
                           "SELECT 4294967296 + id, id, region_id, follows_oa FROM users WHERE region_id LIKE '51%'")
        narrow_s = time.perf_counter() - started
        await conn.execute("DROP TABLE bench_bare; DROP TABLE bench_narrow")
        return bare_s, narrow_s
    finally:
        await conn.close()


async def exactly_once(notice_id: int, region_prefix: str) -> bool:
    """Every person of the region registered at the alert holds exactly one recipient row of it."""
    notice = await EmergencyNotice.get(id=notice_id)
    shared = await PushBroadcast.get(kind=emergencies.KIND, cause=emergencies.cause_of(notice))
    conn = connections.get("default")
    [row] = await conn.execute_query_dict(
        "SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS people FROM push_recipients WHERE key > $1 AND key < $2",
        [key_of(shared.id), key_of(shared.id + 1)])
    [audience] = await conn.execute_query_dict(
        "SELECT COUNT(*) AS n FROM users WHERE region_id LIKE $1 AND id <= $2",
        [region_prefix + "%", notice.fanout_upto])
    return row["n"] == row["people"] == audience["n"] == notice.targeted


async def alert_and_fan_out(admin: User, headline: str, region: str, common: dict) -> dict:
    """The admin's answer, then the fan-out as a worker runs it."""
    started = time.perf_counter()
    async with db.transaction():  # as the admin API does
        emergency, notice = await emergencies.alert(
            admin=admin, command=NewEmergency(headline=headline, region_codes=[region], **common))
    answer_s = time.perf_counter() - started
    ranges = await emergency_fanout.work()
    fanout_s = time.perf_counter() - started - answer_s
    await notice.refresh_from_db()
    return {"emergency": emergency, "notice": notice, "answer_s": answer_s, "fanout_s": fanout_s, "ranges": ranges}


async def cancel_in_progress(admin: User, common: dict) -> tuple[float, bool]:
    """Cancel an alert after its first range; return the cancel's time and whether nothing came after it."""
    async with db.transaction():
        emergency, notice = await emergencies.alert(
            admin=admin, command=NewEmergency(headline="四川省山洪应急科普（撤销）", region_codes=["510000"], **common))
    leased = await emergency_fanout.claim(now=datetime.now(UTC))
    await emergency_fanout.write_range(leased.id, emergency_id=emergency.id)
    started = time.perf_counter()
    await emergencies.cancel(admin=admin, emergency_id=emergency.id, note="bench")
    cancel_s = time.perf_counter() - started
    before = await recipients(notice)
    await emergency_fanout.write_range(leased.id, emergency_id=emergency.id)  # the worker's next range
    after = await recipients(notice)
    first_range = await User.filter(id__lte=min(emergency_fanout.CHUNK, leased.fanout_upto),
                                    region_id__startswith="51").count()
    return cancel_s, before == after == first_range


async def recipients(notice: EmergencyNotice) -> int:
    shared = await PushBroadcast.get(kind=emergencies.KIND, cause=emergencies.cause_of(notice))
    [row] = await connections.get("default").execute_query_dict(
        "SELECT COUNT(*) AS n FROM push_recipients WHERE key > $1 AND key < $2",
        [key_of(shared.id), key_of(shared.id + 1)])
    return int(row["n"])


async def drain_sample(clients: WeChatClients, store: Redis, sandbox: httpx.AsyncClient, *, rows: int,
                       headlines: set[str]) -> tuple[int, float, bool]:
    """Drain about `rows` of the queue through the dispatcher; return (handled, seconds, sent exactly once)."""
    await sandbox.post("/_sandbox/reset")
    worker, started, total = f"bench-{uuid.uuid4().hex[:8]}", time.perf_counter(), 0
    while total < rows and (done := await dispatch.dispatch_batch(worker=worker, clients=clients, store=store,
                                                                   mp_appid=clients.mp.appid, rate=1_000_000,
                                                                   limit=min(200, rows - total))):
        total += done
    seconds = time.perf_counter() - started
    handled = await PushRequest.filter(claimed_by=worker).values_list("id", flat=True)
    sent = await PushRequest.filter(id__in=handled, status=PushStatus.SENT).values_list("id", "user_id")
    attempts = Counter(await PushAttempt.filter(request_id__in=handled).values_list("request_id", flat=True))
    messages = (await sandbox.get("/_sandbox/outbox")).json()["messages"]
    per_message = Counter((m["touser"], m["payload"]["data"]["thing1"]["value"]) for m in messages)
    once = (len(messages) == len(sent) and all(attempts[i] == 1 for i, _ in sent) and set(per_message.values()) <= {1}
            and {title for _, title in per_message} <= headlines)
    return len(handled), seconds, once


async def one_round(admin: User, article: Article, url: str, drain: tuple[WeChatClients, Redis, httpx.AsyncClient],
                    drain_rows: int) -> dict[str, float]:
    bare_s, narrow_s = await floors(url)  # alternated with ours, round by round
    now = datetime.now(UTC)
    common = {"event_type": EmergencyType.FLOOD, "severity": EmergencySeverity.RED,
              "instruction": "远离河道沟谷，及时转移", "onset": now, "expires_at": now + timedelta(days=1),
              "article_ids": [article.id]}
    province = await alert_and_fan_out(admin, "四川省强降雨应急科普", "510000", common)
    city = await alert_and_fan_out(admin, "成都市暴雨应急科普", "510100", common)
    once = await exactly_once(province["notice"].id, "51") and await exactly_once(city["notice"].id, "5101")
    broadcasts = await PushBroadcast.filter(cause__in=[emergencies.cause_of(province["notice"]),
                                                       emergencies.cause_of(city["notice"])]).count()
    drained, drain_s, drained_once = await drain_sample(*drain, rows=drain_rows,
                                                        headlines={"四川省强降雨应急科普", "成都市暴雨应急科普"})
    started = time.perf_counter()
    figures = await emergencies.figures(province["emergency"].id)
    figures_s = time.perf_counter() - started
    started = time.perf_counter()
    cancelled = await emergencies.cancel(admin=admin, emergency_id=province["emergency"].id, note="bench")
    cancel_s = time.perf_counter() - started
    assert figures.totals["targeted"] == province["notice"].targeted
    after = await emergencies.figures(province["emergency"].id)
    stopped_right = (cancelled.stopped == after.totals["cancelled"] and after.totals["pending"] == 0
                     and after.totals["targeted"] == province["notice"].targeted)
    midway_s, midway_clean = await cancel_in_progress(admin, common)
    await connections.get("default").execute_script("TRUNCATE push_requests, push_recipients, push_attempts")
    row = {"bare_s": bare_s, "narrow_floor_s": narrow_s, "answer_s": province["answer_s"],
           "province_s": province["fanout_s"], "province_targeted": province["notice"].targeted,
           "province_queued": province["notice"].queued, "ranges": province["ranges"],
           "city_answer_s": city["answer_s"], "city_s": city["fanout_s"], "city_targeted": city["notice"].targeted,
           "figures_s": figures_s, "cancel_s": cancel_s, "stopped": cancelled.stopped, "midway_cancel_s": midway_s,
           "regions_reported": len(figures.regions), "drained": drained, "drain_s": drain_s,
           "exactly_once": float(once and midway_clean and drained_once and broadcasts == 2 and stopped_right)}
    tqdm.write(f"  round: ours {row['province_s']:.2f} s, bare {bare_s:.2f} s -> {row['province_s'] / bare_s:.1f}x "
               f"(narrow unindexed floor {narrow_s:.2f} s -> {row['province_s'] / narrow_s:.1f}x); admin's answer "
               f"{row['answer_s'] * 1000:.0f} ms; drained {drained:,} in {drain_s:.1f} s; exactly once: "
               f"{'yes' if row['exactly_once'] else 'NO'}")
    return row


def start_sandbox() -> tuple[subprocess.Popen, str]:
    """The WeChat sandbox on a free port, as the tests run it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "server", "sandbox", "--port", str(port)], cwd=ROOT,
                            env={**os.environ, "SANDBOX_PORT": str(port)}, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{url}/_sandbox/health").status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the sandbox did not start")


async def run(args: argparse.Namespace) -> None:
    base = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    name = f"kjy_bench_fanout_{uuid.uuid4().hex[:8]}"
    admin_conn = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1))
    await admin_conn.execute(f'CREATE DATABASE "{name}"')
    url = base.rpartition("/")[0] + "/" + name
    sandbox_proc, sandbox_url = start_sandbox()
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
    settings = Settings(env="test", database_url=url, secret_key="bench-" + "x" * 40, redis_url=redis_url,
                        wechat_api_base=sandbox_url)
    store = Redis.from_url(redis_url)
    await store.flushdb()
    clients = build_clients(settings, store)
    try:
        await db.migrate(settings)
        await db.init_db(settings)
        await regions.load_regions()
        await generate(url, args.users)
        admin = await User.create(role=Role.ADMIN, name="bench-admin")
        article = await Article.create(title="山洪来了怎么办", summary="远离河道，向高处转移")
        rows = []
        async with httpx.AsyncClient(base_url=sandbox_url, timeout=30) as sandbox:
            for _ in tqdm(range(args.rounds), desc="rounds"):
                rows.append(await one_round(admin, article, url, (clients, store, sandbox), args.drain))
        await db.close_db()
    finally:
        await clients.oa.aclose()
        await clients.mp.aclose()
        await store.flushdb()
        await store.aclose()
        sandbox_proc.terminate()
        sandbox_proc.wait(timeout=10)
        if args.keep:
            print(f"kept database {name}")
        else:
            await admin_conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin_conn.close()
    med = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
    print(f"\nEmergency fan-out on PostgreSQL, {args.users:,} users, median of {args.rounds} rounds "
          f"(ranges of {emergency_fanout.CHUNK:,} user ids)")
    print(f"  admin's answer (queue the alert): 四川省 {med['answer_s'] * 1000:.0f} ms, 成都市 "
          f"{med['city_answer_s'] * 1000:.0f} ms  (goal < 200 ms)")
    print(f"  fan-out 四川省 (510000) by one worker: {med['province_s']:.2f} s for {int(med['province_targeted']):,} "
          f"({int(med['province_queued']):,} reachable) in {int(med['ranges'])} ranges = "
          f"{med['province_targeted'] / med['province_s']:,.0f} rows/s")
    print(f"  fan-out 成都市 (510100): {med['city_s']:.2f} s for {int(med['city_targeted']):,}")
    print(f"  per-region figures while queued: {med['figures_s'] * 1000:.0f} ms ({int(med['regions_reported'])} "
          "cities)")
    print(f"  cancel (stop {int(med['stopped']):,} waiting): {med['cancel_s']:.2f} s; "
          f"cancel in progress (after one range): {med['midway_cancel_s'] * 1000:.0f} ms")
    print(f"  reference: bare INSERT ... SELECT of the same ids: {med['bare_s']:.2f} s  -> fan-out/bare = "
          f"{med['province_s'] / med['bare_s']:.1f}x  (goal <= 5x); the same into an unindexed table shaped like "
          f"the recipient row: {med['narrow_floor_s']:.2f} s -> {med['province_s'] / med['narrow_floor_s']:.1f}x")
    print("  per round (ours / bare): " + ", ".join(f"{r['province_s'] / r['bare_s']:.1f}x" for r in rows))
    print(f"  dispatcher drain of a sample against the sandbox (writing the push requests as it claims): "
          f"{int(med['drained']):,} rows in {med['drain_s']:.1f} s")
    once = all(r["exactly_once"] for r in rows)
    print("  exactly once (one recipient per person and alert; nothing written after a cancel; the cancel's "
          f"count = the figures' cancelled; each drained row written and sent once with its broadcast's data): "
          f"{'yes' if once else 'NO'}")
    if not once:
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--drain", type=int, default=2000, help="queued rows to send through the dispatcher")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database (to EXPLAIN by hand)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
