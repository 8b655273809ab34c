"""The matching engine: a Doc2Vec model, a vector index and BM25 behind one object.

Every method is plain sync code (the app calls it through asyncio.to_thread). Inference runs
outside the lock; index reads and writes run under it. Without a model the engine ranks by BM25.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from gensim.models.doc2vec import Doc2Vec

from server.match import rank
from server.match.bm25 import BM25Index
from server.match.index import VectorIndex, top_k
from server.match.model import infer
from server.match.params import DEFAULT_PARAMS, MatchParams
from server.match.schema import Doc, DocMeta, Filter, Match, Method
from server.match.store import load_current
from server.match.tokenize import get_tokenizer, lexical_terms, tokenize

METHODS: tuple[Method, ...] = ("doc2vec", "bm25", "hybrid")


@dataclass(frozen=True)
class _Entry:
    meta: DocMeta
    token_ids: np.ndarray  # the document's tokens, in order, as ids in the BM25 vocabulary
    generation: int


@dataclass(frozen=True)
class _Query:
    tokens: list[str]
    terms: list[str]
    model: Doc2Vec | None
    vector: np.ndarray | None
    filter: Filter
    region_code: str | None


@dataclass(frozen=True)
class Components:
    """One query's raw scores: Doc2Vec cosines and BM25 by slot, the allowed mask, ids by slot."""

    cosines: np.ndarray
    bm25: np.ndarray
    mask: np.ndarray
    ids: list[str | None]
    bm25_ceiling: float  # the BM25 score a document holding every query term could reach


