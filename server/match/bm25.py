"""Okapi BM25 over numbered slots: sorted postings built in bulk with numpy, updated incrementally.

Terms are integer keys (a word's id in a `Vocabulary`, or a character term's code, see
`server.match.chars`). The index keeps one *base* of postings sorted by (key, slot) — a key
array, offsets, the slots (int32) and term frequencies (uint8, saturating) — plus a small
*pending* part for documents set since the last merge. A merge packs every posting into one
int64 (key | slot | tf), sorts them with numpy's vectorised sort and unpacks: no Python loop
per document or posting, so 400 k documents index in seconds.

Deletion is lazy (as in Lucene): a cleared slot's base postings are masked at query time and
dropped at the next merge, and until then still count in document frequencies — for at most
one document in a thousand: past that, or at once in an index under 1,000 documents, clearing
merges. Terms found in
more than `BM25Params.max_df` of the documents (and in at least `min_df_stop` of them) are
*stop terms*: a merge drops their postings and scoring ignores them, in the score and in the
ceiling alike — a character in every other document is no evidence, and its posting list would
be most of a query's work. Once stopped, a term stays stopped until the index is rebuilt.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

import numpy as np

from server.match.params import BM25Params

KEY_BITS, SLOT_BITS, TF_BITS = 31, 24, 8  # packed into one int64: key | slot | tf
MAX_SLOTS = 1 << SLOT_BITS
MAX_TF = (1 << TF_BITS) - 1


class Vocabulary:
    """A growing two-way map between terms and integer ids."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._terms: list[str] = []

    def __len__(self) -> int:
        return len(self._terms)

    def ids(self, terms: Sequence[str], *, grow: bool = True) -> np.ndarray:
        """Return the ids of terms; unknown terms are added (grow) or dropped."""
        out = np.fromiter(map(self._ids.get, terms, repeat(-1)), dtype=np.int32, count=len(terms))
        unknown = np.flatnonzero(out < 0)
        if unknown.size == 0:
            return out
        if not grow:
            return out[out >= 0]
        for position in unknown.tolist():
            term = terms[position]
            index = self._ids.get(term)
            if index is None:
                index = self._ids[term] = len(self._terms)
                self._terms.append(term)
            out[position] = index
        return out

    def terms(self, ids: Sequence[int] | np.ndarray) -> list[str]:
        """Return the terms of ids."""
        return [self._terms[i] for i in ids]


