"""An in-memory cosine index: unit float32 rows in slots, metadata as parallel arrays for filters."""

from __future__ import annotations

import numpy as np

from server.match.schema import KINDS, DocMeta, Filter

KIND_CODES = {kind: code for code, kind in enumerate(KINDS, start=1)}
NO_AUTHOR = -1


class VectorIndex:
    """Vectors by doc id with amortised growth, slot reuse and filtered top-k search."""

    def __init__(self, dim: int, *, capacity: int = 1024) -> None:
        self.dim = dim
        self._vectors = np.zeros((capacity, dim), dtype=np.float32)
        self._kind = np.zeros(capacity, dtype=np.int8)
        self._open = np.zeros(capacity, dtype=bool)
        self._author = np.full(capacity, NO_AUTHOR, dtype=np.int64)
        self._region = np.zeros(capacity, dtype=np.int32)
        self._ids: list[str | None] = []
        self._slots: dict[str, int] = {}
        self._free: list[int] = []

    def __len__(self) -> int:
        return len(self._slots)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._slots

    @property
    def size(self) -> int:
        """Return the number of slots in use or freed (rows the arrays below cover)."""
        return len(self._ids)

    @property
    def vectors(self) -> np.ndarray:
        """Return the slot matrix (a view; freed slots are zero rows)."""
        return self._vectors[: self.size]

    @property
    def authors(self) -> np.ndarray:
        """Return author ids by slot (NO_AUTHOR when unknown)."""
        return self._author[: self.size]

    @property
    def regions(self) -> np.ndarray:
        """Return region codes by slot as integers (0 when unknown)."""
        return self._region[: self.size]

    def ids(self) -> list[str]:
        """Return the indexed doc ids."""
        return list(self._slots)

    def slot(self, doc_id: str) -> int | None:
        """Return the slot of doc_id, or None."""
        return self._slots.get(doc_id)

    def doc_id(self, slot: int) -> str:
        """Return the doc id held in slot."""
        doc_id = self._ids[slot]
        if doc_id is None:
            raise KeyError(slot)
        return doc_id

    def slot_taken(self, slot: int) -> bool:
        """Return whether slot holds a document."""
        return self._ids[slot] is not None

    def upsert(self, doc_id: str, vector: np.ndarray, meta: DocMeta) -> int:
        """Add or replace doc_id's vector and metadata; return its slot."""
        slot = self._slots.get(doc_id)
        if slot is None:
            slot = self._take_slot(doc_id)
        if self.dim:
            self._vectors[slot] = _unit(vector, self.dim)
        self.set_meta(doc_id, meta)
        return slot

    def set_meta(self, doc_id: str, meta: DocMeta) -> None:
        """Change the metadata of an indexed document (e.g. it was closed)."""
        slot = self._slots[doc_id]
        self._kind[slot] = KIND_CODES[meta.kind]
        self._open[slot] = meta.status == "open"
        self._author[slot] = NO_AUTHOR if meta.author_id is None else meta.author_id
        self._region[slot] = int(meta.region_code) if meta.region_code else 0

    def remove(self, doc_id: str) -> int | None:
        """Drop doc_id; return the freed slot, or None when it was not indexed."""
        slot = self._slots.pop(doc_id, None)
        if slot is None:
            return None
        self._ids[slot] = None
        self._vectors[slot] = 0.0
        self._kind[slot] = 0
        self._open[slot] = False
        self._author[slot] = NO_AUTHOR
        self._region[slot] = 0
        self._free.append(slot)
        return slot

    def empty_like(self, dim: int) -> VectorIndex:
        """Return an index with the same ids, slots and metadata but zero vectors of dimension dim."""
        fresh = VectorIndex(dim, capacity=self._vectors.shape[0])
        fresh._kind, fresh._open = self._kind.copy(), self._open.copy()
        fresh._author, fresh._region = self._author.copy(), self._region.copy()
        fresh._ids, fresh._slots, fresh._free = list(self._ids), dict(self._slots), list(self._free)
        return fresh

    def mask(self, filter: Filter | None = None) -> np.ndarray:
        """Return which slots a search under filter may return."""
        filter = filter or Filter()
        allowed = self._kind[: self.size] > 0
        if filter.kinds is not None:
            wanted = np.zeros(len(KIND_CODES) + 1, dtype=bool)
            wanted[[KIND_CODES[kind] for kind in filter.kinds]] = True
            allowed &= wanted[self._kind[: self.size]]
        if filter.open_only:
            allowed &= self._open[: self.size]
        if len(filter.exclude_authors) == 1:
            allowed &= self.authors != next(iter(filter.exclude_authors))
        elif filter.exclude_authors:
            allowed &= ~np.isin(self.authors, list(filter.exclude_authors))
        for doc_id in filter.exclude_ids:
            slot = self._slots.get(doc_id)
            if slot is not None:
                allowed[slot] = False
        return allowed

    def cosines(self, query: np.ndarray) -> np.ndarray:
        """Return the cosine of the query with every slot (rows are unit length)."""
        return self.vectors @ _unit(query, self.dim)

    def search(self, query: np.ndarray, k: int, *, filter: Filter | None = None) -> list[tuple[str, float]]:
        """Return the top-k (doc_id, cosine) pairs allowed by filter, best first."""
        scores = np.where(self.mask(filter), self.cosines(query), -np.inf)
        return [(self.doc_id(int(slot)), float(scores[slot])) for slot in top_k(scores, k)]

    def _take_slot(self, doc_id: str) -> int:
        if self._free:
            slot = self._free.pop()
            self._ids[slot] = doc_id
        else:
            slot = len(self._ids)
            self._ids.append(doc_id)
            if slot >= self._vectors.shape[0]:
                self._grow(2 * self._vectors.shape[0])
        self._slots[doc_id] = slot
        return slot

    def _grow(self, capacity: int) -> None:
        """Double the arrays (amortised O(1) per add)."""
        def grown(array: np.ndarray, fill: int = 0) -> np.ndarray:
            out = np.full((capacity, *array.shape[1:]), fill, dtype=array.dtype)
            out[: array.shape[0]] = array
            return out

        self._vectors = grown(self._vectors)
        self._kind, self._open, self._region = grown(self._kind), grown(self._open), grown(self._region)
        self._author = grown(self._author, NO_AUTHOR)


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Return the indices of the k highest finite scores, best first (argpartition, then sort k)."""
    finite = int(np.isfinite(scores).sum())
    k = min(k, finite)
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, k - 1)[:k] if k < scores.size else np.arange(scores.size)
    order = part[np.argsort(-scores[part], kind="stable")]
    return order[np.isfinite(scores[order])][:k]


def _unit(vector: np.ndarray, dim: int) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32).reshape(dim)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector
