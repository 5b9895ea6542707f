"""What a 'when' question dates: the happening's verb, and the verbs works are told by."""

from __future__ import annotations

import pytest

from qa.happenings import happening
from qa.relevance import stem


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("When will the gullies along Knockane Road be cleared?", "cleared"),
        ("when will the trees removed at The Square be replaced.", "replaced"),
        ("When will repairs of bridges in Doon start as the closure is causing problems?", "start"),
        ("When was the plan approved?", "approved"),
        ("By when will the report be published?", "published"),
    ],
)
def test_the_happening_a_when_question_dates(question, verb):
    assert stem(verb) in happening(question)


def test_works_undertaken_are_told_by_any_verb_of_works():
    asked = happening("When are footpath renewal works scheduled to be undertaken at Churchview?")
    assert {stem("carried"), stem("completed"), stem("undertaken")} <= asked


def test_a_paper_revised_is_told_by_any_verb_of_revising():
    asked = happening("When did the children in care council do the work of rewriting the Pledge?")
    assert {stem("updating"), stem("revised")} <= asked
    assert stem("updating") not in happening("When will the gullies be cleared?")


def test_no_happening_outside_a_when_question():
    assert happening("Who cleared the gullies?") == frozenset()
    assert happening("When did the meeting take place?") == frozenset()  # a meeting's day: no verb of its own
    assert stem("carried") not in happening("When will the gullies be cleared?")  # only works' verbs widen
