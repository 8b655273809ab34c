"""Latency of the regional dashboard (server.services.metrics.overview.dashboard, the one service call behind
the console's /console/ page and /console/api/overview) at the platform's size, with the nightly snapshots
and with every figure live.

Creates a scratch PostgreSQL database, migrates it, loads the regions, bulk-generates with a fixed seed
(setseed; triggers off while loading) people, posts, tickets with their timelines, matches and push
requests with INSERT ... SELECT over generate_series (skewed over Sichuan's counties: Chengdu's first) --
by default 300 k people, 400 k posts, 80 k tickets and about 1.1 M pushes -- runs VACUUM ANALYZE, then the
nightly jobs (snapshot-push-days, snapshot-metric-days), checks that both modes give the same answer, and
times the dashboard for the province (510000), a city (510100) and a county (510104) over the last 90
days, alternating a run with the snapshots and a run with every figure live. Prints p50/p95 of each mode,
the ratio, and the SQL statements per request. The database is dropped at the end.

    flock /tmp/bench.lock .venv/bin/python benchmarks/bench_dashboard.py
        [--users 300000 --posts 400000 --tickets 80000] [--runs 30]   (the defaults: the platform's size)

The machine's load average is printed before and after the timings (report it with every figure).

    --per-query CODE   after the timings, replay each SQL statement of one request for CODE (snapshots; the
                       province: 510000) alone on one connection, 5 times, and print its median and the
                       request's statements in the order sent (which figures cost what)

PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); --keep leaves the database.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tortoise.log import db_client_logger  # noqa: E402

from server import db  # noqa: E402
from server.models import MetricDayCount, PushDayCount  # noqa: E402
from server.services import regions  # noqa: E402
from server.services.metrics import overview, snapshots  # noqa: E402
from server.services.metrics import tickets as ticket_figures  # noqa: E402
from server.settings import Settings  # noqa: E402

BIG_TABLES = {"users", "posts", "tickets", "ticket_events", "matches", "push_requests"}
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
                         "JOIN posts o ON o.id = m.supply_post_id ORDER BY m.created_at"),
        ("reminders", "INSERT INTO push_requests (kind, cause, data, priority, status, due_at, attempts, last_error, "
                      "created_at, updated_at, user_id) SELECT 'followup_reminder', 'ticket-assigned:' || t.id, '{}', "
                      "5, 'sent', t.assigned_at, 1, '', t.assigned_at, t.assigned_at, t.concierge_id FROM tickets t"),
    ]


async def load(url: str, args: argparse.Namespace) -> dict[str, int]:
    """Run the generation steps with a progress bar; return the table sizes."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("SELECT setseed(0.17)")  # a fixed seed: the same data set every run
        # Generated history is counted by the nightly job afterwards: the stale-day triggers need not fire.
        await conn.execute("SET session_replication_role = replica")
        for label, sql in tqdm(steps(args), desc="generating", unit="step"):
            tqdm.write(f"  {label}")
            await conn.execute(sql)
        with tqdm(total=1, desc="VACUUM ANALYZE") as bar:
            await conn.execute("VACUUM ANALYZE")
            bar.update()
        return {t: await conn.fetchval(f'SELECT count(*) FROM "{t}"') for t in sorted(BIG_TABLES)}
    finally:
        await conn.close()


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


async def request(code: str, *, since: date, until: date, live: bool) -> tuple[float, int, dict]:
    """Time one dashboard request; return milliseconds, statements sent and the answer."""
    with db.count_statements() as seen:
        started = time.perf_counter()
        data = await overview.dashboard(code, since=since, until=until, live=live)
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, len(seen), data


async def measure(args: argparse.Namespace) -> None:
    until = datetime.now(UTC).astimezone(snapshots.BEIJING).date()
    since = until - timedelta(days=PERIOD_DAYS - 1)
    print(f"\ndashboard over {since} .. {until} (and the 90 days before, for the cards), {args.runs} runs of each "
          "mode, alternating, after one warm-up of each:")
    print(f"  {'':<8} {'':<6}  {'snapshots p50':>13} {'p95':>7}  {'live p50':>9} {'p95':>7}  {'p95 live/snap':>13}  "
          "statements snap/live")
    for label, code in TARGETS:
        _, _, snap = await request(code, since=since, until=until, live=False)
        _, _, live = await request(code, since=since, until=until, live=True)
        assert snap == live, f"{label}: the snapshots and the live computation disagree"
        times: dict[bool, list[float]] = {False: [], True: []}
        statements: dict[bool, int] = {}
        for _ in range(args.runs):
            for mode in (False, True):
                elapsed, sent, _ = await request(code, since=since, until=until, live=mode)
                times[mode].append(elapsed)
                statements[mode] = sent
        p50 = {mode: statistics.median(found) for mode, found in times.items()}
        p95 = {mode: percentile(found, 0.95) for mode, found in times.items()}
        print(f"  {label:<8} {code}  {p50[False]:10.1f} ms {p95[False]:7.1f}  {p50[True]:6.1f} ms {p95[True]:7.1f}  "
              f"{p95[True] / p95[False]:12.1f}x  {statements[False]}/{statements[True]}")
    funnel = [s["count"] for s in snap["funnel"]["need"]]
    print(f"  (the county's need funnel {funnel}, rates {snap['rates']['acquisition']['value']}/"
          f"{snap['rates']['supply']['value']}; both modes gave the same answer for every target)")


