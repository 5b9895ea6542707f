"""A list's entry asked by its position: the ordinal in the question, the marker on the line."""

from __future__ import annotations

import pytest

from index.passage import Passage
from qa.candidate import Candidate
from qa.ordinals import entries_asked, opens_entry, position_asked


@pytest.mark.parametrize(
    ("question", "position"),
    [
        ("What was the second thing the committee agreed on bullying?", 2),
        ("What was the committee's third recommendation on bullying?", 3),
        ("Which ILACS area for improvement is listed fourth?", 4),
        ("What is the 5th item on the agenda?", 5),
        ("Apart from inviting head teachers, what was point 3 of what the committee agreed?", 3),
        ("The inspection left a numbered list of areas for improvement. What is area number 4?", 4),
        ("What was agreed at point 3.2?", None),  # a paragraph's number
        ("What was the committee asked to do first about the departments' commitments?", 1),
        ("At what time did the first closed meeting begin?", None),  # an occasion, not an entry
        ("What happened to Councillor Bell's first amendment?", None),
        # positions that are no list's entry
        ("Which ordinances were on second reading?", None),
        ("What was spent in the third quarter?", None),
        ("When did the panel first meet?", None),
        ("When was the first meeting of the panel?", None),
        ("Is the house a second home?", None),
        ("What is the status of Pledge 2?", None),
    ],
)
def test_the_position_asked_is_an_ordinal_before_a_list_noun_or_after_listed(question, position):
    assert position_asked(question) == position


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("2. recommend to Officers", True),
        ("- 2.recommend to Officers", True),
        ("(2) to authorize funding", True),
        ("- (b) schools were required", True),
        ("b) schools were required", True),
        ("2.2 To agree the launch", True),  # the second under section 2
        ("2.2 million was spent", False),
        ("2 May 2019 was the date", False),
        ("2.5m was spent", False),
        ("20. Item twenty", False),
        ("(bb) not a letter", False),
    ],
)
def test_an_entry_opens_with_its_number_or_its_bracketed_letter(line, opens):
    assert opens_entry(line, 2) is opens


def _candidate(text: str, passage_text: str) -> Candidate:
    passage = Passage(
        1, passage_text, None, 1, 1, "m.pdf", "Minutes", "Testshire", None, None, "day", "minutes"
    )
    return Candidate(text, None, None, passage, 0, frozenset())


def test_the_entry_is_found_by_the_marker_its_passage_prints_before_it():
    listed = "1. That the report be received.\n\n2. That staff report back before the budget."
    first, second = (
        _candidate("That the report be received.", listed),
        _candidate("That staff report back before the budget.", listed),
    )
    assert entries_asked([first, second], "What was the second resolution?") == [second]
    # a cell's label after the marker ('4. Resolution: Council Direction …') is the entry's too
    agenda = "3. Presentation: Bridge results.\n4. Resolution: Council Direction on Funding."
    fourth = _candidate("Council Direction on Funding.", agenda)
    assert entries_asked([fourth], "What is the fourth item?") == [fourth]


def test_the_first_entry_is_read_off_a_list_printing_the_second_and_a_section_numbers_its_own():
    recommendation = (
        "RECOMMENDATION\n\n- 2.1 To accept the commitments made\n- 2.2 To agree the launch of the Pledge"
    )
    first = _candidate("2.1 To accept the commitments made", recommendation)
    second = _candidate("2.2 To agree the launch of the Pledge", recommendation)
    asked = "What was the committee asked to do first about the commitments?"
    assert entries_asked([first, second], asked) == [first]
    assert entries_asked([first, second], "What was the second recommendation?") == [second]
    # a paragraph of another section is no entry of this list
    stray = _candidate(
        "3.2 The budget is set.", "3.2 The budget is set.\n\n2.1 To accept the commitments made"
    )
    assert entries_asked([stray], "What was the second recommendation?") == []


def test_a_numbered_line_with_no_entry_before_it_is_no_list():
    stray = _candidate("2. Appropriate and transfer $108,000.", "2. Appropriate and transfer $108,000.")
    assert entries_asked([stray], "What was the second recommendation?") == []
    assert entries_asked([stray], "What was the recommendation?") == []


def test_entries_sharing_their_opening_words_are_told_apart_and_an_item_title_is_the_agendas_entry():
    agenda = (
        "3. APPROVE CITY POSITION ON FUNDING REALIGNMENT\n\n"
        "1. Ratify City position and accept City communication sent to the County Board;\n\n"
        "2. Authorize City Manager to communicate the City's position;\n\n"
        "3. Ratify City position and accept City communication sent to Valley Water in support;"
    )
    first = _candidate("Ratify City position and accept City communication sent to the County Board;", agenda)
    third = _candidate(
        "Ratify City position and accept City communication sent to Valley Water in support;", agenda
    )
    title = _candidate("APPROVE CITY POSITION ON FUNDING REALIGNMENT", "2. MINUTES\n\n" + agenda)
    found = [first, third, title]
    assert entries_asked(found, "What is point 3 of the recommendation on the funding realignment?") == [
        third
    ]
    assert title in entries_asked(found, "What is the third item on the agenda?")
