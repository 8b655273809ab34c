"""Matching through the API: jobs, stored matches, decisions, authorisation, index events."""

from __future__ import annotations

import asyncio

import pytest
from redis.exceptions import ResponseError

from server import redis_keys as keys
from server.jobs import start_workers
from server.models import Match, PushRequest
from server.services import match_runtime
from tests.factories import create_post, login_as

OFFERS = [
    {"title": "酸性土壤改良与测土配方施肥", "tags": ["土壤改良"],
     "body": "四川农业大学土壤团队，提供果园土壤酸化、板结的改良方案："
             "施用石灰和有机肥调节酸碱度，深翻改土，测土配方施肥。"},
    {"title": "食用菌菌种复壮与脱毒技术", "tags": ["食用菌"],
     "body": "针对银耳、香菇等食用菌菌种退化、产量下降，提供菌种分离、复壮与脱毒服务，建立良种繁育体系。"},
    {"title": "果园测土配方施肥服务", "tags": ["施肥"],
     "body": "为果园提供测土配方施肥服务：采样化验土壤养分，按树龄和产量制定施肥方案，减少化肥浪费。"},
    {"title": "柑橘类水果采后保鲜涂膜", "tags": ["保鲜"],
     "body": "提供柚子、柑橘采后保鲜涂膜与冷链贮运技术，延长货架期，减少腐烂损耗。"},
]


async def _wait_for(predicate, *, seconds: float = 10.0):
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        result = await predicate()
        if result:
            return result
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


def _stream_id(entry_id: str) -> tuple[int, int]:
    millis, _, seq = entry_id.partition("-")
    return int(millis), int(seq or 0)


async def _jobs_done(redis) -> bool:
    """Whether the workers have run and acknowledged every match job queued so far."""
    newest = await redis.xrevrange(keys.MATCH_JOBS, count=1)
    if not newest:
        return True
    try:
        groups = await redis.xinfo_groups(keys.MATCH_JOBS)
    except ResponseError:  # the group is not created yet
        return False
    group = next((g for g in groups if g["name"] == keys.MATCH_JOBS_GROUP), None)
    return (group is not None and group["pending"] == 0
            and _stream_id(group["last-delivered-id"]) >= _stream_id(newest[0][0]))


@pytest.fixture
async def workers(settings, redis):
    running = await start_workers(settings=settings, store=redis)
    yield running
    await running.close()


@pytest.fixture
async def scene(client):
    scientist, scientist_user = await login_as(client, "soil-scientist", "scientist")
    offers = [await create_post(client, scientist, kind="offer", **offer, region_code="510100") for offer in OFFERS]
    citizen, citizen_user = await login_as(client, "orchard")
    return {"scientist": scientist, "scientist_user": scientist_user, "offers": offers,
            "citizen": citizen, "citizen_user": citizen_user}


