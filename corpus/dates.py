"""Dates as council papers write them: '11 September 2019', '05.03.19', 'March 5, 2019', '2024-27'."""

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
_GLUE = r"[ \t\u00a0]*"  # some text layers drop the spaces: "Tuesday,December12,2022"
_DASH = r"[ \t\u00a0-]*"  # "5-Mar-2019" as spreadsheets write it
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May|MAY)|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Ordinals survive PDF conversion as "24th", "24 th" or "24<sup>th</sup>".
_ORD = r"(?:[ \t]?(?:<sup>)?[ \t]?(?:st|nd|rd|th)\b(?:</sup>)?)?"
# A year may run straight into a time when the text layer lost the space: "December 8, 20206:30 PM".
_YEAR_END = r"(?:\b|(?=\d{1,2}[:.]\d\d))"
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LATEST_YEAR, _EARLIEST_YEAR = 2100, 1950  # outside this a number is not a council paper's year
_PIVOT = 70  # two-digit years below this are 20xx, others 19xx
_SHORT_SPAN, _LONG_SPAN = 5, 10  # "2024-27" spans a few years; a written-out "2024-2034" may span ten
# Earlier patterns win where matches overlap, so full dates mask their month-year tails.
_DATE_PATTERNS = tuple(
    (re.compile(pattern, re.I), precision)
    for pattern, precision in (
        (r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b", "day"),
        # Numeric day and month in either order (resolved by the paper's convention, see _date_from).
        (r"(?<![\d.])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<y>\d{4})" + _YEAR_END, "day"),
        (r"(?<![\d.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d\d)\b(?![/.]\d)", "day"),
        # Dotted two-digit years only with two-digit day and month: "2.1.10" is a section number.
        (r"(?<![\d.])(?P<a>\d\d)\.(?P<b>\d\d)\.(?P<y>\d\d)\b(?!\.\d)", "day"),
        (
            rf"\b(?P<d>\d{{1,2}}){_ORD}(?:{_SP}of)?{_DASH}{_MON},?{_DASH}(?P<y>\d{{4}}){_YEAR_END}",
            "day",
        ),
        (rf"\b{_MON}{_GLUE}(?P<d>\d{{1,2}}){_ORD},?{_GLUE}(?P<y>\d{{4}}){_YEAR_END}", "day"),
        (rf"\b{_MON},?{_GLUE}(?P<y>\d{{4}})\b", "month"),
        # A period may wrap after its dash: "CAPITAL BUDGET 2024-" / "2034 FORECAST".
        (r"\b(?P<y>(?:19|20)\d\d) ?[/\-–](?: |\n(?=\d{4}))?(?P<y2>\d{4}|\d\d|\d)\b(?![/\-–]\d)", "year"),
    )
)


def _year(text: str) -> int:
    return int(text) + (0 if len(text) == 4 else 2000 if int(text) < _PIVOT else 1900)


def _period_ok(year: int, end: str) -> bool:
    """Periods run forwards a few years: 2024-27, 2017/18, 2024-5, 2024-2034."""
    if len(end) == 4:
        return 1 <= int(end) - year <= _LONG_SPAN
    span = (int(end) - year) % 10 ** len(end)
    return 1 <= span <= _SHORT_SPAN


def _day_month(g: dict[str, str], month_first: bool) -> tuple[int, int]:
    """(day, month) of a numeric date: the paper's order, unless only the other order is a date."""
    a, b = int(g["a"]), int(g["b"])
    if month_first:
        return (b, a) if a <= 12 or b > 12 else (a, b)
    return (a, b) if b <= 12 or a > 12 else (b, a)


def _date_from(g: dict[str, str], precision: str, month_first: bool) -> dt.date | None:
    year = _year(g["y"])
    if g.get("y2") and not _period_ok(year, g["y2"]):
        return None
    if g.get("a"):
        day, month = _day_month(g, month_first)
    else:
        month = (
            int(g["m"])
            if g.get("m")
            else MONTH_ABBREVIATIONS.index(g["mon"][:3].lower()) + 1
            if g.get("mon")
            else 1
        )
        day = int(g["d"]) if precision == "day" else 1
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if _EARLIEST_YEAR <= year <= _LATEST_YEAR else None


def gives_day(text: str) -> bool:
    """Whether `text` gives a date to the day ('26 May 2014'), not only a month or a year."""
    return any(d.precision == "day" for d in find_dates(text))


def only_date(text: str) -> FoundDate | None:
    """The date `text` is, when it is one date and nothing else ('11 Sept 2019', 'March 2020'); else None."""
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    rest = text[: dates[0].start] + text[dates[0].end :]
    return dates[0] if not rest.strip(" ,.") else None


def find_dates(text: str, month_first: bool = False) -> list[FoundDate]:
    """Every recognisable date in `text`, in reading order.

    month_first: read ambiguous numeric dates such as 3/5/2019 as month/day (US practice);
    a numeric date that is valid in one order only is read that way whatever this says.
    """
    found: list[FoundDate] = []
    taken = bytearray(len(text))  # impossible dates hold their span too: 30 Feb 2020 is not Feb 2020
    for pattern, precision in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            if value := _date_from(m.groupdict(), precision, month_first):
                found.append(FoundDate(value, precision, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def numeric_orders(text: str) -> tuple[int, int]:
    """(day-first, month-first): how many numeric dates in `text` can only be read one way."""
    day_first = month_first = 0
    for pattern, _ in _DATE_PATTERNS[1:4]:
        for m in pattern.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            day_first += a > 12 >= b
            month_first += b > 12 >= a
    return day_first, month_first


def parse_date(s: str, month_first: bool = False) -> FoundDate | None:
    """The first date in `s`, or None."""
    return next(iter(find_dates(s, month_first)), None)
