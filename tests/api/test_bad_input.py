"""Bad input gets a clear 4xx with the contract's error body, never a 5xx (issue 13 items 8 and 9)."""

from __future__ import annotations

import pytest

from server.models import Post, User
from tests.factories import SOIL_NEED, create_post, login_as


@pytest.fixture
async def citizen(client):
    headers, _user = await login_as(client, "bad-input")
    return headers


def assert_contract_error(answer, status: int, field: str | None = None) -> None:
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert set(error) >= {"code", "message", "field"}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])
    if field is not None:
        assert error["field"] == field


@pytest.mark.parametrize("token", ["12.é", "é.é", "abc.\u00ff", "x" * 5000 + ".y"])
async def test_non_ascii_or_huge_bearer_token_is_401(client, token):
    answer = await client.get("/api/v1/me", headers={"Authorization": b"Bearer " + token.encode()})
    assert_contract_error(answer, 401)


async def test_unicode_digit_before_is_422(client, citizen):
    post = await create_post(client, citizen)
    ticket_id = (await client.get(f"/api/v1/posts/{post['id']}", headers=citizen)).json()["post"]["ticket_id"]
    for before in ("²", "٤", "１", "2147483648"):
        answer = await client.get(f"/api/v1/tickets/{ticket_id}/messages", params={"before": before}, headers=citizen)
        assert_contract_error(answer, 422, "before")


@pytest.mark.parametrize("cursor", ["2147483648", "99999999999999999999", "²", "-1", "0"])
async def test_cursor_out_of_range_is_422(client, citizen, cursor):
    answer = await client.get("/api/v1/posts", params={"cursor": cursor}, headers=citizen)
    assert_contract_error(answer, 422, "cursor")


@pytest.mark.parametrize("url", ["/api/v1/admin/users", "/api/v1/admin/campaigns", "/api/v1/articles"])
async def test_page_cursors_share_the_id_range(client, url):
    admin, _ = await login_as(client, "bad-admin", "admin")
    answer = await client.get(url, params={"cursor": "2147483648"}, headers=admin)
    assert_contract_error(answer, 422, "cursor")


@pytest.mark.parametrize(("field", "value"), [("to_user_id", 2**31), ("staff_id", 2**40)])
async def test_ids_in_bodies_share_the_id_range(client, field, value):
    admin, _ = await login_as(client, "bad-admin2", "admin")
    if field == "staff_id":
        answer = await client.post("/api/v1/admin/campaigns", json={"region_code": "511500", field: value},
                                   headers=admin)
    else:
        answer = await client.post("/api/v1/staff/tickets/1/handover", json={field: value, "note": "交接"},
                                   headers=admin)
    assert_contract_error(answer, 422, field)


async def test_nul_in_login_code_is_a_clear_refusal(client):
    answer = await client.post("/api/v1/auth/login", json={"code": "sandbox-nul\u0000x"})
    assert_contract_error(answer, 422, "code")


async def test_nul_and_hidden_characters_are_stripped_from_post_text(client, citizen):
    title = "李子园\u0000土壤\u200b酸化\u202e怎么\u001b改良\u0007"
    body = SOIL_NEED["body"] + "\u0000\u2066隐藏\u2069"
    post = await create_post(client, citizen, title=title, body=body, tags=["土壤\u200d改良"])
    stored = await Post.get(id=post["id"])
    assert stored.title == "李子园土壤酸化怎么改良"
    assert stored.body == SOIL_NEED["body"] + "隐藏"
    assert stored.tags == ["土壤改良"]


async def test_body_keeps_its_line_breaks(client, citizen):
    body = "第一行说明土壤情况。\r\n第二行说明种植面积和年限。"
    post = await create_post(client, citizen, body=body)
    assert (await Post.get(id=post["id"])).body == "第一行说明土壤情况。\n第二行说明种植面积和年限。"


async def test_hidden_characters_are_stripped_from_names(client, citizen):
    answer = await client.patch("/api/v1/me", json={"name": "\u202e张\u200b三\u0000", "organisation": "川农\u0007大"},
                                headers=citizen)
    assert answer.status_code == 200, answer.text
    user = await User.get(id=answer.json()["user"]["id"])
    assert (user.name, user.organisation) == ("张三", "川农大")


async def test_a_title_of_only_hidden_characters_is_a_field_error(client, citizen):
    answer = await client.post("/api/v1/posts", json={**SOIL_NEED, "title": "\u200b\u200b\u200b\u200b\u200b"},
                               headers=citizen)
    assert_contract_error(answer, 422, "title")


@pytest.mark.parametrize("key", ["k\u0000", "ключ", "k" * 65])
async def test_a_malformed_idempotency_key_is_a_field_error(client, citizen, key):
    answer = await client.post("/api/v1/posts", json=SOIL_NEED,
                               headers={**citizen, "Idempotency-Key": key.encode("utf-8")})
    assert_contract_error(answer, 422, "Idempotency-Key")
    assert await Post.all().count() == 0


def _rendered(cause: Exception):
    from types import SimpleNamespace

    from tortoise.exceptions import OperationalError

    from server.app import _render_unexpected

    try:
        raise OperationalError(cause) from cause
    except OperationalError as exc:
        return _render_unexpected(SimpleNamespace(method="GET", path="/api/v1/x"), exc)


def test_a_value_postgresql_refuses_is_400_not_503():
    from asyncpg.exceptions import NumericValueOutOfRangeError

    answer = _rendered(NumericValueOutOfRangeError("value out of range for type integer"))
    assert answer.status == 400


def test_a_database_that_is_down_is_still_503():
    answer = _rendered(ConnectionRefusedError("connection refused"))
    assert answer.status == 503
