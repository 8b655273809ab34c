"""Console password hashing: scrypt with a per-user salt, in a self-describing string.

Format: ``scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>``. The cost parameters travel with the hash,
so raising them later only needs `needs_rehash` at the next sign-in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCHEME = "scrypt"
# n=2**15, r=8 -> 32 MiB and ~0.1 s per check: slow for a guesser, fine for a sign-in.
COST_N, COST_R, COST_P = 2**15, 8, 1
SALT_BYTES, KEY_BYTES = 16, 32
MIN_LENGTH, MAX_LENGTH = 10, 128


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _derive(password: str, *, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES,
                          maxmem=256 * n * r + 1024 * 1024)


def hash_password(password: str) -> str:
    """Return the storable hash of a password (CPU-bound: call it off the event loop)."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt=salt, n=COST_N, r=COST_R, p=COST_P)
    return f"{SCHEME}${COST_N}${COST_R}${COST_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """Return True when the password matches the stored hash (constant-time compare)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != SCHEME:
            return False
        derived = _derive(password, salt=_unb64(salt), n=int(n), r=int(r), p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(derived, _unb64(key))


def needs_rehash(stored: str) -> bool:
    """Return True when a hash was made with other cost parameters than today's."""
    return not stored.startswith(f"{SCHEME}${COST_N}${COST_R}${COST_P}$")


def check_strength(password: str) -> str | None:
    """Return a Chinese reason a new password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"密码至少 {MIN_LENGTH} 位"
    if len(password) > MAX_LENGTH:
        return f"密码最多 {MAX_LENGTH} 位"
    if len(set(password)) < 4:
        return "密码过于简单"
    return None


# Verified against when the account does not exist, so a miss costs the same time as a wrong password.
DUMMY_HASH = f"{SCHEME}${COST_N}${COST_R}${COST_P}${_b64(b'0' * SALT_BYTES)}${_b64(b'0' * KEY_BYTES)}"
