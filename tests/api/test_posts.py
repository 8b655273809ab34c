"""Posts: every validation rule, ownership, pagination, region filters, content checks."""

from __future__ import annotations

import pytest

from server.models import Post
from server.models.enums import ReviewState
from tests.factories import SOIL_NEED, create_post, login_as


@pytest.fixture
async def citizen(client):
    headers, _user = await login_as(client, "citizen1")
    return headers


async def test_citizen_posts_a_need_and_reads_it_back(client, citizen):
    post = await create_post(client, citizen)
    assert post["status"] == "published"
    assert post["region_name"] == "屏山县"
    assert post["review_state"] == "passed"
    response = await client.get(f"/api/v1/posts/{post['id']}", headers=citizen)
    assert response.status_code == 200
    assert response.json()["post"]["title"] == SOIL_NEED["title"]
    assert await Post.filter(id=post["id"]).exists()


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"title": ""}, "title", "不能为空"),
    ({"title": "   \t "}, "title", "不能为空"),
    ({"title": "李子"}, "title", "至少 4 个字"),
    ({"title": "李" * 41}, "title", "不能超过 40 个字"),
    ({"body": "　 \n"}, "body", "不能为空"),
    ({"body": "太短了"}, "body", "至少 10 个字"),
    ({"body": "酸" * 2001}, "body", "不能超过 2000 个字"),
    ({"region_code": "999999"}, "region_code", "地区代码不存在"),
    ({"region_code": "abc"}, "region_code", "地区代码不存在"),
    ({"tags": ["a", "b", "c", "d", "e", "f"]}, "tags", "最多 5 个"),
    ({"tags": ["土壤改良土壤改良土壤改良土"]}, "tags", "不超过 12 个字"),
    ({"tags": [" "]}, "tags", "不能为空"),
    ({"offer_type": "service"}, "offer_type", "只有「我能提供」"),
    ({"scene": "中文场景"}, "scene", "二维码参数无效"),
    ({"kind": "rumour"}, "kind", "取值不在允许范围内"),
    ({"title": 123}, "title", "应为文本"),
    ({"tags": "土壤"}, "tags", "应为列表"),
])
async def test_invalid_posts_are_refused_with_a_field_message(client, citizen, change, field, words):
    response = await client.post("/api/v1/posts", json={**SOIL_NEED, **change}, headers=citizen)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == field
    assert words in error["message"]
    assert await Post.all().count() == 0


async def test_missing_field_is_named(client, citizen):
    body = {k: v for k, v in SOIL_NEED.items() if k != "title"}
    response = await client.post("/api/v1/posts", json=body, headers=citizen)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "title"


async def test_unknown_field_is_refused(client, citizen):
    response = await client.post("/api/v1/posts", json={**SOIL_NEED, "author_id": 1}, headers=citizen)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "author_id"


async def test_title_and_body_are_trimmed(client, citizen):
    post = await create_post(client, citizen, title="  李子园土壤改良  ", tags=["李子", "李子", " 土壤 "])
    assert post["title"] == "李子园土壤改良"
    assert post["tags"] == ["李子", "土壤"]


@pytest.mark.parametrize(("role", "kind", "allowed"), [
    ("citizen", "need", True), ("citizen", "question", True), ("citizen", "offer", False),
    ("organisation", "need", True), ("organisation", "offer", False),
    ("scientist", "offer", True), ("scientist", "need", True), ("scientist", "question", False),
])
async def test_kinds_a_role_may_post(client, role, kind, allowed):
    headers, _ = await login_as(client, f"kind-{role}-{kind}", role)
    response = await client.post("/api/v1/posts", json={**SOIL_NEED, "kind": kind}, headers=headers)
    assert (response.status_code == 201) is allowed, response.text
    if not allowed:
        assert response.status_code == 403
        assert response.json()["error"]["field"] == "kind"


async def test_offer_defaults_to_service_type(client):
    headers, _ = await login_as(client, "sci", "scientist")
    post = await create_post(client, headers, kind="offer", title="酸性土壤改良技术服务")
    assert post["offer_type"] == "service"
    post = await create_post(client, headers, kind="offer", offer_type="achievement", title="土壤调理剂成果")
    assert post["offer_type"] == "achievement"


async def test_author_edits_own_post(client, citizen):
    post = await create_post(client, citizen)
    response = await client.patch(f"/api/v1/posts/{post['id']}", json={"title": "李子园土壤板结求助"},
                                  headers=citizen)
    assert response.status_code == 200
    assert response.json()["post"]["title"] == "李子园土壤板结求助"


async def test_edit_is_validated(client, citizen):
    post = await create_post(client, citizen)
    response = await client.patch(f"/api/v1/posts/{post['id']}", json={"body": "短"}, headers=citizen)
    assert response.status_code == 422
    assert (await Post.get(id=post["id"])).body == SOIL_NEED["body"]


