"""Scores for answer units: how well a sentence or cell answers, before and after meaning is weighed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.passage import Passage
from qa.exchange import only_asks, wants_questions
from qa.query import Query
from qa.relevance import coverage, stem
from qa.stopwords import STOPWORDS
from qa.units import Unit

_PERSON = re.compile(r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+[A-Z]|\b[A-Z][a-z]+ [A-Z][a-z]+\b(?!'s)")
_ROLE = re.compile(
    r"author|holder|director|officer|member|councillor|contact|chair|lead|responsible|owner", re.I
)
_WHEN = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b",
    re.I,
)
_QUANTITY = re.compile(
    r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|third|quarter)\b", re.I
)
_HOW_MUCH = frozenset({"how many", "how much", "by how much", "what proportion", "what percentage"})


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


def named(unit: Unit, query: Query) -> bool:
    """The unit is the cell of a column the question names, and says more than the question did."""
    nouns = [i.noun for i in query.identifiers]
    return (
        bool(unit.label)
        and label_named(unit.label or "", query.terms, nouns)
        and novelty(unit.text, query.terms) >= 0.34
    )


def bonus(unit: Unit, query: Query) -> float:
    """Favour the cell under the column the question names, and the kind of fact it asks for."""
    value = 0.4 if named(unit, query) else 0.0
    if query.wh == "who" and (_PERSON.search(unit.text) or (unit.label and _ROLE.search(unit.label))):
        value += 0.1
    elif query.wh == "when" and _WHEN.search(unit.text):
        value += 0.15
    elif query.wh in _HOW_MUCH and _QUANTITY.search(unit.text):
        value += 0.3 if counts_asked_thing(unit.text, query.terms) else 0.15
    return value


def counts_asked_thing(text: str, terms: Sequence[str]) -> bool:
    """A number right before a word the question asks about: '417 children', '22 milestones'."""
    asked = {stem(t) for t in terms if not t.isdigit()}
    for match in re.finditer(r"\b\d[\d,.]*%?\s+((?:[A-Za-z'-]+\s+){0,2}[A-Za-z'-]+)", text):
        if any(stem(w) in asked for w in match.group(1).split()):
            return True
    return False


def prescore(unit: Unit, rank: int, passage_cover: float, query: Query, weights: dict[str, float]) -> float:
    """Everything but meaning: the unit's own words, its passage's context, its kind, its rank."""
    score = 0.35 * coverage(unit.shown, weights) + 0.15 * passage_cover + 0.08 / (1 + rank)
    score -= 0.2 * max(0, len(unit.shown.split()) - 35) / 35  # long units cover words by sheer length
    score += bonus(unit, query)
    if novelty(unit.text, query.terms) < 0.34:
        score -= 0.3  # a cell that only repeats the question ('Member: Cllr Johnson') tells nothing
    if only_asks(unit.text) and not wants_questions(query.terms):
        score -= 0.4  # 'I will ask at the next Meeting when…' is somebody's question, not the answer
    return score
