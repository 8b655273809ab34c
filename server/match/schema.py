"""Plain data the matcher takes and returns: documents, their metadata, filters and matches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["need", "question", "offer", "article"]
Method = Literal["bm25", "char-bm25", "doc2vec", "dense", "hybrid"]
KINDS: tuple[str, ...] = ("need", "question", "offer", "article")
STATUSES: tuple[str, ...] = ("open", "closed")


@dataclass(frozen=True)
class DocMeta:
    """What the filters and boosts look at; region_code is a 6-digit GB/T 2260 code."""

    kind: str = "offer"
    status: str = "open"
    author_id: int | None = None
    region_code: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        if self.region_code is not None and not (len(self.region_code) == 6 and self.region_code.isdigit()):
            raise ValueError(f"region_code must be 6 digits, got {self.region_code!r}")


@dataclass(frozen=True)
class Doc:
    """One indexable document: a post or an article, identified by a caller-chosen string id."""

    id: str
    text: str
    meta: DocMeta = field(default_factory=DocMeta)


@dataclass(frozen=True)
class Filter:
    """Which indexed documents a search may return."""

    kinds: frozenset[str] | None = None  # None -> every kind
    open_only: bool = True
    exclude_authors: frozenset[int] = frozenset()
    exclude_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    """One ranked result: the document, its score, how it was found and why.

    relevance is the calibrated probability-like score of the fused ranking ("hybrid"), None for a
    single part's ranking; keywords are shared terms and "柑子≈柑橘" bridges, never single characters.
    """

    doc_id: str
    score: float
    method: str
    rank: int
    keywords: list[str] = field(default_factory=list)
    relevance: float | None = None
