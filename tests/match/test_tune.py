"""Fusion tuning: the logistic fit, its calibration and floor, and the derived low-overlap dev set."""

from __future__ import annotations

import numpy as np

from server.match import tune
from server.match.devsets import split_documents
from server.match.fusion import FEATURES, Fusion, FusionModel, load_fusion, save_fusion


def synthetic_rows(name: str, *, queries: int = 60, no_fit: int = 15, seed: int = 0) -> tune.Rows:
    """Queries with 8 candidates each; the relevant one has a higher char and dense score; no-fit ones have none."""
    rng = np.random.default_rng(seed)
    xs = {f: [] for f in FEATURES}
    ys, qs, halves, empty = [], [], [], []
    for q in range(queries + no_fit):
        has_answer = q < queries
        y = np.zeros(8)
        if has_answer:
            y[rng.integers(8)] = 1
        for f in FEATURES:
            base = rng.normal(0.2, 0.05, 8)
            if f in ("char", "dense", "dense_z"):
                base += 0.4 * y
            xs[f].append(base)
        ys.append(y)
        qs.append(np.full(8, q))
        halves.append(np.full(8, q % 2))
        empty.append(not has_answer)
    return tune.Rows(name, {f: np.concatenate(v) for f, v in xs.items()}, np.concatenate(ys), np.concatenate(qs),
                     np.concatenate(halves), np.asarray(empty), np.arange(queries + no_fit) % 2)


def test_the_fit_weights_the_telling_features_and_ranks_the_relevant_first() -> None:
    rows = synthetic_rows("synthetic")
    everything = [np.ones(rows.no_fit.size, dtype=bool)]
    model = tune.fit_all([rows], everything, "dense")
    weights = dict(zip(model.features, model.weights, strict=True))
    assert weights["char"] > weights["word"] and weights["dense"] > 0
    figures = tune.ranking(rows, model, everything[0])
    assert figures["R@1"] > 0.9 and figures["queries"] == 60


def test_the_floor_separates_no_fit_queries_and_keeps_most_relevant_ones() -> None:
    rows = synthetic_rows("synthetic", seed=1)
    everything = np.ones(rows.no_fit.size, dtype=bool)
    model = tune.fit_all([rows], [everything], "dense")
    figures = tune.floor_figures(rows, model, everything, model.floor)
    assert figures["relevant_above"] >= tune.MIN_KEEP
    assert figures["no_fit_nothing_above"] > 0.8
    relevance = tune.row_relevance(rows, model)
    assert ((0 <= relevance) & (relevance <= 1)).all()


def test_each_set_weighs_the_same_whatever_its_size() -> None:
    big, small = synthetic_rows("big", queries=300, seed=2), synthetic_rows("small", queries=20, seed=3)
    masks = [np.ones(r.no_fit.size, dtype=bool) for r in (big, small)]
    report = tune.report([big, small], ["lexical"])
    assert set(report["lexical"]["all"]) == {"big", "small"}
    assert len(report["lexical"]["halves"]) == 2
    assert tune.fit_all([big, small], masks, "lexical").features == ("word", "char")


def test_the_fitted_fusion_round_trips_through_json(tmp_path) -> None:
    model = FusionModel(("word", "char"), (1.0, 2.0), -1.0, 0.4, (1.1, 0.0, 0.2))
    path = tmp_path / "fusion.json"
    save_fusion(Fusion({"lexical": model}, "test"), path)
    loaded = load_fusion(path)
    assert loaded.model("lexical") == model and loaded.provenance == "test"
    assert loaded.model("dense").features == ("word", "char", "dense", "dense_z")  # fallback for the rest
    path.write_text("{not json")
    assert load_fusion(path).provenance.startswith("hand-set")


def test_split_documents_cuts_long_texts_into_query_and_rest() -> None:
    corpus = [{"id": "a", "text": "第一句。第二句。第三句。第四句。第五句。"}, {"id": "b", "text": "只有一句。"}]
    docs, queries = split_documents(corpus)
    assert docs == [{"id": "a", "text": "第三句。第四句。第五句。"}, {"id": "b", "text": "只有一句。"}]
    assert queries == [{"id": "part-a", "query": "第一句。第二句。", "relevant": ["a"]}]
