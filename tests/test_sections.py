"""A report's section asked for by name: 'What did the report recommend?' answered by the items under its
RECOMMENDATIONS heading, in the paper the question names, and only what the report says, not what
became of it."""

from __future__ import annotations

import datetime as dt

import pytest

from index.passage import Passage
from qa.sections import asked_section, section


def _passage(text: str, heading: str, chunk_id: int = 1, **kw) -> Passage:
    fields = {"title": "Implementing the Pledge", "council": "Derby City Council"}
    fields |= {"body": "Corporate Parenting Committee", "date": dt.date(2016, 2, 23)} | kw
    return Passage(
        chunk_id,
        text,
        heading,
        1,
        1,
        "pledge.pdf",
        fields["title"],
        fields["council"],
        fields["body"],
        fields["date"],
        "day",
        "report",
    )


RECOMMENDED = _passage(
    "RECOMMENDATION\n\n- 2.1 To accept the commitments made by the departments\n"
    "- 2.2 To agree the launch of the Pledge\n- 2.3 To review progress in July 2016",
    "RECOMMENDATION",
)
REASONS = _passage(
    "REASONS FOR RECOMMENDATION\n\n- 3.1 To meet the council's corporate parenting duties\n"
    "- 3.2 To ensure the Pledge is publicised",
    "REASONS FOR RECOMMENDATION",
    chunk_id=2,
)


def _none(_: int) -> Passage | None:
    return None


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("What did the report recommend?", "recommend"),
        ("What are the recommendations of the February 2016 report?", "recommend"),
        ("What was the Corporate Parenting Committee recommended to do?", "recommend"),
        ("What are the reasons for the recommendation?", "reason"),
        # what became of a recommendation, or one numbered, is not the section
        ("What happened to the recommendations?", None),
        ("What was decided on the recommendations?", None),
        ("What is the status of Recommendation 2.1?", None),
        ("Was the recommendation approved?", None),
        ("Which recommendations were rejected?", None),
        ("How many children are in care?", None),
    ],
)
def test_the_section_a_question_asks_for(question: str, head: str | None) -> None:
    assert asked_section(question) == head


def test_the_items_under_the_recommendations_heading_answer() -> None:
    q = "What did the February 2016 report recommend the Corporate Parenting Committee do?"
    found = section(q, [REASONS, RECOMMENDED], _none, 3, 80)
    assert found is not None
    text, used = found
    assert text.startswith("RECOMMENDATION: To accept the commitments made by the departments; To agree")
    assert "To review progress in July 2016." in text and "corporate parenting duties" not in text
    assert used == [RECOMMENDED]


def test_the_reasons_section_is_not_the_recommendations() -> None:
    text, _ = section("What are the reasons for the recommendation?", [RECOMMENDED, REASONS], _none, 3, 80)
    assert text.startswith("REASONS FOR RECOMMENDATION: To meet the council's corporate parenting duties")


def test_another_papers_recommendations_do_not_answer() -> None:
    # the question names a meeting and month this paper is not of
    q = "What did the Planning Committee's March 2021 report recommend?"
    assert section(q, [RECOMMENDED], _none, 3, 80) is None


def test_a_heading_without_a_list_under_it_answers_nothing() -> None:
    lone = _passage("RECOMMENDATION\n\nThat the report be noted.", "RECOMMENDATION")
    assert section("What did the report recommend?", [lone], _none, 3, 80) is None


def test_long_items_share_the_answer_words() -> None:
    long = _passage(
        "RECOMMENDATION\n\n"
        + "\n".join(f"- 2.{i} To " + " ".join(f"word{i}x{j}" for j in range(40)) for i in range(1, 4)),
        "RECOMMENDATION",
    )
    text, _ = section("What did the report recommend?", [long], _none, 3, 80)
    assert len(text.split()) <= 80 and text.count("…") == 3
