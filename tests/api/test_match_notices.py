"""Who hears about a match: the floor, ≤ 3 notices per need, the scientist's daily cap and digest,
the 未找到合适专家 flag; stored sentence vectors; matching without an encoder."""

from __future__ import annotations

import asyncio
import itertools

import numpy as np

from server.match.encoder import shared_encoder
from server.models import Embedding, Match, PushRequest, Ticket, TicketEvent
from server.services import health, match_runtime, matching
from server.services.matching import NoticePolicy
from tests.factories import create_post, login_as

_names = itertools.count(1)

SOIL_OFFERS = [
    ("酸性土壤改良与测土配方施肥",
     "四川农业大学土壤团队：果园土壤酸化、板结的改良，施石灰和有机肥调节酸碱度，深翻改土。"),
    ("果园土壤酸化治理技术服务", "省农科院土肥所：酸化板结土壤的诊断与治理，土壤调理剂、绿肥还田，提升果园土壤肥力。"),
    ("李子园土壤板结修复与有机质提升", "针对李子、桃园土壤板结、有机质低，提供深松、秸秆还田和有机肥替代化肥方案。"),
    ("土壤酸碱度检测与石灰改良指导", "测定土壤pH与交换性酸，按检测结果计算石灰用量，指导酸性土壤改良。"),
    ("果树根系健康与土壤改良", "果树烂根、长势弱的土壤原因诊断：酸化、板结、通气差，提供改土与根系修复措施。"),
]


def unique(prefix: str) -> str:
    return f"{prefix}-{next(_names)}"


async def runtime_for(settings, redis, encoder=None, *, snapshot=True):
    encoder = encoder if encoder is not None else shared_encoder(settings.encoder)[0]
    return await match_runtime.start_runtime(store=redis, model_dir=settings.model_dir, encoder=encoder,
                                             snapshot=snapshot)


async def notices_of(need_id: int) -> list[PushRequest]:
    causes = [f"match:{m.id}" for m in await Match.filter(demand_id=need_id)]
    return await PushRequest.filter(kind="match_found", cause__in=causes)


async def soil_scientists(client, count: int) -> list[dict]:
    offers = []
    for title, body in SOIL_OFFERS[:count]:
        headers, _ = await login_as(client, unique("soil"), "scientist")
        offers.append(await create_post(client, headers, kind="offer", title=title, body=body, tags=["土壤改良"],
                                        region_code="510100"))
    return offers


async def test_a_need_nobody_fits_gets_no_match_no_notice_and_a_flagged_ticket(client, settings, redis):
    await soil_scientists(client, 2)
    citizen, user = await login_as(client, unique("parent"))
    need = await create_post(client, citizen, title="孩子晚上睡觉老是磨牙", tags=[], region_code="511529",
                             body="五岁的娃娃晚上睡觉一直磨牙，咯吱咯吱响，是不是肚子里有虫？")
    runtime = await runtime_for(settings, redis)
    assert await matching.match_post(engine=runtime.engine, post_id=need["id"]) == []
    assert not await Match.filter(demand_id=need["id"]).exists()
    ticket = await Ticket.get(post_id=need["id"])
    assert ticket.match_state == matching.NO_EXPERT
    assert await TicketEvent.filter(ticket_id=ticket.id, note__contains="未找到合适专家").exists()
    told = await PushRequest.get(kind="post_progress", user_id=user.id)
    assert told.data["stage"] == "searching" and "人工查找" in told.data["note"]
    # The staff API shows the flag; running the job again tells the poster nothing new.
    admin, _ = await login_as(client, unique("admin"), "admin")
    listed = (await client.get("/api/v1/staff/tickets?no_expert=true&limit=100", headers=admin)).json()["tickets"]
    mine = next(t for t in listed if t["post_id"] == need["id"])
    assert mine["match_state"] == "no_expert" and mine["match_state_text"] == "未找到合适专家"
    await matching.match_post(engine=runtime.engine, post_id=need["id"])
    assert await PushRequest.filter(kind="post_progress", user_id=user.id).count() == 1


