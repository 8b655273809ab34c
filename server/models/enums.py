"""Enumerations shared by models and services (names from DESIGN.md's glossary)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CITIZEN = "citizen"
    ORGANISATION = "organisation"
    SCIENTIST = "scientist"
    STAFF = "staff"
    ADMIN = "admin"


class PostKind(StrEnum):
    NEED = "need"          # 科技所需
    QUESTION = "question"  # 科普所需
    OFFER = "offer"        # 科技所能 / 科技成果


class OfferType(StrEnum):
    SERVICE = "service"
    ACHIEVEMENT = "achievement"


class PostStatus(StrEnum):
    PUBLISHED = "published"
    MATCHED = "matched"
    CONTACTED = "contacted"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    LANDED = "landed"
    CLOSED = "closed"


class ReviewState(StrEnum):
    PASSED = "passed"    # msg_sec_check said pass
    PENDING = "pending"  # check said review, or WeChat was unreachable: hidden until a person looks
    REJECTED = "rejected"


class RegionLevel(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


class MatchStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class PushStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNREACHABLE = "unreachable"
    CANCELLED = "cancelled"


class EmergencyType(StrEnum):
    FLOOD = "flood"
    EARTHQUAKE = "earthquake"
    LANDSLIDE = "landslide"
    EPIDEMIC = "epidemic"
    ACCIDENT = "accident"
    WILDFIRE = "wildfire"
    STORM = "storm"
    OTHER = "other"


class EmergencySeverity(StrEnum):
    """GB/T 35965 colours; CAP 1.2 severity in the comments."""

    RED = "red"        # Extreme
    ORANGE = "orange"  # Severe
    YELLOW = "yellow"  # Moderate
    BLUE = "blue"      # Minor


class EmergencyStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"


class OutreachKind(StrEnum):
    ARTICLE_PUSH = "article_push"  # 精准科普
    AWARD_CALL = "award_call"      # 奖项征集


class OutreachStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENT = "sent"
    CANCELLED = "cancelled"


class PhotoCheck(StrEnum):
    """WeChat mediaCheckAsync's verdict on a photo (result.suggest); only `pass` is shown."""

    PENDING = "pending"
    PASS = "pass"
    REVIEW = "review"
    RISKY = "risky"
