"""Retrieval quality per dev set: word BM25, character BM25, doc2vec, dense and the shipped default.

    .venv/bin/python benchmarks/bench_match_quality.py [--full] [--queries 300] [--docs 2000]
        [--sets csl colloquial] [--cache /tmp/kejiyun-bench-enc]

Dev sets, one table each (one engine per set, every method ranks over the same index):

- the shared CSL dev split (../shared/data/match/, or $MATCH_DATA): title and keyword queries
  (two tables over one corpus). By default a fixed-seed sample of --queries of each kind over a
  corpus of their relevant abstracts plus random distractors up to --docs documents; --full
  ranks all 969 + 946 queries over the whole 12,162 abstracts (encoding them single-threaded
  takes 20+ minutes the first time; vectors are cached);
- the project's colloquial set (server/match/data/dev/colloquial_needs.jsonl over
  colloquial_offers.jsonl; 40 needs have `relevant: []`: no offer fits).

Methods are Engine.match's: `bm25` (word), `char-bm25`, `doc2vec`, `dense` (the bundled e5-small
encoder) and the shipped default, `hybrid` on an engine holding the encoder and Doc2Vec: the
learned fusion of server/match/data/fusion.json with its calibrated relevance and floor (what
`python -m server.match.evaluate --method default` measures). An extra column, no-d2v, is the
same fusion on an engine without Doc2Vec (the encoder-only variant production uses while no
Doc2Vec model has passed the quality gate). Whether each fused variant is fitted in fusion.json
or falls back to the hand-set weights is printed. Doc2Vec is trained once with the
production parameters on every benchmark corpus (all 12,162 CSL abstracts + the colloquial
offers) plus the shipped background corpus, and cached under $BENCH_MODEL_DIR (default
/tmp/kejiyun-bench-match; delete it to retrain). Encoder vectors of the corpora are cached under
--cache (same file names as `evaluate --cache`).

IN-SAMPLE: the fusion weights, calibration and floor were fitted by `python -m server.match.tune`
on these same dev sets (its provenance line is printed), so the default's figures here are
in-sample; the held-out figures come from `python -m server.match.tune` (fit on one half, scored
on the other). Word BM25, character BM25, doc2vec and dense involve no fitting on these sets.

Per table: R@1, R@3, R@10, MRR@10 (queries with a relevant document) and p50 latency per
method; the default's floor figures (share of no-fit queries with nothing above the floor, share
of queries whose relevant document stays above it); the ratio default / word BM25 of MRR@10 (the
reference, measured in the same run).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.match.encoder import Encoder, load_encoder  # noqa: E402
from server.match.engine import Engine  # noqa: E402
from server.match.evaluate import BACKGROUND, figures, floor_figures, load_jsonl  # noqa: E402
from server.match.fusion import DATA_PATH as FUSION_PATH  # noqa: E402
from server.match.params import DEFAULT_PARAMS  # noqa: E402
from server.match.retrain import load_or_retrain  # noqa: E402
from server.match.schema import Doc  # noqa: E402
from server.match.store import LoadedModel  # noqa: E402

DATA = Path(os.environ.get("MATCH_DATA", ROOT.parent / "shared" / "data" / "match"))
DEV = ROOT / "server" / "match" / "data" / "dev"
MODEL_DIR = Path(os.environ.get("BENCH_MODEL_DIR", Path(tempfile.gettempdir()) / "kejiyun-bench-match"))
ENCODER_CACHE = Path(tempfile.gettempdir()) / "kejiyun-bench-enc"
CSL_QUERIES = {"titles": "queries_title_dev.jsonl", "keywords": "queries_keywords_dev.jsonl"}
COLUMNS = (("word BM25", "bm25"), ("char BM25", "char-bm25"), ("doc2vec", "doc2vec"), ("dense", "dense"),
           ("default", "hybrid"))
METRICS = ("R@1", "R@3", "R@10", "MRR@10")
NO_D2V = "no-d2v"  # the encoder-only fusion (an engine without a trusted Doc2Vec model)
SEED = 0


def offer_text(row: dict[str, Any]) -> str:
    """Return the indexed text of a dev-set document (its text, else title + body)."""
    return str(row.get("text") or "。".join(str(row[k]) for k in ("title", "body") if row.get(k)))


def csl_sample(*, queries: int, docs: int, full: bool, seed: int = SEED
               ) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Return the CSL corpus to index and the queries of each kind (a fixed-seed sample unless full).

    The sample: `queries` of each kind drawn with `seed`, over their relevant abstracts plus
    distractors drawn with the same seed up to `docs` documents, in corpus order.
    """
    corpus = load_jsonl(DATA / "corpus.jsonl")
    by_kind = {kind: load_jsonl(DATA / name) for kind, name in CSL_QUERIES.items()}
    if full:
        return corpus, by_kind
    rng = random.Random(seed)
    chosen = {kind: sorted(rng.sample(rows, min(queries, len(rows))), key=lambda r: r["id"])
              for kind, rows in by_kind.items()}
    wanted = {doc_id for rows in chosen.values() for row in rows for doc_id in row["relevant"]}
    others = [doc["id"] for doc in corpus if doc["id"] not in wanted]
    wanted |= set(rng.sample(others, max(0, min(len(others), docs - len(wanted)))))
    return [doc for doc in corpus if doc["id"] in wanted], chosen


