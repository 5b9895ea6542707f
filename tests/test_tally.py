"""Counts told by listing: a 'how many' question answered by counting the rows or bullets a lead-in
introduces, and only where the lead-in names what is counted."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from index.passage import Passage
from qa.engine import CouncilQA
from qa.tally import tally


def _passage(text: str, chunk_id: int = 1) -> Passage:
    return Passage(chunk_id, text, None, 1, 1, "notice.pdf", "Notice", None, None, None, "unknown", "other")


NOTICE = (
    "NOTICE OF UNCONTESTED ELECTION\n\nElection of Parish Councillors for Westby Parish Council\n\n"
    "I report that the persons whose names appear below were duly elected Parish Councillors for "
    "Westby Parish Council.\n\n"
    + "\n\n".join(
        f"Name of Candidate: {name}\nHome Address: (address in Westby)"
        for name in ("ARNOLD Kim", "BLAKE Sam", "CHOWDHURY Rina", "DOYLE Pat")
    )
    + "\n\nDated 6 April 2023"
)


def _none(_: int) -> Passage | None:
    return None


def test_the_rows_under_a_lead_in_naming_what_is_counted_are_the_count() -> None:
    q = "How many parish councillors were elected unopposed for Westby Parish Council?"
    found = tally(q, [_passage(NOTICE)], _none, 3)
    assert found is not None
    assert found.items == ("ARNOLD Kim", "BLAKE Sam", "CHOWDHURY Rina", "DOYLE Pat")
    assert "duly elected Parish Councillors" in found.lead


def test_a_list_of_something_else_counts_nothing() -> None:
    # the notice lists councillors; it does not count votes, nor tell of another council's election
    assert tally("How many votes did Kim Arnold receive at Westby?", [_passage(NOTICE)], _none, 3) is None
    assert (
        tally("How many councillors were elected for Eastby Town Council?", [_passage(NOTICE)], _none, 3)
        is None
    )
    assert tally("Who was elected for Westby Parish Council?", [_passage(NOTICE)], _none, 3) is None


MINUTES = (
    "17. Bullying and Attendance\n\nThe following key points were highlighted to Members:\n\n"
    "- (a) a sample of 415 open cases had been reviewed by officers as a result of a\n"
    "Motion that went to Full Council in March 2019;\n"
    "- (b) schools were required by law to act to prevent bullying;\n"
    "- (c) a piece of work was underway to develop best practice guidance.\n"
    "In response to questions raised it was reported that –\n"
    "- (d) there was no single route for parents to report bullying."
)


def test_bullets_are_counted_to_the_end_of_their_run_a_broken_line_within_an_item() -> None:
    found = tally(
        "How many key points were highlighted to Members on bullying?", [_passage(MINUTES)], _none, 3
    )
    assert found is not None and len(found.items) == 3
    assert found.items[0].startswith("a sample of 415")


def test_a_change_of_marker_ends_the_list_and_an_anaphor_takes_the_sentence_before() -> None:
    text = (
        "- 1.4 Directors gave commitments. There are also a number of key themes across departments. "
        "These include:\n - Apprenticeships for children in care\n - Work experience\n"
        " - Voice of children in care\n- 1.5 It is proposed that a formal sign up is undertaken."
    )
    found = tally("How many key themes across departments were identified?", [_passage(text)], _none, 3)
    assert found is not None and len(found.items) == 3


def test_a_list_that_reaches_its_chunks_end_is_counted_on_in_the_next_chunk() -> None:
    first = _passage(
        "Members discussed the work programme and agreed the following:\n\n- (a) Ofsted plan;\n- (b) Attendance;"
    )
    second = _passage("- (c) School funding;\n- (d) Home education\n\nTracking Decisions", chunk_id=2)
    found = tally(
        "How many items did Members agree for the work programme?",
        [first],
        lambda cid: second if cid == 1 else None,
        3,
    )
    assert found is not None and len(found.items) == 4 and found.later == (second,)
    # read no further than asked: with no chunk after the lead-in's, the two in it are all it has
    assert (
        len(tally("How many items did Members agree for the work programme?", [first], _none, 0).items) == 2
    )


def test_a_count_question_with_no_stated_count_is_answered_from_the_list(
    tmp_path: Path, settings, fake_embedder
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    rows = "\n".join(
        f"{name}\t(address in Westby)" for name in ("ARNOLD Kim", "BLAKE Sam", "DOYLE Pat", "FRY Jo")
    )
    paper = (
        NOTICE.split("\n\nName of Candidate")[0]
        + f"\n\nName of Candidate\tHome Address\n{rows}\n\nDated 6 April"
    )
    (folder / "notice.txt").write_text(paper)
    engine = CouncilQA(replace(settings, max_tokens=200), embedder=fake_embedder)
    try:
        engine.ingest([str(folder)], progress=False)
        answer = engine.ask("How many parish councillors were elected for Westby Parish Council?")
    finally:
        engine.close()
    assert answer.status == "answered"
    assert answer.text.startswith("4 — ")
    assert "FRY Jo" in answer.text and answer.citations


def test_a_list_split_over_chunks_keeps_a_broken_line_and_a_last_item_taken_for_a_heading() -> None:
    first = _passage(
        "The Clerk presented his Report on the following matters:\n\n• Parish Bank Account Mandate\n\n"
        "• Donations Boxes\n\n• Skip on the Green (Thistlebout), which the parish agreed to hire for a"
    )
    second = _passage("weekend;\n\n• Council Finances\n\nRESOLVED: That the report be noted.", chunk_id=2)
    found = tally(
        "How many matters did the Clerk's Report cover?", [first], lambda cid: second if cid == 1 else None, 3
    )
    assert found is not None and len(found.items) == 4  # the broken line runs on into the next chunk
    headed = replace(
        _passage("RESOLVED: That the report be noted.", chunk_id=2), heading="• Council Finances"
    )
    whole = _passage(first.text.rsplit(", which", 1)[0])
    found = tally(
        "How many matters did the Clerk's Report cover?", [whole], lambda cid: headed if cid == 1 else None, 3
    )
    assert found is not None and found.items[-1] == "Council Finances"


def _headed(text: str, heading: str, chunk_id: int = 1) -> Passage:
    return replace(
        _passage(text, chunk_id), heading=heading, title="Implementing the Pledge for Children in Care"
    )


RECOMMENDED = _headed(
    "- 2.1 To accept the commitments made by the departments\n- 2.2 To agree the launch of the Pledge\n"
    "- 2.3 To review progress on commitment implementation in July 2016",
    "RECOMMENDATION",
)
REASONS = _headed(
    "- 3.1 To meet the council's corporate parenting obligations\n- 3.2 To ensure the Pledge is publicised",
    "REASONS FOR RECOMMENDATION",
    chunk_id=2,
)
_AFTER = {1: REASONS}


def test_the_items_under_a_heading_naming_what_is_counted_are_the_count() -> None:
    q = "How many recommendations does the report on implementing the Pledge for Children in Care make?"
    # found below the passages searched for a lead-in, under its own heading only: the next chunk's
    # heading in capitals ends the list, and a heading whose noun is 'reasons' counts no recommendations
    found = tally(q, [REASONS, _passage("Other text."), RECOMMENDED], _AFTER.get, 3, lead_ins=1)
    assert found is not None and found.passage is RECOMMENDED
    assert found.lead == "RECOMMENDATION:" and len(found.items) == 3 and found.later == ()
    reasons = tally(q.replace("recommendations", "reasons for recommendation"), [REASONS], _none, 3)
    assert reasons is not None and len(reasons.items) == 2


def test_a_heading_counts_only_in_the_paper_the_question_names() -> None:
    other = "How many recommendations does the report on school transport make?"
    assert tally(other, [RECOMMENDED], _AFTER.get, 3) is None
    # nor a heading naming something else, nor one whose chunk opens with prose
    assert (
        tally("How many actions does the Pledge for Children in Care report set?", [RECOMMENDED], _none, 3)
        is None
    )
    prose = _headed("The committee is asked to note the report.\n- 2.1 To accept", "RECOMMENDATION")
    assert (
        tally("How many recommendations does the Pledge for Children in Care report make?", [prose], _none, 3)
        is None
    )


def test_a_heading_counts_only_when_its_papers_title_holds_a_topical_share_of_the_question() -> None:
    # two of eight words ('implemented', 'care') are not enough to make the report the one asked of
    q = "How many recommendations were to be implemented after the audit of care plans with no responsible person?"
    assert tally(q, [RECOMMENDED], _AFTER.get, 3) is None


def test_a_headings_list_may_follow_a_line_leading_into_it() -> None:
    led = _headed(
        "Cabinet is recommended to:\n1. Note the performance of the centre.\n2. Approve six advisers.\n"
        "3. Agree web-chat on Saturdays.",
        "RECOMMENDATIONS",
    )
    q = "How many recommendations does the report on implementing the Pledge for Children in Care make?"
    found = tally(q, [led], _none, 3)
    assert found is not None and len(found.items) == 3 and found.items[0].startswith("Note the performance")


def test_a_heading_counts_by_its_own_noun_its_last_not_a_topic_it_names() -> None:
    # '18. Care Leavers and NEET - plan (to follow)' heads a plan: its points are no count of care leavers
    minute = _headed(
        "In response to questions raised it was reported that:\n- (a) the I10 Club met monthly;\n"
        "- (b) work experience needed planning earlier;\n- (c) 17% of care leavers were NEET;",
        "18. Care Leavers and NEET - plan (to follow)",
    )
    q = "How many care leavers had started a work placement under the Pledge for Children in Care?"
    assert tally(q, [minute], _none, 3) is None
    risks = replace(minute, heading="Key Care Leavers Risks (Pledge)")
    found = tally(
        q.replace("How many care leavers had", "How many risks had care leavers"), [risks], _none, 3
    )
    assert found is not None and len(found.items) == 3
