"""Fit the fusion (a logistic regression per variant) and its floor on dev sets; check on held-out halves.

    python -m server.match.tune --pair CORPUS.jsonl QUERIES.jsonl [--pair ...] [--doc2vec]
        [--background BG.jsonl[.gz]] [--write]

For every query the engine's candidate pool is scored by each part (word BM25, char BM25, the
sentence encoder, Doc2Vec when --doc2vec: trained on every corpus plus the background corpus), and
each candidate becomes a row (features, relevant?). Every set weighs the same in the fit, whatever
its size, so a large known-item set cannot drown a small colloquial one. The floor is chosen on
the sets that have queries with no relevant document: the value that best separates "nobody fits"
from "the right one is there" (balanced accuracy), keeping at least MIN_KEEP of the good matches.
Prints one JSON line with figures fitted on one half and measured on the other, both ways; --write
saves the fit on everything to server/match/data/fusion.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

from server.match.encoder import load_encoder
from server.match.engine import Engine, candidate_pool, features
from server.match.evaluate import encode_cached
from server.match.fusion import FEATURES, Fusion, FusionModel, load_fusion, save_fusion, variant_features
from server.match.metrics import reciprocal_rank
from server.match.model import train
from server.match.params import DEFAULT_PARAMS
from server.match.schema import Doc

VARIANTS = ("lexical", "dense", "doc2vec", "dense+doc2vec")
CALIBRATE_TOP = 3  # the calibration is fitted on each query's best candidates: the ones that get proposed
MIN_KEEP = 0.8  # the floor keeps at least this share of queries' relevant documents above it
L2 = 1e-2


@dataclass
class Rows:
    """Candidate rows of one dev set."""

    name: str
    x: dict[str, np.ndarray]  # feature -> values
    y: np.ndarray  # 1 relevant, 0 not
    query: np.ndarray  # query index per row
    half: np.ndarray  # 0/1 per row, by query
    no_fit: np.ndarray  # per query: True when it has no relevant document at all
    query_half: np.ndarray  # per query


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read JSON lines (gzip-compressed when the name ends in .gz)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def collect(engine: Engine, queries: Sequence[dict[str, Any]], *, name: str) -> Rows:
    """Score every query's candidate pool; relevant documents outside the pool are added (as the fit needs them)."""
    xs: dict[str, list[np.ndarray]] = {f: [] for f in FEATURES}
    ys, qs, halves, no_fit, query_half = [], [], [], [], []
    for number, query in enumerate(queries):
        parts = engine.score_components(query["query"])
        wanted = set(query.get("relevant") or [])
        slots = candidate_pool(parts)
        relevant = [s for s, doc_id in enumerate(parts.ids) if doc_id in wanted]
        slots = np.unique(np.concatenate([slots, np.asarray(relevant, dtype=np.int64)]))
        columns = features(parts, slots)
        for f in FEATURES:
            xs[f].append(columns.get(f, np.zeros(slots.size, np.float32)))
        ys.append(np.isin(slots, relevant).astype(np.float64))
        half = zlib.crc32(str(query["id"]).encode()) % 2
        qs.append(np.full(slots.size, number))
        halves.append(np.full(slots.size, half))
        no_fit.append(not wanted)
        query_half.append(half)
    return Rows(name, {f: np.concatenate(v) for f, v in xs.items()}, np.concatenate(ys), np.concatenate(qs),
                np.concatenate(halves), np.asarray(no_fit), np.asarray(query_half))


def fit_variant(sets: Sequence[Rows], chosen: Sequence[np.ndarray], variant: str) -> FusionModel:
    """Fit an L2-regularised logistic regression on the chosen rows, each set weighing the same."""
    names = variant_features(variant)
    x = np.concatenate([np.column_stack([r.x[f][c] for f in names]) for r, c in zip(sets, chosen, strict=True)])
    y = np.concatenate([r.y[c] for r, c in zip(sets, chosen, strict=True)])
    w = np.concatenate([np.full(int(c.sum()), 1.0 / max(int(c.sum()), 1)) for c in chosen])
    w = w / w.sum() * len(y)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mean) / scale

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        logit = z @ theta[1:] + theta[0]
        p = 1.0 / (1.0 + np.exp(-np.clip(logit, -40, 40)))
        eps = 1e-9
        value = -np.sum(w * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) / len(y)
        value += L2 * float(theta[1:] @ theta[1:])
        grad_logit = w * (p - y) / len(y)
        grad = np.concatenate([[grad_logit.sum()], z.T @ grad_logit + 2 * L2 * theta[1:]])
        return value, grad

    theta = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B").x
    weights = theta[1:] / scale
    bias = theta[0] - float(weights @ mean)
    return FusionModel(names, tuple(float(v) for v in weights), float(bias))


