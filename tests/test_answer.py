"""Answers with the fake embedder: time-aware status answers, cited sentences, the JSON shape, not_found."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import CITATION_KEYS

from index.passage import Passage
from index.settings import Settings
from qa.answer import Answer, Citation, format_date
from qa.composer import Composer
from qa.engine import CouncilQA

HEADER = "Pledge\tPortfolio Holder\tStatus"
# Rows longer than a quarter of the chunk budget: each row is a chunk of its own.
DETAIL = {
    "4": "The highways team has inspected every street, logged each defect in the asset register, and "
    "scheduled permanent repairs by priority so that the worst roads near schools and hospitals are "
    "done first, with weekly reports to the portfolio holder and the scrutiny panel on progress made.",
    "48": "The care leavers offer has been rewritten with young people, every personal adviser has been "
    "trained on the new offer, and a guaranteed work placement is now written into each pathway plan "
    "so that no young person leaves care without a route into training or paid employment.",
    "480": "Volunteers from the friends of parks groups chose the species, the tree officer checked every "
    "site for underground services, and the planting season ran from November to March so that the "
    "young trees had the best chance to establish before the dry summer months arrived.",
}
PROMISE = {
    "4": ("We will fix the potholes on every road in the city.", "Mark Lowry"),
    "48": ("We will support care leavers up to the age of 25.", "Jemima Laing"),
    "480": ("We will plant trees in every park.", "Sue Dann"),
}


def _row(number: str, status: str, detail: bool = True) -> str:
    promise, holder = PROMISE[number]
    return f"Pledge {number} - {promise}\t{holder}\t{status}" + (f" {DETAIL[number]}" if detail else "")


def _pledge_paper(first_line: str, rows: list[str]) -> str:
    return f"{first_line}\nPlymouth City Council\nPledges Update\n\n{HEADER}\n" + "\n".join(rows) + "\n"


MARCH = _pledge_paper(
    "CABINET 12 March 2019",
    [
        _row("4", "In Progress: Road repairs are underway across the city."),
        _row("48", "In Progress: Work experience placements are being created."),
        _row("480", "Completed: Trees were planted in every park."),
    ],
)
SEPTEMBER = _pledge_paper(
    "CABINET 10 September 2019",
    [
        _row("4", "Completed: All roads were repaired."),
        _row("48", "Completed: Every care leaver has been offered a work placement."),
    ],
)
EXETER = (
    "MINUTES OF THE COUNCIL\nExeter City Council\n5 June 2020\n\n"
    "Present: Councillors Smith and Jones.\n\n"
    "The council agreed the budget for the new swimming pool and the potholes programme.\n"
)

MARKER = re.compile(r"\[(\d+)\]")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _engine(tmp_path: Path, settings: Settings, fake_embedder, papers: dict[str, str]) -> CouncilQA:
    folder = tmp_path / "papers"
    folder.mkdir()
    for name, text in papers.items():
        (folder / name).write_text(text, encoding="utf-8")
    engine = CouncilQA(settings, embedder=fake_embedder)
    report = engine.ingest([str(folder)], progress=False)
    assert len(report.added) == len(papers) and not report.failed
    return engine


@pytest.fixture
def qa(tmp_path: Path, settings: Settings, fake_embedder) -> Iterator[CouncilQA]:
    engine = _engine(
        tmp_path,
        settings,
        fake_embedder,
        {"march.txt": MARCH, "september.txt": SEPTEMBER, "exeter.txt": EXETER},
    )
    yield engine
    engine.close()


def _pieces(text: str) -> list[str]:
    """The answer's sentences: it is cut after each citation marker."""
    return [piece + ("]" if not piece.endswith("]") else "") for piece in text.split("] ")]


QUESTIONS = [
    "What is the status of Pledge 48?",
    "What was the status of Pledge 48 in March 2019?",
    "How has the status of Pledge 4 changed over time?",
    "Who is the portfolio holder for Pledge 48?",
    "What did the council agree about the swimming pool?",
    "What is the status of Pledge 480?",
]


