"""A QR code's region becomes the person's default region; regions outside 四川省 are refused (issue 16 item 3)."""

from __future__ import annotations

from server.models import User
from tests.factories import SOIL_NEED, auth, create_post, login, login_as

OUTSIDE = "110101"  # 北京市东城区


async def campaign_in(client, region_code: str = "511523") -> dict:  # 江安县
    admin, _ = await login_as(client, "region-admin", "admin")
    response = await client.post("/api/v1/admin/campaigns", json={"region_code": region_code}, headers=admin)
    assert response.status_code == 201, response.text
    return response.json()["campaign"]


async def test_scanning_a_campaign_code_sets_the_users_region(client):
    campaign = await campaign_in(client)
    data = await login(client, "jiangan-farmer", scene=campaign["scene"])
    assert data["user"]["region_code"] == "511523"
    me = await client.get("/api/v1/me", headers=auth(data["token"]))
    assert me.json()["user"]["region_code"] == "511523"


async def test_a_region_the_user_chose_is_kept(client):
    campaign = await campaign_in(client)
    await login_as(client, "chengdu-resident", region_id="510104")
    data = await login(client, "chengdu-resident", scene=campaign["scene"])
    assert data["user"]["region_code"] == "510104"


async def test_the_campaign_region_can_be_changed(client):
    campaign = await campaign_in(client)
    data = await login(client, "mover", scene=campaign["scene"])
    response = await client.patch("/api/v1/me", json={"region_code": "511502"}, headers=auth(data["token"]))
    assert response.status_code == 200 and response.json()["user"]["region_code"] == "511502"
    again = await login(client, "mover", scene=campaign["scene"])
    assert again["user"]["region_code"] == "511502"


async def test_an_unknown_scene_sets_no_region(client):
    data = await login(client, "no-campaign-region", scene="cunknown2")
    assert data["user"]["region_code"] is None


async def test_a_post_outside_the_province_is_refused_with_a_clear_message(client):
    headers, _ = await login_as(client, "beijing-poster")
    response = await client.post("/api/v1/posts", json={**SOIL_NEED, "region_code": OUTSIDE}, headers=headers)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == "region_code" and error["message"] == "本平台只服务四川省，请选择四川省内的地区"


async def test_editing_a_post_into_another_province_is_refused(client):
    headers, _ = await login_as(client, "edit-poster")
    post = await create_post(client, headers)
    response = await client.patch(f"/api/v1/posts/{post['id']}", json={"region_code": OUTSIDE}, headers=headers)
    assert response.status_code == 422 and response.json()["error"]["field"] == "region_code"


async def test_a_profile_region_outside_the_province_is_refused(client):
    headers, user = await login_as(client, "beijing-profile")
    response = await client.patch("/api/v1/me", json={"region_code": OUTSIDE}, headers=headers)
    assert response.status_code == 422 and "四川省" in response.json()["error"]["message"]
    assert (await User.get(id=user.id)).region_id is None


async def test_a_campaign_outside_the_province_is_refused(client):
    admin, _ = await login_as(client, "region-admin-2", "admin")
    response = await client.post("/api/v1/admin/campaigns", json={"region_code": OUTSIDE}, headers=admin)
    assert response.status_code == 422 and response.json()["error"]["field"] == "region_code"


async def test_the_province_itself_and_its_counties_are_accepted(client):
    headers, _ = await login_as(client, "province-poster")
    for code in ("510000", "511523"):
        await create_post(client, headers, region_code=code, title=f"地区{code}的需求")
