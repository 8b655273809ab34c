"""Idempotency-Key on POST /api/v1/posts: a database constraint, so concurrent retries make one post."""

from __future__ import annotations

import asyncio

from server.models import Post, Ticket
from tests.factories import SOIL_NEED, login_as


async def test_two_concurrent_creates_with_one_key_make_one_post_and_one_ticket(client, sandbox):
    headers, _user = await login_as(client, "racer")
    # Both requests pass the "seen this key?" lookup before either inserts: the check holds them there.
    await sandbox.post("/_sandbox/faults", json={"endpoint": "wxa/msg_sec_check", "delay": 0.3, "times": 2})
    keyed = {**headers, "Idempotency-Key": "double-tap-1"}
    first, second = await asyncio.gather(client.post("/api/v1/posts", json=SOIL_NEED, headers=keyed),
                                         client.post("/api/v1/posts", json=SOIL_NEED, headers=keyed))
    assert sorted([first.status_code, second.status_code]) == [200, 201]
    assert first.json()["post"]["id"] == second.json()["post"]["id"]
    assert await Post.all().count() == 1 and await Ticket.all().count() == 1


async def test_the_same_key_from_two_authors_makes_two_posts(client):
    alice, _ = await login_as(client, "alice-k")
    bob, _ = await login_as(client, "bob-k")
    for headers in (alice, bob):
        response = await client.post("/api/v1/posts", json=SOIL_NEED, headers={**headers, "Idempotency-Key": "k1"})
        assert response.status_code == 201
    assert await Post.all().count() == 2
