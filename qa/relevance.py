"""Does a passage really answer? Term weights from the store, coverage of the question, the gate."""

from __future__ import annotations

import math
import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december sept today yesterday tomorrow week month year".split()
)
_STEM = 5  # 'repaired'/'repairs', 'children'/'child': a shared 5-letter prefix is the same word here


def term_weights(frequencies: dict[str, int], total: int) -> dict[str, float]:
    """BM25-style IDF of each term over `total` chunks; unseen terms weigh the most."""
    total = max(total, 1)
    return {term: math.log((total - df + 0.5) / (df + 0.5) + 1.0) for term, df in frequencies.items()}


@lru_cache(maxsize=1 << 16)  # council vocabulary repeats: the rerank stems ~30k words a query
def stem(word: str) -> str:
    """A crude stem that is enough here: 'leads'/'lead', 'repaired'/'repairs', 'children'/'child'."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:_STEM]


def stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower())}


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
