"""A chunk's heading as an answer, and a short line that only heads what follows as none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from index.passage import Passage
from qa.answertype import ACCOUNT_KINDS, noun_asked
from qa.features import Asked, Candidate, stems_of
from qa.spans import as_names, spans
from qa.stopwords import STOPWORDS
from qa.typematch import accepts, own_words

_HEADING_KINDS = frozenset({"date", "time", "place"})  # what a chunk's heading may answer
# a heading that says where a meeting was held ('HELD ON 9 MAY 2018 AT 19.30 IN …', 'Venue: …')
_HELD = re.compile(r"\b(?:held|venue|location)\b", re.I)


def heading_candidates(passage: Passage, rank: int, asked: Asked, seen: set[str]) -> list[Candidate]:
    """A chunk's heading as a candidate, once per heading, when the question asks a day or an hour and
    the heading prints one: a minutes' heading says when the meeting was held ('HELD ON 9 MAY 2018 AT
    19.30 IN …'); or when it names what the question asks by its noun ('At what reading is the
    ordinance …?' under 'ORDINANCE ON FIRST READING'). Its own words are what it says, not the topic its
    passage's sentences stand under."""
    heading, kind = passage.heading or "", asked.expectation.kind
    if not heading or heading in seen:
        return []
    if kind in ACCOUNT_KINDS and _names_noun_asked(heading, asked.text):
        seen.add(heading)
        return [Candidate(_cased(heading), None, None, replace(passage, heading=None), rank, frozenset())]
    if kind not in _HEADING_KINDS:
        return []
    seen.add(heading)
    if kind == "place" and not _HELD.search(heading):  # '(g) Panshanger Park' is an item, not a venue
        return []
    cased = _cased(heading)
    kinds = frozenset(s.kind for s in spans(cased, False))
    return (
        [Candidate(cased, None, None, replace(passage, heading=None), rank, kinds)]
        if accepts(kind) & kinds
        else []
    )


def _names_noun_asked(heading: str, question: str) -> bool:
    """The heading holds the noun the question asks by ('reading' in 'At what reading …?')."""
    noun = noun_asked(question)
    return bool(noun) and bool(set(stems_of(noun)) & set(stems_of(heading)))


def _cased(heading: str) -> str:
    """A masthead printed in capitals in the case prose uses (qa/spans.as_names)."""
    return as_names(heading) if heading.isupper() else heading


# A line of a few words ending without a stop, saying little beyond the question's own words ('Wednesday 10
# July 2019', 'Priority 4 Key milestones'), heads or dates what follows; it gives no account of anything.
# A line with more of its own ('John McKay - Mayor Pro Tem', an item's title) may answer.
_HEADLINE_WORDS = 8
_HEADLINE_NEW = 2  # words of its own a heading adds to the question's ('key milestones')
_ENDS_SENTENCE = re.compile(r"[.!?;:…)\"'’”]\s*$")


def headline(candidate: Candidate, asked: Asked) -> bool:
    """The candidate is a short unlabelled line ending without a stop, of few words beyond the question's."""
    text = candidate.text
    if candidate.label or len(text.split()) > _HEADLINE_WORDS or _ENDS_SENTENCE.search(text):
        return False
    own = own_words(asked)
    if _qualifies_noun_asked(text, asked.text, own):  # 'ORDINANCE ON FIRST READING' for 'what reading'
        return False
    return len([s for s in stems_of(text) if s not in own]) <= _HEADLINE_NEW


def _qualifies_noun_asked(text: str, question: str, own: frozenset[str]) -> bool:
    """The line puts a word of its own before the noun the question asks by ('FIRST READING' asked 'At what
    reading …?'): it tells which, as an answer does, where a headline only repeats the question."""
    if not (noun := noun_asked(question)):
        return False
    before = re.search(rf"(\w+)\s+{re.escape(noun)}\b", text, re.I)
    # 'Declarations of Interest' tells no interest: a small word before the noun qualifies nothing
    word = before.group(1).lower() if before else ""
    return bool(word) and word not in STOPWORDS and not set(stems_of(word)) & own


def told_in_sentences(kept: Sequence[Candidate], asked: Asked, allowed: np.ndarray) -> np.ndarray:
    """Asked for an account, headlines may answer only when no sentence may."""
    told = allowed & ~np.asarray([headline(c, asked) for c in kept], dtype=bool)
    return told if told.any() else allowed


def heading_first(kept: Sequence[Candidate], order: list[int], asked: Asked) -> list[int]:
    """The reader's order (indices into `kept`, best first) with the heading over the best candidate's
    passage put first, where the question asks by a noun the best candidate does not hold and the heading
    qualifies it: 'ORDINANCES ON SECOND READING' over an item's line, asked 'At what reading is the
    ordinance …?'. A heading over a run of items tells each of them which, not only the first."""
    if asked.expectation.kind not in ACCOUNT_KINDS or not order:
        return order
    top, noun = kept[order[0]], noun_asked(asked.text)
    heading = top.passage.heading
    if not noun or not heading or set(stems_of(noun)) & set(stems_of(top.text)):
        return order
    if not _qualifies_noun_asked(heading, asked.text, own_words(asked)):
        return order
    cased = _cased(heading)
    at = next((i for i in order if kept[i].text == cased and kept[i].span is None), None)
    return order if at is None else [at, *(i for i in order if i != at)]
