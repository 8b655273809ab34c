"""The learned fusion: per-candidate features → a calibrated relevance in [0, 1].

Features of a candidate document for one query (all computed over the allowed documents):

    word        word BM25 / the query's word-BM25 ceiling      (share of the query's words it holds)
    char        character BM25 / the query's char-BM25 ceiling
    dense       sentence-encoder cosine
    dense_z     that cosine standardised over the allowed documents (how exceptional it is here)
    doc2vec     Doc2Vec cosine (a trusted model only)
    doc2vec_z   standardised likewise

relevance = sigmoid(bias + Σ weight·feature), a logistic regression fitted on dev data by
`python -m server.match.tune`; it is a probability-like score: a need whose best candidate is
under the floor has nobody worth bothering. One fitted model per set of available parts
("variant"): an engine without an encoder or without a trusted Doc2Vec model uses the weights
fitted without those features, so its scores stay calibrated.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FEATURES: tuple[str, ...] = ("word", "char", "dense", "dense_z", "doc2vec", "doc2vec_z")
DATA_PATH = Path(__file__).resolve().parent / "data" / "fusion.json"


def variant_name(*, dense: bool, doc2vec: bool) -> str:
    """Return the name of the fitted model for the parts an engine has."""
    if dense and doc2vec:
        return "dense+doc2vec"
    if dense:
        return "dense"
    if doc2vec:
        return "doc2vec"
    return "lexical"


def variant_features(variant: str) -> tuple[str, ...]:
    """Return the features a variant uses."""
    use_dense, use_d2v = "dense" in variant, "doc2vec" in variant
    return tuple(f for f in FEATURES
                 if (use_dense or not f.startswith("dense")) and (use_d2v or not f.startswith("doc2vec")))


@dataclass(frozen=True)
class FusionModel:
    """A logistic regression over named features, a calibration of its top candidates, and the floor.

    Stage 1 (weights, bias) orders every candidate. Stage 2 (calibration a, b, c) turns a stage-1
    logit into the probability that a candidate shown near the top is relevant:
    sigmoid(a·logit + b·(logit − the query's best logit) + c), fitted on the top candidates of
    every dev query, so "0.8" means about 8 in 10 such matches are right.
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    floor: float = 0.5
    calibration: tuple[float, float, float] = (1.0, 0.0, 0.0)

    def logits(self, columns: dict[str, np.ndarray]) -> np.ndarray:
        """Return the stage-1 logits bias + Σ w·x of candidate feature columns."""
        logit = np.full(len(next(iter(columns.values()))), self.bias, dtype=np.float64)
        for name, weight in zip(self.features, self.weights, strict=True):
            logit += weight * columns[name].astype(np.float64)
        return logit

    def calibrate(self, logits: np.ndarray, best: float | np.ndarray) -> np.ndarray:
        """Return calibrated relevance of stage-1 logits, given the query's best logit."""
        a, b, c = self.calibration
        return _sigmoid(a * logits + b * (logits - best) + c)

    def relevance(self, columns: dict[str, np.ndarray]) -> np.ndarray:
        """Return the calibrated relevance of one query's candidates."""
        logits = self.logits(columns)
        return self.calibrate(logits, float(logits.max()) if logits.size else 0.0)

    def to_json(self) -> dict[str, Any]:
        """Return the model as JSON data."""
        return {"features": list(self.features), "weights": [round(w, 6) for w in self.weights],
                "bias": round(self.bias, 6), "floor": round(self.floor, 4),
                "calibration": [round(v, 6) for v in self.calibration]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FusionModel:
        """Build a model from JSON data."""
        calibration = tuple(float(v) for v in data.get("calibration", (1.0, 0.0, 0.0)))
        return cls(tuple(data["features"]), tuple(float(w) for w in data["weights"]), float(data["bias"]),
                   float(data.get("floor", 0.5)), calibration)  # type: ignore[arg-type]


def _sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(values, -40.0, 40.0)))


# Used until `python -m server.match.tune` has written data/fusion.json: hand-set, conservative.
_FALLBACK = {
    "lexical": FusionModel(("word", "char"), (4.0, 6.0), -4.0, 0.5),
    "dense": FusionModel(("word", "char", "dense", "dense_z"), (2.0, 3.0, 10.0, 0.8), -14.0, 0.5),
    "doc2vec": FusionModel(("word", "char", "doc2vec", "doc2vec_z"), (4.0, 6.0, 1.0, 0.3), -5.0, 0.5),
    "dense+doc2vec": FusionModel(("word", "char", "dense", "dense_z", "doc2vec", "doc2vec_z"),
                                 (2.0, 3.0, 10.0, 0.8, 0.5, 0.2), -14.5, 0.5),
}


@dataclass(frozen=True)
class Fusion:
    """The fitted models by variant, with where they came from."""

    models: dict[str, FusionModel] = field(default_factory=lambda: dict(_FALLBACK))
    provenance: str = "hand-set fallback (no data/fusion.json)"

    def model(self, variant: str) -> FusionModel:
        """Return the fitted model of a variant."""
        return self.models.get(variant) or _FALLBACK[variant]

    def to_json(self) -> dict[str, Any]:
        """Return every model and the provenance as JSON data."""
        return {"provenance": self.provenance, "models": {k: m.to_json() for k, m in self.models.items()}}


def load_fusion(path: Path = DATA_PATH) -> Fusion:
    """Read the fitted fusion (the hand-set fallback when the file is missing or unreadable)."""
    if not path.is_file():
        return Fusion()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        models = {name: FusionModel.from_json(m) for name, m in data["models"].items()}
    except (ValueError, KeyError, TypeError) as exc:
        log.error("ignoring unreadable %s: %s", path, exc)
        return Fusion()
    return Fusion({**_FALLBACK, **models}, data.get("provenance", ""))


def save_fusion(fusion: Fusion, path: Path = DATA_PATH) -> None:
    """Write the fitted fusion as JSON."""
    path.write_text(json.dumps(fusion.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
