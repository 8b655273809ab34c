"""Message templates: every kind renders from its sample on every channel, by WeChat's value rules."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from server.push.templates import (
    TemplateError,
    TemplateValueError,
    clear_cache,
    fit,
    load_templates,
    render,
)
from server.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
KINDS = {"match_found", "match_digest", "post_progress", "concierge_message", "followup_reminder", "article_push",
         "emergency_alert", "award_call"}
OA_KEYS = {"touser", "template_id", "miniprogram", "client_msg_id", "data"}
MP_KEYS = {"touser", "template_id", "page", "miniprogram_state", "lang", "data"}
CASES = [(kind, channel) for kind, t in sorted(load_templates().items()) for channel in t.channels]
NOON = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)


def template(kind: str = "match_found"):
    return load_templates()[kind]


def send(kind: str, channel: str = "mp_subscribe", **data) -> dict:
    t = template(kind)
    return render(t, channel=channel, data={**t.sample, **data}, touser="o1", now=NOON)["data"]


# --- every kind ----------------------------------------------------------------------------------

def test_every_kind_has_a_template():
    assert set(load_templates()) == KINDS


@pytest.mark.parametrize(("kind", "channel"), CASES)
def test_every_kind_renders_its_sample_as_wechat_expects(kind, channel):
    t = template(kind)
    payload = render(t, channel=channel, data=t.sample, touser="o1", client_msg_id="push-1", mp_appid="wxmp")
    assert set(payload) == (OA_KEYS if channel == "oa_template" else MP_KEYS)
    assert payload["touser"] == "o1" and payload["template_id"] == t.template_ids[channel]
    assert list(payload["data"]) == [f.key for f in t.fields]
    for field in t.fields:
        value = payload["data"][field.key]
        assert set(value) == {"value"} and value["value"]
        assert fit(value["value"], kind=kind, key=field.key, choices=field.choices) == value["value"]
    if channel == "oa_template":
        assert payload["miniprogram"] == {"appid": "wxmp", "pagepath": payload["miniprogram"]["pagepath"]}
        assert payload["client_msg_id"] == "push-1"
    else:
        assert (payload["miniprogram_state"], payload["lang"]) == ("formal", "zh_CN")
    json.dumps(payload)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_jump_page_is_a_mini_program_page(kind):
    pages = json.loads((ROOT / "miniprogram" / "app.json").read_text(encoding="utf-8"))["pages"]
    payload = render(template(kind), channel="oa_template", data=template(kind).sample, touser="o", mp_appid="a")
    path, _, query = payload["miniprogram"]["pagepath"].partition("?")
    assert path in pages and re.fullmatch(r"id=\d+", query)


def test_mini_program_subscribe_ids_are_the_mp_defaults():
    config = (ROOT / "miniprogram" / "config.js").read_text(encoding="utf-8")
    mp_ids = {t.template_ids["mp_subscribe"] for t in load_templates(ids={}).values() if "mp_subscribe" in t.channels}
    assert set(re.findall(r"id: '([^']+)'", config)) <= mp_ids


def test_followup_reminders_are_official_account_only():
    t = template("followup_reminder")
    assert t.channels == ("oa_template",)
    with pytest.raises(TemplateValueError, match="channel"):
        render(t, channel="mp_subscribe", data=t.sample, touser="o")


# --- payload shape -------------------------------------------------------------------------------

def test_oa_template_without_appid_or_msg_id_has_no_jump_and_no_dedup_key():
    payload = render(template(), channel="oa_template", data=template().sample, touser="o")
    assert set(payload) == {"touser", "template_id", "data"}


def test_an_overlong_client_msg_id_is_refused():
    with pytest.raises(TemplateValueError, match="client_msg_id"):
        render(template(), channel="oa_template", data=template().sample, touser="o", client_msg_id="x" * 65)


def test_page_value_is_filled_in_and_url_encoded():
    t = template()
    assert render(t, channel="mp_subscribe", data=t.sample, touser="o")["page"] == "pages/post/index?id=12"
    odd = render(t, channel="mp_subscribe", data={**t.sample, "post_id": "a&b=c"}, touser="o")
    assert odd["page"] == "pages/post/index?id=a%26b%3Dc"


def test_missing_page_data_is_refused():
    t = template()
    with pytest.raises(TemplateValueError, match="page"):
        render(t, channel="mp_subscribe", data={k: v for k, v in t.sample.items() if k != "post_id"}, touser="o")


# --- thing / name --------------------------------------------------------------------------------

def test_long_titles_are_truncated_to_twenty_with_an_ellipsis():
    title = send("match_found")["thing1"]["value"]
    assert len(title) == 20 and title.endswith("…") and title.startswith("李子园土壤酸化板结")


def test_a_twenty_character_thing_is_kept_whole():
    assert fit("一" * 20, kind="k", key="thing1") == "一" * 20


def test_characters_outside_the_bmp_count_twice():
    value = fit("😀" * 15, kind="k", key="thing1")
    assert value == "😀" * 9 + "…"


def test_control_characters_and_newlines_are_stripped():
    assert fit("第一行\r\n第二行\t\x00结束\u200b", kind="k", key="thing1") == "第一行 第二行 结束"


def test_name_takes_ten_chinese_or_twenty_letters():
    assert fit("王" * 10, kind="k", key="name1") == "王" * 10
    assert fit("王" * 11, kind="k", key="name1") == "王" * 9 + "…"
    assert fit("Zhang San Feng Li Si", kind="k", key="name1") == "Zhang San Feng Li Si"
    assert fit("Alexander Maximilian", kind="k", key="name1") == "Alexander Maximilian"
    assert fit("Alexander Maximilians", kind="k", key="name1") == "Alexander Maximil..."


def test_a_name_mixing_chinese_and_letters_counts_as_chinese():
    assert fit("王Lei", kind="k", key="name1") == "王Lei"
    assert fit("王Leiiiiiiiiii", kind="k", key="name1") == "王Leiiiiii…"


def test_a_name_mixing_chinese_and_digits_is_refused():
    with pytest.raises(TemplateValueError):
        fit("王3", kind="k", key="name1")


# --- refused types -------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["已经成功对接", "OK", "已OK", "已 对接", "已对接!"])
def test_phrase_too_long_or_not_pure_chinese_is_refused(value):
    with pytest.raises(TemplateValueError) as caught:
        fit(value, kind="post_progress", key="phrase2")
    assert (caught.value.kind, caught.value.key) == ("post_progress", "phrase2")


def test_phrase_codes_are_shown_as_their_chinese_text():
    assert send("post_progress", stage="signed")["phrase2"]["value"] == "已签约"
    assert send("emergency_alert", severity="orange")["phrase2"]["value"] == "橙色预警"
    assert send("post_progress", stage="洽谈中")["phrase2"]["value"] == "洽谈中"
    with pytest.raises(TemplateValueError, match="phrase2"):
        send("post_progress", stage="archived")


@pytest.mark.parametrize(("value", "ok"), [("12", True), ("12.50", True), ("1" * 32, True), ("1" * 33, False),
                                           ("12a", False), ("-3", False), ("1,000", False), ("1.", False)])
def test_number_rule(value, ok):
    if ok:
        assert fit(value, kind="k", key="number1") == value
    else:
        with pytest.raises(TemplateValueError):
            fit(value, kind="k", key="number1")


@pytest.mark.parametrize(("value", "ok"), [("KJY-2026#35", True), ("x" * 32, True), ("x" * 33, False),
                                           ("中文", False), ("A B", False)])
def test_character_string_rule(value, ok):
    if ok:
        assert fit(value, kind="k", key="character_string1") == value
    else:
        with pytest.raises(TemplateValueError):
            fit(value, kind="k", key="character_string1")


@pytest.mark.parametrize(("key", "good", "bad"), [
    ("letter1", "ABCdef", "abc1"),
    ("symbol1", "#-*", "#-*+!?"),
    ("amount1", "¥1280.50", "1280.50美元"),
    ("amount1", "35元", "¥12345678901"),
    ("phone_number1", "+86-028-86123456", "028 8612 3456 转 8"),
    ("car_number1", "川A12345", "川A123456789"),
    ("time1", "2026年11月22日 15:01", "明天下午"),
    ("time1", "15:01~16:30", "2026年11月22日"),
    ("date1", "2026年11月22日", "下周一"),
])
def test_other_types_accept_their_format_and_refuse_the_rest(key, good, bad):
    assert fit(good, kind="k", key=key) == good
    with pytest.raises(TemplateValueError):
        fit(bad, kind="k", key=key)


def test_enum_takes_only_the_templates_values():
    assert fit("已受理", kind="k", key="enum1", choices=("已受理", "已办结")) == "已受理"
    with pytest.raises(TemplateValueError):
        fit("处理中", kind="k", key="enum1", choices=("已受理", "已办结"))


@pytest.mark.parametrize("value", ["", "   ", "\n\t"])
def test_empty_values_are_refused(value):
    with pytest.raises(TemplateValueError, match="empty"):
        fit(value, kind="k", key="thing1")


def test_missing_or_empty_data_is_refused_naming_the_keyword():
    for data in ({"post_title": None}, {"post_title": "  "}):
        with pytest.raises(TemplateValueError) as caught:
            send("match_found", **data)
        assert caught.value.key == "thing1"


def test_fallbacks_fill_optional_data():
    t = template("followup_reminder")
    data = {"ticket_id": 35, "post_id": 12, "reason": "新服务单"}  # what tickets.assign queues
    values = render(t, channel="oa_template", data=data, touser="o", now=NOON)["data"]
    assert values["time3"]["value"] == "2026年11月23日 12:00"
    assert values["thing4"]["value"] == "点击查看服务单详情"
    assert send("match_found", keywords=[])["thing4"]["value"] == "点击查看需求详情并联系科服保姆"


# --- time ----------------------------------------------------------------------------------------

def test_times_are_rendered_in_beijing_time():
    assert send("match_found")["time3"]["value"] == "2026年11月22日 16:30"
    late = datetime(2026, 12, 31, 17, 5, tzinfo=UTC)
    assert send("match_found", matched_at=late)["time3"]["value"] == "2027年1月1日 01:05"
    assert send("match_found", matched_at=late.isoformat())["time3"]["value"] == "2027年1月1日 01:05"


def test_naive_datetimes_are_taken_as_utc():
    assert send("match_found", matched_at=datetime(2026, 5, 1, 0, 0))["time3"]["value"] == "2026年5月1日 08:00"


def test_date_keywords_show_the_beijing_date_only():
    assert send("award_call", deadline=date(2027, 3, 31))["date3"]["value"] == "2027年3月31日"
    assert send("article_push", published_at="2026-11-20T18:00:00+00:00")["date3"]["value"] == "2026年11月21日"


# --- loading -------------------------------------------------------------------------------------

def test_a_setting_overrides_the_template_id():
    loaded = load_templates(ids={"WECHAT_TPL_MATCH_FOUND_OA": "real-oa-id", "WECHAT_TPL_MATCH_FOUND_MP": " "})
    assert loaded["match_found"].template_ids == {"oa_template": "real-oa-id",
                                                   "mp_subscribe": "sandbox-tpl-match-found-mp"}
    assert loaded["match_found"].template_id_settings["oa_template"] == "WECHAT_TPL_MATCH_FOUND_OA"
    payload = render(loaded["match_found"], channel="oa_template", data=loaded["match_found"].sample, touser="o")
    assert payload["template_id"] == "real-oa-id"


def test_the_configured_settings_give_the_template_ids():
    from server.push import templates

    settings = load_settings({"WECHAT_TPL_MATCH_FOUND_OA": "real-oa-id", "WECHAT_TPL_MATCH_FOUND_MP_LONG_TERM": "1"})
    templates.configure(settings)
    try:
        loaded = load_templates()
        assert loaded["match_found"].template_ids["oa_template"] == "real-oa-id"
        assert loaded["match_found"].long_term is True
    finally:
        templates.configure(Settings())
    assert load_templates()["match_found"].template_ids["oa_template"] == "sandbox-tpl-match-found-oa"
    assert load_templates()["match_found"].long_term is False


def test_loading_is_cached_and_samples_are_copies():
    assert load_templates(ids={})["award_call"] is load_templates(ids={})["award_call"]
    sample = template().sample
    sample["post_id"] = 99
    assert template().sample["post_id"] == 12


GOOD = """
kind = "demo"
channels = ["mp_subscribe"]
page = "pages/post/index?id={post_id}"

