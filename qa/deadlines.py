"""A deadline asked ('By what date could residents send comments …?'): only a date told as one answers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.dates import find_dates
from qa.candidate import Candidate

# A question asking by when something must be done, not when it happened.
_ASKS_DEADLINE = re.compile(
    r"\bby (?:what|which) (?:date|time|day)\b|\bdeadlines?\b|\blast (?:date|day)\b|\bclosing (?:date|time)\b"
    r"|\bby when\b|\bno later than\b",
    re.I,
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
# The words a paper tells a deadline by: 'by 5:00 p.m.', 'no later than', 'Submittal Deadline', 'closes on',
# 'must be received before', 'until'. A meeting's own day and hour ('will meet … at 3:00 p.m.') and a date
# something was done or dated ('the statement of accounts dated: October 27') tell none.
_TELLS_DEADLINE = re.compile(
    r"\b(?:before|until|till|deadlines?|due|latest|clos(?:e|es|ed|ing)|expir\w*|prior to|no later than"
    r"|within|must|required|submi(?:t|ts|tted|ttal|ssions?))\b"
    # 'by' before a day or an hour, not 'organised by the practice'
    rf"|\bby\s+(?:the\s+)?(?:\d|noon|midday|midnight|close|end|latter|early|mid|{_WEEKDAY}|{_MONTH})",
    re.I,
)


# 'By when …?' as people ask when a thing is planned, not only for a deadline set
_BY_WHEN = re.compile(r"\bby when\b", re.I)


def asks_deadline(question: str) -> bool:
    return bool(_ASKS_DEADLINE.search(question))


def told_deadlines(found: Sequence[Candidate], question: str) -> list[Candidate]:
    """Asked for a deadline, the candidates whose sentence, column label, lead-in or item heading tells
    one; all of them for any other question."""
    if not asks_deadline(question):
        return list(found)
    # 'By when did the report recommend the committee review progress?' asks when a thing is to be done:
    # a day still to come when its paper was written tells it too ('to review progress … in July 2016')
    planned = bool(_BY_WHEN.search(question))
    return [
        c
        for c in found
        if any(_TELLS_DEADLINE.search(t or "") for t in _told_in(c)) or (planned and to_come(c))
    ]


def _told_in(candidate: Candidate) -> tuple[str | None, ...]:
    return candidate.shown, candidate.label, candidate.lead, candidate.passage.heading


# A deadline printed before its day or hour: 'by 5:00 p.m.', 'no later than 12 May', 'Deadline: 3 June'.
_SET_BY = re.compile(
    r"\b(?:by|before|until|no later than|deadline:?|due(?: by| on)?|closes?(?: on| at)?)\s*$", re.I
)


def set_by(before: str) -> bool:
    """Whether the words before a day or hour (`before`) end setting a deadline ('… comments … by')."""
    return bool(_SET_BY.search(before))


def to_come(candidate: Candidate) -> bool | None:
    """Whether the sentence gives a day or month after its paper's date (True) or only ones before it
    (False: '10 July 2019 | Agreed that a progress report … be scheduled' tells what happened); None
    when it gives none, or the paper's own day, or its paper is undated."""
    paper = candidate.passage.date
    dates = [d.value for d in find_dates(candidate.shown) if d.precision in ("day", "month")]
    if not (paper and dates):
        return None
    if any(d > paper for d in dates):
        return True
    return False if all(d < paper for d in dates) else None  # its own day ('Date of meeting: …') says neither
