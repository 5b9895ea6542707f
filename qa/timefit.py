"""Whether a figure is the one asked: of the asked time (column, sentence, paper date), not aimed at."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from corpus.dates import find_dates, gives_day, only_date
from index.passage import Passage
from qa.candidate import Candidate
from qa.daymonths import DAY_MONTH
from qa.framing import names_paper
from qa.periods import MONTH, YEAR_PAIR, year_pairs
from qa.query import MONTHS, TimeTarget, quarters, time_target, without_runs, year_runs
from qa.units import block_lead

# A month and a year's last two digits, as performance tables head their columns ('Apr-18', "Sep'18") and
# their text cites them ('in Mar 18'); not a day before its year ('Mar 18, 2020').
_SHORT = re.compile(
    rf"\b(?P<mon>{MONTH})\.?(?:[-'’]|(?P<gap>\s+))(?P<yy>\d\d)\b(?![-/.]\d)(?!,?\s(?:19|20)\d\d)"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_LIKE = frozenset({"may", "june", "july"})  # full names: 'May 18' may be a day, 'Apr 18' is not
# Columns of figures aimed at, not reached: a question for what was ('in June 2019') is not answered there.
# "planned" aims; a plan is a thing ("child protection plan", "the improvement plan report")
_NARROW_DAYS = 120  # a quarter or a month asked within a year pair narrows it; a year (either kind) does not
_AIMED = re.compile(r"\b(?:targets?|forecasts?|projected|projections?|estimated?|planned)\b", re.I)
# A year a figure is told for: after a word that times it, and no year pair ('in 2018', not 'in 2018/19').
# So is a row's year cell ('YEAR: 2027', a forecast's rows labelled by their column).
_BARE_YEAR = re.compile(r"\b(?:in|during|for|throughout|year:)\s+((?:19|20)\d\d)\b(?![/–-]\d)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A month a figure was told for, with no year or day beside it ('reported at 37.7% in April'): of its
# paper's year ('by April' and 'until April' may look ahead, past it).
_FULL_MONTHS = MONTHS.split("|")
_BARE_MONTH = re.compile(
    rf"\b(?:in|during|since|from|for|of)\s+(?:early\s+|late\s+|mid-?\s*)?({'|'.join(_FULL_MONTHS)})\b"
    r"(?!\s*(?:\d|,\s*\d))",
    re.I,
)
# What a figure is compared with: 'nearly 400 kilometres of pathways; more than double what we had in 2006'
# is told of its paper's day, not of 2006.
_COMPARED = re.compile(r"\b(?:than|compared (?:to|with)|as against)\b[^.;]*", re.I)
# A figure asked as reached ('What was the absence rate for 2023/24?'): a paper written before that year
# began can only have aimed at it. What is set or promised ahead of its year (a budget, an allocation, a
# precept, fees; what was committed to or planned) is the exception: it is told before it.
_REACHED = re.compile(r"^\W*(?:what|how\s+(?:many|much))\b[^?]{0,40}?\b(?:was|were|did)\b", re.I)
_PAPER_OF_YEARS = re.compile(
    # 'in the 2024-27 plan', or by its owner's: 'Plymouth's 2024-27 strategic plan'
    r"(?:\b(?:in|of|from|under|according to)\s+(?:the\s+)?|\b(?=[A-Z][\w-]*['’]s\s))(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:19|20)\d\d(?:\s?[-/–]\s?\d{2,4})?\s+(?:(?!(?:about|on|of|for|in|at|to|by)\b)[\w'’-]+\s+){0,5}?"
    r"(?:plan|strategy|report|budget|accounts|update|review|programme)\b",
    re.I,
)
# What was decided or happened then is told after it, however it was set ahead: 'What did the committee
# decide when directorates reported on the Pledge in July 2016?' is no question for a February 2016 paper.
_DONE = re.compile(
    r"\b(?:did|was|were)\b[^?]{0,80}?\b(?:decided?|agreed?|resolved?|approved?|voted?|happen(?:ed)?"
    r"|conclude[d]?)\b",
    re.I,
)
_SET_AHEAD = re.compile(
    r"\b(?:budget|allocat|precept|council tax|fee|charge|grant|commit|plan|pledg|promis|intend|propos"
    r"|expect)\w*",
    re.I,
)


def of_asked_time(
    found: Sequence[Candidate], question: str, target: TimeTarget | None, figures: bool = True
) -> list[Candidate]:
    """The candidates whose figures can be of the month, year or year pair ('2019/20') the question asks
    about (see `of_time`); none in a column of what was aimed at ('2019/20 Local Target', 'Forecast') unless
    the question asks for that. A question naming a day names the paper or meeting asked of ('the report
    of 11 March 2026'), not the period of a figure, and one naming several years may ask of each: their
    times set none aside. Asked for something other than a figure (`figures` False), only the cells of
    a time's column are weighed: 'Aug-18: 162.6' is not of June 2018, whatever the question's type; a
    sentence naming only other year pairs than the one asked is set aside, and so, for a question asking
    what was so then, is a paper dated before the asked time (`_written_before`)."""
    # a target or forecast asked for is in its column; a date asked may be a 'Target Date'
    aimed = bool(_AIMED.search(question)) or not figures
    found = [c for c in found if aimed or not _AIMED.search(c.label or "")]
    pairs = frozenset(_first_years(question))
    if (target is None and not pairs) or gives_day(question) or _several_years(question):
        return list(found)
    ahead = bool(_SET_AHEAD.search(question)) and not _DONE.search(question)
    told = bool(_REACHED.match(question)) and not ahead and not _AIMED.search(question)
    # a paper the question names by its years ('in Plymouth's 2024-27 Children's Service plan') was not
    # written long before them, whatever is asked of it (a plan is written in the months before its years)
    named = bool(_PAPER_OF_YEARS.search(question))
    reached = told and figures
    window = _window(pairs) if pairs else target
    if named and not figures and not pairs and time_target(_PAPER_OF_YEARS.sub(" ", question)) is None:
        # 'In which year of the 2024-27 plan …?': its years name the paper asked of, not a time of its cells
        return [c for c in found if not _written_before(c.passage, _year_before(window))]
    timed = lambda c: figures or _time_column(c)  # noqa: E731
    # a paper named by its years holds figures too: one from a paper written long before is another's
    return [
        c
        for c in found
        if (
            of_time(c, target, pairs, reached)
            if timed(c)
            else not _of_other_pairs(c, pairs) and not (told and _written_before(c.passage, window))
        )
        and not (named and _written_before(c.passage, _year_before(window)))
    ]


def _year_before(window: TimeTarget) -> TimeTarget:
    start = window.start
    return replace(window, start=start.replace(year=start.year - 1, day=min(start.day, 28)))


def _written_before(passage: Passage, window: TimeTarget) -> bool:
    """Whether the paper is dated, to its month or day, before the asked time begins: it cannot tell what
    was so then ('What was the judgement of the January 2024 inspection?' is not for a 2019 paper)."""
    precise = passage.date is not None and passage.date_precision in {"day", "month"}
    month_start = passage.date.replace(day=1) if precise else None
    return bool(month_start) and month_start < window.start.replace(day=1)


def _of_other_pairs(candidate: Candidate, pairs: frozenset[int]) -> bool:
    """Whether a sentence or its label, or its block's lead-in ('Key Milestones 2025/26: • … • …'), names
    year pairs ('Key milestones in 2024-25') and none asked (2026/27): whatever it says is said of another
    year."""
    lead = block_lead(candidate.passage.text, candidate.text) if pairs else ""
    named = frozenset(_first_years(f"{candidate.label or lead}\n{candidate.text}"))
    return bool(pairs and named) and not named & pairs


def _several_years(question: str) -> bool:
    """A question of several parts may ask of several years ('(a) In 2014, how much … (c) … in 2015'):
    which part a figure answers is not for its time to say. A year naming the paper asked of ('the June
    2019 improvement plan report') is not one of them."""
    plain = without_runs(YEAR_PAIR.sub(" ", question))  # 'the Capital Budget 2024-2034' names the paper
    return len({m[0] for m in _YEAR.finditer(plain) if not names_paper(plain, *m.span())}) > 1


def of_time(
    candidate: Candidate,
    target: TimeTarget | None,
    pairs: frozenset[int] = frozenset(),
    reached: bool = False,
) -> bool:
    """Whether a candidate's figure can be of the asked time, by the first of these to name a time: its
    column label (or its line's lead-in, 'Key Milestones 2025/26: • …') and sentence, then its passage's
    heading and paper's title ('Commitment to implementing the Pledge 2017/18'), then its paper's date.
    - A quarter named ('the first quarter of 2019/20') must overlap the asked months (asked of a year
      pair, `pairs`, first years: the question's own quarter or month within the pair, when it names one).
    - Asked of a year pair, year pairs named must include that one.
    - Else, a time named must overlap `target`. A year pair runs from April of its first year to August of
      its second, a financial or an academic year (qa/periods.py), so '2017/18 Actual' is not of March
      2017; '23.9% in March 2018' is of March 2018.
    - With no time named, a figure is of its paper's date or earlier ('currently 417 children in care'):
      a paper dated before the month asked does not tell its figures (asked of a year, it may: a budget
      or plan for the year is written before it starts, unless the figure is asked as `reached`)."""
    passage = candidate.passage
    lead = block_lead(passage.text, candidate.text) if pairs and not candidate.label else ""
    for text in (
        f"{candidate.label or lead}\n{_COMPARED.sub(' ', candidate.text)}\n{_row_year(candidate)}",
        f"{passage.heading or ''}\n{passage.title or ''}",
    ):
        # 'The first quarter of 2019/20 …': its months, not the whole year pair, whatever the question names
        if told := _quarters_told(text, pairs) if pairs else quarters(text):
            asked = _asked_window(pairs, target)
            return any(q.start <= asked.end and asked.start <= q.end for q in told)
        if pairs and (named := frozenset(_first_years(text))):
            return bool(named & pairs)
        if times := [*year_pairs(text), *_dated(text)] or _bare_months(text, passage):
            asked = _asked_window(pairs, target)
            return any(start <= asked.end and asked.start <= end for start, end in times)
    if reached:
        return passage.date is None or passage.date >= (_window(pairs) if pairs else target).start
    # asked of a year, a paper dated before it may plan or budget for it: only a month is out of reach
    one_month = not pairs and target.one_month
    return not one_month or passage.date is None or passage.date >= target.start


def _bare_months(text: str, passage: Passage) -> list[tuple[dt.date, dt.date]]:
    """The months a sentence names without a year ('saw an increase in April'), each the last such month
    on or before its paper's date: a September 2019 report's April is April 2019."""
    if passage.date is None:
        return []
    found = []
    for m in _BARE_MONTH.finditer(text):
        month = _FULL_MONTHS.index(m.group(1).lower()) + 1
        year = passage.date.year - (month > passage.date.month)
        found.append(spanned(dt.date(year, month, 1), "month"))
    return found


# A quarter named without its year ('The target for 2019/20 … at the end of quarter one …').
_BARE_QUARTER = re.compile(
    r"\b(?:(?:the )?end of (?:the )?)?(?:quarter (?:one|two|three|four|[1-4])|q[1-4]"
    r"|(?:the )?(?:first|second|third|fourth) quarter)\b(?!\s*(?:of\s+)?(?:the\s+)?(?:19|20)\d\d)",
    re.I,
)


def _quarters_told(text: str, pairs: frozenset[int]) -> list[TimeTarget]:
    """The quarters `text` names with their year pair, or without one in a sentence naming only the asked
    pair ('The target for 2019/20 … at the end of quarter one …' is of April to June 2019)."""
    if (told := quarters(text)) or set(_first_years(text)) != pairs or len(pairs) != 1:
        return told
    year = next(iter(pairs))
    return [
        q
        for m in _BARE_QUARTER.finditer(text)
        for q in quarters(f"{m.group()} of {year}/{(year + 1) % 100:02d}")
    ]


def _asked_window(pairs: frozenset[int], target: TimeTarget | None) -> TimeTarget:
    """The months a named time must overlap: the year pairs' window, or the question's quarter or month
    within it when it names one ('Q2 2019/20 (end of September 2019)': July to September 2019)."""
    if not pairs:
        return target
    window = _window(pairs)
    narrow = target is not None and (target.end - target.start).days < _NARROW_DAYS
    return target if narrow and window.start <= target.start and target.end <= window.end else window


def _window(pairs: frozenset[int]) -> TimeTarget:
    """The months the asked year pairs can stand for, April of the first to August after the last."""
    return TimeTarget(dt.date(min(pairs), 4, 1), dt.date(max(pairs) + 1, 8, 31))


def row_of(cell: Candidate) -> str:
    """The item heading over a cell's passage and the row the cell is printed in ('% of Care Leavers in
    EET' over its 'Nov-18: 58.2%'): what a figure in a table is of. For a sentence, the heading alone."""
    return f"{cell.passage.heading or ''}\n{row_name(cell) or ''}"


def time_row(cell: Candidate) -> str | None:
    """The row name of a cell in a column a time heads ('Nov-18', '2017/18 Actual'), which the answer
    names: the figure alone does not say what it counts. None for other cells and for sentences."""
    return row_name(cell) if _time_column(cell) else None


def _time_column(cell: Candidate) -> bool:
    """The cell stands in a column a time heads ('Nov-18', '2017/18 Actual')."""
    label = cell.label or ""
    return bool(label and (_dated(label) or year_pairs(label)))


def row_name(cell: Candidate) -> str | None:
    """The first line of the row block holding the cell's line, when that is not the cell itself; with
    the second, when the first is only a day ('Date: 06-Feb; Details: Hard drive')."""
    if not cell.label:
        return None
    line = f"{cell.label}: {cell.text}"
    block = next((lines for lines in _row_blocks(cell.passage.text) if line in "\n".join(lines)), ())
    first = block[0] if block else ""
    if len(block) > 1 and _only_day(first.split(": ", 1)[-1]):
        first = f"{first}; {block[1]}"  # a payment keyed by its day ('Date: 06-Feb') is named by what follows
    return first if first and first != line else None


_YEAR_CELL = re.compile(r"^year:\s*(?:19|20)\d\d\b", re.I)


def _row_year(cell: Candidate) -> str:
    """The year cell of the row a cell stands in ('YEAR: 2025' under 'ESTIMATE: $10,000'), or ''."""
    if not cell.label:
        return ""
    line = f"{cell.label}: {cell.text}"
    block = next((lines for lines in _row_blocks(cell.passage.text) if line in lines), ())
    return next((other for other in block if other != line and _YEAR_CELL.match(other)), "")


def _only_day(value: str) -> bool:
    """A cell that is a day and nothing else ('06-Feb', '10 July 2019')."""
    return bool(only_date(value) or DAY_MONTH.fullmatch(value.strip()))


@lru_cache(maxsize=1 << 10)  # asked of every cell of a passage, by row_name and row_key
def _row_blocks(text: str) -> tuple[tuple[str, ...], ...]:
    """A passage's blocks (runs of lines between blank lines), each as its stripped lines."""
    return tuple(
        tuple(line.strip() for line in block.strip().split("\n")) for block in re.split(r"\n\s*\n", text)
    )


def row_key(cell: Candidate) -> bool:
    """Whether the cell (or a sentence of it) is on the line opening a row block of several lines: it
    holds the row's key."""
    if not cell.label:
        return False
    opening = f"{cell.label}: "
    return any(
        len(lines) > 1 and lines[0].startswith(opening) and cell.text in lines[0]
        for lines in _row_blocks(cell.passage.text)
    )


def _first_years(text: str) -> list[int]:
    """First years of the year pairs ('2017/18') in `text`, pairs that are one year and the next only."""
    return [start.year for start, _ in year_pairs(text)]


def _dated(text: str) -> list[tuple[dt.date, dt.date]]:
    """The days each date in `text` stands for, year pairs left to `year_pairs`; with the months a table
    names by a month and two digits ('Sep-18'), years a word times ('17 in 2017 and 21 in 2018') and runs
    of years ('2024-2034')."""
    runs = [(run.start, run.end) for _, run in year_runs(text)]
    text = without_runs(text)
    found = runs + [
        spanned(d.value, d.precision)
        for d in find_dates(text)
        if d.precision != "year" or not year_pairs(text[d.start : d.end])
    ]
    years = [spanned(dt.date(int(y), 1, 1), "year") for y in _BARE_YEAR.findall(text)]
    return found + [spanned(month, "month") for month in short_months(text)] + years


def told_before(text: str, day: dt.date) -> bool:
    """Whether `text` names a time and every time it names ends before `day` ('our SEND inspection in
    2023' before 1 February 2024)."""
    times = _dated(text)
    return bool(times) and all(end < day for _, end in times)


def short_month_at(text: str) -> dt.date | None:
    """The month `text` opens with in a performance report's short form ('Mar 19', 'Sep-18'), as its
    first day; after a word that ties a value to it ('22.7% in May 19'), even a full name."""
    m = _SHORT.match(text)
    return _month(m) if m else None


def column_month(label: str) -> dt.date | None:
    """The month a column's label names in the short form, as its first day: 'Jun-19', or after the
    period a merged header cell above it gave ('Pre Ofsted Visit Apr-18'); None when it names none or
    several."""
    months, opening = short_months(label), short_month_at(label)
    if opening and len(months) <= 1:  # 'May 18' opening a label is a month, though it may be a day in prose
        return opening
    return months[0] if len(months) == 1 else None


def short_months(text: str) -> list[dt.date]:
    """The months named in the short form anywhere in `text` ('Apr-18', 'in Mar 18'), as first days."""
    return [_month(m) for m in _SHORT.finditer(text) if not m.group("gap") or not _day_like(m.group("mon"))]


def _day_like(month: str) -> bool:
    return month.lower() in _DAY_LIKE or len(month) > 4


def _month(m: re.Match) -> dt.date:
    return dt.date(2000 + int(m.group("yy")), _MONTHS.index(m.group("mon")[:3].title()) + 1, 1)


def spanned(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date of `precision` ('day', 'month' or 'year') stands for: a paper
    dated '2024' is of any day that year, not of 1 January."""
    if precision == "day":
        return day, day
    if precision == "month":
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day, following - dt.timedelta(days=1)
    return day.replace(month=1, day=1), day.replace(month=12, day=31)


def repeats_asked_dates(sentence: str, question: str) -> bool:
    """Whether every date the sentence gives is one the question names, or wider: 'When was the report of
    the October-November 2018 inspection published?' is not answered by 'an inspection undertaken in
    October and November 2018'. A finer date within a named one ('Published 03 September 2019', asked of
    the September 2019 report) is new."""
    if _PART_OF.search(sentence):  # 'the latter part of 2017/18' is a finer time than the 2017/18 asked
        return False
    asked, given = _date_spans(question), _date_spans(sentence)
    return bool(asked and given) and all(
        any(start <= a_start and a_end <= end for a_start, a_end in asked) for start, end in given
    )


# A part of a year or month named before it: what it dates is finer than the year or month itself.
_PART_OF = re.compile(
    r"\b(?:(?:latter|early|earlier|later|first|second|last|final)\s+(?:part|half|quarter)|end|start|beginning"
    r"|middle)\s+of\s+(?:the\s+)?(?:(?:19|20)\d\d|[A-Z][a-z]+\s+(?:19|20)\d\d)",
    re.I,
)


@lru_cache(maxsize=1 << 12)  # the question's dates, once for all its candidates
def _date_spans(text: str) -> tuple[tuple[dt.date, dt.date], ...]:
    return tuple(spanned(d.value, d.precision) for d in find_dates(text))
