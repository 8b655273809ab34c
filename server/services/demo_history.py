"""Demo history: 90 days of a living province, replayed through the services with a fixed seed.

People register, post needs, questions and offers; needs get matches and tickets that concierges move
through every stage (chat, plans — some overdue — and closes); pushes are recorded with their receipts;
one past emergency and one QR campaign. Every state change goes through the service that makes it in
production (lifecycle.open_ticket/advance/set_plan/close, matches.decide, chat, campaigns, emergencies and
their fan-out); afterwards the rows' timestamps are moved back to when it "happened", which is the only
thing a replay cannot do live. Idempotent: a second load finds the campaign and does nothing.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from server.models import (
    Article,
    Campaign,
    ChatMessage,
    EmergencyNotice,
    Match,
    Post,
    PushAttempt,
    PushBroadcast,
    PushRequest,
    Region,
    StaffProfile,
    Ticket,
    TicketEvent,
    User,
)
from server.models.enums import EmergencySeverity, EmergencyType, PostKind, PostStatus, RegionLevel, Role
from server.push import broadcast as push_broadcast
from server.push.custom import CHANNEL as CHAT_CHANNEL
from server.services import campaigns, emergencies, emergency_fanout, matches, matching
from server.services.commands import NewEmergency
from server.services.metrics import snapshots
from server.tickets import chat, lifecycle

HISTORY_POSTS = 72  # needs and questions over the 90 days: enough for every section, quick to embed at start-up
MARKER = "宜宾市科技活动周（演示）"  # the demo campaign's note: present means the history is loaded
S = PostStatus
# family -> (need titles, question titles, offer titles by synthetic scientists, discipline)
FAMILIES = {
    "soil": (["果园土壤酸化，施肥效果越来越差", "柑橘园土壤板结，根系长不好", "茶园土壤pH偏低怎么调"],
             ["化肥用多了土壤会变酸吗"], ["丘陵茶园土壤调酸与有机质提升"], "土壤学"),
    "fungi": (["香菇菌棒出菇不齐", "黑木耳菌棒污染率高", "羊肚菌连作减产严重"],
              ["野生菌怎么分辨有没有毒"], ["羊肚菌栽培与连作障碍防控"], "食用菌学"),
    "biocontrol": (["葡萄灰霉病想少用化学农药", "草莓白粉病反复发作", "猕猴桃溃疡病春季防控"],
                   ["生物农药对人安全吗"], ["果树病害绿色防控与生防菌剂应用"], "植物保护"),
    "postharvest": (["脐橙贮藏期间烂果多", "猕猴桃冷库保鲜期短", "李子采后软化快、运不远"],
                    ["水果打蜡对身体有害吗"], ["果蔬产地预冷与冷链贮运技术"], "农产品加工"),
    "corrosion": (["化工厂不锈钢管道点蚀", "污水处理池钢结构锈蚀严重", "储罐焊缝附近开裂"],
                  ["家里水管生锈水发黄要紧吗"], ["工业设备腐蚀检测与防护选材"], "材料腐蚀与防护"),
    "energy": (["小水电站发电效率下降", "工厂空压机能耗高想节能", "冷库电费太高求节能改造"],
               ["家用光伏板值不值得装"], ["工业节能诊断与余热回收"], "热能工程"),
}
DEMO_OFFERS = {"soil": "酸性土壤改良与果园土壤健康诊断", "fungi": "食用菌菌株提纯复壮、脱毒与鉴定",
               "biocontrol": "成果：枯草芽孢杆菌生防菌剂", "postharvest": "柑橘类采后保鲜涂膜与冷链贮运",
               "corrosion": "不锈钢焊接接头敏化与晶间腐蚀评价", "energy": ""}
CITIES = ["510100", "511500", "511600", "510800", "511900", "511800", "510900", "513400", "510700", "511300"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林"
GIVEN = ["建国", "秀英", "志强", "桂芳", "德明", "丽华", "海燕", "永红", "小军", "春梅", "国平", "晓东"]
# Where each need's ticket ends up, with weights: every stage appears, most are served or landed.
TARGETS = [(S.PUBLISHED, 2), (S.MATCHED, 2), (S.CONTACTED, 3), (S.NEGOTIATING, 3), (S.SIGNED, 2), (S.LANDED, 5),
           (S.CLOSED, 2)]
PATH = [S.MATCHED, S.CONTACTED, S.NEGOTIATING, S.SIGNED, S.LANDED]
CHAT = [("poster", "您好，情况大概就是帖子里写的，想尽快解决"), ("concierge", "收到，已联系专家，约好时间后告诉您"),
        ("poster", "好的，谢谢！周末我都在")]


class _Replay:
    """One replay: the random source, the clock and what it made."""

    def __init__(self, *, seed: int, now: datetime) -> None:
        self.rng, self.now = random.Random(seed), now
        self.counties: list[Region] = []
        self.offers: dict[str, list[Post]] = {}

    def ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)


async def _user(replay: _Replay, *, role: Role, region: Region, key: str, registered: datetime, **extra) -> User:
    follows = role != Role.CITIZEN or replay.rng.random() < 0.4
    user = await User.create(role=role, region=region, mp_openid=f"sandbox-h-{key}", name=replay.person(),
                             oa_openid=f"sandbox-oa-h-{key}" if follows else None, follows_oa=follows, **extra)
    await User.filter(id=user.id).update(created_at=registered, oa_followed_at=registered if follows else None)
    return user


async def _scientists(replay: _Replay) -> None:
    """Demo offers per family, plus one synthetic scientist (with an offer) per family."""
    for i, (family, (_needs, _questions, offers, discipline)) in enumerate(FAMILIES.items()):
        found = [p for p in [await Post.get_or_none(title=DEMO_OFFERS[family])] if p is not None]
        region = replay.counties[3 * i]  # one family's scientist in each of the first cities
        person = await _user(replay, role=Role.SCIENTIST, region=region, key=f"sci{i}", registered=replay.ago(120),
                             organisation="四川省农业科学院" if i < 4 else "西南石油大学", discipline=discipline)
        body = f"{offers[0]}：可到现场指导，提供检测和方案。"
        offer = await Post.create(kind=PostKind.OFFER, title=offers[0], body=body, region=region, author=person,
                                  tags=[discipline], source_scene="demo")
        await Post.filter(id=offer.id).update(created_at=replay.ago(replay.rng.uniform(60, 89)))
        replay.offers[family] = [*found, offer]


def _staged_times(replay: _Replay, start: datetime, steps: int) -> list[datetime]:
    """Times for `steps` events after `start`, a few hours to days apart, never in the future."""
    times, at = [], start
    room = (replay.now - timedelta(hours=1) - start) / max(steps, 1)
    for _ in range(steps):
        at = at + min(timedelta(hours=replay.rng.uniform(2, 96)), room)
        times.append(at)
    return times


async def _backdate(ticket: Ticket, post: Post, created: datetime, replay: _Replay) -> None:
    """Move a replayed ticket's rows back in time: its events in order, its pushes with their events."""
    events = await TicketEvent.filter(ticket_id=ticket.id).order_by("id")
    times = [created, *_staged_times(replay, created, len(events) - 1)]
    for event, at in zip(events, times, strict=True):
        await TicketEvent.filter(id=event.id).update(created_at=at)
    last_status = next((at for e, at in reversed(list(zip(events, times, strict=True)))
                        if e.kind in ("status", "closed")), created)
    contact = next((at for e, at in zip(events, times, strict=True) if e.to_status == S.CONTACTED.value), None)
    await Ticket.filter(id=ticket.id).update(created_at=created, assigned_at=times[min(1, len(times) - 1)],
                                             stage_since=last_status, first_contact_at=contact)
    await Post.filter(id=post.id).update(created_at=created)
    await PushRequest.filter(cause__contains=f":{ticket.id}:").update(created_at=last_status, due_at=last_status)
    await PushRequest.filter(cause=f"no-expert:{post.id}").update(created_at=times[-1], due_at=times[-1])
    for message in await ChatMessage.filter(ticket_id=ticket.id).order_by("id"):
        at = min((contact or last_status) + timedelta(minutes=replay.rng.randint(5, 600)), replay.now)
        await ChatMessage.filter(id=message.id).update(created_at=at)
        await _chat_delivered(message, at=at)


