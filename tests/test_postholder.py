"""Who a sentence marks as a post's holder: the name the post is printed against."""

from __future__ import annotations

from index.passage import Passage
from qa.candidate import Candidate
from qa.postholder import chair_holder, held_as_asked
from qa.posts import asked_post
from qa.spans import spans

PRESENT = "Alan Smith (AS)[Chair] Katie Draper (KD) Hugh Dunn (HD)"


def _candidates(text: str) -> list[Candidate]:
    passage = Passage(
        1, text, None, 1, 1, "m.pdf", "Minutes", "Souldern Parish Council", None, None, "day", "minutes"
    )
    found = spans(text)
    kinds = frozenset(s.kind for s in found)
    sentence = Candidate(text, None, None, passage, 0, kinds)
    return [sentence, *(Candidate(text, None, s, passage, 0, kinds) for s in found if s.kind == "person")]


def test_the_chair_is_the_name_it_is_printed_against():
    assert chair_holder(PRESENT).text == "Alan Smith"
    assert chair_holder("Chair: Cllr Ann Bell; Clerk: Cathy Fleet").text == "Cllr Ann Bell"
    assert chair_holder("Katie Draper and Hugh Dunn attended.") is None


def test_a_neighbour_of_the_chair_in_a_list_of_those_present_is_no_chair():
    question = "Who chaired the meeting of 25 January 2024?"
    kept = held_as_asked(_candidates(PRESENT), question)
    assert [c.span.text for c in kept if c.span] == ["Alan Smith"]
    # asked the new chair after the one it names, the list marking that one answers nothing
    assert asked_post("Who was chosen as the new Chair after Alan Smith resigned?") == "chair"
    assert (
        held_as_asked(_candidates(PRESENT), "Who was chosen as the new Chair after Alan Smith resigned?")
        == []
    )
