"""Records read from minutes the tests write: a roll-call vote, an amendment that fell before the
substantive motion carried, a deferred item, unlabelled names, draft minutes and their confirmation,
and a pledge tracker row."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.chunker import chunk_document
from corpus.document import Document, Metadata, Page
from corpus.records import OUTCOMES
from corpus.recordset import extract_records
from corpus.recordtext import RecordText

MINUTES = """MINUTES OF THE PLANNING COMMITTEE HELD AT THE TOWN HALL ON 13 MARCH 2018 AT 7.00 PM

Present: Cllr Ann Brown (Chair), Cllr Tom Green, Cllr Sue White, Cllr Raj Patel

Apologies: Cllr Joe Black

1. Library closure

An amendment moved by Cllr Green and seconded by Cllr White that the closure be delayed a year was lost.

Moved by Cllr Patel, seconded by Cllr Brown that the library close on 1 June 2018.

Ayes: Brown, Patel, Green
Noes: White

CARRIED

2. Precept

It was moved by Cllr White and seconded by Cllr Green that the item be deferred to the next meeting.

DEFERRED

3. Footpaths

R2018-12 T. Green, S. White:

That the footpath report be received. Carried.

The meeting closed at 9.15 pm.

Minutes to be confirmed at the next meeting.
"""

LATER = """MINUTES OF THE PLANNING COMMITTEE HELD AT THE TOWN HALL ON 10 APRIL 2018 AT 7.00 PM

1. Minutes

The minutes of the meeting held on 13 March 2018 were confirmed as a correct record.

The next meeting will be held on Tuesday 8 May 2018 at 7.00 pm.
"""

TRACKER = (
    "Pledge: Pledge 48 - We will support care leavers.\nPortfolio Holder: Jo Laing\n"
    "Status – End State: In Progress: Work placements are being created."
)


def _records(text: str, doc_type: str = "minutes", date=dt.date(2018, 3, 13)):
    document = Document(
        "d", "m.pdf", Metadata(body="Planning Committee", date=date, doc_type=doc_type), (Page(text, 1),)
    )
    return extract_records(document, chunk_document(document, lambda t: len(t.split()), 120))


def test_meeting_header_fields() -> None:
    meeting = _records(MINUTES).meeting
    assert meeting.date.value == "2018-03-13" and meeting.date.where.page == 1
    assert meeting.chair.value == "Cllr Ann Brown"
    assert meeting.body.value == "Planning Committee"
    assert meeting.start_time.value.lower().startswith("7.00") and meeting.end_time.value == "9.15 pm"
    assert "Joe Black" in meeting.apologies.value
    # 'Minutes to be confirmed at the next meeting' is template text a confirmed copy keeps: not a draft
    assert meeting.status is None
    marked = _records(MINUTES.replace("MINUTES OF", "DRAFT MINUTES OF", 1)).meeting
    assert marked.status.value == "draft" and marked.status.where.page == 1


# An agenda pack whose masthead gives its own meeting, then reproduces the last meeting's minutes.
PACK = """Planning Committee
Tuesday 10 April 2018, 7.00 pm, Council Chamber

1. Minutes of the meeting held on 13 March 2018 (attached).

2. Planning applications.

Planning Committee
Tuesday 13 March 2018

PRESENT: Cllr Ann Brown (Chair), Cllr Tom Green

The committee received the footpath report.

The next meeting will be held on Tuesday 10 April 2018.

