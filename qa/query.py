"""Reads a question: its identifiers ("Pledge 48"), its intent, its time target and its key terms."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.dates import find_dates
from index.codes import joined_codes
from qa.answertype import NAMED_OR_VALUED, expected, without_lead_in
from qa.bodies import named_bodies
from qa.framing import names_paper
from qa.periods import follows
from qa.stopwords import STOPWORDS

# Nouns that councils number: "Pledge 48", "item 7", "Recommendation 2.1", "Minute 23", "Min. 45/19".
ID_NOUNS = (
    "pledge|priority|item|agenda item|minute|min|appendix|annex|action|recommendation|section|paragraph|para"
    "|objective|outcome|policy|question|motion|resolution|commitment|target|milestone|ref|reference"
    "|schedule|table|figure|chapter|part|phase|project|programme|kpi|theme|indicator|goal|aim|standard"
    "|principle|proposal|decision|report|option|risk|measure|ward"
)
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
SHORT_MONTHS = "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
# An item's number as printed: "7", "2.1", "12a", "7(b)", "7 (b)", "45/19" (minute 45 of 2019).
_NUMBER = r"\d{1,4}(?:\.\d{1,3})*(?:/\d{2,4})?(?:\s?\([a-z]\)|[a-z])?"
# The number is never the head of a hyphenated reference: 'report 21-009-CC' is no 'report 21'.
_ID = re.compile(rf"\b({ID_NOUNS})s?\.?\s+(?:no\.?\s*|number\s+)?({_NUMBER})(?![\w/]|-\d)", re.I)
# Aliases a paper and a question may use for one noun.
_ALIASES = {"min": "minute", "agenda item": "item"}
# A bare reference: "15/2019" (an order of 2019), "2019-044", "21/34"; never a date or a financial year.
_REFERENCE = re.compile(r"(?<![\d./-])\b(\d{1,4})([/-])(\d{2,4})\b(?![/-]\d)")
# A resolution's or a motion's reference with letters ('resolution R2023-207'): it names one motion, which
# its passage prints ('R2023-207 S. Kirkey, T. Butler'). A file's ('SP20-004') labels a whole report, so
# pinning the passages that print it would drop the rest of the report.
MOTION_CODE = r"[A-Z]{1,4}\d{1,4}[-/]\d{1,5}"
_CODE = re.compile(rf"(?i:\b(?:resolution|motion)s?\s+(?:no\.?\s*|number\s+)?)({MOTION_CODE})(?![\w/-])")
_SPLIT_NUMBER = re.compile(r"(\d[\d./]*?)\s?(?:\(([a-z])\)|([a-z]))?", re.I)
_NUMBER_TAIL = r"(?![\da-z]|[./-]\d|\s?\([a-z0-9]\))"
# a day of the month is no number of the word before it ('Committee 23 February 2016' is a meeting's date)
_CAP_ID = re.compile(
    rf"\b([A-Z][a-z]{{2,}})\s+(\d{{1,3}}(?:\.\d{{1,3}})*)\b(?![-/:]\d)(?!(?:st|nd|rd|th)?,?\s+(?i:{MONTHS})\b)"
)
# A section number ('3.1', '2.1.4'); a decimal before a unit is a measure ('a 1.30 hectare plot', '2.5 km'),
# and one after a code's letters and hyphen is that code's ('mitigation measure AQ-1.1'), not a section.
_MEASURE_UNIT = (
    r"%|per|million|bn|m\b|am\b|pm\b|a\.m|p\.m|hectares?|ha\b|acres?|metres?|meters?|km|kms\b|kilomet"
    r"|miles?|kph|mph|feet|ft\b|tonnes?|tons?|kg|litres?|liters?|hours?|hrs?\b|days?|weeks?|months?|years?"
    r"|minutes?|mins?\b|euros?|pounds?|dollars?|k\b"
)
_DOTTED = re.compile(
    rf"(?<![\d.£$€])(?<![A-Za-z]-)\b(\d{{1,2}}\.\d{{1,2}}(?:\.\d{{1,2}})*)\b(?!\s*(?:{_MEASURE_UNIT})|\.\d)",
    re.I,
)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"
_NOT_IDS = (
    set(MONTHS.split("|"))
    | set(_WEEKDAYS.split())
    | {"what", "which", "when", "how", "page", "pages", "age", "aged", "year", "years", "covid"}
    # a month's short form names a date, not a thing a paper must print ('Derby, Feb 2016')
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_NOUNS = set(ID_NOUNS.split("|"))
_MONTH_YEAR = re.compile(
    rf"\b({MONTHS}|sept?|jan|feb|mar|apr|jun|jul|aug|oct|nov|dec)\.?\s+((?:19|20)\d\d)\b", re.I
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# A run of years a plan or forecast spans ('Capital Budget 2024-2034'): its years, when three or more.
_YEAR_RUN = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|to)\s*((?:19|20)\d\d)\b")


def year_runs(text: str) -> list[tuple[re.Match[str], TimeTarget]]:
    """Each run of three or more years in the text ('2024-2034') with the days it spans; a year and the
    next ('2019-2020') are a pair (qa/periods.py), not a run."""
    return [
        (m, TimeTarget(dt.date(int(m.group(1)), 1, 1), dt.date(int(m.group(2)), 12, 31)))
        for m in _YEAR_RUN.finditer(text)
        if int(m.group(2)) > int(m.group(1)) + 1
    ]


def without_runs(text: str) -> str:
    """The text with its runs of years blanked out."""
    for m, _ in reversed(year_runs(text)):
        text = f"{text[: m.start()]} {text[m.end() :]}"
    return text


# A stretch of time: 'between August 2019 and February 2020', 'from May 2019 to March 2020'.
# A quarter of a financial year, as UK papers count them from April ('the end of quarter one of 2019/20' is
# June 2019; 'Q3 2018/19' October to December 2018).
_QUARTER = re.compile(
    r"\b(?P<end>(?:the )?end of (?:the )?)?(?:quarter (?P<n>one|two|three|four|[1-4])|q(?P<q>[1-4])"
    r"|(?:the )?(?P<nth>first|second|third|fourth) quarter)(?: of)? (?:the )?"
    r"(?P<y>(?:19|20)\d\d)[/-]\d\d\b",
    re.I,
)
_QUARTER_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
}
_SPAN = re.compile(r"\b(?:between|from)\s+[A-Za-z]+\.?\s+\d{4}\s+(?:and|to|until)\s+[A-Za-z]+\.?\s+\d{4}\b")
# Months sharing the year printed after the last: 'August to October 2019', 'between August and October
# 2019', 'Aug–Oct 2019'.
_MONTHS_OF_YEAR = re.compile(
    rf"\b(?P<first>{MONTHS}|{SHORT_MONTHS})\.?\s*(?:and|to|until|through|[-–—/])\s*"
    rf"(?P<last>{MONTHS}|{SHORT_MONTHS})\.?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)

_STATUS = re.compile(
    r"\b(status|progress|progressing|update|updates|completed?|finished|achieved|delivered|on track|rag"
    r"|what happened|where are we|how far|got to(?=\W*$)|state of play)\b",
    re.I,
)
_WHO_WHERE_WHEN = re.compile(r"\s*(?:who|whom|whose|where|when|at what time)\b", re.I)
_HISTORY = re.compile(
    r"\b(changed?|changes|over time|history|evolved?|moved on|progressed|developed"
    r"|between .{1,30}? and|since)\b",
    re.I,
)
_LIST = re.compile(
    r"^\s*(list|name)\b|\bwhat are (the|all)\b|\bwhich .* (are|were)\b|\ball (the )?\w+s\b", re.I
)
_SUMMARY = re.compile(
    r"^\s*(summari[sz]e|describe|explain|discuss|outline|give an overview)\b"
    r"|\bwhat did .{1,60}\b(say|think|discuss|argue|propose|suggest|raise)\b"
    r"|\bhow did .{1,60}\b(respond|react|reply|answer)\b|\bwhat was (said|discussed)\b",
    re.I,
)


# Nouns printed in more than one form: a minute is also 'Min.' or 'Mins'.
_NOUN_FORMS = {"minute": r"(?:minutes?|mins?)", "item": r"(?:agenda\s+)?items?"}
# Nouns of what papers also number at a line's start, with no noun: '13. Number of Children in Care'.
_LINED = frozenset({"item", "minute"})
# A report's paragraphs and sections are too, by a dotted number ('3.2 To ensure the Pledge is …'); a
# whole number after them is more often a statute's ('Section 47 enquiries', 'paragraph 3 of Schedule 12A').
_DOTTED_LINED = frozenset({"paragraph", "para", "section", "recommendation"})


def _lined(noun: str, number: str) -> bool:
    return noun in _LINED or (noun in _DOTTED_LINED and "." in number)


@dataclass(frozen=True)
class Identifier:
    """A numbered thing the question names; it must appear exactly in an answering passage."""

    noun: str  # lower case, "" for a bare section number like 3.1
    number: str
    strict: bool = True  # a council noun or section number; False for a capitalised word's guess

    def __str__(self) -> str:
        return f"{self.noun.title()} {self.number}".strip()

    @property
    def parts(self) -> tuple[str, str]:
        """(base number, sub-item letter or ''): '7(b)' and '7b' are ('7', 'b')."""
        m = _SPLIT_NUMBER.fullmatch(self.number)
        return (m.group(1), (m.group(2) or m.group(3) or "").lower()) if m else (self.number, "")

    def pattern(self) -> re.Pattern[str]:
        """Matches 'Pledge 48' but never 'Pledge 4', 'Pledge 480' or 'Pledge 48.1'; 'item 7(b)' matches
        '7(b)', '7 (b)' and '7b' but 'item 7' matches none of them; 'Minute 45/19' matches 'Min. 45/19'."""
        return _pattern(self.noun, self.number)

    @property
    def lined(self) -> bool:
        """Papers number this kind at a line's start too, with no noun ('13. Number of Children in Care'
        under minutes, '11. Ofsted Improvement Plan' in an agenda, '3.2 To ensure …' in a report)."""
        return _lined(self.noun, self.number)

    def line_pattern(self) -> re.Pattern[str]:
        """Matches a line the number opens bare, as papers number their lines ('2.2 To agree …' for
        'recommendation 2.2'), not the number after its noun ('Section 20.90.220 of the Code …')."""
        return _line_pattern(self.noun, self.number)

    @property
    def bare_numbered(self) -> bool:
        """A report's paragraph or section printed by its dotted number alone ('3.2 To ensure …'), which
        many reports in one pack print: the report named, not the number, tells which."""
        return self.noun in _DOTTED_LINED and "." in self.number

    def kind_pattern(self) -> re.Pattern[str] | None:
        """Matches any number of the identifier's noun ('Motion No. 2', 'Pledge 49'); its number is group
        1. None for a bare number, which has no kind to tell the next one by."""
        if not self.noun:
            return None
        return re.compile(rf"\b{_printed(self.noun)}\.?\s*(?:no\.?\s*)?(\d[\w()/.-]*)", re.I)

    def fts_phrase(self, with_noun: bool = True) -> str:
        """An FTS5 query for the identifier's words; a sub-item letter is its own token or glued on, the
        noun may be followed by 'No.' as pattern() allows ('Motion No. 1'), and a leading 1 may be an I."""
        base, letter = self.parts
        joins = (" ", "") if letter else ("",)
        words = [f"{form}{join}{letter}" for form in glyph_forms(base, self.noun) for join in joins]
        if not (self.noun and with_noun and self.noun not in _NOUN_FORMS):
            return " OR ".join(f'"{w}"' for w in words)
        return " OR ".join(f'"{self.noun}{no} {w}"' for no in ("", " no") for w in words)


def glyph_forms(number: str, noun: str = "") -> list[str]:
    """The ways a number may be printed: '1.4' also as 'I.4' and 'l.4', and a thing's number 1 as 'I'
    ('Priority Action I', where it is also the Roman one); any other number as itself. A leading 1 printed
    as a capital I or a small L is a glyph confusion of PDF text layers and OCR; only before a dot, or
    alone after a noun, is it read so."""
    if noun and number == "1":
        return [number, "I"]
    if not re.match(r"1\.\d", number):
        return [number]
    return [number, "I" + number[1:], "l" + number[1:]]


@lru_cache(maxsize=1 << 10)  # every passage and candidate is matched against the same few identifiers
def _pattern(noun: str, number: str) -> re.Pattern[str]:
    num = _number_forms(noun, number)
    if not noun:
        return re.compile(rf"(?<![\d./-]){num}{_NUMBER_TAIL}", re.I)
    numbered_line = f"|{_numbered(num)}" if _lined(noun, number) else ""
    return re.compile(
        rf"\b{_printed(noun)}\.?\s*(?:no\.?\s*)?{num}{_NUMBER_TAIL}{numbered_line}", re.I | re.M
    )


def _number_forms(noun: str, number: str) -> str:
    """The number as a pattern of its printed forms, its sub-item letter after it."""
    base, letter = Identifier(noun, number).parts
    # a form that is a letter alone is matched in its own case: 'Priority Action I', never the word 'i'
    forms = [_spaced(f) if not f.isalpha() else f"(?-i:{f})" for f in glyph_forms(base, noun)]
    return f"(?:{'|'.join(forms)})" + (rf"\s?(?:\({letter}\)|{letter})" if letter else "")


def _numbered(num: str) -> str:
    """An item or minute numbered at a line's start; a bare number before a month opens a date ('13 March
    2019 The Oracy Project' in a work programme is no minute 13); a list's bullet may come before it."""
    return rf"^\s*(?:[-•*]\s+)?{num}(?:[.):](?:\s|$)|\s(?!(?:{MONTHS}|{SHORT_MONTHS})\b))"


@lru_cache(maxsize=1 << 10)
def _line_pattern(noun: str, number: str) -> re.Pattern[str]:
    return re.compile(_numbered(_number_forms(noun, number)), re.I | re.M)


def _spaced(number: str) -> str:
    """The number as a pattern: a reference's dash or slash may be printed spaced or as another dash
    ('44 - 58', '44–58' for 44-58)."""
    return re.sub(r"\\?[-–—]", r"\\s?[-–—]\\s?", re.escape(number)).replace("/", r"\s?/\s?")


def _printed(noun: str) -> str:
    """The noun as papers print it: its forms ('Min.', 'Agenda item') or itself, spaces loose, plural."""
    return _NOUN_FORMS.get(noun) or re.escape(noun).replace(r"\ ", r"\s+") + "s?"


@dataclass(frozen=True)
class TimeTarget:
    """The period a question asks about, e.g. 'in September 2019' -> 2019-09-01..2019-09-30."""

    start: dt.date
    end: dt.date

    @property
    def one_month(self) -> bool:
        """The period is one calendar month or part of one ('the meeting of 10 July 2019')."""
        return (self.start.year, self.start.month) == (self.end.year, self.end.month)


@dataclass(frozen=True)
class Query:
    """Everything the retriever and the answer composer need to know about a question."""

    text: str
    identifiers: tuple[Identifier, ...]
    terms: tuple[str, ...]
    intent: str  # "status", "history", "list", "summary" or "fact"
    time: TimeTarget | None
    wh: str  # the question word: who, when, how many, ... or ""
    bodies: tuple[str, ...] = ()  # committees and councils it names ('Licensing Committee')


def identifiers(question: str) -> tuple[Identifier, ...]:
    """Numbered things the question names. Council nouns ('Pledge 48') are strict: if no paper holds
    one, the answer is not_found. Other capitalised words before a number are only hints."""
    found: list[Identifier] = []
    for noun, number in _ID.findall(question):
        if not _period(number):
            noun = " ".join(noun.lower().split())
            found.append(Identifier(_ALIASES.get(noun, noun), number))
    for noun, number in _CAP_ID.findall(question):
        noun = noun.lower()
        if noun in _NOT_IDS or noun in _NOUNS or noun.rstrip("s") in _NOUNS or _is_year(number):
            continue
        found.append(Identifier(noun, number, strict=False))
    claimed = {i.number for i in found}
    found += [Identifier("", n) for n in _DOTTED.findall(question) if n not in claimed]
    found += [Identifier("", r) for r in _references(question) if not any(r in n for n in claimed)]
    found += [Identifier("", c) for c in _CODE.findall(question) if c not in claimed]
    return tuple(dict.fromkeys(found))


# A file's reference with its kind's letters after its numbers: a planning application's ('3/18/0725/FUL',
# '6/2018/0158/OUTLINE', '23/03600/F'). It names one application, whose paragraph prints it (qa/reader.py).
FILE_REF = re.compile(r"(?<![\w/])\d{1,4}/\d{2,5}(?:/\d{2,5})?/[A-Z]{1,10}(?![\w/])")


def _references(question: str) -> list[str]:
    """Bare slashed or hyphenated references; '2016-17', '2019-2020' (years), '3/2019' (a month) are not."""
    found = []
    for m in _REFERENCE.finditer(question):
        first, second = int(m.group(1)), m.group(3)
        year_span = (
            _is_year(m.group(1)) and (_is_year(second) or len(second) == 2) or _short_years(m.group(0))
        )
        month_year = m.group(2) == "/" and first <= 12 and _is_year(second)
        if not year_span and not month_year:
            found.append(m.group(0))
    return found


def _is_year(number: str) -> bool:
    return len(number) == 4 and number[:2] in {"19", "20"}


def _short_years(number: str) -> bool:
    """A financial year in two digits each ('25/26', '18-19'): a year and the next, no reference."""
    m = re.fullmatch(r"(\d{2})[/-](\d{2})", number)
    return bool(m) and follows(m.group(1), m.group(2))


def _period(number: str) -> bool:
    """A year or a financial year ('2019', '2017/18', '2017-2018') after a noun: a plan's or a pledge's
    period ('the Pledge 2017/18 report'), not its number."""
    m = re.fullmatch(r"((?:19|20)\d\d)(?:[/-](\d{2}|\d{4}))?", number)
    return bool(m) and (not m.group(2) or follows(m.group(1), m.group(2)))


def time_target(question: str) -> TimeTarget | None:
    """The month or year the question asks about: the month of the meeting it dates, when it dates one
    ('… received on 25 November 2020, according to the report to the meeting of 12 January 2021' asks
    of January's paper), else its first month, else its last year; None when it names no time."""
    if day := meeting_day(question):
        return TimeTarget(day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]))
    ends = (
        [_month_of(m) for m in _MONTH_YEAR.finditer(span.group(0))]
        if (span := _SPAN.search(question))
        else []
    )
    if len(ends) == 2:  # 'between August 2019 and February 2020': the whole stretch
        return TimeTarget(ends[0].start, ends[1].end)
    if months := _MONTHS_OF_YEAR.search(question):
        return _months_of_year(months)
    if quarter := _QUARTER.search(question):
        return _quarter_of(quarter)
    if m := _month_asked(question):
        month = _month_number(m.group(1))
        year = int(m.group(2))
        return TimeTarget(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
    years = [int(y) for y in _YEAR.findall(without_runs(question))]
    if years and not _HISTORY.search(question):
        return TimeTarget(dt.date(years[-1], 1, 1), dt.date(years[-1], 12, 31))
    return None  # a run of years alone ('the Strategic Plan 2023-2026') names the plan, not a time asked


def _month_asked(question: str) -> re.Match[str] | None:
    """The question's first month that is not its paper's, else its first: 'what percentage … in November
    2018?' asked of 'the June 2019 improvement plan report' asks of November."""
    months = list(_MONTH_YEAR.finditer(question))
    return next((m for m in months if not names_paper(question, *m.span())), months[0] if months else None)


# The date a question gives for a meeting or its paper: 'the Cabinet meeting on 9 October 2019',
# 'the minutes of 9 May 2018', 'the meeting held on 25 January 2024', or a body's sitting on a day: 'the
# Overview and Scrutiny Committee on 10 July 2019' (not a council's: 'Souldern Parish Council on 2 May 2019'
# is an election's day).
_MEETING_DATED = re.compile(
    r"\b(?:meeting|minutes|agenda|committee|cabinet|board|panel)\b[^?]{0,60}?"
    # a weekday may come between ('the meeting of Tuesday 3 June 2025', 'held on Wednesday, 11 September')
    r"\b(?:on|of|for|held on|dated)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$",
    re.I,
)
# ... or the date names it: 'the 11 September 2019 scrutiny meeting', or the body sitting that day: 'the 11
# September 2019 Education and Children's Social Care Overview and Scrutiny Committee'
_DATED_MEETING = re.compile(
    # up to a body's name typed in lower case ('the 11 September 2019 education and children's social care
    # scrutiny meeting'), the words between naming it, not saying anything of it ('the 5 May 2020 report
    # say about the Derby Cabinet')
    r"^(?:,?\s+(?!(?i:the|a|an|about|says?|said|did|does|do|was|were|is|are|what|which|who|to|for|from|on|in"
    r"|at|by|with|report|paper)\b)[\w'’-]+){0,6}?\s+(?i:meeting|minutes|agenda|committee|cabinet|board|panel)\b"
    r"|^(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|&))+?\s+(?:Committee|Cabinet|Board|Panel|Forum|Sub-Committee)\b"
)


@lru_cache(maxsize=1 << 10)
def _meeting_days(question: str) -> list[tuple[bool, dt.date]]:
    """Days naming a meeting in the question, each with whether it is the day of minutes named."""
    named: list[tuple[bool, dt.date]] = []
    for found in find_dates(question):
        before, after = question[: found.start], question[found.end :]
        if found.precision != "day":
            continue
        ahead, behind = _MEETING_DATED.search(before), _DATED_MEETING.match(after)
        if ahead or behind:
            # the noun next to the day: the last before it, or the first after it
            nouns = _NOUNS_DATED.findall(behind.group(0) if behind else ahead.group(0))
            noun = nouns[0] if behind else nouns[-1] if nouns else ""
            # 'the minutes of the council meeting of November 14': the day is the minutes'
            of_minutes = not behind and _MINUTES_OF.match(ahead.group(0))
            named.append((bool(of_minutes) or noun.lower() == "minutes", found.value))
    return named


def meeting_day(question: str) -> dt.date | None:
    """The day of the meeting the question asks about, when it names one ('… meeting on 9 October
    2019' or 'the 9 October 2019 meeting' → 2019-10-09); None for any other date or none. Of two, a
    day naming minutes gives way to the meeting's: 'the October 17, 2023 minutes' are adopted at 'the
    council meeting of 14 November 2023', the day asked about."""
    named = _meeting_days(question)
    return min(named, key=lambda n: n[0])[1] if named else None


def minutes_days(question: str) -> list[dt.date]:
    """The days of minutes the question names ('adopted the minutes of October 17, 2023', 'the May 26
    minutes'), as against the day of the meeting that approves them."""
    return [day for of_minutes, day in _meeting_days(question) if of_minutes]


_MINUTES_OF = re.compile(r"(?i)minutes\s+of\b")
_NOUNS_DATED = re.compile(
    r"(?i)\b(meeting|minutes|agenda|committee|cabinet|board|panel|sub-committee|forum)\b"
)


def quarters(text: str) -> list[TimeTarget]:
    """The financial-year quarters `text` names, each its months or, where its end is said, its last."""
    return [_quarter_of(m) for m in _QUARTER.finditer(text)]


def _quarter_of(m: re.Match[str]) -> TimeTarget:
    """The months of a financial year's quarter, or its last month when its end is asked."""
    number = m.group("q") or m.group("n") or m.group("nth")
    n = int(number) if number.isdigit() else _QUARTER_NUMBERS[number.lower()]
    first = dt.date(int(m.group("y")), 4, 1)
    start_month = first.month + 3 * (n - 1)
    start = dt.date(first.year + (start_month - 1) // 12, (start_month - 1) % 12 + 1, 1)
    last_month = (start.month + 1) % 12 + 1
    end_year = start.year + (1 if last_month < start.month else 0)
    end = dt.date(end_year, last_month, calendar.monthrange(end_year, last_month)[1])
    return TimeTarget(end.replace(day=1) if m.group("end") else start, end)


def _months_of_year(m: re.Match[str]) -> TimeTarget:
    """'August to October 2019' → 1 August – 31 October 2019; 'November to February 2020' starts in 2019."""
    first, last, year = _month_number(m["first"]), _month_number(m["last"]), int(m["year"])
    start = dt.date(year - 1 if first > last else year, first, 1)
    return TimeTarget(start, dt.date(year, last, calendar.monthrange(year, last)[1]))


def _month_of(m: re.Match[str]) -> TimeTarget:
    month, year = _month_number(m.group(1)), int(m.group(2))
    return TimeTarget(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def _month_number(name: str) -> int:
    prefix = name.lower()[:3]
    return [m.lower()[:3] for m in calendar.month_name[1:]].index(prefix) + 1


_TERM = re.compile(r"\b[a-z]+\d[a-z\d]*\b|[a-z][a-z'\-]*[a-z]|\d+(?:\.\d+)*")


def terms(question: str) -> tuple[str, ...]:
    """Content words, lower case, in order, without stopwords. A code of letters then digits is one
    term, as FTS5 indexes it ('N21' → 'n21', not '21'); a hyphened one is joined ('L-24004' → 'l24004',
    sought in each printed form by index.codes.code_forms)."""
    words = re.findall(_TERM, joined_codes(question))
    words = [re.sub(r"'s$", "", w).strip("'") for w in words]
    return tuple(dict.fromkeys(w for w in words if w and w not in STOPWORDS))


def proper_words(question: str) -> tuple[str, ...]:
    """The capitalised words a question names something by, past its first word ('Zoë', 'Garbett' in
    "What is the status of Zoë Garbett's nomination?"); no stopwords, months or weekdays."""
    words = re.findall(r"(?<!^)(?<![.?!]\s)\b([A-Z][\w’'-]*\w)", question.strip())
    found = (re.sub(r"['’]s$", "", w) for w in words)
    return tuple(dict.fromkeys(w for w in found if w.lower() not in STOPWORDS and w.lower() not in _NOT_IDS))


def intent(question: str) -> str:
    """status, history (how a status changed), list, summary (what was said about…) or fact. A question
    for a person, a place, a time or a value is never a status one, whatever its words ('Who is the author
    of the Ofsted Improvement Plan Progress Report?', 'What percentage of pupils achieved grade 5?')."""
    statusy = (
        bool(_STATUS.search(_status_part(question)) or _STANDING.search(without_lead_in(question)))
        and (not _WHO_WHERE_WHEN.match(question) or expected(question).kind == "status")
        # a status cannot give a name or value: 'What percentage of pupils achieved grade 5?' asks for a
        # share, 'On what date is the progress report scheduled?' a date, whatever status words they hold
        and expected(question).kind not in NAMED_OR_VALUED
    )
    if _HISTORY.search(question) and (statusy or identifiers(question)):
        return "history"
    if statusy:
        return "status"
    if _LIST.search(question) or _asks_for_plural(question):
        return "list"
    if _SUMMARY.search(question):
        return "summary"
    return "fact"


# Status words naming where the answer is told, not what is asked: an update that says something ('does
# the Pledge 48 update say it supports …'), and progress done by something ('meant to help progress').
_TELLING = re.compile(
    r"\bupdates?\s+(?:says?|said|states?|notes?)\s+(?!about\b)\w+|\b(?:help|helps|helped|to)\s+progress\b"
)


# Where a thing stands or has got to, or whether it is done, asks its status in other words, with or
# without a lead-in ('Is Pledge 42 done?', 'As of the February 2020 update, where does Pledge 42 stand?').
_STANDING = re.compile(
    r"\bwhere\b[^?]{0,80}?\b(?:got to|stands?)\b"
    r"|^\W*(?:is|are|was|were|has|have|had)\b[^?]*\b(?:done|been met|kept|fulfilled)\b"
)


def _status_part(question: str) -> str:
    """The question less words that name where its answer is told: its lead-in, unless what follows asks
    where the thing stands ('In the February 2020 update on Pledge 41, what is the role meant to help
    progress?' asks a purpose)."""
    rest = without_lead_in(question)
    return _TELLING.sub(" ", question.lower() if _STANDING.search(rest) else rest)


# Nouns naming several people in the singular: 'Which staff attended …?'
_COLLECTIVE = frozenset({"staff", "people", "personnel", "officials"})


def _asks_for_plural(question: str) -> bool:
    """'Which pledges…', 'What schools…', 'Which staff…': the question wants several things."""
    m = re.match(r"\s*(?:which|what)\s+([a-z]+)\b", question, re.I)
    word = m.group(1).lower() if m else ""
    return word in _COLLECTIVE or (len(word) > 4 and word.endswith("s") and not word.endswith("ss"))


def wh_word(question: str) -> str:
    q = question.lower()
    for word in (
        "how many",
        "how much",
        "by how much",
        "what proportion",
        "what percentage",
        "who",
        "when",
        "where",
        "why",
        "how",
        "which",
        "what",
    ):
        if re.search(rf"\b{word}\b", q):
            return word
    return ""


def parse(question: str) -> Query:
    question = " ".join(question.split())
    return Query(
        question,
        identifiers(question),
        terms(question),
        intent(question),
        time_target(question),
        wh_word(question),
        named_bodies(question),
    )
