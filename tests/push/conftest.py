"""Fixtures shared by the push tests."""

from __future__ import annotations

import pytest

from server.wechat.client import build_clients


@pytest.fixture
async def clients(settings, redis):
    """WeChat clients on the sandbox, closed after the test."""
    made = build_clients(settings, redis)
    yield made
    await made.oa.aclose()
    await made.mp.aclose()
