"""The push outbox: one row per (kind, cause, user), written in the transaction that causes it.

A fan-out (an emergency notice, an outreach) is a `PushBroadcast` of one (kind, cause) holding the template
data once, and one narrow `PushRecipient` row per person; the dispatcher writes a recipient's push request
(with empty data, filled in from the broadcast) only when it is about to send it (push.broadcast).
"""

from __future__ import annotations

from tortoise import fields
from tortoise.indexes import PartialIndex
from tortoise.models import Model

from server.models.enums import PushStatus

PRIORITY_EMERGENCY, PRIORITY_NORMAL, PRIORITY_BULK = 0, 5, 9
# A ticket chat message (it carries a customer-service body, data["custom"]): someone waits for the
# answer, and there are a few a second at most, so it is claimed even before an emergency's backlog.
PRIORITY_CHAT = -1


class PushRequest(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)  # a template kind: match_found, post_progress, ...
    cause = fields.CharField(max_length=64)  # what caused it, e.g. "match:12"
    # No database constraint: its per-row check cost a fan-out 25-40 % of its time. Every writer takes
    # the id from a users row in the same statement (the fan-out selects from users) or from a loaded
    # user, and users are never deleted (accounts are deactivated); the dispatcher fails a row whose
    # user is missing.
    user = fields.ForeignKeyField("models.User", related_name="push_requests", on_delete=fields.CASCADE,
                                  db_constraint=False)
    data = fields.JSONField(default=dict)  # template data; empty on a fan-out's rows (see PushBroadcast)
    region_code = fields.CharField(max_length=6, null=True)  # the person's region at fan-out (figures)
    priority = fields.SmallIntField(default=PRIORITY_NORMAL)
    status = fields.CharEnumField(PushStatus, max_length=16, default=PushStatus.PENDING)
    due_at = fields.DatetimeField(auto_now_add=True)
    attempts = fields.SmallIntField(default=0)
    last_error = fields.CharField(max_length=200, default="")
    channel = fields.CharField(max_length=16, default="")  # the one that delivered it: oa_custom | oa_template | ...
    claimed_by = fields.CharField(max_length=96, null=True)
    claimed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "push_requests"
        unique_together = (("kind", "cause", "user_id"),)
        # The dispatcher's queue holds only what waits (claim order) and what is being sent (taken back after
        # a timeout): rows sent, unreachable or cancelled leave both. The dashboard reads the requests of a
        # period by created_at: on PostgreSQL a BRIN index (rows are appended in time order, and a BRIN
        # costs a fan-out next to nothing where a btree cost it 10-15 %), a btree on SQLite (migration 11).
        # push_requests_due has no id: a fan-out's rows share (priority, due_at), so PostgreSQL deduplicates
        # them into posting lists (ties in heap order, ~insertion order) and a fan-out writes it at a fraction
        # of the cost; SQLite's index ends with the rowid (= id) anyway.
        indexes = (PartialIndex(fields=("priority", "due_at"), condition={"status": "pending"},
                                name="push_requests_due"),
                   PartialIndex(fields=("claimed_at",), condition={"status": "sending"}, name="push_requests_claimed"),
                   ("created_at",))


class PushBroadcast(Model):
    """One fan-out: its template data (stored once for all its rows) and how far its recipients are sent.

    The dispatcher turns its reachable recipients into push requests in user-id order, a batch at a time,
    moving `cursor` in the same transaction (push.broadcast.materialise).
    """

    OPEN, SENDING, DONE, STOPPED = "open", "sending", "done", "stopped"

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)
    cause = fields.CharField(max_length=64)
    data = fields.JSONField(default=dict)
    priority = fields.SmallIntField(default=PRIORITY_NORMAL)
    due_at = fields.DatetimeField(null=True)  # none of it is sent before (an outreach made at night)
    # open: recipients are still being written (a fan-out range by range); sending: all are written;
    # done: every reachable one has its push request; stopped: cancelled, nothing more is written.
    state = fields.CharField(max_length=8, default=DONE)
    cursor = fields.BigIntField(default=0)  # every reachable recipient up to this user id has its push request
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "push_broadcasts"
        unique_together = (("kind", "cause"),)


class PushRecipient(Model):
    """One person a fan-out (a `PushBroadcast`) targets: the narrow row the fan-out writes, one per person.

    Tortoise has no composite primary key, so the key is (broadcast_id, user_id) packed into one bigint
    (`key_of`): one index holds both the uniqueness and the dispatcher's keyset order. No foreign keys:
    the fan-out selects user ids from users in the same statement and users are never deleted.
    """

    key = fields.BigIntField(primary_key=True, generated=False)  # broadcast_id * 2**32 + user_id
    user_id = fields.IntField()
    region_code = fields.CharField(max_length=6, null=True)  # the person's region at fan-out (figures)
    reachable = fields.BooleanField()  # some channel of the template could reach them at fan-out

    class Meta:
        table = "push_recipients"


KEY_SPAN = 2**32  # user ids are 32-bit (IntField)


def key_of(broadcast_id: int, user_id: int = 0) -> int:
    """The recipients key of a broadcast's person (user_id 0: where the broadcast's keys begin)."""
    return broadcast_id * KEY_SPAN + user_id
