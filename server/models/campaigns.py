"""QR-code campaigns: a mini-program code's scene points at a region and a referring staff member."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Campaign(Model):
    id = fields.IntField(primary_key=True)
    scene = fields.CharField(max_length=32, unique=True)
    region = fields.ForeignKeyField("models.Region", related_name="campaigns",
                                    on_delete=fields.RESTRICT)
    staff = fields.ForeignKeyField("models.User", null=True, related_name="referred_campaigns",
                                   on_delete=fields.SET_NULL)
    note = fields.CharField(max_length=200, default="")
    created_by = fields.ForeignKeyField("models.User", null=True, related_name="created_campaigns",
                                        on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "campaigns"
