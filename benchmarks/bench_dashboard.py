"""Latency of the regional dashboard (server.services.dashboard.overview) at the platform's size.

Creates a scratch PostgreSQL database, migrates it, loads the regions, bulk-generates people, posts,
tickets with their timelines, matches and push requests with INSERT ... SELECT over generate_series
(skewed over Sichuan's counties: Chengdu's first), runs VACUUM ANALYZE, then times overview() for the
province (510000), a city (510100) and a county (510104) over the last 90 days, first with every figure
live, then after the nightly push snapshot (`snapshot-push-days`), and prints p50/p95 per request
and, for each SQL query of one province request, the indexes its plan uses (EXPLAIN ANALYZE, BUFFERS)
with any Seq Scan on a big table flagged (the snapshot's own small ORM query is not listed).
The database is dropped at the end.

    .venv/bin/python benchmarks/bench_dashboard.py [--users 300000 --posts 400000 --tickets 80000] [--runs 20]

PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); --keep leaves the database.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
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
from server.models import PushDayCount  # noqa: E402
from server.services import dashboard, regions  # noqa: E402
from server.settings import Settings  # noqa: E402

BIG_TABLES = {"users", "posts", "tickets", "ticket_events", "matches", "push_requests", "push_day_counts"}
TARGETS = [("province", "510000"), ("city", "510100"), ("county", "510104")]
PERIOD_DAYS = 90
HISTORY = "730 days"  # people, posts and tickets spread over two years; pushes over one


def steps(args: argparse.Namespace) -> list[tuple[str, str]]:
    """Return (label, SQL) for every generation step; the counties' skew is random()^2 over their codes."""
    u, p, t = args.users, args.posts, args.tickets
    staff = max(50, u // 150)
    pick = "1 + floor((SELECT n FROM bench_c) * power(random(), 2))::int"
    def ago(n: int) -> str:  # row i of n: i/n of the way through the history (ids follow time, as in life)
        return f"now() - interval '{HISTORY}' * (1 - i::float / {n}) + random() * interval '1 hour'"
    user_cols = ("role, name, organisation, title, discipline, interests, follows_oa, created_at, updated_at, "
                 "password_hash, region_id, mp_openid")

    def authors(role: str) -> str:
        return (f"CREATE TEMP TABLE bench_{role} AS SELECT row_number() OVER () AS idx, id, region_id "
                f"FROM users WHERE role = '{role}'")

    def posts(kind: str, role: str, share: float) -> str:
        return (f"INSERT INTO posts (kind, offer_type, title, body, tags, status, close_reason, review_state, "
                "review_note, created_at, updated_at, author_id, region_id) "
                f"SELECT '{kind}', {'$$service$$' if kind == 'offer' else 'NULL'}, '{kind} ' || g.i, '正文', '[]', "
                "CASE WHEN random() < 0.05 THEN 'closed' ELSE 'published' END, '', "
                "CASE WHEN random() < 0.02 THEN 'rejected' ELSE 'passed' END, '', g.at, g.at, a.id, a.region_id "
                f"FROM (SELECT i, {ago(int(p * share))} AS at, "
                f"1 + floor(random() * (SELECT count(*) FROM bench_{role}))::int AS ai "
                f"FROM generate_series(1, {int(p * share)}) i) g JOIN bench_{role} a ON a.idx = g.ai")
    stage = "(ARRAY['published','matched','contacted','negotiating','signed','landed'])"
    return [
        ("counties", "CREATE TEMP TABLE bench_counties AS SELECT row_number() OVER (ORDER BY code) AS idx, code "
                     "FROM regions WHERE level = 'county' AND code BETWEEN '510000' AND '519999'; "
                     "CREATE TEMP TABLE bench_c AS SELECT count(*) AS n FROM bench_counties"),
        ("users", f"INSERT INTO users ({user_cols}) SELECT CASE WHEN g.i <= {staff} THEN 'staff' "
                  "WHEN g.r < 0.6 THEN 'citizen' WHEN g.r < 0.85 THEN 'scientist' ELSE 'organisation' END, "
                  "'用户' || g.i, '', '', '', '[]', g.r < 0.5, g.at, g.at, '', c.code, 'bench-' || g.i "
                  f"FROM (SELECT i, random() AS r, {ago(u)} AS at, {pick} AS ci FROM generate_series(1, {u}) i) g "
                  "JOIN bench_counties c ON c.idx = g.ci"),
        ("staff profiles", "INSERT INTO staff_profiles (capacity, away, region_id, user_id) "
                           "SELECT 50, random() < 0.05, CASE WHEN random() < 0.1 THEN substr(region_id, 1, 4) || '00' "
                           "ELSE region_id END, id FROM users WHERE role = 'staff'"),
        ("author pools", "; ".join(authors(r) for r in ("organisation", "citizen", "scientist", "staff"))),
        ("needs", posts("need", "organisation", 0.45)),
        ("questions", posts("question", "citizen", 0.25)),
        ("offers", posts("offer", "scientist", 0.30)),
        # A plan per ticket: how far it got (0 published .. 5 landed), whether it was closed, its pace. The
        # sample is drawn first: random() beside ORDER BY random() would be correlated with the sort key.
        ("ticket plans", "CREATE TEMP TABLE bench_plan AS SELECT p.id AS post_id, p.author_id, p.region_id, "
                         "p.created_at, (ARRAY[0,0,0,1,2,2,3,3,4,5])[1 + floor(random() * 10)::int] AS reach, "
                         "random() < 0.08 AS closed, interval '1 hour' * (2 + random() * 96) AS pace, "
                         "1 + floor(random() * (SELECT count(*) FROM bench_staff))::int AS si FROM (SELECT id, "
                         "author_id, region_id, created_at FROM posts WHERE kind IN ('need', 'question') "
                         f"ORDER BY random() LIMIT {t}) p"),
        ("tickets", "INSERT INTO tickets (status, plan_step, plan_due, close_reason, rating_comment, assigned_at, "
                    "first_contact_at, stage_since, created_at, updated_at, concierge_id, poster_id, region_id, "
                    "post_id) "
                    f"SELECT CASE WHEN b.closed THEN 'closed' ELSE {stage}[b.reach + 1] END, '', "
                    "CASE WHEN random() < 0.5 THEN (b.created_at + b.pace * (b.reach + 2))::date END, '', '', "
                    "b.created_at + interval '10 minutes', CASE WHEN b.reach >= 2 THEN b.created_at + b.pace * 2 END, "
                    "b.created_at + b.pace * b.reach, b.created_at, b.created_at, s.id, b.author_id, b.region_id, "
                    "b.post_id FROM bench_plan b JOIN bench_staff s ON s.idx = b.si ORDER BY b.created_at"),
        ("opened events", "INSERT INTO ticket_events (kind, to_status, note, internal, created_at, ticket_id) "
                          "SELECT 'opened', 'published', '', false, created_at, id FROM tickets ORDER BY id"),
        ("status events", "INSERT INTO ticket_events (kind, from_status, to_status, note, internal, created_at, "
                          f"ticket_id, actor_id) SELECT 'status', {stage}[k], {stage}[k + 1], '', false, "
                          "b.created_at + b.pace * k, t.id, t.concierge_id FROM bench_plan b "
                          "JOIN tickets t ON t.post_id = b.post_id CROSS JOIN LATERAL generate_series(1, b.reach) k "
                          "ORDER BY 6"),
        ("closed events", "INSERT INTO ticket_events (kind, from_status, to_status, note, internal, created_at, "
                          f"ticket_id) SELECT 'closed', {stage}[b.reach + 1], 'closed', '', false, "
                          "b.created_at + b.pace * (b.reach + 1), t.id FROM bench_plan b "
                          "JOIN tickets t ON t.post_id = b.post_id WHERE b.closed"),
        ("post statuses", f"UPDATE posts p SET status = CASE WHEN b.closed THEN 'closed' ELSE {stage}[b.reach + 1] END "
                          "FROM bench_plan b WHERE p.id = b.post_id"),
        ("offer pool", "CREATE TEMP TABLE bench_offer AS SELECT row_number() OVER () AS idx, id FROM posts "
                       "WHERE kind = 'offer'"),
        # Two candidate offers per ticketed demand; the first is accepted once the ticket got anywhere.
        ("matches", "INSERT INTO matches (origin_post_id, score, method, rank, keywords, status, reason, created_at, "
                    "updated_at, demand_id, supply_post_id) SELECT x.post_id, random(), 'doc2vec', x.k, '[]', "
                    "CASE WHEN x.reach >= 1 AND x.k = 1 THEN 'accepted' WHEN random() < 0.3 THEN 'declined' "
                    "ELSE 'proposed' END, '', x.created_at + interval '1 hour', x.created_at + interval '1 hour', "
                    "x.post_id, o.id FROM (SELECT b.post_id, b.reach, b.created_at, k, "
                    "1 + floor(random() * (SELECT count(*) FROM bench_offer))::int AS oi "
                    "FROM bench_plan b CROSS JOIN generate_series(1, 2) k) x JOIN bench_offer o ON o.idx = x.oi "
                    "ON CONFLICT DO NOTHING"),
        ("fan-out pushes", "INSERT INTO push_requests (kind, cause, data, priority, status, due_at, attempts, "
                           "last_error, created_at, updated_at, user_id, region_code) "
                           "SELECT 'emergency', 'emergency:' || e, '{}', 0, (ARRAY['sent','sent','sent','sent','sent',"
                           "'sent','sent','sent','unreachable','failed','pending','cancelled'])"
                           "[1 + floor(random() * 12)::int], ev.at, 1, '', ev.at + random() * interval '1 hour', "
                           "ev.at, u.id, u.region_id FROM generate_series(1, 12) e "
                           "CROSS JOIN LATERAL (SELECT now() - random() * interval '365 days' + e * interval '0' "
                           "AS at) ev "
                           "JOIN users u ON u.role <> 'staff' AND random() < 0.25 ORDER BY 9"),
        ("match pushes", "INSERT INTO push_requests (kind, cause, data, priority, status, due_at, attempts, "
                         "last_error, created_at, updated_at, user_id) SELECT 'match_found', 'match:' || m.id, '{}', "
                         "5, CASE WHEN random() < 0.9 THEN 'sent' ELSE 'failed' END, m.created_at, 1, '', "
                         "m.created_at, m.created_at, o.author_id FROM matches m "
                         "JOIN posts o ON o.id = m.supply_post_id"),
        ("reminders", "INSERT INTO push_requests (kind, cause, data, priority, status, due_at, attempts, last_error, "
                      "created_at, updated_at, user_id) SELECT 'followup_reminder', 'ticket-assigned:' || t.id, '{}', "
                      "5, 'sent', t.assigned_at, 1, '', t.assigned_at, t.assigned_at, t.concierge_id FROM tickets t"),
    ]


async def load(url: str, args: argparse.Namespace) -> dict[str, int]:
    """Run the generation steps with a progress bar; return the table sizes."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        for label, sql in tqdm(steps(args), desc="generating", unit="step"):
            tqdm.write(f"  {label}")
            await conn.execute(sql)
        with tqdm(total=1, desc="VACUUM ANALYZE") as bar:
            await conn.execute("VACUUM ANALYZE")
            bar.update()
        return {t: await conn.fetchval(f'SELECT count(*) FROM "{t}"') for t in sorted(BIG_TABLES)}
    finally:
        await conn.close()


def walk(node: dict) -> list[dict]:
    return [node, *(n for child in node.get("Plans", []) for n in walk(child))]


async def explain(captured: list[tuple[str, str, list]]) -> None:
    """Print, per query, its execution time, the indexes it uses and any Seq Scan on a big table."""
    from tortoise import connections

    conn = connections.get("default")
    print("\nEXPLAIN (ANALYZE, BUFFERS) of one province request:")
    for name, query, values in captured:
        rows = await conn.execute_query_dict("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query, values)
        raw = rows[0]["QUERY PLAN"]
        plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]
        nodes = walk(plan["Plan"])
        indexes = sorted({n["Index Name"] for n in nodes if "Index Name" in n})
        seq = sorted({n["Relation Name"] for n in nodes if n["Node Type"] == "Seq Scan"
                      and n.get("Relation Name") in BIG_TABLES})
        hits = plan["Plan"].get("Shared Hit Blocks", 0)
        flag = f"  SEQ SCAN on {', '.join(seq)}" if seq else ""
        print(f"  {name:<18} {plan['Execution Time']:8.1f} ms  buffers hit {hits:>7}  "
              f"indexes: {', '.join(indexes) or '-'}{flag}")


def capture() -> list[tuple[str, str, list]]:
    """Record every query overview() sends (name of the calling function, SQL, values)."""
    captured: list[tuple[str, str, list]] = []
    original = dashboard._rows

    async def recording(query: str, values: list) -> list[dict]:
        captured.append((inspect.stack()[1].function.strip("_"), query, list(values)))
        return await original(query, values)

    dashboard._rows = recording
    return captured


async def measure(args: argparse.Namespace, *, explain_queries: bool) -> None:
    until = datetime.now(UTC).date()
    since = until - timedelta(days=PERIOD_DAYS - 1)
    print(f"\noverview() over {since} .. {until}, {args.runs} runs each (after one warm-up):")
    for label, code in TARGETS:
        await dashboard.overview(code, since=since, until=until)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            data = await dashboard.overview(code, since=since, until=until)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
        funnel = [s["count"] for s in data["funnel"]["need"]]
        print(f"  {label:<8} {code}  p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
              f"need funnel {funnel}  rates {data['rates']['acquisition']['value']}/"
              f"{data['rates']['supply']['value']}  children {len(data['children'])}")
    if explain_queries:
        captured = capture()
        await dashboard.overview("510000", since=since, until=until)
        await explain(captured)


async def run(args: argparse.Namespace) -> None:
    name = f"kjy_bench_dash_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.pg.replace("postgres://", "postgresql://", 1))
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = args.pg.rpartition("/")[0] + f"/{name}"
    try:
        settings = Settings(env="test", database_url=url, secret_key="bench-secret-key-" + "x" * 32)
        await db.migrate(settings)
        await db.init_db(settings)
        await regions.load_regions()
        started = time.perf_counter()
        sizes = await load(url, args)
        print(f"loaded in {time.perf_counter() - started:.0f} s: " + ", ".join(f"{t} {n:,}" for t, n in sizes.items()))
        print("\n-- every figure live (no push snapshot yet) --")
        await measure(args, explain_queries=False)
        started = time.perf_counter()
        days = await dashboard.snapshot_push_days()
        print(f"\nsnapshot-push-days: {days} days written in {time.perf_counter() - started:.1f} s "
              f"({await PushDayCount.all().count():,} rows)")
        print("-- with the nightly push snapshot (settled days from push_day_counts, the last two live) --")
        await measure(args, explain_queries=True)
    finally:
        await db.close_db()
        if args.keep:
            print(f"kept database {name}")
        else:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=300_000)
    parser.add_argument("--posts", type=int, default=400_000)
    parser.add_argument("--tickets", type=int, default=80_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="leave the scratch database for inspection")
    parser.add_argument("--pg", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
