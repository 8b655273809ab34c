"""Every message and event the official account received, stored before it is acted on."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class InboundMessage(Model):
    id = fields.BigIntField(primary_key=True)
    # MsgId, FromUserName+CreateTime or the receipt's MsgID: WeChat's retries share it (unique = once).
    dedup_key = fields.CharField(max_length=96, unique=True)
    openid = fields.CharField(max_length=64, db_index=True)
    kind = fields.CharField(max_length=16)
    event = fields.CharField(max_length=32, null=True)
    content = fields.TextField(default="")
    media_id = fields.CharField(max_length=128, default="")
    payload = fields.JSONField(default=dict)  # every field WeChat sent
    received_at = fields.DatetimeField(auto_now_add=True)
    handled_at = fields.DatetimeField(null=True)
    # Handling: claimed by one worker at a time; a failure records its error and backs off.
    attempts = fields.SmallIntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    claimed_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=200, default="")

    class Meta:
        table = "inbound_messages"
        # The handling queue: unhandled rows by due time.
        indexes = (("handled_at", "next_attempt_at"),)
