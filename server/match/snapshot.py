"""A built index saved to disk, so that a restart loads it instead of building it again.

Building the index of 400 k documents costs ~90 s of CPU (postings of two BM25 indexes, the dense
blocks); reading it back costs a few seconds. A snapshot is one file under MODEL_DIR/index: a
first line of JSON (the key it was built under, when, how many documents) and the engine's pickled
index (Engine.write_state). It is used only when its key equals the running engine's (file format,
encoder, tokenizer, Doc2Vec model when documents carry its vectors, parameters), and only with
each document's fingerprint (what the document was when it was indexed: server/services/index_load)
so that the caller can bring it up to date with the database. Writes go to a temporary file
renamed into place, one writer at a time (several workers start together); a file that cannot be
read is ignored (and the index is built as before).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path

from server.match.engine import Engine
from server.match.tokenize import tokenizer_id

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the pickled parts change shape
FILE_NAME = "snapshot.bin"


@dataclass(frozen=True)
class Snapshot:
    """A loaded snapshot: the documents' fingerprints when it was written, and when."""

    fingerprints: dict[str, int]
    created: float


def directory(model_dir: str | Path) -> Path:
    return Path(model_dir) / "index"


def key(engine: Engine, *, model_version: str | None) -> dict[str, object]:
    """What an index depends on besides the documents: a snapshot made under another key is not used."""
    uses_doc2vec = engine.doc_vector_dim > 0
    return {"format": FORMAT, "encoder": engine.encoder.name if engine.encoder else None,
            "tokenizer": tokenizer_id(), "doc2vec": model_version if uses_doc2vec else None,
            "params": hashlib.sha1(repr(engine.params).encode()).hexdigest()[:16]}


def save(engine: Engine, fingerprints: dict[str, int], *, model_dir: str | Path,
         model_version: str | None) -> Path | None:
    """Write engine's index with its documents' fingerprints; None when another process is writing one."""
    folder = directory(model_dir)
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open(folder / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("another process is writing the index snapshot; skipped")
            return None
        target = folder / FILE_NAME
        partial = folder / f".{FILE_NAME}.{os.getpid()}"
        header = {"key": key(engine, model_version=model_version), "created": time.time(),
                  "documents": len(fingerprints)}
        try:
            with open(partial, "wb") as out:
                out.write(json.dumps(header).encode() + b"\n")
                pickle.dump(fingerprints, out, protocol=pickle.HIGHEST_PROTOCOL)
                engine.write_state(out)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    log.info("index snapshot written: %s documents, %.0f MB, %.1f s", len(fingerprints),
             target.stat().st_size / 2**20, time.perf_counter() - started)
    return target


def load(engine: Engine, *, model_dir: str | Path, model_version: str | None) -> Snapshot | None:
    """Fill engine from the snapshot made under its key; None (engine untouched) when there is none that fits."""
    path = directory(model_dir) / FILE_NAME
    if not path.exists():
        return None
    started = time.perf_counter()
    try:
        with open(path, "rb") as src:
            header = json.loads(src.readline())
            wanted = key(engine, model_version=model_version)
            if header.get("key") != wanted:
                log.info("index snapshot made under %s, engine is %s: not used", header.get("key"), wanted)
                return None
            fingerprints = pickle.load(src)  # noqa: S301 - our own file under MODEL_DIR
            engine.read_state(src, documents=len(fingerprints))
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError) as exc:
        log.warning("index snapshot %s unreadable (%s): building the index instead", path, exc)
        return None
    log.info("index snapshot loaded: %s documents in %.1f s", len(engine), time.perf_counter() - started)
    return Snapshot(fingerprints=fingerprints, created=float(header.get("created", 0.0)))
