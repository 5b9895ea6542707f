"""The meeting after a named one, read off the meeting dates the papers list: the first one later."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from corpus.dates import find_dates
from qa.candidate import Candidate
from qa.daymonths import day_months
from qa.timefit import spanned

# Where a date is a meeting's: 'Monthly Meeting Dates', 'Dates for 2024', 'Date of meeting', 'will meet on'
_MEETING_WORDS = re.compile(r"\b(?:meet\w*|met|dates)\b", re.I)
_CELL_LABEL = re.compile(r"^\s*([^:;]{1,40}):\s")
_BEFORE = 50  # characters before a date in which words naming a meeting make it a meeting's day


def after_day(question: str, day: dt.date | None) -> dt.date | None:
    """The last day of the meeting the question counts from: its day, or the end of the month or year it
    names ('the next meeting after January 2024' counts from 31 January 2024); None when it names none."""
    if day is not None:
        return day
    dates = find_dates(question)
    return spanned(dates[-1].value, dates[-1].precision)[1] if dates else None


def meetings_after(found: Sequence[Candidate], after: dt.date) -> list[Candidate]:
    """The candidates giving the first meeting date later than `after` that any of them gives, where a
    date is a meeting's: printed under a label or beside words naming meetings ('Monthly Meeting Dates:
    January 23, 2020', 'Dates for 2024: 29th February, 28th March'), or the paper's own meeting day. A
    deadline beside it in its row ('Submittal Deadline: January 21, 2020') is no meeting's. [] when
    none gives one."""
    dated = [(first, c) for c in found if (first := _first_after(c, after))]
    if not dated:
        return []
    soonest = min(first for first, _ in dated)
    return [c for first, c in dated if first == soonest]


def _first_after(candidate: Candidate, after: dt.date) -> dt.date | None:
    later = [d for d in _meeting_dates(candidate, after.year) if d > after]
    return min(later) if later else None


def _meeting_dates(candidate: Candidate, year: int) -> list[dt.date]:
    """The days the candidate gives as meetings' (yearless ones in `year` and the next): in a cell
    labelled so, under a heading naming meeting dates, just after words naming a meeting ('will meet on',
    'the meeting is tentatively scheduled for'), or the paper's own day."""
    shown, heading = candidate.shown, candidate.passage.heading or ""
    cells = [cell for cell in shown.split("; ") if _meeting_cell(cell)]
    if cells or _MEETING_WORDS.search(f"{candidate.label or ''} {heading}"):
        text = " ".join(cells) or shown  # a schedule's row: the meeting's cell, not the deadline's beside it
        days = [d.value for d in find_dates(text) if d.precision == "day"]
        if not days:  # 'Dates for 2024: 29th February, 28th March, …'
            days = [_day(y, month, day) for day, month in day_months(text) for y in (year, year + 1)]
        return [d for d in days if d is not None]
    own = candidate.passage.date
    return [
        d.value
        for d in find_dates(shown)
        if d.precision == "day"
        and (d.value == own or _MEETING_WORDS.search(shown[max(0, d.start - _BEFORE) : d.start]))
    ]


def _meeting_cell(cell: str) -> bool:
    label = _CELL_LABEL.match(cell)
    return bool(label and _MEETING_WORDS.search(label.group(1)))


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February of a year that has none
        return None