def colloquial_set() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return the colloquial offers (as {id, text}) and needs."""
    offers = [{"id": str(row["id"]), "text": offer_text(row)} for row in load_jsonl(DEV / "colloquial_offers.jsonl")]
    return offers, load_jsonl(DEV / "colloquial_needs.jsonl")


def encode_cached(encoder: Encoder, texts: Sequence[str], cache: Path | None, *, desc: str) -> np.ndarray:
    """Encode passages in batches with a progress bar, cached as .npy (the file name evaluate --cache uses)."""
    path = None
    if cache is not None:
        digest = hashlib.sha1((encoder.name + "\x00" + "\x00".join(texts)).encode()).hexdigest()[:16]
        path = cache / f"{encoder.name}-{digest}.npy"
        if path.is_file():
            print(f"{desc}: {len(texts):,} encoder vectors from {path}", flush=True)
            return np.load(path)
    chunks = []
    with tqdm(total=len(texts), desc=f"encode {desc}", unit="doc", mininterval=2) as bar:
        for start in range(0, len(texts), 32):
            chunk = list(texts[start:start + 32])
            chunks.append(encoder.passages(chunk))
            bar.update(len(chunk))
    vectors = np.concatenate(chunks) if chunks else np.zeros((0, encoder.dim), np.float32)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def doc2vec_model() -> LoadedModel:
    """Return the production Doc2Vec trained on every benchmark corpus + the background corpus (cached)."""
    corpus = load_jsonl(DATA / "corpus.jsonl")
    offers, _ = colloquial_set()
    pairs = [(str(d["id"]), d["text"]) for d in corpus + offers]
    pairs += [(f"bg:{d['id']}", d["text"]) for d in load_jsonl(BACKGROUND)]
    model_dir = MODEL_DIR / "all-corpora+background"
    started = time.perf_counter()
    loaded = load_or_retrain(pairs, model_dir=model_dir, params=DEFAULT_PARAMS.doc2vec, progress=sys.stderr.isatty())
    gate = loaded.meta.get("gate") or {}
    print(f"doc2vec {loaded.version} ({model_dir}): {loaded.meta.get('corpus_size')} docs, trained in "
          f"{loaded.meta.get('training_seconds')} s, loaded in {time.perf_counter() - started:.0f} s; "
          f"gate passed: {gate.get('passed', '?') if isinstance(gate, dict) else '?'}", flush=True)
    return loaded


def build(corpus: Sequence[dict[str, Any]], model: Any, encoder: Encoder, cache: Path | None, *,
          name: str) -> tuple[Engine, Engine]:
    """Index corpus with its (cached) encoder vectors in an engine holding the encoder and Doc2Vec.

    Also returns the same index without Doc2Vec (the encoder-only fusion: what production ranks
    with while no Doc2Vec model has passed the gate).
    """
    docs = [Doc(id=str(d["id"]), text=d["text"]) for d in corpus]
    vectors = encode_cached(encoder, [d.text for d in docs], cache, desc=name)
    engine, without = Engine(model, encoder=encoder, doc_vectors=True), Engine(None, encoder=encoder)
    started = time.perf_counter()
    for start in tqdm(range(0, len(docs), 500), desc=f"index {name}", unit="batch", mininterval=2):
        engine.upsert_many(docs[start:start + 500], list(vectors[start:start + 500]))
        without.upsert_many(docs[start:start + 500], list(vectors[start:start + 500]))
    print(f"{name}: {len(engine):,} documents indexed twice in {time.perf_counter() - started:.0f} s "
          f"(fusion variants {engine.variant} and {without.variant})", flush=True)
    return engine, without


def rank(engine: Engine, queries: Sequence[dict[str, Any]], method: str, *,
         desc: str) -> tuple[list[dict[str, Any]], list[float]]:
    """Rank every query with one method; return evaluate-style rows and latencies (s)."""
    rows, latencies = [], []
    for query in tqdm(queries, desc=desc, unit="q", mininterval=2, leave=False):
        started = time.perf_counter()
        matches = engine.match(query["query"], 10, method=method)
        latencies.append(time.perf_counter() - started)
        rows.append({"id": query["id"], "relevant": [str(r) for r in query.get("relevant") or []],
                     "ranked": [m.doc_id for m in matches], "relevance": [m.relevance for m in matches]})
    return rows, latencies


def table(engines: tuple[Engine, Engine], queries: Sequence[dict[str, Any]], name: str) -> dict[str, Any]:
    """Rank with every method, print the side-by-side table and the default's floor figures; return them."""
    engine, without = engines
    columns = [(label, method, engine) for label, method in COLUMNS] + [(NO_D2V, "hybrid", without)]
    results, fused_rows = {}, {}
    for label, method, ranker in columns:
        rows, latencies = rank(ranker, queries, method, desc=f"{name} {label}")
        results[label] = figures(rows, latencies)
        if method == "hybrid":
            fused_rows[label] = rows
    judged = results["default"]["judged"]
    print(f"\n== {name}: {len(queries)} queries ({judged} with a relevant document, "
          f"{len(queries) - judged} no-fit) over {len(engine):,} documents")
    print(f"{'':<10}" + "".join(f"{label:>11}" for label, _, _ in columns))
    for metric in METRICS:
        print(f"{metric:<10}" + "".join(f"{results[label][metric]:>11.3f}" for label, _, _ in columns))
    print(f"{'p50 ms':<10}" + "".join(f"{results[label]['latency_ms_p50']:>11.1f}" for label, _, _ in columns))
    floors = {}
    for label, ranker in (("default", engine), (NO_D2V, without)):
        floor = floors[label] = floor_figures(fused_rows[label], ranker.fusion_model.floor)
        no_fit = floor["no_fit_nothing_above_floor"]
        print(f"{label} floor {floor['floor']:.2f} ({ranker.variant}): no-fit queries with nothing above it: "
              + (f"{no_fit:.3f} of {floor['no_fit_queries']}" if no_fit is not None else "n/a (no no-fit queries)")
              + f"; relevant document above it: {floor['relevant_above_floor']:.3f} of {judged}")
    ratio = results["default"]["MRR@10"] / results["word BM25"]["MRR@10"] if results["word BM25"]["MRR@10"] else 0
    print(f"MRR@10 default / word BM25 (reference): {ratio:.3f}   [fusion figures are IN-SAMPLE]", flush=True)
    return {"figures": results, "floor": floors, "ratio_mrr_default_bm25": round(ratio, 4)}