def row_logits(rows: Rows, model: FusionModel) -> tuple[np.ndarray, np.ndarray]:
    """Return each row's stage-1 logit and its query's best logit."""
    logits = model.logits({f: rows.x[f] for f in model.features})
    best = np.full(rows.no_fit.size, -np.inf)
    np.maximum.at(best, rows.query, logits)
    return logits, best[rows.query]


def row_relevance(rows: Rows, model: FusionModel) -> np.ndarray:
    """Return each row's calibrated relevance (as the engine computes it, query by query)."""
    logits, best = row_logits(rows, model)
    return model.calibrate(logits, best)


def fit_calibration(sets: Sequence[Rows], query_masks: Sequence[np.ndarray], model: FusionModel,
                    top: int = CALIBRATE_TOP) -> tuple[float, float, float]:
    """Fit sigmoid(a·logit + c) on every chosen query's top candidates (b, the distance to the best, stays 0)."""
    xs, ys, ws = [], [], []
    for rows, queries in zip(sets, query_masks, strict=True):
        logits, best = row_logits(rows, model)
        chosen = []
        for q in np.flatnonzero(queries):
            at = np.flatnonzero(rows.query == q)
            chosen.extend(at[np.argsort(-logits[at], kind="stable")[:top]])
        chosen = np.asarray(chosen, dtype=np.int64)
        xs.append(logits[chosen][:, None])
        ys.append(rows.y[chosen])
        ws.append(np.full(chosen.size, 1.0 / max(chosen.size, 1)))
    x, y, w = np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)
    # Only the absolute logit: a term for "how far below this query's best" would learn the dev
    # sets' one-right-answer habit and sink the second of five equally good scientists.
    a, c = _logistic(x, y, w / w.sum() * len(y))
    return float(a), 0.0, float(c)