class _Sent(logging.Handler):
    """Keeps each statement tortoise sends with its parameters (tortoise logs them at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.sent: list[tuple[str, list]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and len(record.args) == 2 and isinstance(record.args[0], str):
            self.sent.append((record.args[0], list(record.args[1] or [])))


async def per_query(url: str, code: str) -> None:
    """Time each statement of one snapshot request for `code` alone (median of 5) and the whole request alone."""
    until = datetime.now(UTC).astimezone(snapshots.BEIJING).date()
    since = until - timedelta(days=PERIOD_DAYS - 1)
    sent = _Sent()
    db_client_logger.addHandler(sent)
    try:
        alone = []
        for _ in range(5):
            sent.sent.clear()
            started = time.perf_counter()
            await overview.dashboard(code, since=since, until=until)
            alone.append((time.perf_counter() - started) * 1000)
    finally:
        db_client_logger.removeHandler(sent)
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        print(f"\n{code}: the whole request timed alone, median of 5: {statistics.median(alone):.0f} ms; "
              f"each of its {len(sent.sent)} statements alone (median of 5):")
        total = 0.0
        for query, values in sent.sent:
            times = []
            for _ in range(5):
                started = time.perf_counter()
                await conn.fetch(query, *values)
                times.append((time.perf_counter() - started) * 1000)
            total += statistics.median(times)
            print(f"  {statistics.median(times):6.1f} ms  {' '.join(query.split())[:110]}")
        print(f"  {total:6.1f} ms  the sum (one after another on one connection)")
    finally:
        await conn.close()


async def run(args: argparse.Namespace) -> None:
    name = args.reuse or f"kjy_bench_dash_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.pg.replace("postgres://", "postgresql://", 1))
    if not args.reuse:
        await admin.execute(f'CREATE DATABASE "{name}"')
    url = args.pg.rpartition("/")[0] + f"/{name}"
    try:
        settings = Settings(env="test", database_url=url, secret_key="bench-secret-key-" + "x" * 32)
        await db.migrate(settings)
        await db.init_db(settings)
        db.enable_statement_counting()
        if not args.reuse:
            await regions.load_regions()
            started = time.perf_counter()
            sizes = await load(url, args)
            print(f"loaded in {time.perf_counter() - started:.0f} s: "
                  + ", ".join(f"{t} {n:,}" for t, n in sizes.items()))
        # The load ran with the triggers off: count the open tickets' counters as migration 14 does.
        await ticket_figures.recount_open_tickets()
        started = time.perf_counter()
        days = await snapshots.snapshot_push_days()
        print(f"snapshot-push-days: {days} days in {time.perf_counter() - started:.1f} s "
              f"({await PushDayCount.all().count():,} rows)")
        started = time.perf_counter()
        days = await snapshots.snapshot_metric_days()
        print(f"snapshot-metric-days: {days} days in {time.perf_counter() - started:.1f} s "
              f"({await MetricDayCount.all().count():,} rows)")
        # The nightly jobs write their rows day by day; PostgreSQL's autovacuum sets the visibility map and the
        # statistics some minutes later, which lets a request read them with index-only scans. Done here at once.
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
        for table in ("metric_day_counts", "metric_day_members", "push_day_counts", "ticket_open_counts", "tickets"):
            await conn.execute(f"VACUUM ANALYZE {table}")
        await conn.close()
        print("load average before: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        await measure(args)
        print("load average after: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        if args.per_query:
            await per_query(url, args.per_query)
    finally:
        await db.close_db()
        if args.keep or args.reuse:
            print(f"kept database {name}")
        else:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=300_000)
    parser.add_argument("--posts", type=int, default=400_000)
    parser.add_argument("--tickets", type=int, default=80_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="leave the scratch database for inspection")
    parser.add_argument("--reuse", metavar="NAME", help="measure a database kept by an earlier --keep run")
    parser.add_argument("--per-query", metavar="CODE", help="then time each statement of one request for CODE alone")
    parser.add_argument("--pg", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
