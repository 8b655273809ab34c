"""Emergencies (应急事件), shaped after CAP 1.2 / GB/T 35965, and their notices (alert, update, cancel)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import EmergencySeverity, EmergencyStatus, EmergencyType


class Emergency(Model):
    id = fields.IntField(primary_key=True)
    identifier = fields.CharField(max_length=64, unique=True)  # CAP <identifier>
    event_type = fields.CharEnumField(EmergencyType, max_length=16)
    severity = fields.CharEnumField(EmergencySeverity, max_length=8)
    headline = fields.CharField(max_length=60)
    instruction = fields.CharField(max_length=200, default="")  # CAP <instruction>: what people should do
    region_codes = fields.JSONField(default=list)  # any level; children included
    onset = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    article_ids = fields.JSONField(default=list)
    status = fields.CharEnumField(EmergencyStatus, max_length=16, default=EmergencyStatus.ACTIVE, db_index=True)
    created_by = fields.ForeignKeyField("models.User", null=True, related_name="emergencies",
                                        on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "emergencies"


class EmergencyNotice(Model):
    """One CAP message of an emergency: the alert, each update, the cancel; its fan-out figures."""

    id = fields.IntField(primary_key=True)
    emergency = fields.ForeignKeyField("models.Emergency", related_name="notices", on_delete=fields.CASCADE)
    msg_type = fields.CharField(max_length=8)  # alert | update | cancel
    note = fields.CharField(max_length=200, default="")
    targeted = fields.IntField(default=0)
    queued = fields.IntField(default=0)
    unreachable = fields.IntField(default=0)
    stopped = fields.IntField(default=0)  # cancel: queued sends that were stopped
    fanout_ms = fields.IntField(default=0)
    # The fan-out runs in the workers, one user-id range at a time: a queue row, leased like inbound messages.
    fanout_state = fields.CharField(max_length=8, default="done", db_index=True)  # queued|running|done|stopped
    fanout_cursor = fields.BigIntField(default=0)  # every user id up to this one is done
    fanout_upto = fields.BigIntField(default=0)  # the highest user id when it was raised: the audience's end
    fanout_lease_until = fields.DatetimeField(null=True)  # a worker holds it until then (renewed per range)
    fanout_finished_at = fields.DatetimeField(null=True)
    created_by = fields.ForeignKeyField("models.User", null=True, related_name="emergency_notices",
                                        on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "emergency_notices"