# --- status answers -----------------------------------------------------------------------------


def test_status_answer_leads_with_newest_paper(qa: CouncilQA) -> None:
    answer = qa.ask("What is the status of Pledge 48?")
    assert answer.status == "answered"
    first, second = _pieces(answer.text)
    assert first.startswith(
        "As of 10 September 2019: Completed — Every care leaver has been offered a work placement."
    )
    assert first.endswith("[1]")
    assert second.startswith(
        "Earlier, as of 12 March 2019: In Progress — Work experience placements are being created."
    )
    assert second.endswith("[2]")
    assert Path(answer.citations[0].source).name == "september.txt"
    assert Path(answer.citations[1].source).name == "march.txt"
    assert answer.citations[0].date == dt.date(2019, 9, 10)
    assert answer.citations[1].date == dt.date(2019, 3, 12)
    assert "Pledge 48 - " in answer.citations[0].text
    assert "Pledge 48 - " in answer.citations[1].text


STRANDS = (
    "Work placements are being created for care leavers. There are now two strands to this work: "
    "Ongoing work to ensure all 18-21 year olds have work experience opportunities to support them to "
    "achieve employment, overseen by the Virtual School and the education and training team, with "
    "quarterly reports to the corporate parenting group on the numbers placed and the feedback given."
)


def _pledge_tracker(month: str, status: str) -> str:
    return (
        f"CORPORATE PLEDGES UPDATE, {month.upper()} 2020\n\nPledge\tPortfolio Holder\tStatus\n"
        f"Pledge 48 - We will support care leavers.\tJo Laing\t{status}\n"
    )