def _logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Return (weights..., bias) of a weighted, lightly L2-regularised logistic regression."""
    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        logit = x @ theta[:-1] + theta[-1]
        p = 1.0 / (1.0 + np.exp(-np.clip(logit, -40, 40)))
        eps = 1e-9
        value = -np.sum(w * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) / len(y)
        value += 1e-4 * float(theta[:-1] @ theta[:-1])
        grad_logit = w * (p - y) / len(y)
        return value, np.concatenate([x.T @ grad_logit + 2e-4 * theta[:-1], [grad_logit.sum()]])

    return minimize(loss, np.concatenate([np.ones(x.shape[1]) * 0.5, [0.0]]), jac=True, method="L-BFGS-B").x


def query_scores(rows: Rows, model: FusionModel) -> tuple[np.ndarray, np.ndarray]:
    """Return per query: the best candidate's relevance and the best relevant candidate's relevance (-1 none)."""
    relevance = row_relevance(rows, model)
    count = rows.no_fit.size
    top, top_relevant = np.full(count, -1.0), np.full(count, -1.0)
    np.maximum.at(top, rows.query, relevance)
    hits = rows.y > 0
    np.maximum.at(top_relevant, rows.query[hits], relevance[hits])
    return top, top_relevant


def ranking(rows: Rows, model: FusionModel, queries: np.ndarray) -> dict[str, float]:
    """Return R@1, R@3, R@10 and MRR@10 of the fused order over the chosen queries with a relevant document."""
    relevance = row_relevance(rows, model)
    r1 = r3 = r10 = rr = 0.0
    counted = 0
    for q in np.flatnonzero(queries & ~rows.no_fit):
        at = rows.query == q
        order = np.argsort(-relevance[at], kind="stable")
        labels = rows.y[at][order]
        ids = [str(i) for i in range(labels.size)]
        wanted = {ids[i] for i in np.flatnonzero(labels)}
        total = labels.sum()  # recall at k, as the evaluation CLI counts it
        r1, r3, r10 = r1 + labels[:1].sum() / total, r3 + labels[:3].sum() / total, r10 + labels[:10].sum() / total
        rr += reciprocal_rank(ids, wanted, 10)
        counted += 1
    n = max(counted, 1)
    return {"queries": counted, "R@1": round(r1 / n, 4), "R@3": round(r3 / n, 4), "R@10": round(r10 / n, 4),
            "MRR@10": round(rr / n, 4)}


def floor_figures(rows: Rows, model: FusionModel, queries: np.ndarray, floor: float) -> dict[str, float]:
    """Share of no-fit queries with nothing above the floor; share of queries whose relevant doc stays above it."""
    top, top_relevant = query_scores(rows, model)
    empty, full = queries & rows.no_fit, queries & ~rows.no_fit
    return {"no_fit_queries": int(empty.sum()),
            "no_fit_nothing_above": round(float((top[empty] < floor).mean()), 4) if empty.any() else None,
            "relevant_above": round(float((top_relevant[full] >= floor).mean()), 4) if full.any() else None}


def choose_floor(sets: Sequence[Rows], model: FusionModel, chosen: Sequence[np.ndarray]) -> float:
    """Pick the floor with the best balanced accuracy on sets with no-fit queries (keep >= MIN_KEEP)."""
    best, best_score = 0.5, -1.0
    judged = [(r, q) for r, q in zip(sets, chosen, strict=True) if (q & r.no_fit).any()]
    if not judged:
        return best
    for floor in np.arange(0.02, 0.98, 0.01):
        rejects, keeps = [], []
        for rows, queries in judged:
            top, top_relevant = query_scores(rows, model)
            rejects.append(float((top[queries & rows.no_fit] < floor).mean()))
            keeps.append(float((top_relevant[queries & ~rows.no_fit] >= floor).mean()))
        reject, keep = float(np.mean(rejects)), float(np.mean(keeps))
        if keep < MIN_KEEP:
            continue
        if (reject + keep) / 2 > best_score:
            best, best_score = float(round(floor, 2)), (reject + keep) / 2
    return best


def fit_all(sets: Sequence[Rows], query_masks: Sequence[np.ndarray], variant: str) -> FusionModel:
    """Fit the variant on the chosen queries of every set, then its floor."""
    row_masks = [np.isin(r.query, np.flatnonzero(q)) for r, q in zip(sets, query_masks, strict=True)]
    model = fit_variant(sets, row_masks, variant)
    model = replace(model, calibration=fit_calibration(sets, query_masks, model))
    return replace(model, floor=choose_floor(sets, model, query_masks))


def report(sets: Sequence[Rows], variants: Sequence[str]) -> dict[str, Any]:
    """Fit on each half and measure on the other, then fit on everything."""
    out: dict[str, Any] = {}
    for variant in variants:
        halves = []
        for fit_half in (0, 1):
            model = fit_all(sets, [r.query_half == fit_half for r in sets], variant)
            held = {r.name: {**ranking(r, model, r.query_half != fit_half),
                             **floor_figures(r, model, r.query_half != fit_half, model.floor)} for r in sets}
            halves.append({"fit_on_half": fit_half, "floor": model.floor, "held_out": held})
        final = fit_all(sets, [np.ones_like(r.query_half, dtype=bool) for r in sets], variant)
        everything = {r.name: {**ranking(r, final, np.ones_like(r.query_half, dtype=bool)),
                               **floor_figures(r, final, np.ones_like(r.query_half, dtype=bool), final.floor)}
                      for r in sets}
        out[variant] = {"model": final.to_json(), "halves": halves, "all": everything}
    return out


def held_out_mrr(report_of_variant: dict[str, Any]) -> dict[str, float]:
    """Return each set's MRR@10 averaged over the two held-out halves."""
    names = report_of_variant["halves"][0]["held_out"]
    return {name: float(np.mean([h["held_out"][name]["MRR@10"] for h in report_of_variant["halves"]]))
            for name in names}


def only_where_it_helps(result: dict[str, Any], variants: Sequence[str],
                        tolerance: float = 0.005) -> tuple[dict[str, FusionModel], list[str]]:
    """Return the models to ship: a Doc2Vec variant that loses held-out MRR@10 on any set to the same
    variant without Doc2Vec ships that variant's model instead (Doc2Vec stays only where it helps)."""
    models = {variant: FusionModel.from_json(result[variant]["model"]) for variant in variants}
    dropped = []
    for variant, without in (("doc2vec", "lexical"), ("dense+doc2vec", "dense")):
        if variant not in result or without not in result:
            continue
        with_d2v, base = held_out_mrr(result[variant]), held_out_mrr(result[without])
        losses = {name: round(base[name] - with_d2v[name], 4) for name in base
                  if with_d2v[name] < base[name] - tolerance}
        if losses:
            models[variant] = models[without]
            dropped.append(f"{variant} (held-out MRR@10 lost: {losses})")
    return models, dropped


