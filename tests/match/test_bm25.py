"""BM25: ordering, incremental updates equal a fresh build."""

from __future__ import annotations

import numpy as np

from server.match.bm25 import BM25Index

DOCS = [["土壤酸化", "李子", "改良"], ["银耳", "菌种退化"], ["龙安柚", "保鲜期", "保鲜"], ["李子", "真菌病害"]]


def build(docs: list[list[str]], *, merge_every: int = 2) -> BM25Index:
    index = BM25Index(merge_every=merge_every)
    for slot, terms in enumerate(docs):
        index.set(slot, terms)
    return index


def test_best_match_has_the_rarer_shared_term() -> None:
    scores = build(DOCS).scores(["李子", "土壤酸化"], size=len(DOCS))
    assert int(np.argmax(scores)) == 0 and scores[3] > 0 and scores[1] == 0


def test_unknown_terms_score_nothing() -> None:
    assert not build(DOCS).scores(["火箭"], size=len(DOCS)).any()


def test_incremental_updates_match_a_fresh_build() -> None:
    index = build(DOCS, merge_every=3)
    index.set(1, ["李子", "修井"])
    index.clear(2)
    index.merge()
    index.set(4, ["保鲜期"])
    fresh = build([DOCS[0], ["李子", "修井"], [], DOCS[3], ["保鲜期"]], merge_every=100)
    fresh.clear(2)
    for query in (["李子"], ["保鲜期"], ["修井", "真菌病害"]):
        assert np.allclose(index.scores(query, size=5), fresh.scores(query, size=5), atol=1e-5)


def test_idf_is_higher_for_rarer_terms() -> None:
    idf = build(DOCS).idf(["李子", "银耳", "火箭"])
    assert idf[1] > idf[0] > 0 and idf[2] == 0
