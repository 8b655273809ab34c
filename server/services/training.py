"""Training the matcher's Doc2Vec model on everything posted, the shipped background corpus and any extra.

The model is gated (server/match/gate.py): it becomes current only if it passes, and then every
running matcher process is told to hot-swap (an OP_RELOAD index event).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from server.match import gate
from server.match.params import DEFAULT_PARAMS, Doc2VecParams, GateParams
from server.match.retrain import Outcome, read_background, retrain
from server.models import Article, Post
from server.services import match_runtime, matching

log = logging.getLogger(__name__)
MIN_DOCUMENTS = 20  # below this a model is noise: the matcher keeps using BM25
ALL = None  # background=ALL: the whole shipped background corpus
TRAIN_REFUSED = 3  # exit status of `python -m server train` when the gate refused the new model


async def collect_corpus(*, extra: Path | None = None, background: int | None = ALL) -> list[tuple[str, str]]:
    """Return (doc_id, text) for every post and article, the background corpus (its first `background`
    documents; 0 for none) and an extra JSONL corpus {"id","text"}."""
    corpus = [(matching.post_doc_id(p.id), matching.post_doc(p).text) async for p in Post.all().order_by("id")]
    corpus += [(matching.article_doc_id(a.id), matching.article_doc(a).text)
               async for a in Article.all().order_by("id")]
    if extra is not None:
        corpus += await asyncio.to_thread(_read_extra, extra)
    if background != 0:
        corpus += await asyncio.to_thread(read_background, limit=background)
    return corpus


def _read_extra(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return [(f"extra:{row['id']}", row["text"]) for row in map(json.loads, handle) if row.get("text")]


async def train_and_save(*, model_dir: str, extra: Path | None = None, seed: int | None = None,
                         background: int | None = ALL, progress: bool = True, params: Doc2VecParams | None = None,
                         gate_params: GateParams | None = None,
                         devsets: Sequence[gate.DevSet] | None = None) -> Outcome | None:
    """Train and gate a model in a worker thread; save it, current only if it passed (None: too few docs).

    devsets default to the shipped ones (gate.load_devsets) over the corpus just collected.
    """
    corpus = await collect_corpus(extra=extra, background=background)
    if len(corpus) < MIN_DOCUMENTS:
        log.warning("only %s documents: not training (the matcher uses BM25)", len(corpus))
        return None
    return await asyncio.to_thread(_train_and_save, corpus, model_dir=model_dir, seed=seed, progress=progress,
                                   params=params or DEFAULT_PARAMS.doc2vec, gate_params=gate_params or GateParams(),
                                   devsets=devsets)


def _train_and_save(corpus: list[tuple[str, str]], *, model_dir: str, seed: int | None, progress: bool,
                    params: Doc2VecParams, gate_params: GateParams, devsets: Sequence[gate.DevSet] | None) -> Outcome:
    if devsets is None:
        devsets = gate.load_devsets(corpus, params=gate_params)
    return retrain(corpus, model_dir=model_dir, devsets=devsets, params=params, gate_params=gate_params,
                   seed=seed, progress=progress)


async def train_and_publish(*, store: Redis, model_dir: str, **options: Any) -> Outcome | None:
    """Train and gate a model; if it became current, tell every running matcher to hot-swap to it."""
    outcome = await train_and_save(model_dir=model_dir, **options)
    if outcome is not None and outcome.accepted:
        try:
            await match_runtime.publish(store, op=match_runtime.OP_RELOAD)
        except RedisError:
            # The model is current on disk: processes started from now on load it, the nightly rebuild swaps the rest.
            log.exception("model %s is current but the reload event could not be published", outcome.version)
    return outcome
