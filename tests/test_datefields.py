"""A form's bare date field against a sentence telling the whole of what a 'when' question asks."""

from __future__ import annotations

from index.passage import Passage
from qa.answertype import expected
from qa.candidate import Candidate, asked_of
from qa.datefields import told_in_full
from qa.query import parse
from qa.relevance import stems


def _candidate(text: str, label: str | None = None) -> Candidate:
    passage = Passage(
        1, text, None, 1, 1, "r.txt", "Report", "Plymouth City Council", None, None, "none", "report"
    )
    return Candidate(text, label, None, passage, 0, frozenset({"date"}))


def _asked(question: str):
    return asked_of(question, expected(question), {s: 1.0 for s in stems(question)}, parse(question).time)


FIELD = _candidate("21/08/2019", "Date approved")  # a sign-off box's: the report's own approval
TOLD = _candidate(
    "An initial business case was approved by Cabinet in July 2019, to carry out engagement on Family Hubs."
)


def test_a_sign_off_date_gives_way_to_a_sentence_telling_the_act_asked_with_its_thing():
    asked = _asked(
        "When did Plymouth's Cabinet approve the initial business case for Family Hubs engagement?"
    )
    assert told_in_full([FIELD, TOLD], asked) == [TOLD]


def test_a_date_field_stays_where_no_sentence_tells_most_of_the_question():
    asked = _asked("When was the report approved?")
    vague = _candidate("The plan was approved in July 2019.")
    assert told_in_full([FIELD, vague], asked) == [FIELD, vague]
    assert told_in_full([FIELD], _asked("When did Cabinet approve the business case?")) == [FIELD]
