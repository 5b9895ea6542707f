"""A name ending in the noun a question asks by ('which trust') is put first among close candidates."""

from __future__ import annotations

from index.passage import Passage
from qa.answertype import expected
from qa.candidate import Asked, Candidate
from qa.namedkind import kind_named_first

REGISTER = "(b) Pupils were also monitored through a Local Authority register."
TRUST = "(a) The support service was delivered by the ACE Multi Academy Trust, who held the register."


def _candidates(*texts: str) -> list[Candidate]:
    passage = Passage(
        1, " ".join(texts), None, 1, 1, "m.pdf", "Minutes", "Testshire", None, None, "day", "minutes"
    )
    return [Candidate(text, None, None, passage, 0, frozenset()) for text in texts]


def _asked(question: str) -> Asked:
    return Asked(question, expected(question), {}, None)


def test_a_close_candidate_naming_the_kind_asked_goes_first() -> None:
    kept = _candidates(REGISTER, TRUST)
    asked = _asked("Which trust ran the support service and kept the register?")
    assert kind_named_first(kept, [0, 1], [0.020, 0.015], asked) == [1, 0]
    # far weaker, it stays where the scores put it
    assert kind_named_first(kept, [0, 1], [0.020, 0.005], asked) == [0, 1]


def test_the_order_stands_when_the_best_names_the_kind_or_none_does() -> None:
    kept = _candidates(TRUST, REGISTER)
    asked = _asked("Which trust ran the support service and kept the register?")
    assert kind_named_first(kept, [1, 0], [0.015, 0.020], asked) == [0, 1]
    assert kind_named_first(kept, [0, 1], [0.020, 0.015], asked) == [0, 1]
    # the question's own name ('the ACE Multi Academy Trust') is what it asks about, not an answer
    asked = _asked("Which trust took over from the ACE Multi Academy Trust?")
    assert kind_named_first(_candidates(REGISTER, TRUST), [0, 1], [0.020, 0.015], asked) == [0, 1]
    # a value's question is left alone
    asked = _asked("How many pupils were on the register?")
    assert kind_named_first(_candidates(REGISTER, TRUST), [0, 1], [0.020, 0.015], asked) == [0, 1]
