"""An age asked ('At what age …?') is a number printed as one: 'at 16', 'aged 18'."""

from __future__ import annotations

import datetime as dt

from index.passage import Passage
from qa.answertype import expected
from qa.candidate import Asked, Candidate, stems_of
from qa.query import parse
from qa.spans import spans
from qa.stopwords import STOPWORDS
from qa.typematch import type_near


def _passage(text: str) -> Passage:
    return Passage(
        1,
        text,
        None,
        1,
        1,
        "p.txt",
        "Plan",
        "Plymouth City Council",
        None,
        dt.date(2024, 1, 1),
        "day",
        "plan",
    )


def test_an_age_asked_is_a_number_printed_as_one():
    q = "At what age are Personal Advisers allocated, per the inspection findings?"
    sentence = "Children benefit from PAs being allocated to them at 16."
    passage = _passage(sentence)
    weights = {s: 2.0 for s in stems_of(q) if s not in STOPWORDS}
    candidate = Candidate(sentence, None, None, passage, 0, frozenset(s.kind for s in spans(sentence)))
    assert type_near(candidate, Asked(q, expected(q), weights, parse(q).time)) == 1.0
    other = "Caseloads were reduced by 16 over the year."
    unaged = Candidate(other, None, None, _passage(other), 0, frozenset(s.kind for s in spans(other)))
    assert type_near(unaged, Asked(q, expected(q), weights, parse(q).time)) < 1.0
