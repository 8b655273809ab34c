"""Derived dev sets: a low-overlap "first part -> rest of the text" set built from a corpus."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

SENTENCE_END = re.compile(r"(?<=[。！？；.;!?])")


def split_documents(corpus: Sequence[dict[str, Any]], *, share: float = 0.4, min_sentences: int = 4,
                    queries: int = 1000, seed: int = 0) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Cut each long document into a query (its first sentences) and a shortened document (the rest).

    The query (background, aim) and its answer (method, results) share topic but far fewer words
    than a title does with its abstract: a dev proxy for question -> answer pairs. Documents too
    short to cut stay whole as distractors. Returns (corpus, queries) in the evaluate CLI's format.
    """
    docs, pairs = [], []
    for doc in corpus:
        sentences = [s for s in SENTENCE_END.split(doc["text"]) if s.strip()]
        if len(sentences) < min_sentences:
            docs.append({"id": doc["id"], "text": doc["text"]})
            continue
        cut = max(1, int(len(sentences) * share))
        docs.append({"id": doc["id"], "text": "".join(sentences[cut:])})
        pairs.append({"id": f"part-{doc['id']}", "query": "".join(sentences[:cut]), "relevant": [doc["id"]]})
    random.Random(seed).shuffle(pairs)
    return docs, pairs[:queries]
