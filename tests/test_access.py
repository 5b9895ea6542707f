"""Restricted papers: exempt, confidential and closed-session text reaches only callers granted it."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.access import mark_restricted, page_is_marked
from corpus.document import Page
from index.filters import Filters
from index.settings import Settings
from qa.engine import CouncilQA

SECRET = "Acme Holdings"

PACK = f"""CABINET 4 December 2019
Northgate Borough Council
Agenda

Item 5. Depot review
The cabinet will review the future of the Riverside depot and its staff.
Page 1

Item 6. Library opening hours
The cabinet agreed longer opening hours at the central library from April.
Page 2

NOT FOR PUBLICATION
This report is exempt by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.
Item 7. Sale of the Riverside depot
The council will sell the Riverside depot to {SECRET} for £2.1m, subject to contract.
Page 3
"""

CLOSED = f"""MINUTES OF THE CLOSED SESSION
Town of Westbury Council, 3 March 2021

The council discussed the litigation settlement with {SECRET} over the Riverside depot lease.
"""


@pytest.mark.parametrize(
    "top",
    [
        "NOT FOR PUBLICATION",
        "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A",
        "This report contains exempt information under Schedule 12A",
        "CONFIDENTIAL",
        "Strictly Private and Confidential",
        "PART II",
        "In Camera",
        "CLOSED SESSION",
        "Minutes of the Closed Session Meeting",
    ],
)
def test_a_restriction_notice_at_the_top_of_a_page_marks_it(top: str) -> None:
    assert page_is_marked(f"{top}\nItem 9. Land disposal\nThe council will sell the land.")


@pytest.mark.parametrize(
    "text",
    [
        "Item 9. Exclusion of the press and public\n"
        + "Ordinary line.\n" * 6
        + "The following item contains exempt information under Schedule 12A.",
        "The confidential waste contract was renewed.",
        "Part 2 of the report sets out the options.",
        "Minutes\nThe council returned to open session at 8pm.",
    ],
)
def test_public_text_that_merely_mentions_restriction_is_not_marked(text: str) -> None:
    assert not page_is_marked(text)


def test_a_marked_first_page_restricts_the_whole_paper_and_access_overrides() -> None:
    pages = [Page("CONFIDENTIAL\nText.", 1), Page("More text.", 2)]
    assert [p.restricted for p in mark_restricted(pages)] == [True, True]
    plain = [Page("Agenda\nText.", 1), Page("NOT FOR PUBLICATION\nSecret.", 2), Page("Open.", 3)]
    assert [p.restricted for p in mark_restricted(plain)] == [False, True, False]
    assert [p.restricted for p in mark_restricted(plain, "restricted")] == [True, True, True]
    assert [p.restricted for p in mark_restricted(plain, "public")] == [False, False, False]


@pytest.fixture
def engine(tmp_path: Path, fake_embedder) -> CouncilQA:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "cabinet_pack.txt").write_text(PACK, encoding="utf-8")
    (papers / "closed_session.txt").write_text(CLOSED, encoding="utf-8")
    qa = CouncilQA(Settings(store=tmp_path / "store"), embedder=fake_embedder)
    qa.ingest([str(papers)], progress=False)
    return qa


def _texts(answer) -> str:
    return " ".join(
        [answer.text, *(c.text for c in answer.citations), *(c.heading or "" for c in answer.citations)]
    )


QUESTIONS = [
    "Who will buy the Riverside depot?",
    "What will the Riverside depot be sold for?",
    f"What was discussed with {SECRET}?",
    "What was the litigation settlement about?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_and_search_never_show_restricted_text_without_access(engine: CouncilQA, question: str) -> None:
    answer = engine.ask(question)
    assert SECRET not in _texts(answer)  # not in the answer, its citations, or not-found leads
    assert all(SECRET not in p.text for p in engine.search(question, limit=20))
    filtered = Filters(council="Northgate")
    assert SECRET not in _texts(engine.ask(question, filters=filtered))
    assert all(SECRET not in p.text for p in engine.search(question, filters=filtered, limit=20))


def test_the_public_part_of_a_pack_still_answers(engine: CouncilQA) -> None:
    answer = engine.ask("What did the cabinet agree about library opening hours?")
    assert answer.status == "answered" and "library" in answer.text


def test_granted_access_reads_restricted_text(engine: CouncilQA) -> None:
    granted = Filters(restricted=True)
    answer = engine.ask("Who will buy the Riverside depot?", filters=granted)
    assert SECRET in _texts(answer)
    assert any(SECRET in p.text for p in engine.search("litigation settlement", filters=granted, limit=20))


def test_stats_count_restricted_papers_only_with_access(engine: CouncilQA) -> None:
    public, granted = engine.stats(), engine.stats(restricted=True)
    assert (public.documents, granted.documents) == (1, 2)  # the closed-session minutes are wholly restricted
    assert public.chunks < granted.chunks
    assert "Town of Westbury" not in " ".join(public.councils)


@pytest.fixture
def cli_store(tmp_path: Path, monkeypatch, fake_embedder):
    from qa import cli

    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=fake_embedder))
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "cabinet_pack.txt").write_text(PACK, encoding="utf-8")
    (papers / "briefing.txt").write_text(
        f"BRIEFING 5 May 2020\nNorthgate Borough Council\n\nThe depot lease talks with {SECRET} continue.\n",
        encoding="utf-8",
    )
    store = str(tmp_path / "store")
    assert cli.main(["ingest", str(papers / "cabinet_pack.txt"), "--store", store, "--quiet"]) == 0
    # a paper with no marking of its own, stored restricted because the caller says so
    assert cli.main(["ingest", str(papers / "briefing.txt"), "--access", "restricted", "--store", store]) == 0
    return lambda *args: cli.main([*args, "--store", store])


def test_the_cli_shows_restricted_text_only_with_access(cli_store, capsys) -> None:
    capsys.readouterr()
    for args in (
        ("ask", "Who will buy the Riverside depot?", "--json"),
        ("ask", "What about the depot lease talks?", "--json"),
        ("search", "depot lease talks", "--json", "--limit", "20"),
        ("stats", "--json"),
    ):
        assert cli_store(*args) == 0
        assert SECRET not in capsys.readouterr().out, args
    assert cli_store("search", "depot lease talks", "--json", "--access", "restricted") == 0
    assert SECRET in capsys.readouterr().out
    assert cli_store("stats", "--json", "--access", "restricted") == 0
    assert '"documents": 2' in capsys.readouterr().out
