"""Settings from the environment; production refuses placeholders."""

from __future__ import annotations

import pytest

from server.settings import SettingsError, load_settings


def test_defaults_are_the_embedded_ones():
    settings = load_settings({})
    assert settings.database_url == "sqlite://data/app.sqlite3"
    assert settings.redis_url is None
    assert settings.api_base == "http://127.0.0.1:8900"
    assert settings.port == 8000


def test_environment_overrides():
    settings = load_settings({"DATABASE_URL": "postgres://u@h/db", "REDIS_URL": "redis://r:6379/1",
                              "PORT": "9000", "WECHAT_API_BASE": "http://box:1/", "SECRET_KEY": "k" * 40})
    assert settings.database_url == "postgres://u@h/db"
    assert settings.redis_url == "redis://r:6379/1"
    assert settings.port == 9000
    assert settings.api_base == "http://box:1"
    assert settings.secret_key == "k" * 40


def test_wechat_template_ids_are_settings():
    settings = load_settings({"WECHAT_TPL_MATCH_FOUND_OA": " real-oa-id ", "WECHAT_TPL_MATCH_FOUND_MP": " ",
                              "WECHAT_TPL_EMERGENCY_ALERT_MP_LONG_TERM": "1", "OTHER": "x"})
    assert dict(settings.template_ids) == {"WECHAT_TPL_MATCH_FOUND_OA": "real-oa-id",
                                           "WECHAT_TPL_EMERGENCY_ALERT_MP_LONG_TERM": "1"}
    assert load_settings({}).template_ids == ()


def test_bad_integer_is_a_clear_error():
    with pytest.raises(SettingsError, match="PORT"):
        load_settings({"PORT": "eighty"})


def test_production_refuses_placeholders():
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        load_settings({"APP_ENV": "prod"})
    with pytest.raises(SettingsError, match="placeholders"):
        load_settings({"APP_ENV": "prod", "SECRET_KEY": "s" * 40, "WECHAT_API_BASE": "https://api.weixin.qq.com"})


def test_aes_key_length_is_checked():
    with pytest.raises(SettingsError, match="43"):
        load_settings({"WECHAT_OA_AES_KEY": "short"})
