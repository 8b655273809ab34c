"""Emergency and outreach commands: bad input fails at the edge with the operators' Chinese field errors."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from server.errors import ValidationFailed
from server.models.enums import OutreachKind, Role
from server.services.commands import build, to_app_error
from server.services.commands import push as commands

ALERT = {"event_type": "flood", "severity": "red", "headline": "锦江区山洪预警", "region_codes": ["510104"],
         "onset": "2026-07-01T08:00:00+08:00", "expires_at": "2026-07-02T08:00:00+08:00", "article_ids": [3]}
AWARD = {"kind": "award_call", "title": "四川青年科技奖征集", "article_ids": [3], "audience": {},
         "message": {"award": "青年科技奖", "deadline": "2027-03-31"}}


def failure(model, body: dict) -> tuple[str | None, str]:
    """The (field, message) the HTTP edge answers for this JSON body."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate_json(json.dumps(body))
    error = to_app_error(caught.value)
    assert isinstance(error, ValidationFailed) and error.status == 422
    return error.field, error.message


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"region_codes": []}, "region_codes", "请选择受影响的地区"),
    ({"region_codes": ["abc"]}, "region_codes", "地区代码 abc 不存在"),
    ({"region_codes": ["510104"] * 51}, "region_codes", "地区最多 50 个"),
    ({"article_ids": []}, "article_ids", "请至少关联一篇应急科普文章"),
    ({"headline": " 洪 "}, "headline", "标题至少 2 个字"),
    ({"expires_at": "2026-07-01T08:00:00+08:00"}, "expires_at", "结束时间应晚于发生时间"),
    ({"onset": "2026-07-01T08:00:00"}, "onset", "onset：格式不正确"),  # no time zone
    ({"severity": "purple"}, "severity", "severity：取值不在允许范围内"),
])
def test_a_bad_alert_is_one_field_error(change, field, message):
    assert failure(commands.NewEmergency, {**ALERT, **change}) == (field, message)


def test_an_update_needs_words():
    assert failure(commands.EmergencyUpdate, {"note": " \u200b "}) == ("note", "请填写更新内容")
    assert failure(commands.EmergencyUpdate, {"note": "水" * 201}) == ("note", "更新内容不能超过 200 个字")
    assert commands.EmergencyUpdate.model_validate_json('{"note": " 水位上涨 "}').note == "水位上涨"


def test_regions_are_normalised_and_counted_once():
    regions = commands.EmergencyRegions.model_validate_json('{"region_codes": ["5101", "510104", "510100", "511500"]}')
    assert regions.region_codes == ["510100", "510104", "511500"]
    assert regions.outermost() == ["510100", "511500"]  # 锦江区 lies within 成都市


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"audience": {"max_age": 7}}, "audience.max_age", "年龄应为 16 到 100 之间的整数"),
    ({"audience": {"active_since": "yesterday"}}, "audience.active_since", "活跃起始日期格式应为 YYYY-MM-DD"),
    ({"audience": {"region_codes": ["x1"]}}, "audience.region_codes", "地区代码 x1 无效"),
    ({"audience": {"roles": ["king"]}}, "audience.roles.0", "audience.roles.0：取值不在允许范围内"),
    ({"message": {"award": "奖"}}, "message.deadline", "请填写截止日期"),
    ({"message": {"award": "奖", "deadline": "明年三月"}}, "message.deadline", "截止日期格式应为 YYYY-MM-DD"),
    ({"message": {"deadline": "2027-03-31", "award": "  "}}, "message.award", "请填写奖项名称"),
    ({"article_ids": []}, "article_ids", "请至少选择一篇文章"),
    ({"title": "奖"}, "title", "标题至少 2 个字"),
    ({"kind": "spam"}, "kind", "kind：取值不在允许范围内"),
])
def test_a_bad_outreach_is_one_field_error(change, field, message):
    assert failure(commands.NewOutreach, {**AWARD, **change}) == (field, message)


def test_an_award_call_reaches_scientists_by_birth_year():
    spec = build(commands.AudienceSpec, {"roles": ["citizen"], "max_age": "40", "active_since": "2026-01-01"})
    chosen = spec.audience(OutreachKind.AWARD_CALL, today=date(2026, 7, 1))
    assert chosen.roles == (Role.SCIENTIST,) and chosen.min_birth_year == 1986
    assert chosen.active_since == date(2026, 1, 1)
    assert commands.AudienceSpec.stored(spec.to_store()) == spec  # what the outreach row keeps reads back the same


def test_only_an_unscheduled_outreach_sends_now():
    later = datetime(2027, 1, 1, tzinfo=UTC)
    assert build(commands.NewOutreach, {**AWARD, "send_now": True}).sends_now()
    assert not build(commands.NewOutreach, {**AWARD, "send_now": True, "scheduled_at": later}).sends_now()
    blank_note = {**AWARD, "message": {**AWARD["message"], "note": " "}}
    assert build(commands.NewOutreach, blank_note).message == AWARD["message"]


def test_the_console_gets_the_same_errors_from_form_values():
    with pytest.raises(ValidationFailed) as caught:
        build(commands.OutreachPreview, {"kind": "article_push", "audience": {"max_age": "200"}})
    assert (caught.value.field, caught.value.message) == ("audience.max_age", "年龄应为 16 到 100 之间的整数")
