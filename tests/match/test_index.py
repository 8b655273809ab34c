"""VectorIndex: add/update/remove by id, growth, filters and top-k."""

from __future__ import annotations

import numpy as np

from server.match.index import VectorIndex, top_k
from server.match.schema import DocMeta, Filter


def meta(kind: str = "offer", **extra: object) -> DocMeta:
    return DocMeta(kind=kind, **extra)  # type: ignore[arg-type]


def test_search_returns_nearest_first() -> None:
    index = VectorIndex(2)
    index.upsert("east", np.asarray([1.0, 0.0]), meta())
    index.upsert("north", np.asarray([0.0, 1.0]), meta())
    index.upsert("north-east", np.asarray([1.0, 1.0]), meta())
    assert [doc_id for doc_id, _ in index.search(np.asarray([1.0, 0.2]), 3)] == ["east", "north-east", "north"]


def test_update_replaces_vector_in_place() -> None:
    index = VectorIndex(2)
    index.upsert("a", np.asarray([1.0, 0.0]), meta())
    slot = index.slot("a")
    index.upsert("a", np.asarray([0.0, 1.0]), meta())
    assert index.slot("a") == slot and len(index) == 1
    assert index.search(np.asarray([0.0, 1.0]), 1)[0][1 ] > 0.99


def test_removed_doc_never_returns_and_its_slot_is_reused() -> None:
    index = VectorIndex(2)
    index.upsert("a", np.asarray([1.0, 0.0]), meta())
    index.upsert("b", np.asarray([0.9, 0.1]), meta())
    freed = index.remove("a")
    assert "a" not in index and [d for d, _ in index.search(np.asarray([1.0, 0.0]), 5)] == ["b"]
    index.upsert("c", np.asarray([0.0, 1.0]), meta())
    assert index.slot("c") == freed and index.remove("missing") is None


def test_index_grows_past_its_capacity() -> None:
    index = VectorIndex(3, capacity=2)
    rng = np.random.default_rng(0)
    for i in range(50):
        index.upsert(f"d{i}", rng.normal(size=3), meta())
    target = index.vectors[index.slot("d37")].copy()
    assert len(index) == 50 and index.search(target, 1)[0][0] == "d37"


def test_filters_on_kind_status_author_and_ids() -> None:
    index = VectorIndex(2)
    vector = np.asarray([1.0, 0.0])
    index.upsert("offer", vector, meta("offer", author_id=1))
    index.upsert("article", vector, meta("article", author_id=2))
    index.upsert("closed", vector, meta("offer", status="closed", author_id=3))
    index.upsert("mine", vector, meta("offer", author_id=9))
    index.upsert("declined", vector, meta("offer", author_id=4))
    found = {d for d, _ in index.search(vector, 10, filter=Filter(kinds=frozenset({"offer"}),
             exclude_authors=frozenset({9}), exclude_ids=frozenset({"declined"})))}
    assert found == {"offer"}


def test_set_meta_closes_a_doc() -> None:
    index = VectorIndex(2)
    index.upsert("a", np.asarray([1.0, 0.0]), meta())
    index.set_meta("a", meta(status="closed"))
    assert index.search(np.asarray([1.0, 0.0]), 5) == []
    assert index.search(np.asarray([1.0, 0.0]), 5, filter=Filter(open_only=False))[0][0] == "a"


def test_top_k_ignores_masked_scores() -> None:
    scores = np.asarray([0.1, -np.inf, 0.9, 0.5, -np.inf])
    assert list(top_k(scores, 10)) == [2, 3, 0]
    assert list(top_k(scores, 2)) == [2, 3]
    assert list(top_k(np.full(3, -np.inf), 2)) == []
