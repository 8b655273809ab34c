"""Each request's writes are one transaction: a failure in a later step leaves no half-made rows (issue 14 item 4).

The failure is the database refusing a row (an IntegrityError, as a violated constraint raises) at the step
after the first insert, injected with tortoise's own pre_save signal on the model of that step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.signals import Signals

from server.models import (
    Article,
    Emergency,
    EmergencyNotice,
    Outreach,
    Post,
    PushBroadcast,
    PushRecipient,
    PushRequest,
    StaffProfile,
    Ticket,
    TicketEvent,
)
from server.models.enums import OutreachStatus, Role
from tests.factories import SOIL_NEED, login_as, make_user


@contextmanager
def refused(model: type[Model], when: Callable[[Model], bool] = lambda row: True) -> Iterator[None]:
    """Make the database refuse saving a `model` row for which `when` holds (while the block runs)."""

    async def refuse(sender: type[Model], row: Model, using_db: object, update_fields: object) -> None:
        if when(row):
            raise IntegrityError(f"injected: {sender.__name__} refused")

    model.register_listener(Signals.pre_save, refuse)
    try:
        yield
    finally:
        model._listeners[Signals.pre_save][model].remove(refuse)


@pytest.fixture
async def article(settings, redis):
    return await Article.create(title="果园土壤为什么会变酸", summary="先检测、再按量调酸", topics=["果树栽培"],
                                emergency_topics=["flood"])


async def test_an_outreach_sent_at_once_is_made_and_sent_or_neither(client, article):
    admin, _ = await login_as(client, "atomic-outreach", Role.ADMIN)
    await make_user(oa_openid="o-reader", follows_oa=True, region_id="510104", interests=["果树栽培"])
    body = {"kind": "article_push", "title": "秋季果园管理", "article_ids": [article.id],
            "audience": {"interests": ["果树栽培"]}, "send_now": True}
    with refused(Outreach, lambda row: row.status == OutreachStatus.SENT):  # the send's last write
        answer = await client.post("/api/v1/admin/outreach", json=body, headers=admin)
    assert answer.status_code == 409, answer.text
    assert await Outreach.all().count() == 0  # not left behind as a draft
    assert await PushRequest.all().count() == await PushRecipient.all().count() == 0  # nor its fan-out
    assert await PushBroadcast.all().count() == 0
    made = await client.post("/api/v1/admin/outreach", json=body, headers=admin)
    assert made.status_code == 201 and made.json()["outreach"]["queued"] == 1


async def test_an_emergency_and_its_queued_alert_are_written_together(client, article):
    admin, _ = await login_as(client, "atomic-emergency", Role.ADMIN)
    now = datetime.now(UTC)
    body = {"event_type": "flood", "severity": "orange", "headline": "锦江区山洪预警", "region_codes": ["510104"],
            "onset": now.isoformat(), "expires_at": (now + timedelta(days=1)).isoformat(),
            "article_ids": [article.id]}
    with refused(EmergencyNotice):
        answer = await client.post("/api/v1/admin/emergencies", json=body, headers=admin)
    assert answer.status_code == 409, answer.text
    assert await Emergency.all().count() == 0  # no emergency without the alert that fans it out
    assert (await client.post("/api/v1/admin/emergencies", json=body, headers=admin)).status_code == 202


async def test_a_post_its_ticket_and_the_concierges_assignment_are_written_together(client):
    staff = await make_user("staff", region_id="510100", oa_openid="o-atomic-staff", follows_oa=True)
    await StaffProfile.create(user=staff, region_id="510100")
    headers, _ = await login_as(client, "atomic-poster", region_id="510104")
    body = {**SOIL_NEED, "region_code": "510104"}
    with refused(Ticket, lambda row: row.concierge_id is not None):  # the assignment, after post and ticket
        answer = await client.post("/api/v1/posts", json=body, headers=headers)
    assert answer.status_code == 409, answer.text
    assert (await Post.all().count(), await Ticket.all().count(), await TicketEvent.all().count()) == (0, 0, 0)
    assert await PushRequest.all().count() == 0  # nor the concierge's notice
    made = await client.post("/api/v1/posts", json=body, headers=headers)
    assert made.status_code == 201
    assert (await Ticket.get()).concierge_id == staff.id
