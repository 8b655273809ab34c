"""The WeChat sandbox itself: WeChat's shapes and errcodes, outbox, faults, stats."""

from __future__ import annotations

import asyncio
import time

import pytest

from server.settings import SANDBOX_OA_APPID, SANDBOX_OA_SECRET


async def _token(sandbox) -> str:
    answer = await sandbox.post("/cgi-bin/stable_token", json={"grant_type": "client_credential",
                                                               "appid": SANDBOX_OA_APPID, "secret": SANDBOX_OA_SECRET})
    body = answer.json()
    assert body["expires_in"] > 300
    return body["access_token"]


async def test_stable_token_is_stable_and_checks_credentials(sandbox):
    assert await _token(sandbox) == await _token(sandbox)
    wrong_app = await sandbox.post("/cgi-bin/stable_token", json={"appid": "nope", "secret": "x"})
    wrong_secret = await sandbox.post("/cgi-bin/stable_token", json={"appid": SANDBOX_OA_APPID, "secret": "x"})
    assert wrong_app.json()["errcode"] == 40013
    assert wrong_secret.json()["errcode"] == 40125


async def test_legacy_token_endpoint_issues_a_new_token(sandbox):
    first = await _token(sandbox)
    answer = await sandbox.get("/cgi-bin/token", params={"grant_type": "client_credential",
                                                         "appid": SANDBOX_OA_APPID, "secret": SANDBOX_OA_SECRET})
    assert answer.json()["access_token"] != first


async def test_protected_endpoints_check_the_token(sandbox):
    payload = {"touser": "o1", "msgtype": "text", "text": {"content": "hi"}}
    missing = await sandbox.post("/cgi-bin/message/custom/send", json=payload)
    assert missing.json()["errcode"] == 40001
    token = await _token(sandbox)
    await sandbox.post("/_sandbox/expire-tokens")
    expired = await sandbox.post("/cgi-bin/message/custom/send", params={"access_token": token}, json=payload)
    assert expired.json()["errcode"] == 42001


async def test_sends_land_in_the_outbox_with_filters(sandbox):
    token = await _token(sandbox)
    params = {"access_token": token}
    custom = await sandbox.post("/cgi-bin/message/custom/send", params=params,
                                json={"touser": "o1", "msgtype": "text", "text": {"content": "你好"}})
    template = await sandbox.post("/cgi-bin/message/template/send", params=params,
                                  json={"touser": "o2", "template_id": "T1", "data": {}})
    assert custom.json() == {"errcode": 0, "errmsg": "ok"}
    assert isinstance(template.json()["msgid"], int)
    everything = (await sandbox.get("/_sandbox/outbox")).json()["messages"]
    assert [m["touser"] for m in everything] == ["o1", "o2"]
    only = (await sandbox.get("/_sandbox/outbox", params={"touser": "o2"})).json()["messages"]
    assert only[0]["endpoint"] == "cgi-bin/message/template/send" and only[0]["payload"]["template_id"] == "T1"
    await sandbox.delete("/_sandbox/outbox")
    assert (await sandbox.get("/_sandbox/outbox")).json()["messages"] == []


async def test_template_client_msg_id_sends_once(sandbox):
    params = {"access_token": await _token(sandbox)}
    message = {"touser": "o-again", "template_id": "T1", "client_msg_id": "push-7-1764633600", "data": {}}
    first = await sandbox.post("/cgi-bin/message/template/send", params=params, json=message)
    again = await sandbox.post("/cgi-bin/message/template/send", params=params, json=message)
    other = await sandbox.post("/cgi-bin/message/template/send", params=params, json={**message, "touser": "o-b"})
    assert first.json()["errcode"] == again.json()["errcode"] == 0
    assert again.json()["msgid"] == first.json()["msgid"] != other.json()["msgid"]
    assert [m["touser"] for m in (await sandbox.get("/_sandbox/outbox")).json()["messages"]] == ["o-again", "o-b"]


async def test_send_validation(sandbox):
    params = {"access_token": await _token(sandbox)}
    no_user = await sandbox.post("/cgi-bin/message/template/send", params=params, json={"template_id": "T"})
    no_template = await sandbox.post("/cgi-bin/message/subscribe/send", params=params, json={"touser": "o"})
    bad_json = await sandbox.post("/cgi-bin/message/custom/send", params=params, content=b"{nope")
    assert no_user.json()["errcode"] == 40003
    assert no_template.json()["errcode"] == 40037
    assert bad_json.json()["errcode"] == 47001


