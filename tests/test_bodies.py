"""Bodies and councils named in questions: found in the question, matched loosely in the papers,
declined when no paper names them; a council named picks its own papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.filters import Filters
from index.passage import Passage
from index.settings import Settings
from qa.bodies import named_bodies, named_places, near_query, of_named_committee
from qa.engine import CouncilQA

MINUTES = (
    "Northvale Borough Council\nChildren & Young People's Committee\n"
    "Minutes of the meeting held on 3 March 2021\n\n"
    "Present: Councillor Ann Price (in the Chair), Councillors Bell and Hart.\n\n"
    "The committee agreed the new fostering allowances for 2021/22.\n"
)


@pytest.mark.parametrize(
    ("question", "bodies"),
    [
        (
            "Who chairs Plymouth City Council's Licensing Committee?",
            ("Plymouth City Council", "Licensing Committee"),
        ),
        ("Who chairs Derby's Children in Care Council?", ("Children in Care Council",)),
        # a council's cabinet is no name a paper prints whole
        ("In the Gloucester City Council Cabinet report, who?", ("Gloucester City Council",)),
        ("What did the Planning Sub-Committee decide?", ("Planning Sub-Committee",)),
        # a bare noun names no particular body; an opening word is no part of a name
        ("Has the Council approved the budget?", ()),
        ("What did Cabinet decide on 9 October?", ()),
        ("Did Council agree it?", ()),
        # a post of the body is no part of the body's name
        (
            "Who was the Returning Officer for the Souldern Parish Council election?",
            ("Souldern Parish Council",),
        ),
        ("Who is the Chair of the Children in Care Council?", ("Children in Care Council",)),
        # a question opening on what it asks of the body ('Venue of …'), capitalised only as its first
        # word; an authority's word opens a name
        (
            "Venue of the Souldern Parish Council meeting held on 25 January 2024?",
            ("Souldern Parish Council",),
        ),
        ("Township of Nipissing Council resolution R2023-209?", ("Township of Nipissing Council",)),
        ("Minutes of the Licensing Committee of 3 May?", ("Licensing Committee",)),
        # a council's head by the post American and Canadian councils give it
        (
            "Who was appointed Speaker of Winnipeg City Council on 6 November 2013?",
            ("Winnipeg City Council",),
        ),
        # a quoted heading ends at its closing mark: no 'Play Area' body; a plural's possessive goes on
        (
            "Under the heading 'Play Area' in the Hertingfordbury Parish Council minutes, what share?",
            ("Hertingfordbury Parish Council",),
        ),
        ("What did the Members' Allowances Panel recommend?", ("Members' Allowances Panel",)),
    ],
)
def test_named_bodies(question: str, bodies: tuple[str, ...]) -> None:
    assert named_bodies(question) == bodies


def test_near_query_drops_small_words_and_quotes_each_token() -> None:
    assert near_query("Children in Care Council") == 'NEAR("children" "care" "council", 6)'


def test_a_body_noun_shortened_in_print_still_names_the_body() -> None:
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")  # as index/schema.py
    rows = ["PRECINCT 0050003A: DAVE JONES STATE BD EQUALIZATION D1", "LICENSING CTTEE 3 MAY", "STATE PARK"]
    db.executemany("INSERT INTO t(x) VALUES (?)", [(r,) for r in rows])

    def hits(name: str) -> list[int]:
        return [r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (near_query(name),))]

    assert hits("State Board") == [1]
    assert hits("Licensing Committee") == [2]
    assert hits("State Park Board") == []


def _engine(tmp_path: Path, settings: Settings, fake_embedder, papers: dict[str, str]):
    folder = tmp_path / "papers"
    folder.mkdir()
    for name, text in papers.items():
        (folder / name).write_text(text, encoding="utf-8")
    qa = CouncilQA(settings, embedder=fake_embedder)
    qa.ingest([str(folder)], progress=False)
    yield qa
    qa.close()


@pytest.fixture
def engine(tmp_path: Path, settings: Settings, fake_embedder):
    yield from _engine(tmp_path, settings, fake_embedder, {"minutes.txt": MINUTES})


def test_a_body_no_paper_names_is_not_found(engine: CouncilQA) -> None:
    answer = engine.ask("Who chairs Northvale's Licensing Committee?")
    assert answer.status == "not_found"
    assert answer.text == "The papers do not mention the Licensing Committee."


def test_a_body_named_in_other_words_is_found(engine: CouncilQA) -> None:
    retrieval = engine.retriever.retrieve("Who chaired the Children and Young People Committee?")
    assert retrieval.query.bodies == ("Children and Young People Committee",)
    assert retrieval.unnamed == ()
    answer = engine.ask("Who chaired the Children and Young People Committee on 3 March 2021?")
    assert answer.status == "answered" and "Ann Price" in answer.text


def test_a_body_named_with_its_initials_is_found(engine: CouncilQA) -> None:
    from qa.bodies import unabbreviated

    # 'CYP' stands for words the paper prints in full
    assert unabbreviated("Northvale CYP Committee") == ("Northvale Committee", 3)
    assert unabbreviated("Social Care O&S Committee") == ("Social Care Committee", 2)
    assert unabbreviated("Licensing Committee") == ("Licensing Committee", 0)
    assert engine.retriever.retrieve("Who chaired the Northvale CYP Committee?").unnamed == ()
    assert engine.retriever.retrieve("Who chairs the Northvale Licensing Committee?").unnamed != ()


def test_a_place_named_before_the_body_it_lies_in_is_no_part_of_its_name() -> None:
    question = "Who was nominated for Strensall Ward in the City of York Council election of 2 May 2019?"
    assert named_bodies(question) == ("City of York Council",)


def test_a_body_outside_the_filters_is_unnamed(engine: CouncilQA) -> None:
    retrieval = engine.retriever.retrieve(
        "Who chaired the Children and Young People Committee?", Filters(council="Exeter City Council")
    )
    assert retrieval.unnamed == ("Children and Young People Committee",)


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("Who chairs Derby's Children in Care Council?", ("Derby",)),
        ("Who chaired Plymouth City Council's Licensing Committee?", ("Plymouth",)),
        # a council named in full is the one a question is put to, whose districts file their own papers
        ("Will Limerick City and County Council repair the bridge at Doon?", ()),
        # a person's possessive is no council's
        ("What became of Councillor Bell's amendment?", ()),
    ],
)
def test_named_places(question: str, places: tuple[str, ...]) -> None:
    assert named_places(question) == places


def _licensing(council: str, chair: str, others: str, outcome: str) -> str:
    return (
        f"{council}\nLicensing Committee\nMinutes of the meeting held on 3 March 2021\n\n"
        f"Present: Councillor {chair} (Chair), Councillors {others}.\n\n"
        f"The committee {outcome} the premises licence for the Red Lion.\n"
    )


@pytest.fixture
def two_councils(tmp_path: Path, settings: Settings, fake_embedder):
    papers = {
        "derby.txt": _licensing("Derby City Council", "Ann Price", "Bell and Hart", "granted"),
        "plymouth.txt": _licensing("Plymouth City Council", "Tom Reed", "Shaw and Hall", "refused"),
        "exeter.txt": "Exeter City Council\nPlanning Committee\nMinutes of the meeting held on 5 June 2020\n\n"
        "Present: Councillors Smith and Jones.\n\nThe committee approved the swimming pool plans.\n",
    }
    yield from _engine(tmp_path, settings, fake_embedder, papers)


def test_a_council_named_picks_its_own_papers(two_councils: CouncilQA) -> None:
    derby = two_councils.ask("Who chaired Derby's Licensing Committee on 3 March 2021?")
    plymouth = two_councils.ask("Who chaired Plymouth's Licensing Committee on 3 March 2021?")
    assert "Ann Price" in derby.text and "Tom Reed" not in derby.text
    assert "Tom Reed" in plymouth.text and "Ann Price" not in plymouth.text


def test_who_chaired_is_not_answered_by_a_list_of_those_present(two_councils: CouncilQA) -> None:
    answer = two_councils.ask("Who chaired Exeter's Planning Committee on 5 June 2020?")
    assert answer.status == "not_found" and "Smith" not in answer.text


def test_a_role_after_a_body_noun_is_no_body() -> None:
    assert named_bodies("Who is the Derby Cabinet Member for Children and Young People?") == ()
    assert named_bodies("What did the Council Leader say?") == ()


def test_a_place_before_a_bodys_name_may_be_left_off(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    paper = (
        "Plymouth City Council\nCabinet\n12 March 2019\n\n"
        "The report sets out the progress made over the year on each of the pledges to children in care, "
        "with the evidence gathered by officers across the service.\n\n"
        "The Corporate Parenting Board met twice and agreed the care leavers' offer.\n"
    )
    for qa in _engine(tmp_path, settings, fake_embedder, {"plymouth.txt": paper}):
        board = qa.ask("What did the Plymouth Corporate Parenting Board agree?")
        panel = qa.ask("What did the Plymouth Adoption Panel agree?")
    assert "do not mention" not in board.text
    assert panel.text == "The papers do not mention the Plymouth Adoption Panel."


def test_a_chair_line_is_of_its_own_committee():
    def paper(body: str | None) -> Passage:
        return Passage(
            1, "text", None, 1, 1, "m.pdf", "Minutes", "Plymouth City Council", body, None, "day", "minutes"
        )

    q = "Who chairs Plymouth's Health and Adult Social Care Overview and Scrutiny Committee?"
    education = paper("Education and Children's Social Care Overview and Scrutiny Committee")
    assert not of_named_committee(q, "Councillor Mrs Johnson, Chair", education)
    # the sentence naming the asked committee, or a paper of it or of no known body, may answer
    assert of_named_committee(
        q, "Cllr Kerswell chairs the Health and Adult Social Care Overview and Scrutiny Committee.", education
    )
    assert of_named_committee(q, "Councillor Mrs Johnson, Chair", paper("Health and Adult Social Care Panel"))
    assert of_named_committee(q, "Councillor Mrs Johnson, Chair", paper(None))
    assert of_named_committee("Who chaired the meeting?", "Councillor Mrs Johnson, Chair", education)


CABINET = (
    "Northvale Borough Council\nMinutes of the meeting held on 3 March 2021\n\n"
    "The Cabinet agreed the budget. The Planning Committee report was noted.\n"
)


@pytest.fixture
def cabinet(tmp_path: Path, settings: Settings, fake_embedder):
    yield from _engine(tmp_path, settings, fake_embedder, {"cabinet.txt": CABINET})


@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        # a place or a reference put before the body's name is no part of it
        ("What did the Northvale Cabinet agree?", ()),
        ("In the Northvale SP20-004 Planning Committee report, who objected?", ()),
        # left off, they leave a body the papers do not name, or a noun that names none
        ("Who chairs the Northvale Licensing Committee?", ("Northvale Licensing Committee",)),
        ("What did the Northvale SP20-004 Committee agree?", ("Northvale SP20-004 Committee",)),
    ],
)
def test_places_and_references_before_a_body_may_be_left_off(cabinet: CouncilQA, question, unnamed) -> None:
    assert cabinet.retriever.retrieve(question).unnamed == unnamed


def test_a_sentence_about_another_council_answers_nothing_asked_of_the_one_named() -> None:
    from qa.othercouncils import names_other_council

    councils = frozenset(
        {"Derby City Council", "Plymouth City Council", "Limerick City and County Council"}
        | {"Municipal District of Newcastle West"}
    )
    plymouth = "Plymouth City Council has agreed to waive council tax for care leavers from 1st April 2019."
    asked = "When did Derby City Council start exempting its care leavers from council tax?"
    assert names_other_council(asked, plymouth, councils)
    assert names_other_council("When did Derby's council start exempting care leavers?", plymouth, councils)
    # the council asked named too, no council named at all, or no council asked: it may answer
    assert not names_other_council(asked, "Derby City Council and Plymouth City Council agreed it.", councils)
    assert not names_other_council(asked, "Council tax is waived from 1st April 2019.", councils)
    assert not names_other_council("When was council tax waived for care leavers?", plymouth, councils)
    # a district of the council asked prints its place without 'Council'
    district = "The Municipal District of Newcastle West will resurface the road in 2019."
    assert not names_other_council("When will Limerick City Council resurface the road?", district, councils)
    assert names_other_council(
        "When will Limerick resurface the road?", "Newcastle West Council will.", councils
    )
