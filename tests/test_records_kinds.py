"""Every record kind on minutes the tests write, in the order UK minutes usually print them: items
numbered '7(a)', 'Min. 45/19', '21/34'; a motion moved, an amendment that fell, then the substantive
motion carried on a roll call; deferred items in several wordings; and draft minutes that stay
provisional until a later paper approves them as a correct record."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import FakeEmbedder

from corpus.chunker import chunk_document
from corpus.document import Document, Metadata, Page
from corpus.recordset import extract_records
from qa import cli
from qa.engine import CouncilQA

PAGE1 = """MINUTES OF THE FINANCE COMMITTEE HELD ON 4 DECEMBER 2019 AT 6.30 PM

Present: Cllr Ann Brown (Chair), Cllr Tom Green, Cllr Sue White, Cllr Raj Patel, Cllr Joe Black

Min. 45/19 Precept for 2020/21

Cllr Patel moved and Cllr Black seconded that the precept be set at £52,000.

An amendment was moved by Cllr Green and seconded by Cllr White that the precept be set at £48,000.
On being put to the vote the amendment fell.

The substantive motion was then put to the vote.

VOTING IN FAVOUR: Councillors Brown, Patel and Black (3)
VOTING AGAINST: Councillors Green and White (2)

CARRIED
"""

PAGE2 = """Min. 46/19 Village hall lease

It was agreed to defer the lease to the January meeting.

7. Grants
(a) Youth club
RESOLVED that a grant of £500 be made to the youth club.
(b) Allotments
Moved by Cllr White, seconded by Cllr Black, that the allotment rents be frozen. The motion was withdrawn.

21/34 Footpaths

Consideration of the footpath report was deferred to the next meeting.

The meeting closed at 8.40 pm. These minutes are a draft, subject to approval.
"""


def _records(*pages: str):
    document = Document(
        "d",
        "m.pdf",
        Metadata(doc_type="minutes", body="Finance Committee", date=dt.date(2019, 12, 4)),
        tuple(Page(text, n) for n, text in enumerate(pages, 1)),
    )
    return extract_records(document, chunk_document(document, lambda t: len(t.split()), 120))


def test_agenda_items_as_printed_with_their_pages() -> None:
    items = {i.number: i for i in _records(PAGE1, PAGE2).items}
    assert list(items) == ["Min. 45/19", "Min. 46/19", "7", "7(a)", "7(b)", "21/34"]
    assert items["Min. 45/19"].title == "Precept for 2020/21"
    assert (items["Min. 45/19"].where.page, items["Min. 45/19"].page_end) == (1, 2)
    assert items["7(b)"].title == "Allotments" and items["7(b)"].where.page == 2


def test_amendment_fell_before_the_substantive_motion_carried_on_a_roll_call() -> None:
    motion, amendment = _records(PAGE1, PAGE2).motions[:2]
    assert (motion.kind, motion.mover.value, motion.seconder.value) == ("motion", "Cllr Patel", "Cllr Black")
    assert motion.text.value == "that the precept be set at £52,000"
    assert motion.outcome.value == "carried" and motion.item.number == "Min. 45/19"
    assert motion.vote.ayes == ("Brown", "Patel", "Black") and motion.vote.noes == ("Green", "White")
    assert (motion.vote.votes_for, motion.vote.against) == (3, 2)
    assert (amendment.kind, amendment.mover.value, amendment.seconder.value) == (
        "amendment",
        "Cllr Green",
        "Cllr White",
    )
    # the amendment fell: neither the substantive motion's outcome nor its roll call is the amendment's
    assert amendment.outcome.value == "lost" and amendment.vote is None


def test_deferred_items_withdrawn_motion_and_a_resolution_under_a_sub_item() -> None:
    motions = _records(PAGE1, PAGE2).motions[2:]
    by_item = {m.item.number: m for m in motions}
    assert [m.item.number for m in motions] == ["Min. 46/19", "7(a)", "7(b)", "21/34"]
    assert by_item["Min. 46/19"].outcome.value == "deferred" and by_item["Min. 46/19"].mover is None
    assert by_item["21/34"].outcome.value == "deferred"
    grant = by_item["7(a)"]
    assert (grant.kind, grant.outcome.value) == ("resolution", "carried")
    assert grant.text.value.startswith("RESOLVED that a grant of £500")  # not the item's heading
    assert by_item["7(b)"].outcome.value == "withdrawn" and by_item["7(b)"].mover.value == "Cllr White"


def test_the_motion_without_amendments_keeps_its_own_outcome() -> None:
    text = (
        "1. Budget\n\nMoved by Cllr A Smith, seconded by Cllr B Jones, that the budget be approved.\n\nLOST\n"
    )
    motion = _records("MINUTES OF THE COUNCIL HELD ON 4 MAY 2020\n\n" + text).motions[0]
    assert motion.outcome.value == "lost" and motion.vote is None


JANUARY = """MINUTES OF THE FINANCE COMMITTEE HELD ON 15 JANUARY 2020 AT 6.30 PM