async def test_login_codes(sandbox):
    from server.settings import SANDBOX_MP_APPID, SANDBOX_MP_SECRET

    params = {"appid": SANDBOX_MP_APPID, "secret": SANDBOX_MP_SECRET, "grant_type": "authorization_code"}
    good = await sandbox.get("/sns/jscode2session", params={**params, "js_code": "sandbox-zhang"})
    bad = await sandbox.get("/sns/jscode2session", params={**params, "js_code": "zhang"})
    assert good.json()["openid"] == "sandbox-zhang" and good.json()["unionid"] == "union-zhang"
    assert bad.json()["errcode"] == 40029


async def test_msg_sec_check_shapes(sandbox):
    params = {"access_token": await _token(sandbox)}
    ok = await sandbox.post("/wxa/msg_sec_check", params=params,
                            json={"content": "诈骗电话", "version": 2, "scene": 3, "openid": "o"})
    body = ok.json()
    assert body["errcode"] == 0 and body["result"]["suggest"] == "risky" and body["detail"][0]["keyword"] == "诈骗"
    bad_scene = await sandbox.post("/wxa/msg_sec_check", params=params,
                                   json={"content": "x", "version": 2, "scene": 9, "openid": "o"})
    assert bad_scene.json()["errcode"] == 40129


async def test_wxacode_validates_scene_and_page(sandbox):
    params = {"access_token": await _token(sandbox)}
    good = await sandbox.post("/wxa/getwxacodeunlimit", params=params, json={"scene": "c=1", "page": "pages/a/b"})
    assert good.headers["content-type"] == "image/png" and good.content.startswith(b"\x89PNG")
    for body in ({"scene": "中文"}, {"scene": "a" * 33}, {"scene": "ok", "page": "/pages/a"}):
        answer = await sandbox.post("/wxa/getwxacodeunlimit", params=params, json=body)
        assert answer.json()["errcode"] == 40097


async def test_faults_count_down_and_filter_by_user(sandbox):
    params = {"access_token": await _token(sandbox)}
    await sandbox.post("/_sandbox/faults", json={"endpoint": "cgi-bin/message/custom/send", "errcode": 45015,
                                                 "times": 2, "touser": "o1"})
    payload = {"msgtype": "text", "text": {"content": "x"}}
    other = await sandbox.post("/cgi-bin/message/custom/send", params=params, json={"touser": "o2", **payload})
    results = [(await sandbox.post("/cgi-bin/message/custom/send", params=params,
                                   json={"touser": "o1", **payload})).json()["errcode"] for _ in range(3)]
    assert other.json()["errcode"] == 0
    assert results == [45015, 45015, 0]
    assert len((await sandbox.get("/_sandbox/outbox")).json()["messages"]) == 2


async def test_slow_and_failing_answers(sandbox):
    await sandbox.post("/_sandbox/faults", json={"endpoint": "*", "delay": 0.5})
    started = time.perf_counter()
    await sandbox.get("/sns/jscode2session")
    assert time.perf_counter() - started >= 0.45
    await sandbox.post("/_sandbox/faults", json={"endpoint": "sns/jscode2session", "status": 503})
    assert (await sandbox.get("/sns/jscode2session")).status_code == 503


async def test_stats_and_reset(sandbox):
    await _token(sandbox)
    await asyncio.gather(*(sandbox.get("/sns/jscode2session") for _ in range(3)))
    calls = (await sandbox.get("/_sandbox/stats")).json()["calls"]
    assert calls["cgi-bin/stable_token"] == 1 and calls["sns/jscode2session"] == 3
    await sandbox.post("/_sandbox/reset")
    assert (await sandbox.get("/_sandbox/stats")).json()["calls"] == {}


@pytest.mark.parametrize("path", ["/cgi-bin/nothing", "/wxa/unknown"])
async def test_unknown_endpoints_are_404_json(sandbox, path):
    answer = await sandbox.post(path, json={})
    assert answer.status_code == 404 and answer.json()["errcode"] == 404
