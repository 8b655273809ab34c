"""Customer-service reply windows per official-account openid (WECHAT.md §2)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ReplyWindow(Model):
    """The last user action that opened a window, and how many messages went out since."""

    openid = fields.CharField(max_length=64, primary_key=True)
    opened_at = fields.DatetimeField()
    kind = fields.CharField(max_length=8)  # message (5 messages / 48 h) | event (3 messages / 1 min)
    sent = fields.SmallIntField(default=0)

    class Meta:
        table = "reply_windows"
