"""Status statements: what a paper says about where a commitment stands, and as of when."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from corpus.commitments import STATUS_WORDS
from index.passage import Passage
from qa.answer import format_date
from qa.query import Identifier, TimeTarget
from qa.units import cell, focus, units_of

_STATUS_LABEL = re.compile(r"status|progress|\brag\b|position|update|end state", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    """One paper's word on a status, with the passage it came from."""

    text: str
    passage: Passage

    @property
    def date(self) -> dt.date | None:
        return self.passage.date


def statement_of(passage: Passage) -> str | None:
    """The status cell of a row, else the first sentence that leads with or names a status."""
    if (value := cell(passage.text, _STATUS_LABEL)) and STATUS_WORDS.search(value[:80]):
        return value
    sentences = [u.text for u in units_of(passage.text)]
    leading = [s for s in sentences if STATUS_WORDS.match(s.lstrip("•-( "))]
    naming = [s for s in sentences if STATUS_WORDS.search(s)]
    return (leading or naming or [None])[0]


def statements(passages: Sequence[Passage], identifiers: Sequence[Identifier] = ()) -> list[Statement]:
    """One statement per paper (its best-ranked passage that has one), newest paper first; where
    the question names identifiers, only the rows that hold them speak."""
    seen: set[str] = set()
    found: list[Statement] = []
    for passage in passages:
        if passage.source in seen:
            continue
        if text := statement_of(replace(passage, text=focus(passage.text, identifiers))):
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


class Dated(Protocol):
    """A stated status as of a paper's date (index.recordquery.Statement is one)."""

    status: str | None
    date: dt.date | None
    date_precision: str


def status_summary(found: Sequence[Dated]) -> str:
    """'In Progress since 11 September 2019 (still in February 2020)', or the changes in order:
    'In Progress since 11 September 2019 → Completed February 2020'. `found` is newest first."""
    runs = status_runs(found)
    if len(runs) == 1:
        status, first, last = runs[0]
        if last is first:
            return f"{status} as of {when(first)}"
        return f"{status} since {when(first)} (still in {when(last)})"
    steps = [
        f"{status} {'since ' if i == 0 else ''}{when(first)}" for i, (status, first, _) in enumerate(runs)
    ]
    return " → ".join(steps)


def status_runs(found: Sequence[Dated]) -> list[tuple[str, Dated, Dated]]:
    """(status, first statement, last statement) of each unbroken run of one status, oldest first;
    `found` is newest first."""
    runs: list[list] = []
    for s in reversed(found):
        status = s.status or "no status given"
        if runs and runs[-1][0] == status:
            runs[-1][2] = s
        else:
            runs.append([status, s, s])
    return [(status, first, last) for status, first, last in runs]


def changed(found: Sequence[Dated]) -> bool:
    return len({s.status for s in found}) > 1


def when(s: Dated) -> str:
    """The statement's date as precisely as its paper gives it: '11 September 2019', 'February 2020'."""
    return format_date(s.date, s.date_precision)
