"""Retrieval metrics over ranked id lists (binary relevance)."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

import numpy as np


def recall_at(ranked: Sequence[str], relevant: Collection[str], k: int) -> float:
    """Return the share of relevant ids found in the first k."""
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def reciprocal_rank(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    """Return 1 / rank of the first relevant id within k, else 0."""
    for position, doc_id in enumerate(ranked[:k], start=1):
        if doc_id in relevant:
            return 1.0 / position
    return 0.0


def ndcg_at(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    """Return normalised discounted cumulative gain at k."""
    gain = sum(1.0 / math.log2(i + 2) for i, doc_id in enumerate(ranked[:k]) if doc_id in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(relevant), k)))
    return gain / ideal if ideal else 0.0


def summarise(runs: Sequence[tuple[Sequence[str], Collection[str]]], *, k: int = 10) -> dict[str, float]:
    """Return mean R@1, R@5, R@10, MRR@k and nDCG@k over (ranked, relevant) pairs."""
    if not runs:
        return {"R@1": 0.0, "R@5": 0.0, "R@10": 0.0, f"MRR@{k}": 0.0, f"nDCG@{k}": 0.0}
    return {
        "R@1": _mean(recall_at(r, rel, 1) for r, rel in runs),
        "R@5": _mean(recall_at(r, rel, 5) for r, rel in runs),
        "R@10": _mean(recall_at(r, rel, 10) for r, rel in runs),
        f"MRR@{k}": _mean(reciprocal_rank(r, rel, k) for r, rel in runs),
        f"nDCG@{k}": _mean(ndcg_at(r, rel, k) for r, rel in runs),
    }


def percentile_ms(seconds: Sequence[float], q: float) -> float:
    """Return the q-th percentile of durations in milliseconds."""
    return float(np.percentile(np.asarray(seconds) * 1000.0, q)) if seconds else 0.0


def _mean(values: object) -> float:
    items = list(values)  # type: ignore[call-overload]
    return round(sum(items) / len(items), 4) if items else 0.0
