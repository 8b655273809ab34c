"""The matcher's index snapshot: a restart starts from the saved index brought up to date with the
database, and answers exactly as an index built from the database would."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from server.match import snapshot
from server.match.encoder import shared_encoder
from server.match.engine import Engine
from server.models import Article, Embedding, Post
from server.models.enums import PostStatus
from server.services import index_load, match_runtime
from tests.factories import create_post, login_as

OFFERS = [
    ("酸性土壤改良与测土配方施肥", "果园土壤酸化、板结的改良，施石灰和有机肥调节酸碱度，深翻改土。"),
    ("食用菌菌种复壮与脱毒技术", "银耳、香菇菌种退化、产量下降，提供菌种分离、复壮与脱毒服务。"),
    ("柑橘黄龙病早期诊断", "柑橘叶片斑驳黄化的PCR早期诊断，病树清除与木虱防控。"),
    ("生猪疫病防控与养殖场消毒", "猪场非洲猪瘟等疫病的生物安全、消毒与免疫程序指导。"),
    ("茶叶农残检测与绿色防控", "茶园病虫害绿色防控，茶叶农药残留快速检测。"),
]
NEEDS = ["果园的土发酸发硬，果树长不好", "柑子树叶子黄一块绿一块", "猪场要消毒，怕猪瘟", "香菇菌种不行了，出菇少"]


@pytest.fixture
def model_dir(settings, tmp_path) -> str:
    """A model folder of this test's own (the snapshot lives under it), with the session's models."""
    folder = tmp_path / "models"
    shutil.copytree(settings.model_dir, folder, dirs_exist_ok=True)
    shutil.rmtree(folder / "index", ignore_errors=True)
    return str(folder)


async def _offers(client, count: int = len(OFFERS)) -> list[dict]:
    headers, _ = await login_as(client, "snapshot-scientist", "scientist")
    return [await create_post(client, headers, kind="offer", title=title, body=body, tags=[], region_code="510100")
            for title, body in OFFERS[:count]]


async def _start(redis, model_dir: str, encoder=None) -> match_runtime.MatchRuntime:
    return await match_runtime.start_runtime(store=redis, model_dir=model_dir, encoder=encoder)


def _answers(runtime: match_runtime.MatchRuntime) -> list[list[tuple[str, float, tuple[str, ...]]]]:
    out = []
    for need in NEEDS:
        found = runtime.engine.match(need, 5, kind="need")
        out.append([(m.doc_id, round(m.score, 6), tuple(m.keywords)) for m in found])
    return out


async def test_a_restart_loads_the_snapshot_and_answers_as_a_fresh_build(client, redis, model_dir):
    await _offers(client)
    headers, _ = await login_as(client, "tagged-scientist", "scientist")
    await create_post(client, headers, kind="offer", title="果树修剪", body="柑橘、李子的整形修剪与疏花疏果。",
                      tags=["修剪", "果树"], region_code="511502")
    first = await _start(redis, model_dir)
    assert first.index_source == "build"
    assert (Path(model_dir) / "index" / snapshot.FILE_NAME).exists()

    # What a start reads of the database gives every document the fingerprint it was indexed with.
    unchanged = await index_load.load_index(Engine, model_dir=model_dir, model_version=None)
    assert (unchanged.source, unchanged.removed, unchanged.refreshed) == ("snapshot", 0, 0)

    again = await _start(redis, model_dir)
    assert again.index_source == "snapshot"
    first = await match_runtime.start_runtime(store=redis, model_dir=model_dir, snapshot=False)
    assert len(again.engine) == len(first.engine) == len(OFFERS) + 1
    assert _answers(again) == _answers(first)
    assert any(found for found in _answers(again))


async def test_changes_since_the_snapshot_are_applied(client, redis, model_dir):
    offers = await _offers(client)
    await _start(redis, model_dir)
    # Since then: one offer edited, one closed, one new, and an article written.
    await Post.filter(id=offers[0]["id"]).update(body="专做土壤重金属镉污染的钝化修复与安全利用。")
    await Post.filter(id=offers[1]["id"]).update(status=PostStatus.CLOSED)
    headers, _ = await login_as(client, "late-scientist", "scientist")
    late = await create_post(client, headers, kind="offer", title="水产养殖水质调控", tags=[], region_code="510100",
                             body="鱼塘缺氧浮头、水发绿的水质调控与增氧方案。")
    await Article.create(title="秋冬季猪场防疫要点", summary="消毒与免疫", body="猪场秋冬季消毒、免疫与生物安全要点。")

    restarted = await _start(redis, model_dir)
    assert restarted.index_source == "snapshot"
    built = await match_runtime.start_runtime(store=redis, model_dir=model_dir, snapshot=False)
    assert built.index_source == "build"
    ids = {f"post:{o['id']}" for o in offers} - {f"post:{offers[1]['id']}"} | {f"post:{late['id']}"}
    for doc_id in ids:
        assert doc_id in restarted.engine
    assert f"post:{offers[1]['id']}" not in restarted.engine
    assert len(restarted.engine) == len(built.engine) == len(OFFERS) + 1
    assert _answers(restarted) == _answers(built)
    edited = restarted.engine.match("土壤镉污染怎么治", 1, kind="need")
    assert edited[0].doc_id == f"post:{offers[0]['id']}"


async def test_a_vector_stored_since_the_snapshot_reaches_the_index(client, redis, model_dir, settings):
    encoder = shared_encoder(settings.encoder)[0]
    assert encoder is not None
    offers = await _offers(client, 2)
    first = await _start(redis, model_dir, encoder)
    unchanged = await index_load.load_index(lambda: Engine(encoder=encoder), model_dir=model_dir, model_version=None)
    assert (unchanged.source, unchanged.refreshed) == ("snapshot", 0)  # stored vectors: the same fingerprints
    doc_id = f"post:{offers[0]['id']}"
    assert first.engine._dense.rows([first.engine._index.slot(doc_id)]).any()  # noqa: SLF001
    # Whether a document had its sentence vector is part of its fingerprint: a vector dropped (or, the
    # other way round, stored by `backfill`) since the snapshot makes a start load the document again.
    await Embedding.filter(doc_id=doc_id).delete()
    rebuilt = await match_runtime.start_runtime(store=redis, model_dir=model_dir, encoder=encoder, snapshot=True)
    # Its fingerprint changed (no stored vector now): it is loaded again, and encoded again.
    assert rebuilt.index_source == "snapshot"
    assert await Embedding.filter(doc_id=doc_id).exists()
    assert rebuilt.engine._dense.rows([rebuilt.engine._index.slot(doc_id)]).any()  # noqa: SLF001


async def test_a_snapshot_of_another_kind_of_engine_or_an_unreadable_one_is_not_used(client, redis, model_dir,
                                                                                     settings, caplog):
    await _offers(client, 3)
    await _start(redis, model_dir)  # without an encoder
    encoder = shared_encoder(settings.encoder)[0]
    other = await _start(redis, model_dir, encoder)
    assert other.index_source == "build"  # made without the encoder: not this engine's
    assert len(other.engine) == 3

    path = Path(model_dir) / "index" / snapshot.FILE_NAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # a write cut short
    with caplog.at_level(logging.WARNING, logger="server.match.snapshot"):
        fallback = await _start(redis, model_dir, encoder)
    assert fallback.index_source == "build"
    assert len(fallback.engine) == 3
    assert "unreadable" in caplog.text
    assert (await _start(redis, model_dir, encoder)).index_source == "snapshot"  # the build wrote a good one


async def test_a_snapshot_far_behind_is_built_afresh(client, redis, model_dir):
    offers = await _offers(client)
    await _start(redis, model_dir)
    await Post.filter(id__in=[o["id"] for o in offers[:3]]).update(status=PostStatus.CLOSED)
    patched = await index_load.load_index(Engine, model_dir=model_dir, model_version=None)
    assert (patched.source, patched.removed, len(patched.engine)) == ("snapshot", 3, 2)
    # Past the share of changes worth patching (here 3 of 5 > 40 %), the index is built from the database.
    await _start(redis, model_dir)
    await Post.filter(id=offers[3]["id"]).update(status=PostStatus.CLOSED)
    fresh = await index_load.load_index(Engine, model_dir=model_dir, model_version=None, refresh_min=0,
                                        refresh_share=0.4)
    assert fresh.source == "build"
    assert len(fresh.engine) == 1


async def test_the_nightly_rebuild_writes_a_fresh_snapshot(client, redis, model_dir):
    await _offers(client, 2)
    runtime = await _start(redis, model_dir)
    path = Path(model_dir) / "index" / snapshot.FILE_NAME
    before = path.stat().st_mtime_ns
    headers, _ = await login_as(client, "another-scientist", "scientist")
    await create_post(client, headers, kind="offer", title="茶园土壤酸化改良", body="茶园土壤酸化的石灰与有机肥改良。",
                      tags=[], region_code="510100")
    assert await match_runtime.rebuild(runtime) == 3
    assert path.stat().st_mtime_ns > before
    loaded = await _start(redis, model_dir)
    assert loaded.index_source == "snapshot"
    assert len(loaded.engine) == 3
