"""The matching engine: word and character BM25, a sentence encoder and Doc2Vec behind one object.

Every method is plain sync code (the app calls it through asyncio.to_thread). Encoding runs
outside the lock; index reads and writes run under it. Each part is optional: without a trusted
Doc2Vec model or without an encoder the engine ranks with what it has, using the fusion weights
fitted for exactly those parts, so relevance stays calibrated.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import BinaryIO

import numpy as np
from gensim.models.doc2vec import Doc2Vec

from server.match import rank
from server.match.bm25 import BM25Index
from server.match.chars import CharKeys
from server.match.colloquial import Vocabulary, get_vocabulary
from server.match.dense import DenseStore
from server.match.encoder import Encoder
from server.match.fusion import Fusion, FusionModel, load_fusion, variant_name
from server.match.index import KIND_CODES, VectorIndex, top_k
from server.match.model import infer
from server.match.params import DEFAULT_PARAMS, MatchParams
from server.match.schema import Doc, DocMeta, Filter, Match
from server.match.store import load_current
from server.match.tokenize import char_terms, get_tokenizer, tokenize

METHODS: tuple[str, ...] = ("bm25", "char-bm25", "doc2vec", "dense", "hybrid")
POOL_PER_PART = 40  # candidates each part contributes to the fused ranking
# A query is encoded here while the calling thread scores BM25 (the encoder's C code releases the GIL):
# the two overlap instead of adding up. The encoder serialises its own calls; two threads let one
# query's encoding start while another's is being handed back.
_QUERY_ENCODING = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kjy-encode-query")


@dataclass(frozen=True)
class _Entry:
    meta: DocMeta
    generation: int


@dataclass(frozen=True)
class _Query:
    text: str
    tokens: list[str]  # the query's own words (explanations)
    words: list[str]  # word-BM25 terms: its words + the technical terms its everyday words stand for
    chars: np.ndarray  # char-BM25 term keys of the same (server.match.chars)
    char_count: int  # how many character terms it has, Latin words no document has included
    model: Doc2Vec | None
    vector: np.ndarray | None  # Doc2Vec
    dense: Future[np.ndarray] | None  # sentence encoder, being encoded (_QUERY_ENCODING)
    filter: Filter
    region_code: str | None


@dataclass(frozen=True)
class Components:
    """One query's raw part scores by slot, the allowed mask, ids by slot and the BM25 ceilings."""

    word: np.ndarray
    char: np.ndarray
    dense: np.ndarray | None
    doc2vec: np.ndarray | None
    mask: np.ndarray
    ids: list[str | None]
    word_ceiling: float
    char_ceiling: float

    @cached_property
    def allowed(self) -> np.ndarray:
        """The allowed slots (indices of mask)."""
        return np.flatnonzero(self.mask)

    @property
    def bm25(self) -> np.ndarray:
        """Word BM25 (the name earlier tools use)."""
        return self.word

    @property
    def cosines(self) -> np.ndarray:
        """Doc2Vec cosines, zeros without a model (the name earlier tools use)."""
        return self.doc2vec if self.doc2vec is not None else np.zeros_like(self.word)

    @property
    def bm25_ceiling(self) -> float:
        """Word-BM25 ceiling (the name earlier tools use)."""
        return self.word_ceiling


def candidate_pool(parts: Components, *, per_part: int = POOL_PER_PART) -> np.ndarray:
    """Return the allowed slots any part ranks in its top per_part (a fused ranking looks at these)."""
    chosen: list[np.ndarray] = []
    for scores, needs_positive in ((parts.word, True), (parts.char, True), (parts.dense, False),
                                   (parts.doc2vec, False)):
        if scores is None:
            continue
        if needs_positive:  # BM25 scores are sparse: start from the documents sharing a term
            slots = np.flatnonzero(scores)
            slots = slots[parts.mask[slots] & (scores[slots] > 0)]
        else:
            slots = parts.allowed
        chosen.append(slots[top_k(scores[slots], per_part)])
    if not chosen:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(chosen))


