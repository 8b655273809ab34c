"""Model -> JSON shapes returned by the API (one place, so every route agrees)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from server.models import (
    Article,
    Campaign,
    ChatMessage,
    Emergency,
    EmergencyNotice,
    Match,
    Outreach,
    Post,
    Region,
    Ticket,
    TicketEvent,
    User,
)
from server.services.emergencies import DONE, SEVERITY_CAP, SEVERITY_LABEL, TYPE_LABEL, Delivery, is_fanned_out
from server.services.progress import STAGE_NAMES, Progress


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def user_json(user: User) -> dict[str, Any]:
    """Return a user's profile as the API shows it to themselves."""
    return {
        "id": user.id, "role": user.role.value, "name": user.name, "organisation": user.organisation,
        "title": user.title, "discipline": user.discipline, "region_code": user.region_id,
        "interests": user.interests, "campaign_id": user.campaign_id,
        "follows_official_account": bool(user.oa_openid and user.follows_oa),
        "created_at": _iso(user.created_at), "last_seen_at": _iso(user.last_seen_at),
    }


def region_json(region: Region) -> dict[str, Any]:
    """Return a region."""
    return {"code": region.code, "name": region.name, "level": region.level.value,
            "parent_code": region.parent_code}


def post_json(post: Post, *, viewer: User | None = None) -> dict[str, Any]:
    """Return a post; review details only for its author and staff."""
    region = post.region if isinstance(post.region, Region) else None
    data: dict[str, Any] = {
        "id": post.id, "kind": post.kind.value,
        "offer_type": post.offer_type.value if post.offer_type else None,
        "title": post.title, "body": post.body, "tags": post.tags,
        "region_code": post.region_id, "region_name": region.name if region else None,
        "status": post.status.value, "author_id": post.author_id, "campaign_id": post.campaign_id,
        "created_at": _iso(post.created_at), "updated_at": _iso(post.updated_at),
        "expires_at": _iso(post.expires_at),
    }
    if viewer is not None and (viewer.id == post.author_id or viewer.role.value in ("staff", "admin")):
        data.update(review_state=post.review_state.value, close_reason=post.close_reason,
                    source_scene=post.source_scene)
    return data


def campaign_json(campaign: Campaign) -> dict[str, Any]:
    """Return a campaign."""
    return {"id": campaign.id, "scene": campaign.scene, "region_code": campaign.region_id,
            "staff_id": campaign.staff_id, "note": campaign.note, "created_at": _iso(campaign.created_at)}


def match_json(match: Match, *, viewer: User, can_decide: bool) -> dict[str, Any]:
    """Return a match with the counterpart the viewer cares about."""
    supply = match.supply_post or match.supply_article
    counterpart = match.demand if match.supply_post and match.supply_post.author_id == viewer.id else supply
    data: dict[str, Any] = {
        "id": match.id, "score": round(match.score, 4), "rank": match.rank, "method": match.method,
        "keywords": match.keywords, "status": match.status.value, "can_decide": can_decide,
        "decision": _decision(match),
        "demand_post_id": match.demand_id, "supply_post_id": match.supply_post_id,
        "supply_article_id": match.supply_article_id,
        # The fused ranking's calibrated relevance in [0, 1] (null for matches made before it existed).
        "relevance": round(match.relevance, 3) if match.relevance is not None else None,
        "explanation": explain_match(match),
        # Who decided (one decision per match): "demand" (the poster), "supply" (the offer's author) or "staff";
        # my_decision is the viewer's own, so one side's 已接受 is not shown to the other as theirs.
        "decided_by": _decided_by(match),
        "my_decision": _decision(match) if match.decided_by_id == viewer.id else None,
    }
    if isinstance(match.supply_post, Post):  # which of the scientist's offers matched
        data["matched_offer"] = {"id": match.supply_post.id, "title": match.supply_post.title}
    if isinstance(counterpart, Post):
        data["post"] = {"id": counterpart.id, "kind": counterpart.kind.value, "title": counterpart.title,
                        "region_code": counterpart.region_id, "author_id": counterpart.author_id}
    elif isinstance(counterpart, Article):
        data["article"] = {"id": counterpart.id, "title": counterpart.title, "summary": counterpart.summary}
    return data


def _decision(match: Match) -> str | None:
    return {"proposed": None}.get(match.status.value, match.status.value)


def _decided_by(match: Match) -> str | None:
    if match.decided_by_id is None:
        return None
    if isinstance(match.demand, Post) and match.decided_by_id == match.demand.author_id:
        return "demand"
    if isinstance(match.supply_post, Post) and match.decided_by_id == match.supply_post.author_id:
        return "supply"
    return "staff"


def explain_match(match: Match) -> str:
    """Return a reader's sentence on why two posts were matched (Chinese)."""
    words = [w.replace("≈", "（即", 1) + "）" if "≈" in w else w for w in match.keywords or []]
    offer = f"「{match.supply_post.title}」" if isinstance(match.supply_post, Post) else "这篇科普"
    if not words:
        return f"{offer}与需求的整体意思相近"
    return f"{offer}与需求都涉及：" + "、".join(words)


MATCH_STATE_TEXT = {"": "匹配中", "matched": "已找到相关专家", "no_expert": "未找到合适专家"}


