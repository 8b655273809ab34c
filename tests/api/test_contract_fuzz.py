"""Contract fuzzing: schemathesis cases from the served OpenAPI document, sent in-process as a citizen and an admin.

Cases are generated up front with a fixed seed (hypothesis, derandomized): valid data aimed at rows that exist
(the citizen's post, its ticket, the citizen) and data the document forbids with any ids. They are sent
round-robin over the operations through the suite's ASGI client, so the time budget cuts every operation
evenly, alternately as the citizen and the admin. Every other operation is fuzzed in each of two tests, which
two pytest-xdist workers run at once. Each answer must not be a 5xx, must have a documented status
and content type, and its JSON must match the documented schema.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from server.models import Ticket, User
from server.models.enums import Role
from tests.factories import create_post, login, login_as

MAX_EXAMPLES = 30  # per operation and generation mode (valid data, and data the document forbids)
SEED = 20_131_013
TIME_BUDGET = 90.0  # seconds for sending, after generating; what is left when it runs out is not sent
# Every other operation in each of two tests, which two pytest-xdist workers run at once (scripts/test.sh).
SHARDS = 2
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
LOGOUT = ("POST", "/api/v1/auth/logout")  # would end the caller's session: it gets a session of its own
ROLE_CHANGES = {("PATCH", "/api/v1/me"), ("PATCH", "/api/v1/admin/users/{user_id}")}  # roles are put back after


def generate(operation: Any, mode: GenerationMode, known: dict[str, Any]) -> list[Case]:
    """Draw up to MAX_EXAMPLES cases for one operation, the same ones on every run."""
    cases: list[Case] = []
    names = {p.name for p in operation.path_parameters}
    fixed = {k: v for k, v in known.items() if k in names} if mode is GenerationMode.POSITIVE else None

    @seed(SEED)
    @hypothesis_settings(max_examples=MAX_EXAMPLES, database=None, derandomize=True, deadline=None,
                         phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(operation.as_strategy(generation_mode=mode, path_parameters=fixed or None))
    def collect(case: Case) -> None:
        cases.append(case)

    collect()
    return cases[:MAX_EXAMPLES]


def api_operations(spec: dict) -> list[Any]:
    schema = schemathesis.openapi.from_dict(spec)
    operations = [result.ok() for result in schema.get_all_operations()]
    return [op for op in operations if op.path.startswith("/api/")]


async def send(client: httpx.AsyncClient, case: Case, headers: dict[str, str]) -> tuple[httpx.Response, dict]:
    kwargs = case.as_transport_kwargs(base_url=str(client.base_url), headers=headers)
    body: dict[str, Any] = {}
    if "json" in kwargs:
        body["json"] = kwargs["json"]
    elif kwargs.get("data") is not None:
        data = kwargs["data"]
        body["content"] = data if isinstance(data, bytes | str) else None
        body["data"] = None if isinstance(data, bytes | str) else data
    response = await client.request(kwargs["method"], kwargs["url"], params=kwargs.get("params"),
                                    headers=kwargs.get("headers"), **{k: v for k, v in body.items() if v is not None})
    return response, kwargs.get("headers") or {}


def failures_of(case: Case, response: httpx.Response, sent_headers: dict) -> list[str]:
    """Return one line per failed check: operation, status, check and what it saw."""
    try:
        case.validate_response(response, checks=CHECKS, headers=sent_headers)
    except (Failure, FailureGroup) as exc:
        found = exc.exceptions if isinstance(exc, FailureGroup) else (exc,)
        return [f"{case.method} {case.path} -> {response.status_code}: {failure.title}: "
                f"{' '.join(failure.message.split())[:300]} | body {response.text[:200]}" for failure in found]
    return []


async def callers_and_rows(client: httpx.AsyncClient) -> tuple[list[dict[str, str]], dict[str, Any]]:
    """Log in a citizen and an admin; return their headers and the path ids of rows that exist."""
    citizen, user = await login_as(client, "fuzz-citizen", Role.CITIZEN, region_code="511529")
    admin, admin_user = await login_as(client, "fuzz-admin", Role.ADMIN, region_code="510000")
    post = await create_post(client, citizen)
    ticket = await Ticket.get(post_id=post["id"])
    known = {"post_id": post["id"], "ticket_id": ticket.id, "user_id": user.id, "code": "511529",
             "roles": {user.id: Role.CITIZEN, admin_user.id: Role.ADMIN}}
    return [citizen, admin], known


async def restore_roles(roles: dict[int, Role]) -> None:
    """Give the citizen and the admin their roles back after a case that may have changed them."""
    for user_id, role in roles.items():
        await User.filter(id=user_id).update(role=role)


def session_for(client: httpx.AsyncClient) -> Callable[[], Any]:
    async def fresh() -> dict[str, str]:
        return {"Authorization": f"Bearer {(await login(client, 'fuzz-leaver'))['token']}"}

    return fresh


@pytest.mark.timeout(TIME_BUDGET + 240)  # the budget plus generating (about 2 min on a busy machine) and logging in
@pytest.mark.parametrize("shard", [pytest.param(n, marks=pytest.mark.xdist_group(f"contract-fuzz-{n}"))
                                   for n in range(SHARDS)])
async def test_api_answers_as_documented_under_fuzzing(client, shard):
    spec = (await client.get("/docs/openapi.json")).json()
    operations = api_operations(spec)[shard::SHARDS]
    (callers, known), fresh_session = await callers_and_rows(client), session_for(client)
    started = time.monotonic()
    plans = [generate(op, GenerationMode.POSITIVE, known) + generate(op, GenerationMode.NEGATIVE, known)
             for op in operations]
    generated = time.monotonic() - started
    sent, rounds, failures, statuses = 0, 0, [], Counter()
    deadline = time.monotonic() + TIME_BUDGET
    for index in range(2 * MAX_EXAMPLES):
        if time.monotonic() > deadline:
            break
        for number, cases in enumerate(plans):
            if index < len(cases):
                case = cases[index]
                is_logout = (case.method.upper(), case.path) == LOGOUT
                headers = await fresh_session() if is_logout else callers[(index + number) % 2]
                response, sent_headers = await send(client, case, headers)
                sent += 1
                statuses[response.status_code] += 1
                failures += failures_of(case, response, sent_headers)
                if (case.method.upper(), case.path) in ROLE_CHANGES:
                    await restore_roles(known["roles"])
        rounds += 1
    elapsed = time.monotonic() - started
    print(f"contract fuzz, shard {shard}: {len(operations)} operations, {sum(map(len, plans))} cases generated in "
          f"{generated:.1f}s, {sent} sent in {rounds} rounds, {elapsed:.1f}s in all; "
          f"statuses {dict(sorted(statuses.items()))}")
    assert rounds >= 2, "the time budget ran out before every operation was fuzzed twice"
    distinct = sorted({failure.split(" | ")[0] for failure in failures})
    assert not failures, f"{len(failures)} failures, {len(distinct)} distinct:\n" + "\n".join(distinct[:40])
