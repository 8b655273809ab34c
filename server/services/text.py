"""Cleaning user-entered text lists (tags, interests) with precise Chinese messages."""

from __future__ import annotations

from collections.abc import Iterable

from server.errors import ValidationFailed


def clean_labels(raw: Iterable[object] | None, *, field: str | None, label: str, max_items: int,
                 max_len: int) -> list[str]:
    """Trim, de-duplicate and bound a list of short labels, or raise a field error."""
    cleaned: list[str] = []
    for item in raw or []:
        value = item.strip() if isinstance(item, str) else ""
        if not value:
            raise ValidationFailed(f"{label}不能为空", field=field)
        if len(value) > max_len:
            raise ValidationFailed(f"每个{label}不超过 {max_len} 个字", field=field)
        if value not in cleaned:
            cleaned.append(value)
    if len(cleaned) > max_items:
        raise ValidationFailed(f"{label}最多 {max_items} 个", field=field)
    return cleaned