class _Postings:
    """Postings sorted by (key, slot): unique keys, offsets, slots and term frequencies."""

    def __init__(self, packed: np.ndarray | None = None) -> None:
        packed = np.zeros(0, dtype=np.int64) if packed is None else packed
        keys = (packed >> (SLOT_BITS + TF_BITS)).astype(np.int32)
        self.slots = ((packed >> TF_BITS) & (MAX_SLOTS - 1)).astype(np.int32)
        self.tf = (packed & MAX_TF).astype(np.uint8)
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if keys.size else np.zeros(0, np.int64)
        self.keys = keys[starts]
        self.offsets = np.r_[starts, keys.size].astype(np.int64)

    @property
    def nbytes(self) -> int:
        return int(self.slots.nbytes + self.tf.nbytes + self.keys.nbytes + self.offsets.nbytes)

    def packed(self) -> np.ndarray:
        """Return the postings packed again (for a merge)."""
        keys = np.repeat(self.keys.astype(np.int64), np.diff(self.offsets))
        return (keys << (SLOT_BITS + TF_BITS)) | (self.slots.astype(np.int64) << TF_BITS) | self.tf

    def positions(self, keys: np.ndarray) -> np.ndarray:
        """Return each key's position in self.keys, -1 when absent."""
        if self.keys.size == 0 or keys.size == 0:
            return np.full(keys.size, -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.keys, keys), self.keys.size - 1)
        return np.where(self.keys[at] == keys, at, -1)

    def df(self, keys: np.ndarray) -> np.ndarray:
        """Return the number of postings of each key (0 when absent)."""
        at = self.positions(keys)
        found = at >= 0
        out = np.zeros(keys.size, dtype=np.int64)
        out[found] = self.offsets[at[found] + 1] - self.offsets[at[found]]
        return out

    def gather(self, keys: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return (slots, tf, weight) of every posting of keys, the key's weight repeated per posting."""
        at = self.positions(keys)
        found = at >= 0
        at, weights = at[found], weights[found]
        if at.size == 0:
            empty = np.zeros(0, dtype=np.int32)
            return empty, empty.astype(np.uint8), np.zeros(0, dtype=np.float32)
        starts, stops = self.offsets[at], self.offsets[at + 1]
        if at.size == 1:
            span = slice(int(starts[0]), int(stops[0]))
            return self.slots[span], self.tf[span], np.full(int(stops[0] - starts[0]), weights[0], np.float32)
        slots = np.concatenate([self.slots[a:b] for a, b in zip(starts.tolist(), stops.tolist(), strict=True)])
        tf = np.concatenate([self.tf[a:b] for a, b in zip(starts.tolist(), stops.tolist(), strict=True)])
        return slots, tf, np.repeat(weights.astype(np.float32), stops - starts)

    def holds(self, slot: int, keys: np.ndarray) -> np.ndarray:
        """Return, per key, whether slot has a posting of it."""
        at = self.positions(keys)
        out = np.zeros(keys.size, dtype=bool)
        for i, position in enumerate(at.tolist()):
            if position >= 0:
                run = self.slots[self.offsets[position]:self.offsets[position + 1]]
                hit = int(np.searchsorted(run, slot))
                out[i] = hit < run.size and run[hit] == slot
        return out


def pack(slots: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return one packed posting per distinct (slot, key) of the pairs given (tf = how often it occurs),
    ordered by slot and then key, and the slot of each."""
    if keys.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if int(slots.max()) >= MAX_SLOTS or int(keys.max()) >= (1 << KEY_BITS) or int(keys.min()) < 0:
        raise ValueError("slot or term key out of range for the packed postings")
    pairs = np.sort((slots.astype(np.int64) << (KEY_BITS + TF_BITS)) | (keys.astype(np.int64) << TF_BITS))
    starts = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
    tf = np.minimum(np.diff(np.r_[starts, pairs.size]), MAX_TF)
    pairs = pairs[starts]
    slot_of = pairs >> (KEY_BITS + TF_BITS)
    key_of = (pairs >> TF_BITS) & ((1 << KEY_BITS) - 1)
    return (key_of << (SLOT_BITS + TF_BITS)) | (slot_of << TF_BITS) | tf, slot_of


class BM25Index:
    """Okapi BM25 scores for every slot; new rows wait in a small pending part merged in batches."""

    def __init__(self, *, params: BM25Params | None = None, vocab: Vocabulary | None = None,
                 merge_every: int = 4096) -> None:
        self.params = params or BM25Params()
        self.vocab = vocab or Vocabulary()
        self._merge_every = merge_every
        self.bulk = False  # loading many documents: merge geometrically (see Engine.bulk_loading)
        self._base = _Postings()
        self._pending: dict[int, np.ndarray] = {}  # slot -> its packed postings
        self._pending_view: _Postings | None = None
        self._stopped = np.zeros(0, dtype=np.int32)  # sorted stop-term keys
        self._dl = np.zeros(0, dtype=np.float32)
        self._live = np.zeros(0, dtype=bool)  # slot holds a document
        self._in_base = np.zeros(0, dtype=bool)  # slot's current postings are the base's
        self._dead_in_base = 0  # cleared slots whose base postings still wait for a merge
        self._docs = 0
        self._total_len = 0.0

    # -- writing ---------------------------------------------------------------------------------

    def set(self, slot: int, terms: Sequence[str]) -> None:
        """Index terms as the content of slot, replacing what it held."""
        self.set_keys(slot, self.vocab.ids(terms))

    def set_keys(self, slot: int, keys: np.ndarray) -> None:
        """Index term keys (repeats count) as the content of slot."""
        self.add_many(np.asarray([slot]), np.zeros(len(keys), dtype=np.int64), np.asarray(keys, dtype=np.int64))

    def add_many(self, slots: np.ndarray, owner: np.ndarray, keys: np.ndarray) -> None:
        """Index several slots at once: keys[i] belongs to slots[owner[i]] (repeats count)."""
        slots = np.asarray(slots, dtype=np.int64)
        for slot in slots.tolist():
            self.clear(slot)
        self._grow(int(slots.max()) + 1 if slots.size else 0)
        packed, row_of = pack(slots[owner], keys)
        lengths = np.bincount(owner, minlength=slots.size).astype(np.float32)
        self._dl[slots] = lengths
        self._live[slots] = True
        self._docs += slots.size
        self._total_len += float(lengths.sum())
        unique = np.unique(slots)
        starts, stops = np.searchsorted(row_of, unique), np.searchsorted(row_of, unique, side="right")
        for slot, start, stop in zip(unique.tolist(), starts.tolist(), stops.tolist(), strict=True):
            self._pending[slot] = packed[start:stop]
        self._pending_view = None
        # Loading in bulk, the pending part may grow to four times the base before a merge (each posting is
        # merged about 1.3 times in all); otherwise it stays small, as every query after a write reads it.
        limit = max(self._merge_every, 4 * (self._docs - len(self._pending))) if self.bulk else self._merge_every
        if len(self._pending) >= limit:
            self.merge()

    def clear(self, slot: int) -> None:
        """Forget the content of slot."""
        if slot >= self._live.size or not self._live[slot]:
            return
        self._docs -= 1
        self._total_len -= float(self._dl[slot])
        self._live[slot] = False
        self._dl[slot] = 0.0
        if self._in_base[slot]:
            self._in_base[slot] = False
            self._dead_in_base += 1
            if not self.bulk and self._dead_in_base > self._docs // 1000:
                self.merge()  # a small index merges at once: there one document's df weighs
        if self._pending.pop(slot, None) is not None:
            self._pending_view = None

    def merge(self) -> None:
        """Fold pending postings into the base, dropping cleared slots' and stop terms' postings."""
        parts = [self._base.packed()]
        if self._dead_in_base:
            slots = (parts[0] >> TF_BITS) & (MAX_SLOTS - 1)
            parts[0] = parts[0][self._in_base[slots]]
        if self._pending:
            parts.append(np.sort(np.concatenate(list(self._pending.values()))))
        # Two sorted runs: a stable sort (timsort for int64) merges them in linear time.
        merged = np.sort(np.concatenate(parts), kind="stable") if len(parts) > 1 else parts[0]
        keys = merged >> (SLOT_BITS + TF_BITS)
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if keys.size else np.zeros(0, np.int64)
        df = np.diff(np.r_[starts, keys.size])
        stop = df > max(self.params.max_df * self._docs, self.params.min_df_stop)
        if stop.any():
            self._stopped = np.union1d(self._stopped, keys[starts[stop]]).astype(np.int32)
            merged = merged[np.repeat(~stop, df)]
        self._base = _Postings(merged)
        self._in_base[list(self._pending)] = True
        self._pending.clear()
        self._pending_view = None
        self._dead_in_base = 0

    # -- reading ---------------------------------------------------------------------------------

    def scores(self, terms: Sequence[str], *, size: int) -> np.ndarray:
        """Return BM25 scores of the query terms for slots [0, size)."""
        return self.scores_keys(self.vocab.ids(terms, grow=False), size=size)

    def scores_keys(self, keys: np.ndarray, *, size: int) -> np.ndarray:
        """Return BM25 scores of query term keys (repeats count) for slots [0, size)."""
        out = np.zeros(size, dtype=np.float32)
        keys, qtf = np.unique(np.asarray(keys, dtype=np.int32), return_counts=True)
        keys, qtf = self._informative(keys, qtf)
        if keys.size == 0 or self._docs == 0:
            return out
        weights = (qtf * self._idf_keys(keys)).astype(np.float32)
        k1, b = self.params.k1, self.params.b
        avgdl = self._total_len / max(self._docs, 1)
        for part, masked in ((self._base, self._dead_in_base > 0), (self._pending_postings(), False)):
            slots, tf, weight = part.gather(keys, weights)
            if slots.size == 0:
                continue
            tf = tf.astype(np.float32)
            values = weight * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b) + (k1 * b / avgdl) * self._dl[slots])
            if masked:
                values *= self._in_base[slots]
            out += np.bincount(slots, weights=values, minlength=size)[:size].astype(np.float32)
        return out

    def ceiling(self, terms: Sequence[str]) -> float:
        """Return the score bound a document containing every query term could reach (sum of qtf*idf*(k1+1))."""
        return self.ceiling_keys(self.vocab.ids(terms, grow=False), unseen=len(terms))

    def ceiling_keys(self, keys: np.ndarray, *, unseen: int) -> float:
        """The ceiling of query keys; unseen = how many query terms were asked (the rest had no key)."""
        if self._docs == 0:
            return 0.0
        keys, qtf = np.unique(np.asarray(keys, dtype=np.int32), return_counts=True)
        unseen -= int(qtf.sum())  # a term no document has carries the highest idf
        keys, qtf = self._informative(keys, qtf)
        top_idf = float(np.log1p((self._docs + 0.5) / 0.5))
        return float(((qtf * self._idf_keys(keys)).sum() + unseen * top_idf) * (self.params.k1 + 1.0))

    def idf(self, terms: Sequence[str]) -> np.ndarray:
        """Return the idf of each term (0 for unknown and stop terms)."""
        out = np.zeros(len(terms), dtype=np.float32)
        if not self._docs:
            return out
        for i, term in enumerate(terms):
            keys = self.vocab.ids([term], grow=False)
            if keys.size and self._informative(keys, np.ones(1))[0].size:
                out[i] = self._idf_keys(keys)[0]
        return out

    def holds(self, slot: int, keys: np.ndarray) -> np.ndarray:
        """Return, per key, whether slot's document contains it (stop terms included)."""
        keys = np.asarray(keys, dtype=np.int32)
        pending = self._pending.get(slot)
        if pending is not None:
            return np.isin(keys, pending >> (SLOT_BITS + TF_BITS))
        if slot >= self._in_base.size or not self._in_base[slot]:
            return np.zeros(keys.size, dtype=bool)
        return self._base.holds(slot, keys)

    def bags(self) -> dict[int, np.ndarray]:
        """Return every live slot's term keys, repeated by frequency (stop terms are gone from merged rows)."""
        base = self._base.packed()
        base = base[self._in_base[(base >> TF_BITS) & (MAX_SLOTS - 1)]]
        merged = np.concatenate([base, *self._pending.values()])
        slots = (merged >> TF_BITS) & (MAX_SLOTS - 1)
        keys = np.repeat(merged >> (SLOT_BITS + TF_BITS), merged & MAX_TF)
        owners = np.repeat(slots, merged & MAX_TF)
        order = np.argsort(owners, kind="stable")
        keys, owners = keys[order], owners[order]
        starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]]) if owners.size else np.zeros(0, np.int64)
        bounds = np.r_[starts, owners.size]
        return {int(owners[a]): keys[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)}

    @property
    def nbytes(self) -> int:
        """Return the bytes the postings and per-slot arrays hold."""
        pending = sum(p.nbytes for p in self._pending.values())
        return int(self._base.nbytes + pending + self._dl.nbytes + self._live.nbytes + self._in_base.nbytes)

    # -- internals -------------------------------------------------------------------------------

    def _informative(self, keys: np.ndarray, qtf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Drop stop terms (already stopped, or over the df limit now)."""
        keep = ~np.isin(keys, self._stopped)
        limit = max(self.params.max_df * self._docs, self.params.min_df_stop)
        keep &= self._df(keys) <= limit
        return keys[keep], qtf[keep]

    def _df(self, keys: np.ndarray) -> np.ndarray:
        return self._base.df(keys) + self._pending_postings().df(keys)

    def _idf_keys(self, keys: np.ndarray) -> np.ndarray:
        df = self._df(keys).astype(np.float64)
        return np.log1p((self._docs - df + 0.5) / (df + 0.5)).astype(np.float32)

    def _pending_postings(self) -> _Postings:
        if self._pending_view is None:
            parts = list(self._pending.values())
            self._pending_view = _Postings(np.sort(np.concatenate(parts)) if parts else None)
        return self._pending_view

    def _grow(self, slots: int) -> None:
        if slots > MAX_SLOTS:
            raise ValueError(f"at most {MAX_SLOTS} slots")
        if slots > self._dl.size:
            size = max(slots, self._dl.size + self._dl.size // 2, 1024)
            self._dl = _extended(self._dl, size)
            self._live = _extended(self._live, size)
            self._in_base = _extended(self._in_base, size)


def _extended(array: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size, dtype=array.dtype)
    out[: array.size] = array
    return out
