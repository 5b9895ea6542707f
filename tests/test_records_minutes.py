"""Records of minutes laid out as parish and city minutes are: a decision closing a paragraph of
discussion is that sentence; an agenda's 'To receive ...' item; a motion under an unnumbered heading
is under no numbered item; an upper-case venue; a closing time never read as the start; template 'to
be confirmed' text is not a draft; a printed resolution number picks the record; records read again
replace the old; printed page labels."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import FakeEmbedder
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from corpus.chunker import chunk_document
from corpus.document import Document, Metadata, Page
from corpus.recordset import extract_records
from index.records import backfill_records
from index.settings import Settings
from qa import cli
from qa.engine import CouncilQA
from qa.recordanswer import answer_from_records, read_question
from qa.recordrows import meeting_times

PARISH = """MINUTES OF THE ASHBY PARISH COUNCIL MEETING
HELD IN THE VILLAGE HALL
ON 25th January 2024

Present: Ann Lee (AL)[Chair], Tom Hart (TH)

01.24.01 Apologies

Apologies had been received from Sam Cole

01.24.02 Declarations of interest

There were no declarations of interest

01.24.03 To receive the minutes of the last parish council meeting

The minutes of the parish council meeting held on 30th November 2023 were agreed as a true record and
signed by the chair.

01.24.04 Public participation

Residents raised the state of the towpath. The gate is often left open and stock can stray onto
the lane. Signs have been put up. It was agreed that the PC will write to the trust about the gate.

01.24.05 Finance

The meeting closed at 8.50pm.

Minutes to be confirmed at the next meeting.
"""

CITY = """MINUTES OF THE CITY COUNCIL MEETING HELD ON 26 MAY 2014

C.2014.31 Labour Relations or Employee Negotiations

Rise from Closed Meeting

Regular Business Meeting

Audit Committee Second Consent Report

1. Moved by Councillor Guthrie

Seconded by Councillor Kovach

That the Audit Committee Second Consent Report be adopted.

CARRIED

GOV-2014.9 Council Remuneration

Main Motion

2. Moved by Councillor Hofland

Seconded by Councillor Burcher

That the salary of the Mayor be set.

CARRIED

Notice of Motion

Councillor Laidlaw gave notice of motions to a later meeting on:

1. the tree by-law as it applies to lots of 0.2 hectare and larger;

2. Pipeline application.

3. Moved by Councillor Guthrie

Seconded by Councillor Burcher

That the meeting be recessed.

CARRIED
"""


def _records(text: str, date=dt.date(2024, 1, 25)):
    document = Document(
        "d", "m.pdf", Metadata(body="Parish Council", date=date, doc_type="minutes"), (Page(text, 1),)
    )
    return extract_records(document, chunk_document(document, lambda t: len(t.split()), 120))


def test_a_decision_closing_a_discussion_is_its_own_sentence_under_its_own_item() -> None:
    records = _records(PARISH)
    by_item = {m.item.number: m for m in records.motions if m.item}
    decided = by_item["01.24.04"]
    assert decided.text.value.startswith("It was agreed that the PC will write to the trust")
    assert "towpath" not in decided.text.value and "towpath" in decided.passage  # the passage keeps it
    assert decided.outcome.value == "carried"
    # 'To receive the minutes' is the agenda's item, numbered after 01.24.02: the confirmation is filed there
    assert by_item["01.24.03"].text.value.startswith("The minutes of the parish council meeting")
    assert "01.24.02" not in by_item


def test_parish_header_venue_closing_time_and_no_draft_claimed() -> None:
    meeting = _records(PARISH).meeting
    assert meeting.venue.value.casefold() == "the village hall"
    assert meeting.start_time is None and meeting.end_time.value == "8.50pm"
    assert meeting.status is None  # 'to be confirmed' is template text; the paper never says draft
    assert meeting_times(None, "8.50pm") == "closed 8.50pm"
    assert meeting_times("7.30pm", None) == "from 7.30pm"
    assert meeting_times("7.30pm", "8.50pm") == "7.30pm–8.50pm"


def test_a_motion_under_an_unnumbered_heading_is_under_no_earlier_item() -> None:
    records = _records(CITY, dt.date(2014, 5, 26))
    first, second, third = records.motions
    assert first.mover.value == "Councillor Guthrie" and first.item is None
    assert second.item.number == "GOV-2014.9"  # 'Main Motion' is a sub-heading inside the item
    # '2. Pipeline application.' goes on a list whose entry above ends in ';': an entry, not an item
    assert [i.number for i in records.items] == ["C.2014.31", "GOV-2014.9"]
    assert third.item is None and third.text.value == "That the meeting be recessed"


NUMBERED = """MINUTES OF THE TOWNSHIP COUNCIL MEETING HELD ON 14 NOVEMBER 2023 AT 6:30 P.M.

