"""A poster's view of their post's progress: the lifecycle stages with times, concierge and next step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from server.errors import NotFound
from server.models import Post, Ticket, TicketEvent, User
from server.models.enums import PostStatus
from server.services import reach

S = PostStatus
STAGES = [S.PUBLISHED, S.MATCHED, S.CONTACTED, S.NEGOTIATING, S.SIGNED, S.LANDED]
STAGE_NAMES = {S.PUBLISHED: "已发布", S.MATCHED: "已匹配", S.CONTACTED: "已对接", S.NEGOTIATING: "洽谈中",
               S.SIGNED: "已签约", S.LANDED: "已落地", S.CLOSED: "已关闭"}


@dataclass(frozen=True)
class Stage:
    status: PostStatus
    label: str
    reached: bool
    current: bool
    at: datetime | None  # when the ticket entered it (None when skipped, e.g. 已匹配 on a direct contact)


@dataclass
class Progress:
    post: Post
    ticket: Ticket | None
    events: list[TicketEvent] = field(default_factory=list)  # the ticket's non-internal events, oldest first
    stages: list[Stage] = field(default_factory=list)

    @property
    def concierge(self) -> User | None:
        concierge = self.ticket.concierge if self.ticket else None
        return concierge if isinstance(concierge, User) else None

    @property
    def next_step(self) -> tuple[str, date | None] | None:
        if self.ticket is None or not self.ticket.plan_step or self.post.status in (S.LANDED, S.CLOSED):
            return None
        return self.ticket.plan_step, self.ticket.plan_due


async def progress_of(*, viewer: User, post_id: int) -> Progress:
    """Return a post's progress for its poster or staff reaching its region; NotFound for anyone else."""
    post = await Post.get_or_none(id=post_id)
    if post is None or (post.author_id != viewer.id and not (await reach.reach_of(viewer)).covers(post.region_id)):
        raise NotFound("post")  # same answer for absent and not yours
    ticket = await Ticket.get_or_none(post_id=post.id).prefetch_related("concierge")
    events = await TicketEvent.filter(ticket_id=ticket.id, internal=False).order_by("id") if ticket else []
    return Progress(post=post, ticket=ticket, events=events, stages=stages_of(post, events))


def stages_of(post: Post, events: list[TicketEvent]) -> list[Stage]:
    """Return the six lifecycle stages, reached up to the current one (the last before closing)."""
    entered: dict[str, datetime] = {S.PUBLISHED.value: post.created_at}
    current = S.PUBLISHED
    for event in events:
        if event.to_status == S.CLOSED.value or event.to_status not in {s.value for s in STAGES}:
            continue
        entered.setdefault(event.to_status, event.created_at)
        current = S(event.to_status)
    if post.status in STAGES and STAGES.index(post.status) > STAGES.index(current):
        current = post.status  # a need without a ticket (stored directly) whose match was accepted
    upto = STAGES.index(current)
    return [Stage(status=s, label=STAGE_NAMES[s], reached=i <= upto, current=i == upto and post.status != S.CLOSED,
                  at=entered.get(s.value) if i <= upto else None)
            for i, s in enumerate(STAGES)]
