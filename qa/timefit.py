"""Whether a figure can be of the time a question asks it at: its column, sentence and paper date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from corpus.dates import find_dates
from qa.candidate import Candidate
from qa.periods import year_pairs
from qa.query import TimeTarget

_PAIR_YEAR = re.compile(r"\b((?:19|20)\d\d)[/–-]\d\d\b")


def of_asked_time(found: Sequence[Candidate], question: str, target: TimeTarget | None) -> list[Candidate]:
    """The candidates whose figures can be of the month, year or year pair ('2019/20') the question asks
    about (see `of_time`). A question naming a day names the paper or meeting asked of ('the report of
    11 March 2026'), not the period of a figure: all stay."""
    pairs = frozenset(_first_years(question))
    if (target is None and not pairs) or any(d.precision == "day" for d in find_dates(question)):
        return list(found)
    return [c for c in found if of_time(c, target, pairs)]


def of_time(candidate: Candidate, target: TimeTarget | None, pairs: frozenset[int] = frozenset()) -> bool:
    """Whether a candidate's figure can be of the asked time.
    - Asked of a year pair (`pairs`, first years): a column or sentence naming year pairs names that one.
    - Else, its label and sentence name no time, or one overlapping `target`. A year pair runs from April
      of its first year to August of its second, a financial or an academic year (qa/periods.py), so
      '2017/18 Actual' is not of March 2017; '23.9% in March 2018' is of March 2018.
    - Naming no time, a figure is of its paper's date or earlier ('currently 417 children in care'): a
      paper dated before the asked time does not tell its figures."""
    text = f"{candidate.label or ''}\n{candidate.text}"
    named = frozenset(_first_years(text))
    if pairs and named:
        return bool(named & pairs)
    times = [*year_pairs(text), *_dated(text)]
    if pairs:
        target = TimeTarget(dt.date(min(pairs), 4, 1), dt.date(max(pairs) + 1, 8, 31))
    assert target is not None  # of_asked_time passes a target or pairs
    if times:
        return any(start <= target.end and target.start <= end for start, end in times)
    paper = candidate.passage.date
    return paper is None or paper >= target.start


def _first_years(text: str) -> list[int]:
    """First years of the year pairs ('2017/18') in `text`, pairs that are one year and the next only."""
    return [int(m.group(1)) for m in _PAIR_YEAR.finditer(text) if year_pairs(m.group(0))]


def _dated(text: str) -> list[tuple[dt.date, dt.date]]:
    """The days each date in `text` stands for, year pairs left to `year_pairs`."""
    return [
        _spanned(d.value, d.precision)
        for d in find_dates(text)
        if d.precision != "year" or not year_pairs(text[d.start : d.end])
    ]


def _spanned(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The days a date of `precision` ('day', 'month' or 'year') stands for."""
    if precision == "day":
        return day, day
    if precision == "month":
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day, following - dt.timedelta(days=1)
    return day.replace(month=1, day=1), day.replace(month=12, day=31)
