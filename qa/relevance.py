"""Does a passage really answer? Term weights from the store, coverage of the question, the gate."""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december sept today yesterday tomorrow week month year".split()
)


def term_weights(frequencies: dict[str, int], total: int) -> dict[str, float]:
    """BM25-style IDF of each term over `total` chunks; unseen terms weigh the most."""
    total = max(total, 1)
    return {term: math.log((total - df + 0.5) / (df + 0.5) + 1.0) for term, df in frequencies.items()}


class _Porter:
    """The index's stemmer: SQLite FTS5's porter tokenizer (index/schema.py), asked one word at a time, so
    the reader and the full-text index agree on what counts as the same word."""

    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")
        self.db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        self.lock = threading.Lock()

    def __call__(self, word: str) -> str:
        with self.lock:
            self.db.execute("INSERT INTO t(rowid, x) VALUES (1, ?)", (word,))
            row = self.db.execute("SELECT term FROM v LIMIT 1").fetchone()
            self.db.execute("DELETE FROM t")
        return row[0] if row else word.lower()


_PORTER = _Porter()


@lru_cache(maxsize=1 << 16)  # council vocabulary repeats: the rerank stems ~30k words a query
def stem(word: str) -> str:
    """The porter stem FTS5 indexes `word` under: 'chaired'/'chairs' → 'chair', 'repaired' → 'repair'."""
    return _PORTER(word)


@lru_cache(maxsize=1 << 12)  # a passage is reranked, then read, under the same question: stemmed once
def stems(text: str) -> frozenset[str]:
    return frozenset(map(stem, set(_WORD.findall(text.lower()))))


def coverage(text: str, weights: dict[str, float]) -> float:
    """Share of the question's term weight that the text holds."""
    total = sum(weights.values())
    if not total:
        return 0.0
    held_stems = stems(text)
    held = sum(w for t, w in weights.items() if all(s in held_stems for s in stems(t)))
    return held / total


def unseen_terms(frequencies: dict[str, int]) -> list[str]:
    """Content words of the question that no chunk holds at all (e.g. 'potholes'); calendar words
    ('Tuesday') say when, not what, so they never count."""
    unseen = [t for t, df in frequencies.items() if df == 0]
    return [t for t in unseen if len(t) >= 4 and t not in _CALENDAR and not t.isdigit()]
