"""Content security for user text through msgSecCheck v2 (WECHAT.md §6)."""

from __future__ import annotations

import logging

from server.errors import ValidationFailed
from server.models import User
from server.models.enums import ReviewState
from server.wechat.client import WeChatClient
from server.wechat.errors import WeChatError

log = logging.getLogger(__name__)

FORUM_SCENE = 3  # msgSecCheck scene 3 = 论坛: posts others will read
MAX_CHECK_CHARS = 2500  # msgSecCheck's content limit


async def review_text(*, wechat: WeChatClient, user: User, title: str, body: str,
                      field: str = "body") -> ReviewState:
    """Return the review state for user text; refuse risky text with a clear message.

    A WeChat outage (or a person with no mini-program openid) never loses the post: it is
    accepted and held for a person to review.
    """
    if not user.mp_openid:
        return ReviewState.PENDING
    content = f"{title}\n{body}"[:MAX_CHECK_CHARS]
    try:
        suggest = await wechat.msg_sec_check(openid=user.mp_openid, content=content,
                                             scene=FORUM_SCENE, title=title)
    except WeChatError as exc:
        log.warning("msg_sec_check unavailable (%s %s): holding for review", exc.errcode, exc.errmsg)
        return ReviewState.PENDING
    if suggest == "risky":
        raise ValidationFailed("内容可能含有违规信息，请修改后再提交", field=field, code="content_risky")
    if suggest == "review":
        return ReviewState.PENDING
    return ReviewState.PASSED
