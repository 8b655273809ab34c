"""Delivery records: every attempt, subscribe-message quotas and remembered refusals."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class PushAttempt(Model):
    """One try at sending one push request through one channel."""

    id = fields.BigIntField(primary_key=True)
    request = fields.ForeignKeyField("models.PushRequest", related_name="delivery_attempts", on_delete=fields.CASCADE)
    channel = fields.CharField(max_length=16)  # oa_custom | oa_template | mp_subscribe | none
    errcode = fields.IntField(default=0)
    errmsg = fields.CharField(max_length=200, default="")
    wechat_msgid = fields.BigIntField(null=True, db_index=True)  # template/send's msgid, for receipts
    final_status = fields.CharField(max_length=64, default="")  # from TEMPLATESENDJOBFINISH
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "push_attempts"


class SubscribeQuota(Model):
    """Accepted one-time subscribe grants per user and template (WeChat gives no balance API)."""

    id = fields.IntField(primary_key=True)
    user = fields.ForeignKeyField("models.User", related_name="subscribe_quotas", on_delete=fields.CASCADE)
    template_id = fields.CharField(max_length=128)
    remaining = fields.IntField(default=0)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "subscribe_quotas"
        unique_together = (("user_id", "template_id"),)


class PushBlock(Model):
    """A channel WeChat told us is closed for a user (43101 refused, 40003 bad openid ...): never retried."""

    id = fields.IntField(primary_key=True)
    user = fields.ForeignKeyField("models.User", related_name="push_blocks", on_delete=fields.CASCADE)
    channel = fields.CharField(max_length=16)
    template_id = fields.CharField(max_length=128, default="")
    errcode = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "push_blocks"
        unique_together = (("user_id", "channel", "template_id"),)


class PushDayCount(Model):
    """Push requests created on one Beijing day, per region, kind and status: the dashboard's snapshot.

    Written by the nightly `snapshot-push-days` job once a day has settled (a push's status can still
    change for a while: retries, quiet hours, receipts); a row with kind DAY_MARKER says the day is
    complete, so a missing day is read live rather than shown as zero.
    """

    DAY_MARKER = "*"

    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    region_code = fields.CharField(max_length=12, default="")  # the fan-out's region, else the user's
    kind = fields.CharField(max_length=32)
    status = fields.CharField(max_length=16, default="")
    n = fields.IntField()
    computed_at = fields.DatetimeField()

    class Meta:
        table = "push_day_counts"
        unique_together = (("day", "region_code", "kind", "status"),)
