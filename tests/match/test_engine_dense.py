"""The engine with the bundled sentence encoder: colloquial needs, calibrated relevance, what collapse trusts."""

from __future__ import annotations

import numpy as np
import pytest

from server.match.encoder import load_encoder
from server.match.engine import Engine
from server.match.model import train
from server.match.params import Doc2VecParams
from server.match.schema import Doc, DocMeta
from tests.match.conftest import CORPUS, by_id


@pytest.fixture(scope="module")
def encoder():
    return load_encoder("e5-small")


@pytest.fixture(scope="module")
def engine(encoder) -> Engine:
    engine = Engine(None, encoder=encoder)
    engine.upsert_many(CORPUS)
    return engine


def test_encoder_vectors_are_unit_rows(encoder) -> None:
    vectors = encoder.passages(["柑橘黄龙病早期诊断", "老年人跌倒风险评估"])
    assert vectors.shape == (2, encoder.dim) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert not np.allclose(encoder.queries(["柑橘黄龙病早期诊断"])[0], vectors[0])  # "query: " vs "passage: "


@pytest.mark.parametrize(("need", "offer"), [
    ("need-plum", "offer-soil"), ("need-tremella", "offer-tremella"), ("need-pomelo", "offer-pomelo"),
    ("need-wind", "offer-wind"), ("need-casing", "offer-casing"),
])
def test_demo_needs_find_their_offer_first(engine: Engine, need: str, offer: str) -> None:
    found = engine.match(by_id(need), 3)
    assert found[0].doc_id == offer and found[0].method == "hybrid" and engine.variant == "dense"
    assert found[0].relevance >= engine.fusion_model.floor


def test_a_colloquial_need_without_shared_words_finds_the_technical_offer(engine: Engine) -> None:
    found = engine.match("我们屋头猪儿不吃食，还发烧咳嗽", 3, kind="need")
    assert found[0].doc_id == "offer-pig"


def test_relevance_is_a_probability_and_lower_for_nonsense(engine: Engine) -> None:
    good = engine.match(by_id("need-tremella"), 1)[0].relevance
    bad = engine.match("想找人帮忙修手机屏幕，摔碎了", 1, kind="need")[0].relevance
    assert 0.0 <= bad < good <= 1.0
    assert bad < engine.fusion_model.floor


def test_collapse_trusts_the_encoder_not_a_degenerate_doc2vec_model(encoder) -> None:
    # A model trained on three near-identical texts maps everything to about the same vector.
    degenerate = train([(f"d{i}", "土壤 改良 土壤 改良") for i in range(3)],
                       params=Doc2VecParams(vector_size=8, epochs=5, min_count=1, workers=1, seed=1), progress=False)
    engine = Engine(degenerate, encoder=encoder)
    offers = [Doc(f"offer-{i}", text, DocMeta(kind="offer", author_id=100 + i)) for i, text in enumerate((
        "酸性土壤改良与测土配方施肥服务", "果园土壤板结修复与有机肥替代", "土壤调理剂与石灰改良酸性土壤"))]
    engine.upsert_many(offers)
    assert len(engine.match("李子园土壤酸化板结怎么改良", 3, kind="need")) == 3


def test_documents_get_no_doc2vec_vector_when_nothing_reads_it(encoder, monkeypatch) -> None:
    from server.match import engine as engine_module

    model = train([(f"d{i}", f"土壤 改良 {i} 果园 施肥") for i in range(20)],
                  params=Doc2VecParams(vector_size=8, epochs=5, min_count=1, workers=1, seed=1), progress=False)
    inferred: list[list[str]] = []
    real = engine_module.infer
    monkeypatch.setattr(engine_module, "infer", lambda m, words, **kw: inferred.append(words) or real(m, words, **kw))
    lean = Engine(model, encoder=encoder)  # the shipped fusion gives Doc2Vec no weight beside the encoder
    assert not any(f.startswith("doc2vec") for f in lean.fusion_model.features)
    lean.upsert_many(CORPUS)
    assert inferred == [] and lean._index.dim == 0  # noqa: SLF001 - 400 k inferences would hold a start-up
    assert lean.match(by_id("need-plum"), 3)[0].doc_id == "offer-soil"
    full = Engine(model, encoder=encoder, doc_vectors=True)  # evaluations ask for them
    full.upsert_many(CORPUS[:3])
    assert len(inferred) == 3 and full.match(by_id("need-plum"), 3, method="doc2vec")
