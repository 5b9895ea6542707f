"""A sentence or row naming a sibling of what the question names (short-term for long-term) is of another thing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qa.contrasts import contrasts_asked, names_sibling


def _sibling(question: str, text: str) -> bool:
    return names_sibling(text, contrasts_asked(question))


def test_the_short_term_row_is_no_answer_to_the_long_term_target():
    q = "What was the 2021/22 local target for long term placement stability?"
    assert _sibling(q, "Short Term Placement Stability of Children in Care (three moves) — Local Target: 12%")
    assert not _sibling(q, "Long-term Stability of Children in Care for 2.5 years — Local Target: 70%")
    assert not _sibling(q, "Placement stability improved across the year.")  # names no member


def test_a_meeting_of_another_frequency_is_another_meeting():
    q = "Who chairs the quarterly meeting the improvement plan is reported to?"
    assert _sibling(
        q, "Plans are monitored by the monthly Improvement Board chaired by the Service Director."
    )
    both = "The monthly board reports to the quarterly Assurance Meeting chaired by the Leader."
    assert not _sibling(q, both)


def test_a_question_naming_every_member_or_none_asks_of_no_one():
    assert not contrasts_asked("How did short-term and long-term stability change?").asked
    assert not contrasts_asked("Who chairs the improvement board?").asked


def test_members_count_only_where_they_name_the_thing():
    q = "How many primary schools were judged good?"
    assert _sibling(q, "Nine secondary schools were judged good.")
    assert not _sibling(q, "The secondary aim was to improve attendance.")  # not a school phase
    assert not _sibling("What is the primary reason given?", "Nine secondary schools were judged good.")
    assert _sibling("What is the capital budget for parks?", "The revenue budget for parks is £40,000.")
    assert not _sibling("What is the capital budget for parks?", "Capital FM ran the campaign.")


_MEMBERS = st.sampled_from(
    ["short-term", "long term", "weekly", "monthly", "quarterly", "minimum", "maximum"]
)


@given(_MEMBERS, st.text(alphabet="abc ", max_size=30))
def test_a_text_naming_the_asked_member_is_never_a_sibling(member: str, filler: str):
    question = f"What is the {member} figure?"
    assert not _sibling(question, f"{filler} the {member} figure and the others {filler}")
