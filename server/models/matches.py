"""Matches between the demand side (need/question) and the supply side (offer/article)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import MatchStatus


class Match(Model):
    id = fields.IntField(primary_key=True)
    demand = fields.ForeignKeyField("models.Post", related_name="supply_matches", on_delete=fields.CASCADE)
    supply_post = fields.ForeignKeyField("models.Post", null=True, related_name="demand_matches",
                                         on_delete=fields.CASCADE)
    supply_article = fields.ForeignKeyField("models.Article", null=True, related_name="matches",
                                            on_delete=fields.CASCADE)
    # The post whose matching run proposed this pair: only that run may replace it as stale.
    origin_post_id = fields.IntField(db_index=True)
    score = fields.FloatField()
    method = fields.CharField(max_length=16)
    rank = fields.SmallIntField()
    keywords = fields.JSONField(default=list)
    # The fused ranking's calibrated relevance in [0, 1] (see server/match/fusion.py); null for old rows.
    relevance = fields.FloatField(null=True)
    # The scientist's match notice: "" none due, "queued" sent now, "digest" waiting for the daily
    # digest (the per-scientist daily cap was reached), "digested" sent in a digest.
    notice = fields.CharField(max_length=12, default="")
    status = fields.CharEnumField(MatchStatus, max_length=16, default=MatchStatus.PROPOSED)
    decided_by = fields.ForeignKeyField("models.User", null=True, related_name="match_decisions",
                                        on_delete=fields.SET_NULL)
    decided_at = fields.DatetimeField(null=True)
    reason = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "matches"
        unique_together = (("demand_id", "supply_post_id"), ("demand_id", "supply_article_id"))
        # an offer's (accepted) matches; the matches of a period (the dashboard's cards)
        indexes = (("supply_post_id", "status"), ("created_at", "demand_id"))