def features(parts: Components, slots: np.ndarray) -> dict[str, np.ndarray]:
    """Return the fusion features (see server.match.fusion) of the candidate slots."""
    out = {"word": parts.word[slots] / parts.word_ceiling if parts.word_ceiling > 0 else parts.word[slots] * 0,
           "char": parts.char[slots] / parts.char_ceiling if parts.char_ceiling > 0 else parts.char[slots] * 0}
    for name, scores in (("dense", parts.dense), ("doc2vec", parts.doc2vec)):
        if scores is None:
            continue
        allowed = scores[parts.allowed]
        mean, std = (float(allowed.mean()), float(allowed.std())) if allowed.size else (0.0, 0.0)
        out[name] = scores[slots]
        out[f"{name}_z"] = (scores[slots] - mean) / std if std > 1e-9 else scores[slots] * 0
    return {name: values.astype(np.float32) for name, values in out.items()}


def _encode_query(encoder: Encoder, text: str) -> np.ndarray:
    return encoder.queries([text])[0]


class Engine:
    """Match documents by a learned fusion of word BM25, character BM25, a sentence encoder and Doc2Vec."""

    def __init__(self, model: Doc2Vec | None = None, *, params: MatchParams | None = None,
                 encoder: Encoder | None = None, fusion: Fusion | None = None,
                 vocabulary: Vocabulary | None = None, doc_vectors: bool | None = None) -> None:
        """doc_vectors: keep a Doc2Vec vector per document — by default only when something reads them
        (the fitted fusion weighs Doc2Vec, or there is no encoder and near-duplicates are judged by
        Doc2Vec): inferring 400 k of them would add minutes to a start-up; evaluations pass True."""
        self.params = params or DEFAULT_PARAMS
        get_tokenizer()  # load jieba's dictionaries now (start-up), never on a request
        self.vocabulary = vocabulary if vocabulary is not None else get_vocabulary()
        self.fusion = fusion or load_fusion()
        self.encoder = encoder
        self._model = model
        self._doc_vectors = doc_vectors
        self._index = VectorIndex(self._vector_dim(model))
        self._dense = DenseStore(encoder.dim if encoder else 0)
        self._bm25 = BM25Index(params=self.params.bm25)
        self._chars = BM25Index(params=self.params.bm25)
        self._char_keys = CharKeys()
        self._docs: dict[str, _Entry] = {}
        self._generation = 0
        self._lock = threading.RLock()

    @classmethod
    def from_model_dir(cls, model_dir: str | Path, *, params: MatchParams | None = None,
                       encoder: Encoder | None = None) -> Engine:
        """Start with the current (trusted) model under model_dir, or with none."""
        loaded = load_current(model_dir)
        return cls(loaded.model if loaded else None, params=params, encoder=encoder)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    @property
    def model(self) -> Doc2Vec | None:
        """Return the Doc2Vec model in use, if any."""
        return self._model

    @property
    def doc_vector_dim(self) -> int:
        """Return the dimension of the Doc2Vec vectors kept per document (0: none kept)."""
        return self._index.dim

    @property
    def default_method(self) -> str:
        """Return the method match() uses by default: always the fusion of the parts it has."""
        return "hybrid"

    @property
    def variant(self) -> str:
        """Return which fitted fusion this engine uses (by the parts it has)."""
        return variant_name(dense=self.encoder is not None, doc2vec=self._model is not None)

    @property
    def fusion_model(self) -> FusionModel:
        """Return the fitted fusion for this engine's parts (its floor included)."""
        return self.fusion.model(self.variant)

    def encode(self, text: str) -> np.ndarray | None:
        """Return the unit Doc2Vec vector of text (None without a model)."""
        return self._encode(self._model, tokenize(text))

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray | None:
        """Return the encoder's unit vectors of documents (None without an encoder)."""
        return self.encoder.passages(list(texts)) if self.encoder is not None else None

    def upsert(self, doc: Doc, *, vector: np.ndarray | None = None) -> None:
        """Index doc (or re-index it after an edit); vector is its stored sentence vector, if known."""
        self.upsert_many([doc], [vector])

    def upsert_many(self, docs: Sequence[Doc], vectors: Sequence[np.ndarray | None] | None = None, *,
                    encode_missing: bool = True, words: Sequence[list[str] | None] | None = None) -> None:
        """Index several documents; the ones without a given sentence vector are encoded in one batch.

        With encode_missing False they are indexed without one (the encoder part ignores them).
        words: each document's stored word tokens (`tokenize(doc.text)`), when known — start-up
        loads them from the database instead of running jieba over every document again.
        """
        last = {doc.id: i for i, doc in enumerate(docs)}  # a document given twice: its last version wins
        if len(last) < len(docs):
            keep = sorted(last.values())
            docs = [docs[i] for i in keep]
            vectors = [vectors[i] for i in keep] if vectors is not None else None
            words = [words[i] for i in keep] if words is not None else None
        vectors = list(vectors) if vectors is not None else [None] * len(docs)
        missing = [i for i, v in enumerate(vectors) if v is None or (self.encoder and v.shape != (self.encoder.dim,))]
        if self.encoder is not None and missing and encode_missing:
            encoded = self.encoder.passages([docs[i].text for i in missing])
            for i, row in zip(missing, encoded, strict=True):
                vectors[i] = row
        given = list(words) if words is not None else [None] * len(docs)
        tokens = [w if w is not None else tokenize(doc.text) for doc, w in zip(docs, given, strict=True)]
        model = self._model
        d2v = [self._encode(model, words) for words in tokens] if self._index.dim else [None] * len(docs)
        with self._lock:
            if model is not self._model and self._index.dim:  # a model swap happened meanwhile
                d2v = [self._encode(self._model, words) for words in tokens]
            self._store_many(docs, tokens, d2v, vectors)

    @contextmanager
    def bulk_loading(self) -> Iterator[None]:
        """Load many documents (start-up): postings merge geometrically, and once more at the end."""
        self._bm25.bulk = self._chars.bulk = True
        try:
            yield
        finally:
            with self._lock:
                self._bm25.bulk = self._chars.bulk = False
                self._bm25.merge()
                self._chars.merge()
                self._dense.compact()

    # The parts a built index consists of (what a snapshot holds; server/match/snapshot.py).
    _STATE = ("_docs", "_generation", "_index", "_dense", "_bm25", "_chars", "_char_keys")

    def write_state(self, out: BinaryIO) -> None:
        """Pickle the built index (not the models, the encoder or the fusion) to out, under the lock."""
        with self._lock:
            pickle.dump({name: getattr(self, name) for name in self._STATE}, out, protocol=pickle.HIGHEST_PROTOCOL)

    def read_state(self, src: BinaryIO, *, documents: int) -> None:
        """Replace this engine's index by one write_state saved with the same parts and that many documents.

        ValueError (and the engine untouched) when it is not that."""
        state = pickle.load(src)  # noqa: S301 - our own file under MODEL_DIR, as trusted as the models there
        if not isinstance(state, dict) or set(state) != set(self._STATE):
            raise ValueError("not an index state")
        if len(state["_docs"]) != documents:
            raise ValueError(f"index state holds {len(state['_docs'])} documents, its fingerprints {documents}")
        if state["_dense"].dim != self._dense.dim or state["_index"].dim != self._index.dim:
            raise ValueError(f"index state holds vectors of {state['_dense'].dim}/{state['_index'].dim} dimensions, "
                             f"this engine {self._dense.dim}/{self._index.dim}")
        with self._lock:
            for name, value in state.items():
                setattr(self, name, value)

    def set_meta(self, doc_id: str, meta: DocMeta) -> None:
        """Change an indexed document's metadata (closed, moved region) without re-encoding it."""
        with self._lock:
            entry = self._docs[doc_id]
            self._docs[doc_id] = _Entry(meta, entry.generation)
            self._index.set_meta(doc_id, meta)
            if self.encoder is not None and meta.kind != entry.meta.kind:  # its vector moves to the new kind's block
                slot = self._index.slot(doc_id)
                self._dense.set(np.asarray([slot]), np.asarray([KIND_CODES[meta.kind]]), self._dense.rows([slot]))

    def remove(self, doc_id: str) -> bool:
        """Drop doc_id from the index; return whether it was there."""
        with self._lock:
            if self._docs.pop(doc_id, None) is None:
                return False
            slot = self._index.remove(doc_id)
            if slot is not None:
                self._bm25.clear(slot)
                self._chars.clear(slot)
                self._dense.clear(slot)
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
            if q.model is not self._model and q.vector is not None:  # swapped while we were inferring
                q = replace(q, model=self._model, vector=self._encode(self._model, q.words))
            parts = self._components(q)
            if method == "hybrid":
                slots, scores, relevance = self._fused(parts)
            else:
                slots, scores = self._single(parts, method)
                relevance = None
            boosts = rank.region_boosts(q.region_code, self._index.regions[slots], params=self.params.rank)
            order = slots[np.argsort(-(scores + boosts), kind="stable")]
            by_slot = dict(zip(slots.tolist(), scores.tolist(), strict=True))
            rel_by_slot = dict(zip(slots.tolist(), relevance.tolist(), strict=True)) if relevance is not None else {}
            kept = rank.collapse(order[: k * self.params.rank.pool_factor + 1], vectors=self._collapse_vectors(),
                                 authors=self._index.authors, k=k, threshold=self._duplicate_threshold(),
                                 same_author=self.params.rank.collapse_same_author)
            idf = dict(zip(q.tokens, self._bm25.idf(q.tokens).tolist(), strict=True))
            return [self._result(int(slot), by_slot[slot], rel_by_slot.get(slot), method, position, q, idf)
                    for position, slot in enumerate(kept, start=1)]

    def score_components(self, text: str, *, kind: str | None = None) -> Components:
        """Return the raw part scores of text over every slot (for tuning the fusion)."""
        q = self._query(text, method="all", kind=kind, author_id=None, region_code=None, exclude_ids=())
        with self._lock:
            return self._components(q)

    def swap_model(self, new_model: Doc2Vec | None) -> None:
        """Re-encode every document with new_model into a fresh index, then switch to it atomically."""
        dim = self._vector_dim(new_model)
        with self._lock:
            snapshot = {doc_id: entry for doc_id, entry in self._docs.items()}
            tokens = self._bags() if dim else {}
        vectors = {doc_id: self._encode(new_model, words) for doc_id, words in tokens.items()}
        with self._lock:
            fresh = self._index.empty_like(dim)
            late = {}
            if any(snapshot.get(doc_id) is not entry for doc_id, entry in self._docs.items()):
                late = self._bags()  # documents written meanwhile: their current words
            for doc_id, entry in self._docs.items():
                stale = snapshot.get(doc_id) is not entry
                vector = vectors.get(doc_id) if not stale else None
                if vector is None and new_model is not None and dim:
                    vector = self._encode(new_model, late.get(doc_id, []))
                fresh.upsert(doc_id, vector if vector is not None else np.zeros(fresh.dim), entry.meta)
            self._model, self._index = new_model, fresh

    def _vector_dim(self, model: Doc2Vec | None) -> int:
        """The Doc2Vec dimension documents are kept at (0: no per-document vectors, see __init__)."""
        if model is None:
            return 0
        wanted = self._doc_vectors
        if wanted is None:
            fused = self.fusion.model(variant_name(dense=self.encoder is not None, doc2vec=True))
            wanted = self.encoder is None or any(f.startswith("doc2vec") for f in fused.features)
        return int(model.vector_size) if wanted else 0

    def _bags(self) -> dict[str, list[str]]:
        """Each document's words as a bag (Doc2Vec here is PV-DBOW: word order plays no part)."""
        vocab = self._bm25.vocab
        return {self._index.doc_id(slot): vocab.terms(keys) for slot, keys in self._bm25.bags().items()
                if self._index.slot_taken(slot)}

    def memory_bytes(self) -> dict[str, int]:
        """Return the bytes held by each part of the index (benchmarks)."""
        with self._lock:
            return {"dense": self._dense.nbytes, "doc2vec": int(self._index._vectors.nbytes),  # noqa: SLF001
                    "word_bm25": self._bm25.nbytes, "char_bm25": self._chars.nbytes}

    def _encode(self, model: Doc2Vec | None, tokens: list[str]) -> np.ndarray | None:
        if model is None:
            return None
        return infer(model, tokens, epochs=self.params.doc2vec.infer_epochs)

    def _store_many(self, docs: Sequence[Doc], tokens: Sequence[list[str]], d2v: Sequence[np.ndarray | None],
                    dense: Sequence[np.ndarray | None]) -> None:
        """Write documents into every part (under the lock); word ids and character keys in bulk."""
        if not docs:
            return
        slots = np.empty(len(docs), dtype=np.int64)
        for i, (doc, vector) in enumerate(zip(docs, d2v, strict=True)):
            self._generation += 1
            self._docs[doc.id] = _Entry(doc.meta, self._generation)
            slots[i] = self._index.upsert(doc.id, vector if vector is not None else np.zeros(self._index.dim),
                                          doc.meta)
        lengths = np.fromiter((len(words) for words in tokens), dtype=np.int64, count=len(tokens))
        word_ids = self._bm25.vocab.ids(list(chain.from_iterable(tokens)))
        self._bm25.add_many(slots, np.repeat(np.arange(len(docs)), lengths), word_ids)
        owner, keys = self._char_keys.keys([doc.text for doc in docs])
        self._chars.add_many(slots, owner, keys)
        if self.encoder is not None:
            dim = self._dense.dim
            rows = np.stack([row if row is not None and row.shape == (dim,) else np.zeros(dim, np.float32)
                             for row in dense]) if dense else np.zeros((0, dim), np.float32)
            kinds = np.fromiter((KIND_CODES[doc.meta.kind] for doc in docs), dtype=np.int8, count=len(docs))
            self._dense.set(slots, kinds, rows)

    def _query(self, query: Doc | str, *, method: str, kind: str | None, author_id: int | None,
               region_code: str | None, exclude_ids: Iterable[str]) -> _Query:
        text = query.text if isinstance(query, Doc) else query
        excluded = set(exclude_ids)
        if isinstance(query, Doc):
            kind, author_id = query.meta.kind, query.meta.author_id
            region_code = region_code or query.meta.region_code
            excluded.add(query.id)
        expansion = " ".join(self.vocabulary.expansion(text))
        dense = None
        if self.encoder is not None and method in ("dense", "hybrid", "all"):
            # First, so that the rest of the query's preparation overlaps it. The technical terms behind
            # everyday words help the encoder too (+3 points R@1 on the colloquial dev set):
            # "柑子树叶子黄一块绿一块（柑橘 黄龙病 斑驳黄化）".
            dense = _QUERY_ENCODING.submit(_encode_query, self.encoder, f"{text}（{expansion}）" if expansion else text)
        tokens, model = tokenize(text), self._model
        words = tokens + tokenize(expansion) if expansion else tokens
        chars = self._char_keys.keys([f"{text} {expansion}"], grow=False)[1]
        char_count = len(char_terms(f"{text} {expansion}"))
        # Doc2Vec inference only when something reads it ("all": every part, for tuning).
        uses_d2v = method in ("doc2vec", "all") or (method == "hybrid" and "doc2vec" in self.fusion_model.features)
        vector = self._encode(model, words) if uses_d2v else None
        filter = rank.match_filter(kind=kind, author_id=author_id, exclude_ids=excluded)
        return _Query(text, tokens, words, chars, char_count, model, vector, dense, filter, region_code)

    def _components(self, q: _Query) -> Components:
        """Every part's scores (under the lock; BM25 first, while the query's sentence vector is encoded)."""
        size = self._index.size
        mask = self._index.mask(q.filter)
        word, chars = self._bm25.scores(q.words, size=size), self._chars.scores_keys(q.chars, size=size)
        ceilings = self._bm25.ceiling(q.words), self._chars.ceiling_keys(q.chars, unseen=q.char_count)
        d2v = self._index.cosines(q.vector) if q.vector is not None and self._index.dim else None
        dense = None
        if q.dense is not None:
            kinds = None if q.filter.kinds is None else {KIND_CODES[kind] for kind in q.filter.kinds}
            dense = self._dense.scores(q.dense.result(), size, kinds=kinds)
        ids = self._index._ids  # noqa: SLF001 - by slot; the caller reads it before the next write
        return Components(word, chars, dense, d2v, mask, ids, *ceilings)

    def _fused(self, parts: Components) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        slots = candidate_pool(parts)
        if slots.size == 0:
            return slots, np.zeros(0), np.zeros(0)
        fitted = self.fusion.model(variant_name(dense=parts.dense is not None, doc2vec=parts.doc2vec is not None))
        relevance = fitted.relevance(features(parts, slots))
        return slots, relevance, relevance

    def _single(self, parts: Components, method: str) -> tuple[np.ndarray, np.ndarray]:
        scores = {"bm25": parts.word, "char-bm25": parts.char, "dense": parts.dense,
                  "doc2vec": parts.doc2vec}[method]
        mask = parts.mask.copy()
        if scores is None:  # that part is missing: rank by word BM25
            scores = parts.word
        if scores is parts.word or scores is parts.char:
            mask &= scores > 0  # BM25 has nothing to say about documents sharing no term
        slots = top_k(np.where(mask, scores, -np.inf), POOL_PER_PART * 4)
        return slots, scores[slots].astype(np.float64)

    def _collapse_vectors(self) -> np.ndarray:
        """Near-duplicates are judged by the encoder, else a trusted Doc2Vec model, else not at all."""
        if self.encoder is not None:
            return self._dense  # type: ignore[return-value] - read by slot like a matrix
        return self._index.vectors  # zero rows without a model: only same-author collapse applies

    def _duplicate_threshold(self) -> float:
        return self.params.rank.duplicate_dense if self.encoder is not None else self.params.rank.duplicate_cosine

    def _result(self, slot: int, score: float, relevance: float | None, method: str, position: int,
                q: _Query, idf: dict[str, float]) -> Match:
        doc_id = self._index.doc_id(slot)
        keywords = rank.explain(q.tokens, self._held(slot, q.tokens), idf=idf, limit=self.params.rank.keywords)
        bridges = self._bridges(q.text, slot)
        return Match(doc_id=doc_id, score=score, method=method, rank=position,
                     keywords=(bridges + [k for k in keywords if k not in bridges])[: self.params.rank.keywords],
                     relevance=relevance)

    def _held(self, slot: int, words: Sequence[str]) -> list[str]:
        """Return the words (of a query) that the document in slot contains."""
        known = [(word, ids[0]) for word in dict.fromkeys(words)
                 if (ids := self._bm25.vocab.ids([word], grow=False)).size]
        if not known:
            return []
        held = self._bm25.holds(slot, np.asarray([key for _, key in known]))
        return [word for (word, _), hit in zip(known, held.tolist(), strict=True) if hit]

    def _bridges(self, text: str, slot: int) -> list[str]:
        """Return "柑子≈柑橘" for each everyday word of the query whose technical term the document holds."""
        out = []
        for entry in self.vocabulary.find(text):
            for term in entry.technical:
                words = tokenize(term)
                if words and len(self._held(slot, words)) == len(set(words)) and term not in text:
                    out.append(f"{entry.colloquial}≈{term}")
                    break
        return out

