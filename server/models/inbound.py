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

    class Meta:
        table = "inbound_messages"
