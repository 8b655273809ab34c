"""Chat messages relayed between a poster and their concierge.

Each message to a known recipient is delivered by the push dispatcher: one `push_requests` row (kind
concierge_message, cause "chat:<id>") written with it holds its delivery state (server.tickets.chat reads it).
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ChatMessage(Model):
    id = fields.BigIntField(primary_key=True)
    ticket = fields.ForeignKeyField("models.Ticket", related_name="messages", on_delete=fields.CASCADE)
    sender = fields.ForeignKeyField("models.User", related_name="sent_messages", on_delete=fields.CASCADE)
    recipient = fields.ForeignKeyField("models.User", null=True, related_name="received_messages",
                                       on_delete=fields.SET_NULL)
    sender_role = fields.CharField(max_length=16)  # poster | concierge
    msg_type = fields.CharField(max_length=16, default="text")  # text | image | voice
    text = fields.TextField(default="")
    media_id = fields.CharField(max_length=128, default="")
    source = fields.CharField(max_length=16)  # official_account | miniprogram
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "chat_messages"
