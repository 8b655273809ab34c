"""Fusion tuning: the gate search and the derived low-overlap dev set."""

from __future__ import annotations

import numpy as np

from server.match import tune
from server.match.devsets import split_documents
from server.match.params import FusionParams


def query_set(name: str, rr_rows: list[list[float]], coverage: list[float]) -> tune.QuerySet:
    return tune.QuerySet(name, np.asarray(rr_rows), np.asarray(coverage), np.zeros(len(coverage), dtype=int))


def ramp(best_column: int) -> list[float]:
    return [1.0 if i == best_column else 0.5 for i in range(len(tune.WEIGHTS))]


def test_fit_learns_a_gate_that_never_loses_to_bm25() -> None:
    lexical = query_set("lexical", [ramp(0), ramp(0)], [0.5, 0.6])  # BM25 is best when it covers the query
    semantic = query_set("semantic", [ramp(10), ramp(10)], [0.05, 0.1])  # weight 0.5 is best when it does not
    rows = [np.ones(2, dtype=bool)] * 2
    params = tune.fit([lexical, semantic], rows)
    assert params.weight_confident == 0.0 and params.weight_uncertain == 0.5
    assert 0.1 < params.gate_coverage <= 0.5
    assert tune.mrr(lexical, rows[0], params) >= tune.mrr(lexical, rows[0], FusionParams(0.0, 0.0, 0.0))


def test_reciprocal_ranks_follow_the_weight() -> None:
    cosines = np.asarray([0.9, 0.1, 0.2], dtype=np.float32)
    bm25 = np.asarray([0.0, 5.0, 1.0], dtype=np.float32)
    rr = tune.reciprocal_ranks(cosines, bm25, np.ones(3, dtype=bool), np.asarray([0]))
    assert rr[0] < 1.0 and rr[-1] == 1.0


def test_split_documents_cuts_long_texts_into_query_and_rest() -> None:
    corpus = [{"id": "a", "text": "第一句。第二句。第三句。第四句。第五句。"}, {"id": "b", "text": "只有一句。"}]
    docs, queries = split_documents(corpus)
    assert docs == [{"id": "a", "text": "第三句。第四句。第五句。"}, {"id": "b", "text": "只有一句。"}]
    assert queries == [{"id": "part-a", "query": "第一句。第二句。", "relevant": ["a"]}]
