"""Word tokens of posts and articles: computed once when the text is written, kept in the database.

jieba needs about a millisecond per document, so re-tokenising 400 k documents would hold a
process's start-up for minutes. A document's tokens are stored beside its text hash and the
tokenizer's id (code version + dictionaries); a start-up reads them back and only a missing or
stale row is tokenised again — in a worker thread, never on the event loop — and stored.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from server.match.schema import Doc
from server.match.tokenize import tokenize, tokenizer_id
from server.models import DocTerms
from server.services.embeddings import text_hash

SEPARATOR = "\x1f"  # between tokens (a token never holds it: tokenize keeps word characters)


def _tokenise_all(texts: Sequence[str]) -> list[list[str]]:
    return [tokenize(text) for text in texts]


async def stored(docs: Sequence[Doc]) -> list[list[str] | None]:
    """Return each document's stored tokens, or None when missing or stale."""
    if not docs:
        return []
    rows = await DocTerms.filter(doc_id__in=[d.id for d in docs]).values_list("doc_id", "tokenizer", "text_hash",
                                                                              "words")
    found = {doc_id: (tok, digest, words) for doc_id, tok, digest, words in rows}
    current = tokenizer_id()
    out: list[list[str] | None] = []
    for doc in docs:
        hit = found.get(doc.id)
        fresh = hit is not None and hit[0] == current and hit[1] == text_hash(doc.text)
        out.append((hit[2].split(SEPARATOR) if hit[2] else []) if fresh else None)  # type: ignore[index]
    return out


async def save(docs: Sequence[Doc], words: Sequence[list[str]]) -> None:
    """Store tokens (replacing older ones of the same documents)."""
    if not docs:
        return
    current = tokenizer_id()
    rows = [DocTerms(doc_id=doc.id, tokenizer=current, text_hash=text_hash(doc.text),
                     words=SEPARATOR.join(w.replace(SEPARATOR, "") for w in tokens))
            for doc, tokens in zip(docs, words, strict=True)]
    await DocTerms.bulk_create(rows, on_conflict=["doc_id"], update_fields=["tokenizer", "text_hash", "words"])


async def words_for(docs: Sequence[Doc]) -> list[list[str]]:
    """Return every document's tokens: the stored ones, the rest tokenised in a thread and stored."""
    words = await stored(docs)
    missing = [i for i, w in enumerate(words) if w is None]
    if missing:
        made = await asyncio.to_thread(_tokenise_all, [docs[i].text for i in missing])
        await save([docs[i] for i in missing], made)
        for i, tokens in zip(missing, made, strict=True):
            words[i] = tokens
    return words  # type: ignore[return-value]


async def forget(doc_ids: Sequence[str]) -> None:
    """Drop the stored tokens of deleted documents."""
    if doc_ids:
        await DocTerms.filter(doc_id__in=list(doc_ids)).delete()
