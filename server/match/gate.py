"""The quality gate a freshly trained Doc2Vec model must pass before it may become `current`.

Three checks (thresholds in `GateParams`): (a) self-recall@1 — re-inferred training documents find
their own trained vector; (b) spread — the mean pairwise cosine of those inferred vectors stays low
(a model trained on a few hundred posts maps everything to nearly the same direction); (c) on each
shipped dev set the engine's default ranking with the model keeps MRR@10 within a tolerance of the
same engine without it (BM25 only). Plain sync code: run it in the training process.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from gensim.models.doc2vec import Doc2Vec, TaggedDocument
from tqdm import tqdm

from server.match.engine import Engine
from server.match.metrics import reciprocal_rank
from server.match.model import infer
from server.match.params import GateParams, MatchParams
from server.match.schema import Doc

DATA = Path(__file__).resolve().parent / "data"
TITLE_SAMPLE = DATA / "background" / "queries_title_dev_sample.jsonl"
COLLOQUIAL_NEEDS = DATA / "dev" / "colloquial_needs.jsonl"
COLLOQUIAL_OFFERS = DATA / "dev" / "colloquial_offers.jsonl"


@dataclass(frozen=True)
class DevQuery:
    """One dev query and the ids of the documents that answer it."""

    text: str
    relevant: frozenset[str]


@dataclass(frozen=True)
class DevSet:
    """Documents to index and queries to rank against them."""

    name: str
    docs: tuple[Doc, ...]
    queries: tuple[DevQuery, ...]


@dataclass(frozen=True)
class GateReport:
    """The gate's figures and verdict for one model."""

    passed: bool
    self_recall: float
    mean_cosine: float
    mrr: dict[str, dict[str, float]] = field(default_factory=dict)  # dev set -> {"model", "bm25", "queries"}
    failures: tuple[str, ...] = ()
    thresholds: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict (stored in the version's meta.json)."""
        return {**asdict(self), "failures": list(self.failures)}

    def summary(self) -> str:
        """Return the figures on one line, for logs."""
        dev = ", ".join(f"{name} MRR@10 {m['model']:.4f} vs BM25 {m['bm25']:.4f}" for name, m in self.mrr.items())
        verdict = "passed" if self.passed else "refused (" + "; ".join(self.failures) + ")"
        return (f"{verdict}: self-recall@1 {self.self_recall:.3f}, mean pairwise cosine {self.mean_cosine:.3f}"
                + (f", {dev}" if dev else ""))


def check(model: Doc2Vec, documents: Sequence[TaggedDocument], *, devsets: Iterable[DevSet],
          params: GateParams | None = None, match_params: MatchParams | None = None,
          progress: bool = False) -> GateReport:
    """Measure model against the gate's three checks and return the verdict with its figures."""
    params = params or GateParams()
    recall, spread = sample_figures(model, documents, sample=params.sample, seed=params.seed, progress=progress)
    failures = []
    if recall < params.min_self_recall:
        failures.append(f"self-recall@1 {recall:.3f} < {params.min_self_recall}")
    if spread > params.max_mean_cosine:
        failures.append(f"mean pairwise cosine {spread:.3f} > {params.max_mean_cosine}")
    mrr = {}
    for devset in devsets:
        with_model = dev_mrr(model, devset, match_params=match_params, progress=progress)
        without = dev_mrr(None, devset, match_params=match_params)
        mrr[devset.name] = {"model": round(with_model, 4), "bm25": round(without, 4),
                            "queries": len(_scored(devset))}
        if with_model < without - params.mrr_tolerance:
            failures.append(f"{devset.name} MRR@10 {with_model:.4f} < BM25 {without:.4f} - {params.mrr_tolerance}")
    return GateReport(passed=not failures, self_recall=round(recall, 4), mean_cosine=round(spread, 4), mrr=mrr,
                      failures=tuple(failures), thresholds=params.thresholds())


def sample_figures(model: Doc2Vec, documents: Sequence[TaggedDocument], *, sample: int, seed: int = 0,
                   progress: bool = False) -> tuple[float, float]:
    """Re-infer a sample of training documents; return (self-recall@1, mean pairwise cosine)."""
    known = [doc for doc in documents if any(word in model.wv for word in doc.words)]
    if len(known) < 2:
        return 0.0, 1.0
    chosen = random.Random(seed).sample(known, min(sample, len(known)))
    inferred = np.stack([infer(model, doc.words) for doc in tqdm(chosen, desc="gate: infer", unit="doc",
                                                                  disable=not progress)])
    trained = model.dv.get_normed_vectors()
    best = np.argmax(inferred @ trained.T, axis=1)
    hits = sum(model.dv.index_to_key[int(slot)] == doc.tags[0] for slot, doc in zip(best, chosen, strict=True))
    return hits / len(chosen), mean_pairwise_cosine(inferred)


def mean_pairwise_cosine(vectors: np.ndarray) -> float:
    """Return the mean cosine over all distinct pairs of rows (rows are unit or zero vectors)."""
    n = len(vectors)
    if n < 2:
        return 1.0
    total = vectors.sum(axis=0, dtype=np.float64)
    self_terms = float(np.einsum("ij,ij->", vectors, vectors, dtype=np.float64))
    return (float(total @ total) - self_terms) / (n * (n - 1))


def dev_mrr(model: Doc2Vec | None, devset: DevSet, *, k: int = 10, match_params: MatchParams | None = None,
            progress: bool = False) -> float:
    """Return MRR@k of the engine's default ranking over devset (queries without relevant docs skipped)."""
    engine = Engine(model, params=match_params)
    for doc in tqdm(devset.docs, desc=f"gate: index {devset.name}", unit="doc", disable=not progress):
        engine.upsert(doc)
    queries = _scored(devset)
    if not queries:
        return 0.0
    ranks = [reciprocal_rank([m.doc_id for m in engine.match(q.text, k)], q.relevant, k) for q in queries]
    return sum(ranks) / len(ranks)


def _scored(devset: DevSet) -> list[DevQuery]:
    ids = {doc.id for doc in devset.docs}
    return [q for q in devset.queries if q.relevant & ids]


def load_devsets(background: Sequence[tuple[str, str]], *, params: GateParams | None = None) -> list[DevSet]:
    """Return the shipped dev sets: title queries over the background corpus, and colloquial needs if present."""
    params = params or GateParams()
    sets = [title_devset(background, size=params.dev_documents)]
    if COLLOQUIAL_NEEDS.is_file() and COLLOQUIAL_OFFERS.is_file():
        sets.append(colloquial_devset(COLLOQUIAL_NEEDS, COLLOQUIAL_OFFERS))
    return [devset for devset in sets if _scored(devset)]


def title_devset(background: Sequence[tuple[str, str]], *, size: int, path: Path = TITLE_SAMPLE) -> DevSet:
    """Paper titles -> their abstracts, over the answering abstracts plus distractors (up to size docs)."""
    queries = [DevQuery(row["query"], frozenset(row["relevant"])) for row in _read_jsonl(path)]
    wanted = set().union(*(q.relevant for q in queries)) if queries else set()
    answers = [(doc_id, text) for doc_id, text in background if doc_id in wanted]
    others = [(doc_id, text) for doc_id, text in background if doc_id not in wanted]
    chosen = answers + others[: max(0, size - len(answers))]
    return DevSet("title", tuple(Doc(doc_id, text) for doc_id, text in chosen), tuple(queries))


def colloquial_devset(needs: Path, offers: Path) -> DevSet:
    """Everyday-language needs -> technical offers (the project's own dev set)."""
    docs = tuple(Doc(str(row["id"]), _text(row)) for row in _read_jsonl(offers))
    queries = tuple(DevQuery(_text(row), frozenset(map(str, row.get("relevant") or ()))) for row in _read_jsonl(needs))
    return DevSet("colloquial", docs, queries)


def _text(row: dict[str, Any]) -> str:
    if row.get("text"):
        return str(row["text"])
    return "。".join(str(row[key]) for key in ("title", "query", "body") if row.get(key))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