def ticket_json(ticket: Ticket, *, staff_view: bool, events: list[TicketEvent] | None = None) -> dict[str, Any]:
    """Return a ticket; plans and internal details only for staff."""
    concierge = ticket.concierge if isinstance(ticket.concierge, User) else None
    data: dict[str, Any] = {
        "id": ticket.id, "post_id": ticket.post_id, "status": ticket.status.value, "rating": ticket.rating,
        "concierge": {"id": concierge.id, "name": concierge.name} if concierge else None,
        # Whether automatic matching found anyone above the floor; "no_expert": the concierge searches by hand.
        "match_state": ticket.match_state, "match_state_text": MATCH_STATE_TEXT.get(ticket.match_state, ""),
    }
    if staff_view:
        data.update(plan_step=ticket.plan_step, plan_due=ticket.plan_due.isoformat() if ticket.plan_due else None,
                    stage_since=_iso(ticket.stage_since), first_contact_at=_iso(ticket.first_contact_at))
    if events is not None:
        data["timeline"] = [{"kind": e.kind, "from": e.from_status, "to": e.to_status, "note": e.note,
                             "at": _iso(e.created_at), "actor_id": e.actor_id, "internal": e.internal}
                            for e in events]
    return data


def progress_json(progress: Progress) -> dict[str, Any]:
    """Return a post's progress as its poster sees it: stages with times, concierge, next step, match state."""
    ticket, concierge, step = progress.ticket, progress.concierge, progress.next_step
    match_state = ticket.match_state if ticket else ""
    return {
        "post_id": progress.post.id, "status": progress.post.status.value,
        "status_text": STAGE_NAMES.get(progress.post.status, ""),
        "stages": [{"status": s.status.value, "label": s.label, "reached": s.reached, "current": s.current,
                    "at": _iso(s.at)} for s in progress.stages],
        "close_reason": progress.post.close_reason or None,
        "concierge": {"id": concierge.id, "name": concierge.name} if concierge else None,
        "next_step": {"step": step[0], "due": step[1].isoformat() if step[1] else None} if step else None,
        "match_state": match_state, "match_state_text": MATCH_STATE_TEXT.get(match_state, "") if ticket else "",
        "events": [{"kind": e.kind, "from": e.from_status, "to": e.to_status, "note": e.note, "at": _iso(e.created_at)}
                   for e in progress.events],
    }


def message_json(message: ChatMessage) -> dict[str, Any]:
    """Return a chat message as the poster sees it."""
    return {"id": message.id, "sender": message.sender_role, "msg_type": message.msg_type, "text": message.text,
            "delivery": message.delivery, "at": _iso(message.created_at)}


def article_json(article: Article, *, full: bool = False) -> dict[str, Any]:
    """Return an article (the body only on its own page)."""
    data: dict[str, Any] = {"id": article.id, "title": article.title, "summary": article.summary,
                            "topics": article.topics, "emergency_topics": article.emergency_topics,
                            "source": article.source, "region_scope": article.region_scope,
                            "published_at": _iso(article.published_at)}
    if full:
        data.update(body=article.body, url=article.url)
    return data


def outreach_json(outreach: Outreach) -> dict[str, Any]:
    """Return an outreach (targeted articles or an award call) with its fan-out figures."""
    return {"id": outreach.id, "kind": str(outreach.kind), "title": outreach.title,
            "article_ids": outreach.article_ids, "audience": outreach.audience, "message": outreach.message,
            "status": str(outreach.status), "scheduled_at": _iso(outreach.scheduled_at),
            "sent_at": _iso(outreach.sent_at), "targeted": outreach.targeted, "queued": outreach.queued,
            "unreachable": outreach.unreachable, "created_at": _iso(outreach.created_at)}


def emergency_json(emergency: Emergency) -> dict[str, Any]:
    """Return an emergency with its CAP vocabulary."""
    return {"id": emergency.id, "identifier": emergency.identifier, "event_type": str(emergency.event_type),
            "event_label": TYPE_LABEL[emergency.event_type], "severity": str(emergency.severity),
            "severity_label": SEVERITY_LABEL[emergency.severity], "cap_severity": SEVERITY_CAP[emergency.severity],
            "headline": emergency.headline, "instruction": emergency.instruction,
            "region_codes": emergency.region_codes, "onset": _iso(emergency.onset),
            "expires_at": _iso(emergency.expires_at), "article_ids": emergency.article_ids,
            "status": str(emergency.status), "created_at": _iso(emergency.created_at)}


def notice_json(notice: EmergencyNotice) -> dict[str, Any]:
    """Return a notice: its figures so far and how far its fan-out has come (0 to 1)."""
    done = notice.fanout_state == DONE or notice.fanout_upto <= 0
    return {"id": notice.id, "msg_type": notice.msg_type, "note": notice.note, "targeted": notice.targeted,
            "queued": notice.queued, "unreachable": notice.unreachable, "stopped": notice.stopped,
            "fanout_ms": notice.fanout_ms, "fanout_state": notice.fanout_state,
            "fanout_progress": 1.0 if done else round(min(notice.fanout_cursor / notice.fanout_upto, 1.0), 4),
            "created_at": _iso(notice.created_at)}


def emergency_progress_json(delivery: Delivery) -> dict[str, Any]:
    """Return how far each notice's fan-out has come."""
    return {"emergency_id": delivery.emergency.id, "status": str(delivery.emergency.status),
            "fanned_out": all(is_fanned_out(n) for n in delivery.notices),
            "notices": [notice_json(n) for n in delivery.notices]}


def emergency_delivery_json(delivery: Delivery) -> dict[str, Any]:
    """Return an emergency's delivery so far: totals, per region, and its notices."""
    return {"emergency_id": delivery.emergency.id, "status": str(delivery.emergency.status),
            "totals": delivery.totals, "regions": delivery.regions,
            "notices": [notice_json(n) for n in delivery.notices]}
