"""Login through the sandbox, sessions, expiry, forged tokens."""

from __future__ import annotations

import uuid

from server import redis_keys
from server.app import create_app, start_resources, stop_resources
from server.models import User
from tests.factories import auth, login


async def test_new_user_logs_in_and_is_created(client, sandbox):
    data = await login(client, "alice")
    assert data["created"] is True
    assert data["user"]["role"] == "citizen"
    user = await User.get(id=data["user"]["id"])
    assert user.mp_openid == "sandbox-alice"
    assert user.unionid == "union-alice"
    assert user.last_seen_at is not None


async def test_returning_user_gets_same_account(client):
    first = await login(client, "bob")
    second = await login(client, "bob")
    assert second["created"] is False
    assert second["user"]["id"] == first["user"]["id"]
    assert second["token"] != first["token"]
    assert await User.filter(mp_openid="sandbox-bob").count() == 1


async def test_bad_code_is_a_clear_400(client):
    response = await client.post("/api/v1/auth/login", json={"code": "not-a-real-code"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_code"
    assert "重新" in response.json()["error"]["message"]


async def test_empty_code_is_a_field_error(client):
    response = await client.post("/api/v1/auth/login", json={"code": "   "})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "code"


async def test_token_opens_me(client):
    data = await login(client, "carol")
    response = await client.get("/api/v1/me", headers=auth(data["token"]))
    assert response.status_code == 200
    assert response.json()["user"]["id"] == data["user"]["id"]


async def test_missing_token_is_401(client):
    response = await client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "missing_token"


async def test_forged_token_is_401(client):
    data = await login(client, "dave")
    token_id, _, _sig = data["token"].partition(".")
    for forged in (f"{token_id}.AAAAAAAAAAAAAAAAAAAAAAAA", "garbage", f"{uuid.uuid4().hex}.x"):
        response = await client.get("/api/v1/me", headers=auth(forged))
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_token"


async def test_token_signed_with_another_key_is_401(settings, redis, client):
    other = create_app(settings.with_(secret_key="another-secret-key-" + "y" * 32), name="kjy_other")
    await start_resources(other, redis=redis)
    try:
        other.asgi = True
        await other._startup()
        import httpx

        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=other), base_url="http://o") as c2:
            data = await login(c2, "erin")
    finally:
        await stop_resources(other)
    response = await client.get("/api/v1/me", headers=auth(data["token"]))
    assert response.status_code == 401


async def test_token_expires(client, settings, redis):
    data = await login(client, "frank")
    headers = auth(data["token"])
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    name = redis_keys.key(redis_keys.SESSION, token_id=data["token"].partition(".")[0])
    # The store holds the session for session_ttl (slid on use) and drops it when the time is up:
    # bring that moment forward instead of waiting for it.
    assert settings.session_ttl - 60 < await redis.ttl(name) <= settings.session_ttl
    await redis.expire(name, 0)
    response = await client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "session_expired"


async def test_logout_ends_the_session(client):
    data = await login(client, "grace")
    headers = auth(data["token"])
    assert (await client.post("/api/v1/auth/logout", headers=headers)).status_code == 200
    response = await client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401


async def test_login_while_wechat_is_down_is_503(client, sandbox):
    await sandbox.post("/_sandbox/faults", json={"endpoint": "sns/jscode2session", "status": 503, "times": 0})
    response = await client.post("/api/v1/auth/login", json={"code": "sandbox-henry"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "upstream_unavailable"
    assert await User.filter(mp_openid="sandbox-henry").count() == 0
