"""When papers say something will happen: periods (seasons, terms, quarters, parts of a year), or done."""

# A reply to 'When will the footpath be renewed?' is seldom a day: 'during the summer months', 'within the
# next four weeks', 'by the end of September', 'in the first quarter of 2020', 'the latter part of 2017/18'.
# These are the date answers of plans and replies; qa/spans.py types them 'date'. Each needs a word that
# makes it a time: a season or a month alone ('summer', 'May') is not one.

from __future__ import annotations

import datetime as dt
import re

_MONTH_TITLE = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
MONTH = f"(?:{_MONTH_TITLE}|{_MONTH_TITLE.upper()})"  # 'June' and a heading's 'JUNE', never 'may'
YEAR = r"(?:19|20)\d\d"
# a financial or academic year as UK papers print it ('2017/18', '2019-20'), or a calendar year
YEARS = rf"{YEAR}(?:[/–-]\d{{2}})?\b(?![-/]\d)"
NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen"
)
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"
# a count of units, or a range of them ('5-10 years', 'two to three weeks')
_COUNT = rf"(?i:\d{{1,3}}|{NUMBER_WORDS})(?:\s*(?i:to|-|–)\s*(?i:\d{{1,3}}|{NUMBER_WORDS}))?"
_UNIT = r"(?i:days?|weeks?|fortnight|months?|years?)"
_TERM = r"(?i:term|half[- ]term|months)"
_FEAST = r"(?i:christmas|easter|whitsun)"
_PART = r"(?i:(?:early|late|mid)[- ])"
_ORDINAL = r"(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
_YEAR_WORD = r"(?i:(?:financial|academic|municipal|calendar|school)\s+)?(?i:year)"
_OF_YEAR = rf"(?:\s+(?i:of\s+)?(?:(?i:the\s+)?{YEARS}|(?i:the|this|next|that)\s+{_YEAR_WORD}))"
# Words before a season that make it a time ('during the summer', 'in the autumn'), not a thing ('summer
# schemes').
_TIMING = r"(?i:in|during|over|by|until|before|after|from|since|through|throughout)"
# A plan's words that time what follows them ('planned for the autumn'), as 'in' does.
_PLANNED_FOR = r"(?i:(?:planned|scheduled|programmed|timetabled|expected|due|earmarked)\s+for)"
_TIMING_WORD = re.compile(rf"(?:{_TIMING}|{_PLANNED_FOR}|(?i:at))\s+")


def timing_word(text: str) -> int:
    """Characters of the word a period opens with that only times it ('during the summer months' →
    7): the span is the period itself."""
    m = _TIMING_WORD.match(text)
    return m.end() if m else 0


# Every period holds one of these words: sentences without one are not searched for periods (qa/spans.py).
HINT = re.compile(
    r"\b(?:spring|summer|autumn|fall|winter|next|coming|following|within|later|earlier|this|new\s+year"
    r"|start|beginning|end|middle|close|early|late|mid|part|half|quarter|q[1-4]|christmas|easter|whitsun"
    r"|holidays?|recess)\b",
    re.I,
)

