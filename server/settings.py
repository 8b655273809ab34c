"""One Settings object, read from the environment (see CONTRACT.md and README.md)."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

log = logging.getLogger(__name__)

# Sandbox credentials: fine for development, refused in production.
SANDBOX_OA_APPID = "wxsandboxoa0000001"
SANDBOX_OA_SECRET = "sandbox-oa-secret"
SANDBOX_OA_TOKEN = "sandboxtoken"
SANDBOX_MP_APPID = "wxsandboxmp0000001"
SANDBOX_MP_SECRET = "sandbox-mp-secret"
PLACEHOLDER_SECRETS = {SANDBOX_OA_SECRET, SANDBOX_MP_SECRET, SANDBOX_OA_TOKEN}


class SettingsError(ValueError):
    """A setting is missing or unsafe for the chosen environment."""


@dataclass(frozen=True)
class Settings:
    env: str = "dev"  # dev | test | prod
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    database_url: str = "sqlite://data/app.sqlite3"
    redis_url: str | None = None  # None -> in-process store (single process only)
    sandbox_port: int = 8900
    wechat_api_base: str = ""  # "" -> the sandbox at 127.0.0.1:sandbox_port
    oa_appid: str = SANDBOX_OA_APPID
    oa_secret: str = SANDBOX_OA_SECRET
    oa_token: str = SANDBOX_OA_TOKEN
    oa_aes_key: str | None = None
    mp_appid: str = SANDBOX_MP_APPID
    mp_secret: str = SANDBOX_MP_SECRET
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32))
    model_dir: str = "data/models"
    # The matcher's sentence encoder: "e5-small" (bundled), "onnx:DIR" or "none" (server/match/encoder.py).
    encoder: str = "e5-small"
    match_floor: float | None = None  # None -> the floor fitted with the fusion (server/match/data/fusion.json)
    match_notices_per_need: int = 3  # new matches announced per need, the best first
    match_notices_per_day: int = 3  # match notices one scientist gets per Beijing day; the rest wait for the digest
    # Save the built matcher index under MODEL_DIR/index and start from it (brought up to date with the
    # database) instead of building it again: seconds instead of minutes at 400 k documents.
    match_index_snapshot: bool = True
    session_ttl: int = 7 * 24 * 3600
    wechat_timeout: float = 5.0
    max_body_bytes: int = 64 * 1024
    post_ttl_days: int = 180
    public_base_url: str = ""
    # Photos of needs and questions: a local folder, or an S3-compatible bucket when s3_endpoint is set.
    photo_dir: str = "data/photos"
    s3_endpoint: str = ""  # e.g. https://oss-cn-chengdu.aliyuncs.com or http://127.0.0.1:9000 (MinIO)
    s3_bucket: str = ""
    s3_access_key: str = ""
    s3_secret_key: str = ""
    s3_region: str = "us-east-1"
    # Where the sandbox delivers asynchronous results (mediaCheckAsync): the app's /wechat/callback.
    sandbox_callback_url: str = ""
    push_rate_per_second: int = 200  # WeChat sends per second, all dispatchers together
    push_quiet_hours: bool = True  # hold non-emergency pushes 22:00-08:00 Beijing (off: test backends only)
    # Run the job workers (matching, later pushes) inside the app process: the embedded default.
    inline_workers: bool = True
    count_statements: bool = False  # answer each request with X-DB-Statements (tests, benchmarks)
    # WeChat template ids (and <name>_LONG_TERM flags) by the setting name a template file gives,
    # e.g. (("WECHAT_TPL_MATCH_FOUND_MP", "real-id"),): read from WECHAT_TPL_* (server/push/templates.py).
    template_ids: tuple[tuple[str, str], ...] = ()

    @property
    def api_base(self) -> str:
        """Return the WeChat API base URL, defaulting to the local sandbox."""
        return self.wechat_api_base or f"http://127.0.0.1:{self.sandbox_port}"

    @property
    def base_url(self) -> str:
        """Return the app's public base URL (links WeChat fetches, e.g. photos to check)."""
        return (self.public_base_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def qr_image_base(self) -> str:
        """Where showqrcode serves official-account QR images: mp.weixin.qq.com, or the sandbox."""
        return self.api_base if self.uses_sandbox else "https://mp.weixin.qq.com"

    @property
    def uses_sandbox(self) -> bool:
        return not self.wechat_api_base or "api.weixin.qq.com" not in self.wechat_api_base

    def with_(self, **changes: object) -> Settings:
        """Return a copy with some values changed (tests, CLI overrides)."""
        return replace(self, **changes)


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{key} must be an integer, got {raw!r}") from exc


def _float(env: Mapping[str, str], key: str) -> float | None:
    raw = env.get(key)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{key} must be a number, got {raw!r}") from None
    if not 0.0 <= value <= 1.0:
        raise SettingsError(f"{key} must be between 0 and 1, got {raw!r}")
    return value


def _flag(env: Mapping[str, str], key: str, *, default: bool) -> bool:
    raw = env.get(key)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in ("1", "true", "yes", "on")


TEMPLATE_ID_PREFIX = "WECHAT_TPL_"


def _template_ids(env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, value.strip()) for key, value in env.items()
                        if key.startswith(TEMPLATE_ID_PREFIX) and value.strip()))


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read settings from the environment; refuse placeholder secrets in production."""
    env = os.environ if env is None else env
    mode = env.get("APP_ENV", "dev")
    secret = env.get("SECRET_KEY")
    values: dict[str, object] = {
        "env": mode,
        "host": env.get("HOST", "127.0.0.1"),
        "port": _int(env, "PORT", 8000),
        "workers": _int(env, "WORKERS", 1),
        "database_url": env.get("DATABASE_URL") or "sqlite://data/app.sqlite3",
        "redis_url": env.get("REDIS_URL") or None,
        "sandbox_port": _int(env, "SANDBOX_PORT", 8900),
        "wechat_api_base": (env.get("WECHAT_API_BASE") or "").rstrip("/"),
        "oa_appid": env.get("WECHAT_OA_APPID") or SANDBOX_OA_APPID,
        "oa_secret": env.get("WECHAT_OA_SECRET") or SANDBOX_OA_SECRET,
        "oa_token": env.get("WECHAT_OA_TOKEN") or SANDBOX_OA_TOKEN,
        "oa_aes_key": env.get("WECHAT_OA_AES_KEY") or None,
        "mp_appid": env.get("WECHAT_MP_APPID") or SANDBOX_MP_APPID,
        "mp_secret": env.get("WECHAT_MP_SECRET") or SANDBOX_MP_SECRET,
        "model_dir": env.get("MODEL_DIR") or "data/models",
        "encoder": env.get("ENCODER") or "e5-small",
        "match_floor": _float(env, "MATCH_FLOOR"),
        "match_notices_per_need": _int(env, "MATCH_NOTICES_PER_NEED", 3),
        "match_notices_per_day": _int(env, "MATCH_NOTICES_PER_DAY", 3),
        "match_index_snapshot": _int(env, "MATCH_INDEX_SNAPSHOT", 1) != 0,
        "session_ttl": _int(env, "SESSION_TTL", 7 * 24 * 3600),
        "public_base_url": env.get("PUBLIC_BASE_URL", ""),
        "photo_dir": env.get("PHOTO_DIR") or "data/photos",
        "s3_endpoint": (env.get("S3_ENDPOINT") or "").rstrip("/"),
        "s3_bucket": env.get("S3_BUCKET") or "",
        "s3_access_key": env.get("S3_ACCESS_KEY") or "",
        "s3_secret_key": env.get("S3_SECRET_KEY") or "",
        "s3_region": env.get("S3_REGION") or "us-east-1",
        "sandbox_callback_url": env.get("SANDBOX_CALLBACK_URL") or "",
        "push_rate_per_second": _int(env, "PUSH_RATE_PER_SECOND", 200),
        "push_quiet_hours": _int(env, "PUSH_QUIET_HOURS", 1) != 0,
        "inline_workers": _flag(env, "INLINE_WORKERS", default=not env.get("REDIS_URL")),
        "count_statements": _flag(env, "COUNT_STATEMENTS", default=False),
        "template_ids": _template_ids(env),
    }
    if secret:
        values["secret_key"] = secret
    settings = Settings(**values)  # type: ignore[arg-type]
    _check(settings, secret_given=bool(secret))
    return settings


def _check(settings: Settings, *, secret_given: bool) -> None:
    if settings.oa_aes_key is not None and len(settings.oa_aes_key) != 43:
        raise SettingsError("WECHAT_OA_AES_KEY must be 43 characters")
    if settings.env != "prod":
        if not secret_given:
            log.warning("SECRET_KEY unset: using a random key; sessions end at restart")
        return
    if not secret_given or len(settings.secret_key) < 32:
        raise SettingsError("SECRET_KEY (32+ chars) is required when APP_ENV=prod")
    if not settings.wechat_api_base:
        raise SettingsError("WECHAT_API_BASE is required when APP_ENV=prod")
    if not settings.push_quiet_hours:
        raise SettingsError("PUSH_QUIET_HOURS=0 is for test backends, not APP_ENV=prod")
    used = {settings.oa_secret, settings.mp_secret, settings.oa_token}
    if used & PLACEHOLDER_SECRETS:
        raise SettingsError("WeChat credentials are sandbox placeholders; set the real ones")
    if settings.redis_url is None and settings.workers > 1:
        raise SettingsError("REDIS_URL is required with more than one worker")
