"""Photos attached to a need or question (at most 3), kept in the photo storage, checked by WeChat."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import PhotoCheck


class PostPhoto(Model):
    id = fields.IntField(primary_key=True)
    post = fields.ForeignKeyField("models.Post", related_name="photos", on_delete=fields.CASCADE)
    uploader = fields.ForeignKeyField("models.User", related_name="photos", on_delete=fields.CASCADE)
    storage_key = fields.CharField(max_length=128, unique=True)  # posts/<post id>/<random>.<ext>
    content_type = fields.CharField(max_length=16)
    size = fields.IntField()
    verdict = fields.CharEnumField(PhotoCheck, max_length=8, default=PhotoCheck.PENDING)
    trace_id = fields.CharField(max_length=64, null=True, unique=True)  # mediaCheckAsync's, matched by the callback
    check_error = fields.CharField(max_length=128, default="")  # why the check could not be asked for
    checked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "post_photos"