async def test_stranger_cannot_edit_or_withdraw_and_gets_404(client, citizen):
    post = await create_post(client, citizen)
    stranger, _ = await login_as(client, "stranger")
    edit = await client.patch(f"/api/v1/posts/{post['id']}", json={"title": "被别人改掉的标题"}, headers=stranger)
    withdraw = await client.post(f"/api/v1/posts/{post['id']}/withdraw", json={}, headers=stranger)
    missing = await client.patch("/api/v1/posts/999999", json={"title": "不存在的帖子"}, headers=stranger)
    assert edit.status_code == withdraw.status_code == missing.status_code == 404
    assert edit.json() == missing.json()
    assert (await Post.get(id=post["id"])).status == "published"


async def test_withdraw_closes_hides_and_is_idempotent(client, citizen):
    post = await create_post(client, citizen)
    first = await client.post(f"/api/v1/posts/{post['id']}/withdraw", json={"reason": "已解决"}, headers=citizen)
    again = await client.post(f"/api/v1/posts/{post['id']}/withdraw", headers=citizen)
    assert first.status_code == again.status_code == 200
    assert first.json()["post"]["status"] == "closed"
    assert "已解决" in first.json()["post"]["close_reason"]
    other, _ = await login_as(client, "reader")
    assert (await client.get(f"/api/v1/posts/{post['id']}", headers=other)).status_code == 404
    edit = await client.patch(f"/api/v1/posts/{post['id']}", json={"title": "再改一次标题"}, headers=citizen)
    assert edit.status_code == 409


async def test_pagination_walks_every_post_once(client, citizen):
    ids = [(await create_post(client, citizen, title=f"李子园问题第{i}号"))["id"] for i in range(7)]
    seen, cursor = [], None
    while True:
        params = {"mine": "1", "limit": "3", **({"cursor": str(cursor)} if cursor else {})}
        page = (await client.get("/api/v1/posts", params=params, headers=citizen)).json()
        seen += [p["id"] for p in page["posts"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(ids, reverse=True)


@pytest.mark.parametrize("limit", ["0", "51", "abc"])
async def test_bad_page_size_is_refused(client, citizen, limit):
    response = await client.get("/api/v1/posts", params={"limit": limit}, headers=citizen)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "limit"


async def test_region_filter_follows_the_hierarchy(client, citizen):
    jinjiang = await create_post(client, citizen, region_code="510104", title="锦江区的一个需求")
    chengdu = await create_post(client, citizen, region_code="510100", title="成都市的一个需求")
    mianyang = await create_post(client, citizen, region_code="510703", title="绵阳涪城区的需求")

    async def ids(code: str) -> set[int]:
        page = await client.get("/api/v1/posts", params={"region_code": code}, headers=citizen)
        assert page.status_code == 200
        return {p["id"] for p in page.json()["posts"]}

    assert await ids("510100") == {jinjiang["id"], chengdu["id"]}
    assert await ids("510104") == {jinjiang["id"]}
    assert await ids("510000") == {jinjiang["id"], chengdu["id"], mianyang["id"]}
    assert await ids("51") == {jinjiang["id"], chengdu["id"], mianyang["id"]}


async def test_kind_and_status_filters(client, citizen):
    need = await create_post(client, citizen)
    question = await create_post(client, citizen, kind="question", title="地震时应该怎么避险")
    await client.post(f"/api/v1/posts/{need['id']}/withdraw", headers=citizen)
    page = (await client.get("/api/v1/posts", params={"kind": "question"}, headers=citizen)).json()
    assert [p["id"] for p in page["posts"]] == [question["id"]]
    page = (await client.get("/api/v1/posts", params={"mine": "1", "status": "closed"}, headers=citizen)).json()
    assert [p["id"] for p in page["posts"]] == [need["id"]]


async def test_risky_text_is_refused(client, citizen):
    risky = {**SOIL_NEED, "body": "这里提供网络赌博渠道，联系我获取更多信息"}
    response = await client.post("/api/v1/posts", json=risky, headers=citizen)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "content_risky"
    assert await Post.all().count() == 0


async def test_wechat_outage_keeps_the_post_for_review(client, citizen, sandbox):
    await sandbox.post("/_sandbox/faults", json={"endpoint": "wxa/msg_sec_check", "status": 503, "times": 0})
    post = await create_post(client, citizen)
    assert post["review_state"] == "pending"
    assert (await Post.get(id=post["id"])).review_state == ReviewState.PENDING
    other, _ = await login_as(client, "other-reader")
    assert (await client.get(f"/api/v1/posts/{post['id']}", headers=other)).status_code == 404
    assert (await client.get(f"/api/v1/posts/{post['id']}", headers=citizen)).status_code == 200


async def test_slow_content_check_still_keeps_the_post(client, citizen, sandbox):
    await sandbox.post("/_sandbox/faults", json={"endpoint": "wxa/msg_sec_check", "delay": 8, "times": 0})
    post = await create_post(client, citizen)
    assert post["review_state"] == "pending"


async def test_idempotency_key_makes_a_retry_safe(client, citizen):
    headers = {**citizen, "Idempotency-Key": "retry-1"}
    first = await client.post("/api/v1/posts", json=SOIL_NEED, headers=headers)
    second = await client.post("/api/v1/posts", json=SOIL_NEED, headers=headers)
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["post"]["id"] == second.json()["post"]["id"]
    assert await Post.all().count() == 1
