"""rank.py: plain tests on tiny hand-made vectors."""

from __future__ import annotations

import numpy as np

from server.match import rank
from server.match.params import RankParams

PARAMS = RankParams(boost_county=0.03, boost_city=0.02, boost_province=0.01)


def unit_rows(*rows: tuple[float, ...]) -> np.ndarray:
    matrix = np.asarray(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_needs_and_questions_match_offers() -> None:
    assert rank.allowed_kinds("need") == {"offer"}
    assert rank.allowed_kinds("question") == {"offer", "article"}


def test_offers_match_needs_and_questions_and_articles_match_questions() -> None:
    assert rank.allowed_kinds("offer") == {"need", "question"}
    assert rank.allowed_kinds("article") == {"question"}
    assert rank.allowed_kinds(None) is None


def test_match_filter_excludes_author_and_declined_ids() -> None:
    filter = rank.match_filter(kind="need", author_id=7, exclude_ids=["a", "b"])
    assert filter.kinds == {"offer"} and filter.exclude_authors == {7}
    assert filter.exclude_ids == {"a", "b"} and filter.open_only


def test_region_boost_prefers_county_then_city_then_province() -> None:
    boosts = [rank.region_boost("511502", other, params=PARAMS) for other in
              ("511502", "511503", "511402", "500103", None)]
    assert boosts[0] > boosts[1] > boosts[2] > boosts[3] == boosts[4] == 0.0


def test_vectorised_region_boosts_agree_with_scalar() -> None:
    regions = np.asarray([511502, 511503, 511402, 500103, 0], dtype=np.int32)
    expected = [rank.region_boost("511502", str(code) if code else None, params=PARAMS) for code in regions]
    assert np.allclose(rank.region_boosts("511502", regions, params=PARAMS), expected)
    assert not rank.region_boosts(None, regions, params=PARAMS).any()


def test_collapse_drops_near_duplicate_vectors() -> None:
    vectors = unit_rows((1, 0, 0), (0.99, 0.05, 0), (0, 1, 0), (0.7, 0.7, 0))
    authors = np.asarray([1, 2, 3, 4])
    assert rank.collapse([0, 1, 2, 3], vectors=vectors, authors=authors, k=10) == [0, 2, 3]


def test_collapse_keeps_one_result_per_author() -> None:
    vectors = unit_rows((1, 0, 0), (0, 1, 0), (0, 0, 1))
    authors = np.asarray([5, 5, -1])
    assert rank.collapse([1, 0, 2], vectors=vectors, authors=authors, k=10) == [1, 2]
    assert rank.collapse([1, 0, 2], vectors=vectors, authors=authors, k=10, same_author=False) == [1, 0, 2]


def test_collapse_stops_at_k() -> None:
    vectors = unit_rows((1, 0, 0), (0, 1, 0), (0, 0, 1))
    assert rank.collapse([2, 1, 0], vectors=vectors, authors=np.asarray([1, 2, 3]), k=2) == [2, 1]


def test_explain_returns_shared_tokens_by_idf() -> None:
    idf = {"土壤酸化": 3.0, "李子": 2.0, "果园": 0.5, "技术": 0.1}
    query, doc = ["李子", "土壤酸化", "技术", "宜宾"], ["果园", "土壤酸化", "李子", "技术"]
    keywords = rank.explain(query, doc, idf=idf, limit=2)
    assert keywords == ["土壤酸化", "李子"]


def test_explain_without_idf_prefers_longer_tokens() -> None:
    assert rank.explain(["龙安柚", "保鲜期", "短"], ["保鲜期", "短", "龙安柚"])[:2] == ["龙安柚", "保鲜期"]
    assert rank.explain(["银耳"], ["香菇"]) == []


def test_explain_never_offers_single_characters_or_bare_numbers() -> None:
    query, doc = ["种", "虫", "味", "2024", "土壤酸化"], ["种", "虫", "味", "2024", "土壤酸化"]
    assert rank.explain(query, doc) == ["土壤酸化"]
