"""Commands for posts: a new post and an edit, validated once with the messages the mini-program shows."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator

from server.errors import ValidationFailed
from server.models.enums import OfferType, PostKind
from server.services import campaigns, regions

from .base import Command, invalid, labels_rule, rule, text_rule

TITLE_MIN, TITLE_MAX = 4, 40
BODY_MIN, BODY_MAX = 10, 2000
MAX_TAGS, TAG_MAX = 5, 12


def normal_region_code(value: str | None) -> str:
    """Return a 6-digit region code (existence is the service's check)."""
    code = regions.normalise_code(value)
    if code is None:
        raise invalid("地区代码不存在，请重新选择地区")
    return code


def _scene(value: str | None) -> str | None:
    try:
        return campaigns.check_scene(value)
    except ValidationFailed as exc:
        raise invalid(exc.message) from exc


def offer_type_for(kind: PostKind, offer_type: OfferType | None) -> OfferType | None:
    """Return the offer type a post of this kind stores (offers default to a service), or raise a field error."""
    if kind != PostKind.OFFER:
        if offer_type:
            raise ValidationFailed("只有「我能提供」可以选择提供类型", field="offer_type")
        return None
    return offer_type or OfferType.SERVICE


Title = Annotated[str, rule(text_rule(label="标题", low=TITLE_MIN, high=TITLE_MAX))]
Body = Annotated[str, rule(text_rule(label="描述", low=BODY_MIN, high=BODY_MAX, multiline=True))]
RegionCode = Annotated[str, rule(normal_region_code)]
Tags = Annotated[list[str], rule(labels_rule(label="标签", max_items=MAX_TAGS, max_len=TAG_MAX))]
Scene = Annotated[str | None, rule(_scene)]


class NewPost(Command):
    """Publish a need, a question or an offer (POST /api/v1/posts)."""

    kind: PostKind
    title: Title = Field(description=f"{TITLE_MIN}–{TITLE_MAX} 个字（去掉首尾空白后）")
    body: Body = Field(description=f"{BODY_MIN}–{BODY_MAX} 个字")
    region_code: RegionCode = Field(description="本省内的行政区划代码")
    tags: Tags | None = Field(default=None, max_length=50, description=f"至多 {MAX_TAGS} 个，每个至多 {TAG_MAX} 个字")
    offer_type: OfferType | None = Field(default=None, description="仅「我能提供」：service（默认）/ achievement")
    scene: Scene = Field(default=None, description="小程序码 scene：来自哪次推广活动")

    @model_validator(mode="after")
    def _offer_type(self) -> NewPost:
        try:
            chosen = offer_type_for(self.kind, self.offer_type)
        except ValidationFailed as exc:
            raise invalid(exc.message, field=exc.field) from exc
        object.__setattr__(self, "offer_type", chosen)  # normalised in place: the model is frozen to callers
        object.__setattr__(self, "tags", self.tags or [])
        return self


class PostChanges(Command):
    """Edit one's own post (PATCH /api/v1/posts/{id}): only the fields sent change; null tags clear them."""

    title: Annotated[str | None, rule(text_rule(label="标题", low=TITLE_MIN, high=TITLE_MAX))] = None
    body: Annotated[str | None, rule(text_rule(label="描述", low=BODY_MIN, high=BODY_MAX, multiline=True))] = None
    region_code: Annotated[str | None, rule(normal_region_code)] = None
    tags: Annotated[list[str] | None, rule(labels_rule(label="标签", max_items=MAX_TAGS, max_len=TAG_MAX))] = \
        Field(default=None, max_length=50)
    offer_type: OfferType | None = None

    def given(self) -> dict[str, Any]:
        """Return the changed fields and their new values."""
        return {name: getattr(self, name) for name in self.model_fields_set}
