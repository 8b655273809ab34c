"""Admin: roles, QR-code campaigns and the campaign trail, reviews."""

from __future__ import annotations

import pytest

from server.models import Campaign, Post, User
from tests.factories import auth, create_post, login, login_as


@pytest.fixture
async def admin(client):
    headers, user = await login_as(client, "admin", "admin")
    return headers


async def test_admin_grants_staff_role(client, admin):
    target = await login(client, "future-staff")
    response = await client.patch(f"/api/v1/admin/users/{target['user']['id']}", json={"role": "staff"},
                                  headers=admin)
    assert response.status_code == 200
    assert (await User.get(id=target["user"]["id"])).role == "staff"


async def test_non_admin_cannot_reach_admin_routes(client):
    headers, _ = await login_as(client, "staffer", "staff")
    for method, path in (("get", "/api/v1/admin/users"), ("post", "/api/v1/admin/campaigns"),
                         ("patch", "/api/v1/admin/users/1")):
        response = await getattr(client, method)(path, headers=headers, **({} if method == "get" else {"json": {}}))
        assert response.status_code == 403, path


async def test_campaign_scene_follows_login_and_posts(client, admin, sandbox):
    staff, staff_user = await login_as(client, "referrer", "staff")
    response = await client.post("/api/v1/admin/campaigns", json={"region_code": "511529",
                                                                  "staff_id": staff_user.id,
                                                                  "note": "屏山县李子产业宣讲会"}, headers=admin)
    assert response.status_code == 201
    campaign = response.json()["campaign"]
    assert len(campaign["scene"]) <= 32
    data = await login(client, "orchard-owner", scene=campaign["scene"])
    assert data["user"]["campaign_id"] == campaign["id"]
    post = await create_post(client, auth(data["token"]))
    assert post["campaign_id"] == campaign["id"]
    stored = await Post.get(id=post["id"])
    assert stored.source_scene == campaign["scene"]
    again = await login(client, "orchard-owner", scene="cother")
    assert again["user"]["campaign_id"] == campaign["id"]  # first arrival is kept


async def test_post_scene_overrides_and_unknown_scene_is_kept(client):
    headers, _ = await login_as(client, "no-campaign")
    post = await create_post(client, headers, scene="cunknown1")
    assert post["campaign_id"] is None
    assert (await Post.get(id=post["id"])).source_scene == "cunknown1"


async def test_campaign_qrcode_is_a_png_from_wechat(client, admin, sandbox):
    campaign = (await client.post("/api/v1/admin/campaigns", json={"region_code": "510100"},
                                  headers=admin)).json()["campaign"]
    response = await client.get(f"/api/v1/admin/campaigns/{campaign['id']}/qrcode", headers=admin)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    calls = (await sandbox.get("/_sandbox/stats")).json()["calls"]
    assert calls.get("wxa/getwxacodeunlimit") == 1


async def test_campaign_needs_real_region_and_staff(client, admin):
    citizen, citizen_user = await login_as(client, "plain")
    bad_region = await client.post("/api/v1/admin/campaigns", json={"region_code": "000000"}, headers=admin)
    bad_staff = await client.post("/api/v1/admin/campaigns", json={"region_code": "510100",
                                                                   "staff_id": citizen_user.id}, headers=admin)
    assert bad_region.status_code == bad_staff.status_code == 422
    assert bad_staff.json()["error"]["field"] == "staff_id"
    assert await Campaign.all().count() == 0


async def test_held_post_is_released_by_review(client, admin, sandbox):
    await sandbox.post("/_sandbox/faults", json={"endpoint": "wxa/msg_sec_check", "status": 503, "times": 0})
    headers, _ = await login_as(client, "held")
    post = await create_post(client, headers)
    reader, _ = await login_as(client, "reader2")
    assert (await client.get(f"/api/v1/posts/{post['id']}", headers=reader)).status_code == 404
    response = await client.post(f"/api/v1/admin/posts/{post['id']}/review", json={"approve": True},
                                 headers=admin)
    assert response.status_code == 200
    assert (await client.get(f"/api/v1/posts/{post['id']}", headers=reader)).status_code == 200
