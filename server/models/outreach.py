"""Targeted pushes run by operators: 精准科普 article campaigns and award calls (奖项征集)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import OutreachKind, OutreachStatus


class Outreach(Model):
    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(OutreachKind, max_length=16)
    title = fields.CharField(max_length=60)
    article_ids = fields.JSONField(default=list)  # the lead article opens from the message
    audience = fields.JSONField(default=dict)  # interests, roles, region_codes, active_since, disciplines, ...
    message = fields.JSONField(default=dict)  # award, note, deadline, organizer, reason
    status = fields.CharEnumField(OutreachStatus, max_length=16, default=OutreachStatus.DRAFT, db_index=True)
    scheduled_at = fields.DatetimeField(null=True, db_index=True)
    sent_at = fields.DatetimeField(null=True)
    targeted = fields.IntField(default=0)
    queued = fields.IntField(default=0)
    unreachable = fields.IntField(default=0)
    created_by = fields.ForeignKeyField("models.User", null=True, related_name="outreach",
                                        on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "outreach"
