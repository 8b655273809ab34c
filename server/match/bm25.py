"""Okapi BM25 over numbered slots, vectorised with scipy.sparse and updated incrementally."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from server.match.params import BM25Params


class Vocabulary:
    """A growing two-way map between terms and integer ids."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._terms: list[str] = []

    def __len__(self) -> int:
        return len(self._terms)

    def ids(self, terms: Sequence[str], *, grow: bool = True) -> np.ndarray:
        """Return the ids of terms; unknown terms are added (grow) or dropped."""
        out = []
        for term in terms:
            index = self._ids.get(term)
            if index is None and grow:
                index = self._ids[term] = len(self._terms)
                self._terms.append(term)
            if index is not None:
                out.append(index)
        return np.asarray(out, dtype=np.int32)

    def terms(self, ids: Sequence[int] | np.ndarray) -> list[str]:
        """Return the terms of ids."""
        return [self._terms[i] for i in ids]


class BM25Index:
    """Okapi BM25 scores for every slot; new rows wait in a small matrix merged in batches."""

    def __init__(self, *, params: BM25Params | None = None, vocab: Vocabulary | None = None,
                 merge_every: int = 4096) -> None:
        self.params = params or BM25Params()
        self.vocab = vocab or Vocabulary()
        self._merge_every = merge_every
        self._rows: list[tuple[np.ndarray, np.ndarray] | None] = []  # slot -> (unique ids, counts)
        self._df = np.zeros(0, dtype=np.int64)
        self._dl = np.zeros(0, dtype=np.float32)
        self._in_base = np.zeros(0, dtype=bool)  # slot's current row lives in the merged matrix
        self._base = sparse.csc_matrix((0, 0), dtype=np.float32)
        self._pending: set[int] = set()
        self._pending_matrix: sparse.csc_matrix | None = None
        self._docs = 0
        self._total_len = 0.0

    def set(self, slot: int, terms: Sequence[str]) -> None:
        """Index terms as the content of slot, replacing what it held."""
        self.clear(slot)
        ids, counts = np.unique(self.vocab.ids(terms), return_counts=True)
        self._grow(slot + 1, len(self.vocab))
        self._rows[slot] = (ids.astype(np.int32), counts.astype(np.float32))
        self._df[ids] += 1
        self._dl[slot] = counts.sum()
        self._docs += 1
        self._total_len += float(counts.sum())
        self._pending.add(slot)
        self._pending_matrix = None
        if len(self._pending) >= self._merge_every:
            self.merge()

    def clear(self, slot: int) -> None:
        """Forget the content of slot."""
        if slot >= len(self._rows) or self._rows[slot] is None:
            return
        ids, counts = self._rows[slot]
        self._df[ids] -= 1
        self._docs -= 1
        self._total_len -= float(counts.sum())
        self._rows[slot] = None
        self._in_base[slot] = False
        self._dl[slot] = 0.0
        if slot in self._pending:
            self._pending.discard(slot)
            self._pending_matrix = None

    def merge(self) -> None:
        """Fold pending rows into the main matrix, dropping superseded rows (amortised O(nnz))."""
        shape = (len(self._rows), len(self.vocab))
        keep = sparse.diags(self._in_base[: shape[0]].astype(np.float32))
        base = keep @ _resized(self._base.tocsr(), shape)
        self._base = (base + self._build(sorted(self._pending), shape)).tocsc()
        self._in_base[list(self._pending)] = True
        self._pending.clear()
        self._pending_matrix = None

    def scores(self, terms: Sequence[str], *, size: int) -> np.ndarray:
        """Return BM25 scores of the query terms for slots [0, size)."""
        out = np.zeros(size, dtype=np.float32)
        ids, qtf = np.unique(self.vocab.ids(terms, grow=False), return_counts=True)
        if ids.size == 0 or self._docs == 0:
            return out
        weights = qtf * self._idf(ids)
        for matrix, rows_ok in ((self._base, self._in_base), (self._pending_rows(), None)):
            self._accumulate(out, matrix, ids, weights, rows_ok)
        return out

    def ceiling(self, terms: Sequence[str]) -> float:
        """Return the score bound a document containing every query term could reach (sum of qtf*idf*(k1+1))."""
        if self._docs == 0:
            return 0.0
        ids, qtf = np.unique(self.vocab.ids(terms, grow=False), return_counts=True)
        unseen = len(terms) - int(qtf.sum())  # a term no document has carries the highest idf
        top_idf = float(np.log1p((self._docs + 0.5) / 0.5))
        return float(((qtf * self._idf(ids)).sum() + unseen * top_idf) * (self.params.k1 + 1.0))

    def idf(self, terms: Sequence[str]) -> np.ndarray:
        """Return the idf of each term (0 for unknown terms)."""
        out = np.zeros(len(terms), dtype=np.float32)
        for i, term in enumerate(terms):
            ids = self.vocab.ids([term], grow=False)
            if ids.size and self._docs:
                out[i] = self._idf(ids)[0]
        return out

    def _idf(self, ids: np.ndarray) -> np.ndarray:
        df = self._df[ids].astype(np.float64)
        return np.log1p((self._docs - df + 0.5) / (df + 0.5)).astype(np.float32)

    def _accumulate(self, out: np.ndarray, matrix: sparse.csc_matrix, ids: np.ndarray,
                    weights: np.ndarray, rows_ok: np.ndarray | None) -> None:
        ids_in = ids < matrix.shape[1]
        if matrix.shape[0] == 0 or not ids_in.any():
            return
        sub = matrix[:, ids[ids_in]]
        rows, tf = sub.indices, sub.data
        per_column = np.repeat(weights[ids_in], np.diff(sub.indptr))
        k1, b = self.params.k1, self.params.b
        avgdl = self._total_len / max(self._docs, 1)
        norm = k1 * (1.0 - b + b * self._dl[rows] / avgdl)
        values = per_column * tf * (k1 + 1.0) / (tf + norm)
        if rows_ok is not None:
            values = values * rows_ok[rows]
        n = min(out.size, matrix.shape[0])
        out[:n] += np.bincount(rows, weights=values, minlength=matrix.shape[0])[:n]

    def _pending_rows(self) -> sparse.csc_matrix:
        if self._pending_matrix is None:
            shape = (len(self._rows), len(self.vocab))
            self._pending_matrix = self._build(sorted(self._pending), shape).tocsc()
        return self._pending_matrix

    def _build(self, slots: list[int], shape: tuple[int, int]) -> sparse.csr_matrix:
        rows = [self._rows[slot] for slot in slots]
        if not rows:
            return sparse.csr_matrix(shape, dtype=np.float32)
        cols = np.concatenate([ids for ids, _ in rows])
        data = np.concatenate([counts for _, counts in rows])
        row_ids = np.repeat(np.asarray(slots), [ids.size for ids, _ in rows])
        return sparse.csr_matrix((data, (row_ids, cols)), shape=shape, dtype=np.float32)

    def _grow(self, slots: int, terms: int) -> None:
        if slots > len(self._rows):
            self._rows.extend([None] * (slots - len(self._rows)))
        if slots > self._dl.size:
            size = max(slots, 2 * self._dl.size, 1024)
            self._dl = _extended(self._dl, size)
            self._in_base = _extended(self._in_base, size)
        if terms > self._df.size:
            self._df = _extended(self._df, max(terms, 2 * self._df.size, 1024))


def _extended(array: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size, dtype=array.dtype)
    out[: array.size] = array
    return out


def _resized(matrix: sparse.csr_matrix, shape: tuple[int, int]) -> sparse.csr_matrix:
    matrix = matrix.copy()
    matrix.resize(shape)
    return matrix
