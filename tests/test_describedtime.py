"""A question's time that describes its thing, and a date asked within a month it names."""

from __future__ import annotations

import pytest

from qa.dateasked import as_precise, asks_day_within
from qa.describedtime import time_describes


@pytest.mark.parametrize(
    ("question", "describes"),
    [
        (
            "When did the committee launch the new Pledge, the one the children in care council rewrote in 2015?",
            True,
        ),
        ("When was the strategy, which the board agreed in 2019, first reviewed?", True),
        ("When was the new Pledge launched – the one the council rewrote in summer 2015?", True),
        ("When did the committee meet in 2015?", False),  # the time asked
        ("Which councillor chaired the meeting in 2015?", False),  # no date asked
        ("When was the report approved?", False),
    ],
)
def test_a_time_in_a_clause_describing_the_thing_asked_is_not_the_time_asked(question, describes):
    assert time_describes(question) is describes


def test_a_date_asked_within_a_month_lies_in_that_month() -> None:
    asked = "On what date in November 2019 did Cabinet approve the final business case?"
    assert asks_day_within(asked)
    assert as_precise("12 November 2019", asked)
    assert not as_precise("July 2019", asked)  # another month's
    assert not as_precise("21/08/2019", asked)
    assert not as_precise("12 November 2018", asked)  # the named year's November only
    assert as_precise("July 2019", "When did Cabinet approve the initial business case?")
    assert not asks_day_within("When did Cabinet approve it, according to the November 2019 report?")
