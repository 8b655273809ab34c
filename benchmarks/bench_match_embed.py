"""Embedding throughput, the backfill time for 400k posts, and stored vectors written and read back.

    .venv/bin/python benchmarks/bench_match_embed.py [--docs 96] [--rows 20000] [--rounds 3]

Encoder side: the bundled e5-small encoder (one thread, as production runs it) embeds a fixed
sample of real post-like texts in batches of 64 (the batch server/services/embeddings uses), for
each kind separately: the colloquial dev offers (short technical offers written the way scientists
write them) and CSL abstracts (long, the worst case; bench_match_quality's fixed sample). Reports
documents/s as the median of --rounds rounds and the backfill time for 400k such posts it implies
(`python -m server backfill`, one process). The reference is the same encoder on the short texts:
the ratio says how much text length costs.

Database side: a scratch database (SQLite in a temporary directory by default; PostgreSQL when
DATABASE_URL is set: a fresh `kjy_bench_<hex>` database is created beside it, migrated, and
dropped at the end, as tests/conftest.py does) gets --rows vectors written through
`embeddings.save` in chunks of 64 (as backfill writes them) and read back through
`embeddings.stored` in batches of 2,000 (as start-up, services/matching.index_documents, reads
them: the float16 bytes decoded and renormalised). Reports rows/s both ways, checks the round
trip, and extrapolates the start-up read for 400k stored vectors. Written vectors are real ones
resampled with noise (the read path does not care what they hold).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_match_quality import colloquial_set, csl_sample  # noqa: E402
from server.match.encoder import Encoder, load_encoder  # noqa: E402
from server.match.schema import Doc  # noqa: E402

TARGET = 400_000
WRITE_CHUNK = 64  # embeddings.BATCH: backfill saves what one encoder call produced
READ_BATCH = 2000  # services/matching.index_documents reads this many documents at a time


def throughput(encoder: Encoder, texts: Sequence[str], rounds: int, *,
               desc: str) -> tuple[float, float, np.ndarray]:
    """Return the median documents/s (wall clock) and per CPU second over rounds, and the last round's vectors."""
    rates, cpu_rates, vectors = [], [], np.zeros((0, encoder.dim), np.float32)
    for r in range(rounds):
        started, cpu = time.perf_counter(), time.process_time()
        chunks = []
        for start in tqdm(range(0, len(texts), 64), desc=f"{desc} round {r + 1}", unit="batch", leave=False):
            chunks.append(encoder.passages(list(texts[start:start + 64])))
        rates.append(len(texts) / (time.perf_counter() - started))
        cpu_rates.append(len(texts) / max(time.process_time() - cpu, 1e-9))
        vectors = np.concatenate(chunks)
    return float(np.median(rates)), float(np.median(cpu_rates)), vectors


