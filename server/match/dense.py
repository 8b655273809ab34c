"""Sentence vectors by slot, kept in one contiguous float32 matrix per document kind.

A need is matched against offers only, so its dot product reads the offers' block instead of
every document's row (memory bandwidth is what a brute-force search spends its time on).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


class _Block:
    """The rows of one kind: a growable matrix and the slot each row belongs to (-1: free)."""

    def __init__(self, dim: int) -> None:
        self.matrix = np.zeros((0, dim), dtype=np.float32)
        self.slots = np.zeros(0, dtype=np.int64)
        self.used = 0
        self.free: list[int] = []

    def take(self, count: int) -> np.ndarray:
        """Return count free row positions, growing the matrix by an eighth when full."""
        reused = [self.free.pop() for _ in range(min(count, len(self.free)))]
        fresh = count - len(reused)
        if self.used + fresh > self.matrix.shape[0]:
            rows = max(self.used + fresh, self.matrix.shape[0] + self.matrix.shape[0] // 8, 1024)
            matrix = np.zeros((rows, self.matrix.shape[1]), dtype=np.float32)
            matrix[: self.used] = self.matrix[: self.used]
            slots = np.full(rows, -1, dtype=np.int64)
            slots[: self.used] = self.slots[: self.used]
            self.matrix, self.slots = matrix, slots
        positions = np.r_[np.asarray(reused, dtype=np.int64), np.arange(self.used, self.used + fresh)]
        self.used += fresh
        return positions


class DenseStore:
    """Unit sentence vectors by slot, grouped by kind code; scores only the kinds asked for."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._kind = np.zeros(0, dtype=np.int8)  # slot -> kind code, 0 when it holds no row
        self._pos = np.zeros(0, dtype=np.int64)  # slot -> row in its kind's block
        self._blocks: dict[int, _Block] = {}

    def set(self, slots: np.ndarray, kinds: np.ndarray, rows: np.ndarray) -> None:
        """Store rows[i] as the vector of slots[i], a document of kind code kinds[i] (slots distinct)."""
        slots, kinds = np.asarray(slots, dtype=np.int64), np.asarray(kinds, dtype=np.int8)
        if slots.size == 0:
            return
        self._grow(int(slots.max()) + 1)
        moved = (self._kind[slots] != 0) & (self._kind[slots] != kinds)
        for slot in slots[moved].tolist():
            self.clear(slot)
        for code in np.unique(kinds).tolist():
            block = self._blocks.setdefault(code, _Block(self.dim))
            mine = kinds == code
            these = slots[mine]
            positions = self._pos[these].copy()
            new = self._kind[these] != code
            positions[new] = block.take(int(new.sum()))
            block.matrix[positions] = rows[mine]
            block.slots[positions] = these
            self._pos[these], self._kind[these] = positions, code

    def clear(self, slot: int) -> None:
        """Forget slot's vector."""
        if slot >= self._kind.size or self._kind[slot] == 0:
            return
        block = self._blocks[int(self._kind[slot])]
        position = int(self._pos[slot])
        block.matrix[position] = 0.0
        block.slots[position] = -1
        block.free.append(position)
        self._kind[slot] = 0

    def scores(self, query: np.ndarray, size: int, *, kinds: Iterable[int] | None = None) -> np.ndarray:
        """Return the dot product of query with the vectors of slots [0, size) of the given kinds (0 elsewhere)."""
        out = np.zeros(size, dtype=np.float32)
        for code, block in self._blocks.items():
            if (kinds is not None and code not in kinds) or block.used == 0:
                continue
            values = block.matrix[: block.used] @ query
            taken = block.slots[: block.used]
            ok = (taken >= 0) & (taken < size)
            out[taken[ok]] = values[ok]
        return out

    def rows(self, slots: np.ndarray) -> np.ndarray:
        """Return the vectors of slots (zeros for a slot without one)."""
        slots = np.asarray(slots, dtype=np.int64)
        out = np.zeros((slots.size, self.dim), dtype=np.float32)
        known = slots < self._kind.size
        for i, slot in enumerate(slots.tolist()):
            if known[i] and self._kind[slot]:
                out[i] = self._blocks[int(self._kind[slot])].matrix[self._pos[slot]]
        return out

    def __getitem__(self, index: int | np.ndarray | list[int]) -> np.ndarray:
        """Row access by slot(s), as on a matrix (near-duplicate collapse reads a few rows this way)."""
        if isinstance(index, int | np.integer):
            return self.rows(np.asarray([index]))[0]
        return self.rows(np.asarray(index))

    def compact(self) -> None:
        """Give back the spare capacity of every block (after a bulk load)."""
        for block in self._blocks.values():
            if block.matrix.shape[0] > block.used:
                block.matrix = block.matrix[: block.used].copy()
                block.slots = block.slots[: block.used].copy()

    @property
    def nbytes(self) -> int:
        """Return the bytes held (matrices at their capacity, slot maps)."""
        blocks = sum(b.matrix.nbytes + b.slots.nbytes for b in self._blocks.values())
        return int(blocks + self._kind.nbytes + self._pos.nbytes)

    def _grow(self, slots: int) -> None:
        if slots > self._kind.size:
            size = max(slots, self._kind.size + self._kind.size // 2, 1024)
            kind = np.zeros(size, dtype=np.int8)
            kind[: self._kind.size] = self._kind
            pos = np.zeros(size, dtype=np.int64)
            pos[: self._pos.size] = self._pos
            self._kind, self._pos = kind, pos