The meeting started at 6.30 pm and closed at 9.15 pm.
"""


def test_reproduced_minutes_of_another_meeting_are_not_the_papers_meeting() -> None:
    meeting = _records(PACK, date=dt.date(2018, 4, 10)).meeting
    assert meeting.date.value == "2018-04-10"
    # the chair, the close and the next meeting are of 13 March's meeting, not of this one
    assert meeting.chair is None and meeting.end_time is None and meeting.next_meeting is None


def test_amendment_lost_then_substantive_motion_carried_by_roll_call() -> None:
    amendment, motion = _records(MINUTES).motions[:2]
    assert amendment.kind == "amendment" and amendment.outcome.value == "lost"
    assert amendment.mover.value == "Cllr Green" and amendment.seconder.value == "Cllr White"
    assert motion.kind == "motion" and motion.outcome.value == "carried"
    assert motion.mover.value == "Cllr Patel" and motion.seconder.value == "Cllr Brown"
    assert motion.vote.ayes == ("Brown", "Patel", "Green") and motion.vote.noes == ("White",)
    assert (motion.vote.votes_for, motion.vote.against) == (3, 1)
    assert motion.item.number == "1"


def test_deferred_item_and_unlabelled_names() -> None:
    motions = _records(MINUTES).motions
    deferred = next(m for m in motions if m.item and m.item.number == "2")
    assert deferred.outcome.value == "deferred" and deferred.mover.value == "Cllr White"
    named = next(m for m in motions if m.number == "R2018-12")
    assert named.mover is None and named.seconder is None  # the paper does not say who moved
    assert [n.value for n in named.names] == ["T. Green", "S. White"]
    assert named.outcome.value == "carried"


def test_later_minutes_confirm_the_draft() -> None:
    later = _records(LATER, date=dt.date(2018, 4, 10))
    assert [c.meeting_date for c in later.confirmations] == ["2018-03-13"]
    assert later.meeting.next_meeting.value == "Tuesday 8 May 2018 at 7.00 pm"
    assert _records(MINUTES).meeting.next_meeting is None  # 'the next meeting' there has no date


def test_counts_vote_and_restricted_chunks_are_not_read() -> None:
    text = "1. Budget\n\nMoved by Cllr A Smith, seconded by Cllr B Jones.\n\nFor: 7 Against: 2 Abstain: 1\n\nCARRIED"
    motion = _records(text).motions[0]
    assert (motion.vote.votes_for, motion.vote.against, motion.vote.abstain) == (7, 2, 1)
    document = Document("d", "m.pdf", Metadata(doc_type="minutes"), (Page(text, 1, restricted=True),))
    assert extract_records(document, chunk_document(document, lambda t: len(t.split()), 120)).empty


def test_agenda_moved_by_is_not_a_decision_and_pledge_rows_are_read() -> None:
    assert _records(MINUTES, doc_type="agenda").motions == ()
    pledge = _records(TRACKER, doc_type="report").commitments[0]
    assert (pledge.key, pledge.status) == ("Pledge 48", "In Progress")
    assert pledge.owners == (("Portfolio Holder", "Jo Laing"),)


_LINES = st.sampled_from(
    [
        "Moved by Cllr A Smith, seconded by Cllr B Jones.",
        "CARRIED",
        "LOST",
        "RESOLVED: That the report be noted.",
        "It was agreed to refer the matter to the committee.",
        "Ayes: Smith, Jones",
        "Noes: Brown",
        "For: 3 Against: 1",
        "R2020-01 A. Smith, B. Jones:",
        "7. Finance",
        "(b) Grants",
        "Present: Cllr A Smith (Chair)",
        "The next meeting will be held on 4 May 2020.",
        "Pledge 4 - We will do it.",
        "Status: In Progress: underway.",
        "",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=40))
def test_any_minutes_give_records_that_cite_their_own_chunks(lines: list[str]) -> None:
    document = Document("d", "m.txt", Metadata(doc_type="minutes"), (Page("\n\n".join(lines), 1),))
    chunks = chunk_document(document, lambda t: len(t.split()), 30)
    records = extract_records(document, chunks)
    positions = {c.position for c in chunks}
    for motion in records.motions:
        cited = [motion.text, motion.mover, motion.seconder, motion.outcome, *motion.names]
        assert all(c.where.chunk in positions for c in cited if c is not None)
        assert motion.outcome is None or motion.outcome.value in OUTCOMES
        # a name is only ever one the paper printed
        for c in (motion.mover, motion.seconder, *motion.names):
            assert c is None or c.value.split()[-1].strip("().") in document.pages[0].text


def test_a_motion_in_a_paragraph_a_page_break_cut_is_cited_to_the_page_printing_it():
    """The page break inside '… links to Panshanger House and' / 'Park. At present …' joins the paragraph
    (corpus/blocks.runs_over); what is resolved after the break is on the second page."""
    first = (
        "12. PUBLIC PARTICIPATION\n\nA resident spoke about the station. It was noted the station had "
        "close links to Panshanger House and"
    )
    second = (
        "Park. At present the trust plans to restore the gardens. HPC agreed to write to Mr Taylor in "
        "support of these plans.\n\n13. MINUTES\n\nThe minutes were agreed and signed."
    )
    pages = (Page(first, 1), Page(second, 2))
    document = Document("d", "m.pdf", Metadata(doc_type="minutes"), pages)
    chunks = chunk_document(document, lambda t: len(t.split()), 400)
    assert any(c.page_start == 1 and c.page_end == 2 for c in chunks)
    text = RecordText(document, chunks)
    assert text.where(text.text.index("HPC agreed")).page == 2
    assert text.where(text.text.index("It was noted")).page == 1
