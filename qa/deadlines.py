"""A deadline asked ('By what date could residents send comments …?'): only a date told as one answers."""

from __future__ import annotations

import re
from collections.abc import Sequence

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


def asks_deadline(question: str) -> bool:
    return bool(_ASKS_DEADLINE.search(question))


def told_deadlines(found: Sequence[Candidate], question: str) -> list[Candidate]:
    """Asked for a deadline, the candidates whose sentence, column label, lead-in or item heading tells
    one; all of them for any other question."""
    if not asks_deadline(question):
        return list(found)
    return [c for c in found if any(_TELLS_DEADLINE.search(t or "") for t in _told_in(c))]


def _told_in(candidate: Candidate) -> tuple[str | None, ...]:
    return candidate.shown, candidate.label, candidate.lead, candidate.passage.heading


# A deadline printed before its day or hour: 'by 5:00 p.m.', 'no later than 12 May', 'Deadline: 3 June'.
_SET_BY = re.compile(
    r"\b(?:by|before|until|no later than|deadline:?|due(?: by| on)?|closes?(?: on| at)?)\s*$", re.I
)


def set_by(before: str) -> bool:
    """Whether the words before a day or hour (`before`) end setting a deadline ('… comments … by')."""
    return bool(_SET_BY.search(before))
