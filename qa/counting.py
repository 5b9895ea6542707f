"""What a 'how many' question counts, and the one number in a text that counts it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from qa.candidate import stems_of, word_stems
from qa.countnouns import kin
from qa.periods import YEAR
from qa.spans import Span, spans
from qa.stopwords import STOPWORDS

# 'how many of Derby's looked after children …': a part of a council's group is counted as the group is
# ('how many of the events …' may be answered with the noun left out: 'Two have taken place'), and a
# participle and its particle before the noun counted are its modifier
_HOW_MANY = re.compile(
    r"\bhow many\s+(?:of\s+[A-Z][\w'’-]*['’]s\s+)?"
    r"(?:[a-z'-]+ed\s+(?:after|for|up)\s+)?([a-z'-]+(?:\s+[a-z'-]+){0,5})",
    re.I,
)
# The noun ends at a verb after it ('how many councillors voted …', '… episodes involving …', '…
# departments made …') or a word that is none of it ('… care leavers per Personal Advisor', '… themes across
# departments', '… terms may the agreement …').
_ENDS_NOUN = re.compile(r"[a-z]{2}(?:ed|ing)$", re.I)
_NOT_NOUN = frozenset(
    {"per", "across", "within", "among", "throughout", "around", "beyond", "via", "upon", "onto"}
    | {"may", "might", "must", "shall", "can", "could", "would", "should", "will"}
    | {"made", "took", "gave", "got", "went", "came", "saw", "said", "held", "met", "won", "lost", "left"}
)


def _noun_words(question: str) -> list[str]:
    """The words of the noun a 'how many' question counts, to its first stopword or verb: 'additional
    in-house foster carers' in 'How many additional in-house foster carers does the plan aim for?'; with
    a vote's count asked ('How many councillors voted for …?'), the votes; none when the noun is left
    out ('Of the six residents, how many did …?')."""
    m = _HOW_MANY.search(question)
    words: list[str] = []
    for word in m.group(1).split() if m else ():
        low = word.lower()
        if low in STOPWORDS or low in _NOT_NOUN or (words and _ENDS_NOUN.search(word)):
            if words and low == "voted":
                words.append("votes")
            break
        words.append(word)
    return words


@lru_cache(maxsize=1 << 10)
def counted(question: str) -> frozenset[str]:
    """Stems of what a 'how many' question counts ('How many secondary schools …' → second, school);
    empty for any other question."""
    return kin(frozenset(s for w in _noun_words(question) for s in stems_of(w)))


def counted_head(question: str) -> str | None:
    """The stem of the noun a 'how many' question counts ('How many key themes …' → theme)."""
    words = _noun_words(question)
    stems = stems_of(words[-1]) if words else ()
    return stems[-1] if stems else None


_COUNT_BEFORE = 3  # words from a count to the noun it counts: 'sixteen Children's Centres'


def count_of(text: str, question: str) -> Span | None:
    """The one number in `text` standing just before the noun a 'how many' `question` counts ('sixteen
    Children's Centres operating from fifteen buildings' → sixteen); None when none or several do."""
    head = counted_head(question)
    group = kin(frozenset({head})) if head else frozenset()
    # 'three portable rotary screw air compressors': the count stands before all the noun's words
    reach = max(_COUNT_BEFORE, len(_noun_words(question)) + 1)
    words = word_stems(text)
    heads = [i for i, w in enumerate(words) if group.intersection(w)]
    found: dict[Span, tuple[int, int]] = {}  # each count: its last word, and the noun it counts
    for s in (s for s in spans(text) if s.kind == "number"):
        at = len(text[: s.end].split()) - 1
        if near := [i for i in heads if 0 < i - at <= reach]:
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


def restates_count(text: str, question: str) -> bool:
    """Whether, asked 'how many', every number the text gives is one the question itself states: 'all six
    residents' is no answer to 'Of the six residents, how many would pay?'. Years count nothing."""
    if not _HOW_MANY.search(question):
        return False
    given = _counts_in(text)
    return bool(given) and given <= _counts_in(question)


def _counts_in(text: str) -> set[str]:
    return {s.text.lower() for s in spans(text) if s.kind == "number" and not re.fullmatch(YEAR, s.text)}
