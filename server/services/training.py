"""Training the matcher's Doc2Vec model on everything posted (plus any extra corpus)."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path

from server.match.model import self_recall, tagged_documents, train_tagged
from server.match.params import DEFAULT_PARAMS
from server.match.store import prune, save_model
from server.models import Article, Post
from server.services import matching

log = logging.getLogger(__name__)
MIN_DOCUMENTS = 20  # below this a model is noise: the matcher keeps using BM25


async def collect_corpus(*, extra: Path | None = None) -> list[tuple[str, str]]:
    """Return (doc_id, text) for every post and article, plus an extra JSONL corpus {"id","text"}."""
    corpus = [(matching.post_doc_id(p.id), matching.post_doc(p).text) async for p in Post.all().order_by("id")]
    corpus += [(matching.article_doc_id(a.id), matching.article_doc(a).text)
               async for a in Article.all().order_by("id")]
    if extra is not None:
        corpus += await asyncio.to_thread(_read_extra, extra)
    return corpus


def _read_extra(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return [(f"extra:{row['id']}", row["text"]) for row in map(json.loads, handle) if row.get("text")]


async def train_and_save(*, model_dir: str, extra: Path | None = None, seed: int | None = None,
                         progress: bool = True) -> Path | None:
    """Train on the corpus in a worker thread, save a new version and make it current."""
    corpus = await collect_corpus(extra=extra)
    if len(corpus) < MIN_DOCUMENTS:
        log.warning("only %s documents: not training (the matcher uses BM25)", len(corpus))
        return None
    params = DEFAULT_PARAMS.doc2vec
    return await asyncio.to_thread(_train_and_save, corpus, model_dir=model_dir, seed=seed, progress=progress,
                                   params=params)


def _train_and_save(corpus, *, model_dir, seed, progress, params) -> Path:
    documents = tagged_documents(corpus, progress=progress)
    started = time.perf_counter()
    model = train_tagged(documents, params=params, seed=seed, progress=progress)
    seconds = time.perf_counter() - started
    score = self_recall(model, documents)
    meta = {"corpus_size": len(documents), "training_seconds": round(seconds, 2),
            "evaluation": {"self_recall_at_1": round(score, 4)}}
    path = save_model(model, model_dir, params=params, meta=meta)
    prune(model_dir, keep=3)
    log.info("model %s: %s docs, %.1fs, self-recall %.3f", path.name, len(documents), seconds, score)
    return path
