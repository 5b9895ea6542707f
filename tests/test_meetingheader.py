"""A meeting's header (title line over date line), told apart from table rows and sentences with dates."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.meetingheader import day_at, header_day, other_meeting_at


@pytest.mark.parametrize(
    ("title", "date", "day"),
    [
        ("Scrutiny Committee", "Wednesday 10 July 2019", dt.date(2019, 7, 10)),
        ("Council", "Tuesday, 3 June 2025 at 7.30 pm", dt.date(2025, 6, 3)),
        ("Planning Committee", "Thursday 5th March 2020, 7:30pm", dt.date(2020, 3, 5)),
        # the first row of a table of meeting dates, and a sentence that dates an approval
        ("Monthly Meeting Dates: January 24, 2019", "Submittal Deadline *: December 18, 2018", None),
        ("Filling Vacancy on Council", "Approved by Council - May 28, 2024", None),
        ("Report of the Director of Children's Services", "Wednesday 10 July 2019", None),
        ("Scrutiny Committee", "July 2019", None),
    ],
)
def test_header_day(title: str, date: str, day: dt.date | None) -> None:
    assert header_day(title, date) == day


def test_day_at_is_the_day_of_the_last_header_before_the_offset() -> None:
    text = "Agenda front page\n\nCabinet\n\n12 March 2019\n\nPRESENT: Councillor Ayers.\nCabinet\n9 April 2019\nAyes"
    assert day_at(text, 0) is None
    assert day_at(text, text.index("PRESENT")) == dt.date(2019, 3, 12)
    assert day_at(text, text.index("Ayes")) == dt.date(2019, 4, 9)


def test_other_meeting_at_finds_where_reproduced_minutes_begin() -> None:
    own = "Cabinet\nTuesday 10 April 2018\n\nPRESENT: Cllr Brown.\n\n"
    earlier = "Cabinet\nTuesday 13 March 2018\n\nPRESENT: Cllr Green.\n"
    assert other_meeting_at(own + earlier, None) == len(own)
    # the header opening the paper is its own meeting, whatever date the paper was filed under
    assert other_meeting_at(own + earlier, dt.date(2018, 3, 13)) == len(own)
    # a pack whose masthead is no header: the paper's date tells its meeting
    masthead = "Cabinet agenda, Tuesday 10 April 2018 at 7 pm in the Chamber\n\n"
    assert other_meeting_at(masthead + earlier, dt.date(2018, 4, 10)) == len(masthead)
    assert other_meeting_at(masthead + earlier, dt.date(2018, 3, 13)) == len(masthead + earlier)
    assert other_meeting_at(own, None) == len(own)
