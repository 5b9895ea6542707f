"""Status statements: what a paper says about where a commitment stands, and as of when."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from corpus.commitments import STATUS_WORDS
from index.passage import Passage
from qa.query import Identifier, TimeTarget
from qa.units import cells, focus, focus_named, holds_any, units_of

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
    found = _stated(passage)
    return found[0] if found else None


def _stated(passage: Passage) -> tuple[str, int] | None:
    """`statement_of`'s statement and how plainly it is one: 2 a cell labelled a status ('Status (RAG)'),
    1 one labelled as progress told, 0 a sentence."""
    for strength, label in ((2, _NAMED_STATUS), (1, _STATUS_LABEL)):
        if value := next((v for v in cells(passage.text, label) if STATUS_WORDS.search(v[:80])), None):
            return value, strength
    sentences = [u.text for u in units_of(passage.text)]
    leading = [s for s in sentences if STATUS_WORDS.match(s.lstrip("•-( "))]
    naming = [s for s in sentences if STATUS_WORDS.search(s)]
    return ((leading or naming)[0], 0) if leading or naming else None


def statements(
    passages: Sequence[Passage], identifiers: Sequence[Identifier] = (), named: Sequence[str] = ()
) -> list[Statement]:
    """One statement per paper, newest paper first: its best-ranked passage with a status cell, else its
    best-ranked with a statement at all (a sentence naming 'improved' is no status where the paper's row
    gives one: 'Key Dates / Status (RAG): April 2019 SLIGHT SLIPPAGE'); where the question names
    identifiers, only the passages and rows that hold them speak, when any does, and where it names
    something by its name ('Zoë Garbett'), only the rows and paragraphs naming it, when others do not."""
    held = [p for p in passages if holds_any(p.text, identifiers, p.heading)]
    best: dict[str, tuple[int, Statement]] = {}
    for passage in held or passages:  # a paragraph holding none of them speaks of another row
        text = focus_named(focus(passage.text, identifiers), named)
        if (found := _stated(replace(passage, text=text))) and found[1] > best.get(passage.source, (-1,))[0]:
            best[passage.source] = (found[1], Statement(found[0], passage))
    return sorted((s for _, s in best.values()), key=lambda s: s.date or dt.date.min, reverse=True)


def lead_for(found: list[Statement], target: TimeTarget | None) -> list[Statement]:
    """Reorder so the statement that answers 'as of when' comes first: the latest, or the target's."""
    if not target or not found:
        return found
    before = [s for s in found if s.date and s.date <= target.end]
    lead = before[0] if before else found[-1]
    return [lead] + [s for s in found if s is not lead]
