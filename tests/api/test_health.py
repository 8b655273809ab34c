"""GET /healthz, regions and the OpenAPI document."""

from __future__ import annotations

from server.app import create_app
from tests.factories import login_as


async def test_healthz_reports_database_and_redis(client):
    response = await client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] is True and body["redis"] is True


async def test_healthz_is_503_when_redis_is_down(client, app, redis, settings):
    from server import cache

    broken = cache.connect(settings.with_(redis_url="redis://127.0.0.1:1/0"))
    app.ctx.redis = broken
    try:
        response = await client.get("/healthz")
    finally:
        app.ctx.redis = redis
        await broken.aclose()
    assert response.status_code == 503
    assert response.json()["redis"] is False and response.json()["database"] is True


async def test_region_picker_walks_province_city_county(client):
    headers, _ = await login_as(client, "picker")
    provinces = (await client.get("/api/v1/regions", headers=headers)).json()["regions"]
    assert {"code": "510000", "name": "四川省", "level": "province", "parent_code": None} in provinces
    assert len(provinces) == 31
    cities = (await client.get("/api/v1/regions", params={"parent": "510000"}, headers=headers)).json()
    assert "成都市" in [c["name"] for c in cities["regions"]]
    counties = (await client.get("/api/v1/regions", params={"parent": "510100"}, headers=headers)).json()
    assert "锦江区" in [c["name"] for c in counties["regions"]]
    path = (await client.get("/api/v1/regions/510104", headers=headers)).json()["regions"]
    assert [r["name"] for r in path] == ["四川省", "成都市", "锦江区"]
    assert (await client.get("/api/v1/regions/999999", headers=headers)).status_code == 422


async def test_openapi_lists_every_api_route(client, settings):
    response = await client.get("/docs/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    app = create_app(settings, name="kjy_routes")
    api_routes = {"/" + r.path for r in app.router.routes if r.path.startswith("api/")}
    documented = {p.replace("{", "<").replace("}", ">") for p in spec["paths"]}
    for route in api_routes:
        normalised = route.replace(":int", "").replace(":str", "")
        assert any(normalised == d.split(":")[0] or normalised == d for d in documented), route
    login = spec["paths"]["/api/v1/auth/login"]["post"]
    assert "requestBody" in login
    assert "200" in login["responses"]
