"""Chinese tokenisation: jieba with a domain dictionary, stop words and whole Latin/number terms."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jieba

DATA_DIR = Path(__file__).resolve().parent / "data"
USERDICT_PATH = DATA_DIR / "userdict.txt"
STOPWORDS_PATH = DATA_DIR / "stopwords.txt"

# A fragment made only of these characters may be glued to its neighbour ("Wi" "-" "Fi").
_ASCII_PART = re.compile(r"^[0-9a-z.+#%\-_/]+$")
_NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
_HAS_WORD_CHAR = re.compile(r"[0-9a-z\u3400-\u9fff]")
# Units that belong to the number before them ("300亩", "20万吨").
UNITS = frozenset("亩 吨 万吨 公斤 千克 克 米 厘米 毫米 公里 千米 瓦 千瓦 兆瓦 伏 千伏 安 毫安 度 升 毫升 赫兹".split())

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def get_tokenizer() -> jieba.Tokenizer:
    """Return this process's jieba tokenizer, loading the dictionaries once (thread-safe)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _build_tokenizer()
    return _tokenizer


def _build_tokenizer() -> jieba.Tokenizer:
    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.default_logger.setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.load_userdict(str(USERDICT_PATH))
    return tokenizer


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the stop-word list."""
    lines = STOPWORDS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


TOKENIZER_VERSION = 1  # bump when tokenize() changes its output for the same dictionaries


@lru_cache(maxsize=1)
def tokenizer_id() -> str:
    """Return what stored word tokens must match: this code's version, jieba's, and the dictionaries' hash."""
    import hashlib

    digest = hashlib.sha1(USERDICT_PATH.read_bytes() + b"\0" + STOPWORDS_PATH.read_bytes()).hexdigest()[:12]
    return f"v{TOKENIZER_VERSION}-jieba{jieba.__version__}-{digest}"[:32]


def normalise(text: str) -> str:
    """Fold full-width forms to ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def tokenize(text: str) -> list[str]:
    """Split text into informative tokens: domain terms whole, stop words and punctuation gone."""
    pieces = get_tokenizer().tokenize(normalise(text), HMM=True)
    words = (_clean(word) for word in _merge([(w.lower(), a, b) for w, a, b in pieces]))
    stop = stopwords()
    return [word for word in words if word not in stop and _HAS_WORD_CHAR.search(word)]


def _clean(word: str) -> str:
    return word.strip(".-_/") if word.isascii() else word


def _merge(pieces: list[tuple[str, int, int]]) -> Iterable[str]:
    """Glue adjacent ASCII fragments ("wi" "-" "fi") and numbers with their units ("300" "亩")."""
    word, end = "", -1
    for piece, start, stop in pieces:
        if word and start == end and _joins(word, piece):
            word, end = word + piece, stop
            continue
        if word:
            yield word
        word, end = piece, stop
    if word:
        yield word


def _joins(left: str, right: str) -> bool:
    if _ASCII_PART.match(left) and _ASCII_PART.match(right):
        return True
    return bool(_NUMBER.match(left)) and right in UNITS


def lexical_terms(text: str, tokens: Iterable[str]) -> list[str]:
    """Return BM25 terms: the tokens plus "#"-marked character bigrams of each Chinese run of text."""
    terms = list(tokens)
    for run in _HAN_RUN.findall(normalise(text)):
        terms.extend("#" + run[i:i + 2] for i in range(len(run) - 1))
    return terms


_LATIN_RUN = re.compile(r"[0-9a-z][0-9a-z.+#%\-_/]*")


def char_terms(text: str) -> list[str]:
    """Return character BM25 terms: every Chinese character and character bigram, and whole Latin words.

    Characters survive the spelling variants of everyday writing (柑子/柑橘 share 柑) where a word
    tokeniser sees two unrelated words.
    """
    text = normalise(text).lower()
    terms: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        terms.extend(run)
        terms.extend(run[i:i + 2] for i in range(len(run) - 1))
    terms.extend(word.strip(".-_/") for word in _LATIN_RUN.findall(text))
    return [term for term in terms if term]
