"""Retrieval quality on the shared dev set: doc2vec, bm25 and hybrid side by side.

    .venv/bin/python benchmarks/bench_match_quality.py

Trains the production Doc2Vec on the 12,162 dev abstracts (cached under $BENCH_MODEL_DIR,
default /tmp/kejiyun-bench-match; delete it to retrain), indexes them through Engine, ranks the
title and keyword queries with each method and prints R@10 and MRR@10, then the ratio of the
shipped default (hybrid) to BM25, which must be >= 1.0 (exit status 1 otherwise).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.match.evaluate import METHODS, build_engine, figures, load_jsonl, rank_queries  # noqa: E402
from server.match.params import DEFAULT_PARAMS  # noqa: E402
from server.match.retrain import load_or_retrain  # noqa: E402

DATA = Path(os.environ.get("MATCH_DATA", ROOT.parent / "shared" / "data" / "match"))
MODEL_DIR = Path(os.environ.get("BENCH_MODEL_DIR", Path(tempfile.gettempdir()) / "kejiyun-bench-match"))
QUERY_FILES = {"title": "queries_title_dev.jsonl", "keywords": "queries_keywords_dev.jsonl"}


def main() -> int:
    """Run the quality benchmark; return 1 when hybrid falls under BM25."""
    corpus = load_jsonl(DATA / "corpus.jsonl")
    loaded = load_or_retrain(((d["id"], d["text"]) for d in corpus), model_dir=MODEL_DIR)
    engine, _ = build_engine(corpus, with_model=False)
    engine.swap_model(loaded.model)
    print(f"model {loaded.version}: trained {loaded.meta.get('training_seconds')} s on "
          f"{loaded.meta.get('corpus_size')} docs")
    print(f"fusion: {DEFAULT_PARAMS.fusion}")
    print(f"{'queries':<9} {'method':<8} {'R@1':>6} {'R@10':>6} {'MRR@10':>7} {'p50 ms':>7}")
    ok = True
    for name, filename in QUERY_FILES.items():
        queries = load_jsonl(DATA / filename)
        results = {}
        for method in METHODS:
            rows, latencies = rank_queries(engine, queries, method=method, k=10)
            results[method] = figures(rows, latencies)
            r = results[method]
            print(f"{name:<9} {method:<8} {r['R@1']:6.3f} {r['R@10']:6.3f} {r['MRR@10']:7.3f} "
                  f"{r['latency_ms_p50']:7.2f}", flush=True)
        for metric in ("R@10", "MRR@10"):
            ratio = results["hybrid"][metric] / results["bm25"][metric]
            ok &= ratio >= 1.0
            print(f"{name:<9} hybrid/bm25 {metric}: {ratio:.4f}")
    print("shipped default (hybrid) >= BM25 on every figure" if ok else "HYBRID FALLS UNDER BM25")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
