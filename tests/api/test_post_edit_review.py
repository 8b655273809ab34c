"""Editing a post: the new text is checked before anything is saved (issue 13 item 3)."""

from __future__ import annotations

import pytest

from server.models import Post
from server.models.enums import ReviewState
from tests.factories import SOIL_NEED, create_post, login_as

RISKY_BODY = "这里提供网络赌博渠道，联系我获取更多信息"


@pytest.fixture
async def citizen(client):
    headers, _user = await login_as(client, "editor1")
    return headers


async def test_risky_edit_is_refused_and_nothing_is_saved(client, citizen):
    post = await create_post(client, citizen)
    response = await client.patch(f"/api/v1/posts/{post['id']}",
                                  json={"title": "新的标题也不该保存", "body": RISKY_BODY}, headers=citizen)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "content_risky"
    stored = await Post.get(id=post["id"])
    assert (stored.title, stored.body) == (SOIL_NEED["title"], SOIL_NEED["body"])
    assert stored.review_state == ReviewState.PASSED


async def test_risky_edit_never_reaches_other_readers(client, citizen):
    post = await create_post(client, citizen)
    await client.patch(f"/api/v1/posts/{post['id']}", json={"body": RISKY_BODY}, headers=citizen)
    reader, _ = await login_as(client, "reader1")
    shown = await client.get(f"/api/v1/posts/{post['id']}", headers=reader)
    assert shown.status_code == 200
    assert shown.json()["post"]["body"] == SOIL_NEED["body"]


async def test_edit_held_for_review_is_saved_pending_and_hidden(client, citizen):
    post = await create_post(client, citizen)
    body = "屏山县二十亩李子园土壤酸化，想找专家指导，可以加微信详谈。"
    response = await client.patch(f"/api/v1/posts/{post['id']}", json={"body": body}, headers=citizen)
    assert response.status_code == 200
    assert response.json()["post"]["review_state"] == "pending"
    stored = await Post.get(id=post["id"])
    assert (stored.body, stored.review_state) == (body, ReviewState.PENDING)
    reader, _ = await login_as(client, "reader2")
    assert (await client.get(f"/api/v1/posts/{post['id']}", headers=reader)).status_code == 404


async def test_edit_without_text_changes_keeps_the_review(client, citizen):
    post = await create_post(client, citizen)
    response = await client.patch(f"/api/v1/posts/{post['id']}", json={"tags": ["土壤"]}, headers=citizen)
    assert response.status_code == 200
    assert (await Post.get(id=post["id"])).review_state == ReviewState.PASSED
