"""The dispatcher against the sandbox over real HTTP: channels, quotas, caps, quiet hours, races."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from server.models import PushAttempt, PushBlock, PushRequest, SubscribeQuota
from server.models.enums import PushStatus
from server.models.outbox import PRIORITY_EMERGENCY
from server.push import dispatch
from server.push.templates import load_templates
from tests.factories import make_user

# Tomorrow, so rows created now are due; the hours are fixed so quiet hours never depend on the wall clock.
TOMORROW = (datetime.now(UTC) + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
NOON = TOMORROW.replace(hour=4)  # 12:00 Beijing time
NIGHT = TOMORROW.replace(hour=15)  # 23:00 Beijing time
SAMPLE = load_templates()["match_found"].sample
MP_TEMPLATE = load_templates()["match_found"].template_ids["mp_subscribe"]


async def enqueue(user, *, cause: str = "match:1", priority: int = 5, kind: str = "match_found") -> PushRequest:
    request, _ = await PushRequest.get_or_create(kind=kind, cause=cause, user_id=user.id,
                                                 defaults={"data": dict(SAMPLE), "priority": priority})
    return request


async def run(request, clients, redis, now=NOON) -> PushStatus:
    [claimed] = await dispatch.claim(worker="test", now=now)
    assert claimed.id == request.id
    return await dispatch.dispatch_one(claimed, clients=clients, store=redis, mp_appid="wxmp", now=now)


async def outbox(sandbox, endpoint: str | None = None) -> list[dict]:
    params = {"endpoint": endpoint} if endpoint else {}
    return (await sandbox.get("/_sandbox/outbox", params=params)).json()["messages"]


async def test_followers_get_an_official_account_template(clients, redis, sandbox):
    user = await make_user(oa_openid="o-follower", follows_oa=True)
    status = await run(await enqueue(user), clients, redis)
    [sent] = await outbox(sandbox)
    assert status == PushStatus.SENT and sent["endpoint"] == "cgi-bin/message/template/send"
    assert sent["payload"]["client_msg_id"].startswith("push-")
    attempt = await PushAttempt.get(request__user_id=user.id)
    assert attempt.channel == "oa_template" and attempt.wechat_msgid == sent["id"]


async def test_mini_program_users_need_quota_which_is_spent(clients, redis, sandbox):
    user = await make_user()
    assert await run(await enqueue(user), clients, redis) == PushStatus.UNREACHABLE
    await SubscribeQuota.create(user=user, template_id=MP_TEMPLATE, remaining=1)
    assert await run(await enqueue(user, cause="match:2"), clients, redis) == PushStatus.SENT
    assert (await SubscribeQuota.get(user_id=user.id)).remaining == 0
    [sent] = await outbox(sandbox, "cgi-bin/message/subscribe/send")
    assert sent["payload"]["page"] == "pages/post/index?id=12"


async def test_sends_in_flight_together_never_share_a_grant(clients, redis, sandbox):
    user = await make_user()
    await SubscribeQuota.create(user=user, template_id=MP_TEMPLATE, remaining=2)
    queued = [await enqueue(user, cause=f"match:grant-{i}") for i in range(3)]
    assert await dispatch.dispatch_batch(worker="t", clients=clients, store=redis, mp_appid="wxmp", now=NOON,
                                         concurrency=3) == 3
    statuses = sorted([(await PushRequest.get(id=r.id)).status for r in queued])
    assert statuses == sorted([PushStatus.SENT, PushStatus.SENT, PushStatus.UNREACHABLE])
    assert (await SubscribeQuota.get(user_id=user.id)).remaining == 0
    assert len(await outbox(sandbox, "cgi-bin/message/subscribe/send")) == 2


async def test_a_failed_subscribe_send_gives_the_grant_back(clients, redis, sandbox):
    user = await make_user()
    await SubscribeQuota.create(user=user, template_id=MP_TEMPLATE, remaining=1)
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/subscribe/send", "errcode": -1})
    assert await run(await enqueue(user), clients, redis) == PushStatus.PENDING
    assert (await SubscribeQuota.get(user_id=user.id)).remaining == 1


async def test_same_cause_is_queued_once(clients, redis):
    user = await make_user(oa_openid="o-dedup", follows_oa=True)
    first, second = await enqueue(user), await enqueue(user)
    assert first.id == second.id and await PushRequest.all().count() == 1


async def test_quiet_hours_wait_for_morning_but_emergencies_do_not(clients, redis, sandbox):
    user = await make_user(oa_openid="o-night", follows_oa=True)
    normal = await enqueue(user)
    assert await run(normal, clients, redis, now=NIGHT) == PushStatus.PENDING
    assert (await PushRequest.get(id=normal.id)).due_at.astimezone(UTC).hour == 0  # 08:00 Beijing
    alert = await enqueue(user, cause="emergency:1", priority=PRIORITY_EMERGENCY, kind="emergency_alert")
    alert.data = dict(load_templates()["emergency_alert"].sample)
    await alert.save()
    assert await run(alert, clients, redis, now=NIGHT) == PushStatus.SENT


async def test_daily_cap_holds_back_all_but_emergencies(clients, redis):
    user = await make_user(oa_openid="o-cap", follows_oa=True)
    results = [await run(await enqueue(user, cause=f"match:{i}"), clients, redis) for i in range(4)]
    assert results == [PushStatus.SENT] * 3 + [PushStatus.PENDING]


async def test_refusals_are_remembered_and_never_retried(clients, redis, sandbox):
    user = await make_user()
    await SubscribeQuota.create(user=user, template_id=MP_TEMPLATE, remaining=3)
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/subscribe/send", "errcode": 43101})
    assert await run(await enqueue(user), clients, redis) == PushStatus.FAILED
    assert await PushBlock.filter(user_id=user.id, errcode=43101).exists()
    assert (await SubscribeQuota.get(user_id=user.id)).remaining == 0
    assert await run(await enqueue(user, cause="match:2"), clients, redis) == PushStatus.UNREACHABLE


async def test_a_bad_openid_is_remembered_and_the_next_push_is_unreachable(clients, redis, sandbox):
    user = await make_user(oa_openid="o-gone", follows_oa=True)
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/template/send", "errcode": 40003})
    request = await enqueue(user)
    assert await run(request, clients, redis) == PushStatus.FAILED
    assert (await PushRequest.get(id=request.id)).attempts == 1  # permanent: not retried
    assert await PushBlock.filter(user_id=user.id, channel="oa_template", errcode=40003).exists()
    assert await run(await enqueue(user, cause="match:2"), clients, redis) == PushStatus.UNREACHABLE
    stats = (await sandbox.get("/_sandbox/stats")).json()
    assert stats["calls"].get("cgi-bin/message/template/send") == 1


async def test_an_expired_token_is_refreshed_once_and_the_push_goes_out(clients, redis, sandbox):
    user = await make_user(oa_openid="o-token", follows_oa=True)
    await run(await enqueue(user), clients, redis)
    await sandbox.post("/_sandbox/expire-tokens")  # WeChat now answers 42001 to the cached token
    assert await run(await enqueue(user, cause="match:2"), clients, redis) == PushStatus.SENT
    stats = (await sandbox.get("/_sandbox/stats")).json()
    assert stats["calls"]["cgi-bin/stable_token"] == 2 and len(await outbox(sandbox)) == 2


async def test_transient_errors_back_off_and_45009_pauses_everyone(clients, redis, sandbox):
    user = await make_user(oa_openid="o-busy", follows_oa=True)
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/template/send", "errcode": -1})
    request = await enqueue(user)
    assert await run(request, clients, redis) == PushStatus.PENDING
    retry_at = (await PushRequest.get(id=request.id)).due_at
    assert retry_at - NOON >= timedelta(seconds=30)
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/template/send", "errcode": 45009})
    assert await run(request, clients, redis, now=retry_at) == PushStatus.PENDING
    other = await enqueue(await make_user(oa_openid="o-else", follows_oa=True), cause="match:9")
    [claimed] = await dispatch.claim(worker="t", now=retry_at)
    assert claimed.id == other.id
    status = await dispatch.dispatch_one(claimed, clients=clients, store=redis, mp_appid="wxmp", now=retry_at)
    assert status == PushStatus.PENDING and (await PushRequest.get(id=other.id)).last_error == "45009 pause"


async def test_a_receipt_updates_the_attempt(clients, redis, sandbox):
    user = await make_user(oa_openid="o-receipt", follows_oa=True)
    request = await enqueue(user)
    await run(request, clients, redis)
    [sent] = await outbox(sandbox)
    assert await dispatch.record_receipt(msgid=sent["id"], status="failed:user block")
    assert (await PushAttempt.get(request_id=request.id)).final_status == "failed:user block"
    assert (await PushRequest.get(id=request.id)).status == PushStatus.FAILED


async def test_two_dispatchers_racing_send_each_message_once(clients, redis, sandbox):
    users = [await make_user(oa_openid=f"o-race-{i}", follows_oa=True) for i in range(12)]
    for user in users:
        await enqueue(user, cause="match:race")
    handled = await asyncio.gather(*(dispatch.dispatch_batch(worker=f"w{i}", clients=clients, store=redis,
                                                             mp_appid="wxmp", limit=50, now=NOON) for i in range(2)))
    assert sum(handled) == 12
    assert sorted(m["touser"] for m in await outbox(sandbox)) == sorted(u.oa_openid for u in users)


async def test_a_dispatcher_cancelled_mid_send_loses_nothing_and_sends_nothing_twice(clients, redis, sandbox):
    users = [await make_user(oa_openid=f"o-cancel-{i}", follows_oa=True) for i in range(4)]
    for user in users:
        await enqueue(user, cause="match:cancel")
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/template/send", "delay": 0.3,
                                                 "times": 2})
    doomed = asyncio.create_task(dispatch.dispatch_batch(worker="doomed", clients=clients, store=redis,
                                                         mp_appid="wxmp", now=NOON, concurrency=2))
    for _ in range(200):  # kill the worker as soon as WeChat has taken its first message
        if await outbox(sandbox):
            break
        await asyncio.sleep(0.01)
    doomed.cancel()
    with pytest.raises(asyncio.CancelledError):
        await doomed
    assert await PushRequest.filter(status=PushStatus.SENDING).exists()  # rows it held, some perhaps sent
    later = NOON + dispatch.CLAIM_TIMEOUT + timedelta(seconds=1)
    assert await dispatch.dispatch_batch(worker="heir", clients=clients, store=redis, mp_appid="wxmp",
                                         now=later) > 0
    assert await PushRequest.filter(status=PushStatus.SENT).count() == 4
    # a message WeChat took before the kill is resent with the same client_msg_id and dropped there
    assert sorted(m["touser"] for m in await outbox(sandbox)) == sorted(u.oa_openid for u in users)


async def test_a_dispatcher_killed_mid_batch_loses_nothing(clients, redis, sandbox):
    users = [await make_user(oa_openid=f"o-kill-{i}", follows_oa=True) for i in range(3)]
    for user in users:
        await enqueue(user, cause="match:kill")
    claimed = await dispatch.claim(worker="doomed", now=NOON)
    assert len(claimed) == 3  # the worker dies here, holding three rows in `sending`
    assert await dispatch.claim(worker="heir", now=NOON + timedelta(minutes=1)) == []
    later = NOON + dispatch.CLAIM_TIMEOUT + timedelta(seconds=1)
    recovered = await dispatch.claim(worker="heir", now=later)
    for request in recovered:
        await dispatch.dispatch_one(request, clients=clients, store=redis, mp_appid="wxmp", now=later)
    assert len(recovered) == 3 and len(await outbox(sandbox)) == 3


async def test_quiet_hours_can_be_turned_off_for_a_test_backend_only() -> None:
    from server.settings import SettingsError, load_settings

    assert load_settings({"PUSH_QUIET_HOURS": "0"}).push_quiet_hours is False
    assert load_settings({}).push_quiet_hours is True
    with pytest.raises(SettingsError, match="PUSH_QUIET_HOURS"):
        load_settings({"APP_ENV": "prod", "PUSH_QUIET_HOURS": "0", "SECRET_KEY": "k" * 40,
                       "WECHAT_API_BASE": "https://api.weixin.qq.com", "WECHAT_OA_SECRET": "a" * 32,
                       "WECHAT_MP_SECRET": "b" * 32, "WECHAT_OA_TOKEN": "c" * 16, "REDIS_URL": "redis://x"})


async def test_without_quiet_hours_a_test_backend_sends_at_night(clients, redis, sandbox):
    user = await make_user(oa_openid="o-night-test", follows_oa=True)
    request = await enqueue(user)
    status = await dispatch.dispatch_one(request, clients=clients, store=redis, mp_appid="wx-mp", now=NIGHT,
                                         quiet_hours=False)
    assert status == PushStatus.SENT
