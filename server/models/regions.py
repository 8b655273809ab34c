"""GB/T 2260 administrative divisions, normalised to 6-digit codes."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import RegionLevel


class Region(Model):
    code = fields.CharField(max_length=6, primary_key=True)
    name = fields.CharField(max_length=64)
    level = fields.CharEnumField(RegionLevel, max_length=8, db_index=True)
    parent_code = fields.CharField(max_length=6, null=True, db_index=True)

    class Meta:
        table = "regions"
