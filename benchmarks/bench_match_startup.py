"""Start-up of the matcher with N stored documents: PostgreSQL rows -> a ready engine, beside a floor.

    .venv/bin/python benchmarks/bench_match_startup.py [--size 400000] [--pg URL] [--keep]

Creates a scratch PostgreSQL database (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres),
migrates it, and loads (untimed, with COPY) --size open posts whose texts are real CSL abstracts
(drawn at random from the 12,162 of ../shared/data/match/corpus.jsonl, so vocabularies and lengths
are real), each with its stored sentence vector (`embeddings`, float16; random unit vectors: what
they hold does not change the load) and its stored word tokens (`doc_terms`, jieba run once per
distinct abstract beforehand). Then, timed, wall clock and this process's CPU:

- ours: `server.services.matching.index_documents` into `Engine(encoder=e5-small)` — what every
  process runs when it starts (Tortoise queries in batches of 2,000, stored vectors and words,
  `bulk_loading`);
- the floor: the same rows fetched by hand with bare asyncpg (keyset batches of 2,000 over posts,
  embeddings and doc_terms), decoded, and bulk-loaded into a fresh engine the same way (both read
  the next batch while the engine takes the current one).

Prints both, their ratio, the engine's index memory and the process RSS. Then the index snapshot
(server/match/snapshot.py, server/services/index_load.py), what a restart does once a snapshot is
saved:

- write: saving the built index with its documents' fingerprints (the first start and the
  nightly rebuild do it);
- warm start, nothing changed: `load_index` — read the snapshot, read every open post's text and
  metadata (no vectors, no words) and compare fingerprints;
- warm start after a day of changes (--changes, default 1 % of the posts: half closed, half new
  posts with their stored vectors and words, as the workers store them when posts are written):
  the same, plus removing and loading those documents (and writing the snapshot again when
  at least 1,000 changed);
- its floor: the same guaranteed work by hand — `pickle.load` of the whole file and a bare asyncpg
  read of every open post's columns with the text hashed in a Python loop.

Target: < 60 s at 400k. The database is dropped at the end unless --keep.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import numpy as np
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_match_latency import rss_mb  # noqa: E402
from benchmarks.bench_match_quality import DATA  # noqa: E402
from server import db  # noqa: E402
from server.match import snapshot  # noqa: E402
from server.match.encoder import Encoder, load_encoder  # noqa: E402
from server.match.engine import Engine  # noqa: E402
from server.match.evaluate import load_jsonl  # noqa: E402
from server.match.schema import Doc, DocMeta  # noqa: E402
from server.match.tokenize import tokenize, tokenizer_id  # noqa: E402
from server.services import regions  # noqa: E402
from server.services.doc_terms import SEPARATOR  # noqa: E402
from server.services.embeddings import from_bytes, text_hash, to_bytes  # noqa: E402
from server.services.index_load import index_documents, load_index  # noqa: E402
from server.services.matching import post_doc_id  # noqa: E402
from server.settings import Settings  # noqa: E402

KINDS = ("need", "question", "offer")
REGIONS = ("511502", "511503", "510104", "510107", "511402", "513401", "511302", "510603")
BATCH = 2000


async def load(url: str, size: int, encoder: Encoder, *, first: int = 1, users: bool = True) -> None:
    """Fill users, posts first.. first+size-1, their embeddings and doc_terms (COPY, untimed)."""
    texts = [d["text"] for d in load_jsonl(DATA / "corpus.jsonl")]
    words = [SEPARATOR.join(tokenize(t)) for t in tqdm(texts, desc="tokenising the abstracts once", mininterval=2)]
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    rng, now, tok = random.Random(first), datetime.now(UTC), tokenizer_id()
    vectors = np.random.default_rng(first)
    try:
        authors = max(size // 4, 1) if users else await conn.fetchval("SELECT count(*) FROM users")
        if users:
            await conn.execute(
                "INSERT INTO users (role, name, organisation, title, discipline, interests, follows_oa, created_at, "
                "updated_at, password_hash, region_id) SELECT 'scientist', 'u' || i, '', '', '', '[]', false, now(), "
                f"now(), '', '510104' FROM generate_series(1, {authors}) AS i")
        for start in tqdm(range(first - 1, first - 1 + size, 20_000), desc="COPY posts, embeddings, doc_terms",
                          mininterval=2):
            count = min(20_000, first - 1 + size - start)
            picks = [rng.randrange(len(texts)) for _ in range(count)]
            posts, embeddings, terms = [], [], []
            rows = vectors.normal(size=(count, encoder.dim)).astype(np.float32)
            rows /= np.linalg.norm(rows, axis=1, keepdims=True)
            for i, pick in enumerate(picks):
                post_id = start + i + 1
                body = texts[pick]
                title = body[:20]
                text = "\n".join([title, body, ""])  # server.services.matching.post_doc, no tags
                posts.append((post_id, KINDS[post_id % 3], title, body, "[]", "published", "", "passed", "", now, now,
                              rng.randrange(1, authors + 1), REGIONS[post_id % len(REGIONS)], 0))
                digest = text_hash(text)
                embeddings.append((post_doc_id(post_id), encoder.name, digest, to_bytes(rows[i]), now))
                terms.append((post_doc_id(post_id), tok, digest, words[pick], now))
            await conn.copy_records_to_table("posts", records=posts, columns=[
                "id", "kind", "title", "body", "tags", "status", "close_reason", "review_state", "review_note",
                "created_at", "updated_at", "author_id", "region_id", "review_attempts"])
            await conn.copy_records_to_table("embeddings", records=embeddings, columns=[
                "doc_id", "encoder", "text_hash", "vector", "created_at"])
            await conn.copy_records_to_table("doc_terms", records=terms, columns=[
                "doc_id", "tokenizer", "text_hash", "words", "created_at"])
        await conn.execute("SELECT setval('posts_id_seq', (SELECT max(id) FROM posts))")
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


def unpickle(path: Path) -> int:
    """Read the whole snapshot file back (header, fingerprints, the index); return its documents."""
    import pickle

    with open(path, "rb") as src:
        src.readline()
        pickle.load(src)  # noqa: S301 - the benchmark's own file
        return len(pickle.load(src)["_docs"])  # noqa: S301


async def floor_warm(url: str, path: Path) -> int:
    """The warm start's floor: unpickle the whole snapshot file, read every open post and hash its text."""
    import hashlib

    await asyncio.to_thread(unpickle, path)
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    seen, last = 0, 0
    try:
        while rows := await conn.fetch(
                "SELECT p.id, p.kind, p.title, p.body, p.tags, p.author_id, p.region_id, e.text_hash FROM posts p "
                "LEFT JOIN embeddings e ON e.doc_id = 'post:' || p.id AND e.encoder = 'e5-small' WHERE p.id > $1 "
                "AND p.status <> 'closed' AND p.review_state = 'passed' ORDER BY p.id LIMIT 10000", last):
            for r in rows:
                text = "\n".join([r["title"], r["body"], " ".join(json.loads(r["tags"]))])
                hashlib.sha1(text.encode()).hexdigest()
            seen += len(rows)
            last = rows[-1]["id"]
    finally:
        await conn.close()
    return seen


