"""Commands for pushes an operator starts: emergencies (预警) and outreach (精准科普, 奖项征集).

What can be told from the input alone is checked here, once; whether a region or an article exists, and
what is already past (the service's clock, which a replay sets), are the services' checks.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AwareDatetime, BeforeValidator, Field, model_validator

from server.models.enums import EmergencySeverity, EmergencyType, OutreachKind, Role
from server.push import audience as push_audience
from server.services import regions

from .base import Command, Id, build, invalid, rule, text_rule

MAX_REGIONS = 50
MAX_ARTICLES = 20
MIN_AGE, MAX_AGE = 16, 100


def _codes(*, unknown: str, empty: str | None) -> Any:
    """Return a rule normalising a list of region codes (one message for a malformed code, another for none)."""

    def check(raw: list[str]) -> list[str]:
        if empty and not raw:
            raise invalid(empty)
        if len(raw) > MAX_REGIONS:
            raise invalid(f"地区最多 {MAX_REGIONS} 个")
        codes = []
        for value in raw:
            code = regions.normalise_code(value)
            if code is None:
                raise invalid(unknown.format(raw=value))
            codes.append(code)
        return list(dict.fromkeys(codes))

    return rule(check)


def _article_ids(empty: str) -> Any:
    def check(raw: list[int]) -> list[int]:
        if not raw:
            raise invalid(empty)
        if len(raw) > MAX_ARTICLES:
            raise invalid(f"文章最多 {MAX_ARTICLES} 篇")
        return list(dict.fromkeys(raw))

    return rule(check)


def _age(value: int | None) -> int | None:
    if value is not None and not MIN_AGE <= value <= MAX_AGE:
        raise invalid(f"年龄应为 {MIN_AGE} 到 {MAX_AGE} 之间的整数")
    return value


def _day(message: str) -> BeforeValidator:
    def check(value: Any) -> Any:
        if value is None or value == "" or isinstance(value, date):
            return value or None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise invalid(message) from exc

    return BeforeValidator(check)


LIST = {"minItems": 1}
AGE = {"minimum": MIN_AGE, "maximum": MAX_AGE}


class EmergencyRegions(Command):
    """The regions an alert would reach (preview)."""

    region_codes: Annotated[list[str], _codes(unknown="地区代码 {raw} 不存在", empty="请选择受影响的地区")] = Field(
        json_schema_extra={**LIST, "maxItems": MAX_REGIONS}, description="行政区划代码，含下级地区")

    def outermost(self) -> list[str]:
        """Return the codes not inside another listed region, so nobody is counted twice."""
        codes = self.region_codes
        return sorted(c for c in codes if not any(o != c and regions.is_within(c, o) for o in codes))


class NewEmergency(EmergencyRegions):
    """Raise an emergency and queue its alert (POST /api/v1/admin/emergencies)."""

    event_type: EmergencyType
    severity: EmergencySeverity = Field(description="red/orange/yellow/blue ↔ Extreme/Severe/Moderate/Minor")
    headline: Annotated[str, rule(text_rule(label="标题", low=2, high=60))] = Field(
        json_schema_extra={"minLength": 2, "maxLength": 60})
    instruction: Annotated[str, rule(text_rule(label="防范提示", low=0, high=200, multiline=True))] = Field(
        default="", json_schema_extra={"maxLength": 200}, description="防范提示")
    onset: AwareDatetime
    expires_at: AwareDatetime
    article_ids: Annotated[list[Id], _article_ids("请至少关联一篇应急科普文章")] = Field(
        json_schema_extra={**LIST, "maxItems": MAX_ARTICLES})

    @model_validator(mode="after")
    def _ends_after_onset(self) -> NewEmergency:
        if self.expires_at <= self.onset:
            raise invalid("结束时间应晚于发生时间", field="expires_at")
        return self


class EmergencyUpdate(Command):
    """Tell an emergency's audience what changed (POST /api/v1/admin/emergencies/{id}/update)."""

    note: Annotated[str, rule(text_rule(label="更新内容", low=1, high=200, multiline=True, empty="请填写更新内容"))] = \
        Field(json_schema_extra={"minLength": 1, "maxLength": 200})
    severity: EmergencySeverity | None = None
    expires_at: AwareDatetime | None = None


