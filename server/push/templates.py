"""Message templates: one TOML file per kind in templates/messages/, validated when loaded.

A file names, per channel (oa_template = OA template message §3.1, mp_subscribe = MP subscribe
message §3.2), the setting that holds its WeChat template id and a sandbox default; the jump page;
the keywords (key prefix = WeChat type) with the data they are made from; and sample data.
Rendering by WeChat's value rules lives in server/push/render.py.
"""

from __future__ import annotations

import copy
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from server.push.render import (
    CHANNELS,
    RULES,
    TRUNCATABLE,
    TemplateValueError,
    fit,
    render,
    render_data,
    render_page,
)
from server.settings import Settings

__all__ = ["CHANNELS", "Field", "MessageTemplate", "TemplateError", "TemplateValueError", "clear_cache", "configure",
           "fit", "load_templates", "render", "render_data", "render_page"]

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates" / "messages"
# WeChat lets a template pick at most 5 keywords (OA category templates and MP subscribe templates).
MAX_FIELDS = 5
TOP_KEYS = {"kind", "description", "channels", "page", "fields", "sample", *CHANNELS}
FIELD_KEYS = {"key", "label", "source", "fallback", "overflow", "choices", "display"}
_KEY = re.compile(r"^([a-z_]+?)(\d{1,2})$")
_SETTING = re.compile(r"^[A-Z][A-Z0-9_]*$")
_FORMATTER = string.Formatter()


class TemplateError(ValueError):
    """A template file is missing or invalid; the message starts with the file name."""


@dataclass(frozen=True)
class Field:
    """One keyword: `key` (its prefix is the WeChat type) rendered from `source` over the data."""

    key: str
    source: str
    label: str = ""
    fallback: str | None = None  # used when the source's data is missing or empty
    overflow: str = "refuse"  # truncate (thing, name only) | refuse
    choices: tuple[str, ...] = ()  # enum: the values WeChat's template allows
    display: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # data code -> text

    @property
    def type(self) -> str:
        return _KEY.match(self.key).group(1)  # type: ignore[union-attr]


@dataclass(frozen=True)
class MessageTemplate:
    """A validated message kind: channels, template id per channel, jump page, keywords, sample."""

    kind: str
    description: str
    channels: tuple[str, ...]
    page: str
    fields: tuple[Field, ...]
    template_ids: Mapping[str, str]  # channel -> WeChat template id (setting, else sandbox default)
    template_id_settings: Mapping[str, str]  # channel -> setting name (Settings.template_ids, WECHAT_TPL_*)
    # A long-term subscription (长期订阅, granted to some public-service categories) needs no per-send
    # grant: `long_term = true` under [mp_subscribe], or the setting <template_id_setting>_LONG_TERM=1.
    long_term: bool = False
    sample_data: Mapping[str, object] = field(repr=False, default_factory=lambda: MappingProxyType({}))

    @property
    def sample(self) -> dict[str, object]:
        """Return a fresh copy of the sample data (safe to mutate or store as JSON)."""
        return copy.deepcopy(dict(self.sample_data))


def _placeholders(text: str, *, where: str) -> set[str]:
    try:
        names = {name for _, name, _, _ in _FORMATTER.parse(text) if name is not None}
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from exc
    bad = sorted(n for n in names if not n.isidentifier())
    if bad:
        raise ValueError(f"{where}: placeholders must be plain names, got {bad}")
    return names


def _field(raw: Mapping[str, object], index: int) -> Field:
    where = f"fields[{index}]"
    unknown = set(raw) - FIELD_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    key = str(raw["key"])
    match = _KEY.match(key)
    if match is None or match.group(1) not in RULES:
        raise ValueError(f"{where}: {key!r} is not a WeChat keyword (type prefix + number, e.g. thing1)")
    type_ = match.group(1)
    overflow = str(raw.get("overflow") or ("truncate" if type_ in TRUNCATABLE else "refuse"))
    if overflow not in ("truncate", "refuse") or (overflow == "truncate" and type_ not in TRUNCATABLE):
        raise ValueError(f"{where}: overflow {overflow!r} not allowed for {type_} (truncate only thing/name)")
    choices = tuple(str(c) for c in raw.get("choices", ()))  # type: ignore[attr-defined]
    if (type_ == "enum") != bool(choices):
        raise ValueError(f"{where}: choices are required for enum keywords and only for them")
    display = {str(k): str(v) for k, v in dict(raw.get("display", {})).items()}  # type: ignore[call-overload]
    item = Field(key=key, source=str(raw["source"]), label=str(raw.get("label", "")),
                 fallback=None if raw.get("fallback") is None else str(raw["fallback"]), overflow=overflow,
                 choices=choices, display=MappingProxyType(display))
    _placeholders(item.source, where=f"{where}.source")
    if item.fallback is not None:
        _placeholders(item.fallback, where=f"{where}.fallback")
    return item


