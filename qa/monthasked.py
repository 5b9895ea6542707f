"""A month a question asks a meeting's day in ('when is the September meeting?'), and the days in it."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.dates import MONTH_ABBREVIATIONS, find_dates
from qa.query import SHORT_MONTHS

# A month's name or short form; 'May' only capitalised, as 'may' is mostly the verb.
_MONTH = rf"(?:(?i:{SHORT_MONTHS})[a-z]*|May)"
_MEETING = r"(?i:meetings?|sessions?|hearings?)"
_WHEN = r"(?i:when|what\s+date|which\s+date|what\s+day)\s+(?i:is|was|will\s+be|will|are|were|does|did)\s+"
# 'when is the september meeting', 'when was the meeting in March 2024': the meeting's day asked, by its
# month. A month naming anything else ('the submittal deadline for the January meeting', 'according to
# the February 2020 update') asks no day in it.
_ASKED = re.compile(
    rf"\b{_WHEN}(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?P<before>{_MONTH})\s+(?:[\w'’-]+\s+){{0,2}}?{_MEETING}\b"
    rf"|\b{_WHEN}(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?{_MEETING}\s+(?:held\s+)?in\s+(?P<after>{_MONTH})\b"
)
_MONTH_WORD = re.compile(rf"\b{_MONTH}\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY = re.compile(r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?(?![\d,.]?\d)")  # a day's number, not a year's


@lru_cache(maxsize=1 << 8)  # asked of every candidate's date spans
def month_asked(question: str) -> str | None:
    """The month ('sep') whose meeting's day a question asks ('when is the september meeting?'), else
    None."""
    m = _ASKED.search(question)
    return (m.group("before") or m.group("after"))[:3].lower() if m else None


def in_month_asked(text: str, start: int, end: int, question: str) -> bool:
    """Whether the date at text[start:end] gives a day ('26th September') in the month whose meeting the
    question asks, and is no other field's ('Submittal Deadline *: September 24, 2019' beside 'Monthly
    Meeting Dates: October 24, 2019')."""
    month, date = month_asked(question), text[start:end]
    found = _MONTH_WORD.search(date)
    return bool(
        month
        and month in MONTH_ABBREVIATIONS
        and found
        and found.group()[:3].lower() == month
        and _DAY.search(date)
        and _of_meeting_field(text[:start])
    )


def _of_meeting_field(before: str) -> bool:
    """Whether the field a date stands in, if it is labelled, is labelled with a meeting."""
    field = re.split(r"[;|\n]", before)[-1]
    label = field.rsplit(":", 1)[0] if ":" in field else ""
    return not label or bool(re.search(_MEETING, label))


def of_another_year(text: str, question: str) -> bool:
    """Whether every day the text gives in the month whose meeting the question asks is of a year the
    question does not name, when it names one: 'the November meeting' of 'meeting dates for 2024' is not
    the '25th November 2023' meeting whose minutes were signed. A day printed with no year may be any."""
    month, years = month_asked(question), {int(y) for y in _YEAR.findall(question)}
    if not month or not years:
        return False
    days = [
        d
        for d in find_dates(text)
        if d.precision == "day" and MONTH_ABBREVIATIONS[d.value.month - 1] == month
    ]
    return bool(days) and all(d.value.year not in years for d in days)
