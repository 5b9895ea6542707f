"""An asked item's stretch: the chunks after the one naming it, up to the next item of its kind."""

from __future__ import annotations

import dataclasses
import datetime as dt

from index.passage import Passage
from index.settings import Settings
from qa.engine import CouncilQA
from qa.query import Identifier, meeting_day
from qa.stretch import item_pool, of_meeting_day

MOTION1 = Identifier("motion", "1")


def _passage(chunk_id: int, text: str, source: str = "hansard.pdf") -> Passage:
    return Passage(chunk_id, text, None, 1, 1, source, None, None, None, None, "none", "minutes")


PAPER = {
    1: _passage(1, "Motion No. 1: appointments to committees."),
    2: _passage(2, "Councillor Orlikow: I cannot support the motion."),
    3: _passage(3, "Deputy City Clerk: The vote, Yeas 13, Nays 3. The motion is carried."),
    4: _passage(4, "Motion No. 2: the transit plan."),
    5: _passage(5, "Yeas 9, Nays 7. The motion is carried."),
    6: _passage(6, "Yeas 16, Nays 0.", source="another.pdf"),
}


def _between(first: int, last: int) -> list[Passage]:
    return [PAPER[i] for i in range(first + 1, last + 1) if i in PAPER]


def test_the_stretch_runs_to_the_next_item_of_its_kind() -> None:
    ranked = [PAPER[5], PAPER[3], PAPER[1], PAPER[6], PAPER[2]]
    pool = item_pool(ranked, {1: (MOTION1,)}, _between, reach=12)
    # the debate and the vote after Motion No. 1 are in; Motion No. 2's vote and another paper are not
    assert [p.chunk_id for p in pool] == [3, 1, 2]


def test_the_stretch_ends_at_its_reach_and_never_runs_backwards() -> None:
    ranked = [PAPER[3], PAPER[1]]
    assert [p.chunk_id for p in item_pool(ranked, {1: (MOTION1,)}, _between, reach=1)] == [1]
    assert [p.chunk_id for p in item_pool(ranked, {3: (MOTION1,)}, _between, reach=12)] == [3]


def test_a_bare_number_has_no_kind_and_runs_to_its_reach() -> None:
    bare = Identifier("", "21-009")
    ranked = [PAPER[5], PAPER[1]]
    assert [p.chunk_id for p in item_pool(ranked, {1: (bare,)}, _between, reach=12)] == [5, 1]


HANSARD = (
    "COUNCIL OF THE CITY OF TESTVILLE\nMinutes, 6 November 2013\n\n"
    "Motion No. 1\n\nMoved by Councillor Nordman that the appointments to committees be made as printed.\n\n"
    + "\n\n".join(
        f"Councillor Speaker{n}: I rise to speak about the appointments and the makeup of the committees, "
        "which I believe is unfair to the wards in the north and east of the city, and to the residents."
        for n in range(12)
    )
    + "\n\nMayor: Recorded vote. All in favour?\n\nDeputy City Clerk: The vote, Yeas 13, Nays 3.\n"
)


def test_the_recorded_vote_on_a_motion_answers_after_its_debate(tmp_path, fake_embedder) -> None:
    settings = dataclasses.replace(Settings(store=tmp_path / "store"), max_tokens=80)
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "hansard.txt").write_text(HANSARD, encoding="utf-8")
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(folder)], progress=False)
    assert engine.stats().chunks > 5  # the vote is chunks away from the motion's number
    answer = engine.ask("What was the result of the recorded vote on Motion No. 1?")
    engine.close()
    assert answer.status == "answered" and "Yeas 13, Nays 3" in answer.text.split("[1]")[0]


MINUTE13 = Identifier("minute", "13")


def _headed(chunk_id: int, heading: str | None, text: str) -> Passage:
    return dataclasses.replace(_passage(chunk_id, text, source="pack.pdf"), heading=heading)


# A pack: its own meeting's agenda, then the earlier meeting's minutes reproduced for approval.
PACK = {
    1: _headed(
        1, None, "Testshire Scrutiny Committee\n\nWednesday 11 September 2019\n2.00 pm\nWarspite Room"
    ),
    2: _headed(2, None, "11. Ofsted Improvement Plan (Pages 33 - 64)\n\n13. Work Programme (Pages 69 - 74)"),
    3: _headed(
        3,
        "PRESENT",
        "Testshire Scrutiny Committee\n\nWednesday 10 July 2019\n\nCouncillor Ayers, in the Chair.",
    ),
    4: _headed(4, "11. Minutes", "Members agreed the minutes of the last meeting held on 29 May 2019."),
    5: _headed(
        5, "13. Children in Care", "Judith Harwood advised Members that there were 417 children in care."
    ),
    6: _headed(6, "13. Children in Care", "Agreed that further details of the trend would be provided."),
    7: _headed(7, "14. Pledge Update", "Members noted the update on pledges."),
}


