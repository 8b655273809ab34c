"""Engine ranking on the tiny corpus: who finds whom, what never shows up, region boost, swaps."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gensim.models.doc2vec import Doc2Vec

from server.match.engine import Engine
from server.match.model import train
from server.match.params import DEFAULT_PARAMS, RankParams
from server.match.schema import Doc, DocMeta
from tests.match.conftest import CHONGQING, CORPUS, MEISHAN, TINY_PARAMS, YIBIN_CUIPING, YIBIN_NANXI, by_id


def ids(matches: list) -> list[str]:
    return [m.doc_id for m in matches]


def test_plum_soil_need_finds_the_soil_scientist_first(engine: Engine) -> None:
    matches = engine.match(by_id("need-plum"), 5)
    assert matches[0].doc_id == "offer-soil" and matches[0].method == "hybrid" and matches[0].rank == 1
    assert {"土壤酸化", "土壤板结"} <= set(matches[0].keywords)


@pytest.mark.parametrize(("need", "offer"), [
    ("need-tremella", "offer-tremella"), ("need-pomelo", "offer-pomelo"),
    ("need-wind", "offer-wind"), ("need-casing", "offer-casing"),
])
def test_demo_needs_find_their_offer_first(engine: Engine, need: str, offer: str) -> None:
    assert engine.match(by_id(need), 3)[0].doc_id == offer


def test_question_may_match_articles_but_need_may_not(engine: Engine) -> None:
    assert "article-fungus" in ids(engine.match(by_id("question-fungus"), 5))
    found = ids(engine.match(by_id("need-plum"), 30))
    assert found and not any(doc_id.startswith(("article", "need", "question")) for doc_id in found)


def test_own_and_closed_docs_never_appear(engine: Engine) -> None:
    found = ids(engine.match(by_id("need-plum"), 30))
    assert "offer-own" not in found and "offer-soil-closed" not in found and "need-plum" not in found


def test_declined_ids_never_return(engine: Engine) -> None:
    found = ids(engine.match(by_id("need-plum"), 30, exclude_ids=["offer-soil"]))
    assert "offer-soil" not in found and found


def test_same_author_results_are_collapsed(engine: Engine) -> None:
    found = ids(engine.match(by_id("need-plum"), 30))
    assert "offer-soil" in found and "offer-soil-again" not in found


def test_region_boost_orders_equal_offers_by_closeness(tiny_model: Doc2Vec) -> None:
    params = replace(DEFAULT_PARAMS, rank=RankParams(duplicate_cosine=1.01))
    engine = Engine(tiny_model, params=params)
    text = "果园土壤酸化改良与土壤修复技术服务。"
    engine.upsert(Doc("far", text, DocMeta(kind="offer", author_id=40, region_code=CHONGQING)))
    engine.upsert(Doc("near", text, DocMeta(kind="offer", author_id=41, region_code=YIBIN_NANXI)))
    engine.upsert(Doc("province", text, DocMeta(kind="offer", author_id=42, region_code=MEISHAN)))
    engine.upsert(Doc("unknown", text, DocMeta(kind="offer", author_id=43)))
    need = by_id("need-plum")
    assert ids(engine.match(need, 4))[:2] == ["near", "province"]
    moved = replace(need, meta=replace(need.meta, region_code=CHONGQING))
    assert ids(engine.match(moved, 3))[0] == "far"


def test_removed_and_closed_docs_disappear(engine: Engine) -> None:
    assert engine.remove("offer-soil") and not engine.remove("offer-soil")
    engine.set_meta("offer-lime", replace(by_id("offer-lime").meta, status="closed"))
    found = ids(engine.match(by_id("need-plum"), 30))
    assert "offer-soil" not in found and "offer-lime" not in found


def test_engine_without_model_or_encoder_fuses_word_and_character_bm25() -> None:
    engine = Engine(None)
    for doc in CORPUS:
        engine.upsert(doc)
    assert engine.variant == "lexical"
    matches = engine.match(by_id("need-plum"), 3)
    assert matches[0].doc_id == "offer-soil" and matches[0].method == "hybrid"
    assert 0 < matches[0].relevance <= 1
    assert all(m.relevance is None for m in engine.match(by_id("need-plum"), 3, method="bm25"))
    assert engine.encode("土壤") is None


def test_plain_text_query_searches_every_kind(engine: Engine) -> None:
    assert engine.match("银耳菌种退化", 1)[0].doc_id in {"offer-tremella", "need-tremella"}
    assert engine.match("银耳菌种退化", 1, kind="need")[0].doc_id == "offer-tremella"


def test_swap_model_reencodes_into_a_new_index(engine: Engine) -> None:
    other = train([(doc.id, doc.text) for doc in CORPUS], params=replace(TINY_PARAMS, vector_size=24),
                  progress=False)
    engine.swap_model(other)
    assert engine.model is other and engine.encode("银耳").shape == (24,)
    assert engine.match(by_id("need-plum"), 3)[0].doc_id == "offer-soil"
    engine.swap_model(None)
    assert engine.variant == "lexical" and len(engine) == len(CORPUS)
    assert engine.match(by_id("need-plum"), 3)[0].doc_id == "offer-soil"


def test_encode_is_repeatable(engine: Engine) -> None:
    first, second = engine.encode("龙安柚保鲜期短"), engine.encode("龙安柚保鲜期短")
    assert first is not None and second is not None and (first == second).all()


def test_region_code_must_have_six_digits() -> None:
    with pytest.raises(ValueError):
        DocMeta(kind="need", region_code=YIBIN_CUIPING[:4])


def test_unrelated_text_scores_well_below_a_real_match() -> None:
    engine = Engine(None)
    for doc in CORPUS:
        engine.upsert(doc)
    assert engine.match("火箭发动机", 5, method="bm25") == []  # no shared word
    real = engine.match(by_id("need-plum"), 1)[0].relevance
    assert all(m.relevance < real * 0.7 for m in engine.match("火箭发动机", 5))


def test_unknown_words_encode_to_zero(engine: Engine) -> None:
    vector = engine.encode("火箭发动机")
    assert vector is not None and not vector.any()


def test_unknown_method_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError):
        engine.match("银耳", 3, method="magic")


def test_a_bulk_load_ranks_as_one_document_at_a_time(engine: Engine) -> None:
    bulk = Engine(engine.model, params=engine.params)
    with bulk.bulk_loading():
        for start in range(0, len(CORPUS), 3):
            bulk.upsert_many(CORPUS[start:start + 3])
    for need in ("need-plum", "need-pomelo", "question-fungus"):
        one, many = engine.match(by_id(need), 5), bulk.match(by_id(need), 5)
        assert ids(one) == ids(many)
        assert [m.keywords for m in one] == [m.keywords for m in many]
        assert [m.score for m in one] == pytest.approx([m.score for m in many], abs=1e-5)


def test_stored_words_are_indexed_as_given() -> None:
    engine = Engine(None)
    doc = Doc(id="offer-x", text="果园土壤改良", meta=DocMeta(kind="offer", status="open"))
    engine.upsert_many([doc], words=[["果园", "土壤改良", "zxqv"]])
    assert ids(engine.match("zxqv", 3, method="bm25")) == ["offer-x"]
