"""Which of the dates in a paper's opening is the paper's own: its meeting or publication date."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.dateorder import month_first
from corpus.dates import FoundDate, find_dates
from corpus.headtext import is_caps, sentence_around, without_dates

# A paper's own date sits in its masthead, beside a cue such as "Date of meeting:" or "held on",
# or alone on a line under the title. Dates in sentences and tables date other things.
_PRECISION_SCORE = {"day": 3.0, "month": 2.0, "year": 0.5}
_NEAR, _FAR = 3000, 10000  # chars: the masthead lies within _NEAR; beyond _FAR dates are body text
_NEAR_BONUS, _MID_PENALTY, _FAR_PENALTY = 4.0, 1.0, 6.0
_CUE_BONUS = 6.0  # "Date:", "held on", "meeting of", "Dated"
_PUBLISHED_BONUS = 3.0  # a publication date is the paper's own date when no meeting date is given
_WEEKDAY_BONUS = 4.0  # "Tuesday 5 March": a date written out in full for readers
_BARE_BONUS, _UNDER_HEADING_BONUS, _HEADING_BONUS = 2.0, 3.0, 4.0
_PROSE_PENALTY = 6.0  # a date inside a sentence dates what the sentence is about
_TABLE_PENALTY = 8.0  # a line of several dates is a table of dates, not the paper's date
_ELSEWHERE_PENALTY = 8.0  # previous meetings, deadlines, sign-off
_CUE_REACH = 150  # chars either side of a date in which its cue words stand
_LINE_CACHE = 512  # lines whose shape is remembered: a table repeats a line's dates many times
_PROSE_WORDS = 9  # a sentence of more words than this around a date is prose, not a heading

_LABEL = re.compile(
    r"date of (?:the )?(?:meeting|report|decision|issue|notice)|meeting date|\bdate\s*:|\bheld\b"
    r"|\bmeeting of\b|\bagenda for\b|(?-i:^\W*Dated\b)|\bdated\s*:|\bto be held\b|\bmeeting on\b|^\W*on\W*$",
    re.I,
)
_PUBLISHED = re.compile(r"\b(?:published|issued|date of publication|despatched|dispatched|posted)\b", re.I)
# Dates that belong to something else: earlier or later meetings, sign-off, targets, deadlines.
_ELSEWHERE = re.compile(
    r"previous meeting|last meeting|next meeting|date (?:agreed|approved)|\b(?:agreed|approved)\s*:"
    r"|deadline|due date|review date|no later than|progress made|updated\s*:|\bthe minutes of\b"
    r"|\bscheduled\b|\btentative|\b(?:by|until|before|after|since|from|through)\s+(?:\w+day,?\s+)?$"
    r"|\bon or (?:before|after)\b|\beffective\b|\bexpir",
    re.I,
)
# "... 1/23/2020 is tentatively scheduled": the sentence goes on to say the date is for something else.
_ELSEWHERE_AFTER = re.compile(
    r"(?:\W*\w+){0,2}?\W*(?:is|are|was|were|will be)?\s*(?:tentatively )?(?:scheduled|deadline)", re.I
)
_NUMBERED = re.compile(r"\s*(?:[-•*]\s*)?(?:\d+[.)]|\d+\.\d+)\s")
_BARE_WORDS = re.compile(r"\w+day\b|\b(?:at|on|from|to)\b|\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\b\.?|\W", re.I)
_WEEKDAY_BEFORE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$", re.I)
_BODY_WORD = re.compile(
    r"\b(?:committee|board|panel|cabinet|council|commission|forum|meeting|agenda|minutes|session|hearing)\b",
    re.I,
)


def _line_at(text: str, start: int, end: int, breaks: str = "\n\t") -> tuple[str, int]:
    """The line holding text[start:end], or its cell where tabs set a table row out in cells."""
    line_start = max(text.rfind(mark, 0, start) for mark in breaks) + 1
    stops = [i for i in (text.find(mark, end) for mark in breaks) if i >= 0]
    return text[line_start : min(stops, default=len(text))], line_start


@lru_cache(maxsize=_LINE_CACHE)
def _bare(line: str) -> bool:
    """The line holds its dates and nothing else but weekdays, times and joining words."""
    return not _BARE_WORDS.sub("", without_dates(line))


@lru_cache(maxsize=_LINE_CACHE)
def _heading_like(line: str) -> bool:
    text = without_dates(line)
    marked = line.lstrip().startswith(("#", "**")) or is_caps(text) or bool(_BODY_WORD.search(text))
    return marked and 1 <= len(text.split()) <= 15


def _position(start: int) -> float:
    if start < _NEAR:
        return _NEAR_BONUS * (1 - start / _NEAR)
    return -_MID_PENALTY if start < _FAR else -_FAR_PENALTY


def _cue(text: str, f: FoundDate, before: str, line: str, line_start: int) -> float:
    """Bonus for a cue word before the date, on its line or on a short line just above."""
    prev = text[:line_start].rstrip().rsplit("\n", 1)[-1]
    bare = _bare(line)
    prev_cue = bare and _LABEL.search(prev) and (len(prev.split()) <= 4 or _heading_like(prev))
    if _LABEL.search(before) or prev_cue:
        return _CUE_BONUS
    return _PUBLISHED_BONUS if _PUBLISHED.search(before) else 0.0


def _date_score(text: str, f: FoundDate, dates_on_line: int) -> float:
    """How likely `f` is the paper's own date: near the top, labelled, or beside the title."""
    line, line_start = _line_at(text, f.start, f.end)
    before, _, after = sentence_around(text, f.start, f.end)
    before, after = before[-_CUE_REACH:], after[:_CUE_REACH]  # cues sit beside the date
    if _ELSEWHERE.search(before) or _ELSEWHERE_AFTER.match(after):
        return _PRECISION_SCORE[f.precision] + _position(f.start) - _ELSEWHERE_PENALTY
    if dates_on_line > 1 and f.precision == "day":  # a row of a table of dates: cues there head columns
        return _PRECISION_SCORE[f.precision] + _position(f.start) - _TABLE_PENALTY
    cue = _cue(text, f, before, line, line_start)
    score = _PRECISION_SCORE[f.precision] + _position(f.start) + cue
    if _WEEKDAY_BEFORE.search(before):
        score += _WEEKDAY_BONUS
    if _NUMBERED.match(line) or len(f"{before} {after}".split()) > _PROSE_WORDS:
        score -= _PROSE_PENALTY
    prev = text[:line_start].rstrip().rsplit("\n", 1)[-1]
    if f.precision == "year" and "\t" in _line_at(text, f.start, f.end, "\n")[0]:
        return score  # a year alone in a table cell heads a column of figures
    if _bare(line):  # the date alone, give or take day and time
        score += _BARE_BONUS + (_UNDER_HEADING_BONUS if _heading_like(prev) else 0)
    elif _heading_like(line) and cue < _CUE_BONUS and not _PUBLISHED.search(before):
        score += _HEADING_BONUS  # a labelled line ("POSTED: 03/06/2020") already had its due
    return score


def _latest_of_periods(found: list[FoundDate], text: str) -> list[FoundDate]:
    """Year periods side by side on a line are columns, prior year first: keep the latest."""
    latest: dict[int, object] = {}
    for f in found:
        if f.precision == "year":
            row = text.rfind("\n", 0, f.start)
            latest[row] = max(latest.get(row, f.value), f.value)
    return [f for f in found if f.precision != "year" or f.value == latest[text.rfind("\n", 0, f.start)]]


def best_date(text: str) -> FoundDate | None:
    """The paper's own date: the best-placed date, or None when no date is convincing.

    Numeric dates are read in the paper's own order (corpus.dateorder.month_first).
    """
    found = _latest_of_periods(find_dates(text, month_first(text)), text)
    per_line: dict[int, int] = {}
    for f in found:
        if f.precision == "day":
            key = text.rfind("\n", 0, f.start)
            per_line[key] = per_line.get(key, 0) + 1
    scored = [
        (_date_score(text, f, per_line.get(text.rfind("\n", 0, f.start), 0)), -f.start, f) for f in found
    ]
    top = max(scored, default=None, key=lambda s: s[:2])
    return top[2] if top and top[0] > 0 else None
