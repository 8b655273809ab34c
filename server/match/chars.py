"""Character BM25 terms as integer keys, computed for many texts at once with numpy.

The same terms as `tokenize.char_terms` (every Chinese character, every character bigram
inside a run of Chinese, whole Latin words), but as int32 keys instead of strings, so 400 k
documents need no Python loop per character:

- a character c of U+3400..U+9FFF: c - 0x3400;
- a bigram (c1, c2): SPAN + (c1 - 0x3400) * SPAN + (c2 - 0x3400)  (below 2**30);
- a Latin word: 2**30 + its id in a growing vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np

from server.match.bm25 import Vocabulary

HAN_FIRST, HAN_LAST = 0x3400, 0x9FFF
SPAN = HAN_LAST - HAN_FIRST + 1
LATIN_BASE = 1 << 30
_LATIN_RUN = re.compile(r"[0-9a-z][0-9a-z.+#%\-_/]*")


class CharKeys:
    """Character-term keys of texts; Latin words get ids from a growing vocabulary."""

    def __init__(self) -> None:
        self.latin = Vocabulary()

    def keys(self, texts: Sequence[str], *, grow: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Return (owner, keys): every term key of every text, owner[i] = the index of its text.

        With grow False, Latin words never seen are left out (a query's unknown words).
        """
        if not texts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        folded = [(text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)).lower()
                  for text in texts]
        points = np.frombuffer("\x00".join(folded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        breaks = np.flatnonzero(points == 0)
        han = (points >= HAN_FIRST) & (points <= HAN_LAST)
        chars = np.flatnonzero(han)
        pairs = np.flatnonzero(han[:-1] & han[1:])
        offset = points - HAN_FIRST
        keys = [offset[chars], SPAN + offset[pairs] * SPAN + offset[pairs + 1]]
        owners = [np.searchsorted(breaks, chars), np.searchsorted(breaks, pairs)]
        words, word_owner = [], []
        for i, text in enumerate(folded):
            for word in _LATIN_RUN.findall(text):
                word = word.strip(".-_/")
                if word:
                    words.append(word)
                    word_owner.append(i)
        if words:
            ids = self._latin_ids(words, word_owner, grow=grow)
            keys.append(LATIN_BASE + ids[0])
            owners.append(ids[1])
        return np.concatenate(owners), np.concatenate(keys)

    def _latin_ids(self, words: list[str], owner: list[int], *, grow: bool) -> tuple[np.ndarray, np.ndarray]:
        if grow:
            return self.latin.ids(words).astype(np.int64), np.asarray(owner, dtype=np.int64)
        known = [(i, o) for i, o in zip(self._known(words), owner, strict=True) if i is not None]
        return (np.asarray([i for i, _ in known], dtype=np.int64), np.asarray([o for _, o in known], dtype=np.int64))

    def _known(self, words: list[str]) -> list[int | None]:
        return [int(ids[0]) if (ids := self.latin.ids([word], grow=False)).size else None for word in words]
