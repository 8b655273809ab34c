"""Checks every edge shares: ASCII-digit ids in range, plain identifiers, user text without hidden characters.

Framework-free, so handlers, the console, services and the WeChat parser use the same rules. Python's
`str.isdigit()` is true for `²`, `٤` and `４` and `int()` accepts some of them: never use either on input.
"""

from __future__ import annotations

import re
import unicodedata

from server.errors import ValidationFailed

MAX_ID = 2**31 - 1  # PostgreSQL `integer`: a larger id can name no row and overflows the driver
MAX_BIGINT = 2**63 - 1  # PostgreSQL `bigint` (WeChat MsgId)
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")
_PLAIN_TOKEN = re.compile(r"[\x21-\x7e]+")  # printable ASCII without spaces: openids, codes, tokens
_KEEP_IN_TEXT = {"\n", "\t"}
# Zero-width and bidirectional controls are category Cf; ESC, BEL, NUL … are Cc; Cs cannot be encoded.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co"}
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}


def as_id(raw: object, *, maximum: int = MAX_ID) -> int | None:
    """Return raw as an id when it is ASCII digits naming 1..maximum (leading zeros allowed), else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if 0 < raw <= maximum else None
    if not isinstance(raw, str):
        return None
    text = raw.strip().lstrip("0") or "0"
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if 0 < value <= maximum else None


def parse_id(raw: object, *, field: str, maximum: int = MAX_ID) -> int:
    """Return raw as an id in range or raise a field error (the one rule for ids, cursors and pages)."""
    value = as_id(raw, maximum=maximum)
    if value is None:
        raise ValidationFailed(f"{field}：应为 1 到 {maximum} 之间的整数", field=field)
    return value


def optional_id(raw: str | None, *, field: str, maximum: int = MAX_ID) -> int | None:
    """Return None for a missing or empty value, else parse_id."""
    if raw is None or not raw.strip():
        return None
    return parse_id(raw, field=field, maximum=maximum)


def is_plain_token(raw: object, *, max_len: int = 128) -> bool:
    """Return True for a non-empty printable-ASCII word of at most max_len characters (openid, code)."""
    return isinstance(raw, str) and 0 < len(raw) <= max_len and bool(_PLAIN_TOKEN.fullmatch(raw))


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Drop invisible and control characters (zero-width, bidi overrides, NUL, ESC, BEL …) from user text.

    Line breaks become `\\n` (kept only when multiline, else a space); tabs are kept when multiline.
    """
    for old, new in _LINE_BREAKS.items():
        value = value.replace(old, new)
    kept = []
    for char in value:
        if char in _KEEP_IN_TEXT:
            kept.append(char if multiline else " ")
        elif unicodedata.category(char) not in _HIDDEN_CATEGORIES:
            kept.append(char)
    return "".join(kept)


def has_hidden_characters(value: str) -> bool:
    """Return True when clean_text would change the text (for refusing instead of cleaning)."""
    return clean_text(value) != value