def test_an_unchanged_status_cites_the_paper_it_dates_from_and_ends_no_list_intro_open(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    papers = {
        "january.txt": _pledge_tracker("January", "In Progress: placements being planned."),
        "may.txt": _pledge_tracker("May", f"In Progress: {STRANDS}"),
    }
    answer = _engine(tmp_path, settings, fake_embedder, papers).ask("What is the status of Pledge 48?")
    assert answer.text.startswith("In Progress since January 2020 (still in May 2020): ")
    # 'since January' is January's paper's word, 'still in May' May's: both cited, newest first
    assert answer.text.endswith(" [1][2]")
    assert [Path(c.source).name for c in answer.citations[:2]] == ["may.txt", "january.txt"]
    said = answer.text.removesuffix(" [1][2]")
    assert said.endswith("two strands to this work.")  # the items are left out, so no colon leads to none
    assert not re.search(r"[:;]\s*\[", answer.text)


def test_time_target_puts_the_older_statement_first(qa: CouncilQA) -> None:
    answer = qa.ask("What was the status of Pledge 48 in March 2019?")
    first, second = _pieces(answer.text)
    assert first.startswith(
        "As of 12 March 2019: In Progress — Work experience placements are being created."
    )
    assert first.endswith("[1]")
    assert second.startswith("Later, as of 10 September 2019: Completed — Every care leaver")
    assert second.endswith("[2]")
    assert Path(answer.citations[0].source).name == "march.txt"
    assert Path(answer.citations[1].source).name == "september.txt"


def test_time_target_covering_newest_keeps_newest_first(qa: CouncilQA) -> None:
    answer = qa.ask("What was the status of Pledge 48 in September 2019?")
    assert answer.text.startswith("As of 10 September 2019: Completed")


def test_year_target_takes_latest_paper_of_that_year(qa: CouncilQA) -> None:
    answer = qa.ask("What was the status of Pledge 4 in 2019?")
    assert answer.text.startswith("As of 10 September 2019: Completed — All roads were repaired.")
    assert (
        "Earlier, as of 12 March 2019: In Progress — Road repairs are underway across the city."
        in answer.text
    )


def test_single_paper_status_has_one_statement(qa: CouncilQA) -> None:
    answer = qa.ask("What is the status of Pledge 480?")
    assert answer.status == "answered"
    assert answer.text.startswith("As of 12 March 2019: Completed — Trees were planted in every park.")
    assert MARKER.findall(answer.text) == ["1"]
    assert "Earlier" not in answer.text and "Later" not in answer.text


def test_status_comes_from_the_row_of_the_asked_pledge(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    paper = _pledge_paper(
        "CABINET 12 March 2019",
        [
            _row("4", "In Progress: Road repairs are underway.", detail=False),
            _row("48", "Completed: Every care leaver has a placement.", detail=False),
            _row("480", "Delayed: Planting moved to next winter.", detail=False),
        ],
    )
    qa = _engine(tmp_path, settings, fake_embedder, {"short.txt": paper})
    assert (
        qa.store.db.execute("SELECT COUNT(*) FROM chunks WHERE text LIKE '%Pledge 48 -%'").fetchone()[0] == 1
    )
    assert qa.ask("What is the status of Pledge 48?").text == (
        "As of 12 March 2019: Completed — Every care leaver has a placement. [1]"
    )
    assert qa.ask("What is the status of Pledge 480?").text == (
        "As of 12 March 2019: Delayed — Planting moved to next winter. [1]"
    )


# --- fact answers -------------------------------------------------------------------------------


def test_fact_answer_quotes_the_cell_asked_for(qa: CouncilQA) -> None:
    answer = qa.ask("Who is the portfolio holder for Pledge 48?")
    assert answer.status == "answered"
    assert _pieces(answer.text)[0] == "Portfolio Holder: Jemima Laing (Pledge 48) [1]"
    assert "Pledge 48 - " in answer.citations[0].text


def test_the_identifier_is_named_after_the_answer_only_where_the_line_does_not_name_it(qa: CouncilQA) -> None:
    """The answer leads; the row it comes from is named after it, before its citation."""
    answer = qa.ask("Who is the portfolio holder for Pledge 48?")
    assert answer.text.startswith("Portfolio Holder: Jemima Laing (Pledge 48) [1]")
    assert "(Pledge 48)" not in qa.ask("What is Pledge 48?").text


def test_fact_answer_from_prose(qa: CouncilQA) -> None:
    answer = qa.ask("What did the council agree about the swimming pool?")
    assert answer.status == "answered"
    assert (
        answer.text
        == "The council agreed the budget for the new swimming pool and the potholes programme. [1]"
    )
    assert Path(answer.citations[0].source).name == "exeter.txt"
    assert answer.citations[0].date == dt.date(2020, 6, 5)


# --- markers, citations, JSON -------------------------------------------------------------------


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_sentence_ends_with_a_marker_that_exists(qa: CouncilQA, question: str) -> None:
    answer = qa.ask(question)
    assert answer.status == "answered"
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    for piece in _pieces(answer.text):
        assert re.search(r"\S \[\d+\]$", piece), piece
    assert {int(n) for n in MARKER.findall(answer.text)} <= set(numbers)
    # The first marker is [1], and markers appear in order of first use.
    used = list(dict.fromkeys(int(n) for n in MARKER.findall(answer.text)))
    assert used == list(range(1, len(used) + 1))


@pytest.mark.parametrize("question", QUESTIONS)
def test_json_shape(qa: CouncilQA, question: str) -> None:
    record = json.loads(json.dumps(qa.ask(question).to_dict()))
    assert set(record) == {"question", "read_as", "answer", "status", "citations"}
    assert record["read_as"] is None  # asked on its own, the question is read as asked
    assert record["question"] == question
    assert record["status"] == "answered"
    assert record["citations"]
    for citation in record["citations"]:
        assert set(citation) == CITATION_KEYS
        assert citation["date"] is None or DATE.match(citation["date"])
        assert isinstance(citation["n"], int) and isinstance(citation["score"], float)
        assert citation["text"]


def test_citation_json_values(qa: CouncilQA) -> None:
    answer = qa.ask("What is the status of Pledge 48?")
    record = answer.to_dict()
    first = record["citations"][0]
    assert first["n"] == 1
    assert first["source"] == answer.citations[0].source
    assert first["title"] == "Pledges Update"  # the paper's own heading; the council is not a title
    assert first["date"] == "2019-09-10"
    assert first["page"] is None  # a .txt paper without page markers
    assert first["text"].startswith("Pledge: Pledge 48 - ")
    assert record["citations"][1]["date"] == "2019-03-12"


def test_undated_citation_serialises_date_as_none() -> None:
    passage = Passage(7, "Some text.", None, 3, 4, "a.pdf", "A", None, None, None, "day", "other", 0.1234567)
    citation = Citation.of(2, passage)
    assert citation.to_dict() == {
        "n": 2,
        "source": "a.pdf",
        "title": "A",
        "date": None,
        "page": 3,
        "page_end": 4,
        "page_label": None,
        "page_label_end": None,
        "ocr": False,
        "text": "Some text.",
        "score": 0.123457,
    }
    assert format_date(None) == "an undated paper"


def test_format_date_precision() -> None:
    day = dt.date(2019, 9, 1)
    assert format_date(day) == "1 September 2019"
    assert format_date(day, "month") == "September 2019"
    assert format_date(day, "year") == "2019"


def test_top_k_sets_citation_count(qa: CouncilQA) -> None:
    assert len(qa.ask("What is the status of Pledge 48?", top_k=2).citations) == 2
    # Never fewer citations than the answer uses.
    assert len(qa.ask("What is the status of Pledge 48?", top_k=1).citations) == 2
    assert len(qa.ask("What is the status of Pledge 48?").citations) == 5


# --- not found and length -----------------------------------------------------------------------


def test_a_planning_application_no_paper_prints_is_not_found(tmp_path, settings, fake_embedder) -> None:
    minutes = (
        "Souldern Parish Council\nMinutes of the meeting held on 25 January 2024\n\n"
        "Planning applications\n\n"
        "23/03504/TCA Manor Farm: T1 x Horse Chestnut – proposal to reduce. APPROVED.\n\n"
        "23/03600/F Barn House: installation of a new car port. No objection.\n"
    )
    engine = _engine(tmp_path, settings, fake_embedder, {"minutes.txt": minutes})
    try:
        # another application's decision does not answer for one the papers do not hold
        missing = engine.ask("What did the parish council decide on planning application 23/03650/F?")
        assert missing.status == "not_found" and missing.text == "The papers do not mention 23/03650/F."
        held = engine.ask("What did the parish council decide on planning application 23/03504/TCA?")
        assert held.status == "answered" and "APPROVED" in held.text
    finally:
        engine.close()


def test_unknown_identifier_is_not_found(qa: CouncilQA) -> None:
    answer = qa.ask("What is the status of Pledge 99?")
    assert answer.status == "not_found"
    assert answer.text == "The papers do not mention Pledge 99."
    assert answer.citations == ()
    assert answer.to_dict() == {
        "question": "What is the status of Pledge 99?",
        "read_as": None,
        "answer": "The papers do not mention Pledge 99.",
        "status": "not_found",
        "citations": [],
    }


def test_unrelated_question_is_not_found(qa: CouncilQA) -> None:
    answer = qa.ask("How many zebras live at the aquarium?")
    assert answer.status == "not_found"
    # the reason is kept: nothing retrieved is on zebras
    assert answer.text == "The papers do not answer this question: nothing in the papers is on this topic."
    assert "[" not in answer.text  # nothing is asserted, so nothing is cited as support


def test_not_found_still_lists_the_closest_passages_as_leads(qa: CouncilQA) -> None:
    answer = qa.ask("How many zebras live at the aquarium?", top_k=3)
    assert len(answer.citations) <= 3
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


COVID_PAPER = (
    "CABINET 12 March 2021\nPlymouth City Council\n\n"
    "The COVID-19 recovery plan was agreed by Cabinet and will fund local businesses.\n"
)


def test_capitalised_word_and_number_is_not_a_missing_identifier(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    qa = _engine(tmp_path, settings, fake_embedder, {"covid.txt": COVID_PAPER})
    assert qa.ask("What is the COVID-19 recovery plan?").status == "answered"
    assert qa.ask("What is the Covid 19 recovery plan?").status == "answered"


def test_weekday_date_in_question_is_not_a_missing_identifier(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    qa = _engine(tmp_path, settings, fake_embedder, {"covid.txt": COVID_PAPER})
    assert qa.ask("What recovery plan was agreed on 12 March 2021?").status == "answered"
    assert qa.ask("What recovery plan was agreed on Tuesday 12 March 2021?").status == "answered"


@pytest.mark.parametrize("question", QUESTIONS)
def test_answer_is_at_most_80_words(qa: CouncilQA, question: str) -> None:
    answer = qa.ask(question)
    assert len(answer.text.split()) <= 80


def test_answer_record_is_frozen() -> None:
    answer = Answer("q", "a [1]", "answered", ())
    with pytest.raises(AttributeError):
        answer.text = "changed"  # type: ignore[misc]


TRANSCRIPT = """Committee meeting transcript, 4 March 2019
Children, Young People and Education Committee

Dawn Bowden AM: I wanted to ask you about the pay dispute in further education colleges, because
lecturers have now balloted for strike action and the committee wants to know what can be done.

Eluned Morgan AM: We are keeping a close eye on the negotiations between ColegauCymru and the unions,
and we have offered an independent chair for talks. Funding for a settlement has been set aside in the
budget, although the colleges employ the lecturers and they must agree the final offer themselves.
"""


def test_a_summary_draws_on_the_passage_that_follows(tmp_path: Path, fake_embedder) -> None:
    """The question is in one chunk and its reply in the next: a summary's pool takes in the reply."""
    settings = Settings(store=tmp_path / "store", max_tokens=50)
    engine = _engine(tmp_path, settings, fake_embedder, {"transcript.txt": TRANSCRIPT})
    question_chunk = next(p for p in engine.search("pay dispute lecturers strike") if "Dawn Bowden" in p.text)
    reply = engine.store.next_passage(question_chunk.chunk_id)
    assert reply is not None and "Eluned Morgan" in reply.text and "pay dispute" not in reply.text
    pool = engine.composer._with_what_follows([question_chunk])  # noqa: SLF001
    assert [p.chunk_id for p in pool] == [question_chunk.chunk_id, reply.chunk_id]
    again = [p.chunk_id for p in engine.composer._with_what_follows(pool)]  # noqa: SLF001
    assert again[:2] == [p.chunk_id for p in pool] and len(again) == len(set(again))  # nothing twice
    answer = engine.ask("Summarise what was said about the pay dispute and the lecturers' strike ballot.")
    assert answer.status == "answered"
    engine.close()


def _citation(page, page_end, label=None, label_end=None) -> Citation:
    passage = Passage(
        1, "t", None, page, page_end, "a.pdf", "A", None, None, None, "day", "other", 0.0, label, label_end
    )
    return Citation.of(1, passage)


def test_pages_text_gives_printed_numbers_beside_physical_pages() -> None:
    assert _citation(None, None).pages_text == "page not shown"
    assert _citation(4, 4).pages_text == "p. 4"
    assert _citation(4, 5).pages_text == "pp. 4–5"
    assert _citation(43, 43, "41").pages_text == "p. 41 (PDF p. 43)"
    assert _citation(43, 45, "41", "43").pages_text == "pp. 41–43 (PDF pp. 43–45)"


ITEMS = (
    "Northvale Borough Council\nLicensing Committee\nMinutes of the meeting held on 3 March 2021\n\n"
    "Min. 12/21 Premises Licence, The Anchor Inn, Harbour Row\n"
    "The licence was granted with a condition limiting outdoor music to 10pm.\n\n"
    "Min. 13/21 Street Trading Consent, Market Square\n"
    "Consent was refused because the pitch blocked the fire lane.\n\n"
    "Item 9(a) Taxi Fares Review\nThe committee kept the fares unchanged.\n"
)


@pytest.mark.parametrize(
    ("question", "says", "never"),
    [
        ("What was decided under Min. 12/21?", "outdoor music", "Market Square"),
        ("What was decided under Minute 13/21?", "fire lane", "Taxi Fares"),
    ],
)
def test_an_items_answer_is_its_own_text_not_the_next_items_title(
    tmp_path: Path, settings: Settings, fake_embedder, question: str, says: str, never: str
) -> None:
    engine = _engine(tmp_path, settings, fake_embedder, {"licensing.txt": ITEMS})
    answer = engine.ask(question)
    engine.close()
    assert says in answer.text and never not in answer.text


MINUTES_JULY = (
    "MINUTES OF THE SCRUTINY COMMITTEE\nTestshire County Council\n10 July 2019\n\n"
    "PRESENT: Councillor Ayers, in the Chair.\n\n"
    "The committee agreed the work programme for the year.\n"
)


def _answers(tmp_path, settings, fake_embedder, papers: dict[str, str], *questions: str) -> list[Answer]:
    engine = _engine(tmp_path, settings, fake_embedder, papers)
    try:
        return [engine.ask(q) for q in questions]
    finally:
        engine.close()


def test_a_meeting_date_no_paper_holds_is_declined_and_says_so(tmp_path, settings, fake_embedder) -> None:
    missing, held = _answers(
        tmp_path,
        settings,
        fake_embedder,
        {"july.txt": MINUTES_JULY},
        "Who chaired the Scrutiny Committee meeting on 9 October 2019?",
        "Who chaired the Scrutiny Committee meeting on 10 July 2019?",
    )
    assert missing.status == "not_found" and "meeting on 9 October 2019" in missing.text
    assert held.status == "answered" and "Ayers" in held.text


# A September pack: its own masthead, then the July meeting's minutes it reproduces for approval.
PACK_SEPTEMBER = (
    "Scrutiny Committee\nWednesday 11 September 2019\n2.00 pm\nWarspite Room, Council House\n\n"
    "Agenda item 1: Minutes of the previous meeting.\n\n"
    "Scrutiny Committee\nWednesday 10 July 2019\n\n"
    "PRESENT: Councillor Ayers, in the Chair.\n\n"
    "The committee agreed the work programme for the year.\n"
    "The meeting started at 10.00 am and finished at 12.15 pm.\n"
)


def test_a_time_is_of_the_meeting_and_the_moment_asked(tmp_path, settings, fake_embedder) -> None:
    # the pack holds a finish time, but of July's meeting, and September's start time
    july, start, finish = _answers(
        tmp_path,
        settings,
        fake_embedder,
        {"september.txt": PACK_SEPTEMBER},
        "What time did the 10 July 2019 scrutiny meeting finish?",
        "What time did the 11 September 2019 scrutiny meeting start?",
        "What time did the 11 September 2019 scrutiny meeting finish?",
    )
    assert july.status == "answered" and "finished at 12.15 pm" in july.text
    assert start.status == "answered" and "2.00 pm" in start.text and "10.00" not in start.text
    assert finish.status == "not_found" and "do not state what was asked" in finish.text


def test_a_figure_in_the_reproduced_minutes_is_of_their_meeting_not_the_packs(
    tmp_path, settings, fake_embedder
) -> None:
    pack = PACK_SEPTEMBER + (
        "\n13. Number of Children in Care - verbal update\n\n"
        "The Service Director advised Members that there were currently 417 children in the care of the Council.\n"
    )
    (july,) = _answers(
        tmp_path,
        settings,
        fake_embedder,
        {"september.txt": pack},
        "How many children were in care according to the verbal update at the 10 July 2019 scrutiny meeting?",
    )
    # 'according to the verbal update at …' names where it was said, not what is counted
    assert july.status == "answered" and "417" in july.text
    # in the pack of the 11 September meeting, the minutes of 10 July are of 10 July
    minute = "13. Number of Children in Care - verbal update"
    july_minute = Passage(
        2, "417", minute, 1, 1, "a.txt", "Pack", "Testshire", None, dt.date(2019, 9, 11), "day", "agenda"
    )
    asked, held = dt.date(2019, 9, 11), dt.date(2019, 7, 10)
    assert Composer._dated(july_minute, asked, held).date == held
    assert Composer._dated(july_minute, dt.date(2019, 8, 1), held) is july_minute  # neither day asked
    assert Composer._dated(july_minute, asked, None) is july_minute  # no header found
    # a report later in the pack, under a heading of its own, stays of the pack's day
    report = replace(july_minute, heading="Children's Services Pledges")
    assert Composer._dated(report, asked, held) is report


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("Who chaired Plymouth's Cabinet meeting on 9 October 2019?", dt.date(2019, 10, 9)),
        ("According to the minutes of 9 May 2018, when is the next meeting?", dt.date(2018, 5, 9)),
        ("At the Guelph City Council meeting of 26 May 2014, who voted against?", dt.date(2014, 5, 26)),
        ("What time did the 11 September 2019 scrutiny meeting finish?", dt.date(2019, 9, 11)),
        ("Who was vice chair at the 10 July 2019 meeting?", dt.date(2019, 7, 10)),
        ("What did the report of 10 July 2019 say about the scrutiny meeting?", None),
        ("When does the agreement signed on 5 June 2024 expire?", None),
        ("What was the status of Pledge 7 in August 2019?", None),
        ("Who chaired the Corporate Parenting Committee on 23 February 2016?", dt.date(2016, 2, 23)),
        ("What did the Cabinet of 11 March 2026 decide on the finance team?", dt.date(2026, 3, 11)),
        # a body's name typed in lower case between the day and the meeting
        (
            "what time did the 11 September 2019 education and children's social care scrutiny meeting finish?",
            dt.date(2019, 9, 11),
        ),
        ("On 5 May 2020 the council said what about the cabinet?", None),
        # a weekday printed before the day
        ("At its meeting of Tuesday 3 June 2025, what did the council resolve?", dt.date(2025, 6, 3)),
        ("Who chaired the committee held on Wednesday, the 11 September 2019?", dt.date(2019, 9, 11)),
        ("Who was elected to Souldern Parish Council on 2 May 2019?", None),  # an election's day
        # the body that sat that day, named after the date
        (
            "Who sent apologies for the 11 September 2019 Education Overview and Scrutiny Committee?",
            dt.date(2019, 9, 11),
        ),
        ("What did the 5 May 2020 report say about the Derby Cabinet?", None),
        (
            "How many children were in care according to the update at the 11 September 2019 committee?",
            dt.date(2019, 9, 11),
        ),
        # minutes adopted at a later meeting: the meeting's day is asked about, whichever comes first
        (
            "Which resolution adopted the October 17, 2023 minutes at the council meeting of 14 November 2023?",
            dt.date(2023, 11, 14),
        ),
        (
            "At the meeting on 14 November 2023, were the minutes of 17 October 2023 approved?",
            dt.date(2023, 11, 14),
        ),
        ("What do the minutes of 10 July 2019 say about the budget?", dt.date(2019, 7, 10)),
    ],
)
def test_the_day_of_the_meeting_a_question_asks_about(question: str, day) -> None:
    from qa.query import meeting_day

    assert meeting_day(question) == day


def test_the_days_of_minutes_a_question_names() -> None:
    from qa.query import minutes_days

    assert minutes_days("Which resolution adopted the minutes of October 17, 2023?") == [
        dt.date(2023, 10, 17)
    ]
    of_meeting = "Which resolution adopted the minutes of the council meeting of November 14, 2023?"
    assert minutes_days(of_meeting) == [dt.date(2023, 11, 14)]
    confirmed = (
        "Who seconded confirming the May 26, 2014 minutes at the Guelph council meeting of June 23, 2014?"
    )
    assert minutes_days(confirmed) == [dt.date(2014, 5, 26)]
    assert minutes_days("Who chaired the meeting on 10 July 2019?") == []


# An agenda pack with two reports' cover sheets: each names its own author.
TWO_REPORTS = (
    "Scrutiny Committee\nWednesday 11 September 2019\n\n"
    "Date of meeting:\t11 September 2019\nTitle of Report:\tOfsted Improvement Plan Progress Report\n"
    "Lead Member:\tCouncillor Laing\nAuthor:\tSandy Magee (Head of Service)\n\n"
    "The plan's report on developing family hubs was written for Cabinet in June 2019.\n\n"
    "Date of meeting:\t11 September 2019\nTitle of Report:\tDeveloping Family Hubs\n"
    "Lead Member:\tCouncillor Laing\nAuthor:\tEmma Crowther, Strategic Commissioning Manager\n\n"
    "Family hubs bring services for families together in one building.\n"
)


@pytest.mark.parametrize(
    ("question", "author", "other"),
    [
        ("Who wrote the report on developing Family Hubs?", "Emma Crowther", "Sandy Magee"),
        ("Who authored the Ofsted Improvement Plan Progress Report?", "Sandy Magee", "Emma Crowther"),
    ],
)
def test_who_wrote_a_report_is_its_own_cover_sheets_author(
    tmp_path, settings, fake_embedder, question: str, author: str, other: str
) -> None:
    (answer,) = _answers(tmp_path, settings, fake_embedder, {"pack.txt": TWO_REPORTS}, question)
    assert answer.status == "answered" and author in answer.text and other not in answer.text
    assert "Title of Report" not in answer.text


DERBY_REPORT = (
    "CORPORATE PARENTING COMMITTEE\nDerby City Council\n23 February 2016\n\n"
    "The new Pledge was launched at a special Corporate Parenting Committee held in the Council Chamber "
    "on 26th January 2016.\n\n"
    "Progress will be reported by each department to the Corporate Parenting Committee in July 2016.\n"
)


def test_where_a_meeting_of_another_month_was_held_does_not_answer(tmp_path, settings, fake_embedder) -> None:
    july, january = _answers(
        tmp_path,
        settings,
        fake_embedder,
        {"derby.txt": DERBY_REPORT},
        "Where will the Corporate Parenting Committee meet in July 2016?",
        "Where was the Corporate Parenting Committee held in January 2016?",
    )
    assert july.status == "not_found" and "Council Chamber" not in july.text
    assert january.status == "answered" and "Council Chamber" in january.text.split("[1]")[0]


def test_a_report_with_no_cover_sheet_gets_no_other_reports_author(tmp_path, settings, fake_embedder) -> None:
    missing, progress = _answers(
        tmp_path,
        settings,
        fake_embedder,
        {"pack.txt": TWO_REPORTS},
        "Who wrote the report on child exploitation for the 11 September 2019 committee?",
        "Who is the author of the Ofsted Improvement Plan Progress Report?",  # 'Progress' asks no status
    )
    assert missing.status == "not_found" and "Magee" not in missing.text and "Crowther" not in missing.text
    assert progress.status == "answered" and progress.text.startswith("Author: Sandy Magee")
