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


def test_bulk_add_equals_one_document_at_a_time() -> None:
    docs = [["李子", "土壤酸化", "李子"], ["银耳", "菌种退化"], ["龙安柚", "保鲜期"], ["李子", "真菌病害"]] * 30
    one = build(docs, merge_every=7)
    bulk = BM25Index()
    bulk.bulk = True
    ids = [bulk.vocab.ids(d) for d in docs]
    bulk.add_many(np.arange(len(docs)), np.repeat(np.arange(len(docs)), [len(i) for i in ids]), np.concatenate(ids))
    bulk.merge()
    for query in (["李子"], ["保鲜期", "银耳"], ["土壤酸化", "李子", "李子"]):
        assert np.allclose(one.scores(query, size=len(docs)), bulk.scores(query, size=len(docs)), atol=1e-5)
        assert one.ceiling(query) == bulk.ceiling(query)


def test_a_term_in_too_many_documents_is_a_stop_term_in_score_and_ceiling() -> None:
    from server.match.params import BM25Params

    params = BM25Params(max_df=0.5, min_df_stop=3)
    docs = [["常见", f"稀有{i}"] for i in range(8)] + [["其他"], ["其他"]]
    index = BM25Index(params=params, merge_every=3)
    for slot, terms in enumerate(docs):
        index.set(slot, terms)
    index.merge()
    assert not index.scores(["常见"], size=10).any()  # in 8 of 10 documents: no evidence
    assert index.ceiling(["常见", "稀有1"]) == index.ceiling(["稀有1"])
    assert index.idf(["常见"])[0] == 0 and index.idf(["稀有1"])[0] > 0
    assert int(np.argmax(index.scores(["常见", "稀有1"], size=10))) == 1
    assert index.holds(1, index.vocab.ids(["稀有1", "稀有2"], grow=False)).tolist() == [True, False]


def test_few_documents_never_make_stop_terms() -> None:
    index = build([["李子", "土壤"], ["李子", "银耳"], ["李子"]])  # 李子 in all three, but min_df_stop is 50
    assert index.scores(["李子"], size=3).all()


def test_bags_give_each_document_its_words_with_repeats() -> None:
    index = build([["李子", "土壤", "李子"], ["银耳"], ["龙安柚"]], merge_every=2)
    index.clear(1)
    bags = {slot: sorted(index.vocab.terms(keys)) for slot, keys in index.bags().items()}
    assert bags == {0: ["土壤", "李子", "李子"], 2: ["龙安柚"]}


def test_a_cleared_document_stops_counting_in_document_frequencies() -> None:
    index = build(DOCS, merge_every=1)
    before = index.idf(["李子"])[0]
    index.clear(3)
    fresh = build([DOCS[0], DOCS[1], DOCS[2]])
    assert index.idf(["李子"])[0] == fresh.idf(["李子"])[0] != before
