"""What a 'how many' question counts, and the one number in a text that counts it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from qa.candidate import stems_of, word_stems
from qa.countnouns import kin
from qa.spans import Span, spans
from qa.stopwords import STOPWORDS

# What a 'how many' question counts runs from 'how many' up to its verb, at most _PHRASE_WORDS words: 'how
# many new foster carers did …', 'how many looked after children were …', 'by how many did supported
# internships increase'.
_HOW_MANY = re.compile(
    r"\bhow many\s+(?P<aux>(?:did|do|does|have|has|had|were|was|are|is|will)\s+)?"
    r"(?P<phrase>[a-z][\w'/-]*(?:\s+[a-z][\w'/-]*)*)",
    re.I,
)
_PHRASE_WORDS = 4
# Words that end the counted phrase: the verb asked with ('were', 'did', 'will'), a wh-word, or a
# determiner opening the verb's object ('how many people attended the meeting').
_ENDS = frozenset(
    "am are is was were be been being do does did have has had will would shall should can could may"
    " might must got get that who which whose where when the a an this these those its their his her our"
    " your".split()
)
_PAST = re.compile(r"[a-z]{3,}ed$", re.I)  # 'people attended', 'councillors voted': past the noun, its verb
# A preposition after the counted noun qualifies it ('children in care', 'percentage points up on …').
_QUALIFYING = frozenset("in on of for at from with by under across per during between within up down".split())


@lru_cache(maxsize=1 << 10)
def _phrase(question: str) -> tuple[str, ...]:
    m = _HOW_MANY.search(question)
    words: list[str] = []
    for w in m.group("phrase").split()[:_PHRASE_WORDS] if m else ():
        if w.lower() in _ENDS or (words and w.lower() in _QUALIFYING and m.group("aux")):
            break
        words.append(w)
    # after an auxiliary the phrase is the subject and then its verb: 'did supported internships increase'
    return tuple(words[:-1] if m and m.group("aux") and len(words) > 1 else words)


@lru_cache(maxsize=1 << 10)
def counted(question: str) -> frozenset[str]:
    """Stems of what a 'how many' question counts, and of what it says of them up to its verb ('How many
    secondary schools …' → second, school; 'how many councillors voted for …' → councillor, vote);
    empty for any other question."""
    words = [w for w in _phrase(question) if w.lower() not in STOPWORDS]
    return kin(frozenset(s for w in words for s in stems_of(w)))


def counted_noun(question: str) -> frozenset[str]:
    """Stems of the noun a 'how many' question counts and the words before it that say which ('how many
    new foster carers …' → new, foster, carer; 'how many declarations of interest …' → declar)."""
    return kin(frozenset(s for w in _noun(question) for s in stems_of(w)))


def counted_head(question: str) -> str | None:
    """The stem of the noun a 'how many' question counts: its phrase's last word before a preposition
    or a verb after the noun ('How many key themes …' → theme, 'how many children in care …' and 'how
    many children attended …' → child)."""
    words = _noun(question)
    stems = stems_of(words[-1]) if words else ()
    return stems[-1] if stems else None


def _noun(question: str) -> list[str]:
    phrase = _phrase(question)
    cut = next(
        (i for i, w in enumerate(phrase) if i and (w.lower() in _QUALIFYING or _PAST.match(w))), len(phrase)
    )
    return [w for w in phrase[:cut] if w.lower() not in STOPWORDS]


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