Present: Cllr Ann Brown (Chair), Cllr Tom Green

1. Minutes

The minutes of the meeting held on 4 December 2019 were approved as a correct record and signed.
"""

ELSEWHERE = JANUARY.replace("4 December 2019", "6 November 2019")


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=FakeEmbedder()))
    store = str(tmp_path / "store")
    return lambda *args: cli.main([*args, "--store", store])


def _listed(run, capsys, command: str) -> list[dict]:
    capsys.readouterr()
    assert run(command, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_draft_minutes_stay_provisional_until_a_later_paper_approves_them(run, capsys, tmp_path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "december.txt").write_text(PAGE1 + "\n" + PAGE2, encoding="utf-8")
    (papers / "january.txt").write_text(ELSEWHERE, encoding="utf-8")  # approves another meeting's
    run("ingest", str(papers), "--quiet")
    december = [d for d in _listed(run, capsys, "decisions") if d["date"] == "2019-12-04"]
    assert len(december) == 6 and all(d["provisional"] for d in december)
    assert _listed(run, capsys, "meetings")[0]["status"] == "draft"
    (papers / "january.txt").write_text(JANUARY, encoding="utf-8")
    run("ingest", str(papers), "--quiet")
    december = [d for d in _listed(run, capsys, "decisions") if d["date"] == "2019-12-04"]
    assert len(december) == 6 and not any(d["provisional"] for d in december)
    meetings = {m["date"]: m["status"] for m in _listed(run, capsys, "meetings")}
    assert meetings == {"2019-12-04": "confirmed", "2020-01-15": None}


IRISH = """MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT HELD ON 11TH JULY, 2017

PRESENT IN THE CHAIR:

Councillor R. Byrne, Cathaoirleach.

1. Disposal of Land

Proposed by Councillor Teskey;

Seconded by Councillor McMahon;

And Resolved:

That the disposal of the lands at Clash be approved.

2. Greenway

Following discussion it was agreed that this item be adjourned to a Special Meeting.

3. Notice of Motion submitted by Councillor A. Ryan

I will move at the next Meeting that the Council review parking in the town.

The Mayor noted that this motion would not be taken at the Meeting.

4. Notice of Motion submitted by Councillor B. Lynch

I will move at the next Meeting that a night shelter be opened.

In proposing the motion, Councillor Lynch noted the need for shelter. In seconding the motion

Councillor Leddin noted the winter weather.

5. Other business

Councillor Keary noted Ms. Dore's hopes to compete in Tokyo and proposed,

seconded by Councillor O'Brien that the Council support her bid.
"""


def test_irish_forms_of_moving_seconding_and_resolving() -> None:
    motions = _records(IRISH).motions
    by_item = {m.item.number: m for m in motions}
    assert list(by_item) == ["1", "2", "3", "4", "5"]
    assert by_item["1"].text.value == "That the disposal of the lands at Clash be approved"
    assert by_item["2"].outcome.value == "deferred"  # 'be adjourned to a Special Meeting'
    # a notice's submitter is not its mover: the minutes never say it was moved
    assert by_item["3"].mover is None and by_item["3"].outcome is None
    lynch = by_item["4"]
    assert (lynch.mover.value, lynch.seconder.value) == ("Councillor Lynch", "Councillor Leddin")
    support = by_item["5"]
    assert (support.mover.value, support.seconder.value) == ("Councillor Keary", "Councillor O'Brien")
    assert support.text.value.startswith("that the Council support her bid")


def test_item_numbers_alone_on_their_line_and_figures_that_open_a_line() -> None:
    text = (
        "MINUTES OF THE MEETING HELD ON 21ST NOVEMBER, 2016\n\n**1.**\n\n**Adoption of Minutes**\n\n"
        "Proposed by Councillor Collins;\n\nSeconded by Councillor Butler;\n\nAnd Resolved:\n\n"
        "“That the draft Minutes be adopted”.\n\n2\n\nMr. Steve McNamara, Administrative Officer, informed Members.\n\n"
        "**3(b)**\n\n**Proposed Removal from the Record of Protected Structures**\n\n"
        "348 Litter Fines have been issued in the Limerick Metropolitan area in 2016 as at\n\n"
        "16th November 2016.\n"
    )
    records = _records(text)
    assert [(i.number, i.title) for i in records.items] == [
        ("1", "Adoption of Minutes"),
        ("3(b)", "Proposed Removal from the Record of Protected Structures"),
    ]
    assert records.motions[0].item.number == "1"


OLDER = """MINUTES OF PROCEEDINGS AT MEETING OF THE DISTRICT HELD ON

