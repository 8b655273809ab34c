"""The nightly retrain: train on the open corpus, score the model, save it as the new current version."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from server.match.model import self_recall, tagged_documents, train_tagged
from server.match.params import Doc2VecParams
from server.match.store import LoadedModel, load_current, prune, save_model


def retrain(corpus: Iterable[tuple[str, str]], *, model_dir: str | Path, params: Doc2VecParams | None = None,
            seed: int | None = None, progress: bool = True, keep: int = 3) -> LoadedModel:
    """Train on (doc_id, text) pairs, save a version with its meta and make it current; return it loaded."""
    params = params or Doc2VecParams()
    if seed is not None:
        params = replace(params, seed=seed)
    documents = tagged_documents(corpus, progress=progress)
    started = time.perf_counter()
    model = train_tagged(documents, params=params, progress=progress)
    seconds = time.perf_counter() - started
    meta = {"corpus_size": len(documents), "training_seconds": round(seconds, 2),
            "evaluation": {"self_recall_at_1": round(self_recall(model, documents), 4)},
            "vocabulary": len(model.wv), "words": int(model.corpus_total_words)}
    save_model(model, model_dir, params=params, meta=meta)
    prune(model_dir, keep=keep)
    loaded = load_current(model_dir)
    if loaded is None:  # pragma: no cover - the version just written is complete by construction
        raise RuntimeError(f"no loadable model in {model_dir} after saving one")
    return loaded


def load_or_retrain(corpus: Iterable[tuple[str, str]], *, model_dir: str | Path,
                    params: Doc2VecParams | None = None, progress: bool = True) -> LoadedModel:
    """Return the current model under model_dir if it was trained with params, else retrain (benchmarks, tools)."""
    params = params or Doc2VecParams()
    loaded = load_current(model_dir)
    if loaded is not None and loaded.params == params:
        return loaded
    return retrain(corpus, model_dir=model_dir, params=params, progress=progress)

