"""The access_token is shared by app instances, and a stale one is refreshed once."""

from __future__ import annotations

import asyncio

import httpx

from server.app import create_app, start_resources, stop_resources
from tests.factories import create_post, login_as


async def _second_client(settings, redis):
    other = create_app(settings, name="kjy_second")
    await start_resources(other, redis=redis)
    other.asgi = True
    await other._startup()
    return other, httpx.AsyncClient(transport=httpx.ASGITransport(app=other), base_url="http://second")


async def test_two_app_instances_fetch_the_token_once(client, settings, redis, sandbox):
    other, second = await _second_client(settings, redis)
    try:
        first_headers, _ = await login_as(client, "token-a")
        second_headers, _ = await login_as(second, "token-b")
        await asyncio.gather(*(create_post(client, first_headers, title=f"第一实例需求{i}") for i in range(5)),
                             *(create_post(second, second_headers, title=f"第二实例需求{i}") for i in range(5)))
    finally:
        await second.aclose()
        await stop_resources(other)
    calls = (await sandbox.get("/_sandbox/stats")).json()["calls"]
    assert calls.get("cgi-bin/stable_token") == 1
    assert calls.get("wxa/msg_sec_check") == 10


async def test_expired_token_is_refreshed_once_and_the_post_passes(client, sandbox):
    headers, _ = await login_as(client, "token-c")
    await create_post(client, headers)
    await sandbox.post("/_sandbox/expire-tokens")
    post = await create_post(client, headers, title="令牌过期后的需求")
    assert post["review_state"] == "passed"
    calls = (await sandbox.get("/_sandbox/stats")).json()["calls"]
    assert calls.get("cgi-bin/stable_token") == 2


async def test_40001_is_retried_once(client, sandbox):
    headers, _ = await login_as(client, "token-d")
    await create_post(client, headers)
    await sandbox.post("/_sandbox/faults", json={"endpoint": "wxa/msg_sec_check", "errcode": 40001, "times": 1})
    post = await create_post(client, headers, title="40001之后的需求")
    assert post["review_state"] == "passed"
    calls = (await sandbox.get("/_sandbox/stats")).json()["calls"]
    assert calls.get("wxa/msg_sec_check") == 3
