"""Model -> JSON shapes returned by the API (one place, so every route agrees)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from server.models import Campaign, Post, Region, User


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def user_json(user: User) -> dict[str, Any]:
    """Return a user's profile as the API shows it to themselves."""
    return {
        "id": user.id, "role": user.role.value, "name": user.name, "organisation": user.organisation,
        "title": user.title, "discipline": user.discipline, "region_code": user.region_id,
        "interests": user.interests, "campaign_id": user.campaign_id,
        "follows_official_account": bool(user.oa_openid),
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