[mp_subscribe]
template_id_setting = "WECHAT_TPL_DEMO_MP"
template_id_default = "sandbox-demo"

[[fields]]
key = "thing1"
source = "{title}"

[sample]
post_id = 1
title = "标题"
"""

BREAKAGES = {
    "unknown type": ('key = "thing1"', 'key = "colour1"'),
    "bad channel": ('["mp_subscribe"]', '["fax"]'),
    "leading slash": ('page = "pages', 'page = "/pages'),
    "two params": ('?id={post_id}"', '?id={post_id}&from=push"'),
    "duplicate keys": ('[sample]', '[[fields]]\nkey = "thing1"\nsource = "{title}"\n\n[sample]'),
    "truncated phrase": ('key = "thing1"', 'key = "phrase1"\noverflow = "truncate"'),
    "kind not file": ('kind = "demo"', 'kind = "other"'),
    "no id table": ('template_id_setting = "WECHAT_TPL_DEMO_MP"', 'setting = "WECHAT_TPL_DEMO_MP"'),
    "sample lacks data": ('title = "标题"', ''),
    "bad toml": ('kind = "demo"', 'kind = demo'),
    "typo key": ('channels =', 'channel = ["mp_subscribe"]\nchannels ='),
    "enum without choices": ('key = "thing1"', 'key = "enum1"'),
}


def test_a_valid_file_loads(tmp_path):
    (tmp_path / "demo.toml").write_text(GOOD, encoding="utf-8")
    assert load_templates(tmp_path, ids={})["demo"].template_ids == {"mp_subscribe": "sandbox-demo"}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_template_file_is_refused_naming_the_file(tmp_path, breakage):
    old, new = BREAKAGES[breakage]
    assert old in GOOD
    (tmp_path / "demo.toml").write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    clear_cache()
    with pytest.raises(TemplateError, match=r"^demo\.toml: "):
        load_templates(tmp_path, ids={})