MONDAY, 15

TH SEPTEMBER, 2014, AT 9.30 A.M.

1.

**STANDING ORDERS**

Councillor Hourigan proposed that meetings commence at 9.45 a.m. This was seconded by Councillor Collins.

Councillor Prendiville proposed an amendment that meetings commence at 4.00 p.m. This was seconded by
Councillor Quinlivan.

A Vote was taken on the amendment to the original motion. The result of the voting was as follows:

For the Amendment

Councillors Gilligan, Loftus and Quinlivan (3)

Against the Amendment

Councillors Butler, Byrne, Collins and Hourigan (4)

The Mayor declared the Amendment defeated and, therefore, the original Motion carried.

Proposed by Councillor Hourigan;

Seconded by Councillor Collins;

And Agreed:

“That the Standing Orders be made”.

2.

**Notice of Motion submitted by Councillor M. Quinlivan**

The Motion was proposed by Councillor Quinlivan and seconded by Councillor McCreesh.

**REPLY:**

No budget has been provided for this work.

It was agreed to take Item Nos. 3 and 4 together at this point.

3.

**Notice of Motion submitted by Councillor M. Hourigan**

4.

**Notice of Motion submitted by Councillor J. Crowley**

The Motions were proposed and seconded by Councillors Hourigan and Crowley.
"""


def test_older_forms_amendment_defeated_then_original_carried_and_unlabelled_pairs() -> None:
    records = _records(OLDER)
    assert records.meeting.date.value == "2014-09-15"  # '15' and 'TH' parted by a line break
    motion, amendment, made, quinlivan, together, hourigan, crowley = records.motions
    assert (motion.mover.value, motion.seconder.value, motion.outcome.value) == (
        "Councillor Hourigan",
        "Councillor Collins",
        "carried",
    )
    assert motion.vote is None  # the roll call was on the amendment
    assert (amendment.kind, amendment.mover.value, amendment.outcome.value) == (
        "amendment",
        "Councillor Prendiville",
        "lost",
    )
    assert (amendment.vote.votes_for, amendment.vote.against) == (3, 4)
    assert made.outcome.value == "carried" and made.text.value == "“That the Standing Orders be made”"
    # after the officer's reply, 'It was agreed to take Item Nos. 3 and 4 together' is its own decision
    assert quinlivan.outcome is None
    assert together.kind == "resolution" and together.text.value.endswith(
        "Item Nos. 3 and 4 together at this point."
    )
    # 'proposed and seconded by Councillors Hourigan and Crowley' says neither who moved nor who seconded
    assert [(m.mover, m.seconder) for m in (hourigan, crowley)] == [(None, None), (None, None)]


def test_a_notice_mentioned_in_debate_is_not_a_notice_and_a_referral_is_referred() -> None:
    text = """MINUTES OF THE MEETING HELD ON 15TH APRIL, 2019

16. Notice of Motion submitted by Councillor K. O'Hanlon

I will move at the next meeting that the Council prepare a report on Cathedral Place.

Members discussed this Notice of Motion and referred to the Notice of Motion submitted by Councillor
Gilligan at the March Meeting.

The motion was then proposed by Councillor O'Hanlon and seconded by Councillor O'Dea.

17. Notice of Motion submitted by Councillor K. O'Hanlon

I will move at the next meeting that the Council install drinking fountains.

