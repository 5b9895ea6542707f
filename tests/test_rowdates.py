"""Timetable rows picked by the cell the question dates."""

from __future__ import annotations

from index.passage import Passage
from qa.candidate import Candidate
from qa.query import parse
from qa.rowdates import keyed_rows

_ROWS = (
    "Monthly Meeting Dates: June 27, 2019; Submittal Deadline *: May 28, 2019",
    "Monthly Meeting Dates: July 25, 2019; Submittal Deadline *: June 25, 2019",
    "Monthly Meeting Dates: August 29, 2019; Submittal Deadline *: July 23, 2019",
)


def _found(rows=_ROWS) -> list[Candidate]:
    passage = Passage(
        1, "\n\n".join(rows), None, 1, 1, "d.pdf", "Dates", "Summit County", None, None, "day", "other"
    )
    return [Candidate(r, None, None, passage, 0, frozenset({"date"})) for r in rows]


def _kept(question: str, found=None) -> list[str]:
    return [c.text for c in keyed_rows(found or _found(), question, parse(question).time)]


def test_the_row_of_the_dated_meeting_not_the_row_whose_deadline_falls_then():
    q = "If I want my application heard at the July 2019 Planning Commission meeting, what's the submittal deadline?"
    assert _kept(q) == [_ROWS[1]]
    assert _kept("What is the submittal deadline for the August 2019 meeting?") == [_ROWS[2]]
    assert _kept("When is the submittal deadline for the June 2019 Planning Commission meeting?") == [
        _ROWS[0]
    ]
    # the phrase a date opens runs to its noun, lower-case words and all
    q = "When are applications due for the July 2019 Summit County planning commission meeting?"
    assert _kept(q) == [_ROWS[1]]
    # a date after its noun dates that noun: the deadline picks the row by its deadline
    assert _kept("Which meeting has its submittal deadline in July 2019?") == [_ROWS[2]]


def test_rows_are_kept_when_the_question_dates_nothing_in_them():
    assert _kept("What is the submittal deadline for the meetings?") == list(_ROWS)  # no time asked
    assert _kept("What happens in July 2019?") == list(_ROWS)  # its words name no cell
    prose = _found(("The meeting on July 25, 2019 was moved.", "Deadline: June 25, 2019"))
    assert len(_kept("When was the July 2019 meeting?", prose)) == 2  # no row of two dated cells