PERIOD = "|".join(
    (
        # 'the spring term', 'the summer months', 'early autumn 2019', 'the autumn of 2019', 'this winter';
        # a season alone only after a word that times it ('during the summer')
        rf"\b(?i:the\s+)?{_PART}?{_SEASON}(?:\s+{_TERM}\b{_OF_YEAR}?|{_OF_YEAR})",
        rf"\b(?:{_TIMING}|{_PLANNED_FOR})\s+(?i:the\s+)?{_PART}?{_SEASON}\b(?:\s+{_TERM}\b)?{_OF_YEAR}?",
        rf"\b(?i:this|next|last)\s+{_SEASON}\b",
        # 'within the next four weeks', 'in the coming months', 'within two weeks', 'later this year'
        rf"\b(?i:within|in|over|during)\s+(?i:the\s+)?(?i:course\s+of\s+the\s+)?(?i:next|coming|following)\s+"
        rf"(?:(?i:few|couple\s+of|several|{_COUNT})\s+)?{_UNIT}\b",
        rf"\b(?i:within)\s+(?i:a\b|{_COUNT})\s+{_UNIT}\b",
        # 'the October half-term', 'the Easter holidays', 'before Christmas'
        rf"\b(?i:the\s+)?(?:{MONTH}|{_SEASON}|{_FEAST})\s+(?i:half[- ]term|holidays?|recess)\b",
        rf"\b(?:{_TIMING}|(?i:at))\s+{_FEAST}\b",
        rf"\b(?i:later|earlier)\s+(?i:this|in\s+the)\s+(?:{_YEAR_WORD}|(?i:month|week|term)|{_SEASON})\b",
        rf"\b(?i:next|this)\s+(?:{_YEAR_WORD}|(?i:month|term))\b|\b(?i:in\s+the\s+new\s+year)\b",
        # 'by the end of September', 'the start of 2020', 'early May', 'mid-2019', 'the latter part of
        # 2017/18'
        rf"\b(?i:the\s+)?(?i:start|beginning|end|middle|close)\s+of\s+(?i:the\s+)?"
        rf"(?:{MONTH}(?:\s+{YEAR})?\b|{YEARS}|Q[1-4]\b|(?i:this|next|the|that)\s+(?:{_YEAR_WORD}|(?i:month|term)))",
        rf"\b{_PART}(?:{MONTH}\b(?:\s+{YEAR}\b)?|{YEARS})",
        rf"\b(?i:the\s+)?(?i:latter|first|second|early|later)\s+(?i:part|half)\s+of\s+(?i:the\s+)?"
        rf"(?:{YEARS}|{_YEAR_WORD}|{MONTH}\b(?:\s+{YEAR}\b)?)",
        # 'the first quarter of 2020', 'Quarter 1 2017/18', 'Q3 2019/20'
        rf"\b(?i:the\s+)?{_ORDINAL}\s+(?i:quarter)\b{_OF_YEAR}?",
        rf"\b(?i:quarter)\s+(?:[1-4]|(?i:one|two|three|four))\b(?:\s+(?i:of\s+)?{YEARS})?",
        rf"\bQ[1-4]\s+{YEARS}",
        # a bare quarter after a word that times it: 'ends in Q4', 'by Q2' (not 'Q2 performance')
        r"\b(?i:in|by|during|until|before|after|from)\s+Q[1-4]\b(?!\s+(?:[a-z]|\d))",
    )
)

# a year and the next as printed ('2017/18', '2024-5', '2019/2020'); which are years, not references
# ('By-Law Number 2024-30'), is for years_follow_on and year_pairs to say
YEAR_PAIR = re.compile(r"\b((?:19|20)\d\d)[/–-](\d{1,2}|(?:19|20)\d\d)\b")


def follows(first: str, second: str) -> bool:
    """The second year, in its last digits as printed, is the first's next ('2024', '5' or '25' or '2025';
    '25', '26')."""
    return str(int(first) + 1).endswith(second)


def years_follow_on(text: str) -> bool:
    """Whether every year pair in a date's text is one year and the next ('2019/20'), as a financial or
    academic year is: 'By-Law Number 2024-30' and '2019-044' are references."""
    return all(follows(a, b) for a, b in YEAR_PAIR.findall(text))


def year_pairs(text: str) -> tuple[tuple[dt.date, dt.date], ...]:
    """The months each year pair in `text` ('2017/18 Actual') can stand for, as a financial year (April
    to March) or an academic one (September to August): from April of its first year to August of its
    second. Pairs that are no year and the next ('2024-30') are none."""
    return tuple(
        (dt.date(int(a), 4, 1), dt.date(int(a) + 1, 8, 31))
        for a, b in YEAR_PAIR.findall(text)
        if follows(a, b)
    )


# A reply to 'When will the gullies be cleared?' may say they already are: 'have been cleared', 'Repair
# works on the bridges … have been carried out', 'was completed in late August'. Asked when something
# planned will happen, a sentence saying it is done answers (qa/typematch.py).
_DONE_VERB = (
    r"(?:completed|carried\s+out|done|finished|repaired|replaced|installed|erected|removed|resurfaced"
    r"|cleared|fixed|undertaken|delivered|put\s+in\s+place|reinstated|renewed|relined|re-?opened|provided)"
)
DONE = (
    rf"\b(?i:(?:has|have|had)\s+(?:now\s+|already\s+|recently\s+)?been\s+(?:fully\s+)?{_DONE_VERB}"
    rf"|(?:was|were)\s+(?:fully\s+)?{_DONE_VERB}|(?:is|are)\s+now\s+(?:complete|completed|in\s+place))\b"
)
