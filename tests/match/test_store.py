"""Model storage: versions, atomic pointer, recovery from half-written versions, the gate record, hot swap."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest
from gensim.models.doc2vec import Doc2Vec

from server.match import store
from server.match.engine import Engine
from server.match.model import infer
from server.match.params import Doc2VecParams
from server.match.retrain import load_or_retrain, retrain
from tests.match.conftest import CORPUS, TINY_PARAMS, by_id

PASSED = {"passed": True, "self_recall": 1.0, "mean_cosine": 0.3}
REFUSED = {"passed": False, "self_recall": 0.07, "mean_cosine": 0.99, "failures": ["mean pairwise cosine"]}
NEAR_IDENTICAL = [(f"post:{i}", f"果园土壤酸化，李子树长势差，求专家改良土壤，第{i}号地块") for i in range(30)]


def save(model: Doc2Vec, model_dir: Path, *, gate: dict | None = None, **meta: object) -> Path:
    return store.save_model(model, model_dir, params=TINY_PARAMS, gate=gate or PASSED,
                            meta={"corpus_size": len(CORPUS), **meta})


def make_legacy(path: Path) -> None:
    """Rewrite a version's meta as a model trained before the gate existed wrote it."""
    meta = json.loads((path / store.META_FILE).read_text(encoding="utf-8"))
    del meta["gate"]
    (path / store.META_FILE).write_text(json.dumps(meta), encoding="utf-8")