async def _chat_delivered(message: ChatMessage, *, at: datetime) -> None:
    """Record a replayed chat message as sent in the recipient's window when it was written."""
    push = await PushRequest.get_or_none(kind=chat.KIND, cause=f"chat:{message.id}")
    if push is None:
        return
    await PushRequest.filter(id=push.id).update(status="sent", channel=CHAT_CHANNEL, attempts=1, created_at=at,
                                                due_at=at)
    attempt = await PushAttempt.create(request=push, channel=CHAT_CHANNEL)
    await PushAttempt.filter(id=attempt.id).update(created_at=at)


async def _need(replay: _Replay, *, family: str, title: str, author: User, kind: PostKind, campaign=None) -> None:
    """One need or question: posted, matched, worked to its target stage, then moved back in time."""
    created = replay.ago(replay.rng.uniform(1, 89))
    target = replay.rng.choices([t for t, _ in TARGETS], weights=[w for _, w in TARGETS])[0]
    post = await Post.create(kind=kind, title=title, body=f"{title}。我们在{author.region.name}，希望专家给些办法。",
                             region_id=author.region_id, author=author, tags=[FAMILIES[family][3]], source_scene="demo",
                             campaign=campaign)
    ticket = await lifecycle.open_ticket(post=post)
    staff = await User.get_or_none(id=ticket.concierge_id or 0)
    offers = replay.offers[family] if kind == PostKind.NEED else []
    found = [await Match.create(demand=post, supply_post=o, origin_post_id=post.id, rank=i + 1, method="hybrid",
                                score=0.9 - i / 10, relevance=round(replay.rng.uniform(0.55, 0.92), 2),
                                keywords=[FAMILIES[family][3]]) for i, o in enumerate(offers)]
    for match, offer in zip(found, offers, strict=True):  # as the matcher announces them
        push = await PushRequest.create(kind="match_found", cause=f"match:{match.id}", user_id=offer.author_id,
                                        data={"post_id": post.id, "post_title": post.title, "offer_title": offer.title})
        await PushRequest.filter(id=push.id).update(created_at=created, due_at=created)
        await Match.filter(id=match.id).update(created_at=created, notice="queued")
    await matching._flag_ticket(post, found_any=bool(found) or target != S.PUBLISHED)
    if staff is None:
        return await _backdate(ticket, post, created, replay)
    accepted = bool(found) and target not in (S.PUBLISHED, S.CLOSED)
    if accepted:  # the need and its ticket go to matched together
        await matches.decide(user=author, match_id=replay.rng.choice(found).id, accept=True, reason="")
    for stage in PATH[int(accepted): PATH.index(target) + 1] if target in PATH else []:
        await lifecycle.advance(ticket_id=ticket.id, staff=staff, to=stage, note="")
        if stage == S.CONTACTED:
            for side, text in CHAT:
                sender = author if side == "poster" else staff
                send = chat.from_poster if side == "poster" else chat.from_concierge
                await (send(poster=sender, ticket=ticket, text=text, source="miniprogram") if side == "poster"
                       else send(concierge=sender, ticket=ticket, text=text))
    if target in (S.CONTACTED, S.NEGOTIATING, S.SIGNED):
        due = (replay.now + timedelta(days=replay.rng.randint(-10, 14))).date()  # some plans overdue
        await lifecycle.set_plan(ticket_id=ticket.id, staff=staff, due=due, step="回访并约专家实地查看")
    if target == S.CLOSED:
        await lifecycle.close(ticket_id=ticket.id, staff=staff, reason="需求方已自行解决")
    await _backdate(await Ticket.get(id=ticket.id), post, created, replay)


