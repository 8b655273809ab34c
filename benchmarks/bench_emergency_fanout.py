"""Emergency fan-out: time to enqueue an alert to 1,000,000 generated users on PostgreSQL.

Generates USERS people spread over Sichuan's counties (60 % follow the official account, 15 % have a
mini-program subscribe grant for the alert template, the rest are unreachable), then, per round:
an alert to the whole province (every user), an alert to 成都市 (its share), the live per-region
figures query, and a cancel of the province alert while everything is still queued. The reference is
a bare `INSERT ... SELECT id FROM users` into an unindexed table in the same run: the ratio says what
the reachability test, the JSON payload, the unique key and the outbox's indexes cost.

    .venv/bin/python benchmarks/bench_emergency_fanout.py [--users 1000000] [--rounds 3]

Needs PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres): a scratch
database is created and dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server import db  # noqa: E402
from server.models import Article, PushRequest, User  # noqa: E402
from server.models.enums import EmergencySeverity, EmergencyType, Role  # noqa: E402
from server.push.templates import load_templates  # noqa: E402
from server.services import emergencies, regions  # noqa: E402
from server.settings import Settings  # noqa: E402

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


async def bare_insert(url: str) -> float:
    """The reference: copy every user id into an unindexed table with one INSERT ... SELECT."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("DROP TABLE IF EXISTS bench_bare; CREATE TABLE bench_bare (user_id int)")
        started = time.perf_counter()
        await conn.execute("INSERT INTO bench_bare SELECT id FROM users WHERE region_id LIKE '51%'")
        return time.perf_counter() - started
    finally:
        await conn.close()


async def one_round(admin: User, article: Article) -> dict[str, float]:
    now = datetime.now(UTC)
    common = {"admin": admin, "event_type": EmergencyType.FLOOD, "severity": EmergencySeverity.RED,
              "instruction": "远离河道沟谷，及时转移", "onset": now, "expires_at": now + timedelta(days=1),
              "article_ids": [article.id]}
    started = time.perf_counter()
    province, notice = await emergencies.alert(headline="四川省强降雨应急科普", region_codes=["510000"], **common)
    province_s = time.perf_counter() - started
    started = time.perf_counter()
    _, city_notice = await emergencies.alert(headline="成都市暴雨应急科普", region_codes=["510100"], **common)
    city_s = time.perf_counter() - started
    started = time.perf_counter()
    figures = await emergencies.figures(province.id)
    figures_s = time.perf_counter() - started
    started = time.perf_counter()
    cancelled = await emergencies.cancel(admin=admin, emergency_id=province.id, note="bench")
    cancel_s = time.perf_counter() - started
    assert figures["totals"]["targeted"] == notice.targeted and cancelled.stopped == notice.queued
    await PushRequest.all().delete()
    return {"province_s": province_s, "province_targeted": notice.targeted, "province_queued": notice.queued,
            "city_s": city_s, "city_targeted": city_notice.targeted, "figures_s": figures_s, "cancel_s": cancel_s,
            "regions_reported": len(figures["regions"])}


async def run(args: argparse.Namespace) -> None:
    base = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    name = f"kjy_bench_fanout_{uuid.uuid4().hex[:8]}"
    admin_conn = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1))
    await admin_conn.execute(f'CREATE DATABASE "{name}"')
    url = base.rpartition("/")[0] + "/" + name
    settings = Settings(env="test", database_url=url, secret_key="bench-" + "x" * 40)
    try:
        await db.migrate(settings)
        await db.init_db(settings)
        await regions.load_regions()
        await generate(url, args.users)
        admin = await User.create(role=Role.ADMIN, name="bench-admin")
        article = await Article.create(title="山洪来了怎么办", summary="远离河道，向高处转移")
        rows = []
        for _ in tqdm(range(args.rounds), desc="rounds"):
            rows.append(await one_round(admin, article))
        bare = [await bare_insert(url) for _ in range(args.rounds)]
        await db.close_db()
    finally:
        if args.keep:
            print(f"kept database {name}")
        else:
            await admin_conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin_conn.close()
    med = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
    bare_s = statistics.median(bare)
    print(f"\nEmergency fan-out on PostgreSQL, {args.users:,} users, median of {args.rounds} rounds")
    print(f"  alert 四川省 (510000): {med['province_s']:.2f} s to enqueue {int(med['province_targeted']):,} "
          f"({int(med['province_queued']):,} reachable) = {med['province_targeted'] / med['province_s']:,.0f} rows/s")
    print(f"  alert 成都市 (510100): {med['city_s']:.2f} s for {int(med['city_targeted']):,}")
    print(f"  per-region figures while queued: {med['figures_s'] * 1000:.0f} ms ({int(med['regions_reported'])} "
          "cities)")
    print(f"  cancel (stop {int(med['province_queued']):,} queued): {med['cancel_s']:.2f} s")
    print(f"  reference: bare INSERT ... SELECT of the same ids: {bare_s:.2f} s  -> fan-out/bare = "
          f"{med['province_s'] / bare_s:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database (to EXPLAIN by hand)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
