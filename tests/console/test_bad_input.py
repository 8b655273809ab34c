"""Console query and form numbers: only ASCII digits in range, else a 4xx page, never a 500 (issue 13 item 8)."""

from __future__ import annotations

import pytest

from tests.console.conftest import ADMIN_PASSWORD, session_csrf, sign_in


@pytest.fixture
async def admin(client, world):
    assert (await sign_in(client, "sandbox-console-admin", ADMIN_PASSWORD)).status_code == 303
    return client


@pytest.mark.parametrize("value", ["²", "٤", "１", "2147483648", "-1"])
@pytest.mark.parametrize("name", ["page", "concierge"])
async def test_unicode_digit_or_huge_query_number_is_422(admin, name, value):
    answer = await admin.get("/console/tickets", params={name: value})
    assert answer.status_code == 422, answer.text[:300]


@pytest.mark.parametrize("value", ["²", "٤", "99999999999"])
async def test_unicode_digit_reassign_target_is_422(admin, world, value):
    csrf = await session_csrf(admin)
    ticket = world.chengdu_tickets[0]
    answer = await admin.post(f"/console/tickets/{ticket.id}/reassign",
                              data={"to": value, "note": "换人", "csrf_token": csrf})
    assert answer.status_code == 422, answer.text[:300]