async def test_at_most_three_notices_for_one_need_the_best_first(client, settings, redis):
    offers = await soil_scientists(client, 5)
    citizen, _ = await login_as(client, unique("orchard"))
    need = await create_post(client, citizen)
    runtime = await runtime_for(settings, redis)
    kept = await matching.match_post(engine=runtime.engine, post_id=need["id"])
    ours = [m for m in kept if m.supply_post_id in {o["id"] for o in offers}]
    assert len(ours) >= 4, [(m.supply_post_id, m.relevance) for m in kept]
    assert all(0.0 <= m.relevance <= 1.0 for m in kept)
    notices = await notices_of(need["id"])
    assert len(notices) == 3
    announced = sorted((m for m in kept if m.notice == "queued"), key=lambda m: m.rank)
    assert [m.rank for m in announced] == [1, 2, 3]
    assert (await Ticket.get(post_id=need["id"])).match_state == matching.MATCHED
    shown = (await client.get(f"/api/v1/posts/{need['id']}/matches", headers=citizen)).json()["matches"]
    assert shown[0]["matched_offer"]["title"] in {title for title, _ in SOIL_OFFERS}
    assert 0 < shown[0]["relevance"] <= 1 and shown[0]["explanation"].startswith("「")
    assert all(len(word) >= 2 for m in shown for word in m["keywords"])
    # A re-run announces nothing more.
    await matching.match_post(engine=runtime.engine, post_id=need["id"])
    assert len(await notices_of(need["id"])) == 3


async def test_a_scientist_gets_at_most_the_daily_cap_and_the_rest_in_one_digest(client, settings, redis):
    offer = (await soil_scientists(client, 1))[0]
    needs = []
    for county in ("511529", "511502", "511503", "511602"):
        citizen, _ = await login_as(client, unique("orchard"))
        needs.append(await create_post(client, citizen, region_code=county))
    runtime = await runtime_for(settings, redis)
    policy = NoticePolicy(per_day=3)
    for need in needs:
        await matching.match_post(engine=runtime.engine, post_id=need["id"], policy=policy)
    ours = await Match.filter(supply_post_id=offer["id"]).order_by("id")
    assert len(ours) == 4
    assert [m.notice for m in ours].count("queued") == 3 and [m.notice for m in ours].count("digest") == 1
    author = (await ours[0].supply_post).author_id
    assert await PushRequest.filter(kind="match_found", user_id=author).count() == 3
    assert await matching.send_digests() >= 1
    digest = await PushRequest.get(kind="match_digest", user_id=author)
    assert digest.data["count"] == 1
    assert (await Match.get(id=ours[3].id)).notice == "digested"
    await matching.send_digests()  # nothing waits any more: no second digest
    assert await PushRequest.filter(kind="match_digest", user_id=author).count() == 1


async def test_a_vector_is_stored_once_and_a_restart_never_re_encodes(client, settings, redis):
    encoder, _ = shared_encoder(settings.encoder)
    offer = (await soil_scientists(client, 1))[0]
    await runtime_for(settings, redis)
    row = await Embedding.get(doc_id=f"post:{offer['id']}", encoder=encoder.name)
    assert np.frombuffer(row.vector, dtype=np.float16).size == encoder.dim

    class Counting:
        name, dim = encoder.name, encoder.dim
        texts: list[str] = []

        def queries(self, texts):
            return encoder.queries(texts)

        def passages(self, texts):
            Counting.texts += list(texts)
            return encoder.passages(texts)

    restarted = await runtime_for(settings, redis, encoder=Counting())
    assert f"post:{offer['id']}" in restarted.engine
    assert Counting.texts == []


async def test_without_an_encoder_matching_still_answers(client, settings, redis):
    offers = await soil_scientists(client, 1)
    citizen, _ = await login_as(client, unique("orchard"))
    need = await create_post(client, citizen)
    runtime = await match_runtime.start_runtime(store=redis, model_dir=settings.model_dir, encoder=None)
    assert runtime.engine.variant == "lexical"
    kept = await matching.match_post(engine=runtime.engine, post_id=need["id"])
    assert offers[0]["id"] in [m.supply_post_id for m in kept]


