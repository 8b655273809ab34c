"""Evaluate the matcher on a retrieval set; prints one JSON line of figures.

    python -m server.match.evaluate --corpus CORPUS.jsonl --queries QUERIES.jsonl
        [--method default|hybrid|dense|doc2vec|bm25|char-bm25] [--k 10] [--out RANKS.jsonl]
        [--background BG.jsonl.gz] [--cache DIR]

Corpus lines are {"id", "text"}; query lines {"id", "query", "relevant": [ids]} (an empty
`relevant` is a query nothing fits). `default` is exactly what production ranks with: the
bundled sentence encoder, Doc2Vec trained on the corpus plus the shipped background corpus, the
learned fusion and its floor; `hybrid` is the same fusion with Doc2Vec trained on the corpus alone.
Prints R@1, R@3, R@5, R@10, MRR@10, nDCG@10 over queries with a relevant document and, for the
fused methods, the floor figures: the share of no-fit queries that get nothing above the floor and
the share of the others whose relevant document stays above it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from server.match.encoder import Encoder, load_encoder
from server.match.engine import Engine
from server.match.metrics import percentile_ms, recall_at, summarise
from server.match.model import train
from server.match.params import DEFAULT_PARAMS, MatchParams
from server.match.schema import Doc

METHOD_CHOICES = ("default", "hybrid", "dense", "doc2vec", "bm25", "char-bm25")
BACKGROUND = Path(__file__).resolve().parent / "data" / "background" / "csl_abstracts.jsonl.gz"


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON-lines file (gzip-compressed when the name ends in .gz)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def encode_cached(encoder: Encoder, texts: Sequence[str], cache: str | Path | None) -> np.ndarray:
    """Encode passages, reusing a .npy cache keyed by the encoder and the texts (tools, not production)."""
    if cache is None:
        return encoder.passages(list(texts))
    digest = hashlib.sha1((encoder.name + "\x00" + "\x00".join(texts)).encode()).hexdigest()[:16]
    path = Path(cache) / f"{encoder.name}-{digest}.npy"
    if path.is_file():
        return np.load(path)
    vectors = np.concatenate([encoder.passages(list(texts[i:i + 64])) for i in range(0, len(texts), 64)]) \
        if texts else np.zeros((0, encoder.dim), np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def build_engine(corpus: Sequence[dict[str, Any]], *, with_model: bool = True, params: MatchParams | None = None,
                 progress: bool = False, encoder: Encoder | None = None,
                 background: Sequence[dict[str, Any]] = (), cache: str | None = None) -> tuple[Engine, float]:
    """Train Doc2Vec on the corpus (+ background) when with_model, index the corpus; return engine and seconds."""
    params = params or DEFAULT_PARAMS
    model, seconds = None, 0.0
    if with_model:
        started = time.perf_counter()
        texts = [(str(doc["id"]), doc["text"]) for doc in corpus]
        texts += [(f"bg:{doc['id']}", doc["text"]) for doc in background]
        model = train(texts, params=params.doc2vec, progress=progress)
        seconds = time.perf_counter() - started
    engine = Engine(model, params=params, encoder=encoder, doc_vectors=True)
    docs = [Doc(id=str(doc["id"]), text=doc["text"]) for doc in corpus]
    vectors = list(encode_cached(encoder, [d.text for d in docs], cache)) if encoder is not None else None
    engine.upsert_many(docs, vectors)
    return engine, seconds


def rank_queries(engine: Engine, queries: Sequence[dict[str, Any]], *, method: str,
                 k: int = 10) -> tuple[list[dict[str, Any]], list[float]]:
    """Rank every query; return one row per query and the per-query latencies in seconds."""
    rows, latencies = [], []
    for query in queries:
        started = time.perf_counter()
        matches = engine.match(query["query"], k, method=method)
        latencies.append(time.perf_counter() - started)
        rows.append({"id": query["id"], "relevant": query.get("relevant") or [],
                     "ranked": [m.doc_id for m in matches], "scores": [round(m.score, 5) for m in matches],
                     "relevance": [m.relevance for m in matches], "keywords": [m.keywords for m in matches]})
    return rows, latencies


def figures(rows: Sequence[dict[str, Any]], latencies: Sequence[float]) -> dict[str, Any]:
    """Return R@1/3/5/10, MRR@10, nDCG@10 over queries with a relevant document, with latency percentiles."""
    judged = [(row["ranked"], set(row["relevant"])) for row in rows if row["relevant"]]
    summary = summarise(judged, k=10)
    r3 = sum(recall_at(ranked, relevant, 3) for ranked, relevant in judged) / max(len(judged), 1)
    return {"R@1": summary["R@1"], "R@3": r3, **{k: v for k, v in summary.items() if k != "R@1"},
            "queries": len(rows), "judged": len(judged),
            "latency_ms_p50": round(percentile_ms(latencies, 50), 3),
            "latency_ms_p95": round(percentile_ms(latencies, 95), 3)}


def floor_figures(rows: Sequence[dict[str, Any]], floor: float) -> dict[str, Any]:
    """Return the floor's effect: no-fit queries with nothing above it, relevant documents kept above it."""
    empty = [row for row in rows if not row["relevant"]]
    full = [row for row in rows if row["relevant"]]

    def kept(row: dict[str, Any]) -> bool:
        return any(doc in row["relevant"] and (rel or 0) >= floor
                   for doc, rel in zip(row["ranked"], row["relevance"], strict=True))

    return {"floor": floor, "no_fit_queries": len(empty),
            "no_fit_nothing_above_floor": round(sum(not any((r or 0) >= floor for r in row["relevance"])
                                                    for row in empty) / len(empty), 4) if empty else None,
            "relevant_above_floor": round(sum(kept(row) for row in full) / len(full), 4) if full else None}


