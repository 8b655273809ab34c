"""The OpenAPI document tells the truth: real request schemas, nullable fields, every error (issue 13 item 10)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
DICT_METHODS = {"fromkeys", "setdefault", "popitem"}  # what a `dict` annotation turns into when read naively


@pytest.fixture
async def spec(client) -> dict:
    response = await client.get("/docs/openapi.json")
    assert response.status_code == 200
    return response.json()


def api_operations(spec: dict) -> Iterator[tuple[str, str, dict]]:
    for path, item in spec["paths"].items():
        if path.startswith("/api/"):
            for method, operation in item.items():
                if method in HTTP_METHODS:
                    yield path, method, operation


def body_schema(operation: dict) -> dict:
    """The schema of a request body: JSON, or the one other media type (a photo upload's multipart form)."""
    content = operation["requestBody"]["content"]
    return (content.get("application/json") or next(iter(content.values())))["schema"]


def walk(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_every_api_operation_is_checked(spec):
    assert len(list(api_operations(spec))) >= 50


def test_request_bodies_list_only_fields_the_api_accepts(spec):
    for path, method, operation in api_operations(spec):
        if "requestBody" in operation:
            properties = body_schema(operation).get("properties", {})
            assert not {"model_config", "raw_fields"} & set(properties), (method, path)


def test_request_bodies_refuse_unknown_fields_as_the_api_does(spec):
    login = body_schema(spec["paths"]["/api/v1/auth/login"]["post"])
    assert login["additionalProperties"] is False
    assert login["required"] == ["code"]


def test_offer_type_is_nullable_in_requests_and_answers(spec):
    create = spec["paths"]["/api/v1/posts"]["post"]
    assert body_schema(create)["properties"]["offer_type"]["nullable"] is True
    assert None in body_schema(create)["properties"]["offer_type"]["enum"]
    patch = spec["paths"]["/api/v1/posts/{post_id}"]["patch"]
    assert body_schema(patch)["properties"]["offer_type"]["nullable"] is True
    post = create["responses"]["201"]["content"]["application/json"]["schema"]["properties"]["post"]
    assert post["properties"]["offer_type"]["nullable"] is True


def test_no_schema_uses_json_schema_null_or_refs_openapi_3_0_cannot_read(spec):
    for node in walk(spec["paths"]):
        assert node.get("type") != "null", node
        assert "$ref" not in node and "$defs" not in node, node
        assert not DICT_METHODS & set(node.get("properties", {})), node


def test_optional_fields_are_nullable_and_required_ones_required(spec):
    body = body_schema(spec["paths"]["/api/v1/posts"]["post"])
    assert set(body["required"]) == {"kind", "title", "body", "region_code"}
    for name in ("tags", "scene", "offer_type"):
        assert body["properties"][name]["nullable"] is True, name
    profile = body_schema(spec["paths"]["/api/v1/me"]["patch"])
    assert all(field["nullable"] is True for field in profile["properties"].values())


def test_every_authenticated_operation_documents_401_and_403(spec):
    for path, method, operation in api_operations(spec):
        if path == "/api/v1/auth/login":
            assert operation.get("security") is None
            continue
        assert operation["security"] == [{"token": []}], (method, path)
        assert {"401", "403"} <= set(operation["responses"]), (method, path)


def test_every_operation_with_a_body_documents_400_413_422(spec):
    for path, method, operation in api_operations(spec):
        if "requestBody" in operation:
            assert {"400", "413", "422"} <= set(operation["responses"]), (method, path)


def test_every_operation_with_a_path_id_documents_404(spec):
    for path, method, operation in api_operations(spec):
        if "{" in path:
            assert "404" in operation["responses"], (method, path)


def test_query_parameters_document_422_and_writes_409(spec):
    for path, method, operation in api_operations(spec):
        if any(p["in"] == "query" for p in operation.get("parameters", [])):
            assert "422" in operation["responses"], (method, path)
        if method != "get" and path != "/api/v1/auth/login":
            assert "409" in operation["responses"], (method, path)


def test_login_documents_rate_limit_and_unavailable_wechat(spec):
    responses = spec["paths"]["/api/v1/auth/login"]["post"]["responses"]
    assert {"200", "400", "403", "413", "422", "429", "503"} <= set(responses)


def test_error_answers_are_the_contract_error_json(spec):
    for path, method, operation in api_operations(spec):
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                schema = response["content"]["application/json"]["schema"]
                error = schema["properties"]["error"]
                assert schema["required"] == ["error"], (method, path, status)
                assert set(error["required"]) == {"code", "message", "field"}, (method, path, status)
                assert error["properties"]["field"]["nullable"] is True


async def test_documented_error_matches_a_real_answer(client, spec):
    response = await client.get("/api/v1/me")
    assert response.status_code == 401
    documented = spec["paths"]["/api/v1/me"]["get"]["responses"]["401"]["content"]["application/json"]["schema"]
    assert set(documented["properties"]["error"]["required"]) <= set(response.json()["error"])


def test_query_strings_are_documented_from_their_models(spec):
    parameters = {p["name"]: p for p in spec["paths"]["/api/v1/staff/tickets"]["get"]["parameters"]}
    assert {"status", "mine", "overdue", "no_expert", "cursor", "limit"} <= set(parameters)
    assert parameters["limit"]["schema"] == {"type": "integer", "default": 20, "minimum": 1, "maximum": 100}
    assert "closed" in parameters["status"]["schema"]["enum"]
    users = {p["name"] for p in spec["paths"]["/api/v1/admin/users"]["get"]["parameters"]}
    assert {"cursor", "limit", "role"} <= users
