"""Model storage: versions, atomic pointer, recovery from half-written versions, hot swap."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from gensim.models.doc2vec import Doc2Vec

from server.match import store
from server.match.engine import Engine
from server.match.model import infer
from server.match.params import Doc2VecParams
from tests.match.conftest import CORPUS, TINY_PARAMS, by_id


def save(model: Doc2Vec, model_dir: Path, **meta: object) -> Path:
    return store.save_model(model, model_dir, params=TINY_PARAMS, meta={"corpus_size": len(CORPUS), **meta})


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


def test_hot_swap_to_a_loaded_model(tmp_path: Path, tiny_model: Doc2Vec) -> None:
    engine = Engine.from_model_dir(tmp_path)
    for doc in CORPUS:
        engine.upsert(doc)
    assert engine.default_method == "bm25"
    save(tiny_model, tmp_path)
    loaded = store.load_current(tmp_path)
    assert loaded is not None
    engine.swap_model(loaded.model)
    matches = engine.match(by_id("need-plum"), 3)
    assert matches[0].doc_id == "offer-soil" and matches[0].method == "hybrid"


def test_params_ignore_unknown_keys() -> None:
    assert Doc2VecParams.from_json({"vector_size": 16, "from_the_future": 1}).vector_size == 16
