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
        # after a lead-in naming the meeting; what a meeting was asked to do with the report
        (
            "At the Corporate Parenting Committee on 23 February 2016, what was the committee recommended to do?",
            "recommend",
        ),
        ("What was the scrutiny committee asked to do with the Pledges report?", "recommend"),
        ("Who asked to speak on the report?", None),
        # asked to do about a matter: one item's recommendation of an agenda's many
        ("What was the council asked to do about the transportation plan at its January meeting?", None),
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


def test_the_paper_named_is_read_for_its_section_when_retrieval_missed_it() -> None:
    opening = _passage("ITEM 6\n\nReport of the Acting Strategic Director", "", chunk_id=3)
    paper = {3: [opening, REASONS, RECOMMENDED]}
    q = "What does Item 6 to the Corporate Parenting Committee of 23 February 2016 recommend?"
    assert section(q, [opening], _none, 3, 80) is None  # retrieval drew only the report's opening
    text, used = section(q, [opening], _none, 3, 80, paper.__getitem__)
    assert text.startswith("RECOMMENDATION: To accept the commitments") and used == [RECOMMENDED]
    # another council's paper is not read: the question names none of it
    other = _passage("ITEM 6", "", chunk_id=3, council="Testshire District Council", body="Cabinet")
    assert section(q, [other], _none, 3, 80, {3: [other, RECOMMENDED]}.__getitem__) is None


def test_a_months_short_form_names_a_date_not_a_paper() -> None:
    q = "What are the recommendations of the Implementing the Pledge report (Derby, Feb 2016)?"
    text, _ = section(q, [RECOMMENDED], _none, 3, 80)
    assert text.startswith("RECOMMENDATION:")


def test_a_section_of_one_paragraph_answers_from_the_report_named() -> None:
    cover = _passage(
        "Title of Report: Children's Services Pledges\n\nPurpose of Report\n\nA list of the pledges led by "
        "Service Directors in Children's Services.\n\nRecommendations and Reasons\n\nFor Scrutiny to note "
        "the pledges in the report and consider further questions.\n\nAlternative options considered",
        "Purpose of Report",
        chunk_id=5,
    )
    other = _passage(
        "Purpose of Report\n\nAn update on the Plymouth Challenge.\n\nRecommendations and Reasons\n\n"
        "For the Committee to receive the report for consideration.",
        "Purpose of Report",
        chunk_id=6,
    )
    paper = {5: [cover, other], 6: [cover, other]}.__getitem__
    q = "What was the recommendation in the Children's Services Pledges report?"
    text, used = section(q, [cover, other], _none, 3, 80, paper)
    assert text == (
        "Recommendations and Reasons: For Scrutiny to note the pledges in the report and consider further questions."
    )
    assert used == [cover]
    # the next report in the pack names nothing the question names: its recommendation is not this one's
    assert section(q, [other], _none, 3, 80, paper) is None
    # 'Reasons for Recommendation' heads the reasons, not the recommendation
    reasons = _passage("Reasons for Recommendation\n\nTo meet the council's duties.", "", chunk_id=7)
    assert (
        section("What did the Pledges report recommend?", [reasons], _none, 3, 80, {7: [reasons]}.__getitem__)
        is None
    )
