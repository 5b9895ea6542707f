"""Dates as council papers write them: '11 September 2019', '11/09/2019', 'FEBRUARY 2020'."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple


class FoundDate(NamedTuple):
    """A date seen in text: its value, how much the text gave, and where it sat."""

    value: dt.date
    precision: str  # "day", "month" or "year"
    start: int
    end: int


_SP = r"[ \t\u00a0]+"  # dates never span lines, so newlines do not count as spaces
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May|MAY)|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Ordinals survive PDF conversion as "24th", "24 th" or "24<sup>th</sup>".
_ORD = r"(?:[ \t]?(?:<sup>)?[ \t]?(?:st|nd|rd|th)\b(?:</sup>)?)?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Earlier patterns win where matches overlap, so full dates mask their month-year tails.
_DATE_PATTERNS = tuple(
    (re.compile(pattern, re.I), precision)
    for pattern, precision in (
        (r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b", "day"),
        (r"\b(?P<d>\d{1,2})([/.])(?P<m>\d{1,2})\2(?P<y>\d{4}|(?<=/)\d\d)\b", "day"),
        (rf"\b(?P<d>\d{{1,2}}){_ORD}{_SP}(?:of{_SP})?{_MON},?{_SP}(?P<y>\d{{4}})\b", "day"),
        (rf"\b{_MON}{_SP}(?P<d>\d{{1,2}}){_ORD},?{_SP}(?P<y>\d{{4}})\b", "day"),
        (rf"\b{_MON},?{_SP}(?P<y>\d{{4}})\b", "month"),
        (r"\b(?P<y>(?:19|20)\d\d) ?[/\-–] ?(?P<y2>\d{4}|\d\d)\b", "year"),
    )
)


def _date_from(g: dict[str, str], precision: str) -> dt.date | None:
    year = int(g["y"]) + (0 if len(g["y"]) == 4 else 2000 if int(g["y"]) < 70 else 1900)
    if g.get("y2") and not 1 <= (int(g["y2"]) - year) % 100 <= 5:  # periods run forwards a few years
        return None
    month = int(g["m"]) if g.get("m") else _MONTHS.index(g["mon"][:3].lower()) + 1 if g.get("mon") else 1
    try:
        value = dt.date(year, month, int(g["d"]) if precision == "day" else 1)
    except ValueError:
        return None
    return value if 1950 <= year <= 2100 else None


def find_dates(text: str) -> list[FoundDate]:
    """Every recognisable date in `text`, in reading order."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []  # impossible dates hold their span too: 30 Feb 2020 is not Feb 2020
    for pattern, precision in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append(m.span())
            if value := _date_from(m.groupdict(), precision):
                found.append(FoundDate(value, precision, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def parse_date(s: str) -> FoundDate | None:
    """The first date in `s`, or None."""
    return next(iter(find_dates(s)), None)
