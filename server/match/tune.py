"""Learn the hybrid fusion gate on dev queries: grid search on one half, check on the other.

    python -m server.match.tune --corpus CORPUS.jsonl --queries Q1.jsonl [--queries Q2.jsonl] [--split]
        [--save SETS.pkl]        (or: python -m server.match.tune --load SETS.pkl)

--split adds a derived low-overlap set (devsets.split_documents: a document's first sentences
as the query, the rest as the answer), with its own model trained on the cut corpus. For every
query it computes the reciprocal rank at each Doc2Vec weight once; the search then picks
(gate_coverage, weight_confident, weight_uncertain) maximising the mean MRR@10 over the sets
while no set falls under BM25 alone. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np

from server.match import rank
from server.match.devsets import split_documents
from server.match.engine import Engine
from server.match.evaluate import build_engine, load_jsonl
from server.match.params import FusionParams

WEIGHTS = tuple(round(w, 2) for w in np.arange(0.0, 1.0001, 0.05))
GATES = tuple(round(g, 2) for g in np.arange(0.0, 0.6001, 0.02))
BM25_ONLY = FusionParams(0.0, 0.0, 0.0)
# When BM25's best document covers the query, BM25's order stands: on the dev split a Doc2Vec weight
# there gained nothing held-out and only moved single queries either way (see FusionParams.provenance).
CONFIDENT_WEIGHTS = (0.0,)


@dataclass(frozen=True)
class QuerySet:
    """Per-query reciprocal ranks at each weight in WEIGHTS, BM25 coverage and half (0/1)."""

    name: str
    rr: np.ndarray
    coverage: np.ndarray
    half: np.ndarray


def reciprocal_ranks(cosines: np.ndarray, bm25: np.ndarray, mask: np.ndarray, relevant: np.ndarray) -> list[float]:
    """Return the reciprocal rank (0 past 10) of the best relevant slot at each weight."""
    z_cos, z_bm25 = rank.standardise(cosines, mask), rank.standardise(bm25, mask)
    out = []
    for weight in WEIGHTS:
        fused = np.where(mask, weight * z_cos + (1.0 - weight) * z_bm25, -np.inf)
        position = int((fused > fused[relevant].max()).sum()) + 1
        out.append(1.0 / position if position <= 10 else 0.0)
    return out


def collect(engine: Engine, queries: Sequence[dict[str, Any]], *, name: str) -> QuerySet:
    """Score every query once; the half depends on the relevant ids (a paper's queries share it)."""
    rows, coverage, half = [], [], []
    for query in queries:
        parts = engine.score_components(query["query"])
        wanted = set(query["relevant"])
        relevant = np.asarray([s for s, doc_id in enumerate(parts.ids) if doc_id in wanted], dtype=np.int64)
        if relevant.size == 0:
            continue
        rows.append(reciprocal_ranks(parts.cosines, parts.bm25, parts.mask, relevant))
        coverage.append(rank.coverage(float(parts.bm25[parts.mask].max()), parts.bm25_ceiling))
        half.append(zlib.crc32(" ".join(sorted(wanted)).encode()) % 2)
    return QuerySet(name, np.asarray(rows), np.asarray(coverage), np.asarray(half))


def mrr(qs: QuerySet, rows: np.ndarray, params: FusionParams) -> float:
    """Return MRR@10 over the selected rows with the gate in params."""
    chosen = _chosen(qs, rows, params)
    return float(chosen.mean()) if chosen.size else 0.0


def recall(qs: QuerySet, rows: np.ndarray, params: FusionParams) -> float:
    """Return R@10 over the selected rows with the gate in params."""
    chosen = _chosen(qs, rows, params)
    return float((chosen > 0).mean()) if chosen.size else 0.0


def _chosen(qs: QuerySet, rows: np.ndarray, params: FusionParams) -> np.ndarray:
    confident = qs.coverage[rows] >= params.gate_coverage
    columns = np.where(confident, WEIGHTS.index(params.weight_confident), WEIGHTS.index(params.weight_uncertain))
    return qs.rr[rows][np.arange(columns.size), columns]


def fit(sets: Sequence[QuerySet], rows: Sequence[np.ndarray]) -> FusionParams:
    """Return the gate with the largest total MRR@10 gain that keeps every set's MRR@10 and R@10 >= BM25.

    Gains are compared at 0.001 (about two queries moving one place) and ties go to smaller weights,
    so a weight moves off zero only for more than noise.
    """
    pairs = list(zip(sets, rows, strict=True))
    floor = [(mrr(qs, r, BM25_ONLY), recall(qs, r, BM25_ONLY)) for qs, r in pairs]
    best, best_key = BM25_ONLY, (0, 0.0, 0.0)
    for gate, confident, uncertain in product(GATES, CONFIDENT_WEIGHTS, WEIGHTS):
        params = FusionParams(confident, uncertain, gate)
        scores = [(mrr(qs, r, params), recall(qs, r, params)) for qs, r in pairs]
        if any(m < fm or rc < fr for (m, rc), (fm, fr) in zip(scores, floor, strict=True)):
            continue
        gain = sum(m - fm for (m, _), (fm, _) in zip(scores, floor, strict=True))
        key = (int(gain / 0.001), -confident, -uncertain)
        if key > best_key:
            best, best_key = params, key
    return best


def cross_check(sets: Sequence[QuerySet]) -> dict[str, Any]:
    """Fit on each half and report on the other beside BM25; then fit on everything."""
    report: dict[str, Any] = {"halves": []}
    for fit_half in (0, 1):
        params = fit(sets, [qs.half == fit_half for qs in sets])
        held = {qs.name: _compare(qs, qs.half != fit_half, params) for qs in sets}
        report["halves"].append({"fit_on_half": fit_half, "params": _brief(params), "held_out": held})
    final = fit(sets, [np.ones(qs.half.size, dtype=bool) for qs in sets])
    report["params"] = _brief(final)
    report["all"] = {qs.name: _compare(qs, np.ones(qs.half.size, dtype=bool), final) for qs in sets}
    return report


def _compare(qs: QuerySet, rows: np.ndarray, params: FusionParams) -> dict[str, float]:
    return {"queries": int(rows.sum()), "hybrid_mrr": round(mrr(qs, rows, params), 4),
            "bm25_mrr": round(mrr(qs, rows, BM25_ONLY), 4), "hybrid_r10": round(recall(qs, rows, params), 4),
            "bm25_r10": round(recall(qs, rows, BM25_ONLY), 4)}


def _brief(params: FusionParams) -> dict[str, float]:
    return {"weight_confident": params.weight_confident, "weight_uncertain": params.weight_uncertain,
            "gate_coverage": params.gate_coverage}


def main(argv: Sequence[str] | None = None) -> int:
    """Train, collect every query set and print the learned gate."""
    parser = argparse.ArgumentParser(prog="python -m server.match.tune", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus")
    parser.add_argument("--queries", action="append", default=[])
    parser.add_argument("--split", action="store_true", help="add the derived first-part -> rest set")
    parser.add_argument("--save", help="also pickle the collected query sets here")
    parser.add_argument("--load", help="re-analyse query sets saved with --save instead of training")
    args = parser.parse_args(argv)
    if args.load:
        with open(args.load, "rb") as handle:
            sets, seconds = [QuerySet(**fields) for fields in pickle.load(handle)], 0.0  # noqa: S301 - our own file
    else:
        sets, seconds = collect_all(args.corpus, args.queries, split=args.split)
    if args.save:
        with open(args.save, "wb") as handle:
            pickle.dump([vars(qs) for qs in sets], handle)
    print(json.dumps({"train_seconds": round(seconds, 1), **cross_check(sets)}), flush=True)
    return 0


def collect_all(corpus_path: str, query_paths: Sequence[str], *, split: bool) -> tuple[list[QuerySet], float]:
    """Train on the corpus (and on its cut copy with split) and collect every query set."""
    corpus, progress = load_jsonl(corpus_path), sys.stderr.isatty()
    engine, seconds = build_engine(corpus, progress=progress)
    sets = [collect(engine, load_jsonl(path), name=Path(path).stem) for path in query_paths]
    if split:
        cut_corpus, cut_queries = split_documents(corpus)
        cut_engine, _ = build_engine(cut_corpus, progress=progress)
        sets.append(collect(cut_engine, cut_queries, name="split_first_part_to_rest"))
    return sets, seconds


if __name__ == "__main__":
    sys.exit(main())