class AudienceSpec(Command):
    """Who an outreach goes to; empty means anyone (an award call reaches scientists only)."""

    region_codes: Annotated[list[str], _codes(unknown="地区代码 {raw} 无效", empty=None)] = Field(
        default_factory=list, json_schema_extra={"maxItems": MAX_REGIONS})
    roles: list[Role] = Field(default_factory=list)
    interests: list[str] = Field(default_factory=list, max_length=50)
    disciplines: list[str] = Field(default_factory=list, max_length=50)
    active_since: Annotated[date | None, _day("活跃起始日期格式应为 YYYY-MM-DD")] = None
    max_age: Annotated[int | None, rule(_age)] = Field(default=None, json_schema_extra=AGE)
    min_age: Annotated[int | None, rule(_age)] = Field(default=None, json_schema_extra=AGE)

    @classmethod
    def stored(cls, data: dict) -> AudienceSpec:
        """Read back the spec an outreach row keeps (it was validated when the outreach was made)."""
        return build(cls, data)

    def to_store(self) -> dict:
        """Return what the outreach row keeps: only what was chosen."""
        return self.model_dump(mode="json", exclude_defaults=True)

    def audience(self, kind: OutreachKind, *, today: date) -> push_audience.Audience:
        """Return the Audience this spec selects on `today` (ages become birth years)."""
        return push_audience.Audience(
            region_codes=tuple(self.region_codes), interests=tuple(self.interests),
            roles=(Role.SCIENTIST,) if kind == OutreachKind.AWARD_CALL else tuple(self.roles),
            disciplines=tuple(self.disciplines), active_since=self.active_since,
            # "40 周岁以下" means born after today's year minus 40 (a year's precision is what profiles hold).
            min_birth_year=today.year - self.max_age if self.max_age is not None else None,
            max_birth_year=today.year - self.min_age if self.min_age is not None else None)


class OutreachPreview(Command):
    """Count an outreach's audience (POST /api/v1/admin/outreach/preview)."""

    kind: OutreachKind
    audience: AudienceSpec


class NewOutreach(OutreachPreview):
    """Save an outreach as a draft, scheduled, or sent at once (POST /api/v1/admin/outreach)."""

    title: Annotated[str, rule(text_rule(label="标题", low=2, high=60))] = Field(
        json_schema_extra={"minLength": 2, "maxLength": 60})
    article_ids: Annotated[list[Id], _article_ids("请至少选择一篇文章")] = Field(
        json_schema_extra={**LIST, "maxItems": MAX_ARTICLES})
    message: dict[str, str] = Field(default_factory=dict, description="award, note, deadline, organizer, reason")
    scheduled_at: AwareDatetime | None = None
    send_now: bool = Field(default=False, description="不定时则立即发送")

    @model_validator(mode="after")
    def _award_call_names_award_and_deadline(self) -> NewOutreach:
        object.__setattr__(self, "message", {k: v.strip() for k, v in self.message.items() if v.strip()})
        if self.kind != OutreachKind.AWARD_CALL:
            return self
        for key, label in (("award", "奖项名称"), ("deadline", "截止日期")):
            if not self.message.get(key):
                raise invalid(f"请填写{label}", field=f"message.{key}")
        try:
            date.fromisoformat(self.message["deadline"])
        except ValueError as exc:
            raise invalid("截止日期格式应为 YYYY-MM-DD", field="message.deadline") from exc
        return self

    def sends_now(self) -> bool:
        """Return True when the outreach goes out as it is made (not scheduled)."""
        return self.send_now and self.scheduled_at is None


__all__ = ["AudienceSpec", "EmergencyRegions", "EmergencyUpdate", "NewEmergency", "NewOutreach", "OutreachPreview"]
