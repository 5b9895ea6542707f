"""What a 'how many' question counts, and the one number in a text that counts it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from qa.candidate import stems_of, word_stems
from qa.countnouns import kin
from qa.spans import Span, spans
from qa.stopwords import STOPWORDS

# a participle and its particle before the noun counted are its modifier: 'how many looked after children'
_HOW_MANY = re.compile(
    r"\bhow many\s+(?:[a-z'-]+ed\s+(?:after|for|up)\s+)?([a-z'-]+)(?:\s+([a-z'-]+))?", re.I
)


@lru_cache(maxsize=1 << 10)
def counted(question: str) -> frozenset[str]:
    """Stems of what a 'how many' question counts ('How many secondary schools …' → second, school);
    empty for any other question."""
    m = _HOW_MANY.search(question)
    words = [w for w in (m.groups() if m else ()) if w and w.lower() not in STOPWORDS]
    return kin(frozenset(s for w in words for s in stems_of(w)))


def counted_head(question: str) -> str | None:
    """The stem of the noun a 'how many' question counts ('How many key themes …' → theme)."""
    m = _HOW_MANY.search(question)
    words = [w for w in (m.groups() if m else ()) if w and w.lower() not in STOPWORDS]
    stems = stems_of(words[-1]) if words else ()
    return stems[-1] if stems else None


_COUNT_BEFORE = 3  # words from a count to the noun it counts: 'sixteen Children's Centres'


def count_of(text: str, question: str) -> Span | None:
    """The one number in `text` standing just before the noun a 'how many' `question` counts ('sixteen
    Children's Centres operating from fifteen buildings' → sixteen); None when none or several do."""
    head = counted_head(question)
    group = kin(frozenset({head})) if head else frozenset()
    words = word_stems(text)
    heads = [i for i, w in enumerate(words) if group.intersection(w)]
    found: dict[Span, tuple[int, int]] = {}  # each count: its last word, and the noun it counts
    for s in (s for s in spans(text) if s.kind == "number"):
        at = len(text[: s.end].split()) - 1
        if near := [i for i in heads if 0 < i - at <= _COUNT_BEFORE]:
            found[s] = (at, near[0])
    if len(found) > 1:  # '73 bicycle parking spaces and 49 motorcycle parking spaces': the kind asked
        asked = set(stems_of(question))
        found = {s: p for s, p in found.items() if _said_between(words[p[0] + 1 : p[1]], asked)}
    return next(iter(found)) if len(found) == 1 else None


def _said_between(between: Sequence[tuple[str, ...]], asked: set[str]) -> bool:
    """Whether the words from a count to its noun qualify it as the question does ('73 bicycle parking
    spaces' for 'how many bicycle parking spaces'): some, and each one the question says."""
    said = [w for w in between if w]
    return bool(said) and all(asked.intersection(w) for w in said)
