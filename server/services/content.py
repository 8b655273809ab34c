"""Content security for user text through msgSecCheck v2 (WECHAT.md §6)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from server.errors import ValidationFailed
from server.models import User
from server.models.enums import ReviewState
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError

log = logging.getLogger(__name__)

FORUM_SCENE = 3  # msgSecCheck scene 3 = 论坛: posts others will read
MAX_CHECK_CHARS = 2500  # msgSecCheck's content limit
# Text held because the check was unreachable is checked again: 5 min, doubling, at most 6 h apart.
RECHECK_BASE = timedelta(minutes=5)
RECHECK_CEILING = timedelta(hours=6)


def next_check(now: datetime, *, failures: int) -> datetime:
    """Return when to check held text again after `failures` unreachable checks (backoff)."""
    return now + min(RECHECK_BASE * 2 ** max(failures - 1, 0), RECHECK_CEILING)


async def review_text(*, wechat: WeChatClient, user: User, title: str, body: str,
                      field: str = "body") -> ReviewState:
    """Return the review state for user text; refuse risky text with a clear message.

    A WeChat outage (or a person with no mini-program openid) never loses the post: it is
    accepted and held for a person to review.
    """
    state = await check_text(wechat=wechat, user=user, title=title, body=body, field=field)
    return ReviewState.PENDING if state is None else state


async def check_text(*, wechat: WeChatClient, user: User, title: str, body: str,
                     field: str = "body") -> ReviewState | None:
    """Like review_text, but None when the check could not be made (WeChat unreachable): try again later."""
    if not user.mp_openid:
        return ReviewState.PENDING
    content = f"{title}\n{body}"[:MAX_CHECK_CHARS]
    try:
        suggest = await wechat.msg_sec_check(openid=user.mp_openid, content=content,
                                             scene=FORUM_SCENE, title=title)
    except WeChatError as exc:
        log.warning("msg_sec_check unavailable (%s %s): holding for a later check", exc.errcode, exc.errmsg)
        return None
    if suggest == "risky":
        raise ValidationFailed("内容可能含有违规信息，请修改后再提交", field=field, code="content_risky")
    if suggest == "review":
        return ReviewState.PENDING
    return ReviewState.PASSED
