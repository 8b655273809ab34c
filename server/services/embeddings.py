"""Sentence vectors of posts and articles: computed once when the text is written, kept in the database.

A process indexing a document first looks for its stored vector (same encoder, same text hash);
only a missing or stale one is encoded — in a worker thread, never on the event loop — and stored,
so a restart never re-embeds. `python -m server backfill` embeds whatever still lacks a vector.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Sequence

import numpy as np
from tortoise.expressions import Q

from server.match.encoder import Encoder
from server.match.schema import Doc
from server.models import Article, Embedding, Post

log = logging.getLogger(__name__)

BATCH = 64  # documents encoded per call (the encoder batches internally)


def text_hash(text: str) -> str:
    """Return the short hash that tells whether a stored vector still fits a text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def to_bytes(vector: np.ndarray) -> bytes:
    """Serialise a vector as float16 (half the space; cosine precision is ample)."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes, dim: int) -> np.ndarray | None:
    """Return the float32 vector of stored bytes (None when the size does not fit the encoder)."""
    vector = np.frombuffer(data, dtype=np.float16)
    if vector.size != dim:
        return None
    vector = vector.astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else None


async def stored(encoder: Encoder, docs: Sequence[Doc]) -> list[np.ndarray | None]:
    """Return each document's stored vector, or None when it is missing or stale."""
    if not docs:
        return []
    rows = await Embedding.filter(encoder=encoder.name, doc_id__in=[d.id for d in docs]).values_list(
        "doc_id", "text_hash", "vector")
    found = {doc_id: (digest, bytes(vector)) for doc_id, digest, vector in rows}
    out: list[np.ndarray | None] = []
    for doc in docs:
        hit = found.get(doc.id)
        out.append(from_bytes(hit[1], encoder.dim) if hit and hit[0] == text_hash(doc.text) else None)
    return out


async def save(encoder: Encoder, docs: Sequence[Doc], vectors: Sequence[np.ndarray]) -> None:
    """Store vectors (replacing older ones of the same documents and encoder)."""
    if not docs:
        return
    rows = [Embedding(doc_id=doc.id, encoder=encoder.name, text_hash=text_hash(doc.text), vector=to_bytes(vector))
            for doc, vector in zip(docs, vectors, strict=True)]
    await Embedding.bulk_create(rows, on_conflict=["doc_id", "encoder"], update_fields=["text_hash", "vector"])


async def vectors_for(encoder: Encoder | None, docs: Sequence[Doc], *,
                      encode_missing: bool = True) -> list[np.ndarray | None] | None:
    """Return vectors for docs: stored ones, the rest encoded in a thread and stored (None without encoder)."""
    if encoder is None:
        return None
    vectors = await stored(encoder, docs)
    missing = [i for i, v in enumerate(vectors) if v is None]
    if missing and encode_missing:
        for start in range(0, len(missing), BATCH):
            chunk = missing[start:start + BATCH]
            encoded = await asyncio.to_thread(encoder.passages, [docs[i].text for i in chunk])
            await save(encoder, [docs[i] for i in chunk], list(encoded))
            for i, row in zip(chunk, encoded, strict=True):
                vectors[i] = row
    return vectors


async def forget(doc_ids: Sequence[str]) -> None:
    """Drop the stored vectors of deleted documents."""
    if doc_ids:
        await Embedding.filter(doc_id__in=list(doc_ids)).delete()


async def missing_count(encoder: Encoder) -> int:
    """Return how many posts and articles have no vector from this encoder (stale ones not counted)."""
    have_posts = Embedding.filter(encoder=encoder.name, doc_id__startswith="post:").count()
    have_articles = Embedding.filter(encoder=encoder.name, doc_id__startswith="article:").count()
    posts, articles, with_p, with_a = await asyncio.gather(Post.all().count(), Article.all().count(),
                                                           have_posts, have_articles)
    return max(posts - with_p, 0) + max(articles - with_a, 0)


async def backfill(encoder: Encoder, *, docs_of, batch: int = 500, progress: bool = True,
                   limit: int | None = None, each_batch=None) -> int:
    """Embed every post and article whose vector is missing or stale; resumable (done ones are skipped).

    docs_of(row) builds the matcher document of a Post or Article (server.services.matching);
    each_batch(docs), when given, is awaited for every batch too (the CLI stores word tokens).
    Returns how many were encoded.
    """
    from tqdm import tqdm

    total = await Post.all().count() + await Article.all().count()
    bar = tqdm(total=total, desc="embed", unit="doc", disable=not progress)
    encoded = 0
    for model in (Post, Article):
        last_id = 0
        while limit is None or encoded < limit:
            rows = await model.filter(Q(id__gt=last_id)).order_by("id").limit(batch)
            if not rows:
                break
            docs = [docs_of(row) for row in rows]
            if each_batch is not None:
                await each_batch(docs)
            have = await stored(encoder, docs)
            todo = [doc for doc, vector in zip(docs, have, strict=True) if vector is None]
            for start in range(0, len(todo), BATCH):
                chunk = todo[start:start + BATCH]
                vectors = await asyncio.to_thread(encoder.passages, [d.text for d in chunk])
                await save(encoder, chunk, list(vectors))
                encoded += len(chunk)
            bar.update(len(rows))
            last_id = rows[-1].id
    bar.close()
    log.info("backfill: %s documents encoded with %s", encoded, encoder.name)
    return encoded
