"""Retrieval quality on the shared dev set: doc2vec, bm25 and hybrid side by side.

    .venv/bin/python benchmarks/bench_match_quality.py [--no-split]

Trains the production Doc2Vec on the 12,162 dev abstracts (cached under $BENCH_MODEL_DIR,
default /tmp/kejiyun-bench-match; delete it to retrain), indexes them through Engine, ranks the
title and keyword queries with each method and prints R@1, R@10 and MRR@10, then the ratio of the
shipped default (hybrid) to BM25, which must be >= 1.0 (exit status 1 otherwise). Unless
--no-split, it does the same on the derived low-overlap set (devsets.split_documents: each
abstract's first sentences as the query, the rest as the document; its own model).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.match.devsets import split_documents  # noqa: E402
from server.match.engine import Engine  # noqa: E402
from server.match.evaluate import METHODS, build_engine, figures, load_jsonl, rank_queries  # noqa: E402
from server.match.params import DEFAULT_PARAMS  # noqa: E402
from server.match.retrain import load_or_retrain  # noqa: E402

DATA = Path(os.environ.get("MATCH_DATA", ROOT.parent / "shared" / "data" / "match"))
MODEL_DIR = Path(os.environ.get("BENCH_MODEL_DIR", Path(tempfile.gettempdir()) / "kejiyun-bench-match"))
QUERY_FILES = {"title": "queries_title_dev.jsonl", "keywords": "queries_keywords_dev.jsonl"}


def engine_for(corpus: list[dict[str, Any]], model_dir: Path) -> Engine:
    """Index corpus in an engine holding the (cached) production model trained on it."""
    loaded = load_or_retrain(((d["id"], d["text"]) for d in corpus), model_dir=model_dir,
                             progress=sys.stderr.isatty())
    print(f"model {loaded.version}: trained {loaded.meta.get('training_seconds')} s on "
          f"{loaded.meta.get('corpus_size')} docs", flush=True)
    engine, _ = build_engine(corpus, with_model=False)
    engine.swap_model(loaded.model)
    return engine


def compare(engine: Engine, name: str, queries: list[dict[str, Any]]) -> bool:
    """Print each method's figures and the hybrid/BM25 ratios; return whether hybrid >= BM25."""
    results = {}
    for method in METHODS:
        rows, latencies = rank_queries(engine, queries, method=method, k=10)
        r = results[method] = figures(rows, latencies)
        print(f"{name:<9} {method:<8} {r['R@1']:6.3f} {r['R@10']:6.3f} {r['MRR@10']:7.3f} "
              f"{r['latency_ms_p50']:7.2f}", flush=True)
    ok = True
    for metric in ("R@10", "MRR@10"):
        ratio = results["hybrid"][metric] / results["bm25"][metric]
        ok &= ratio >= 1.0
        print(f"{name:<9} hybrid/bm25 {metric}: {ratio:.4f}")
    return ok


def main() -> int:
    """Run the quality benchmark; return 1 when hybrid falls under BM25."""
    corpus = load_jsonl(DATA / "corpus.jsonl")
    print(f"fusion: {DEFAULT_PARAMS.fusion}")
    engine = engine_for(corpus, MODEL_DIR)
    print(f"{'queries':<9} {'method':<8} {'R@1':>6} {'R@10':>6} {'MRR@10':>7} {'p50 ms':>7}")
    ok = all([compare(engine, name, load_jsonl(DATA / filename)) for name, filename in QUERY_FILES.items()])
    if "--no-split" not in sys.argv:
        cut_corpus, cut_queries = split_documents(corpus)
        ok &= compare(engine_for(cut_corpus, MODEL_DIR.with_name(MODEL_DIR.name + "-split")), "split", cut_queries)
    print("shipped default (hybrid) >= BM25 on every figure" if ok else "HYBRID FALLS UNDER BM25")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
