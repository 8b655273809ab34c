"""Every tunable number of the matcher, in one place, with where it came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Doc2VecParams:
    """Doc2Vec (PV-DBOW with interleaved skip-gram word training) hyper-parameters."""

    # Chosen on the shared dev split (12,162 abstracts). Doc2Vec alone, MRR@10 on the derived
    # first-part -> rest set (devsets.split_documents) / best hybrid there / training time:
    #   window 5, negative 5: 0.622 / 0.841 / 1x      window 8, negative 10: 0.688 / 0.845 / ~2x
    #   epochs 60: 0.657 / 0.844 / 1.4x               vector_size 200: 0.707 / 0.844 / ~4x, slower search
    #   char bigrams as extra tokens: 0.582 / 0.840 / ~6x     infer epochs 100: +0.01, 2.5x slower inference
    # sample 1e-5 trains a third faster than 1e-4 at the same quality; min_count 1 gained 0.01 R@10 on
    # titles but keeps every typo of a large corpus in the vocabulary. PV-DM is far weaker (shared/data/README.md).
    vector_size: int = 128
    window: int = 8
    min_count: int = 2
    sample: float = 1e-5
    negative: int = 10
    epochs: int = 40
    alpha: float = 0.025
    min_alpha: float = 0.0001
    dm: int = 0
    dbow_words: int = 1
    workers: int = 2
    seed: int = 42
    infer_epochs: int = 0  # 0 -> the training epochs

    def to_json(self) -> dict[str, Any]:
        """Return the parameters as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Doc2VecParams:
        """Build parameters from a dict, ignoring keys this version does not know."""
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


@dataclass(frozen=True)
class BM25Params:
    """Okapi BM25 constants."""

    k1: float = 1.5
    b: float = 0.75
    # Stop terms: in more than max_df of the documents and in at least min_df_stop of them (see bm25.py).
    max_df: float = 0.05
    min_df_stop: int = 50


@dataclass(frozen=True)
class RankParams:
    """Post-ranking rules: region preference and near-duplicate collapse."""

    boost_county: float = 0.03  # same 6-digit code
    boost_city: float = 0.02  # same first 4 digits
    boost_province: float = 0.01  # same first 2 digits
    duplicate_cosine: float = 0.95  # Doc2Vec cosine (a trusted model only)
    # Sentence-encoder cosine: e5 puts unrelated texts of one language at 0.8-0.9, so only a
    # near-copy (the same offer posted twice, lightly edited) passes this.
    duplicate_dense: float = 0.985
    collapse_same_author: bool = True
    pool_factor: int = 4  # candidates considered per requested result before collapsing
    keywords: int = 5


@dataclass(frozen=True)
class GateParams:
    """The quality gate a newly trained Doc2Vec model must pass to become `current` (see gate.py)."""

    # Measured 2026-12-02 (gate.check, 300 re-inferred training documents, seed 0). Sound models:
    #   12,162 CSL abstracts, Doc2VecParams defaults: self-recall 1.000, mean pairwise cosine 0.302
    #   1,000 CSL abstracts, defaults: 0.803 / 0.334
    #   300 CSL abstracts, test params (24 dims, 15 epochs, min_count 1, no sampling): 0.827 / 0.440
    #   the 31-document test corpus, its params (32 dims, 150 epochs): 1.000 / 0.405
    # Degenerate models (the defaults on a young platform):
    #   300 CSL abstracts: 0.963 / 0.974 (every vector points the same way)
    #   351 short everyday posts (data/dev colloquial needs + offers): 0.010 / 0.339
    #   the 22 demo posts: 0.091 / 0.749;  30 near-identical posts: 0.000 / 0.006 (0.067 / 0.998, test params)
    #   issue 12 reports 0.07-0.47 self-recall for the nightly model of a few hundred posts.
    # So: self-recall above 0.6 (between 0.47 and 0.80) and spread below 0.6 (between 0.44 and 0.75).
    # MRR tolerance: one title query (of 200) slipping from rank 1 to 2 costs 0.0025; 0.01 lets noise of
    # about four such slips pass and nothing more. The 12,162-abstract model, MRR@10 with vs without it:
    # engine of commit 81a5d4f: title 0.9818 vs 0.9818, colloquial 0.5410 vs 0.5052 (passes); engine being
    # rewritten that day (word+char BM25, learned fusion, its doc2vec weights as on disk then): title 0.9842
    # vs 0.9825, colloquial 0.5566 vs 0.7593 — refused, rightly: there Doc2Vec cost the colloquial needs.
    min_self_recall: float = 0.6
    max_mean_cosine: float = 0.6
    mrr_tolerance: float = 0.01  # MRR@10 a dev set may lose to the same engine without the model
    sample: int = 300  # training documents re-inferred for (a) and (b)
    dev_documents: int = 2000  # title dev set: the answering abstracts plus distractors up to this many
    seed: int = 0

    def thresholds(self) -> dict[str, float]:
        """Return the three limits, for the report stored with each version."""
        return {"min_self_recall": self.min_self_recall, "max_mean_cosine": self.max_mean_cosine,
                "mrr_tolerance": self.mrr_tolerance}


@dataclass(frozen=True)
class MatchParams:
    """Everything the engine needs besides the model."""

    doc2vec: Doc2VecParams = field(default_factory=Doc2VecParams)
    bm25: BM25Params = field(default_factory=BM25Params)
    rank: RankParams = field(default_factory=RankParams)


DEFAULT_PARAMS = MatchParams()
