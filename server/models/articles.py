"""Science articles (科普文章 / 应急科普资源)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Article(Model):
    id = fields.IntField(primary_key=True)
    external_id = fields.CharField(max_length=64, unique=True, null=True)
    title = fields.CharField(max_length=128)
    summary = fields.CharField(max_length=300, default="")
    body = fields.TextField(default="")
    url = fields.CharField(max_length=500, default="")
    topics = fields.JSONField(default=list)
    emergency_topics = fields.JSONField(default=list)
    source = fields.CharField(max_length=64, default="")
    region_scope = fields.CharField(max_length=6, default="510000", db_index=True)
    published_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "articles"
