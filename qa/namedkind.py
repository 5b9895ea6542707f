"""A name of the kind the question asks by its noun first: 'which trust …?' → 'ACE Multi Academy Trust'."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.candidate import Asked, Candidate, stems_of
from qa.query import intent
from qa.spans import spans

# Of the best candidate's score, the share at which one printing a name of the kind asked answers
# instead: a name ending in the question's own noun ('… Trust' for 'which trust') says what it is,
# which no other feature weighs, but a far weaker sentence is weaker for reasons that still count.
_CLOSE = 0.5
_NAMES = frozenset({"organisation", "place", "proper", "person"})
_KINDS = frozenset({"organisation", "place"})  # what a body's or a place's name ends in says what it is
# the words after 'which'/'what' that name the kind asked, up to a verb's helper or a preposition
_NOUN_PHRASE = re.compile(
    r"\b(?:which|what)\s+((?:(?!(?:is|are|was|were|will|would|did|does|do|has|have|had|can|could|the|a|an|of"
    r"|in|on|at|to|for|by|from|with)\b)[a-z][\w'-]*\s*){1,3})",
    re.I,
)


def kind_named_first(
    kept: Sequence[Candidate], order: list[int], scores: Sequence[float], asked: Asked
) -> list[int]:
    """The reader's order (indices into `kept`, best first) with the best candidate printing a name that
    ends in a noun the question asks by put first, when the best one prints none and it scores at least
    _CLOSE of the best's: 'which trust ran the support service?' is answered by the sentence naming
    'the ACE Multi Academy Trust', not the one on the register it kept. For bodies and places."""
    # a person asked by a post ('which strategic director') is named before it, not by it; a list's
    # names ('which schools make up …') are each of the kind whether or not they end in its noun
    if asked.expectation.kind not in _KINDS or intent(asked.text) == "list" or not order:
        return order
    phrase = _NOUN_PHRASE.search(asked.text)
    nouns = set(stems_of(phrase.group(1))) if phrase else set()
    if not nouns:
        return order
    asked_words = set(stems_of(asked.text))
    if _names_kind(kept[order[0]], nouns, asked_words):
        return order
    best = scores[order[0]]
    at = next(
        (i for i in order if scores[i] >= _CLOSE * best and _names_kind(kept[i], nouns, asked_words)), None
    )
    return order if at is None else [at, *(i for i in order if i != at)]


def _names_kind(candidate: Candidate, nouns: set[str], asked_words: set[str]) -> bool:
    """The sentence prints a name ending in one of the nouns that is not the question's own name."""
    for span in spans(candidate.text):
        words = stems_of(span.text)
        if span.kind in _NAMES and words and words[-1] in nouns and not set(words) <= asked_words:
            return True
    return False