def _pack_between(first: int, last: int) -> list[Passage]:
    return [PACK[i] for i in range(first + 1, last + 1) if i in PACK]


def test_a_numbered_heading_of_another_minute_ends_the_stretch() -> None:
    ranked = [PACK[4], PACK[2], PACK[6], PACK[5], PACK[7], PACK[3]]
    pool = item_pool(ranked, {5: (MINUTE13,)}, _pack_between, reach=12)
    assert [p.chunk_id for p in pool] == [6, 5]  # minute 13 runs on under its heading, to minute 14
    # from the agenda's list, the stretch runs on to the minutes' header, not into minute 11
    pool = item_pool(ranked, {2: (MINUTE13,)}, _pack_between, reach=12)
    assert [p.chunk_id for p in pool] == [2, 3]


def test_the_item_of_the_meeting_the_question_dates_is_the_one_asked() -> None:
    ranked = [PACK[2], PACK[5], PACK[4]]
    matched = {2: (MINUTE13,), 5: (MINUTE13,)}
    taken = of_meeting_day(matched, ranked, dt.date(2019, 7, 10), _pack_between, reach=40)
    assert set(taken) == {5}
    assert set(of_meeting_day(matched, ranked, dt.date(2019, 9, 11), _pack_between, reach=40)) == {2}
    # no matched passage of that day: all are kept, for the reader to weigh
    assert of_meeting_day(matched, ranked, dt.date(2020, 1, 8), _pack_between, reach=40) == matched
    assert meeting_day("What is item 11 on the agenda for 11 September 2019?") == dt.date(2019, 9, 11)


class _PackStore:
    """The store's one read the composer makes here: passages by chunk id."""

    def passages(self, ids) -> list[Passage]:
        return [dataclasses.replace(PACK[i], date=dt.date(2019, 9, 11)) for i in ids if i in PACK]


def test_minutes_reproduced_in_a_later_pack_are_read_as_of_their_meeting(fake_embedder) -> None:
    from qa.composer import Composer
    from qa.query import parse
    from qa.retriever import Retrieval

    store = _PackStore()
    ranked = tuple(store.passages([6, 2]))
    composer = Composer(store, fake_embedder, Settings(header_reach=40))
    for question, day in (
        ("What did the committee agree at its 10 July 2019 meeting?", dt.date(2019, 7, 10)),
        # asked of the pack's own meeting, a minute of 10 July is still of 10 July: what it records was not
        # said on 11 September
        ("What did the committee agree at its 11 September 2019 meeting?", dt.date(2019, 7, 10)),
        ("What did the committee agree?", None),
    ):
        retrieval = Retrieval(parse(question), ranked, {}, {}, (), None, {}, {})
        read = composer._of_asked_meeting(retrieval).passages  # noqa: SLF001
        # the minutes after the 10 July header are of that meeting; the pack's own agenda is not
        assert read[0].date == (day or dt.date(2019, 9, 11))
        assert read[1].date == dt.date(2019, 9, 11)


def test_a_reports_own_number_pins_the_report_not_its_masthead() -> None:
    from qa.stretch import reported_papers

    number = Identifier("", "21-009")
    masthead = _passage(
        10, "STAFF REPORT Staff Report Number: 21-009-CC Approve a budget amendment", "menlo.pdf"
    )
    table = _passage(12, "Hello Housing | $135,665 $57,815 | $193,480", "menlo.pdf")
    other = _passage(20, "Hello Housing was founded in 2008.", "other.pdf")
    ranked = [masthead, other, table]
    q = "In Menlo Park staff report 21-009-CC, what total annual cost did Hello Housing propose?"
    # the report's other passages first; the masthead's subject line reads as an answer to anything
    assert reported_papers(q, ranked, {10: (number,)}) == [table, masthead]
    assert reported_papers(q, [masthead, other], {10: (number,)}) == [masthead]
    # a number not given as a report's own is an item's: its stretch, not the paper
    assert reported_papers("What does item 21-009 say?", ranked, {10: (number,)}) == []
    # nor when an item of the report is named too: that item's passages answer
    table2 = Identifier("table", "2")
    assert (
        reported_papers("In Table 2 of staff report 21-009-CC, what?", ranked, {10: (number,), 12: (table2,)})
        == []
    )
