"""The meeting after a named one: the first meeting date the papers list after it."""

from __future__ import annotations

import datetime as dt

from conftest import FakeEmbedder

from index.passage import Passage
from index.settings import Settings
from qa.answertype import expected
from qa.candidate import Candidate
from qa.engine import CouncilQA
from qa.nextmeeting import after_day, asks_after, asks_upcoming, meetings_after, schedules, tells_next
from qa.spans import spans


def _passage(cid: int, text: str, heading: str | None = None, day=None, council="Testshire") -> Passage:
    return Passage(cid, text, heading, 1, 1, f"{cid}.pdf", "Paper", council, None, day, "day", "minutes")


def _candidate(text: str, heading: str | None = None, label: str | None = None, day=None) -> Candidate:
    passage = _passage(1, text, heading, day)
    return Candidate(text, label, None, passage, 0, frozenset(s.kind for s in spans(text)))


def test_the_first_listed_meeting_date_after_the_day_counted_from():
    schedule = [
        _candidate("Monthly Meeting Dates: December 19, 2019; Submittal Deadline: November 19, 2019"),
        _candidate("Monthly Meeting Dates: January 23, 2020; Submittal Deadline: December 17, 2019"),
        _candidate("Monthly Meeting Dates: February 27, 2020; Submittal Deadline: January 21, 2020"),
    ]
    # the deadline beside a meeting (21 January) is no meeting's, though it comes sooner
    [first] = meetings_after(schedule, dt.date(2019, 12, 19))
    assert first.text == schedule[1].text and first.span.text == "January 23, 2020"
    yearless = _candidate("29th February, 28th March, 25th April", heading="Dates for 2024")
    [first] = meetings_after([yearless], after_day("the next meeting after January 2024?", None))
    # a day listed without its year leads with it
    assert first.text == yearless.text and first.span.text == "29 February 2024"
    assert after_day("the next meeting after January 2024?", None) == dt.date(2024, 1, 31)


def test_a_date_in_prose_is_a_meetings_only_beside_words_naming_one():
    prose = _candidate("The new curriculum comes into force on 1 September 2020.")
    met = _candidate("The committee will next meet on 13 November 2019 in the Warspite Room.")
    own = _candidate("Wednesday 11 September 2019, 2.00 pm, Warspite Room", day=dt.date(2019, 9, 11))
    assert [c.text for c in meetings_after([prose, met], dt.date(2019, 7, 10))] == [met.text]
    assert [c.text for c in meetings_after([prose, met, own], dt.date(2019, 7, 10))] == [own.text]
    assert meetings_after([prose], dt.date(2019, 7, 10)) == []


def test_the_meeting_after_another_is_asked_in_several_words():
    for asked in (
        "On what date was the scrutiny committee meeting that came after 11 September 2019?",
        "When did the parish council meet after its meeting of 25 January 2024?",
        "When was the meeting of the Scrutiny Committee that followed the one of 10 July 2019?",
        "Which Souldern Parish Council meeting comes after the one on 29 February 2024?",
        "Which meeting of the Scrutiny Committee follows the 8 January 2020 one?",
        "When does the committee meet after 4 March 2020?",
    ):
        assert asks_after(asked), asked
    # asked which meeting follows, its day is what is asked
    assert expected("Which meeting of the Scrutiny Committee follows the 8 January 2020 one?").kind == "date"
    assert (
        expected("What is the meeting after the December 19, 2019 Planning Commission meeting?").kind
        == "date"
    )
    assert tells_next("Date of the next meeting: Tuesday, 8 July 2025")
    assert not tells_next("Members discussed the work programme and agreed the following: (a) …")
    for asked in (
        "When is the next meeting of Souldern Parish Council?",
        "When will the parish council next meet?",
        "Where is the next Summit County Planning Commission meeting?",
    ):
        assert asks_upcoming(asked), asked
    assert not asks_upcoming("What is the next step for the playground?")


def test_the_next_meeting_is_listed_in_the_latest_papers_schedule_though_retrieval_missed_it():
    old = _passage(1, "The next meeting will be held on 11 July 2018.", day=dt.date(2018, 5, 9))
    latest = _passage(2, "Apologies were received from Cllr Smith.", day=dt.date(2024, 1, 25))
    listed = _passage(3, "29th February, 28th March, 25th April", heading="Dates for 2024", day=latest.date)
    barrier = _passage(4, "Car park barrier to be agenda item for next meeting", day=latest.date)
    other = _passage(5, "Dates for 2025: 9th January", day=dt.date(2024, 12, 1), council="Elsewhere")
    paper = {2: [latest, listed, barrier], 1: [old], 5: [other]}.__getitem__
    asked = "When is the next meeting of Testshire Parish Council?"
    # the latest Testshire paper's list of days, not another council's, and not a passage without days
    assert schedules(asked, [old, latest, other], paper) == [listed]
    assert schedules(asked, [old, latest, listed, other], paper) == []  # already retrieved
    # asked the meeting after a day: that day's paper's list
    after = "When did Testshire Parish Council meet after its meeting of 25 January 2024?"
    assert schedules(after, [old, latest], paper) == [listed]
    assert schedules("When was the Testshire meeting in January 2024?", [old, latest], paper) == []
    # a day the schedule lists, with no paper of its own: the last papers before it give the list
    listed_day = "Which Testshire Parish Council meeting comes after the one on 29 February 2024?"
    assert schedules(listed_day, [old, latest], paper) == [listed]
    # a pack reproduces earlier minutes first; its own business, naming the meeting after, comes last
    pack = [
        _passage(10 + k, f"Next regular meeting to be held June {k + 1}, 2024.", day=latest.date)
        for k in range(5)
    ]
    assert schedules(asked, [pack[0]], {10: pack}.__getitem__) == pack[2:]


_MARCH = """Testshire Parish Council
Minutes of the meeting held on Tuesday 13 March 2018

PRESENT: Cllr Ann Brown (Chair), Cllr Tom Green

The council received the footpath report.

The next meeting will be held on Tuesday 10 April 2018.
"""

_APRIL = """Testshire Parish Council
Minutes of the meeting held on Tuesday 10 April 2018

PRESENT: Cllr Ann Brown (Chair), Cllr Tom Green

The council received the village hall report.

The next meeting will be held on Tuesday 8 May 2018 at 7.00 pm.
"""

_MAY = """Testshire Parish Council
Minutes of the meeting held on Tuesday 8 May 2018

PRESENT: Cllr Ann Brown (Chair), Cllr Tom Green

The council received the playing field report.
"""


def test_the_next_meeting_is_the_latest_papers_and_none_when_it_names_none(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "march.txt").write_text(_MARCH, encoding="utf-8")
    (folder / "april.txt").write_text(_APRIL, encoding="utf-8")
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([folder], progress=False)
    asked = "When is the next meeting of Testshire Parish Council?"
    answer = engine.ask(asked)
    assert "next meeting as Tuesday 8 May 2018" in answer.text and "as Tuesday 10 April" not in answer.text
    # once the 8 May minutes are filed and name no meeting after, the papers do not say: not 8 May again
    (folder / "may.txt").write_text(_MAY, encoding="utf-8")
    engine.ingest([folder], progress=False)
    assert engine.ask(asked).status == "not_found"
