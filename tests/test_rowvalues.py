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


WORK_PROGRAMME = "\n\n".join(
    f"Date of meeting: {day}\nAgenda item: {item}\nResponsible Officer: {officer}"
    for day, item, officer in (
        ("3 March 2021", "Highways Review", "Anya Brook"),
        ("3 March 2021", "Libraries Update", "Tom Reyes"),
        ("9 June 2021", "Play Areas", "Dee Marsh"),
        ("9 June 2021", "Budget Outturn", "Anya Brook"),
    )
)


def test_rows_named_by_a_date_answer_no_who_but_may_be_listed():
    passages = [_passage(WORK_PROGRAMME, "Work Programme", "Northgate Council")]
    q = "Who is the responsible officer for the Highways Review item?"
    assert _keys(q, passages) == []  # the date is no officer
    listed = rows_valued(passages, parse(q), occasions=True)
    assert [key for key, _ in listed] == ["3 March 2021 — Highways Review"]


def test_the_meetings_date_in_a_column_picks_no_rows_out():
    rows = "\n\n".join(
        f"Agenda item: {item}\nLead: {lead}\nDate of meeting: {day}"
        for item, lead, day in (
            ("Highways Review", "Anya Brook", "3 March 2021"),
            ("Libraries Update", "Tom Reyes", "9 June 2021"),
            ("Play Areas", "Dee Marsh", "14 September 2021"),
        )
    )
    passages = [_passage(rows, "Work Programme", "Northgate Council")]
    assert _keys("Who chaired the meeting on 3 March 2021?", passages) == []
    listed = rows_valued(passages, parse("Which items were taken on 3 March 2021?"), occasions=True)
    assert [key for key, _ in listed] == ["Highways Review — 3 March 2021"]


def test_a_row_the_question_names_by_its_key_or_name_cells_is_asked_of_not_picked_out():
    # 'Paul Anthony' (Other Names) and 'Doughty' name the row asked of: its description is asked, and no
    # row is picked out by the name's own cells (Clarke's 'Paul' is not Doughty's)
    passage = _passage(NOMINATED.replace("Ross", "Paul"), "STRENSALL WARD STATEMENT AS TO PERSONS NOMINATED")
    asked = "What party description is given for Paul Anthony Doughty on the statement of persons nominated?"
    assert _keys(asked, [passage]) == []
    assert _keys("Who stood for the Liberal Democrats in Strensall?", [passage]) == [
        "Fisher, Tony — Liberal Democrat",
        "Mason, Danielle Jade Louise — Liberal Democrat",
    ]