async def day_of_changes(url: str, size: int, changes: int, encoder: Encoder) -> None:
    """Close changes/2 posts and add changes/2 new ones with their stored vectors and words."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        step = max(size // max(changes // 2, 1), 1)
        await conn.execute("UPDATE posts SET status = 'closed' WHERE id % $1 = 0 AND id <= $2", step,
                           step * (changes // 2))
    finally:
        await conn.close()
    await load(url, changes - changes // 2, encoder, first=size + 1, users=False)


async def floor(url: str, encoder: Encoder) -> Engine:
    """The same rows by hand with bare asyncpg, bulk-loaded into a fresh engine."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    engine = Engine(None, encoder=encoder)
    building = None  # as ours: the engine takes one batch while the next is read
    try:
        last = 0
        with engine.bulk_loading():
            while True:
                rows = await conn.fetch(
                    "SELECT id, kind, title, body, tags, author_id, region_id FROM posts WHERE id > $1 "
                    "AND status <> 'closed' AND review_state = 'passed' ORDER BY id LIMIT $2", last, BATCH)
                if not rows:
                    break
                ids = [post_doc_id(r["id"]) for r in rows]
                vectors = dict(await conn.fetch("SELECT doc_id, vector FROM embeddings WHERE encoder = $1 AND "
                                                "doc_id = ANY($2::text[])", encoder.name, ids))
                words = dict(await conn.fetch("SELECT doc_id, words FROM doc_terms WHERE doc_id = ANY($1::text[])",
                                              ids))
                docs = [Doc(id=i, text="\n".join([r["title"], r["body"], " ".join(json.loads(r["tags"]))]),
                            meta=DocMeta(kind=r["kind"], status="open", author_id=r["author_id"],
                                         region_code=r["region_id"])) for i, r in zip(ids, rows, strict=True)]
                if building is not None:
                    await building
                building = asyncio.ensure_future(asyncio.to_thread(
                    engine.upsert_many, docs, [from_bytes(vectors[i], encoder.dim) for i in ids],
                    encode_missing=False, words=[words[i].split(SEPARATOR) for i in ids]))
                last = rows[-1]["id"]
            if building is not None:
                await building
    finally:
        await conn.close()
    return engine


