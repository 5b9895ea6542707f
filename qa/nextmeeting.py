"""The meeting after a named one, read off the meeting dates the papers list: the first one later."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from corpus.dates import find_dates
from index.passage import Passage
from index.recordquery import Cited
from qa.bodies import of_named_council
from qa.candidate import Candidate
from qa.daymonths import DAY_MONTH, day_months
from qa.query import meeting_day
from qa.spans import Span
from qa.timefit import spanned

# Where a date is a meeting's: 'Monthly Meeting Dates', 'Dates for 2024', 'Date of meeting', 'will meet on'
_MEETING_WORDS = re.compile(r"\b(?:meet\w*|met|dates)\b", re.I)
_CELL_LABEL = re.compile(r"^\s*([^:;]{1,40}):\s")
_BEFORE = 50  # characters before a date in which words naming a meeting make it a meeting's day
_NEXT_WORD = r"\b(?:next|following|subsequent)\b"
# a meeting told as the next one: 'Date of the next meeting', 'the following meeting will be held on'
_NEXT = re.compile(rf"{_NEXT_WORD}\s+(?:[\w'’-]+\s+){{0,3}}?(?:meeting|session|sitting)s?\b", re.I)
_NEXT_ONE = re.compile(
    rf"{_NEXT_WORD}[^?]{{0,60}}\b(?:after|following|since)\b"
    # 'the meeting after the November 14, 2023 one', 'meet after 4 March 2020', 'the one that comes after …'
    r"|\b(?:meeting|session|sitting|meet|met|sit|sat|comes?|came)\s+(?:held\s+)?(?:next\s+)?after\s+"
    r"(?:the|that|its|\d{1,2}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)\b"
    # 'the meeting that followed the one of 3 June 2025', 'the sitting following that of …'
    r"|\b(?:meeting|session|sitting|committee|panel|board|council)\s+(?:(?:that|which)\s+)?"
    r"(?:follows|followed|following|came\s+after|succeeded)"
    # … or a day: 'the scrutiny committee meeting that came after 11 September 2019'
    r"\s+(?:the|that|its|\d{1,2}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)\b",
    re.I,
)
# The next meeting asked with no meeting to count from: 'When is the next meeting of …?', '… next meet?'
_UPCOMING = re.compile(
    r"\bnext\s+(?:[\w'’-]+\s+){0,5}?(?:meeting|session|sitting)s?\b|\bnext\s+meets?\b|\bmeets?\s+next\b", re.I
)


def asks_after(question: str) -> bool:
    """Whether the question asks the meeting after another ('the meeting that followed the one of 3 June
    2025', 'the next meeting after January 2024')."""
    return bool(_NEXT_ONE.search(question))


def tells_next(sentence: str) -> bool:
    """Whether a sentence tells of the next meeting ('Date of the next meeting: …')."""
    return bool(_NEXT.search(sentence))


def asks_upcoming(question: str) -> bool:
    """Whether the question asks the next meeting without naming one to count from ('When will the
    parish council next meet?'): the papers' latest meeting is then the one counted from."""
    return bool(_UPCOMING.search(question))


# A passage listing meetings' days, which a question's words may not find ('Dates for 2024: 29th February').
_SCHEDULE = re.compile(
    r"\b(?:dates|next\s+(?:\w+\s+){0,2}meeting|meeting\s+dates?|date\s+of\s+(?:the\s+)?next)\b", re.I
)
# Of the latest paper's passages listing meeting days, the last few: minutes close with the dates ahead,
# and a pack's own business follows the minutes it reproduces ('Next regular meeting to be held June 18')
_SCHEDULES = 3


def schedules(
    question: str, passages: Sequence[Passage], paper: Callable[[int], list[Passage]]
) -> list[Passage]:
    """The passages of the latest paper (dated to a day) of the council the question names that list meeting
    days and are not among `passages`: asked 'When is the next meeting?', the list under 'Dates for 2024'
    holds none of its words, so retrieval need not find it. Asked the meeting after one of a day, the
    passages of that day's paper, or of the latest paper before it (a day its schedule lists).
    `paper(chunk_id)` reads a paper's passages in order. [] unless the question asks the next meeting or
    the one after a day."""
    day = meeting_day(question)
    if not (asks_after(question) and day) and not (asks_upcoming(question) and day is None):
        return []
    dated = [
        p for p in of_named_council(question, passages, lambda p: p) if p.date_precision == "day" and p.date
    ]
    if day:  # the meeting after one of a day: the list its papers give, or the last papers before it
        dated = [p for p in dated if p.date == day] or [p for p in dated if p.date < day]
    if not dated:
        return []
    held = {p.chunk_id for p in passages}
    latest = max(dated, key=lambda p: p.date)
    listing = [
        p
        for p in paper(latest.chunk_id)
        if p.chunk_id not in held and _SCHEDULE.search(f"{p.heading or ''}\n{p.text}") and _lists_days(p.text)
    ]
    return listing[-_SCHEDULES:]


def _lists_days(text: str) -> bool:
    return bool(day_months(text) or any(d.precision == "day" for d in find_dates(text)))


def latest_day(found: Sequence[Candidate]) -> dt.date | None:
    """The latest day a paper of the candidates is dated to (papers dated only to a month or year
    give none): the meeting the papers last tell of, from which 'the next meeting' counts."""
    days = [c.passage.date for c in found if c.passage.date and c.passage.date_precision == "day"]
    return max(days, default=None)


def told_after(told: Sequence[Candidate], after: dt.date | None) -> list[Candidate]:
    """The candidates telling of a next meeting ('The next meeting will be held on 11th July 2018') on a
    day later than `after`: an older paper's next meeting is past once a later paper is filed."""
    if after is None:
        return list(told)
    return [c for c in told if any(d.value > after for d in find_dates(c.shown) if d.precision == "day")]


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
    return [_at_day(c, soonest) for first, c in dated if first == soonest]


def _at_day(candidate: Candidate, day: dt.date) -> Candidate:
    """The candidate led by the day it gives (its span), where no typed span leads it: a list of
    meeting days ('29th February, 28th March, …') answers with its first later one."""
    if candidate.span is not None:
        return candidate
    printed = [(d.start, d.end) for d in find_dates(candidate.text) if d.value == day]
    printed = printed or [
        (m.start(), m.end()) for m in DAY_MONTH.finditer(candidate.text) if _is(m.group(0), day)
    ]
    if not printed:
        return candidate
    start, end = min(printed)
    shown = candidate.text[start:end]
    # a schedule's day without its year ('29th February' under 'Dates for 2024') is given with it
    shown = shown if re.search(r"\d{4}", shown) else f"{day.day} {day:%B %Y}"
    return replace(candidate, span=Span("date", shown, start, end))


def _is(printed: str, day: dt.date) -> bool:
    return day_months(printed) == {(day.day, day.month)}


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


def latest_first(
    papers: list[tuple[str, dict[str, Cited]]], passages: Sequence[Passage]
) -> list[tuple[str, dict[str, Cited]]]:
    """Asked 'When is the next meeting?' with no day: the papers' meeting records latest first, less those
    whose next meeting is not after the latest day a paper of `passages` is dated to (an older paper's
    next meeting is past once a later paper is filed)."""
    days = [p.date for p in passages if p.date and p.date_precision == "day"]
    latest = max(days, default=None)
    ordered = sorted(
        papers, key=lambda paper: paper[1]["date"].value if "date" in paper[1] else "", reverse=True
    )
    return [
        (source, meeting) for source, meeting in ordered if not _past(meeting.get("next_meeting"), latest)
    ]


def _past(field: Cited | None, latest: dt.date | None) -> bool:
    days = [d.value for d in find_dates(field.value) if d.precision == "day"] if field else []
    return bool(latest and days and days[0] <= latest)
