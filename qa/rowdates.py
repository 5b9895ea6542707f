"""Rows of a timetable picked by the cell the question dates ('the July 2019 meeting'), not by any date."""

from __future__ import annotations

from collections.abc import Sequence

from corpus.dates import find_dates
from qa.candidate import Candidate, stems_of
from qa.daymonths import day_months, days_of_things
from qa.query import TimeTarget
from qa.stopwords import STOPWORDS

# What a date in the question dates: set before a noun ('the July 2019 Summit County Planning Commission
# meeting'), the words after it up to that noun; set after one ('the deadline in July 2019'), the noun
# before it. At most this many words either way.
_DATED_REACH = 6
_ATTRIBUTIVE = frozenset({"the", "a", "an", "its", "their", "this", "that", "next", "last"})
_LINKING = frozenset({"in", "on", "for", "of", "at", "during", "by", "from", "the", "a", "an"})


def keyed_rows(found: Sequence[Candidate], question: str, target: TimeTarget | None) -> list[Candidate]:
    """The candidates less the timetable rows (two or more dated cells, 'Meeting: July 25, 2019;
    Submittal Deadline: June 25, 2019') whose cell for what the question dates holds a day outside the
    asked time: the August meeting's row, whose deadline falls in July, is no row of the July meeting.
    Rows whose labels name nothing the question dates, and every other candidate, are kept."""
    dated = _dated_words(question)
    if target is None or not dated:
        return list(found)
    return [c for c in found if _keyed_in(c.shown, dated, target) is not False]


def _dated_words(question: str) -> frozenset[str]:
    """Stems of what each date the question gives is the date of (see _ATTRIBUTIVE, _LINKING)."""
    dated: set[str] = set()
    for d in find_dates(question):
        before = [w.strip(",.?;:!").lower() for w in question[: d.start].split()][-_DATED_REACH:]
        if before and before[-1] in _ATTRIBUTIVE:  # the date opens the noun phrase it dates
            phrase = _noun_phrase(question[d.end :].split()[:_DATED_REACH])
        else:
            phrase = [w for w in reversed(before) if w not in _LINKING][:1]
        dated |= {s for w in phrase for s in stems_of(w) if s not in STOPWORDS}
    return frozenset(dated)


def _noun_phrase(words: list[str]) -> list[str]:
    """The words up to the phrase's end: a word ending in a stop or comma, or the last before a small word
    ('Summit County planning commission meeting?', 'meeting to approve …' → 'meeting')."""
    phrase: list[str] = []
    for word in words:
        if word.lower() in STOPWORDS:
            break
        phrase.append(word.strip(",.?;:!"))
        if word[-1] in ",.?;:!":
            break
    return phrase


def _keyed_in(row: str, dated: frozenset[str], target: TimeTarget) -> bool | None:
    """Whether the row's dated cells labelled with what the question dates hold a day of the target;
    None when the row is no timetable row or no such cell holds a date."""
    cells = [cell.split(": ", 1) for cell in row.split("; ") if ": " in cell]
    days = [(label, find_dates(value)) for label, value in cells]
    if sum(bool(found) for _, found in days) < 2:
        return None
    keyed = [found for label, found in days if found and dated & set(stems_of(label))]
    if not keyed:
        return None
    return any(target.start <= d.value <= target.end for found in keyed for d in found)


def rows_of_day(found: Sequence[Candidate], question: str) -> list[Candidate]:
    """Asked of what a table printed against a day ('the salary payment made on 2 July'), the rows dated
    that day however printed ('02-Jul'), where any is, and what else their passages print: a row dated only
    to other days ('30-Sep') is another payment, and another paper's undated cell ('Payment: 10409.00') is
    no payment of that day. Everything is kept when nothing prints the day."""
    asked = days_of_things(question)
    dated = {c.passage.chunk_id for c in found if day_months(c.shown) & asked}
    if not dated:
        return list(found)
    return [
        c
        for c in found
        if day_months(c.shown) & asked or (c.passage.chunk_id in dated and not day_months(c.shown))
    ]
