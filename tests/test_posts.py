"""Posts asked of (chair, author), and the report a cover sheet's field belongs to."""

from __future__ import annotations

import pytest

from qa.posts import asked_post, names_post, of_named_report, report_title


@pytest.mark.parametrize(
    ("question", "post"),
    [
        ("Who wrote the Children's Services Pledges report?", "author"),
        ("Who authored the report on developing Family Hubs?", "author"),
        ("Who prepared the staff report on the paving contract?", "author"),
        ("Who was the author of the budget report?", "author"),
        ("Who chaired the meeting on 10 July 2019?", "chair"),
        ("What did the report say about wrote-offs?", None),
        ("Who is the lead member for the Pledges report?", None),
        ("When was the report written?", None),
    ],
)
def test_asked_post(question, post):
    assert asked_post(question) == post


def test_a_field_or_sentence_names_the_author():
    assert names_post("Author: Andrew Loton (Senior Performance Advisor)", "author")
    assert names_post("Prepared by: Jane Roe, City Planner", "author")
    assert names_post("The report was written by the Clerk.", "author")
    assert not names_post("Title of Report: Children's Services Pledges", "author")
    assert not names_post("Lead Member: Councillor Jemima Laing", "author")


def test_report_title_is_read_from_the_cover_sheet():
    sheet = (
        "Date of meeting: 11 September 2019\nTitle of Report: Children's Services Pledges\nAuthor: A. Loton"
    )
    assert report_title(sheet) == "Children's Services Pledges"
    assert report_title("Subject: Paving contract award") == "Paving contract award"
    assert report_title("The report's title was agreed.") == ""


def _share(words: set[str]):
    return lambda title: len(words & set(title.lower().split())) / len(words)


def test_of_named_report_keeps_the_fields_of_the_report_the_question_names():
    sheets = [
        "Title of Report: Ofsted Improvement Plan\nAuthor: S. Magee",
        "Title: Family Hubs\nAuthor: E. Crowther",
    ]
    assert of_named_report(sheets, str, _share({"family", "hubs"})) == [sheets[1]]
    # no title covers the question: nothing is set aside
    assert of_named_report(sheets, str, _share({"budget"})) == sheets