It was agreed that this Notice of Motion be referred to the Environment Strategic Policy Committee.
"""
    first, second = _records(text).motions
    assert (first.mover.value, first.seconder.value) == ("Councillor O'Hanlon", "Councillor O'Dea")
    assert second.mover is None and second.outcome.value == "referred"


def test_an_election_proposed_and_seconded_is_carried() -> None:
    text = (
        "MINUTES OF THE PARISH COUNCIL HELD ON 9 MAY 2018\n\n07. ELECTION OF CHAIRMAN\n\n"
        "Cllr O'Leary was re-elected as Chairman of the Parish Council, proposed by Cllr Bradbury and "
        "seconded by Cllr Blake\n\n08. APOLOGIES FOR ABSENCE\n\nCllr Edgell\n"
    )
    election = _records(text).motions[0]
    assert (election.mover.value, election.seconder.value) == ("Cllr Bradbury", "Cllr Blake")
    assert election.outcome.value == "carried" and "re-elected as Chairman" in election.text.value


SCANNED = """*Scanned page, text may contain errors. See original file for clarity*
MINUTES OF PROCEEDINGS AT MEETING HELD ON WEDNESDAY,
9"" NOVEMBER, 2016, AT 10:00 A.M.
2. Protected Structures
Proposed by Councillor Scanlan;
Seconded by Councillor Galvin;
And Resolved:
---
*Scanned page, text may contain errors. See original file for clarity*
“That Cooney's Thatched House be added to the Record of Protected Structures.”
16. Noti f Motion mi ouncillor J. Scanian
1 will move at the next Meeting that lands along Boherbee be acquired for a footpath.
In proposing the Motion Councillor Scanlan stated that a footpath was necessary.
The Motion was seconded by Councillor Galvin.
---
*Scanned page, text may contain errors. See original file for clarity*
"""


def test_scanned_minutes_ocr_date_running_notice_and_a_notice_garbled_heading() -> None:
    records = _records(SCANNED)
    assert records.meeting.date.value == "2016-11-09"  # '9""' is an OCR'd raised 'th'
    resolved, footpath = records.motions
    assert resolved.text.value.startswith("“That Cooney's Thatched House")  # not the scan's notice
    # the notice's words stand above 'In proposing the Motion Councillor Scanlan'
    assert footpath.text.value.startswith("1 will move at the next Meeting that lands along Boherbee")
    assert (footpath.mover.value, footpath.seconder.value) == ("Councillor Scanlan", "Councillor Galvin")


def test_a_third_count_in_a_tally_is_the_abstentions() -> None:
    page = (
        "MINUTES OF THE FINANCE COMMITTEE HELD ON 4 DECEMBER 2019\n\n12. Payments\n\n"
        "RESOLVED to approve the payments. Proposed by Cllr. R. Khan, seconded by Cllr. T. Osei. "
        "Carried 4-0-1 (Doyle Abstain).\n\n13. Grants\n\nRESOLVED to approve the grants. Proposed by Cllr. T. Osei, "
        "seconded by Cllr. R. Khan. Carried 7-2.\n"
    )
    votes = [(m.vote.votes_for, m.vote.against, m.vote.abstain) for m in _records(page).motions if m.vote]
    assert votes == [(4, 0, 1), (7, 2, None)]


def test_mover_and_seconder_set_off_by_commas_before_the_motion() -> None:
    text = (
        "8. Motion on Notice: Climate Emergency\n\nCouncillor Kaur moved, and Councillor Riley seconded, the"
        ' following motion:\n\n"This Council declares a climate emergency."\n\nThe motion was CARRIED.\n'
    )
    motion = _records("MINUTES OF THE COUNCIL HELD ON 8 OCTOBER 2019\n\n" + text).motions[0]
    assert (motion.mover.value, motion.seconder.value) == ("Councillor Kaur", "Councillor Riley")


RECORDED = """MINUTES OF THE COUNCIL HELD ON 6 NOVEMBER 2013 AT 9:30 AM

Moved by Councillor Nordman, seconded by Councillor Steen, that the appointments be approved.

A RECORDED VOTE was taken the result being as follows:

Yeas

Councillors Browaty, Fielding and Havixbeck.

Nays

Councillors Eadie, Gerbasi, Orlikow.

Deputy City Clerk: The vote Your Worship, Yeas 3, Nays 3. The motion is carried.
"""


def test_a_recorded_vote_keeps_both_its_names_and_the_clerks_count() -> None:
    (motion,) = _records(RECORDED).motions
    assert (motion.vote.votes_for, motion.vote.against) == (3, 3)
    assert motion.vote.noes == ("Eadie", "Gerbasi", "Orlikow")
    assert motion.vote.ayes == ("Browaty", "Fielding", "Havixbeck")


def test_which_councillors_voted_against_is_read_from_the_recorded_vote(tmp_path) -> None:
    from index.settings import Settings
    from qa.recordanswer import answer_from_records

    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "minutes.txt").write_text(RECORDED, encoding="utf-8")
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    question = "Which councillors voted against the appointments on 6 November 2013?"
    answer = answer_from_records(engine.store, question, engine.retriever.retrieve(question))
    assert answer is not None and answer.text.startswith("Voting against")
    assert "Eadie, Gerbasi and Orlikow" in answer.text
