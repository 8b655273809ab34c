"""The quality gate: degenerate models are refused with their figures, a sound one passes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from gensim.models.doc2vec import Doc2Vec, TaggedDocument

from server.match import gate
from server.match.model import tagged_documents, train_tagged
from server.match.params import Doc2VecParams, GateParams
from server.match.retrain import read_background
from server.match.schema import Doc

# Small enough to train in seconds on a few hundred abstracts, sound enough to pass the gate.
SMALL_PARAMS = Doc2VecParams(vector_size=24, epochs=15, window=5, negative=5, min_count=1, sample=0, workers=1,
                             seed=7)
# The production parameters on a young platform's few hundred documents: the degenerate case.
YOUNG_PARAMS = Doc2VecParams(workers=1, seed=7)
NEAR_IDENTICAL = [(f"post:{i}", f"果园土壤酸化，李子树长势差，求专家改良土壤，第{i}号地块") for i in range(30)]


@pytest.fixture(scope="module")
def background() -> list[tuple[str, str]]:
    return read_background(limit=300)


@pytest.fixture(scope="module")
def documents(background: list[tuple[str, str]]) -> list[TaggedDocument]:
    return tagged_documents(background)


@pytest.fixture(scope="module")
def title_dev(background: list[tuple[str, str]]) -> gate.DevSet:
    return gate.title_devset(background, size=len(background))


@pytest.fixture(scope="module")
def sound_model(documents: list[TaggedDocument]) -> Doc2Vec:
    return train_tagged(documents, params=SMALL_PARAMS, progress=False)


def test_sound_model_passes(sound_model: Doc2Vec, documents: list[TaggedDocument], title_dev: gate.DevSet) -> None:
    report = gate.check(sound_model, documents, devsets=[title_dev])
    assert report.passed, report.summary()
    assert report.self_recall >= GateParams().min_self_recall
    assert report.mean_cosine <= GateParams().max_mean_cosine
    assert report.mrr["title"]["queries"] > 20


def test_model_of_a_few_hundred_posts_is_refused_for_its_spread(documents: list[TaggedDocument],
                                                                title_dev: gate.DevSet) -> None:
    model = train_tagged(documents, params=YOUNG_PARAMS, progress=False)
    report = gate.check(model, documents, devsets=[title_dev])
    assert not report.passed
    assert report.mean_cosine > GateParams().max_mean_cosine
    assert any("mean pairwise cosine" in failure for failure in report.failures)


def test_model_of_near_identical_posts_is_refused() -> None:
    documents = tagged_documents(NEAR_IDENTICAL)
    model = train_tagged(documents, params=SMALL_PARAMS, progress=False)
    report = gate.check(model, documents, devsets=[])
    assert not report.passed
    assert report.self_recall < GateParams().min_self_recall


def test_losing_to_bm25_on_a_dev_set_is_refused(sound_model: Doc2Vec, documents: list[TaggedDocument],
                                                title_dev: gate.DevSet) -> None:
    demanding = GateParams(mrr_tolerance=-1.0)  # the model would have to beat BM25 by a whole MRR point
    report = gate.check(sound_model, documents, devsets=[title_dev], params=demanding)
    assert not report.passed
    assert len(report.failures) == 1 and report.failures[0].startswith("title MRR@10")


def test_report_summary_carries_the_figures(sound_model: Doc2Vec, documents: list[TaggedDocument],
                                            title_dev: gate.DevSet) -> None:
    report = gate.check(sound_model, documents, devsets=[title_dev], params=GateParams(max_mean_cosine=0.0))
    text = report.summary()
    assert text.startswith("refused (mean pairwise cosine")
    assert f"self-recall@1 {report.self_recall:.3f}" in text and "title MRR@10" in text and "vs BM25" in text
    assert json.loads(json.dumps(report.to_json()))["passed"] is False


def test_mean_pairwise_cosine_of_identical_and_opposite_vectors() -> None:
    same = np.tile(np.array([[0.6, 0.8]], dtype=np.float32), (5, 1))
    assert gate.mean_pairwise_cosine(same) == pytest.approx(1.0, abs=1e-6)
    assert gate.mean_pairwise_cosine(np.eye(4, dtype=np.float32)) == pytest.approx(0.0)
    assert gate.mean_pairwise_cosine(np.array([[1.0, 0.0], [-1.0, 0.0]])) == pytest.approx(-1.0)


def test_queries_without_relevant_documents_are_skipped() -> None:
    docs = (Doc("a", "柑橘黄龙病早期诊断"), Doc("b", "风机叶片降噪设计"))
    queries = (gate.DevQuery("柑橘黄龙病", frozenset({"a"})), gate.DevQuery("孩子磨牙怎么办", frozenset()),
               gate.DevQuery("柑橘", frozenset({"absent"})))
    assert gate.dev_mrr(None, gate.DevSet("toy", docs, queries)) == 1.0


def test_colloquial_dev_set_reads_needs_and_offers(tmp_path: Path) -> None:
    needs, offers = tmp_path / "needs.jsonl", tmp_path / "offers.jsonl"
    needs.write_text(json.dumps({"id": "n1", "query": "柑子树叶子黄", "relevant": ["o1"]}, ensure_ascii=False)
                     + "\n" + json.dumps({"id": "n2", "query": "想买好茶叶", "relevant": []}, ensure_ascii=False)
                     + "\n", encoding="utf-8")
    offers.write_text(json.dumps({"id": "o1", "title": "柑橘黄龙病", "text": "柑橘黄龙病PCR诊断"}, ensure_ascii=False)
                      + "\n", encoding="utf-8")
    devset = gate.colloquial_devset(needs, offers)
    assert [d.id for d in devset.docs] == ["o1"] and devset.docs[0].text == "柑橘黄龙病PCR诊断"
    assert [q.relevant for q in devset.queries] == [frozenset({"o1"}), frozenset()]


def test_title_dev_set_indexes_the_answers_within_its_size(background: list[tuple[str, str]]) -> None:
    devset = gate.title_devset(background, size=100)
    ids = {doc.id for doc in devset.docs}
    answerable = [q for q in devset.queries if q.relevant & {doc_id for doc_id, _ in background}]
    assert len(devset.docs) == 100 and all(q.relevant <= ids for q in answerable)
