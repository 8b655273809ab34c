"""Tickets (一单一策): one concierge order per need or question, with its timeline."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.models.enums import PostStatus


class Ticket(Model):
    id = fields.IntField(primary_key=True)
    post = fields.OneToOneField("models.Post", related_name="ticket", on_delete=fields.CASCADE)
    poster = fields.ForeignKeyField("models.User", related_name="tickets", on_delete=fields.CASCADE)
    concierge = fields.ForeignKeyField("models.User", null=True, related_name="assigned_tickets",
                                       on_delete=fields.SET_NULL)
    region = fields.ForeignKeyField("models.Region", related_name="tickets", on_delete=fields.RESTRICT)
    status = fields.CharEnumField(PostStatus, max_length=16, default=PostStatus.PUBLISHED)
    # What automatic matching found: "" not run yet, "matched" someone above the floor, "no_expert"
    # nobody worth bothering (未找到合适专家): the concierge searches by hand.
    match_state = fields.CharField(max_length=12, default="", db_index=True)
    plan_step = fields.CharField(max_length=200, default="")
    plan_due = fields.DateField(null=True)
    close_reason = fields.CharField(max_length=200, default="")
    rating = fields.SmallIntField(null=True)
    rating_comment = fields.CharField(max_length=500, default="")
    assigned_at = fields.DatetimeField(null=True)
    first_contact_at = fields.DatetimeField(null=True)
    stage_since = fields.DatetimeField(auto_now_add=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "tickets"
        # (poster_id, id): a poster's latest open ticket, read by every official-account message they send.
        # (created_at, region_id): the tickets opened on a day, read live by the dashboard for today.
        indexes = (("concierge_id", "status"), ("region_id", "status"), ("poster_id", "id"),
                   ("created_at", "region_id"))


class TicketEvent(Model):
    """A timeline entry: who did what, when, from which stage to which, with a note."""

    id = fields.BigIntField(primary_key=True)
    ticket = fields.ForeignKeyField("models.Ticket", related_name="events", on_delete=fields.CASCADE)
    actor = fields.ForeignKeyField("models.User", null=True, related_name="ticket_events", on_delete=fields.SET_NULL)
    kind = fields.CharField(max_length=16)  # opened assigned status plan note handover closed rated
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16, null=True)
    note = fields.CharField(max_length=500, default="")
    internal = fields.BooleanField(default=False)  # staff-only notes never reach the poster
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ticket_events"
        # A ticket's timeline; the dashboard's stage changes of a period (kind 'status', to_status, created_at).
        indexes = (("ticket_id", "id"), ("kind", "to_status", "created_at"))


class StaffProfile(Model):
    """A concierge's coverage and availability."""

    user = fields.OneToOneField("models.User", related_name="staff_profile", on_delete=fields.CASCADE)
    region = fields.ForeignKeyField("models.Region", related_name="staff", on_delete=fields.RESTRICT)
    capacity = fields.SmallIntField(default=50)
    away = fields.BooleanField(default=False)
    supervisor = fields.ForeignKeyField("models.User", null=True, related_name="supervised",
                                        on_delete=fields.SET_NULL)
    last_assigned_at = fields.DatetimeField(null=True)
    current_ticket_id = fields.IntField(null=True)  # the ticket chat replies go to ("#123" switches)

    class Meta:
        table = "staff_profiles"
