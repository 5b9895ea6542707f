"""'What is the status of Pledge 48?' answered from commitment records: the newest paper's status with
its history said once, the newest row cited first, a date in the question picking that time's statement,
'Pledge 4' never taken for 'Pledge 48', and the reader answering where no record fits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from corpus.commitments import STATUS_WORDS
from index.settings import Settings
from qa.engine import CouncilQA
from qa.recordanswer import answer_from_records

ROW48 = "Pledge 48 - We will support care leavers.\tJo Laing\t{}: work placements for care leavers.\n"
ROW4 = "Pledge 4 - We will fill potholes.\tAl Reed\tOn Track: 300 potholes filled.\n"


def _tracker(month: str, rows: str) -> str:
    return f"CORPORATE PLEDGES UPDATE, {month} 2020\n\nPledge\tPortfolio Holder\tStatus\n{rows}"


def _engine(tmp_path: Path, **papers: str) -> CouncilQA:
    folder = tmp_path / "papers"
    folder.mkdir()
    for name, text in papers.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    return engine


@pytest.fixture
def unchanged(tmp_path):
    engine = _engine(
        tmp_path,
        january=_tracker("JANUARY", ROW48.format("In Progress") + ROW4),
        may=_tracker("MAY", ROW48.format("In Progress")),
    )
    yield engine
    engine.close()


def _markers_cited(answer) -> bool:
    return {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)} <= {c.n for c in answer.citations}


def test_unchanged_status_is_said_once_with_both_dates_newest_cited_first(unchanged) -> None:
    answer = unchanged.ask("What is the status of Pledge 48?")
    assert answer.status == "answered"
    assert answer.text == (
        "In Progress since January 2020 (still in May 2020): work placements for care leavers. [1][2]"
    )
    assert [Path(c.source).name for c in answer.citations] == ["may.txt", "january.txt"]
    assert "Pledge 48" in answer.citations[0].text and _markers_cited(answer)
    assert len(unchanged.ask("What is the status of Pledge 48?", top_k=1).citations) == 2  # all it uses


def test_a_date_in_the_question_picks_the_statement_of_that_time(unchanged) -> None:
    answer = unchanged.ask("What was the status of Pledge 48 in February 2020?")
    assert answer.text == (
        "As of January 2020: In Progress — work placements for care leavers. [1]"
        " Later, as of May 2020: In Progress — work placements for care leavers. [2]"
    )
    assert [Path(c.source).name for c in answer.citations][:2] == ["january.txt", "may.txt"]
    # a time before any paper that states it: no record fits, and the reader answers instead
    early = "What was the status of Pledge 48 as of 2019?"
    assert answer_from_records(unchanged.store, early, unchanged.retriever.retrieve(early)) is None


def test_pledge_4_is_never_pledge_48(unchanged) -> None:
    answer = unchanged.ask("What is the status of Pledge 4?")
    assert answer.text == "As of January 2020: On Track — 300 potholes filled. [1]"
    assert "Pledge 48" not in answer.text
    assert unchanged.ask("What is the status of Pledge 480?").status == "not_found"


def test_a_change_is_marked_and_each_run_cited(tmp_path) -> None:
    engine = _engine(
        tmp_path,
        january=_tracker("JANUARY", ROW48.format("In Progress")),
        march=_tracker("MARCH", ROW48.format("In Progress")),
        may=_tracker("MAY", ROW48.format("Complete")),
    )
    answer = engine.ask("What is the status of Pledge 48?")
    assert answer.text == (
        "As of May 2020: Complete — work placements for care leavers. [1] Earlier: In Progress since "
        "January 2020 (still in March 2020): work placements for care leavers. [2][3]"
    )
    assert [Path(c.source).name for c in answer.citations] == ["may.txt", "march.txt", "january.txt"]
    assert _markers_cited(answer)
    engine.close()


def test_no_record_leaves_the_question_to_the_reader(tmp_path) -> None:
    # a status in prose, not in a tracker row: no commitment record, so the records do not answer
    engine = _engine(
        tmp_path, report="UPDATE, MAY 2020\n\nPledge 48 is now in progress with ten placements.\n"
    )
    retrieval = engine.retriever.retrieve("What is the status of Pledge 48?")
    assert answer_from_records(engine.store, "What is the status of Pledge 48?", retrieval) is None
    assert "ten placements" in engine.ask("What is the status of Pledge 48?").citations[0].text
    engine.close()


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("RAG: Green", True),
        ("Amber", True),
        ("RED - behind schedule", True),
        ("Description (if any): Green Party", False),  # a party's name, not a rating
        ("The Red Lion, Souldern", False),
        ("We will protect green spaces and red squirrels.", False),
    ],
)
def test_a_rag_colour_is_a_status_only_as_a_rating(text: str, status: bool) -> None:
    assert bool(STATUS_WORDS.search(text)) == status


def test_what_happened_to_a_nomination_is_not_a_partys_colour(tmp_path: Path) -> None:
    sopn = (
        "STATEMENT OF PERSONS NOMINATED\nElection of the Mayor, 13 October 2023\n\n"
        "Name of Candidate: CAIRNES Rachel\nDescription (if any): Green Party\n"
        "Reason why no longer nominated: Nomination Withdrawn\n\n"
        "Name of Candidate: GARBETT Zoë\nDescription (if any): Green Party\n"
    )
    engine = _engine(tmp_path, sopn=sopn)
    answer = engine.ask("What happened to Rachel Cairnes's nomination?")
    other = engine.ask("What is the status of Zoë Garbett's nomination?")
    engine.close()
    assert answer.status == "answered" and "Withdrawn" in answer.text.split("[1]")[0]
    assert "Withdrawn" not in other.text and "CAIRNES" not in other.text  # another row's status is not hers
