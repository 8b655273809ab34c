"""The push outbox: one row per (kind, cause, user), written in the transaction that causes it."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import PushStatus

PRIORITY_EMERGENCY, PRIORITY_NORMAL, PRIORITY_BULK = 0, 5, 9


class PushRequest(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)  # a template kind: match_found, post_progress, ...
    cause = fields.CharField(max_length=64)  # what caused it, e.g. "match:12"
    user = fields.ForeignKeyField("models.User", related_name="push_requests", on_delete=fields.CASCADE)
    data = fields.JSONField(default=dict)  # template data
    region_code = fields.CharField(max_length=6, null=True)  # the person's region at fan-out (figures)
    priority = fields.SmallIntField(default=PRIORITY_NORMAL)
    status = fields.CharEnumField(PushStatus, max_length=16, default=PushStatus.PENDING)
    due_at = fields.DatetimeField(auto_now_add=True)
    attempts = fields.SmallIntField(default=0)
    last_error = fields.CharField(max_length=200, default="")
    claimed_by = fields.CharField(max_length=96, null=True)
    claimed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "push_requests"
        unique_together = (("kind", "cause", "user_id"),)
        # The dispatcher's queue; the dashboard's requests of a period, by fan-out region or for everyone.
        indexes = (("status", "priority", "due_at"), ("region_code", "created_at"), ("created_at",))
