"""GET/PATCH /api/v1/me: profile and the role rules."""

from __future__ import annotations

import pytest

from server.models import User
from tests.factories import auth, login


@pytest.fixture
async def me(client):
    data = await login(client, "profile")
    return auth(data["token"]), data["user"]["id"]


async def test_scientist_needs_discipline_and_organisation(client, me):
    headers, _ = me
    response = await client.patch("/api/v1/me", json={"role": "scientist"}, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "discipline"
    response = await client.patch("/api/v1/me", json={"role": "scientist", "discipline": "植物营养"},
                                  headers=headers)
    assert response.json()["error"]["field"] == "organisation"
    response = await client.patch("/api/v1/me", json={"role": "scientist", "discipline": "植物营养",
                                                      "organisation": "四川农业大学", "title": "教授"},
                                  headers=headers)
    assert response.status_code == 200
    assert response.json()["user"]["role"] == "scientist"


async def test_organisation_needs_its_name(client, me):
    headers, user_id = me
    response = await client.patch("/api/v1/me", json={"role": "organisation"}, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "organisation"
    assert (await User.get(id=user_id)).role == "citizen"


@pytest.mark.parametrize("role", ["staff", "admin"])
async def test_staff_and_admin_cannot_be_self_chosen(client, me, role):
    headers, user_id = me
    response = await client.patch("/api/v1/me", json={"role": role}, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["field"] == "role"
    assert (await User.get(id=user_id)).role == "citizen"


async def test_profile_fields_region_and_interests(client, me):
    headers, _ = me
    response = await client.patch("/api/v1/me", json={"name": " 张三 ", "region_code": "510104",
                                                      "interests": ["农业", "农业", "地震"]}, headers=headers)
    user = response.json()["user"]
    assert user["name"] == "张三"
    assert user["region_code"] == "510104"
    assert user["interests"] == ["农业", "地震"]


@pytest.mark.parametrize(("body", "field"), [
    ({"region_code": "123456"}, "region_code"),
    ({"name": "名" * 33}, "name"),
    ({"interests": ["兴趣" * 7]}, "interests"),
    ({"interests": [str(i) for i in range(11)]}, "interests"),
    ({"role": "king"}, "role"),
    ({"name": 5}, "name"),
])
async def test_bad_profile_changes_are_refused(client, me, body, field):
    headers, _ = me
    response = await client.patch("/api/v1/me", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


async def test_a_staff_member_keeps_the_role_when_editing_the_profile(client, me):
    headers, user_id = me
    await User.filter(id=user_id).update(role="staff")
    response = await client.patch("/api/v1/me", json={"name": "王科服"}, headers=headers)
    assert response.status_code == 200
    assert response.json()["user"]["role"] == "staff"
    response = await client.patch("/api/v1/me", json={"role": "citizen"}, headers=headers)
    assert response.status_code == 403
