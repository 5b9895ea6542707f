"""The meeting after a named one: the first meeting date the papers list after it."""

from __future__ import annotations

import datetime as dt

from index.passage import Passage
from qa.candidate import Candidate
from qa.nextmeeting import after_day, meetings_after
from qa.spans import spans


def _candidate(text: str, heading: str | None = None, label: str | None = None, day=None) -> Candidate:
    passage = Passage(1, text, heading, 1, 1, "a.pdf", "Paper", "Testshire", None, day, "day", "minutes")
    return Candidate(text, label, None, passage, 0, frozenset(s.kind for s in spans(text)))


def test_the_first_listed_meeting_date_after_the_day_counted_from():
    schedule = [
        _candidate("Monthly Meeting Dates: December 19, 2019; Submittal Deadline: November 19, 2019"),
        _candidate("Monthly Meeting Dates: January 23, 2020; Submittal Deadline: December 17, 2019"),
        _candidate("Monthly Meeting Dates: February 27, 2020; Submittal Deadline: January 21, 2020"),
    ]
    # the deadline beside a meeting (21 January) is no meeting's, though it comes sooner
    assert meetings_after(schedule, dt.date(2019, 12, 19)) == [schedule[1]]
    yearless = _candidate("29th February, 28th March, 25th April", heading="Dates for 2024")
    assert meetings_after([yearless], after_day("the next meeting after January 2024?", None)) == [yearless]
    assert after_day("the next meeting after January 2024?", None) == dt.date(2024, 1, 31)


def test_a_date_in_prose_is_a_meetings_only_beside_words_naming_one():
    prose = _candidate("The new curriculum comes into force on 1 September 2020.")
    met = _candidate("The committee will next meet on 13 November 2019 in the Warspite Room.")
    own = _candidate("Wednesday 11 September 2019, 2.00 pm, Warspite Room", day=dt.date(2019, 9, 11))
    assert meetings_after([prose, met], dt.date(2019, 7, 10)) == [met]
    assert meetings_after([prose, met, own], dt.date(2019, 7, 10)) == [own]
    assert meetings_after([prose], dt.date(2019, 7, 10)) == []


def test_the_meeting_after_another_is_asked_in_several_words():
    from qa.shortlist import _NEXT, _NEXT_ONE

    for asked in (
        "On what date was the scrutiny committee meeting that came after 11 September 2019?",
        "When did the parish council meet after its meeting of 25 January 2024?",
        "When was the meeting of the Scrutiny Committee that followed the one of 10 July 2019?",
    ):
        assert _NEXT_ONE.search(asked), asked
    assert _NEXT.search("Date of the next meeting: Tuesday, 8 July 2025")
    assert not _NEXT.search("Members discussed the work programme and agreed the following: (a) …")
