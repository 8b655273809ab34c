"""Posts: needs, questions and offers, with their lifecycle status."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import OfferType, PostKind, PostStatus, ReviewState


class Post(Model):
    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(PostKind, max_length=16)
    offer_type = fields.CharEnumField(OfferType, max_length=16, null=True)
    title = fields.CharField(max_length=64)
    body = fields.TextField()
    tags = fields.JSONField(default=list)
    region = fields.ForeignKeyField("models.Region", related_name="posts", on_delete=fields.RESTRICT)
    author = fields.ForeignKeyField("models.User", related_name="posts", on_delete=fields.CASCADE)
    status = fields.CharEnumField(PostStatus, max_length=16, default=PostStatus.PUBLISHED)
    close_reason = fields.CharField(max_length=200, default="")
    review_state = fields.CharEnumField(ReviewState, max_length=16, default=ReviewState.PASSED)
    review_note = fields.CharField(max_length=200, default="")
    source_scene = fields.CharField(max_length=32, null=True)
    campaign = fields.ForeignKeyField("models.Campaign", null=True, related_name="posts",
                                      on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    expires_at = fields.DatetimeField(null=True)
    # The client's Idempotency-Key of the creating request: unique per author, so a retried or
    # concurrent create with the same key can never make a second post.
    idempotency_key = fields.CharField(max_length=64, null=True)
    # Held pending because the content check was unreachable: when to check again, and how often it
    # already failed (backoff). NULL when no automatic re-check is due (passed, or waiting for a person).
    review_due_at = fields.DatetimeField(null=True)
    review_attempts = fields.SmallIntField(default=0)

    class Meta:
        table = "posts"
        # (created_at, region_id): the dashboard's posts of a period, for any region level.
        unique_together = (("author_id", "idempotency_key"),)
        indexes = (("kind", "status", "id"), ("author_id", "id"), ("region_id", "id"), ("created_at", "region_id"),
                   ("review_due_at",))
