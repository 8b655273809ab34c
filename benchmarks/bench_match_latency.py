"""Latency of matching one new post at 10k / 100k / 400k indexed documents, memory and start-up cost.

    .venv/bin/python benchmarks/bench_match_latency.py [--sizes 10000 100000 400000] [--queries 200]
        [--doc2vec] [--cache /tmp/kejiyun-bench-enc]

Per size, one engine as production builds it at start-up (server/services/matching.index_documents):
Engine(encoder=e5-small) filled inside `engine.bulk_loading()` by `upsert_many(docs, stored_vectors,
words=stored_words)` in batches of 2,000: no document is encoded or tokenised by jieba, the vectors
and word tokens are given, as when they come from the `embeddings` and `doc_terms` tables (the
benchmark tokenises each distinct text once beforehand, untimed). Timed:

- build: the whole bulk load (upsert_many of every document + the final merge; the engine's share
  of start-up, target < 60 s at 400k), wall clock and CPU time. Reading the rows from PostgreSQL
  is measured separately by benchmarks/bench_match_startup.py;
- query: `Engine.match(text, 10)` with the default method (hybrid: encode the query with the
  encoder, word + character BM25, dense dot product, fusion, filters, region boost, duplicate
  collapse, explanations) for real need texts (the colloquial needs and CSL title queries,
  alternating), p50/p95, with the encoder's query time alone;
- the reference: the same query encoded by the same encoder + a numpy brute-force dot product
  over every document's vector (one float32 matrix, kinds unfiltered) + top-10 (argpartition),
  p50/p95, and the ratio. The engine reads only the counterpart kind's block (a need: the offers),
  so its dot product does less work than the reference's;
- memory: `engine.memory_bytes()` per part (target: the index <= 1 GB at 400k), this process's
  current and peak RSS (which include the reference's own copy of the vectors).

With --doc2vec the engine also holds the production Doc2Vec model (the one bench_match_quality.py
trains and caches) so the default is the dense+doc2vec fusion, and the per-document Doc2Vec
inference that `upsert_many` would add at start-up is timed on a sample and extrapolated (the
synthetic Doc2Vec vectors are placed directly instead of inferring 400k of them).

SYNTHETIC DATA: index vectors are real e5-small vectors of CSL abstracts (bench_match_quality's
fixed-seed sample, 2,000 documents by default or --base-docs; encoded once, cached under --cache,
shared with bench_match_quality when the sizes agree) resampled with Gaussian
noise and renormalised; each document's text is an abstract drawn at random from all 12,162 CSL
abstracts, independently of its vector (so BM25 vocabulary and posting lengths are those of real
text; the pairing of text and vector is meaningless, which timing does not care about); metadata
is random (4 kinds, 90 % open, authors, Sichuan region codes). Run sizes in
ascending order; each size's engine is dropped before the next. Times in ms on the shared 2-core
machine; the encoder runs on one thread on purpose.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_match_quality import (  # noqa: E402
    DATA,
    ENCODER_CACHE,
    colloquial_set,
    csl_sample,
    doc2vec_model,
    encode_cached,
)
from server.match.encoder import Encoder, load_encoder  # noqa: E402
from server.match.engine import Engine  # noqa: E402
from server.match.evaluate import load_jsonl  # noqa: E402
from server.match.model import infer, unit  # noqa: E402
from server.match.schema import KINDS, Doc, DocMeta  # noqa: E402
from server.match.tokenize import tokenize  # noqa: E402

REGIONS = ("511502", "511503", "510104", "510107", "511402", "513401", "511302", "510603")
BATCH = 2000  # documents per upsert_many, as index_documents loads them
NOISE = 0.35  # Gaussian noise norm relative to a unit vector before renormalising


def rss_mb() -> tuple[float, float]:
    """Return this process's current and peak resident set size in MB."""
    with open("/proc/self/statm") as handle:
        current = int(handle.read().split()[1]) * resource.getpagesize() / 2**20
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def noisy(base: np.ndarray, picks: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Return unit rows: base[picks] plus Gaussian noise."""
    rows = base[picks] + rng.normal(0, NOISE / np.sqrt(base.shape[1]), (picks.size, base.shape[1])).astype(np.float32)
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def synthetic_docs(texts: Sequence[str], start: int, count: int, picks: np.ndarray,
                   rng: np.random.Generator) -> list[Doc]:
    """Return count documents with resampled real texts and random metadata."""
    kinds = rng.choice(len(KINDS), count, p=[0.3, 0.15, 0.4, 0.15])
    open_ = rng.random(count) < 0.9
    authors = rng.integers(1, max(start + count, 3) // 3 + 2, count)
    return [Doc(id=f"post:{start + i}", text=texts[picks[i]],
                meta=DocMeta(kind=KINDS[kinds[i]], status="open" if open_[i] else "closed",
                             author_id=int(authors[i]), region_code=REGIONS[(start + i) % len(REGIONS)]))
            for i in range(count)]


def build(size: int, texts: Sequence[str], words: Sequence[list[str]], base: np.ndarray, encoder: Encoder, *,
          seed: int) -> tuple[Engine, np.ndarray, float, float]:
    """Fill an engine like start-up does (bulk load with stored vectors and words, 2,000 at a time).

    Returns the engine, every document's vector in one matrix (the reference's brute force reads
    it), the wall-clock seconds and the CPU seconds of the load.
    """
    rng = np.random.default_rng(seed)
    engine = Engine(None, encoder=encoder)
    matrix = np.zeros((size, base.shape[1]), dtype=np.float32)
    spent = cpu = 0.0
    with tqdm(total=size, desc=f"build {size:,}", unit="doc", mininterval=2) as bar, engine.bulk_loading():
        for start in range(0, size, BATCH):
            count = min(BATCH, size - start)
            picks = rng.integers(0, len(texts), count)
            docs = synthetic_docs(texts, start, count, picks, rng)
            vectors = noisy(base, rng.integers(0, base.shape[0], count), rng)
            matrix[start:start + count] = vectors
            stored = [list(words[p]) for p in picks]
            started, cpu_started = time.perf_counter(), time.process_time()  # only the engine's work is timed
            engine.upsert_many(docs, list(vectors), encode_missing=False, words=stored)
            spent += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
            bar.update(count)
        started, cpu_started = time.perf_counter(), time.process_time()
    spent += time.perf_counter() - started  # the final merge, on leaving bulk_loading
    cpu += time.process_time() - cpu_started
    return engine, matrix, spent, cpu


def attach_doc2vec(engine: Engine, model: object, d2v_base: np.ndarray, *, seed: int) -> None:
    """Give the engine a Doc2Vec model and synthetic document vectors (placed, not inferred)."""
    rng = np.random.default_rng(seed + 1)
    index = engine._index  # noqa: SLF001 - a benchmark placing synthetic vectors
    fresh = index.empty_like(int(model.vector_size))  # type: ignore[attr-defined]
    ids = index.ids()
    picks = rng.integers(0, d2v_base.shape[0], len(ids))
    for start in tqdm(range(0, len(ids), BATCH), desc="doc2vec vectors", unit="batch", mininterval=2):
        rows = noisy(d2v_base, picks[start:start + BATCH], rng)
        for doc_id, row in zip(ids[start:start + BATCH], rows, strict=True):
            fresh.upsert(doc_id, row, engine._docs[doc_id].meta)  # noqa: SLF001
    engine._model, engine._index = model, fresh  # noqa: SLF001


def time_queries(engine: Engine, matrix: np.ndarray, encoder: Encoder, queries: Sequence[str], *,
                 desc: str) -> dict[str, np.ndarray]:
    """Time per query: encoder alone, Engine.match (default), and encode + brute-force top-10 over matrix (ms)."""
    times: dict[str, list[float]] = {"encode": [], "match": [], "match cpu": [], "brute": [], "encode+brute": []}
    for i, text in enumerate(tqdm(queries, desc=desc, unit="q", mininterval=2, leave=False)):
        started = time.perf_counter()
        vector = encoder.queries([text])[0]
        encoded = time.perf_counter()
        scores = matrix @ vector
        top = np.argpartition(-scores, 10)[:10]
        top[np.argsort(-scores[top])]
        bruted, cpu = time.perf_counter(), time.process_time()
        engine.match(text, 10, kind="need", author_id=i + 1, region_code=REGIONS[i % len(REGIONS)],
                     exclude_ids=[f"post:{i}"])
        matched = time.perf_counter()
        times["match cpu"].append((time.process_time() - cpu) * 1000)
        times["encode"].append((encoded - started) * 1000)
        times["brute"].append((bruted - encoded) * 1000)
        times["encode+brute"].append((bruted - started) * 1000)
        times["match"].append((matched - bruted) * 1000)
    return {key: np.asarray(values) for key, values in times.items()}


def doc2vec_infer_seconds(model: object, texts: Sequence[str], size: int) -> float:
    """Return the extrapolated Doc2Vec inference time upsert_many would spend on size documents."""
    sample = [tokenize(texts[i % len(texts)]) for i in range(300)]
    started = time.perf_counter()
    for words in sample:
        infer(model, words)  # type: ignore[arg-type]
    return (time.perf_counter() - started) / len(sample) * size


def main(argv: Sequence[str] | None = None) -> int:
    """Run the latency benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 400_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--doc2vec", action="store_true", help="also hold the production Doc2Vec model")
    parser.add_argument("--cache", type=Path, default=ENCODER_CACHE, help="encoder vector cache directory")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--base-docs", type=int, default=2000, help="real CSL abstracts behind the synthetic index")
    parser.add_argument("--base-queries", type=int, default=300, help="CSL sample queries of each kind")
    args = parser.parse_args(argv)

    encoder = load_encoder("e5-small")
    assert encoder is not None
    corpus, by_kind = csl_sample(queries=args.base_queries, docs=args.base_docs, full=False)
    base = encode_cached(encoder, [d["text"] for d in corpus], args.cache, desc=f"CSL sample {len(corpus):,}")
    texts = [d["text"] for d in load_jsonl(DATA / "corpus.jsonl")]
    words = [tokenize(text) for text in tqdm(texts, desc="word tokens (stored, untimed)", mininterval=2)]
    _, needs = colloquial_set()
    pool = [q["query"] for pair in zip(needs, by_kind["titles"], strict=False) for q in pair]
    queries = [pool[i % len(pool)] for i in range(args.queries)]
    loaded = doc2vec_model() if args.doc2vec else None
    d2v_base = np.stack([unit(loaded.model.dv[i]) for i in list(loaded.model.dv.index_to_key)[:5000]]) \
        if loaded else None
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine)", flush=True)
    print(f"{len(queries)} queries (colloquial needs and CSL titles alternating); synthetic index: texts from "
          f"{len(texts):,} real abstracts, vectors from {len(base):,} real e5-small vectors + noise; times in ms",
          flush=True)
    lengths = [len(t) for t in texts]
    print(f"document text length: median {int(np.median(lengths))} chars (real CSL abstracts)", flush=True)

    p = lambda values, q: float(np.percentile(values, q))  # noqa: E731
    for size in sorted(args.sizes):
        engine, matrix, built, built_cpu = build(size, texts, words, base, encoder, seed=args.seed)
        if loaded is not None:
            attach_doc2vec(engine, loaded.model, d2v_base, seed=args.seed)  # type: ignore[arg-type]
        time_queries(engine, matrix, encoder, queries[:10], desc="warm-up")
        t = time_queries(engine, matrix, encoder, queries, desc=f"query {size:,}")
        memory = engine.memory_bytes()
        current, peak = rss_mb()
        ratio50 = p(t["match"], 50) / p(t["encode+brute"], 50)
        ratio95 = p(t["match"], 95) / p(t["encode+brute"], 95)
        print(f"\n== {size:,} documents ({engine.variant})")
        print(f"Engine.match default      p50 {p(t['match'], 50):7.1f}  p95 {p(t['match'], 95):7.1f}  "
              f"(target p95 < 100 ms; its CPU time p50 {p(t['match cpu'], 50):.1f} p95 {p(t['match cpu'], 95):.1f})")
        print(f"  of which encoder query  p50 {p(t['encode'], 50):7.1f}  p95 {p(t['encode'], 95):7.1f}")
        print(f"reference: encode + numpy p50 {p(t['encode+brute'], 50):7.1f}  p95 {p(t['encode+brute'], 95):7.1f}"
              f"  (dot + top-10 alone: p50 {p(t['brute'], 50):.1f}  p95 {p(t['brute'], 95):.1f})")
        print(f"ratio Engine.match / reference: p50 {ratio50:.2f}  p95 {ratio95:.2f}")
        print("index memory: " + ", ".join(f"{k} {v / 2**20:.0f} MB" for k, v in memory.items())
              + f"; total {sum(memory.values()) / 2**20:.0f} MB (target <= 1024 MB; dense: float32, "
              f"{encoder.dim} dims, one block per kind)")
        print(f"process RSS now {current:.0f} MB, peak {peak:.0f} MB (the reference's own copy of the vectors, "
              f"{matrix.nbytes / 2**20:.0f} MB, included)")
        print(f"build (bulk load of {size:,} documents with stored vectors and words): {built:.1f} s "
              f"({size / built:,.0f} docs/s; CPU time {built_cpu:.1f} s; target < 60 s at 400k)")
        if loaded is not None:
            print(f"  + Doc2Vec inference upsert_many would add with a current model: "
                  f"~{doc2vec_infer_seconds(loaded.model, texts, size):.0f} s (extrapolated from 300 docs)")
        sys.stdout.flush()
        del engine, matrix
        gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
