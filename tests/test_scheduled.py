"""What was put off or put down for later: the sentence giving the day it was put down for."""

from __future__ import annotations

import pytest

from index.passage import Passage
from qa.candidate import Candidate
from qa.scheduled import gives_set_day, set_days


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("(i) a progress report would be scheduled for 6 months' time (8 January 2020);", True),
        ("The item was deferred to the meeting of 14 March 2023.", True),
        ("Consideration was put back to March 2024.", True),
        # the day it was agreed on stands before it; the next cell's date is when the row was logged
        (
            "10 July 2019 Care Leavers | Agreed that a report be scheduled in 6 months' time. | Date: July 2019",
            False,
        ),
        ("Date of meeting: 11 September 2019", False),  # a masthead puts nothing off
        ("On 4 May 2022 the hearing was postponed.", False),
    ],
)
def test_a_day_put_down_for_is_given_after_saying_so_in_the_same_cell(sentence, gives):
    assert gives_set_day(sentence) is gives


def _candidates(*texts: str) -> list[Candidate]:
    passage = Passage(
        1, " ".join(texts), None, 1, 1, "m.pdf", "Minutes", "Testshire", None, None, "day", "minutes"
    )
    return [Candidate(text, None, None, passage, 0, frozenset()) for text in texts]


def test_a_meeting_asked_when_it_is_scheduled_is_told_by_its_listed_day() -> None:
    listed, put_off = _candidates(
        "Monthly Meeting Dates: November 21, 2019",
        "The January 2020 meeting is tentatively scheduled for 1/23/2020",
    )
    found = [listed, put_off]
    assert set_days(found, "On what date is the November 2019 meeting scheduled?") == found
    assert set_days(found, "For which meeting was the progress report on roads scheduled?") == [put_off]


def test_the_verb_schedule_asks_the_day_put_down_for_and_the_noun_does_not() -> None:
    logged, put_down = _candidates(
        "10 July 2019 Care Leavers | Agreed that a progress report would be scheduled. | Date: July 2019",
        "(i) progress report would be scheduled for 6 months' time (8 January 2020);",
    )
    found = [logged, put_down]
    asked = "For what date did the scrutiny committee schedule the progress report on Care Leavers?"
    assert set_days(found, asked) == [put_down]
    # a schedule of meetings or salaries is a paper, not a putting off
    assert set_days(found, "Per the 2019 schedule, what is the submittal deadline for December?") == found
    assert set_days(found, "When does the Salary Schedule and Benefit Update take effect?") == found


def test_an_item_to_be_discussed_on_a_day_is_set_for_that_day() -> None:
    assert gives_set_day(
        "(e) New Ofsted Framework – (impact on the framework) to be discussed on 13 November 2019;"
    )
    assert not gives_set_day("The framework was discussed on 13 November 2019.")