def report(name: str, engine: Engine, wall: float, cpu: float) -> None:
    memory = engine.memory_bytes()
    current, peak = rss_mb()
    print(f"{name:44s} {wall:7.1f} s wall  {cpu:7.1f} s CPU  {len(engine):,} docs  index "
          f"{sum(memory.values()) / 2**20:,.0f} MB ({', '.join(f'{k} {v / 2**20:,.0f}' for k, v in memory.items())})"
          f"  RSS {current:,.0f} MB (peak {peak:,.0f})", flush=True)


async def run(args: argparse.Namespace) -> None:
    encoder = load_encoder("e5-small")
    assert encoder is not None
    name = f"kjy_bench_start_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.pg.replace("postgres://", "postgresql://", 1))
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = args.pg.rpartition("/")[0] + f"/{name}"
    try:
        settings = Settings(env="test", database_url=url, secret_key="bench-secret-key-" + "x" * 32)
        await db.migrate(settings)
        await db.init_db(settings)
        await regions.load_regions()
        started = time.perf_counter()
        await load(url, args.size, encoder)
        print(f"loaded {args.size:,} posts with stored vectors and words in {time.perf_counter() - started:.0f} s; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
        figures = {}
        fingerprints: dict[str, int] = {}
        labels = ("floor: bare asyncpg + the same bulk load", "ours: index_documents (Tortoise)")
        for label in labels[1:] if args.no_floor else labels:
            gc.collect()
            started, cpu = time.perf_counter(), time.process_time()
            if label.startswith("ours"):
                engine = Engine(None, encoder=encoder)
                await index_documents(engine, fingerprints=fingerprints)
            else:
                engine = await floor(url, encoder)
            figures[label] = (time.perf_counter() - started, time.process_time() - cpu)
            report(label, engine, *figures[label])
            if label.startswith("floor"):
                del engine
        ours = figures["ours: index_documents (Tortoise)"]
        reference = figures.get("floor: bare asyncpg + the same bulk load")
        if reference:
            print(f"ratio ours / floor: wall {ours[0] / reference[0]:.2f}  CPU {ours[1] / reference[1]:.2f}")
        await snapshots(url, args, encoder, engine, fingerprints)
    finally:
        await db.close_db()
        if args.keep:
            print(f"kept database {name}")
        else:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def snapshots(url: str, args: argparse.Namespace, encoder: Encoder, engine: Engine,
                    fingerprints: dict[str, int]) -> None:
    """Write the snapshot, then the warm starts beside their floor."""
    import tempfile

    model_dir = tempfile.mkdtemp(prefix="kjy-bench-snapshot-")
    try:
        started, cpu = time.perf_counter(), time.process_time()
        path = snapshot.save(engine, fingerprints, model_dir=model_dir, model_version=None)
        assert path is not None
        print(f"{'snapshot write':44s} {time.perf_counter() - started:7.1f} s wall  {time.process_time() - cpu:7.1f} s "
              f"CPU  {path.stat().st_size / 2**20:,.0f} MB", flush=True)
        del engine
        for label, prepare in (("warm start, nothing changed", None),
                               (f"warm start after {args.changes:,} changes", args.changes)):
            if prepare:
                await day_of_changes(url, args.size, prepare, encoder)
            gc.collect()
            started, cpu = time.perf_counter(), time.process_time()
            floor_docs = await floor_warm(url, path)
            reference = (time.perf_counter() - started, time.process_time() - cpu)
            print(f"{'  its floor: unpickle + bare asyncpg read':44s} {reference[0]:7.1f} s wall  "
                  f"{reference[1]:7.1f} s CPU  {floor_docs:,} posts read", flush=True)
            gc.collect()
            started, cpu = time.perf_counter(), time.process_time()
            loaded = await load_index(lambda: Engine(None, encoder=encoder), model_dir=model_dir, model_version=None)
            wall, spent = time.perf_counter() - started, time.process_time() - cpu
            report(f"ours: {label} ({loaded.source})", loaded.engine, wall, spent)
            print(f"  removed {loaded.removed:,}, loaded {loaded.refreshed:,}; ratio ours / floor: wall "
                  f"{wall / reference[0]:.2f}  CPU {spent / reference[1]:.2f}; target < 60 s at 400k", flush=True)
            del loaded
    finally:
        import shutil

        shutil.rmtree(model_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=400_000)
    parser.add_argument("--keep", action="store_true", help="leave the scratch database for inspection")
    parser.add_argument("--no-floor", action="store_true", help="skip the full build's floor (the warm starts only)")
    parser.add_argument("--changes", type=int, default=None, help="posts closed + added between the warm starts "
                        "(default 1 %% of --size)")
    parser.add_argument("--pg", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    args = parser.parse_args()
    if args.changes is None:
        args.changes = max(args.size // 100, 2)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
