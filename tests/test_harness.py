"""The test harness itself: the PostgreSQL database it creates is the one it connects to and drops; each
xdist worker has a Redis database of its own."""

from __future__ import annotations

import pytest

from tests.conftest import _pg_admin_url, _pg_target, worker_redis_url


@pytest.mark.parametrize(("url", "target", "name"), [
    ("postgres://postgres@127.0.0.1:5432/{}", "postgres://postgres@127.0.0.1:5432/kjy_test_ab12", "kjy_test_ab12"),
    ("postgres://u:p@db:5432/ci_{}", "postgres://u:p@db:5432/ci_kjy_test_ab12", "ci_kjy_test_ab12"),
    ("postgres://u@db/ci_{}_run?sslmode=disable", "postgres://u@db/ci_kjy_test_ab12_run?sslmode=disable",
     "ci_kjy_test_ab12_run"),
    ("postgres://u@db:5432/app", "postgres://u@db:5432/kjy_test_ab12", "kjy_test_ab12"),
    ("postgres://u@db:5432/app?sslmode=require", "postgres://u@db:5432/kjy_test_ab12?sslmode=require",
     "kjy_test_ab12"),
])
def test_the_created_database_is_the_connected_one(url: str, target: str, name: str) -> None:
    assert _pg_target(url, "kjy_test_ab12") == (target, name)


def test_the_admin_connection_goes_to_the_same_server() -> None:
    assert (_pg_admin_url("postgres://u:p@db:5432/ci_kjy_test_ab12?sslmode=require")
            == "postgresql://u:p@db:5432/postgres?sslmode=require")


@pytest.mark.parametrize(("url", "number", "worker_url"), [
    ("redis://127.0.0.1:6379/14", 0, "redis://127.0.0.1:6379/14"),
    ("redis://127.0.0.1:6379/14", 1, "redis://127.0.0.1:6379/15"),
    ("redis://:secret@cache:6380/3?socket_timeout=5", 2, "redis://:secret@cache:6380/5?socket_timeout=5"),
    ("redis://127.0.0.1:6379", 1, "redis://127.0.0.1:6379/1"),
])
def test_each_xdist_worker_gets_a_redis_database_of_its_own(url: str, number: int, worker_url: str) -> None:
    assert worker_redis_url(url, number) == worker_url
