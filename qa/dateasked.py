"""Whether a date a sentence holds is the date a question asks for: as precise, of the month, not its own."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from corpus.dates import MONTH_ABBREVIATIONS, find_dates
from qa.monthasked import in_month_asked, month_asked
from qa.spans import spans

SHORT_MONTHS = frozenset(MONTH_ABBREVIATIONS) | {"sept"}


def day_in_month_asked(text: str, question: str) -> bool:
    return month_asked(question) is not None and any(
        s.kind == "date" and in_month_asked(text, s.start, s.end, question) for s in spans(text)
    )


def day_asked_of(date: str, question: str) -> bool:
    """A day the question itself names ('the next meeting after the meeting of 14 November 2023'): the
    day asked about, not the one asked for, however the paper prints it ('November 14, 2023')."""
    days = _days_named(question)
    return bool(days) and any(d.value in days and d.precision == "day" for d in find_dates(date))


@lru_cache(maxsize=1 << 8)  # asked of every date span of every candidate
def _days_named(question: str) -> frozenset[dt.date]:
    return frozenset(d.value for d in find_dates(question) if d.precision == "day")


# 'On what date …?' asks for a day on the calendar: 'over the next three years' names none.
_ASKS_DAY = re.compile(r"\b(?:what|which)\s+(?:(?:exact|precise)\s+)?(?:date|day)\b", re.I)
_CALENDAR = re.compile(
    rf"\d|\b(?:{'|'.join(sorted(SHORT_MONTHS))})[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)


# A year alone ('2025', '2019/20') is no day on the calendar, however it is printed.
_YEAR_ONLY = re.compile(r"^\W*(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?\W*$")


# 'On what exact date …?' asks for the day itself: 'September 2025' is only its month.
_ASKS_EXACT = re.compile(
    r"\b(?:what|which)\s+(?:exact|precise)\s+(?:date|day)\b|\bwhat day of the month\b", re.I
)
_A_DAY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\b(?![/.-]?\d{2,})|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I
)
# 'In which month …?' asks for a month: a year alone ('in 2023') names none.
_ASKS_MONTH = re.compile(r"\b(?:what|which)\s+month\b", re.I)
_A_MONTH = re.compile(
    rf"\b(?:{'|'.join(sorted(SHORT_MONTHS))})[a-z]*\b|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b", re.I
)


def as_precise(date: str, question: str) -> bool:
    """Whether a date span is as precise as the question asks: a day on the calendar for 'On what date
    …?', the day itself for 'On what exact date …?', a month for 'In which month …?'."""
    if _ASKS_DAY.search(question) and (_YEAR_ONLY.match(date) or not _CALENDAR.search(date)):
        return False
    if _ASKS_EXACT.search(question) and not _A_DAY.search(date):
        return False
    if not _in_month_within(date, question):
        return False
    return not _ASKS_MONTH.search(question) or bool(_A_MONTH.search(date))


# 'On what date in November 2019 did Cabinet approve …?': the day asked lies in that month, not in the weeks
# before the paper of that month reporting it.
_DAY_WITHIN = re.compile(
    rf"\b(?:what|which)\s+(?:(?:exact|precise)\s+)?(?:date|day)\s+in\s+"
    rf"((?:{'|'.join(sorted(SHORT_MONTHS))})[a-z]*(?:\s+(?:19|20)\d\d)?)\b",
    re.I,
)


def asks_day_within(question: str) -> bool:
    """Whether the question asks a day within the month it names ('On what date in November 2019 …?')."""
    return bool(_DAY_WITHIN.search(question))


def _in_month_within(date: str, question: str) -> bool:
    """A date given for 'On what date in November 2019 …?' lies in November (of 2019, when the year is
    named); any date does for other questions."""
    within = _DAY_WITHIN.search(question)
    months = find_dates(within.group(1)) if within else []
    if not months:
        return True
    month = months[0].value
    named_year = bool(re.search(r"\d{4}", within.group(1)))
    return any(
        d.value.month == month.month and (d.value.year == month.year or not named_year)
        for d in find_dates(date)
    )
