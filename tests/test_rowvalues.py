"""Rows a column's value picks out ('Who stood for the Liberal Democrats?'), keyed by their name cells."""

from __future__ import annotations

from index.passage import Passage
from qa.query import parse
from qa.rowvalues import rows_valued

NOMINATED = "\n\n".join(
    f"Surname: {surname}\nOther Names: {names}\nHome Address: {home}\nDescription (if any): {party}"
    for surname, names, home, party in (
        ("Bennett", "Ross", "Resides in the City of York Council area", "Green Party"),
        ("Doughty", "Paul Anthony", "Bramble Hedge House, Strensall", "Conservative Party Candidate"),
        ("Fisher", "Tony", "30 West End, Strensall", "Liberal Democrat"),
        ("Love", "Catherine Sarah", "12 Lesley Avenue, York", "Green Party"),
        ("Mason", "Danielle Jade Louise", "107 Albemarle Road, York", "Liberal Democrat"),
    )
)


def _passage(text: str, heading: str, council: str = "City of York Council") -> Passage:
    return Passage(1, text, heading, 1, 1, "sopn.pdf", "Statement", council, None, None, "none", "notice")


STRENSALL = _passage(NOMINATED, "STRENSALL WARD STATEMENT AS TO PERSONS NOMINATED")


def _keys(question: str, passages: list[Passage]) -> list[str]:
    return [key for key, _ in rows_valued(passages, parse(question))]


def test_a_value_the_question_says_picks_its_rows_out():
    q = "Who stood for the Liberal Democrats in Strensall Ward?"
    assert _keys(q, [STRENSALL]) == [
        "Fisher, Tony — Liberal Democrat",
        "Mason, Danielle Jade Louise — Liberal Democrat",
    ]
    assert _keys("Who are the Green Party candidates in Strensall?", [STRENSALL]) == [
        "Bennett, Ross — Green Party",
        "Love, Catherine Sarah — Green Party",
    ]
    # 'Party' is in most of the column's values: it picks out no row, nor does a word no value holds
    assert _keys("Which party candidates stood in Strensall?", [STRENSALL]) == []
    assert _keys("Who stood for the Yorkshire Party in Strensall?", [STRENSALL]) == []


def test_another_wards_rows_and_a_column_of_one_value_pick_out_nothing():
    other = _passage(
        NOMINATED.replace("Strensall", "Haxby"), "HUNTINGTON WARD STATEMENT AS TO PERSONS NOMINATED"
    )
    assert _keys("Who stood for the Liberal Democrats in Strensall Ward?", [other]) == []
    same = _passage("Surname: Fisher\nParty: Liberal Democrat\n\nSurname: Mason\nParty: Liberal Democrat", "")
    assert _keys("Who stood for the Liberal Democrats?", [same]) == []
