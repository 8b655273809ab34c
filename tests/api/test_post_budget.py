"""Statement budget of POST /api/v1/posts (X-DB-Statements): the counts do not creep back (issue 15)."""

from __future__ import annotations

from server.models import StaffProfile, Ticket
from tests.factories import SOIL_NEED, login_as, make_user

# What a post costs today (BEGIN/COMMIT aside); lower them when a change saves statements.
# The author, the post, its ticket and the ticket's event, and the look for a concierge; the region is
# read once per process (regions are reference data), and the answer reuses it.
NOBODY_TO_ASSIGN_BUDGET = 5
ASSIGNED_BUDGET = 14  # with the concierge's assignment, its timeline entry and their notice


def statements(response) -> int:
    return int(response.headers["x-db-statements"])


async def test_a_need_nobody_can_take_stays_within_budget(client):
    headers, _ = await login_as(client, "budget-need", "citizen", region_id="510104")
    first = await client.post("/api/v1/posts", json={**SOIL_NEED, "region_code": "510104"}, headers=headers)
    answer = await client.post("/api/v1/posts", json={**SOIL_NEED, "region_code": "510104"}, headers=headers)
    assert first.status_code == answer.status_code == 201, answer.text
    assert statements(first) <= NOBODY_TO_ASSIGN_BUDGET + 1  # + the region, unless this process read it before
    assert 0 < statements(answer) <= NOBODY_TO_ASSIGN_BUDGET
    assert answer.json()["post"]["region_name"] == "锦江区"  # the region the answer carries without a query


async def test_a_need_given_to_a_concierge_stays_within_budget(client):
    staff = await make_user("staff", region_id="510100", oa_openid="o-budget-staff", follows_oa=True)
    await StaffProfile.create(user=staff, region_id="510100")
    headers, _ = await login_as(client, "budget-need2", "citizen", region_id="510104")
    answer = await client.post("/api/v1/posts", json={**SOIL_NEED, "region_code": "510104"}, headers=headers)
    assert answer.status_code == 201, answer.text
    assert await Ticket.filter(concierge_id=staff.id).count() == 1
    assert 0 < statements(answer) <= ASSIGNED_BUDGET