async def scratch_database(url: str | None) -> tuple[str, str | None, Path | None]:
    """Return (database URL, PostgreSQL database to drop, SQLite directory to remove)."""
    if not url:
        directory = Path(tempfile.mkdtemp(prefix="kejiyun-bench-embed-"))
        return f"sqlite://{directory}/bench.sqlite3", None, directory
    import asyncpg

    name = f"kjy_bench_{uuid.uuid4().hex[:10]}"
    target = url.replace("{}", name) if "{}" in url else f"{url.rpartition('/')[0]}/{name}"
    admin = target.rpartition("/")[0] + "/postgres"
    conn = await asyncpg.connect(admin.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return target, name, None


async def drop_database(url: str, name: str) -> None:
    """Drop the scratch PostgreSQL database."""
    import asyncpg

    admin = url.rpartition("/")[0] + "/postgres"
    conn = await asyncpg.connect(admin.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def database_side(encoder: Encoder, base: np.ndarray, texts: Sequence[str], rows: int) -> None:
    """Write rows vectors into `embeddings`, read them back through embeddings.stored; print rates."""
    from server import db
    from server.services import embeddings
    from server.settings import Settings

    url, drop, directory = await scratch_database(os.environ.get("DATABASE_URL"))
    dialect = db.dialect_of(url)
    try:
        settings = Settings(env="test", database_url=url, secret_key="bench-secret-key-" + "x" * 32)
        await db.migrate(settings)
        await db.init_db(settings)
        rng = np.random.default_rng(0)
        picks = rng.integers(0, base.shape[0], rows)
        vectors = base[picks] + rng.normal(0, 0.35 / np.sqrt(base.shape[1]), (rows, base.shape[1]))
        vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
        docs = [Doc(id=f"post:{i}", text=f"{texts[picks[i] % len(texts)]}#{i}") for i in range(rows)]

        started = time.perf_counter()
        for start in tqdm(range(0, rows, WRITE_CHUNK), desc=f"write {dialect}", unit="chunk", mininterval=2):
            await embeddings.save(encoder, docs[start:start + WRITE_CHUNK], list(vectors[start:start + WRITE_CHUNK]))
        written = time.perf_counter() - started

        started = time.perf_counter()
        back: list[np.ndarray | None] = []
        for start in tqdm(range(0, rows, READ_BATCH), desc=f"read {dialect}", unit="batch", mininterval=2):
            back += await embeddings.stored(encoder, docs[start:start + READ_BATCH])
        read = time.perf_counter() - started

        found = [v for v in back if v is not None]
        error = max(float(np.abs(v - w).max()) for v, w in zip(back, vectors, strict=True) if v is not None) \
            if found else float("nan")
        print(f"\n== database ({dialect}, scratch {'database ' + drop if drop else url})")
        print(f"write {rows:,} vectors (embeddings.save, {WRITE_CHUNK} a call): {written:.1f} s, "
              f"{rows / written:,.0f} rows/s")
        print(f"read back (embeddings.stored, {READ_BATCH:,} a call): {read:.1f} s, {rows / read:,.0f} rows/s; "
              f"{len(found):,}/{rows:,} found, max |float16 round-trip error| {error:.4f}")
        print(f"extrapolated start-up read of {TARGET:,} stored vectors: {TARGET / rows * read:.0f} s "
              f"(+ the engine build, bench_match_latency.py); writing them all: {TARGET / rows * written:.0f} s")
        decoded = decode_seconds(vectors)
        print(f"reference: the same {rows:,} float16 vectors decoded from bytes in memory (embeddings.from_bytes): "
              f"{decoded:.2f} s -> ratio read / decode {read / max(decoded, 1e-9):.1f}", flush=True)
    finally:
        await db.close_db()
        if drop:
            await drop_database(url, drop)
        if directory is not None:
            for path in directory.iterdir():
                path.unlink()
            directory.rmdir()


def decode_seconds(vectors: np.ndarray) -> float:
    """Return the seconds embeddings.from_bytes takes over every vector's float16 bytes."""
    from server.services.embeddings import from_bytes, to_bytes

    blobs = [to_bytes(v) for v in vectors]
    started = time.perf_counter()
    for blob in blobs:
        from_bytes(blob, vectors.shape[1])
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    """Run the embedding benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=96, help="texts of each kind embedded per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=20_000, help="vectors written to and read from the database")
    parser.add_argument("--no-db", action="store_true", help="skip the database side")
    args = parser.parse_args(argv)

    encoder = load_encoder("e5-small")
    assert encoder is not None
    offers, _ = colloquial_set()
    corpus, _ = csl_sample(queries=300, docs=2000, full=False)  # only texts: nothing is encoded here
    samples = {"colloquial offers": [d["text"] for d in offers][: args.docs],
               "CSL abstracts": [d["text"] for d in random.Random(0).sample(corpus, min(args.docs, len(corpus)))]}
    print(f"encoder {encoder.name} ({encoder.dim} dims), one thread; batches of 64; median of {args.rounds} rounds; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall-clock figures suffer from it; "
          "per-CPU-second figures are what an idle core would do)", flush=True)
    rates, vectors = {}, []
    for name, texts in samples.items():
        encoder.passages(texts[:4])  # warm-up
        rates[name], cpu_rate, out = throughput(encoder, texts, args.rounds, desc=name)
        vectors.append(out)
        print(f"{name:<18} {len(texts):>4} texts, median {int(np.median([len(t) for t in texts]))} chars: "
              f"{rates[name]:6.1f} docs/s wall ({1000 / rates[name]:.0f} ms/doc), {cpu_rate:6.1f} docs per CPU s "
              f"({1000 / cpu_rate:.0f} ms CPU/doc) -> backfill of {TARGET:,} such posts "
              f"{TARGET / rates[name] / 3600:.1f} h at this wall rate, "
              f"{TARGET / cpu_rate / 3600:.1f} h on one idle core", flush=True)
    short = rates["colloquial offers"]
    print(f"ratio CSL abstracts / colloquial offers (reference) docs/s: {rates['CSL abstracts'] / short:.2f}")
    if not args.no_db:
        all_texts = samples["colloquial offers"] + samples["CSL abstracts"]
        asyncio.run(database_side(encoder, np.concatenate(vectors), all_texts, args.rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
