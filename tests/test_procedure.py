"""A clause that only receives a report is procedure: the clause resolving something else is the decision."""

from __future__ import annotations

import pytest

from qa.procedure import receives_only
from qa.reader import Reader

_MINUTES = (
    "Minutes of the Council meeting held on 26 May 2014\n\n"
    "Present: Mayor Farbridge, Councillors Bell, Burcher and Dennis\n\n"
    "Donation Bins and Publication Dispensing Boxes\n\n"
    "1. That the Operations Committee Report regarding the licensing of Donation Bins dated May 6, 2014 "
    "be received.\n"
    "2. That staff be directed to create a Donation Bin category within the Business Licence By-law; and "
    "that public consultation be undertaken on appropriate regulations for the category.\n"
    "Moved by Councillor Bell\nSeconded by Councillor Burcher\nCarried\n"
)


@pytest.mark.parametrize(
    ("clause", "procedural"),
    [
        ("That the Operations Committee Report dated May 6, 2014 be received.", True),
        ("1. That the report be noted.", True),
        ("That the report be received for information.", True),
        ("That staff be directed to create a Donation Bin category.", False),
        ("That the report be received and the recommendations be approved.", False),
        ("The report was received by the committee.", False),
    ],
)
def test_a_clause_that_only_receives_or_notes_a_report_is_procedure(clause: str, procedural: bool) -> None:
    assert receives_only(clause) is procedural


def test_the_decision_asked_is_the_clause_that_resolves_something(fake_embedder):
    from test_reader import _retrieval

    question = "donation bins licensing decision"
    reading = Reader(fake_embedder).read(_retrieval(question, [_MINUTES], fake_embedder))
    read = [r.candidate.text for r in reading.candidates]
    assert any("create a Donation Bin category" in text for text in read)
    assert not any(receives_only(text) for text in read)