class Engine:
    """Match documents by Doc2Vec + BM25 ("hybrid"), or BM25 alone while no model is loaded."""

    def __init__(self, model: Doc2Vec | None = None, *, params: MatchParams | None = None) -> None:
        self.params = params or DEFAULT_PARAMS
        get_tokenizer()  # load jieba's dictionaries now (start-up), never on a request
        self._model = model
        self._index = VectorIndex(_dim(model))
        self._bm25 = BM25Index(params=self.params.bm25)
        self._docs: dict[str, _Entry] = {}
        self._generation = 0
        self._lock = threading.RLock()

    @classmethod
    def from_model_dir(cls, model_dir: str | Path, *, params: MatchParams | None = None) -> Engine:
        """Start with the current model under model_dir, or with none (BM25 only)."""
        loaded = load_current(model_dir)
        return cls(loaded.model if loaded else None, params=params)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    @property
    def model(self) -> Doc2Vec | None:
        """Return the model in use, if any."""
        return self._model

    @property
    def default_method(self) -> str:
        """Return the method match() uses by default: hybrid with a model, bm25 without."""
        return "hybrid" if self._model is not None else "bm25"

    def encode(self, text: str) -> np.ndarray | None:
        """Return the unit Doc2Vec vector of text (None without a model)."""
        return self._encode(self._model, tokenize(text))

    def upsert(self, doc: Doc) -> None:
        """Index doc (or re-index it after an edit)."""
        tokens = tokenize(doc.text)
        model = self._model
        vector = self._encode(model, tokens)
        with self._lock:
            if model is not self._model:  # a model swap happened meanwhile
                vector = self._encode(self._model, tokens)
            self._store(doc.id, doc.meta, tokens, lexical_terms(doc.text, tokens), vector)

    def set_meta(self, doc_id: str, meta: DocMeta) -> None:
        """Change an indexed document's metadata (closed, moved region) without re-encoding it."""
        with self._lock:
            entry = self._docs[doc_id]
            self._docs[doc_id] = _Entry(meta, entry.token_ids, entry.generation)
            self._index.set_meta(doc_id, meta)

    def remove(self, doc_id: str) -> bool:
        """Drop doc_id from the index; return whether it was there."""
        with self._lock:
            if self._docs.pop(doc_id, None) is None:
                return False
            slot = self._index.remove(doc_id)
            if slot is not None:
                self._bm25.clear(slot)
            return True

    def match(self, query: Doc | str, k: int = 10, *, method: str | None = None, kind: str | None = None,
              author_id: int | None = None, region_code: str | None = None,
              exclude_ids: Iterable[str] = ()) -> list[Match]:
        """Return the k best counterparts of a document (its meta sets kind/author/region) or of a text."""
        method = method or self.default_method
        if method not in METHODS:
            raise ValueError(f"unknown method {method!r}")
        q = self._query(query, method=method, kind=kind, author_id=author_id,
                        region_code=region_code, exclude_ids=exclude_ids)
        with self._lock:
            if q.model is not self._model:  # swapped while we were inferring
                q = replace(q, model=self._model, vector=self._encode(self._model, q.tokens))
            if q.vector is None:
                method = "bm25"
            scores, mask = self._scores(q, method=method)
            scores = scores + rank.region_boosts(q.region_code, self._index.regions, params=self.params.rank)
            scores = np.where(mask, scores, -np.inf)
            pool = top_k(scores, k * self.params.rank.pool_factor + 1)
            kept = rank.collapse(pool, vectors=self._index.vectors, authors=self._index.authors, k=k,
                                 threshold=self.params.rank.duplicate_cosine,
                                 same_author=self.params.rank.collapse_same_author)
            idf = dict(zip(q.tokens, self._bm25.idf(q.tokens).tolist(), strict=True))
            return [self._result(slot, float(scores[slot]), method, position, q, idf)
                    for position, slot in enumerate(kept, start=1)]

    def score_components(self, text: str) -> Components:
        """Return the raw score arrays of text over every slot (for tuning the fusion)."""
        q = self._query(text, method="hybrid", kind=None, author_id=None, region_code=None, exclude_ids=())
        with self._lock:
            size = self._index.size
            cosines = self._index.cosines(q.vector) if q.vector is not None else np.zeros(size, np.float32)
            ids = [self._index.doc_id(s) if self._index.slot_taken(s) else None for s in range(size)]
            return Components(cosines, self._bm25.scores(q.terms, size=size), self._index.mask(q.filter), ids,
                              self._bm25.ceiling(q.terms))

    def swap_model(self, new_model: Doc2Vec | None) -> None:
        """Re-encode every document with new_model into a fresh index, then switch to it atomically."""
        with self._lock:
            snapshot = {doc_id: entry for doc_id, entry in self._docs.items()}
            vocab = self._bm25.vocab
            tokens = {doc_id: vocab.terms(entry.token_ids) for doc_id, entry in snapshot.items()}
        vectors = {doc_id: self._encode(new_model, words) for doc_id, words in tokens.items()}
        with self._lock:
            fresh = self._index.empty_like(_dim(new_model))
            for doc_id, entry in self._docs.items():
                stale = snapshot.get(doc_id) is not entry
                vector = vectors.get(doc_id) if not stale else None
                if vector is None and new_model is not None:
                    vector = self._encode(new_model, self._bm25.vocab.terms(entry.token_ids))
                fresh.upsert(doc_id, vector if vector is not None else np.zeros(fresh.dim), entry.meta)
            self._model, self._index = new_model, fresh

    def _encode(self, model: Doc2Vec | None, tokens: list[str]) -> np.ndarray | None:
        if model is None:
            return None
        return infer(model, tokens, epochs=self.params.doc2vec.infer_epochs)

    def _store(self, doc_id: str, meta: DocMeta, tokens: list[str], terms: list[str],
               vector: np.ndarray | None) -> None:
        self._generation += 1
        token_ids = self._bm25.vocab.ids(tokens)
        self._docs[doc_id] = _Entry(meta, token_ids, self._generation)
        slot = self._index.upsert(doc_id, vector if vector is not None else np.zeros(self._index.dim), meta)
        self._bm25.set(slot, terms)

    def _query(self, query: Doc | str, *, method: str, kind: str | None, author_id: int | None,
               region_code: str | None, exclude_ids: Iterable[str]) -> _Query:
        text = query.text if isinstance(query, Doc) else query
        excluded = set(exclude_ids)
        if isinstance(query, Doc):
            kind, author_id = query.meta.kind, query.meta.author_id
            region_code = region_code or query.meta.region_code
            excluded.add(query.id)
        tokens, model = tokenize(text), self._model
        vector = self._encode(model, tokens) if method != "bm25" else None
        filter = rank.match_filter(kind=kind, author_id=author_id, exclude_ids=excluded)
        return _Query(tokens, lexical_terms(text, tokens), model, vector, filter, region_code)

    def _scores(self, q: _Query, *, method: str) -> tuple[np.ndarray, np.ndarray]:
        mask = self._index.mask(q.filter)
        size = self._index.size
        if method == "bm25" or q.vector is None:
            lexical = self._bm25.scores(q.terms, size=size)
            mask &= lexical > 0  # BM25 alone has nothing to say about documents sharing no term
            top = float(lexical[mask].max()) if mask.any() else 0.0
            return (lexical / top if top > 0 else lexical), mask
        cosines = self._index.cosines(q.vector)
        if method == "doc2vec":
            return cosines, mask
        lexical = self._bm25.scores(q.terms, size=size)
        best = float(lexical[mask].max()) if mask.any() else 0.0
        weight = rank.fusion_weight(rank.coverage(best, self._bm25.ceiling(q.terms)), params=self.params.fusion)
        return rank.fuse(cosines, lexical, mask, weight=weight), mask

    def _result(self, slot: int, score: float, method: str, position: int, q: _Query,
                idf: dict[str, float]) -> Match:
        doc_id = self._index.doc_id(slot)
        doc_tokens = self._bm25.vocab.terms(self._docs[doc_id].token_ids)
        keywords = rank.explain(q.tokens, doc_tokens, idf=idf, limit=self.params.rank.keywords)
        return Match(doc_id=doc_id, score=score, method=method, rank=position, keywords=keywords)


def _dim(model: Doc2Vec | None) -> int:
    return 0 if model is None else int(model.vector_size)
