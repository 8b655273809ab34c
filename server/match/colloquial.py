"""Everyday and dialect words → technical terms, for query expansion and readable explanations.

The dictionary is `data/colloquial.tsv` (see data/COLLOQUIAL.md): `colloquial, technical (|-separated),
class (dialect | everyday | symptom), domain`. A query that contains an entry's colloquial side
(洋芋, 摔跤, 臭鸡蛋味) is expanded with its technical terms (马铃薯, 跌倒, 硫化氢 燃气泄漏), and an
explanation shows the bridge ("柑子≈柑橘").
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA_PATH = Path(__file__).resolve().parent / "data" / "colloquial.tsv"
CLASSES = ("dialect", "everyday", "symptom")


@dataclass(frozen=True)
class Entry:
    """One dictionary line."""

    colloquial: str
    technical: tuple[str, ...]
    cls: str
    domain: str = "general"


class Vocabulary:
    """The loaded dictionary with longest-first substring lookup."""

    def __init__(self, entries: list[Entry]) -> None:
        merged: dict[str, Entry] = {}
        for entry in entries:
            known = merged.get(entry.colloquial)
            if known is not None:  # the same word in two lines: union of its terms, first class wins
                terms = known.technical + tuple(t for t in entry.technical if t not in known.technical)
                entry = Entry(known.colloquial, terms, known.cls, known.domain)
            merged[entry.colloquial] = entry
        self.entries = sorted(merged.values(), key=lambda e: -len(e.colloquial))
        self._by_first: dict[str, list[tuple[int, Entry]]] = {}  # first character -> (rank, entry)
        for rank, entry in enumerate(self.entries):
            self._by_first.setdefault(entry.colloquial[:1], []).append((rank, entry))
        self._found: dict[str, list[Entry]] = {}  # recent texts (a match looks a text up once per result)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> list[Entry]:
        """Return the entries found in text; a shorter word inside a longer found one is skipped."""
        hit = self._found.get(text)
        if hit is not None:
            return list(hit)
        key, text = text, unicodedata.normalize("NFKC", text)
        candidates = sorted((pair for char in set(text) for pair in self._by_first.get(char, ())),
                            key=lambda pair: pair[0])  # longest first, as self.entries
        found: list[Entry] = []
        covered: list[tuple[int, int]] = []
        for _, entry in candidates:
            start = text.find(entry.colloquial)
            if start < 0:
                continue
            end = start + len(entry.colloquial)
            if any(a <= start and end <= b for a, b in covered):
                continue
            covered.append((start, end))
            found.append(entry)
        if len(self._found) >= 1024:
            self._found.clear()
        self._found[key] = found
        return list(found)

    def expansion(self, text: str) -> list[str]:
        """Return the technical terms the text's everyday words stand for (not already in the text)."""
        terms: list[str] = []
        for entry in self.find(text):
            terms += [t for t in entry.technical if t not in text and t not in terms]
        return terms


def parse(lines: list[str]) -> list[Entry]:
    """Parse TSV lines (header and # comments skipped); raise ValueError on a malformed line."""
    entries = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#") or line.startswith("colloquial\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"line {number}: expected colloquial, technical, class[, domain]: {line!r}")
        colloquial = unicodedata.normalize("NFKC", parts[0].strip())
        technical = tuple(t.strip() for t in parts[1].split("|") if t.strip())
        cls = parts[2].strip()
        if len(colloquial) < 2 or not technical or cls not in CLASSES:
            raise ValueError(f"line {number}: bad entry {line!r}")
        entries.append(Entry(colloquial, technical, cls, parts[3].strip() if len(parts) > 3 else "general"))
    return entries


_lock = threading.Lock()
_vocabulary: Vocabulary | None = None


def get_vocabulary() -> Vocabulary:
    """Return the shipped dictionary, loaded once per process (empty when the file is missing)."""
    global _vocabulary
    if _vocabulary is None:
        with _lock:
            if _vocabulary is None:
                lines = DATA_PATH.read_text(encoding="utf-8").splitlines() if DATA_PATH.is_file() else []
                _vocabulary = Vocabulary(parse(lines))
    return _vocabulary
