"""Irregular past forms are stemmed as their verb, so that a passage in the past holds a present question."""

from __future__ import annotations

import pytest

from qa.irregular import IRREGULAR, as_verb
from qa.relevance import coverage, stem


@pytest.mark.parametrize(
    ("form", "verb"),
    [
        ("overseen", "oversees"),
        ("wrote", "writes"),
        ("written", "write"),
        ("held", "holds"),
        ("withdrawn", "withdraws"),
    ],
)
def test_a_past_form_stems_as_its_verb(form: str, verb: str) -> None:
    assert stem(form) == stem(verb)


def test_words_that_are_also_other_words_are_left_alone() -> None:
    for word in ("left", "read", "rose", "drew", "led", "paid", "taken", "council"):
        assert as_verb(word) == word
    assert all(form != verb for form, verb in IRREGULAR.items())


def test_a_passive_sentence_covers_the_active_question() -> None:
    assert coverage("This is overseen by the Virtual School.", {"oversees": 1.0}) == 1.0
    assert coverage("The report was written by the Clerk.", {"wrote": 1.0}) == 1.0
