"""A meeting's header: its title line over its date line ('Scrutiny Committee / Wednesday 10 July 2019')."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from corpus.dates import parse_date

_TITLE_WORDS = 14  # a meeting's title line; a longer line is a sentence
_DATE_LINE_WORDS = 8  # 'Tuesday, 3 June 2025 at 7.30 pm'; a longer line says more than the date
# What a date line holds beside the date ('Tuesday, 3 June 2025 at 7.30 pm'); a line with any other word
# is a row or a sentence that mentions a date ('Submittal Deadline: December 18, 2018').
_BESIDE_DATE = re.compile(
    r"^(?:[\s,|.-]|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:at|on|held|commencing|from)\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?(?:[ap]\.?m\b\.?)?|\b[ap]\.?m\b\.?)*$",
    re.I,
)
_MEETING_WORD = re.compile(r"\b(?:committee|council|board|panel|cabinet|forum|commission|meeting)\b", re.I)
_LINE = re.compile(r"[^\n]+")


def header_day(title: str, date: str) -> dt.date | None:
    """The meeting's day when `title` is a short, undated line naming a meeting or body and `date` a line
    that is a full date with at most its weekday and time; None when the two lines are no meeting's
    header (a table's first row, a sentence)."""
    if len(title.split()) > _TITLE_WORDS or len(date.split()) > _DATE_LINE_WORDS:
        return None
    if not _MEETING_WORD.search(title):
        return None
    found = parse_date(date)
    if found is None or found.precision != "day" or parse_date(title) is not None:
        return None
    beside = date[: found.start] + " " + date[found.end :]
    return found.value if _BESIDE_DATE.match(beside) else None


@lru_cache(maxsize=1 << 10)  # a passage's headers, found once per question for all its candidates
def headers(text: str) -> tuple[tuple[int, dt.date], ...]:
    """(offset, day) of every meeting header in the text, in order."""
    return tuple(_headers(text))


def _headers(text: str) -> Iterator[tuple[int, dt.date]]:
    previous = None
    for line in _LINE.finditer(text):
        if not line.group(0).strip():
            continue
        if previous and (day := header_day(previous.group(0).strip(), line.group(0).strip())):
            yield previous.start(), day
        previous = line


def day_at(text: str, offset: int) -> dt.date | None:
    """The day of the meeting whose header last precedes `offset` in the text (minutes reproduced in a
    later pack open with their meeting's title and date); None when no header does."""
    return next((day for at, day in reversed(headers(text)) if at <= offset), None)


def other_meeting_at(text: str, day: dt.date | None) -> int:
    """Offset where minutes of another meeting, reproduced in the paper for approval, begin: the first
    meeting header dated other than the paper's own meeting (the header its first two lines make, else
    `day`, else the first header's). len(text) when there is none."""
    first = len(text) - len(text.lstrip())
    own = day
    for at, found in _headers(text):  # a whole paper: not kept in the passages' cache
        if at == first or own is None:
            own = found
        elif found != own:
            return at
    return len(text)
