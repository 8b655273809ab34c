"""Training from the database, the versioned model directory and the hot swap."""

from __future__ import annotations

from server.match.store import current_version, load_current
from server.services import demo, match_runtime, training


async def test_train_saves_a_version_and_workers_hot_swap(settings, redis, tmp_path):
    await demo.load_demo()
    model_dir = str(tmp_path / "models")
    runtime = await match_runtime.start_runtime(store=redis, model_dir=model_dir)
    assert runtime.model_version is None and runtime.engine.default_method == "bm25"
    path = await training.train_and_save(model_dir=model_dir, seed=7, progress=False)
    assert path is not None and current_version(model_dir) == path.name
    loaded = load_current(model_dir)
    assert loaded.meta["corpus_size"] >= 20 and "self_recall_at_1" in loaded.meta["evaluation"]
    await match_runtime.apply_event(runtime, op=match_runtime.OP_RELOAD, doc_id="")
    assert runtime.model_version == path.name
    assert runtime.engine.default_method == "hybrid"
    found = runtime.engine.match("李子园土壤酸化板结，如何改良土壤", 3, kind="need")
    assert found


async def test_too_small_a_corpus_keeps_bm25(settings, tmp_path):
    assert await training.train_and_save(model_dir=str(tmp_path / "m"), progress=False) is None