async def _settle_pushes(replay: _Replay, *, after: int) -> None:
    """Record delivery of every replayed push: sent with a receipt to the reachable, else unreachable."""
    for push in await PushRequest.filter(id__gt=after, status__in=["pending", "sending"]).prefetch_related("user"):
        reachable = push.user.follows_oa and replay.rng.random() > 0.05
        push.status, push.channel = ("sent", "oa_template") if reachable else ("unreachable", "")
        await push.save(update_fields=["status", "channel"])
        if reachable:
            attempt = await PushAttempt.create(request=push, channel="oa_template", final_status="success",
                                               wechat_msgid=replay.rng.randint(10**9, 10**10))
            await PushAttempt.filter(id=attempt.id).update(created_at=push.created_at)


async def _goes(data: dict, now: datetime) -> str:
    return ""  # the replayed alert is sent while it lasts


async def _emergency(replay: _Replay, admin: User) -> None:
    found = await Article.all().order_by("id")
    flood = next((a for a in found if "flood" in (a.emergency_topics or [])), found[0])
    then = replay.ago(40)
    emergency, _ = await emergencies.alert(admin=admin, now=then, command=NewEmergency(
        event_type=EmergencyType.FLOOD, severity=EmergencySeverity.ORANGE, headline="广安市渠江流域强降雨",
        instruction="远离河道，低洼地带群众及时转移", region_codes=["511600"], onset=then,
        expires_at=then + timedelta(days=2), article_ids=[flood.id]))
    await emergency_fanout.work(now=then)
    # Its reachable recipients become push requests as a dispatcher would write them (settled below).
    while await push_broadcast.materialise(worker="demo-history", limit=1000, now=then, stopped=_goes):
        pass
    await PushRequest.filter(kind="emergency_alert").update(created_at=then, due_at=then)
    await PushBroadcast.filter(kind="emergency_alert").update(created_at=then)
    await EmergencyNotice.filter(emergency_id=emergency.id).update(created_at=then)


