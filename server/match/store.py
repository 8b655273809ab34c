"""Versioned model directories under MODEL_DIR with an atomically switched `current` pointer.

Layout: `<model_dir>/<UTC timestamp>-<shortid>/{model.d2v[, *.npy], params.json, meta.json}` and
`<model_dir>/current` holding the version name. A version is written under a `.tmp-` name, its
meta.json (with every file's size and sha256) is written last, the directory is renamed into
place, then `current` is replaced (temp file + os.replace), so a crash at any point leaves
either the old pointer or a complete new version.

Only a version whose meta.json records a passed quality gate (`"gate": {"passed": true, ...}`,
see gate.py) is ever made current or loaded: a refused version is kept for inspection with its
figures but never pointed at, and a legacy version without a gate record is skipped.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gensim.models.doc2vec import Doc2Vec

from server.match.params import Doc2VecParams

log = logging.getLogger(__name__)

MODEL_FILE = "model.d2v"
PARAMS_FILE = "params.json"
META_FILE = "meta.json"
POINTER = "current"
TMP_PREFIX = ".tmp-"


@dataclass(frozen=True)
class LoadedModel:
    """A model with the version it came from."""

    model: Doc2Vec
    version: str
    path: Path
    params: Doc2VecParams
    meta: dict[str, Any] = field(default_factory=dict)


def save_model(model: Doc2Vec, model_dir: str | Path, *, params: Doc2VecParams, gate: dict[str, Any],
               meta: dict[str, Any] | None = None) -> Path:
    """Write model as a new version with its gate report; point `current` at it only if it passed."""
    root = Path(model_dir)
    root.mkdir(parents=True, exist_ok=True)
    name = f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{uuid.uuid4().hex[:8]}"
    staging = root / f"{TMP_PREFIX}{name}"
    staging.mkdir()
    model.save(str(staging / MODEL_FILE))
    _write_json(staging / PARAMS_FILE, params.to_json())
    files = {path.name: _fingerprint(path) for path in sorted(staging.iterdir())}
    record = {**(meta or {}), "gate": gate, "version": name, "files": files}
    _write_json(staging / META_FILE, record)
    os.rename(staging, root / name)
    _fsync_dir(root)
    if is_trusted(record):
        set_current(root, name)
    return root / name


def is_trusted(meta: dict[str, Any]) -> bool:
    """Return whether a version's meta records a passed quality gate."""
    gate = meta.get("gate")
    return isinstance(gate, dict) and gate.get("passed") is True


def set_current(model_dir: str | Path, version: str) -> None:
    """Point `current` at version atomically (write a temp file, then os.replace)."""
    root = Path(model_dir)
    temp = root / f"{TMP_PREFIX}{POINTER}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    with open(temp, "w", encoding="utf-8") as handle:
        handle.write(version + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, root / POINTER)
    _fsync_dir(root)


def current_version(model_dir: str | Path) -> str | None:
    """Return the version `current` names, or None."""
    try:
        return (Path(model_dir) / POINTER).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def versions(model_dir: str | Path) -> list[str]:
    """Return the version directory names, newest first."""
    root = Path(model_dir)
    if not root.is_dir():
        return []
    names = [p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(names, reverse=True)


def is_complete(path: Path, *, verify_hashes: bool = True) -> bool:
    """Return whether a version directory has its meta.json and every file it lists, unchanged."""
    try:
        files = json.loads((path / META_FILE).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    for name, expected in files.items():
        target = path / name
        if not target.is_file() or target.stat().st_size != expected["size"]:
            return False
        if verify_hashes and _sha256(target) != expected["sha256"]:
            return False
    return MODEL_FILE in files


def load_current(model_dir: str | Path, *, mmap: bool = True) -> LoadedModel | None:
    """Load the `current` model if it passed the gate; else the newest valid one that did (pointer repaired)."""
    root = Path(model_dir)
    pointed = current_version(root)
    candidates = ([pointed] if pointed else []) + [name for name in versions(root) if name != pointed]
    for name in candidates:
        meta = read_meta(root / name)
        if meta is not None and not is_trusted(meta):
            if name == pointed or "gate" not in meta:
                log.warning("model version %s has no passed quality gate (%s); not loading it", name,
                            "refused" if "gate" in meta else "trained before the gate")
            continue
        loaded = load_version(root / name, mmap=mmap)
        if loaded is None:
            log.warning("model version %s is incomplete or corrupt; skipping it", name)
            continue
        if name != pointed:
            log.warning("model pointer named %r; repaired to %s", pointed, name)
            set_current(root, name)
        return loaded
    return None


def read_meta(path: Path) -> dict[str, Any] | None:
    """Return a version's meta.json, or None when it is missing or unreadable."""
    try:
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def prune(model_dir: str | Path, *, keep: int = 3) -> list[str]:
    """Keep the newest keep trusted versions, the newest untrusted one and `current`; delete the rest and temp dirs."""
    root = Path(model_dir)
    pointed = current_version(root)
    names = versions(root)
    trusted = [name for name in names if is_trusted(read_meta(root / name) or {})]
    untrusted = [name for name in names if name not in trusted]
    doomed = [name for name in trusted[keep:] + untrusted[1:] if name != pointed]
    doomed += [p.name for p in root.glob(f"{TMP_PREFIX}*") if p.is_dir()] if root.is_dir() else []
    for name in doomed:
        shutil.rmtree(root / name, ignore_errors=True)
    return doomed


def load_version(path: Path, *, mmap: bool = True, trusted_only: bool = True) -> LoadedModel | None:
    """Load one version directory (None if broken; if untrusted too, unless trusted_only=False: tools only)."""
    if not is_complete(path):
        return None
    try:
        model = Doc2Vec.load(str(path / MODEL_FILE), mmap="r" if mmap else None)
        params = Doc2VecParams.from_json(json.loads((path / PARAMS_FILE).read_text(encoding="utf-8")))
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, EOFError, KeyError, AttributeError) as exc:
        log.warning("cannot load model %s: %s", path.name, exc)
        return None
    if trusted_only and not is_trusted(meta):
        return None
    return LoadedModel(model=model, version=path.name, path=path, params=params, meta=meta)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())


def _fingerprint(path: Path) -> dict[str, Any]:
    return {"size": path.stat().st_size, "sha256": _sha256(path)}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
