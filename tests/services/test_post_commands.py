"""Post commands: bad input fails at the edge with the mini-program's Chinese field errors; good input is clean."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from server.errors import ValidationFailed
from server.models.enums import OfferType, PostKind
from server.services.commands import NewPost, PostChanges, build, to_app_error
from tests.factories import SOIL_NEED


def from_json(model, body: dict):
    """Validate as the HTTP edge does (strict JSON), returning the command or the contract error."""
    try:
        return model.model_validate_json(json.dumps(body))
    except ValidationError as exc:
        return to_app_error(exc)


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"title": "   "}, "title", "标题不能为空"),
    ({"title": "李子"}, "title", "标题至少 4 个字"),
    ({"title": "李" * 41}, "title", "标题不能超过 40 个字"),
    ({"body": "太短了"}, "body", "描述至少 10 个字"),
    ({"region_code": "abc"}, "region_code", "地区代码不存在，请重新选择地区"),
    ({"tags": ["a", "b", "c", "d", "e", "f"]}, "tags", "标签最多 5 个"),
    ({"tags": ["\u200b "]}, "tags", "标签不能为空"),
    ({"offer_type": "service"}, "offer_type", "只有「我能提供」可以选择提供类型"),
    ({"scene": "中文场景"}, "scene", "二维码参数无效（最多 32 个字母、数字或符号）"),
    ({"kind": "rumour"}, "kind", "kind：取值不在允许范围内"),
    ({"title": 123}, "title", "title：应为文本"),
])
def test_a_bad_new_post_is_one_field_error(change, field, message):
    error = from_json(NewPost, {**SOIL_NEED, **change})
    assert isinstance(error, ValidationFailed)
    assert (error.status, error.field, error.message) == (422, field, message)


def test_a_new_post_carries_clean_normalised_values():
    command = from_json(NewPost, {**SOIL_NEED, "kind": "offer", "title": " 李子园\u200b土壤改良 ",
                                  "region_code": "5115", "tags": [" 土壤 ", "土壤", "李子"], "scene": ""})
    assert command.title == "李子园土壤改良" and command.region_code == "511500"
    assert command.tags == ["土壤", "李子"] and command.scene is None
    assert command.offer_type == OfferType.SERVICE  # offers default to a service
    assert from_json(NewPost, {**SOIL_NEED, "tags": None}).tags == []
    with pytest.raises(ValidationError):
        command.title = "改不了"  # frozen: what the edge validated is what the service gets


def test_the_title_length_counts_what_is_kept():
    """Hidden characters do not make a 3-character title long enough."""
    error = from_json(NewPost, {**SOIL_NEED, "title": "李子\u200b\u200b园"})
    assert isinstance(error, ValidationFailed) and error.message == "标题至少 4 个字"


def test_post_changes_know_what_was_sent():
    changes = from_json(PostChanges, {"title": " 新的标题 ", "tags": None})
    assert changes.given() == {"title": "新的标题", "tags": []}
    assert from_json(PostChanges, {}).given() == {}
    error = from_json(PostChanges, {"title": None})
    assert (error.field, error.message) == ("title", "标题不能为空")


def test_python_callers_build_the_same_command_with_the_same_errors():
    command = build(NewPost, {**SOIL_NEED, "kind": PostKind.QUESTION})
    assert command.kind == PostKind.QUESTION and command.offer_type is None
    with pytest.raises(ValidationFailed) as caught:
        build(NewPost, {**SOIL_NEED, "body": "太短了"})
    assert (caught.value.field, caught.value.message) == ("body", "描述至少 10 个字")
