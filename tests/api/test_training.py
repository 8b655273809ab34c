"""Training from the database: the quality gate, the versioned model directory and the hot swap of running workers."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

import pytest

from server import redis_keys as keys
from server.jobs import start_workers
from server.match import gate
from server.match.params import Doc2VecParams
from server.match.retrain import read_background
from server.match.store import current_version, load_current, read_meta
from server.services import demo, match_runtime, training

BACKGROUND = 300  # background abstracts trained on: enough for a sound small model, fast
# Small enough to train in seconds, sound enough to pass the gate.
SMALL_PARAMS = Doc2VecParams(vector_size=24, epochs=15, window=5, negative=5, min_count=1, sample=0, workers=1,
                             seed=7)
YOUNG_PARAMS = Doc2VecParams(workers=1, seed=7)  # production parameters on a young platform's posts alone


@pytest.fixture
def own_settings(settings, tmp_path):
    """The session settings with a model directory of this test's own and no sentence encoder.

    These tests are about the Doc2Vec model (training, the gate, the hot swap); without the encoder the
    workers start without embedding the demo's documents first (about half a minute on a busy machine).
    """
    return replace(settings, model_dir=str(tmp_path / "models"), encoder="none")


@pytest.fixture(scope="module")
def title_dev() -> gate.DevSet:
    background = read_background(limit=BACKGROUND)
    return gate.title_devset(background, size=BACKGROUND)


@pytest.fixture
async def demo_posts(settings):
    await demo.load_demo()


@pytest.fixture
async def workers(own_settings, redis, demo_posts):
    running = await start_workers(settings=own_settings, store=redis)
    yield running
    await running.close()


async def _train(own_settings, redis, title_dev, **options):
    options = {"background": BACKGROUND, "params": SMALL_PARAMS, "devsets": [title_dev], "seed": 7,
               "progress": False, **options}
    return await training.train_and_publish(store=redis, model_dir=own_settings.model_dir, **options)


async def _reload_events(redis) -> int:
    entries = await redis.xrange(keys.MATCH_INDEX_EVENTS)
    return sum(fields.get("op") == match_runtime.OP_RELOAD for _id, fields in entries)


async def test_manual_train_reaches_running_workers(own_settings, redis, workers, title_dev):
    assert workers.runtime.model_version is None and workers.runtime.engine.model is None
    outcome = await _train(own_settings, redis, title_dev)
    assert outcome.accepted and current_version(own_settings.model_dir) == outcome.version
    await asyncio.wait_for(workers.runtime.model_swapped.wait(), timeout=60)
    assert workers.runtime.model_version == outcome.version
    assert workers.runtime.engine.model is not None
    assert workers.runtime.engine.match("李子园土壤酸化板结，如何改良土壤", 3, kind="need")


async def test_training_uses_posts_and_the_background_corpus(own_settings, redis, demo_posts, title_dev):
    outcome = await _train(own_settings, redis, title_dev)
    loaded = load_current(own_settings.model_dir)
    tags = loaded.model.dv.index_to_key
    assert any(tag.startswith("post:") for tag in tags) and sum(tag.startswith("csl-") for tag in tags) == BACKGROUND
    assert loaded.meta["gate"]["passed"] is True and loaded.meta["gate"]["mrr"]["title"]["queries"] > 20
    assert await _reload_events(redis) == 1 and outcome.version == loaded.version


async def test_degenerate_model_is_refused_and_current_stays(own_settings, redis, demo_posts, title_dev, caplog):
    good = await _train(own_settings, redis, title_dev)
    with caplog.at_level(logging.WARNING, logger="server.match.retrain"):
        refused = await _train(own_settings, redis, title_dev, background=0, params=YOUNG_PARAMS)
    assert good.accepted and not refused.accepted
    assert current_version(own_settings.model_dir) == good.version == load_current(own_settings.model_dir).version
    assert read_meta(refused.path)["gate"]["passed"] is False
    assert f"model {refused.version} not made current" in caplog.text and "mean pairwise cosine" in caplog.text
    assert await _reload_events(redis) == 1  # only the accepted model was announced


async def test_too_small_a_corpus_trains_nothing(own_settings, redis, title_dev):
    assert await _train(own_settings, redis, title_dev, background=0) is None
    assert current_version(own_settings.model_dir) is None
