"""Evaluate the matcher on a retrieval set; prints one JSON line of figures.

    python -m server.match.evaluate --corpus CORPUS.jsonl --queries QUERIES.jsonl \
        [--method doc2vec|bm25|hybrid] [--k 10] [--out RANKS.jsonl]

Corpus lines are {"id", "text"}; query lines {"id", "query", "relevant": [ids]}. It trains on the
corpus with the production tokeniser and parameters, indexes every document, ranks every query.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from server.match.engine import METHODS, Engine
from server.match.metrics import percentile_ms, summarise
from server.match.model import train
from server.match.params import DEFAULT_PARAMS, MatchParams
from server.match.schema import Doc


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON-lines file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def build_engine(corpus: Sequence[dict[str, Any]], *, with_model: bool = True, params: MatchParams | None = None,
                 progress: bool = False) -> tuple[Engine, float]:
    """Train on the corpus (when with_model) and index it; return the engine and training seconds."""
    params = params or DEFAULT_PARAMS
    model, seconds = None, 0.0
    if with_model:
        started = time.perf_counter()
        model = train(((doc["id"], doc["text"]) for doc in corpus), params=params.doc2vec, progress=progress)
        seconds = time.perf_counter() - started
    engine = Engine(model, params=params)
    for doc in corpus:
        engine.upsert(Doc(id=str(doc["id"]), text=doc["text"]))
    return engine, seconds


def rank_queries(engine: Engine, queries: Sequence[dict[str, Any]], *, method: str,
                 k: int = 10) -> tuple[list[dict[str, Any]], list[float]]:
    """Rank every query; return one row per query and the per-query latencies in seconds."""
    rows, latencies = [], []
    for query in queries:
        started = time.perf_counter()
        matches = engine.match(query["query"], k, method=method)
        latencies.append(time.perf_counter() - started)
        rows.append({"id": query["id"], "relevant": query.get("relevant", []),
                     "ranked": [m.doc_id for m in matches], "scores": [round(m.score, 5) for m in matches]})
    return rows, latencies


def figures(rows: Sequence[dict[str, Any]], latencies: Sequence[float]) -> dict[str, Any]:
    """Return R@1/5/10, MRR@10, nDCG@10 of ranked rows with latency percentiles."""
    summary = summarise([(row["ranked"], set(row["relevant"])) for row in rows], k=10)
    return {**summary, "queries": len(rows), "latency_ms_p50": round(percentile_ms(latencies, 50), 3),
            "latency_ms_p95": round(percentile_ms(latencies, 95), 3)}


def run(*, corpus_path: str, queries_path: str, method: str, k: int, out: str | None) -> dict[str, Any]:
    """Train, index, rank and score; write ranks to out; return the figures."""
    corpus, queries = load_jsonl(corpus_path), load_jsonl(queries_path)
    engine, train_seconds = build_engine(corpus, with_model=method != "bm25", progress=sys.stderr.isatty())
    rows, latencies = rank_queries(engine, queries, method=method, k=max(k, 10))  # metrics need 10
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            for row in rows:
                line = {"id": row["id"], "ranked": row["ranked"][:k], "scores": row["scores"][:k]}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    result = {"method": method, "k": k, "docs": len(corpus), **figures(rows, latencies),
              "train_seconds": round(train_seconds, 2)}
    return {key: (round(value, 4) if isinstance(value, float) else value) for key, value in result.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the evaluation and print one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m server.match.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="JSONL with {id, text}")
    parser.add_argument("--queries", required=True, help="JSONL with {id, query, relevant}")
    parser.add_argument("--method", choices=METHODS, default="hybrid")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--out", help="write ranked ids here (JSONL)")
    args = parser.parse_args(argv)
    result = run(corpus_path=args.corpus, queries_path=args.queries, method=args.method, k=args.k, out=args.out)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