async def test_health_is_degraded_when_the_encoder_cannot_load(client, redis):
    report = await health.check(store=redis, encoder_spec="onnx:/no/such/model")
    assert report["status"] == "degraded" and report["encoder"] is None and "model.onnx" in report["encoder_error"]
    assert report["database"] and report["redis"]
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["encoder"] == "e5-small-q4"


async def test_backfill_embeds_what_lacks_a_vector_and_resumes(client, settings):
    from server.models import Post
    from server.services import embeddings
    from server.services.matching import article_doc, post_doc

    encoder, _ = shared_encoder(settings.encoder)
    offers = await soil_scientists(client, 3)
    await Embedding.all().delete()

    def docs_of(row):
        return post_doc(row) if isinstance(row, Post) else article_doc(row)

    assert await embeddings.missing_count(encoder) >= 3
    done = await embeddings.backfill(encoder, docs_of=docs_of, progress=False, limit=1, batch=1)
    assert done == 1  # stopped early: resumable
    done += await embeddings.backfill(encoder, docs_of=docs_of, progress=False)
    assert done >= 3 and await embeddings.missing_count(encoder) == 0
    assert await embeddings.backfill(encoder, docs_of=docs_of, progress=False) == 0
    assert {f"post:{o['id']}" for o in offers} <= set(await Embedding.all().values_list("doc_id", flat=True))


async def test_a_need_whose_matching_never_ran_is_matched_when_workers_start(client, settings, redis):
    from server import redis_keys as keys
    from server.jobs import start_workers

    offers = await soil_scientists(client, 1)
    citizen, _ = await login_as(client, unique("orchard"))
    need = await create_post(client, citizen)
    await redis.delete(keys.MATCH_JOBS)  # its job is lost (the store was down, or it went to another process)
    assert await matching.never_matched(limit=10) == [need["id"]]
    running = await start_workers(settings=settings, store=redis)
    try:
        async def matched():
            return await Match.filter(demand_id=need["id"], supply_post_id=offers[0]["id"]).exists()

        deadline = asyncio.get_running_loop().time() + 60
        while not await matched():
            assert asyncio.get_running_loop().time() < deadline, "the never-matched need was not matched"
            await asyncio.sleep(0.05)
    finally:
        await running.close()
    assert await matching.never_matched(limit=10) == []


async def test_word_tokens_are_stored_once_and_a_restart_never_runs_jieba(client, settings, redis, monkeypatch):
    from server.match import engine as engine_module
    from server.models import DocTerms
    from server.services import doc_terms

    offer = (await soil_scientists(client, 1))[0]
    await runtime_for(settings, redis, encoder=None)
    row = await DocTerms.get(doc_id=f"post:{offer['id']}")
    assert "土壤" in row.words.split(doc_terms.SEPARATOR) or "酸性土壤" in row.words.split(doc_terms.SEPARATOR)
    # The stored tokens are what a restart indexes: a word only the stored row has is matched on.
    row.words = doc_terms.SEPARATOR.join([*row.words.split(doc_terms.SEPARATOR), "zxqv"])
    await row.save()
    tokenised: list[str] = []
    real = engine_module.tokenize
    monkeypatch.setattr(engine_module, "tokenize", lambda text: tokenised.append(text) or real(text))
    # A start that builds the index (no snapshot; see test_index_snapshot.py for the other kind).
    restarted = await runtime_for(settings, redis, encoder=None, snapshot=False)
    found = await asyncio.to_thread(restarted.engine.match, "zxqv", 3, method="bm25")
    assert [m.doc_id for m in found] == [f"post:{offer['id']}"]
    assert tokenised == ["zxqv"]  # the query only: no document was tokenised again


async def test_stale_word_tokens_are_made_again(client, settings, redis):
    from server.models import DocTerms

    offer = (await soil_scientists(client, 1))[0]
    await runtime_for(settings, redis, encoder=None)
    await DocTerms.filter(doc_id=f"post:{offer['id']}").update(tokenizer="v0-old", words="旧词")
    restarted = await runtime_for(settings, redis, encoder=None, snapshot=False)
    assert not await asyncio.to_thread(restarted.engine.match, "旧词", 3, method="bm25")
    assert (await DocTerms.get(doc_id=f"post:{offer['id']}")).tokenizer != "v0-old"
