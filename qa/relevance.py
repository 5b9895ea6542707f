"""Does a passage really answer? Term weights from the store, coverage of the question, the gate."""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from functools import lru_cache

from index.codes import joined_codes
from qa.irregular import as_verb

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
    """The index's stemmer: SQLite FTS5's porter tokenizer (index/schema.py), asked for many words in one
    row, so the reader and the full-text index agree on what counts as the same word."""

    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")
        self.db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        self.lock = threading.Lock()

    def __call__(self, words: list[str]) -> list[str]:
        """Each word's stem, in order. Words are [a-z0-9]+ runs, one token each, so a token's offset
        in the row is its word's place; one row costs ~2 µs a word against ~50 µs asked one by one."""
        with self.lock:
            self.db.execute("INSERT INTO t(rowid, x) VALUES (1, ?)", (" ".join(words),))
            found = dict(self.db.execute("SELECT offset, term FROM v").fetchall())
            self.db.execute("DELETE FROM t")
        return [found.get(i, word.lower()) for i, word in enumerate(words)]


_PORTER = _Porter()
_STEMS: dict[str, str] = {}  # filled a text at a time by `stems`; `stem` reads it
_KEPT = 1 << 16  # council vocabulary repeats: the rerank stems ~30k words a query, nearly all seen before


def _known(words: set[str]) -> None:
    """Stem, in one call, the words not stemmed before."""
    new = [w for w in words if w not in _STEMS]
    if not new:
        return
    if len(_STEMS) + len(new) > _KEPT:
        _STEMS.clear()
        new = list(words)
    # an irregular past form is stemmed as its verb: 'overseen by' holds what 'Who oversees …?' asks
    _STEMS.update(zip(new, _PORTER([as_verb(w) for w in new]), strict=True))


@lru_cache(maxsize=_KEPT)  # the reader stems the same words per candidate: a hit costs no Python frame
def stem(word: str) -> str:
    """The porter stem FTS5 indexes `word` under: 'chaired'/'chairs' → 'chair', 'repaired' → 'repair';
    an irregular past form as its verb's (qa/irregular.py: 'overseen' → 'overse', as 'oversees'), which
    the index's porter tokenizer does not do."""
    return _STEMS.get(word) or _PORTER([as_verb(word)])[0]


@lru_cache(maxsize=1 << 12)  # a passage is reranked, then read, under the same question: stemmed once
def stems(text: str) -> frozenset[str]:
    words = set(_WORD.findall(joined_codes(text)))  # 'L-24004' held as the term 'l24004'
    _known(words)  # after which every word is in _STEMS
    return frozenset(map(_STEMS.__getitem__, words))


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