R2023-207 S. Kirkey, T. Butler:

THAT we direct staff to prepare a bag limit program for the landfill sites.

Carried.

R2023-208 S. Kirkey, S. Foote:

THAT we approve the strategic plan for 2023-2026 as presented.

Carried.
"""


def test_a_printed_resolution_number_picks_its_record(tmp_path) -> None:
    assert read_question("Who moved resolution R2023-208?").ids == frozenset({"r2023208"})
    assert read_question("Who moved the motion about 10 parking spaces?").ids == frozenset()
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "minutes.txt").write_text(NUMBERED, encoding="utf-8")
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    question = "Who moved resolution R2023-208?"
    answer = answer_from_records(engine.store, question, engine.retriever.retrieve(question))
    assert answer is not None and "strategic plan" in answer.text
    assert "S. Kirkey, S. Foote" in answer.text and "without saying who moved" in answer.text
    # a resolution the minutes never print is not answered with another's record, but declined as unheld
    unprinted = "Who moved resolution R2023-217 on the strategic plan at the meeting of 14 November 2023?"
    assert answer_from_records(engine.store, unprinted, engine.retriever.retrieve(unprinted)) is None
    assert engine.ask(unprinted).text == "The papers do not mention R2023-217."
    # reading a paper's records again (a newer reader) replaces them, never adds a second copy
    db = engine.store.db
    with db:
        db.execute("UPDATE documents SET records = 0")
        assert backfill_records(db) == 1
    assert db.execute("SELECT COUNT(*) FROM motions").fetchone()[0] == 2
    assert db.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] == 1


def _paged_pdf(path: Path) -> None:
    """Two pages printed as pages 4 and 5 of a larger pack."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    lines = [
        [
            "MINUTES OF THE PLANNING COMMITTEE HELD ON 13 MARCH 2018",
            "1. Parking",
            "Moved by Cllr Green, seconded by Cllr Brown, that charges be reviewed.",
            "CARRIED",
        ],
        [
            "2. Library",
            "Moved by Cllr Patel, seconded by Cllr Brown, that the library open on Sundays.",
            "LOST",
        ],
    ]
    for printed, page in zip((4, 5), lines, strict=True):
        for i, line in enumerate(page):
            pdf.drawString(72, 760 - 24 * i, line)
        pdf.drawString(280, 30, f"Page {printed}")
        pdf.showPage()
    pdf.save()


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=FakeEmbedder()))
    store = str(tmp_path / "store")
    return lambda *args: cli.main([*args, "--store", store])


def test_decision_rows_give_the_printed_page_as_citations_do(run, capsys, tmp_path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    _paged_pdf(folder / "minutes.pdf")
    run("ingest", str(folder), "--quiet")
    capsys.readouterr()
    assert run("decisions", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["page"], r["page_label"]) for r in rows] == [(1, "4"), (2, "5")]
    assert run("decisions") == 0
    text = capsys.readouterr().out
    assert "p. 4 (PDF p. 1)" in text and "p. 5 (PDF p. 2)" in text


