"""WeChat API errors, with the one table that says which are permanent (WECHAT.md §10)."""

from __future__ import annotations

TOKEN_ERRORS = frozenset({40001, 40014, 42001})

# Permanent: retrying the same call cannot succeed; the cause must change first.
PERMANENT = frozenset({
    40003,  # invalid openid (not a follower / another app's openid)
    40013, 40125, 40164,  # bad appid / secret / IP not whitelisted: configuration
    40029, 40163, 40226,  # js_code invalid / used / blocked user
    40036, 40037, 47001, 47003,  # template id or payload wrong: fix the payload
    40097, 41030,  # bad arguments / page missing (wxacode)
    40129, 44002, 61010,  # msgSecCheck: bad scene, empty params, no recent visit
    43004, 43019, 43101,  # not following / blacklisted / refused subscribe message
    45103,  # API withdrawn
    48001,  # API unauthorised for this account
})
# Transient: -1 system busy, 45009/45011 quota (back off), 45015/45047 window or kf quota (wait for
# the user), and network failures (-2 below). Token errors are handled by one refresh-and-retry.


class WeChatError(Exception):
    """An errcode from the WeChat API; `permanent` says whether a retry can ever help."""

    def __init__(self, errcode: int, errmsg: str = "") -> None:
        self.errcode = errcode
        self.errmsg = errmsg
        self.permanent = errcode in PERMANENT
        super().__init__(f"{errcode} {errmsg}")


class WeChatUnavailable(WeChatError):
    """The API could not be reached or answered garbage (timeouts, 5xx, non-JSON): transient."""

    def __init__(self, errmsg: str) -> None:
        super().__init__(-2, errmsg)
        self.permanent = False


def is_token_error(errcode: int) -> bool:
    """Return True for errcodes that mean the access_token is stale."""
    return errcode in TOKEN_ERRORS