def fusion_note(engines: tuple[Engine, Engine]) -> None:
    """Print where the fusion comes from and whether each fused column's variant is fitted or the fallback."""
    try:
        data = json.loads(FUSION_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    print(f"fusion {FUSION_PATH.relative_to(ROOT)}: {data.get('provenance', 'missing: hand-set fallback')}")
    for label, engine in zip(("default", NO_D2V), engines, strict=True):
        fitted = engine.variant in (data.get("models") or {})
        print(f"{label} = fusion variant {engine.variant}: " + (
            "fitted in that file" if fitted else "NOT in that file: the hand-set fallback weights (fusion._FALLBACK)"))
    print("NOTE: the fusion (weights, calibration, floor) was fitted on these dev sets: the default's figures are "
          "in-sample; held-out halves: `python -m server.match.tune`.", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the quality benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="whole CSL dev split (12,162 docs, all queries)")
    parser.add_argument("--queries", type=int, default=300, help="CSL queries of each kind in the sample")
    parser.add_argument("--docs", type=int, default=2000, help="CSL documents in the sample (relevant + distractors)")
    parser.add_argument("--sets", nargs="+", choices=("csl", "colloquial"), default=["csl", "colloquial"])
    parser.add_argument("--cache", type=Path, default=ENCODER_CACHE, help="encoder vector cache directory")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args(argv)

    encoder = load_encoder("e5-small")
    assert encoder is not None
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (latencies are wall clock)", flush=True)
    loaded = doc2vec_model()
    out: dict[str, Any] = {}
    if "colloquial" in args.sets:
        offers, needs = colloquial_set()
        engines = build(offers, loaded.model, encoder, args.cache, name="colloquial")
        fusion_note(engines)
        out["colloquial"] = table(engines, needs, "colloquial needs -> offers")
        del engines
    if "csl" in args.sets:
        corpus, by_kind = csl_sample(queries=args.queries, docs=args.docs, full=args.full)
        label = "full" if args.full else f"sample seed {SEED}"
        engines = build(corpus, loaded.model, encoder, args.cache, name=f"CSL {label}")
        if "colloquial" not in args.sets:
            fusion_note(engines)
        for kind, queries in by_kind.items():
            out[f"csl-{kind}"] = table(engines, queries, f"CSL {kind} ({label})")
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
