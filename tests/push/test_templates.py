"""Message templates: every kind renders from its sample on every channel; WeChat's value rules."""

from __future__ import annotations

import pytest

from server.push.templates import TemplateError, TemplateValueError, fit, load_templates, render

KINDS = {"match_found", "post_progress", "concierge_message", "followup_reminder", "article_push",
         "emergency_alert", "award_call"}


def test_every_kind_has_a_template():
    assert set(load_templates()) == KINDS


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_renders_from_its_sample_on_every_channel(kind):
    template = load_templates()[kind]
    for channel in template.channels:
        payload = render(template, channel=channel, data=template.sample, touser="o1", client_msg_id="push:1",
                         mp_appid="wxmp")
        assert payload["touser"] == "o1" and payload["template_id"]
        assert set(payload["data"]) == {f.key for f in template.fields}
        assert all(isinstance(v["value"], str) and v["value"] for v in payload["data"].values())
        if channel == "oa_template":
            assert payload["miniprogram"]["pagepath"].startswith("pages/")
            assert payload["client_msg_id"] == "push:1"
        else:
            assert payload["page"].startswith("pages/") and payload["miniprogram_state"] == "formal"


def test_long_titles_are_truncated_to_twenty():
    template = load_templates()["match_found"]
    payload = render(template, channel="oa_template", data=template.sample, touser="o")
    title = payload["data"]["thing1"]["value"]
    assert len(title) == 20 and title.endswith("…")


def test_times_are_beijing_time():
    template = load_templates()["match_found"]
    payload = render(template, channel="mp_subscribe", data=template.sample, touser="o")
    assert payload["data"]["time3"]["value"] == "2026年11月22日 16:30"


@pytest.mark.parametrize(("key", "value"), [("phrase1", "已经成功对接了"), ("phrase1", "OK"), ("number1", "12a"),
                                            ("character_string1", "中文"), ("thing1", "  "),
                                            ("character_string1", "x" * 33)])
def test_values_that_cannot_be_cut_are_refused(key, value):
    with pytest.raises(TemplateValueError):
        fit(value, kind="k", key=key)


def test_name_rule_counts_mixed_as_chinese():
    assert fit("王" * 10, kind="k", key="name1") == "王" * 10
    assert fit("Zhang San", kind="k", key="name1") == "Zhang San"
    assert len(fit("王3" * 8, kind="k", key="name1")) == 10


def test_control_characters_are_stripped():
    assert fit("第一行\n第二行", kind="k", key="thing1") == "第一行 第二行"


def test_environment_overrides_the_template_id():
    templates = load_templates(env={"WECHAT_TPL_MATCH_FOUND_OA": "real-id"})
    assert templates["match_found"].template_ids["oa_template"] == "real-id"


def test_missing_data_is_refused():
    template = load_templates()["match_found"]
    with pytest.raises(TemplateValueError):
        render(template, channel="oa_template", data={"post_id": 1}, touser="o")


def test_a_broken_template_file_names_itself(tmp_path):
    (tmp_path / "bad.toml").write_text('kind = "bad"\nchannels = ["fax"]\npage = "/x"\n[template_ids]\n'
                                      '[[fields]]\nkey = "colour1"\nsource = "x"\n', encoding="utf-8")
    with pytest.raises(TemplateError, match="bad.toml"):
        load_templates(tmp_path, env={})


def test_a_channel_the_template_lacks_is_refused():
    template = load_templates()["followup_reminder"]
    with pytest.raises(TemplateValueError):
        render(template, channel="mp_subscribe", data=template.sample, touser="o")