def test_a_record_answer_comes_from_the_papers_of_the_council_the_question_names(tmp_path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    minutes = (
        "MINUTES OF THE {place} CITY COUNCIL MEETING HELD ON 26 MAY 2014\n\n"
        "GOV-2014.9 Council Remuneration\n\n1. Moved by Councillor {mover}\n\nSeconded by Councillor {seconder}\n\n"
        "That the remuneration report be adopted.\n\nCARRIED\n"
    )
    (folder / "guelph.txt").write_text(minutes.format(place="GUELPH", mover="Dennis", seconder="Piper"))
    (folder / "winnipeg.txt").write_text(minutes.format(place="WINNIPEG", mover="Nordman", seconder="Steen"))
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    councils = {p.council for p in engine.store.passages(list(range(1, 10)))}
    assert {"Guelph City Council", "Winnipeg City Council"} <= councils
    for place, mover in (("winnipeg", "Nordman"), ("guelph", "Dennis")):
        question = f"who moved the remuneration report at {place} council?"
        answer = answer_from_records(engine.store, question, engine.retriever.retrieve(question))
        assert answer is not None and f"Councillor {mover} moved" in answer.text


def test_records_are_read_only_from_the_papers_of_the_council_named() -> None:
    from index.passage import Passage
    from qa.bodies import of_named_council

    def passage(cid: int, council: str | None) -> Passage:
        return Passage(
            cid, "text", None, 1, 1, f"p{cid}.pdf", "Minutes", council, None, None, "day", "minutes"
        )

    found = [passage(1, "Guelph City Council"), passage(2, "City of Winnipeg"), passage(3, None)]
    kept = of_named_council("who moved motion no. 1 at winnipeg council?", found, lambda p: p)
    assert [p.chunk_id for p in kept] == [2, 3]
    assert of_named_council("who moved motion no. 1?", found, lambda p: p) == found


def test_a_bodys_chair_is_no_meetings_chair():
    from qa.recordanswer import read_question

    # the chair of a committee the paper reports on is told in the paper's words, not by the meeting's record
    assert (
        read_question("Who chaired the citizens' committee that looked at Guelph council pay in 2014?")
        is None
    )
    assert read_question("Who chaired the Citizens Review Committee?") is None
    # a committee's meeting, by that word or by its day, is a meeting
    assert read_question("Who chaired the Planning Committee meeting?").want == "chair"
    assert read_question("Who chaired the Planning Committee on 10 July 2019?").want == "chair"
    assert read_question("Who chaired the meeting of the Scrutiny Board?").want == "chair"


def test_one_sessions_time_is_no_meetings_time():
    from qa.recordanswer import read_question

    # a meeting record keeps when the meeting began and ended, not its open or closed part
    assert read_question("At what time did the open meeting begin after the closed meeting rose?") is None
    assert read_question("What time did the closed session end?") is None
    assert (
        read_question("What time did the Guelph City Council meeting of 26 May 2014 begin?").want
        == "start_time"
    )


def test_apologies_asked_of_a_dated_meeting_come_from_its_minutes(tmp_path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "january.txt").write_text(PARISH)
    (folder / "march.txt").write_text(
        PARISH.replace("25th January 2024", "21st March 2024").replace(
            "Apologies had been received from Sam Cole", "Cllrs Ruth Amos and Ian Pike"
        )
    )
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    for day, said in (
        ("25 January 2024", "Apologies had been received from Sam Cole"),
        ("21 March 2024", "were received from Cllrs Ruth Amos and Ian Pike"),
    ):
        question = f"Who sent apologies to the Ashby Parish Council meeting of {day}?"
        answer = answer_from_records(engine.store, question, engine.retriever.retrieve(question))
        assert answer is not None and said in answer.text and day in answer.text
    assert (
        read_question("Which councillors gave apologies for absence at the 10 July 2019 meeting?").want
        == "apologies"
    )
    # apologies named in passing are no question about them
    assert (
        read_question("Councillor Murphy sent apologies to the July meeting. Who sat as vice chair?") is None
    )
    # a meeting whose minutes record no apologies is left to the reader
    question = "Who sent apologies to the Ashby Parish Council meeting of 30 November 2023?"
    assert answer_from_records(engine.store, question, engine.retriever.retrieve(question)) is None


def test_a_list_opening_a_chunk_is_cited_to_that_chunk() -> None:
    """'09. APOLOGIES FOR ABSENCE' opening a chunk: the blank line before the label is the last chunk's
    end, and the apologies are cited to the chunk printing them."""
    text = (
        "MINUTES OF THE ASHBY PARISH COUNCIL MEETING HELD ON 25th January 2024\n\n"
        "PRESENT: Cllrs Ann Lee and Tom Hart\n\n"
        + "Cllr Lee was re-elected as Chairman of the Parish Council, proposed and seconded. " * 12
        + "\n\n09. APOLOGIES FOR ABSENCE\n\nCllrs Sam Cole and Ruth Amos\n\n10. MINUTES\n\nAgreed as a true record."
    )
    document = Document(
        "d",
        "m.pdf",
        Metadata(body="Parish Council", date=dt.date(2024, 1, 25), doc_type="minutes"),
        (Page(text, 1),),
    )
    chunks = chunk_document(document, lambda t: len(t.split()), 60)
    meeting = extract_records(document, chunks).meeting
    assert meeting.apologies.value == "Cllrs Sam Cole and Ruth Amos"
    cited = next(c for c in chunks if c.position == meeting.apologies.where.chunk)
    assert "Cllrs Sam Cole and Ruth Amos" in cited.text


def test_minutes_saying_there_were_no_apologies_answer_whether_any_were_sent(tmp_path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "june.txt").write_text(
        PARISH.replace("25th January 2024", "3rd June 2025").replace(
            "Apologies had been received from Sam Cole",
            "There were no apologies, all the members being present.",
        )
    )
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    for question in (
        "Were any apologies for absence received at the Ashby Parish Council meeting held on 3 June 2025?",
        "Who sent apologies to the Ashby Parish Council meeting of 3 June 2025?",
    ):
        answer = answer_from_records(engine.store, question, engine.retriever.retrieve(question))
        assert answer is not None and answer.text.startswith("There were no apologies, all the members")
        assert "There were no apologies" in answer.citations[0].text
    # 'there were no …' under another list's label is no list
    nobody = _records(
        PARISH.replace("Present: Ann Lee (AL)[Chair], Tom Hart (TH)", "Present: There were none")
    )
    assert nobody.meeting.present is None


NORTHGATE = """Minutes of Northgate City Council

Meeting held on Monday 26 May 2014 at 7:00 p.m.

Moved by Councillor Hale
Seconded by Councillor Dunn

That the April 2014 report of the Northgate City Council Finance Committee be adopted.

Carried

Moved by Councillor Ross
Seconded by Councillor Wynn

That the minutes of the meeting held on April 14, 2014 be confirmed.

Carried
"""


def test_a_motion_is_matched_by_its_matter_not_the_council_every_motion_names(tmp_path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "minutes.txt").write_text(NORTHGATE, encoding="utf-8")
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    question = (
        "Who seconded the motion confirming the April 14, 2014 minutes at the Northgate City Council meeting"
        " of 26 May 2014?"
    )
    assert read_question(question).date == "2014-05-26"
    answer = answer_from_records(engine.store, question, engine.retriever.retrieve(question))
    assert answer is not None and answer.text.startswith("Councillor Wynn seconded")


def test_an_outcome_is_said_in_the_word_the_minutes_print(tmp_path) -> None:
    """The record keeps 'lost' for a defeated motion; the answer says what the paper printed."""
    folder = tmp_path / "papers"
    folder.mkdir()
    minutes = (
        "Northgate City Council\n\nMinutes of the Council Meeting held on May 26, 2014\n\n"
        "Council Composition and Remuneration\n\nFirst Amendment\n\n11. Moved by Councillor Bell\nSeconded by "
        "Councillor Guthrie\n\n"
        "That Clause 1 be amended by changing the 55th percentile to the 50th percentile.\n\n"
        "VOTING IN FAVOUR: Councillors Bell, Guthrie, Kovach (3)\nVOTING AGAINST: Mayor Farbridge, Councillors "
        "Dennis, Furfaro, Hofland (4)\n\nDEFEATED\n"
    )
    (folder / "minutes.txt").write_text(minutes, encoding="utf-8")
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    question = "What was the outcome of the amendment changing the 55th percentile to the 50th percentile?"
    answer = answer_from_records(engine.store, question, engine.retriever.retrieve(question))
    assert answer is not None and " was defeated" in answer.text and " was lost" not in answer.text
