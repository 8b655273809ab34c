"""Raw SQL for both dialects: placeholders in the right style ($1 for PostgreSQL, ? for SQLite)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tortoise import connections


def _dialect() -> str:
    return connections.get("default").capabilities.dialect


class Sql:
    """Collects parameters and writes the right placeholder for the dialect ($1 or ?)."""

    def __init__(self, dialect: str | None = None) -> None:
        self.dialect = dialect or _dialect()
        self.values: list[object] = []

    def p(self, value: object) -> str:
        """Return the placeholder for a new parameter."""
        self.values.append(value)
        return f"${len(self.values)}" if self.dialect == "postgres" else "?"

    def many(self, values: Sequence[object]) -> str:
        """Return a parenthesised list of placeholders."""
        return "(" + ", ".join(self.p(v) for v in values) + ")"

    def json(self, value: object) -> str:
        """Return a placeholder for a JSON value."""
        text = json.dumps(value, ensure_ascii=False)
        return f"{self.p(text)}::jsonb" if self.dialect == "postgres" else self.p(text)
