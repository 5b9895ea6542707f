"""A scored answer unit, and the word tests list answers use: columns the question names, new words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.passage import Passage
from qa.relevance import stem
from qa.stopwords import STOPWORDS
from qa.units import Unit


@dataclass(frozen=True)
class Scored:
    """A unit with its passage and score; `named` when it is the cell of a column the question names."""

    unit: Unit
    passage: Passage
    score: float
    named: bool = False


def _stems(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]


def label_named(label: str, terms: Sequence[str], key_nouns: Sequence[str] = ()) -> bool:
    """The question names this column ('portfolio holder', 'lead director'): all of a short label's
    words are in the question, two thirds of a long one's. The key column ('Pledge') never is."""
    asked = {stem(t) for t in terms}
    words = _stems(label)
    if not words or set(words) <= {stem(n) for n in key_nouns}:
        return False
    held = sum(w in asked for w in words)
    return held == len(words) or (len(words) >= 3 and held * 3 >= len(words) * 2)


def novelty(text: str, terms: Sequence[str]) -> float:
    """Share of a unit's words that the question did not already say."""
    asked = {stem(t) for t in terms}
    words = _stems(text)
    return sum(w not in asked for w in words) / len(words) if words else 0.0


def context(passage: Passage) -> str:
    """What a passage is about beyond its words: its paper's title, council, body and year."""
    year = str(passage.date.year) if passage.date else ""
    parts = (passage.title, passage.council, passage.body, year, passage.heading, passage.text)
    return " ".join(p for p in parts if p)
