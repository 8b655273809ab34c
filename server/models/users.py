"""People: mini-program and official-account identities, role and profile."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import Role


class User(Model):
    id = fields.IntField(primary_key=True)
    mp_openid = fields.CharField(max_length=64, unique=True, null=True)
    oa_openid = fields.CharField(max_length=64, unique=True, null=True)
    unionid = fields.CharField(max_length=64, unique=True, null=True)
    role = fields.CharEnumField(Role, max_length=16, default=Role.CITIZEN, db_index=True)
    name = fields.CharField(max_length=32, default="")
    organisation = fields.CharField(max_length=64, default="")
    title = fields.CharField(max_length=32, default="")
    discipline = fields.CharField(max_length=32, default="")
    birth_year = fields.SmallIntField(null=True)  # for award calls with an age limit
    region = fields.ForeignKeyField("models.Region", null=True, related_name="users",
                                    on_delete=fields.SET_NULL)
    interests = fields.JSONField(default=list)
    # The campaign the person first arrived through. A plain id, not a foreign key:
    # campaigns reference their staff user, and a cycle would break schema creation.
    campaign_id = fields.IntField(null=True, db_index=True)
    source_scene = fields.CharField(max_length=32, null=True)
    follows_oa = fields.BooleanField(default=False)  # follows the official account right now
    oa_followed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField(null=True)
    password_hash = fields.CharField(max_length=200, default="")  # console sign-in (staff and admin only)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "users"
        # dashboard: people per region and role by a date; people registered within a few days (snapshots)
        indexes = (("region_id", "role", "created_at"), ("created_at", "region_id", "role"))

    def __str__(self) -> str:
        return f"User({self.id}, {self.role})"
