"""A report's section named by what it weighs: 'Did the report identify any IT implications?' answered by
what its IT section says, in the report the question names, and only when what the section says is asked."""

from __future__ import annotations

import datetime as dt

import pytest

from index.passage import Passage
from qa.implications import asked_heading, implication, sections


def _passage(text: str, heading: str | None, chunk_id: int, source: str = "pledge.pdf", **kw) -> Passage:
    fields = {"title": "Implementing the Pledge", "council": "Derby City Council"} | kw
    return Passage(
        chunk_id,
        text,
        heading,
        1,
        1,
        source,
        fields["title"],
        fields["council"],
        "Corporate Parenting Committee",
        dt.date(2016, 2, 23),
        "day",
        "report",
    )


# A Derby-style appendix: each implication a heading of its own over a numbered paragraph.
OPENING = _passage(
    "1.1 The Pledge is a promise made by Derby City Council to children in care.", "Purpose", 1
)
APPROVALS = _passage("Legal officer\nFinancial officer\nHuman Resources officer", "Approved by", 2)
FINANCIAL = _passage(
    "Financial and Value for Money\n\n1.1 There will be financial implications for some commitments.",
    "IMPLICATIONS",
    3,
)
PERSONNEL = _passage("3.1 None arising from this report", "Personnel", 4)
IT = _passage("4.1 None arising from this report", "IT", 5)
AFTER_IT = _passage("4.2 A second paragraph under the same heading.", "IT", 6)
PAPER = [OPENING, APPROVALS, FINANCIAL, PERSONNEL, IT, AFTER_IT]


def _paper_of(paper: list[Passage]):
    return lambda chunk_id: paper


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Did the Implementing the Pledge report identify any IT implications?", {"it"}),
        ("Any personnel implications in Derby's 2016 report?", {"personnel"}),
        (
            "item 6: any property and asset management implications from the report?",
            {"properti", "asset", "manag"},
        ),
        ("What are the legal implications of the proposal?", {"legal"}),
        ("What financial implications does the report identify?", {"financi"}),
        # a name, a value or an outcome asked of a section is the reader's to find in it
        ("Which Act does the legal implications section cite?", None),
        ("What is the estimated cost of the financial implications?", None),
        ("Were the financial implications approved?", None),
        ("Why didn't the report say what the financial implications would be?", None),  # a reason in it
        # no section named, or a sum asked by 'impact'
        ("What are the implications of the report?", None),
        ("What fiscal impact does the staff report give?", None),
        ("How many children are in care?", None),
    ],
)
def test_the_section_a_question_names(question: str, named: set[str] | None) -> None:
    assert asked_heading(question) == (frozenset(named) if named else None)


def test_the_section_under_its_own_heading_answers() -> None:
    q = "Did Derby's Pledge report identify any IT implications?"
    assert implication(q, [OPENING], _paper_of(PAPER), 80) == ("IT: 4.1 None arising from this report", [IT])
    q = "Any personnel implications in Derby's report?"
    assert implication(q, [OPENING], _paper_of(PAPER), 80) == (
        "Personnel: 3.1 None arising from this report",
        [PERSONNEL],
    )


def test_a_heading_line_inside_a_chunk_answers_but_a_forms_label_does_not() -> None:
    q = "Did Derby's Pledge report put a figure on the financial implications?"
    text, used = implication(q, [OPENING], _paper_of(PAPER), 80)
    # 'Financial officer' over 'Human Resources officer' is a form's labels, not a section and its paragraph
    assert (
        text
        == "Financial and Value for Money: 1.1 There will be financial implications for some commitments."
    )
    assert used == [FINANCIAL]


def test_a_chunk_that_only_keeps_the_heading_is_not_the_section() -> None:
    # AFTER_IT keeps the heading 'IT' from the chunk before it: the section is where the heading opens
    assert [at for at, _, _ in sections(PAPER, frozenset({"it"}))] == [4]


def test_a_paper_heading_no_such_section_answers_nothing() -> None:
    assert (
        implication("Any equalities implications in Derby's report?", [OPENING], _paper_of(PAPER), 80) is None
    )
    assert implication("What is the status of Pledge 4?", [OPENING], _paper_of(PAPER), 80) is None


def test_the_next_paper_in_rank_order_is_read_when_the_first_heads_no_such_section() -> None:
    other = _passage("The 2017/18 commitments.", "Commitments", 10, source="commitments.pdf")
    papers = {10: [other], 1: PAPER}
    q = "Any IT implications in Derby's Pledge report?"
    assert implication(q, [other, OPENING], lambda cid: papers[cid], 80)[1] == [IT]


def test_of_a_packs_reports_the_section_of_the_one_the_question_names() -> None:
    def chunk(at: int, text: str, heading: str) -> Passage:
        return _passage(text, heading, at, title="Scrutiny pack")

    hubs = [
        chunk(0, "Title of Report: Family Hubs engagement", "Purpose of Report"),
        chunk(1, "Implications for the Medium Term Financial Plan:\n\nThe envelope is being set.", "Purpose"),
        chunk(2, "The Family Hubs proposals in full.", "Proposal"),
        chunk(3, "Family Hubs would bring services together.", "Proposal"),
    ]
    diagram = [chunk(at, "Gateway", "FAMILY HUBS DIAGRAM") for at in range(4, 10)]
    # the next report's cover sheet keeps the diagram's heading, as a pack's chunks may
    ofsted = [
        chunk(10, "Title of Report: Ofsted Improvement Plan", "FAMILY HUBS DIAGRAM"),
        chunk(11, "Implications for the Medium Term Financial Plan:\n\nNo new costs.", "FAMILY HUBS DIAGRAM"),
    ]
    pack = [*hubs, *diagram, *ofsted]
    q = "What are the financial implications of the Family Hubs proposals?"
    # the best passage retrieved is the diagram's last chunk, nearer the Ofsted report's section
    text, used = implication(q, [diagram[-1]], _paper_of(pack), 80)
    assert text == "Implications for the Medium Term Financial Plan: The envelope is being set."
    assert used == [hubs[1]]
    q = "What are the financial implications of the Ofsted Improvement Plan report?"
    assert implication(q, [ofsted[0]], _paper_of(pack), 80)[1] == [ofsted[1]]
