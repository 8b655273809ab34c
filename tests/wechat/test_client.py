"""The async WeChat client against the sandbox over real HTTP."""

from __future__ import annotations

import asyncio

import pytest

from server.settings import SANDBOX_MP_APPID, SANDBOX_MP_SECRET
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError, WeChatUnavailable


@pytest.fixture
async def make_client(sandbox_url, redis):
    made: list[WeChatClient] = []

    def make(**overrides) -> WeChatClient:
        options = {"appid": SANDBOX_MP_APPID, "secret": SANDBOX_MP_SECRET, "base_url": sandbox_url,
                   "redis": redis, "timeout": 1.0, **overrides}
        client = WeChatClient(**options)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()


async def _calls(sandbox, path: str) -> int:
    return (await sandbox.get("/_sandbox/stats")).json()["calls"].get(path, 0)


async def test_two_clients_fetch_the_token_once_under_concurrency(make_client, sandbox):
    first, second = make_client(), make_client()
    tokens = await asyncio.gather(*(c.access_token() for c in (first, second) for _ in range(10)))
    assert len(set(tokens)) == 1
    assert await _calls(sandbox, "cgi-bin/stable_token") == 1


async def test_expired_token_is_refreshed_once(make_client, sandbox):
    client = make_client()
    await client.msg_sec_check(openid="sandbox-a", content="你好")
    await sandbox.post("/_sandbox/expire-tokens")
    assert await client.msg_sec_check(openid="sandbox-a", content="你好") == "pass"
    assert await _calls(sandbox, "cgi-bin/stable_token") == 2


async def test_persistent_token_error_gives_up_after_one_retry(make_client, sandbox):
    client = make_client()
    await sandbox.post("/_sandbox/faults", json={"endpoint": "wxa/msg_sec_check", "errcode": 42001, "times": 0})
    with pytest.raises(WeChatError) as caught:
        await client.msg_sec_check(openid="sandbox-a", content="你好")
    assert caught.value.errcode == 42001
    assert await _calls(sandbox, "wxa/msg_sec_check") == 2
    assert await _calls(sandbox, "cgi-bin/stable_token") == 2


@pytest.mark.parametrize(("errcode", "permanent"), [(43101, True), (40003, True), (45009, False), (-1, False),
                                                    (45015, False)])
async def test_errors_carry_the_permanent_flag(make_client, sandbox, errcode, permanent):
    client = make_client()
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/subscribe/send", "errcode": errcode})
    with pytest.raises(WeChatError) as caught:
        await client.send_subscribe_message({"touser": "sandbox-a", "template_id": "t", "data": {}})
    assert caught.value.errcode == errcode
    assert caught.value.permanent is permanent


async def test_slow_answer_is_unavailable_not_a_hang(make_client, sandbox):
    client = make_client(timeout=0.3)
    await sandbox.post("/_sandbox/faults", json={"endpoint": "sns/jscode2session", "delay": 2})
    with pytest.raises(WeChatUnavailable):
        await client.code2session("sandbox-slow")


async def test_http_failure_is_unavailable(make_client, sandbox):
    client = make_client()
    await sandbox.post("/_sandbox/faults", json={"endpoint": "sns/jscode2session", "status": 503})
    with pytest.raises(WeChatUnavailable) as caught:
        await client.code2session("sandbox-down")
    assert caught.value.permanent is False


async def test_unreachable_api_is_unavailable(redis):
    client = WeChatClient(appid="a", secret="s", base_url="http://127.0.0.1:1", redis=redis, timeout=0.5)
    try:
        with pytest.raises(WeChatUnavailable):
            await client.code2session("sandbox-x")
    finally:
        await client.aclose()


async def test_code2session(make_client):
    client = make_client()
    session = await client.code2session("sandbox-lily")
    assert (session.openid, session.unionid) == ("sandbox-lily", "union-lily")
    with pytest.raises(WeChatError) as caught:
        await client.code2session("forged")
    assert caught.value.errcode == 40029 and caught.value.permanent


async def test_wrong_secret_is_a_permanent_error(make_client):
    client = make_client(secret="wrong")
    with pytest.raises(WeChatError) as caught:
        await client.access_token()
    assert caught.value.errcode == 40125 and caught.value.permanent


@pytest.mark.parametrize(("content", "suggest"), [("请问土壤酸化怎么办", "pass"), ("可以代开发票", "review"),
                                                  ("网络赌博", "risky")])
async def test_msg_sec_check_suggestions(make_client, content, suggest):
    assert await make_client().msg_sec_check(openid="sandbox-a", content=content) == suggest


async def test_qrcode_is_a_png_and_bad_scenes_are_refused_locally(make_client, sandbox):
    client = make_client()
    image = await client.get_unlimited_qrcode(scene="c=abc123", page="pages/entry/index")
    assert image.startswith(b"\x89PNG")
    for bad in ("中文", "a" * 33, "a%20b", ""):
        with pytest.raises(ValueError):
            await client.get_unlimited_qrcode(scene=bad)
    assert await _calls(sandbox, "wxa/getwxacodeunlimit") == 1