def test_save_then_load_current_round_trips(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    path = save(tiny_model, tmp_path, training_seconds=1.5)
    loaded = store.load_current(tmp_path)
    assert loaded is not None and loaded.path == path and store.current_version(tmp_path) == path.name
    assert loaded.params == TINY_PARAMS and loaded.meta["corpus_size"] == len(CORPUS)
    assert np.allclose(infer(loaded.model, ["银耳"]), infer(tiny_model, ["银耳"]), atol=1e-5)
    assert {"model.d2v", "params.json", "meta.json"} <= {p.name for p in path.iterdir()}


def test_empty_model_dir_loads_nothing(tmp_path: Path) -> None:
    assert store.load_current(tmp_path / "absent") is None
    assert store.load_current(tmp_path) is None


def test_newest_save_becomes_current(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    save(tiny_model, tmp_path)
    second = save(tiny_model, tmp_path)
    assert store.versions(tmp_path)[0] == second.name == store.current_version(tmp_path)


def test_corrupt_current_falls_back_to_previous_and_repairs_pointer(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    first = save(tiny_model, tmp_path)
    second = save(tiny_model, tmp_path)
    model_file = second / store.MODEL_FILE
    model_file.write_bytes(model_file.read_bytes()[: model_file.stat().st_size // 2])  # crash mid-write
    loaded = store.load_current(tmp_path)
    assert loaded is not None and loaded.version == first.name
    assert store.current_version(tmp_path) == first.name


def test_half_written_version_and_stale_pointer_are_skipped(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    good = save(tiny_model, tmp_path)
    half = tmp_path / "29990101T000000000000Z-deadbeef"  # newer name, but no meta.json: never finished
    half.mkdir()
    (half / store.MODEL_FILE).write_bytes(b"partial")
    (tmp_path / store.POINTER).write_text("20000101T000000000000Z-gone0000\n")  # names a deleted version
    loaded = store.load_current(tmp_path)
    assert loaded is not None and loaded.version == good.name == store.current_version(tmp_path)


def test_tampered_file_fails_its_checksum(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    path = save(tiny_model, tmp_path)
    params = path / store.PARAMS_FILE
    params.write_text(json.dumps({**TINY_PARAMS.to_json(), "vector_size": 32000})[: params.stat().st_size].ljust(
        params.stat().st_size))
    assert not store.is_complete(path) and store.load_current(tmp_path) is None


def test_prune_keeps_current_and_drops_staging(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    paths = [save(tiny_model, tmp_path) for _ in range(3)]
    (tmp_path / f"{store.TMP_PREFIX}leftover").mkdir()
    store.set_current(tmp_path, paths[0].name)
    removed = store.prune(tmp_path, keep=1)
    assert paths[1].name in removed and paths[0].name not in removed and f"{store.TMP_PREFIX}leftover" in removed
    assert set(store.versions(tmp_path)) == {paths[0].name, paths[2].name}


def test_refused_version_is_kept_but_never_current(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    good = save(tiny_model, tmp_path)
    refused = save(tiny_model, tmp_path, gate=REFUSED)
    assert store.versions(tmp_path)[0] == refused.name and store.current_version(tmp_path) == good.name
    assert store.read_meta(refused)["gate"]["mean_cosine"] == 0.99
    assert store.load_current(tmp_path).version == good.name


def test_refused_version_is_not_loaded_even_when_pointed_at(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    refused = save(tiny_model, tmp_path, gate=REFUSED)
    store.set_current(tmp_path, refused.name)
    assert store.load_current(tmp_path) is None


def test_legacy_version_without_gate_record_is_not_loaded(tmp_path: Path, tiny_model: Doc2Vec,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    legacy = save(tiny_model, tmp_path)
    make_legacy(legacy)
    with caplog.at_level(logging.WARNING, logger="server.match.store"):
        assert store.load_current(tmp_path) is None
        assert Engine.from_model_dir(tmp_path).model is None
    assert f"model version {legacy.name} has no passed quality gate" in caplog.text


def test_legacy_current_falls_back_to_an_older_gated_version(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    gated = save(tiny_model, tmp_path)
    legacy = save(tiny_model, tmp_path)
    make_legacy(legacy)
    loaded = store.load_current(tmp_path)
    assert loaded is not None and loaded.version == gated.name == store.current_version(tmp_path)


def test_prune_keeps_trusted_versions_and_the_newest_refusal(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    trusted = [save(tiny_model, tmp_path) for _ in range(2)]
    refused = [save(tiny_model, tmp_path, gate=REFUSED) for _ in range(3)]
    removed = store.prune(tmp_path, keep=2)
    assert sorted(removed) == sorted(path.name for path in refused[:2])
    assert set(store.versions(tmp_path)) == {trusted[0].name, trusted[1].name, refused[2].name}


def test_retrain_makes_a_sound_model_current(tmp_path: Path) -> None:
    outcome = retrain([(doc.id, doc.text) for doc in CORPUS], model_dir=tmp_path, devsets=[], params=TINY_PARAMS,
                      progress=False)
    assert outcome.accepted and store.current_version(tmp_path) == outcome.version
    assert store.load_current(tmp_path).meta["gate"]["passed"] is True


def test_retrain_refuses_a_degenerate_model_and_keeps_current(tmp_path: Path, tiny_model: Doc2Vec,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    good = save(tiny_model, tmp_path)
    with caplog.at_level(logging.WARNING, logger="server.match.retrain"):
        outcome = retrain(NEAR_IDENTICAL, model_dir=tmp_path, devsets=[], params=TINY_PARAMS, progress=False)
    assert not outcome.accepted and store.current_version(tmp_path) == good.name
    assert store.load_current(tmp_path).version == good.name
    report = store.read_meta(outcome.path)["gate"]
    assert report["passed"] is False and report["self_recall"] == outcome.report.self_recall
    assert f"model {outcome.version} not made current" in caplog.text
    assert f"self-recall@1 {outcome.report.self_recall:.3f}" in caplog.text and "mean pairwise cosine" in caplog.text


def test_tools_get_a_refused_model_that_serving_never_loads(tmp_path: Path) -> None:
    first = load_or_retrain(((doc_id, text) for doc_id, text in NEAR_IDENTICAL), model_dir=tmp_path,
                            params=TINY_PARAMS, progress=False)
    assert first.meta["gate"]["passed"] is False and store.load_current(tmp_path) is None
    again = load_or_retrain(iter(()), model_dir=tmp_path, params=TINY_PARAMS, progress=False)
    assert again.version == first.version  # cached: not retrained


def test_hot_swap_to_a_loaded_model(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    engine = Engine.from_model_dir(tmp_path)
    for doc in CORPUS:
        engine.upsert(doc)
    assert engine.model is None
    save(tiny_model, tmp_path)
    loaded = store.load_current(tmp_path)
    assert loaded is not None
    engine.swap_model(loaded.model)
    assert engine.model is loaded.model
    assert "offer-soil" in [m.doc_id for m in engine.match(by_id("need-plum"), 3)]


def test_params_ignore_unknown_keys() -> None:
    assert Doc2VecParams.from_json({"vector_size": 16, "from_the_future": 1}).vector_size == 16
