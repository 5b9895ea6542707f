"""Days of a month however printed ('2 July', '02-Jul', 'July 2nd'), and the forms to search them by."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.dates import MONTH_ABBREVIATIONS

_MONTH_WORD = (  # 'may' only as a name, not the verb ('option 2 may be')
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May|MAY)|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# a day of a month however printed: '2 July', '2nd July', '02-Jul', 'July 2'
DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?{_MONTH_WORD}\b"
    rf"|\b{_MONTH_WORD}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b",
    re.I,
)


@lru_cache(maxsize=1 << 12)
def day_months(text: str) -> frozenset[tuple[int, int]]:
    """The (day, month) pairs the text prints, years aside: '02-Jul' and 'July 2' are both (2, 7)."""
    found = set()
    for m in DAY_MONTH.finditer(text):
        day, month = (m[1], m[2]) if m[1] else (m[4], m[3])
        if 1 <= int(day) <= 31:
            found.add((int(day), _MONTH_NUMBERS[month[:3].lower()]))
    return frozenset(found)


_MONTH_NUMBERS = {m: i for i, m in enumerate(MONTH_ABBREVIATIONS, 1)}


@lru_cache(maxsize=1 << 10)
def days_of_things(question: str) -> frozenset[tuple[int, int]]:
    """The (day, month) pairs the question dates a thing by within its paper, printed without a year ('the
    payment made on 2 July'); a day given with its year ('approved … on 14 November 2023') is the
    meeting's or the paper's, which finds the paper, not a row in it."""
    return frozenset(
        pair
        for m in DAY_MONTH.finditer(question)
        if not _YEAR_AFTER.match(question, m.end()) and not _SHORT_YEAR.fullmatch(m.group(0))
        for pair in day_months(m.group(0))
    )


_YEAR_AFTER = re.compile(r",?\s*(?:19|20)\d\d\b")
# 'march 18' after its month with two digits and no 'th' may be a year ('between march 18 and march 19')
_SHORT_YEAR = re.compile(r"[a-z]+\.?\s+\d\d", re.I)


def day_phrases(question: str) -> tuple[str, ...]:
    """FTS5 phrases for the days the question dates a thing by, as sheets print them ('"02 jul"', '"2 jul"'
    for '2 July'): the search finds the sheet's row, whose tokens are not the question's."""
    return tuple(
        f'"{form} {MONTH_ABBREVIATIONS[month - 1]}"'
        for day, month in sorted(days_of_things(question))
        for form in dict.fromkeys((f"{day:02d}", str(day)))
    )


def same_day_words(sentence: str, question: str) -> str:
    """The question's words for the days the sentence prints in another form ('2 July' for '02-Jul'), so
    that a row dated as the question dates it holds the question's words; '' when it prints none."""
    shared = day_months(sentence) & days_of_things(question)
    return " ".join(m.group(0) for m in DAY_MONTH.finditer(question) if day_months(m.group(0)) & shared)
