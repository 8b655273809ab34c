"""Filling a process's matcher index: from the saved snapshot brought up to date, else from the database.

A full build reads every open post and article with its stored sentence vector and word tokens
and bulk-loads them (`build_index`; ~90 s of CPU at 400 k documents), then saves the built index
(server/match/snapshot.py). The next start (`load_index`) reads that snapshot, reads what every
document is now (texts and metadata, without vectors or tokens) and compares each document's
fingerprint with the one it had when it was indexed: documents gone or closed are removed, new or
changed ones are loaded as in a build, the rest are kept. When too much changed, it builds afresh.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from tortoise import connections

from server.match import snapshot
from server.match.engine import Engine
from server.match.schema import Doc
from server.match.tokenize import tokenizer_id
from server.models import Article, Post
from server.models.enums import PostStatus, ReviewState
from server.services import doc_terms, embeddings
from server.services.matching import _post_doc, article_doc, is_matchable, parse_doc_id, post_doc, post_doc_id

log = logging.getLogger(__name__)

BATCH = 2000
ENCODE_LIMIT = 2000  # documents a start encodes at most; `python -m server backfill` does the rest
REFRESH_SHARE = 0.2  # more than this share of the snapshot changed: build afresh instead
RESAVE_AFTER = 1000  # documents refreshed from the database before the snapshot is written again

# Open posts with their stored vector and word tokens, in one statement per batch ({p}: placeholders).
_OPEN_POSTS = ("SELECT p.id, p.kind, p.title, p.body, p.tags, p.author_id, p.region_id, e.text_hash, e.vector, "
               "t.tokenizer, t.text_hash, t.words FROM posts p "
               "LEFT JOIN embeddings e ON e.doc_id = 'post:' || p.id AND e.encoder = {p} "
               "LEFT JOIN doc_terms t ON t.doc_id = 'post:' || p.id "
               "WHERE p.id > {p} AND p.status <> {p} AND p.review_state = {p} ORDER BY p.id LIMIT {p}")
# The same posts as they are now, without vectors or tokens (what fingerprints need).
_OPEN_POST_MARKS = ("SELECT p.id, p.kind, p.title, p.body, p.tags, p.author_id, p.region_id, e.text_hash, "
                    "NULL, NULL, NULL, NULL FROM posts p "
                    "LEFT JOIN embeddings e ON e.doc_id = 'post:' || p.id AND e.encoder = {p} "
                    "WHERE p.id > {p} AND p.status <> {p} AND p.review_state = {p} ORDER BY p.id LIMIT {p}")

EngineFactory = Callable[[], Engine]


@dataclass(frozen=True)
class Loaded:
    """An engine ready to match, and how it was filled."""

    engine: Engine
    source: str  # "snapshot": the saved index brought up to date; "build": built from the database
    removed: int = 0  # documents of the snapshot gone or closed since
    refreshed: int = 0  # documents new or changed since the snapshot, loaded from the database


def fingerprint(doc: Doc, *, has_vector: bool, digest: str | None = None) -> int:
    """What a document was when indexed: its text, metadata and whether it had a sentence vector."""
    meta = doc.meta
    return _mark(digest or embeddings.text_hash(doc.text), meta.kind, meta.status, meta.author_id, meta.region_code,
                 has_vector)


def _mark(digest: str, kind: str, status: str, author_id: int | None, region_code: str | None,
          has_vector: bool) -> int:
    raw = f"{digest}|{kind}|{status}|{author_id}|{region_code}|{int(has_vector)}"
    return int.from_bytes(hashlib.blake2b(raw.encode(), digest_size=8).digest(), "big", signed=True)


async def _post_rows(sql: str, after: int, batch: int, encoder: str) -> list[tuple]:
    conn = connections.get("default")
    marks = [f"${i}" for i in range(1, 6)] if conn.capabilities.dialect == "postgres" else ["?"] * 5
    _, rows = await conn.execute_query(sql.replace("{p}", "{}").format(*marks),
                                       [encoder, after, PostStatus.CLOSED.value, ReviewState.PASSED.value, batch])
    return [tuple(row) for row in rows]


def _tags(tags: object) -> list[str]:
    if tags == "[]" or not tags:
        return []
    return json.loads(tags) if isinstance(tags, str | bytes) else tags  # type: ignore[return-value]


async def _open_posts(after: int, batch: int, encoder: str) -> list[tuple[Doc, bytes | None, str | None, str]]:
    """Return the next batch of open posts, each with its stored vector and words when still fresh, and the
    hash of its text."""
    current, out = tokenizer_id(), []
    for (post_id, kind, title, body, tags, author_id, region_id, e_hash, vector, tokenizer, t_hash,
         words) in await _post_rows(_OPEN_POSTS, after, batch, encoder):
        doc = _post_doc(post_id, kind, title, body, _tags(tags), author_id, region_id, open_=True)
        digest = embeddings.text_hash(doc.text)
        out.append((doc, bytes(vector) if vector is not None and e_hash == digest else None,
                    words if words is not None and tokenizer == current and t_hash == digest else None, digest))
    return out


async def _open_post_marks(after: int, batch: int, encoder: str | None) -> tuple[dict[str, int], int]:
    """Return the fingerprints of the next batch of open posts as they are now, and the last post id (0: none).

    The same as fingerprint(post_doc(post)) without building documents (400 k of them at a start)."""
    out: dict[str, int] = {}
    last = 0
    for (post_id, kind, title, body, tags, author_id, region_id, e_hash, *_) in await _post_rows(
            _OPEN_POST_MARKS, after, batch, encoder or ""):
        digest = embeddings.text_hash("\n".join([title, body, " ".join(_tags(tags))]))  # as matching._post_doc
        out[post_doc_id(post_id)] = _mark(digest, kind, "open", author_id, region_id,
                                          encoder is not None and e_hash == digest)
        last = post_id
    return out, last


async def build_index(make_engine: EngineFactory, *, model_dir: str | None = None,
                      model_version: str | None = None) -> Engine:
    """Build an engine from the database; save it as the snapshot when model_dir is given."""
    engine, fingerprints = make_engine(), {}
    count = await index_documents(engine, fingerprints=fingerprints)
    if model_dir is not None:
        await asyncio.to_thread(snapshot.save, engine, fingerprints, model_dir=model_dir,
                                model_version=model_version)
    log.info("index built: %s documents", count)
    return engine


async def load_index(make_engine: EngineFactory, *, model_dir: str, model_version: str | None,
                     refresh_min: int = RESAVE_AFTER, refresh_share: float = REFRESH_SHARE) -> Loaded:
    """Start from the snapshot brought up to date with the database, else build (and save) the index.

    The snapshot is patched when at most max(refresh_min, refresh_share of its documents) changed."""
    engine = make_engine()
    found = await asyncio.to_thread(snapshot.load, engine, model_dir=model_dir, model_version=model_version)
    if found is None:
        return Loaded(await build_index(make_engine, model_dir=model_dir, model_version=model_version), "build")
    started = time.perf_counter()
    now = await current_fingerprints(engine.encoder)
    gone = [doc_id for doc_id in found.fingerprints if doc_id not in now]
    changed = [doc_id for doc_id, mark in now.items() if found.fingerprints.get(doc_id) != mark]
    if len(gone) + len(changed) > max(refresh_min, refresh_share * len(found.fingerprints)):
        log.info("index snapshot too far behind (%s gone, %s new or changed): building afresh",
                 len(gone), len(changed))
        return Loaded(await build_index(make_engine, model_dir=model_dir, model_version=model_version), "build")
    fingerprints = dict(found.fingerprints)
    await index_ids(engine, changed, fingerprints=fingerprints, remove=gone)
    log.info("index snapshot brought up to date in %.1f s: %s removed, %s new or changed, %s documents",
             time.perf_counter() - started, len(gone), len(changed), len(engine))
    if len(gone) + len(changed) >= RESAVE_AFTER:
        await asyncio.to_thread(snapshot.save, engine, fingerprints, model_dir=model_dir,
                                model_version=model_version)
    return Loaded(engine, "snapshot", removed=len(gone), refreshed=len(changed))


def _remove_all(engine: Engine, doc_ids: Sequence[str]) -> None:
    for doc_id in doc_ids:
        engine.remove(doc_id)


async def current_fingerprints(encoder: object | None) -> dict[str, int]:
    """Every open post's and article's fingerprint as the database holds them now."""
    name = getattr(encoder, "name", None)
    out: dict[str, int] = {}
    last_id = 0
    while True:
        found, last_id = await _open_post_marks(last_id, BATCH * 5, name)
        out.update(found)
        if not found:
            break
    last_id = 0
    while rows := await Article.filter(id__gt=last_id).order_by("id").limit(BATCH):
        docs = [article_doc(r) for r in rows]
        vectors = await embeddings.stored(encoder, docs) if encoder is not None else [None] * len(docs)
        for doc, vector in zip(docs, vectors, strict=True):
            out[doc.id] = fingerprint(doc, has_vector=vector is not None)
        last_id = rows[-1].id
    return out


async def index_ids(engine: Engine, doc_ids: Sequence[str], *, fingerprints: dict[str, int],
                    remove: Sequence[str] = ()) -> None:
    """Remove the documents in remove, then (re-)index doc_ids from the database as a build would (the
    ones no longer open are removed too), with one merge of the postings at the end."""
    encoded = 0
    with engine.bulk_loading():
        await asyncio.to_thread(_remove_all, engine, remove)
        for doc_id in remove:
            fingerprints.pop(doc_id, None)
        for start in range(0, len(doc_ids), BATCH):
            chunk = [parse_doc_id(doc_id) for doc_id in doc_ids[start:start + BATCH]]
            posts = await Post.filter(id__in=[n for kind, n in chunk if kind == "post"])
            articles = await Article.filter(id__in=[n for kind, n in chunk if kind == "article"])
            docs = [post_doc(p) for p in posts if is_matchable(p)] + [article_doc(a) for a in articles]
            kept = {doc.id for doc in docs}
            for kind, number in chunk:
                doc_id = f"{kind}:{number}"
                if doc_id not in kept:
                    fingerprints.pop(doc_id, None)
                    await asyncio.to_thread(engine.remove, doc_id)
            vectors, encoded = await _vectors(engine, docs, encoded)
            words = await doc_terms.words_for(docs)
            await asyncio.to_thread(engine.upsert_many, docs, vectors, encode_missing=False, words=words)
            for i, doc in enumerate(docs):
                fingerprints[doc.id] = fingerprint(doc, has_vector=vectors is not None and vectors[i] is not None)


async def _vectors(engine: Engine, docs: Sequence[Doc], encoded: int,
                   vectors: list[np.ndarray | None] | None = None) -> tuple[list[np.ndarray | None] | None, int]:
    """Stored vectors of docs (or the given ones), the missing ones encoded while under ENCODE_LIMIT."""
    encoder = engine.encoder
    if encoder is None:
        return None, encoded
    if vectors is None:
        vectors = await embeddings.vectors_for(encoder, docs, encode_missing=False)
    if encoded < ENCODE_LIMIT:
        missing = [i for i, v in enumerate(vectors) if v is None][: ENCODE_LIMIT - encoded]
        filled = await embeddings.vectors_for(encoder, [docs[i] for i in missing])
        for i, vector in zip(missing, filled or [], strict=True):
            vectors[i] = vector
        encoded += len(missing)
    return vectors, encoded


async def index_documents(engine: Engine, *, batch: int = BATCH,
                          fingerprints: dict[str, int] | None = None) -> int:
    """Load every open post and every article into an engine with their stored vectors and words.

    Returns how many. Vectors and word tokens come from the database (`embeddings`, `doc_terms`;
    for posts in the same statement), so a restart neither encodes nor runs jieba again. Documents
    without stored words are tokenised (in a thread) and stored; documents without a stored vector
    are encoded (and stored) up to ENCODE_LIMIT; past that they are indexed without one and
    `python -m server backfill` is the way (start-up stays fast). The engine takes one batch while
    the next is read. fingerprints, when given, receives each document's (for the snapshot).
    """
    count, encoded = 0, 0
    building: asyncio.Future | None = None
    encoder = engine.encoder
    with engine.bulk_loading():
        for source in ("posts", "articles"):
            last_id = 0
            while True:
                if source == "posts":
                    found = await _open_posts(last_id, batch, encoder.name if encoder else "")
                    if not found:
                        break
                    docs = [doc for doc, _, _, _ in found]
                    digests: dict[str, str] = {doc.id: digest for doc, _, _, digest in found}
                    given = ([embeddings.from_bytes(v, encoder.dim) if v is not None else None for _, v, _, _ in found]
                             if encoder is not None else None)
                    vectors, encoded = await _vectors(engine, docs, encoded, given)
                    words: list[list[str] | None] = [None if w is None else w.split(doc_terms.SEPARATOR) if w else []
                                                     for _, _, w, _ in found]
                    last_id = parse_doc_id(docs[-1].id)[1]
                else:
                    rows = await Article.filter(id__gt=last_id).order_by("id").limit(batch)
                    if not rows:
                        break
                    docs = [article_doc(r) for r in rows]
                    digests = {}
                    vectors, encoded = await _vectors(engine, docs, encoded)
                    words = await doc_terms.stored(docs)
                    last_id = rows[-1].id
                untokenised = [i for i, w in enumerate(words) if w is None]
                if untokenised:
                    made = await doc_terms.words_for([docs[i] for i in untokenised])
                    for i, tokens in zip(untokenised, made, strict=True):
                        words[i] = tokens
                if fingerprints is not None:
                    for i, doc in enumerate(docs):
                        fingerprints[doc.id] = fingerprint(doc, has_vector=vectors is not None
                                                           and vectors[i] is not None, digest=digests.get(doc.id))
                if building is not None:
                    await building
                building = asyncio.ensure_future(
                    asyncio.to_thread(engine.upsert_many, docs, vectors, encode_missing=False, words=words))
                count += len(docs)
        if building is not None:
            await building
    if encoded >= ENCODE_LIMIT:
        log.warning("more than %s documents lack a sentence vector: run `python -m server backfill`", ENCODE_LIMIT)
    return count
