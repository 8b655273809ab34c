"""Pure ranking rules: who may match whom, region boosts, duplicate collapse, keywords (fusion: fusion.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from server.match.params import RankParams
from server.match.schema import Filter

# A need or question is answered by offers; a question also by articles; and the reverse.
COUNTERPARTS: dict[str, frozenset[str]] = {
    "need": frozenset({"offer"}),
    "question": frozenset({"offer", "article"}),
    "offer": frozenset({"need", "question"}),
    "article": frozenset({"question"}),
}


def allowed_kinds(kind: str | None) -> frozenset[str] | None:
    """Return the kinds a document of this kind may match (None: any kind)."""
    if kind is None:
        return None
    return COUNTERPARTS[kind]


def match_filter(*, kind: str | None = None, author_id: int | None = None,
                 exclude_ids: Iterable[str] = (), open_only: bool = True) -> Filter:
    """Build the search filter for a query document: counterpart kinds, not its author, not declined."""
    authors = frozenset() if author_id is None else frozenset({author_id})
    return Filter(kinds=allowed_kinds(kind), open_only=open_only, exclude_authors=authors,
                  exclude_ids=frozenset(exclude_ids))


def region_boost(query_region: str | None, doc_region: str | None, *, params: RankParams) -> float:
    """Return the additive boost for a document in the same county, city or province."""
    if not query_region or not doc_region:
        return 0.0
    for digits, boost in ((6, params.boost_county), (4, params.boost_city), (2, params.boost_province)):
        if query_region[:digits] == doc_region[:digits]:
            return boost
    return 0.0


def region_boosts(query_region: str | None, regions: np.ndarray, *, params: RankParams) -> np.ndarray:
    """Vectorised region_boost over integer region codes (0 means unknown)."""
    boosts = np.zeros(regions.shape, dtype=np.float32)
    if not query_region:
        return boosts
    code, known = int(query_region), regions > 0
    boosts[known & (regions // 10000 == code // 10000)] = params.boost_province
    boosts[known & (regions // 100 == code // 100)] = params.boost_city
    boosts[known & (regions == code)] = params.boost_county
    return boosts


def collapse(order: Sequence[int], *, vectors: np.ndarray, authors: np.ndarray, k: int,
             threshold: float = 0.95, same_author: bool = True, no_author: int = -1) -> list[int]:
    """Keep results in order, skipping near-duplicates of (or same-author as) one already kept."""
    kept: list[int] = []
    seen_authors: set[int] = set()
    for index in order:
        if len(kept) >= k:
            break
        author = int(authors[index])
        if same_author and author != no_author and author in seen_authors:
            continue
        if kept and float(np.max(vectors[kept] @ vectors[index])) > threshold:
            continue
        kept.append(int(index))
        seen_authors.add(author)
    return kept


def explain(query_tokens: Sequence[str], doc_tokens: Sequence[str], *, limit: int = 5,
            idf: Mapping[str, float] | Callable[[str], float] | None = None) -> list[str]:
    """Return the shared tokens that say most about the match: highest idf first (longest without idf)."""
    shared = set(query_tokens) & set(doc_tokens)
    weigh = _weigher(idf)
    first_seen = {token: i for i, token in reversed(list(enumerate(query_tokens)))}
    ranked = sorted(shared, key=lambda token: (-weigh(token), first_seen[token]))
    return [token for token in ranked if weigh(token) > 0 and _telling(token)][:limit]


def _telling(token: str) -> bool:
    """A keyword a person can read: two characters at least, and not only digits."""
    return len(token) >= 2 and not token.isdigit()


def _weigher(idf: Mapping[str, float] | Callable[[str], float] | None) -> Callable[[str], float]:
    if idf is None:
        return lambda token: float(len(token))
    if callable(idf):
        return idf
    return lambda token: float(idf.get(token, 0.0))
