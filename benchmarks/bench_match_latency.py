"""Latency of matching one new post (tokenise + infer + filtered top-10) beside numpy brute force.

    .venv/bin/python benchmarks/bench_match_latency.py [--sizes 10000 100000 400000] [--queries 300]

The model is the production Doc2Vec trained on the shared dev corpus (cached under
$BENCH_MODEL_DIR, default /tmp/kejiyun-bench-match). Query vectors are real: infer_vector on dev
title queries. Index vectors beyond the 12,162 real ones are SYNTHETIC: real trained document
vectors resampled with Gaussian noise and re-normalised; metadata is random (4 kinds, 90 % open,
authors, Sichuan region codes); each synthetic doc's BM25 terms are those of a resampled real
abstract. Brute force is `M @ q` + argpartition on the same matrix, without filters. The last
columns time the whole Engine.match (hybrid: infer, BM25, fusion gate, filters, region boost,
duplicate collapse, keywords) on the same synthetic engine.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.match import rank  # noqa: E402
from server.match.engine import Engine  # noqa: E402
from server.match.evaluate import load_jsonl  # noqa: E402
from server.match.model import infer, unit  # noqa: E402
from server.match.retrain import load_or_retrain  # noqa: E402
from server.match.schema import KINDS, DocMeta  # noqa: E402
from server.match.tokenize import lexical_terms, tokenize  # noqa: E402

DATA = Path(os.environ.get("MATCH_DATA", ROOT.parent / "shared" / "data" / "match"))
MODEL_DIR = Path(os.environ.get("BENCH_MODEL_DIR", Path(tempfile.gettempdir()) / "kejiyun-bench-match"))
REGIONS = ("511502", "511503", "510104", "510107", "511402", "513401", "511302", "510603")


def synthetic_engine(model: object, base: np.ndarray, docs: list[tuple[list[str], list[str]]], size: int, *,
                     rng: np.random.Generator) -> Engine:
    """Fill an engine with size docs: noisy copies of real vectors, resampled real token lists, random meta."""
    engine = Engine(model)  # type: ignore[arg-type]
    picks = rng.integers(0, base.shape[0], size)
    noise = rng.normal(0, 0.35 / np.sqrt(base.shape[1]), (size, base.shape[1])).astype(np.float32)
    kinds = rng.choice(len(KINDS), size, p=[0.3, 0.15, 0.4, 0.15])
    for i in range(size):
        meta = DocMeta(kind=KINDS[kinds[i]], status="open" if rng.random() < 0.9 else "closed",
                       author_id=int(rng.integers(0, size // 3 + 1)), region_code=REGIONS[i % len(REGIONS)])
        tokens, terms = docs[picks[i]]
        engine._store(f"d{i}", meta, tokens, terms, base[picks[i]] + noise[i])  # skips re-tokenising
    return engine


def time_queries(engine: Engine, texts: list[str]) -> dict[str, list[float]]:
    """Time infer, filtered index search, brute force and the whole hybrid Engine.match per query (ms)."""
    times: dict[str, list[float]] = {"infer": [], "search": [], "brute": [], "engine": []}
    index, model = engine._index, engine.model
    matrix = index.vectors
    for i, text in enumerate(texts):
        started = time.perf_counter()
        vector = infer(model, tokenize(text))  # type: ignore[arg-type]
        inferred = time.perf_counter()
        index.search(vector, 10, filter=rank.match_filter(kind="need", author_id=i, exclude_ids=["d1", "d2"]))
        searched = time.perf_counter()
        scores = matrix @ vector
        top = np.argpartition(-scores, 10)[:10]
        top[np.argsort(-scores[top])]
        brute = time.perf_counter()
        engine.match(text, 10, kind="need", author_id=i, region_code="511502", exclude_ids=["d1", "d2"])
        matched = time.perf_counter()
        for key, value in (("infer", inferred - started), ("search", searched - inferred),
                           ("brute", brute - searched), ("engine", matched - brute)):
            times[key].append(value * 1000)
    return times


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(label: str, times: dict[str, list[float]]) -> None:
    """Print p50/p95 of one size."""
    end_to_end = np.asarray(times["infer"]) + np.asarray(times["search"])
    brute = np.asarray(times["infer"]) + np.asarray(times["brute"])
    p = lambda values, q: float(np.percentile(values, q))  # noqa: E731
    print(f"{label:>8} | infer p50 {p(times['infer'], 50):5.2f} | search p50 {p(times['search'], 50):6.2f} "
          f"p95 {p(times['search'], 95):6.2f} | infer+search p50 {p(end_to_end, 50):6.2f} "
          f"p95 {p(end_to_end, 95):6.2f} | brute p50 {p(times['brute'], 50):6.2f} "
          f"p95 {p(times['brute'], 95):6.2f} | infer+brute p95 {p(brute, 95):6.2f} "
          f"| ratio search/brute p50 {p(times['search'], 50) / p(times['brute'], 50):4.2f} "
          f"| Engine.match hybrid p50 {p(times['engine'], 50):6.2f} p95 {p(times['engine'], 95):6.2f}", flush=True)


def main() -> None:
    """Run the latency benchmark."""
    parser = argparse.ArgumentParser(description="matching latency")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 400_000])
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    corpus = load_jsonl(DATA / "corpus.jsonl")
    texts = [q["query"] for q in load_jsonl(DATA / "queries_title_dev.jsonl")][: args.queries]
    model = load_or_retrain(((d["id"], d["text"]) for d in corpus), model_dir=MODEL_DIR,
                            progress=sys.stderr.isatty()).model
    base = np.stack([unit(model.dv[d["id"]]) for d in corpus])
    docs = [(tokens, lexical_terms(d["text"], tokens)) for d in corpus for tokens in [tokenize(d["text"])]]
    print(f"model: {model.vector_size} dims; {len(texts)} title queries; times in ms (2-core machine)")
    rng = np.random.default_rng(0)
    for size in args.sizes:
        started = time.perf_counter()
        engine = synthetic_engine(model, base, docs, size, rng=rng)
        built = time.perf_counter() - started
        time_queries(engine, texts[:20])  # warm-up
        report(f"{size:,}", time_queries(engine, texts))
        print(f"{'':>8}   (built in {built:.0f} s; peak RSS {peak_rss_mb():.0f} MB)", flush=True)
        del engine


if __name__ == "__main__":
    main()
