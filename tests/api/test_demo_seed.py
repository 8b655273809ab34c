"""The demo load walks the whole loop: concierges with regions, reachable scientists, needs with assigned tickets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server import redis_keys as keys
from server.models import Match, Post, PushBlock, PushRequest, StaffProfile, SubscribeQuota, Ticket, TicketEvent, User
from server.models.enums import PostKind, PushStatus, Role
from server.push import dispatch
from server.push.templates import load_templates
from server.services import demo, match_runtime, regions
from server.wechat.client import build_clients

# Tomorrow at 12:00 Beijing time: the notices are due and outside quiet hours whatever the wall clock says.
NOON = (datetime.now(UTC) + timedelta(days=1)).replace(hour=4, minute=0, second=0, microsecond=0)
SAMPLE = load_templates()["match_found"].sample
OA_TEMPLATE = load_templates()["match_found"].template_ids["oa_template"]


async def _counts() -> dict[str, int]:
    return {"users": await User.all().count(), "posts": await Post.all().count(),
            "tickets": await Ticket.all().count(), "events": await TicketEvent.all().count(),
            "profiles": await StaffProfile.all().count(), "quotas": await SubscribeQuota.all().count(),
            "pushes": await PushRequest.all().count()}


async def test_every_demo_staff_user_is_a_concierge_of_their_city(settings, redis):
    await demo.load_demo()
    data = demo.read_demo()
    keys = {spec["key"]: spec for spec in data["users"]}
    staff = [spec for spec in data["users"] if spec["role"] == Role.STAFF.value]
    assert staff
    for spec in staff:
        user = await User.get(mp_openid=spec["openid"])
        profile = await StaffProfile.get(user_id=user.id).prefetch_related("supervisor")
        assert profile.region_id == spec["region_code"]
        assert profile.capacity > 0 and not profile.away
        assert profile.supervisor is not None
        assert profile.supervisor.role in (Role.ADMIN, Role.STAFF)
        assert keys[spec["staff"]["supervisor"]]["openid"] == profile.supervisor.mp_openid


async def test_every_demo_need_and_question_has_an_assigned_ticket(settings, redis):
    await demo.load_demo()
    served = set(await StaffProfile.all().values_list("region_id", flat=True))
    assert "510000" in served  # the province catches the cities without a concierge of their own
    posts = await Post.filter(source_scene="demo", kind__in=[PostKind.NEED, PostKind.QUESTION])
    assert len(posts) == 13
    for post in posts:
        ticket = await Ticket.get(post_id=post.id).prefetch_related("concierge")
        assert ticket.concierge is not None and ticket.concierge.role == Role.STAFF
        assert ticket.region_id == post.region_id
        # the concierge of the nearest level serving the post's region: its city's, else the province's
        chain = [post.region_id, *reversed(regions.parents_of(post.region_id))]
        nearest = next(code for code in chain if code in served)
        assert (await StaffProfile.get(user_id=ticket.concierge.id)).region_id == nearest
        assert await TicketEvent.filter(ticket_id=ticket.id, kind="assigned").exists()
    assert not await Ticket.filter(post__kind=PostKind.OFFER).exists()


async def _send(people: list[User], *, cause: str, clients, redis) -> None:
    """Queue a match notice for each person and dispatch them all at noon: every one is sent."""
    for user in people:
        await PushRequest.create(kind="match_found", cause=f"{cause}:{user.id}", user_id=user.id, data=dict(SAMPLE))
    claimed = await dispatch.claim(worker="test", limit=100, now=NOON)
    assert len(claimed) == len(people)
    for request in claimed:
        status = await dispatch.dispatch_one(request, clients=clients, store=redis, mp_appid="wxmp", now=NOON)
        assert status == PushStatus.SENT


async def test_demo_scientists_and_organisations_are_reachable_on_both_channels(settings, redis, sandbox):
    await demo.load_demo()
    await PushRequest.all().delete()  # the concierges' new-ticket notices: not what this test sends
    people = await User.filter(role__in=[Role.SCIENTIST, Role.ORGANISATION]).order_by("id")
    assert len(people) == 13
    clients = build_clients(settings, redis)
    try:
        for user in people:
            assert user.oa_openid and user.follows_oa and user.oa_followed_at is not None
        await _send(people, cause="match", clients=clients, redis=redis)
        sent = (await sandbox.get("/_sandbox/outbox")).json()["messages"]
        assert {m["payload"]["touser"] for m in sent} == {u.oa_openid for u in people}
        assert {m["endpoint"] for m in sent} == {"cgi-bin/message/template/send"}
        # the mini-program channel reaches them too (here with the official account closed to them)
        for user in people:
            await PushBlock.create(user=user, channel="oa_template", template_id=OA_TEMPLATE, errcode=43004)
        await sandbox.post("/_sandbox/reset")
        await _send(people, cause="match-mp", clients=clients, redis=redis)
        sent = (await sandbox.get("/_sandbox/outbox")).json()["messages"]
        assert {m["payload"]["touser"] for m in sent} == {u.mp_openid for u in people}
        assert {m["endpoint"] for m in sent} == {"cgi-bin/message/subscribe/send"}
    finally:
        await clients.oa.aclose()
        await clients.mp.aclose()
    citizen = await User.get(mp_openid="sandbox-chengdu-resident")
    assert citizen.oa_openid is None and not citizen.follows_oa


async def test_a_second_load_creates_nothing(settings, redis):
    first = await demo.load_demo()
    assert first["staff_profiles_created"] == 4 and first["tickets_opened"] == 13
    before = await _counts()
    again = await demo.load_demo(console_passwords=True)
    assert await _counts() == before
    assert again["posts_created"] == 0 and again["staff_profiles_created"] == 0
    assert again["tickets_opened"] == 0 and again["oa_followers_added"] == 0


async def test_an_older_demo_without_tickets_gets_them_on_the_next_load(settings, redis):
    await demo.load_demo()
    await Ticket.all().delete()
    await StaffProfile.all().delete()
    report = await demo.load_demo()
    assert report["tickets_opened"] == 13 and report["posts_created"] == 0
    assert not await Ticket.filter(concierge_id=None).exists()


async def test_new_demo_posts_are_queued_for_matching_and_match_through_the_job(settings, redis):
    await match_runtime.ensure_group(redis)
    await demo.load_demo(store=redis)
    demo_ids = set(await Post.filter(source_scene="demo").values_list("id", flat=True))
    queued = [(entry_id, fields) for entry_id, fields in await redis.xrange(keys.MATCH_JOBS)]
    assert {int(fields["post_id"]) for _id, fields in queued} == demo_ids and len(queued) == len(demo_ids)
    await demo.load_demo(store=redis)  # nothing new: nothing queued again
    assert await redis.xlen(keys.MATCH_JOBS) == len(demo_ids)
    # Run the queued jobs as a worker does: the soil need finds the soil scientist, who is told.
    # No sentence encoder (ENCODER=none): the lexical matcher alone, quick to start.
    runtime = await match_runtime.start_runtime(store=redis, model_dir=settings.model_dir, encoder=None)
    taken = await redis.xreadgroup(keys.MATCH_JOBS_GROUP, "test", {keys.MATCH_JOBS: ">"}, count=100)
    for entry_id, fields in taken[0][1]:
        await match_runtime.run_job(runtime, redis, entry_id=entry_id, fields=fields)
    assert (await redis.xpending(keys.MATCH_JOBS, keys.MATCH_JOBS_GROUP))["pending"] == 0
    need = await Post.get(title="青脆李园土壤酸化板结，树势变弱求改良方案")
    soil = await User.get(mp_openid="sandbox-sicau-soil")
    found = await Match.filter(demand_id=need.id, supply_post__author_id=soil.id)
    assert found
    assert await PushRequest.filter(kind="match_found", user_id=soil.id,
                                    cause__in=[f"match:{m.id}" for m in found]).exists()
