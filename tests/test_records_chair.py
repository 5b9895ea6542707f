"""The chair of a meeting as its minutes state it, in the common forms, and left empty where they do
not: never the name printed first, a 'Chair's report' heading, a 'Mayor' in the body's name, a role
without a name, a vice-chair, or the next label after a blank 'Chair:'."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.chunker import chunk_document
from corpus.document import Document, Metadata, Page
from corpus.recordset import extract_records

HEAD = "MINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON 13 MARCH 2018 AT 7.00 PM\n\n"
BUSINESS = "\n\n1. Apologies\n\nNone.\n\n2. Footpaths\n\nThe Chair's report on footpaths was received.\n"


def _chair(header: str) -> str | None:
    text = HEAD + header + BUSINESS
    document = Document(
        "d", "m.txt", Metadata(doc_type="minutes", date=dt.date(2018, 3, 13)), (Page(text, 1),)
    )
    meeting = extract_records(document, chunk_document(document, lambda t: len(t.split()), 120)).meeting
    return meeting.chair.value if meeting and meeting.chair else None


@pytest.mark.parametrize(
    "header",
    [
        "Present: Cllr Ann Brown, Cllr Tom Green\n\nAlso present: Mrs J Clerk (Clerk)",
        "Councillor Ann Brown\nCllr Tom Green\n\nChair's Report\n\nThe Chairman's report was noted.",
        "MEETING OF THE MAYOR AND COUNCIL\n\nPresent: Mayor Jones, Cllr Brown",
        "Mayor's Cabinet\n\nThe Mayor welcomed everyone.",
        "Chair:\nPresent: Cllr A Brown, Cllr T Green",  # a blank label: the next label is no name
        "Vice-Chair: Cllr Tom Green\nPresent: Cllr A Brown, Cllr T Green",
        "Vice Chairman: Cllr Tom Green\nPresent: Cllr A Brown",
        "The Mayor in the Chair.\nPresent: Cllr A Brown, Cllr T Green",  # a role, no name
        "The Chair presided.\nPresent: Cllr A Brown",
        "The meeting was called to order by the Mayor at 7.02 pm.",
    ],
)
def test_no_chair_stated_leaves_it_empty(header: str) -> None:
    assert _chair(header) is None


@pytest.mark.parametrize(
    ("header", "chair"),
    [
        ("Present: Cllr Ann Brown (Chair), Cllr Tom Green", "Cllr Ann Brown"),
        ("Present: Cllr Tom Green, Cllr Ann Brown (Chairman)", "Cllr Ann Brown"),
        ("Councillor Ann Brown in the Chair\n\nPresent: Cllr Tom Green", "Councillor Ann Brown"),
        ("Present: Councillor Ann Brown in the chair, Cllr Tom Green", "Councillor Ann Brown"),
        ("Chair: Cllr Ann Brown\nPresent: Cllr Tom Green", "Cllr Ann Brown"),
        ("PRESENT IN THE CHAIR**:**\n\nCouncillor A. Brown, Cathaoirleach.", "Councillor A. Brown"),
        ("Presiding: Mayor Ann Brown\nPresent: Cllr Tom Green", "Mayor Ann Brown"),
        ("Chairperson Ann Brown called the meeting to order at 7.02 pm.", "Chairperson Ann Brown"),
        ("The meeting was called to order by Chairperson Ann Brown at 7.02 pm.", "Chairperson Ann Brown"),
        ("Vice-Chair: Cllr Tom Green\nChair: Cllr Ann Brown", "Cllr Ann Brown"),
    ],
)
def test_chair_stated_in_common_forms(header: str, chair: str) -> None:
    assert _chair(header) == chair
