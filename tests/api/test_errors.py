"""Bad input never produces a 500: malformed JSON, wrong types, oversize bodies, unknown routes."""

from __future__ import annotations

import pytest

from server.models import Post
from tests.factories import SOIL_NEED, login_as


@pytest.fixture
async def headers(client):
    headers, _ = await login_as(client, "errors")
    return {**headers, "Content-Type": "application/json"}


@pytest.mark.parametrize("raw", [b"{", b"not json", b"\xff\xfe", b"", b"[1, 2]", b'"text"', b"null"])
async def test_malformed_json_is_400(client, headers, raw):
    response = await client.post("/api/v1/posts", content=raw, headers=headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_json"


@pytest.mark.parametrize(("field", "value"), [("title", ["x"]), ("body", {"a": 1}), ("region_code", 510104),
                                              ("tags", [1, 2]), ("kind", None)])
async def test_wrong_types_are_422_naming_the_field(client, headers, field, value):
    response = await client.post("/api/v1/posts", json={**SOIL_NEED, field: value}, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"].split(".")[0] == field


async def test_oversize_body_is_413_and_stores_nothing(client, headers):
    response = await client.post("/api/v1/posts", json={**SOIL_NEED, "body": "土" * 70_000}, headers=headers)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert await Post.all().count() == 0


async def test_unknown_route_and_method_are_json(client, headers):
    missing = await client.get("/api/v1/nothing-here", headers=headers)
    wrong_method = await client.delete("/api/v1/me", headers=headers)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert wrong_method.status_code == 405 and wrong_method.json()["error"]["code"] == "method_not_allowed"


async def test_huge_post_id_is_404_not_500(client, headers):
    response = await client.get("/api/v1/posts/99999999999999999999", headers=headers)
    assert response.status_code == 404


async def test_redis_going_away_is_503_not_500(client, headers, app, redis, settings):
    from server import cache

    broken = cache.connect(settings.with_(redis_url="redis://127.0.0.1:1/0"))
    app.ctx.redis = broken
    try:
        response = await client.get("/api/v1/me", headers=headers)
    finally:
        app.ctx.redis = redis
        await broken.aclose()
    assert response.status_code == 503
    assert "message" in response.json()["error"]