async def _matches(client, headers, post_id):
    response = await client.get(f"/api/v1/posts/{post_id}/matches", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["matches"]


async def test_soil_need_finds_the_soil_offer_first(client, scene, workers):
    need = await create_post(client, scene["citizen"])
    found = await _wait_for(lambda: _matches(client, scene["citizen"], need["id"]))
    assert found[0]["post"]["id"] == scene["offers"][0]["id"]
    assert found[0]["can_decide"] is True
    assert any("土壤" in word for word in found[0]["keywords"])


async def test_a_new_match_queues_a_notice_for_the_scientist(client, scene, workers):
    need = await create_post(client, scene["citizen"])
    await _wait_for(lambda: _matches(client, scene["citizen"], need["id"]))
    notices = await PushRequest.filter(kind="match_found", user_id=scene["scientist_user"].id)
    assert notices and all(n.cause.startswith("match:") for n in notices)
    assert {n.data["post_id"] for n in notices} == {need["id"]}


async def test_own_and_withdrawn_posts_never_appear(client, scene, workers, redis):
    scientist = scene["scientist"]
    own_need = await create_post(client, scientist, title="自己的土壤改良需求")
    await _wait_for(lambda: _jobs_done(redis))  # the own need's match job has run
    assert all(m["post"]["id"] != own_need["id"]
               for m in await _matches(client, scientist, scene["offers"][0]["id"]))
    await client.post(f"/api/v1/posts/{scene['offers'][0]['id']}/withdraw", headers=scientist)
    need = await create_post(client, scene["citizen"])
    found = await _wait_for(lambda: _matches(client, scene["citizen"], need["id"]))
    assert scene["offers"][0]["id"] not in [m["post"]["id"] for m in found]
    assert found[0]["post"]["id"] == scene["offers"][2]["id"]


async def test_declined_matches_never_return(client, scene, workers, redis):
    need = await create_post(client, scene["citizen"])
    found = await _wait_for(lambda: _matches(client, scene["citizen"], need["id"]))
    top = found[0]
    response = await client.post(f"/api/v1/matches/{top['id']}/decision",
                                 json={"decision": "decline", "reason": "方案不适合"}, headers=scene["citizen"])
    assert response.status_code == 200
    assert response.json()["match"]["status"] == "declined"
    await client.patch(f"/api/v1/posts/{need['id']}", json={"title": "李子园土壤酸化板结如何改良"},
                       headers=scene["citizen"])
    await _wait_for(lambda: _jobs_done(redis))  # the edited need was matched again
    again = await _matches(client, scene["citizen"], need["id"])
    assert top["post"]["id"] not in [m["post"]["id"] for m in again]
    accept = await client.post(f"/api/v1/matches/{top['id']}/decision", json={"decision": "accept"},
                               headers=scene["citizen"])
    assert accept.status_code == 409


async def test_accepting_moves_the_need_to_matched(client, scene, workers):
    need = await create_post(client, scene["citizen"])
    found = await _wait_for(lambda: _matches(client, scene["citizen"], need["id"]))
    response = await client.post(f"/api/v1/matches/{found[0]['id']}/decision", json={"decision": "accept"},
                                 headers=scene["scientist"])
    assert response.status_code == 200
    post = (await client.get(f"/api/v1/posts/{need['id']}", headers=scene["citizen"])).json()["post"]
    assert post["status"] == "matched"


async def test_strangers_get_404_and_parties_see_matches(client, scene, workers):
    need = await create_post(client, scene["citizen"])
    found = await _wait_for(lambda: _matches(client, scene["citizen"], need["id"]))
    stranger, _ = await login_as(client, "nosy")
    assert (await client.get(f"/api/v1/posts/{need['id']}/matches", headers=stranger)).status_code == 404
    decision = await client.post(f"/api/v1/matches/{found[0]['id']}/decision", json={"decision": "decline"},
                                 headers=stranger)
    assert decision.status_code == 404
    assert await Match.filter(id=found[0]["id"], status="proposed").exists()
    party = await _matches(client, scene["scientist"], need["id"])
    assert {m["supply_post_id"] for m in party} <= {o["id"] for o in scene["offers"]}
    staff, _ = await login_as(client, "staffer", "staff", region_id="511500")  # staff reach: their region
    assert await _matches(client, staff, need["id"])


async def test_index_changes_reach_a_second_process(client, scene, settings, redis):
    first = await start_workers(settings=settings, store=redis)
    second = await start_workers(settings=settings, store=redis)
    try:
        need = await create_post(client, scene["citizen"])
        doc_id = f"post:{need['id']}"
        for running in (first, second):
            await _wait_for(lambda running=running: _has(running, doc_id))
        await client.post(f"/api/v1/posts/{need['id']}/withdraw", headers=scene["citizen"])
        for running in (first, second):
            await _wait_for(lambda running=running: _lacks(running, doc_id))
    finally:
        await first.close()
        await second.close()


async def _has(running, doc_id):
    return doc_id in running.runtime.engine


async def _lacks(running, doc_id):
    return doc_id not in running.runtime.engine


async def test_a_job_left_by_a_killed_worker_is_taken_over(client, scene, settings, redis):
    await match_runtime.ensure_group(redis)
    need = await create_post(client, scene["citizen"])
    # A worker reads the job and dies before acknowledging it.
    taken = await redis.xreadgroup(keys.MATCH_JOBS_GROUP, "dead-worker", {keys.MATCH_JOBS: ">"}, count=100)
    assert taken
    runtime = await match_runtime.start_runtime(store=redis, model_dir=settings.model_dir)
    stop = asyncio.Event()
    task = asyncio.create_task(match_runtime.work_jobs(runtime, redis, consumer="heir", stop=stop,
                                                       claim_idle_ms=0, block_ms=100))
    try:
        found = await _wait_for(lambda: _matches(client, scene["citizen"], need["id"]))
    finally:
        stop.set()
        await task
    assert found
    pending = await redis.xpending(keys.MATCH_JOBS, keys.MATCH_JOBS_GROUP)
    assert pending["pending"] == 0


async def test_withdrawing_an_offer_removes_its_proposals(client, scene, workers):
    need = await create_post(client, scene["citizen"])
    found = await _wait_for(lambda: _matches(client, scene["citizen"], need["id"]))
    offer_id = found[0]["post"]["id"]
    await client.post(f"/api/v1/posts/{offer_id}/withdraw", headers=scene["scientist"])

    async def gone():
        return offer_id not in [m["post"]["id"] for m in await _matches(client, scene["citizen"], need["id"])]

    await _wait_for(gone)
