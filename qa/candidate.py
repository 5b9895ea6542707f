"""An answer candidate and what the reader knows of the question: stems, IDF weights, cover, topic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.units import labelled
from index.codes import joined_codes
from index.passage import Passage
from qa.answertype import Expectation
from qa.query import TimeTarget
from qa.relevance import stem
from qa.spans import Span
from qa.stopwords import STOPWORDS
from qa.units import units_of

_WORD = re.compile(r"[a-z0-9]+")
_WORD_CHARS = re.compile(r"\w+")
_TOPIC_UNITS = 2  # a question word in this many of a passage's sentences is its topic, not the asked fact
_CELL_LABELS = re.compile(r"(?:^|;\s)[^:;]{1,60}:\s")  # 'Label: ' opening a cell of a row line


@dataclass(frozen=True)
class Asked:
    """What the features need to know about the question, computed once per question."""

    text: str
    expectation: Expectation
    weights: dict[str, float]  # IDF of each question stem
    time: TimeTarget | None


@dataclass(frozen=True)
class Candidate:
    """An answer candidate: a sentence or cell (`text`), or a typed `span` inside it, from a passage."""

    text: str
    label: str | None
    span: Span | None
    passage: Passage
    rank: int  # the passage's retrieval rank, 0 first
    kinds: frozenset[str]  # span kinds the sentence holds
    lead: str = ""  # the sentence a chunk boundary cut from before it, read for its words (qa/leads.py)

    @property
    def answer(self) -> str:
        return self.span.text if self.span else self.text

    @property
    def shown(self) -> str:
        return labelled(self.label, self.text)

    def printed_at(self, words: int) -> list[int]:
        """Where its passage's text prints it: the offsets at which its first `words` words stand,
        across any line breaks and punctuation (reading units keep words, not line breaks), first
        first; several where entries share their opening words."""
        opening = _WORD_CHARS.findall(self.text)[:words]
        pattern = r"\W+".join(map(re.escape, opening))
        return [m.start() for m in re.finditer(pattern, self.passage.text)] if opening else []


@lru_cache(maxsize=1 << 14)  # a passage's context and a sentence's words are stemmed once per question
def stems_of(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(joined_codes(text)) if w not in STOPWORDS)


@lru_cache(maxsize=1 << 12)  # a passage's context is the same for each of its candidates
def stem_set(text: str) -> frozenset[str]:
    return frozenset(stems_of(text))


def asked_of(
    question: str,
    expectation: Expectation,
    term_weights: dict[str, float],
    time,
    frequencies: dict[str, int] | None = None,
) -> Asked:
    """The question's stems weighted by IDF (the heavier of two terms sharing a stem). A word no paper
    holds ('Tuesday', 'outcome') weighs as the question's typical word, not its heaviest: a missing
    ordinary word never decides alone that the papers don't answer."""
    frequencies = frequencies or {}
    seen = [w for t, w in term_weights.items() if frequencies.get(t, 1) > 0]
    typical = sum(seen) / len(seen) if seen else 1.0
    weights: dict[str, float] = {}
    for term, weight in term_weights.items():
        weight = weight if frequencies.get(term, 1) > 0 else min(weight, typical)
        for s in stems_of(term):
            weights[s] = max(weights.get(s, 0.0), weight)
    for s in quoted_stems(question) & weights.keys():
        weights[s] *= _QUOTED
    return Asked(question, expectation, weights, time)


# A word the asker sets in quotes ("setting up 'constellations'") is the one the answer must name: it
# weighs as much again as its IDF says.
_QUOTED = 2.0
_QUOTES = re.compile(r"(?:^|(?<=[\s(]))['‘\"“]([^'’\"”]{2,60})['’\"”](?=[\s,.;:?!)]|$)")


def quoted_stems(question: str) -> frozenset[str]:
    """The stems of the words a question sets in quotes ('constellations' in "which model are they
    setting up 'constellations' for?"); an apostrophe inside a word opens no quote."""
    return frozenset(s for m in _QUOTES.finditer(question) for s in stems_of(m.group(1)))


def cover(stems: set[str] | frozenset[str], asked: Asked) -> float:
    """Share of the question's IDF weight the stems hold."""
    total = sum(asked.weights.values())
    return sum(w for s, w in asked.weights.items() if s in stems) / total if total else 0.0


@lru_cache(maxsize=1 << 12)
def word_stems(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(stems_of(w) for w in text.lower().split())


@lru_cache(maxsize=1 << 10)
def topic(text: str, heading: str, asked: frozenset[str]) -> frozenset[str]:
    """The asked stems a passage repeats in _TOPIC_UNITS of its units, or heads itself with; counted
    once per passage and question, not once per candidate. A table's column labels repeat in every row,
    yet they name the fields asked for ('Submittal Deadline'), not the topic: only cell values count."""
    counts: dict[str, int] = {}
    for unit in units_of(text):
        for s in set(stems_of(_CELL_LABELS.sub(" ", unit.text))) & asked:
            counts[s] = counts.get(s, 0) + 1
    return frozenset(s for s, n in counts.items() if n >= _TOPIC_UNITS) | frozenset(stems_of(heading))
