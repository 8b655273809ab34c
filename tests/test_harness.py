"""The test harness itself: the PostgreSQL database it creates is the one it connects to and drops."""

from __future__ import annotations

import pytest

from tests.conftest import _pg_admin_url, _pg_target


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
