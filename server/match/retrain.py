"""The retrain: train on the corpus (plus the shipped background corpus), gate the model, save it.

A model becomes `current` only when it passes the quality gate (gate.py); a refused model is
saved with its figures for inspection, never pointed at, and the refusal is logged.
"""

from __future__ import annotations

import gzip
import json
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from server.match import gate
from server.match.model import tagged_documents, train_tagged
from server.match.params import Doc2VecParams, GateParams
from server.match.store import LoadedModel, load_version, prune, save_model, versions

log = logging.getLogger(__name__)

BACKGROUND = Path(__file__).resolve().parent / "data" / "background" / "csl_abstracts.jsonl.gz"


@dataclass(frozen=True)
class Outcome:
    """What one retrain produced: the saved version, the gate's report and whether it became current."""

    version: str
    path: Path
    report: gate.GateReport

    @property
    def accepted(self) -> bool:
        """Return whether the new version passed the gate and is now current."""
        return self.report.passed


def read_background(path: Path = BACKGROUND, *, limit: int | None = None) -> list[tuple[str, str]]:
    """Return (doc_id, text) pairs of the shipped background corpus (the first limit, if given)."""
    pairs: list[tuple[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(pairs) >= limit:
                break
            row = json.loads(line)
            pairs.append((str(row["id"]), row["text"]))
    return pairs


def retrain(corpus: Iterable[tuple[str, str]], *, model_dir: str | Path, devsets: Sequence[gate.DevSet],
            params: Doc2VecParams | None = None, gate_params: GateParams | None = None, seed: int | None = None,
            progress: bool = True, keep: int = 3) -> Outcome:
    """Train on (doc_id, text) pairs, gate the model on devsets, save it; current only if it passed."""
    params = params or Doc2VecParams()
    if seed is not None:
        params = replace(params, seed=seed)
    documents = tagged_documents(corpus, progress=progress)
    started = time.perf_counter()
    model = train_tagged(documents, params=params, progress=progress)
    seconds = time.perf_counter() - started
    report = gate.check(model, documents, devsets=devsets, params=gate_params, progress=progress)
    meta = {"corpus_size": len(documents), "training_seconds": round(seconds, 2),
            "evaluation": {"self_recall_at_1": report.self_recall, "mean_pairwise_cosine": report.mean_cosine},
            "vocabulary": len(model.wv), "words": int(model.corpus_total_words)}
    path = save_model(model, model_dir, params=params, gate=report.to_json(), meta=meta)
    prune(model_dir, keep=keep)
    if report.passed:
        log.info("model %s is current: %s docs, %.1fs, gate %s", path.name, len(documents), seconds,
                 report.summary())
    else:
        log.warning("model %s not made current, the previous model stays: gate %s", path.name, report.summary())
    return Outcome(version=path.name, path=path, report=report)


def load_or_retrain(corpus: Iterable[tuple[str, str]], *, model_dir: str | Path,
                    params: Doc2VecParams | None = None, progress: bool = True) -> LoadedModel:
    """Return the newest model under model_dir trained with params, else train one (benchmarks, tools).

    Gated or not: a tool measuring Doc2Vec needs the model even when the gate would keep it from
    serving (a refusal is logged by retrain); serving code uses store.load_current only.
    """
    params = params or Doc2VecParams()
    for name in versions(model_dir):
        loaded = load_version(Path(model_dir) / name, trusted_only=False)
        if loaded is not None and loaded.params == params:
            return loaded
    corpus = list(corpus)
    outcome = retrain(corpus, model_dir=model_dir, params=params, progress=progress,
                      devsets=gate.load_devsets(corpus))
    loaded = load_version(outcome.path, trusted_only=False)
    if loaded is None:  # pragma: no cover - the version just written is complete by construction
        raise RuntimeError(f"cannot load model {outcome.path} just written")
    return loaded
