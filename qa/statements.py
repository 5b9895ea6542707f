"""Status statements: what a paper says about where a commitment stands, and as of when."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from corpus.commitments import STATUS_WORDS
from index.passage import Passage
from qa.query import Identifier, TimeTarget
from qa.units import cells, focus, focus_named, units_of

_STATUS_LABEL = re.compile(r"status|progress|\brag\b|position|update|end state", re.IGNORECASE)
_NAMED_STATUS = re.compile(r"status|\brag\b", re.IGNORECASE)  # the status itself, not progress told


@dataclass(frozen=True)
class Statement:
    """One paper's word on a status, with the passage it came from."""

    text: str
    passage: Passage

    @property
    def date(self) -> dt.date | None:
        return self.passage.date


def statement_of(passage: Passage) -> str | None:
    """The first status cell of a row that holds a status word, a cell labelled a status first ('Key Dates
    / Status (RAG): … NOT YET DUE' over the 'Progress milestone: Ongoing rolling programme …' before it),
    else the first sentence that leads with or names a status."""
    for label in (_NAMED_STATUS, _STATUS_LABEL):
        if value := next((v for v in cells(passage.text, label) if STATUS_WORDS.search(v[:80])), None):
            return value
    sentences = [u.text for u in units_of(passage.text)]
    leading = [s for s in sentences if STATUS_WORDS.match(s.lstrip("•-( "))]
    naming = [s for s in sentences if STATUS_WORDS.search(s)]
    return (leading or naming or [None])[0]


def statements(
    passages: Sequence[Passage], identifiers: Sequence[Identifier] = (), named: Sequence[str] = ()
) -> list[Statement]:
    """One statement per paper (its best-ranked passage that has one), newest paper first; where
    the question names identifiers, only the rows that hold them speak, and where it names something
    by its name ('Zoë Garbett'), only the rows and paragraphs naming it, when others do not."""
    seen: set[str] = set()
    found: list[Statement] = []
    for passage in passages:
        if passage.source in seen:
            continue
        text = focus_named(focus(passage.text, identifiers), named)
        if text := statement_of(replace(passage, text=text)):
            seen.add(passage.source)
            found.append(Statement(text, passage))
    return sorted(found, key=lambda s: s.date or dt.date.min, reverse=True)


def lead_for(found: list[Statement], target: TimeTarget | None) -> list[Statement]:
    """Reorder so the statement that answers 'as of when' comes first: the latest, or the target's."""
    if not target or not found:
        return found
    before = [s for s in found if s.date and s.date <= target.end]
    lead = before[0] if before else found[-1]
    return [lead] + [s for s in found if s is not lead]