def kept_doc2vec_decision(models: dict[str, FusionModel]) -> dict[str, FusionModel]:
    """Doc2Vec variants for a refit without Doc2Vec: where the shipped fusion left Doc2Vec out (its
    doc2vec variant is its variant without), the refitted variant without it; else the shipped fit."""
    shipped = load_fusion()
    out = {}
    for variant, without in (("doc2vec", "lexical"), ("dense+doc2vec", "dense")):
        left_out = shipped.model(variant).to_json() == shipped.model(without).to_json()
        out[variant] = models[without] if left_out else shipped.model(variant)
    return out


def build(pairs: Sequence[tuple[str, str]], *, doc2vec: bool, background: str | None, encoder_spec: str,
          progress: bool, cache: str | None = None) -> tuple[list[Rows], float]:
    """Index every pair's corpus in its own engine (one Doc2Vec model for all) and collect its rows."""
    corpora = [(read_jsonl(c), read_jsonl(q), Path(q).stem) for c, q in pairs]
    model, seconds = None, 0.0
    if doc2vec:
        texts = [(d["id"], d["text"]) for corpus, _, _ in corpora for d in corpus]
        if background:
            texts += [(f"bg:{d['id']}", d["text"]) for d in read_jsonl(background)]
        started = time.perf_counter()
        model = train(texts, params=DEFAULT_PARAMS.doc2vec, progress=progress)
        seconds = time.perf_counter() - started
    encoder = load_encoder(encoder_spec)
    sets = []
    for corpus, queries, name in corpora:
        engine = Engine(model, encoder=encoder, doc_vectors=True)
        docs = [Doc(id=str(d["id"]), text=d["text"]) for d in corpus]
        vectors = encode_cached(encoder, [d.text for d in docs], cache) if encoder is not None else None
        engine.upsert_many(docs, list(vectors) if vectors is not None else None)
        sets.append(collect(engine, queries, name=name))
    return sets, seconds


def main(argv: Sequence[str] | None = None) -> int:
    """Collect, fit, report; with --write save the fit on everything."""
    parser = argparse.ArgumentParser(prog="python -m server.match.tune", description=__doc__.splitlines()[0])
    parser.add_argument("--pair", nargs=2, action="append", required=True, metavar=("CORPUS", "QUERIES"))
    parser.add_argument("--doc2vec", action="store_true", help="train Doc2Vec and fit the doc2vec variants too")
    parser.add_argument("--background", help="extra Doc2Vec training text (JSONL {id, text}, .gz allowed)")
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--cache", help="keep encoder vectors of the corpora here between runs")
    parser.add_argument("--write", action="store_true", help="save the fit to server/match/data/fusion.json")
    args = parser.parse_args(argv)
    sets, seconds = build([tuple(p) for p in args.pair], doc2vec=args.doc2vec, background=args.background,
                          encoder_spec=args.encoder, progress=sys.stderr.isatty(), cache=args.cache)
    variants = VARIANTS if args.doc2vec else ("lexical", "dense")
    result = report(sets, variants)
    print(json.dumps({"train_seconds": round(seconds, 1), **result}, ensure_ascii=False), flush=True)
    if args.write:
        names = ", ".join(f"{r.name} ({r.no_fit.size} queries)" for r in sets)
        provenance = (f"fitted {datetime.now(UTC):%Y-%m-%d} by `python -m server.match.tune` on {names}; "
                      f"doc2vec variants {'with' if args.doc2vec else 'without'} a model trained on the corpora"
                      f"{' + background' if args.background else ''}; every set weighs the same; floor = best "
                      f"balanced accuracy (no-fit rejected vs relevant kept >= {MIN_KEEP}).")
        models, dropped = only_where_it_helps(result, variants)
        if dropped:
            provenance += " Doc2Vec left out of " + "; ".join(dropped) + "."
        if not args.doc2vec:
            models.update(kept_doc2vec_decision(models))
            provenance += (" Doc2Vec variants: the shipped decision kept (left out: the refitted variant without it;"
                           " else the shipped fit).")
        save_fusion(Fusion(models, provenance))
    return 0


if __name__ == "__main__":
    sys.exit(main())