def run(*, corpus_path: str, queries_path: str, method: str, k: int, out: str | None,
        background_path: str | None = None, cache: str | None = None) -> dict[str, Any]:
    """Build, rank and score; write ranks to out; return the figures."""
    corpus, queries = load_jsonl(corpus_path), load_jsonl(queries_path)
    fused = method in ("default", "hybrid")
    encoder = load_encoder("e5-small") if method in ("default", "hybrid", "dense") else None
    background = load_jsonl(background_path or BACKGROUND) if method == "default" else []
    engine, train_seconds = build_engine(corpus, with_model=method in ("default", "hybrid", "doc2vec"),
                                         progress=sys.stderr.isatty(), encoder=encoder, background=background,
                                         cache=cache)
    rows, latencies = rank_queries(engine, queries, method="hybrid" if fused else method, k=max(k, 10))
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            for row in rows:
                line = {"id": row["id"], "ranked": row["ranked"][:k], "scores": row["scores"][:k]}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    result = {"method": method, "k": k, "docs": len(corpus), **figures(rows, latencies),
              **(floor_figures(rows, engine.fusion_model.floor) if fused else {}),
              "train_seconds": round(train_seconds, 2), "variant": engine.variant if fused else None}
    return {key: (round(value, 4) if isinstance(value, float) else value) for key, value in result.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the evaluation and print one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m server.match.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="JSONL with {id, text}")
    parser.add_argument("--queries", required=True, help="JSONL with {id, query, relevant}")
    parser.add_argument("--method", choices=METHOD_CHOICES, default="default")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--out", help="write ranked ids here (JSONL)")
    parser.add_argument("--background", help="Doc2Vec background corpus for --method default "
                                             "(default: the shipped CSL abstracts)")
    parser.add_argument("--cache", help="keep encoder vectors of the corpus here between runs")
    args = parser.parse_args(argv)
    result = run(corpus_path=args.corpus, queries_path=args.queries, method=args.method, k=args.k, out=args.out,
                 background_path=args.background, cache=args.cache)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
