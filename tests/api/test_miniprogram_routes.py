"""Every route the mini-program calls, and every route its unit tests stub, is in the backend's OpenAPI document.

A unit test's fake backend (`installBackend({'GET /api/v1/...': ...})`) may only answer routes the real
backend serves, so no page is tested against an endpoint that does not exist (issue 16).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

MINIPROGRAM = Path(__file__).resolve().parents[2] / "miniprogram"
# request(`${V1}/posts/${id(postId)}/progress`, { method: 'POST', ... }) in api/index.js
API_CALL = re.compile(r"request\(`\$\{V1\}(?P<path>[^`]*)`(?P<rest>[^\n]*(?:\n(?!const |function )[^\n]*)*)")
METHOD = re.compile(r"method: '(?P<method>[A-Z]+)'")
# send({ method: 'POST', path: '/api/v1/auth/login', ... }) in api/session.js
SEND_CALL = re.compile(r"send\(\{ method: '(?P<method>[A-Z]+)', path: '(?P<path>/api/v1[^']*)'")
# 'GET /api/v1/posts/:id' route keys of the unit tests' fake backend
STUB = re.compile(r"'(?P<method>GET|POST|PATCH|PUT|DELETE) (?P<path>/api/v1[^' ]*)'")


def _normalise(path: str) -> str:
    """Turn `${id(x)}`, `:id` and `{post_id}` into one placeholder so paths compare by shape."""
    path = re.sub(r"\$\{[^}]*\}", "{}", path)
    path = re.sub(r":[a-z_]+", "{}", path)
    return re.sub(r"\{[a-z_]*\}", "{}", path)


def api_module_calls() -> set[tuple[str, str]]:
    """Return (method, path) of every call in miniprogram/api/."""
    calls: set[tuple[str, str]] = set()
    index = (MINIPROGRAM / "api" / "index.js").read_text(encoding="utf-8")
    for found in API_CALL.finditer(index):
        method = METHOD.search(found["rest"].split("request(")[0])
        calls.add((method["method"] if method else "GET", _normalise("/api/v1" + found["path"])))
    for name in ("session.js", "request.js", "transport.js"):
        for found in SEND_CALL.finditer((MINIPROGRAM / "api" / name).read_text(encoding="utf-8")):
            calls.add((found["method"], _normalise(found["path"])))
    return calls


def stubbed_routes() -> set[tuple[str, str, str]]:
    """Return (file, method, path) of every route the unit tests' fake backend answers."""
    stubs: set[tuple[str, str, str]] = set()
    for source in sorted((MINIPROGRAM / "tests").rglob("*.js")):
        for found in STUB.finditer(source.read_text(encoding="utf-8")):
            stubs.add((source.name, found["method"], _normalise(found["path"])))
    return stubs


@pytest.fixture
async def documented(client) -> set[tuple[str, str]]:
    response = await client.get("/docs/openapi.json")
    assert response.status_code == 200
    return {(method.upper(), _normalise(path))
            for path, operations in response.json()["paths"].items() for method in operations}


def test_the_scan_finds_the_calls_it_should():
    index = (MINIPROGRAM / "api" / "index.js").read_text(encoding="utf-8")
    assert len(API_CALL.findall(index)) == index.count("request(`")  # no call the pattern misses
    calls = api_module_calls()
    assert ("POST", "/api/v1/auth/login") in calls and ("GET", "/api/v1/posts/{}/progress") in calls
    assert ("POST", "/api/v1/matches/{}/decision") in calls and len(calls) >= 20
    assert ("post.test.js", "GET", "/api/v1/posts/{}/progress") in stubbed_routes()


async def test_every_path_the_api_module_calls_is_documented(documented):
    missing = sorted(call for call in api_module_calls() if call not in documented)
    assert not missing, f"the mini-program calls routes the backend does not serve: {missing}"


async def test_every_route_a_unit_test_stubs_is_documented(documented):
    missing = sorted(stub for stub in stubbed_routes() if stub[1:] not in documented)
    assert not missing, f"unit tests fake routes the backend does not serve: {missing}"
