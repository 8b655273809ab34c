"""Fixtures shared by the push tests."""

from __future__ import annotations

import pytest

from server.models import Article
from server.push import dispatch
from server.wechat.client import build_clients


@pytest.fixture(autouse=True)
def _forget_cached_statuses():
    """The dispatcher caches emergency statuses for a second; ids restart with each test's fresh tables."""
    dispatch._EMERGENCY_STATUS.clear()


@pytest.fixture
async def article(settings, redis):
    """An emergency advice article (modules with other articles define their own)."""
    return await Article.create(title="山洪来了怎么办", summary="远离河道，向高处转移", emergency_topics=["flood"])


@pytest.fixture
async def clients(settings, redis):
    """WeChat clients on the sandbox, closed after the test."""
    made = build_clients(settings, redis)
    yield made
    await made.oa.aclose()
    await made.mp.aclose()