def _channel_ids(data: Mapping[str, object], channels: tuple[str, ...],
                 env: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    extra = [c for c in CHANNELS if c in data and c not in channels]
    if extra:
        raise ValueError(f"[{extra[0]}] given but not listed in channels")
    ids, settings = {}, {}
    for channel in channels:
        spec = data[channel]
        setting, default = str(spec["template_id_setting"]), str(spec["template_id_default"])  # type: ignore[index]
        if not _SETTING.match(setting) or not default:
            raise ValueError(f"[{channel}]: template_id_setting must be an env var name and the default non-empty")
        settings[channel], ids[channel] = setting, (env.get(setting) or "").strip() or default
    return ids, settings


def _check_page(page: str) -> set[str]:
    if not page or page.startswith("/"):
        raise ValueError(f"page {page!r} must be a mini-program path without a leading '/'")
    _, _, query = page.partition("?")
    if "&" in query:
        # Reported: only the first query parameter reaches the page (WECHAT.md §3.2); pass one id.
        raise ValueError(f"page {page!r} must carry at most one query parameter")
    return _placeholders(page, where="page")


def _parse(data: Mapping[str, object], *, stem: str, env: Mapping[str, str]) -> MessageTemplate:
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ValueError(f"unknown keys {sorted(unknown)}")
    kind = str(data["kind"])
    if kind != stem:
        raise ValueError(f"kind {kind!r} must match the file name")
    channels = tuple(str(c) for c in data["channels"])  # type: ignore[attr-defined]
    if not channels or len(set(channels)) != len(channels) or set(channels) - set(CHANNELS):
        raise ValueError(f"channels {list(channels)} must be distinct values from {list(CHANNELS)}")
    fields = tuple(_field(raw, i) for i, raw in enumerate(data["fields"]))  # type: ignore[arg-type]
    keys = [f.key for f in fields]
    if not 1 <= len(keys) <= MAX_FIELDS or len(set(keys)) != len(keys):
        raise ValueError(f"fields {keys} must be 1-{MAX_FIELDS} distinct keys")
    page = str(data["page"])
    used = _check_page(page).union(*(_placeholders(f.source, where=f.key) for f in fields)) - {"now"}
    sample = dict(data.get("sample", {}))  # type: ignore[call-overload]
    if used - set(sample):
        raise ValueError(f"[sample] lacks {sorted(used - set(sample))}")
    ids, settings = _channel_ids(data, channels, env)
    long_term = False
    if "mp_subscribe" in channels:
        spec = data["mp_subscribe"]
        flag = env.get(settings["mp_subscribe"] + "_LONG_TERM", "").strip().lower()
        default = bool(spec.get("long_term", False))  # type: ignore[union-attr]
        long_term = flag in {"1", "true", "yes"} if flag else default
    return MessageTemplate(kind=kind, description=str(data.get("description", "")), channels=channels, page=page,
                           fields=fields, template_ids=MappingProxyType(ids), long_term=long_term,
                           template_id_settings=MappingProxyType(settings), sample_data=MappingProxyType(sample))


@lru_cache(maxsize=8)
def _read_dir(directory: str) -> tuple[tuple[str, dict], ...]:
    found = []
    for path in sorted(Path(directory).glob("*.toml")):
        try:
            found.append((path.name, tomllib.loads(path.read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise TemplateError(f"{path.name}: {exc}") from exc
    if not found:
        raise TemplateError(f"{directory}: no *.toml message templates")
    return tuple(found)


@lru_cache(maxsize=32)
def _build(directory: str, ids: tuple[tuple[str, str], ...]) -> Mapping[str, MessageTemplate]:
    env, built = dict(ids), {}
    for name, data in _read_dir(directory):
        try:
            template = _parse(data, stem=Path(name).stem, env=env)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
            raise TemplateError(f"{name}: {detail}") from exc
        built[template.kind] = template
    return MappingProxyType(built)


def _wanted_settings(directory: str) -> set[str]:
    wanted = set()
    for _, data in _read_dir(directory):
        for channel in CHANNELS:
            spec = data.get(channel)
            if isinstance(spec, dict) and isinstance(spec.get("template_id_setting"), str):
                wanted.add(spec["template_id_setting"])
                wanted.add(spec["template_id_setting"] + "_LONG_TERM")
    return wanted


_configured: Mapping[str, str] = MappingProxyType({})


def configure(settings: Settings) -> None:
    """Use the settings' template ids from now on in this process (the app, the CLI and the workers call it)."""
    global _configured
    _configured = MappingProxyType(dict(settings.template_ids))


def load_templates(directory: Path | str | None = None, *,
                   ids: Mapping[str, str] | None = None) -> dict[str, MessageTemplate]:
    """Load and validate every template file (cached), keyed by kind; raise TemplateError naming the file.

    Template ids come from `ids` (setting name -> value), else from the settings given to `configure`.
    """
    where = str(Path(directory or TEMPLATE_DIR).resolve())
    given = _configured if ids is None else ids
    chosen = tuple(sorted((s, given[s]) for s in _wanted_settings(where) if given.get(s)))
    return dict(_build(where, chosen))


def clear_cache() -> None:
    """Forget parsed files (after editing templates in a running process or a test)."""
    _read_dir.cache_clear()
    _build.cache_clear()