async def load_history(*, seed: int = 17, now: datetime | None = None) -> dict[str, int]:
    """Replay 90 days of the demo province (idempotent); return what was made."""
    if await Campaign.filter(note=MARKER).exists():
        return {"history": 0}
    replay = _Replay(seed=seed, now=now or datetime.now(UTC))
    admin = await User.filter(role=Role.ADMIN).order_by("id").first()
    yibin_staff = await StaffProfile.filter(region_id="511500").first()
    watermark = await PushRequest.all().order_by("-id").first().values_list("id", flat=True) or 0
    async with in_transaction():
        for city in CITIES:
            replay.counties += await Region.filter(parent_code=city, level=RegionLevel.COUNTY).order_by("code").limit(3)
        campaign = await campaigns.create_campaign(admin=admin, region_code="511500", note=MARKER,
                                                   staff_id=yibin_staff.user_id if yibin_staff else None)
        await _scientists(replay)
        made = 0
        for n in range(HISTORY_POSTS):
            family = replay.rng.choice(list(FAMILIES))
            needs, questions, _offers, _d = FAMILIES[family]
            kind = PostKind.QUESTION if n % 6 == 5 else PostKind.NEED
            region = replay.counties[3 * (n % len(CITIES)) + replay.rng.randrange(3)]  # every city, in turn
            by_code = region.code.startswith("5115") and n % 20 < 10  # half of 宜宾市's came by the QR code
            role = Role.CITIZEN if kind == PostKind.QUESTION else Role.ORGANISATION
            unit = f"{region.name}{'合作社' if n % 2 else '科技公司'}" if role == Role.ORGANISATION else ""
            author = await _user(replay, role=role, region=region, key=f"p{n}", organisation=unit,
                                 registered=replay.ago(replay.rng.uniform(5, 150)))
            if by_code:
                await campaigns.record_user_arrival(user=author, scene=campaign.scene)
            await author.fetch_related("region")
            title = f"{region.name}{replay.rng.choice(questions if kind == PostKind.QUESTION else needs)}"
            await _need(replay, family=family, title=title[:64], author=author, kind=kind,
                        campaign=campaign if by_code else None)
            made += 1
        await _emergency(replay, admin)
        await _settle_pushes(replay, after=watermark)
    await snapshots.snapshot_push_days(replay.now)
    await snapshots.snapshot_metric_days(replay.now)
    return {"history_posts": made, "pushes": await PushRequest.all().count()}
