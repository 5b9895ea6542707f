"""Acts a question asks of (a vote's abstention, an agreement's expiry, a date after an event) and the
papers, identifiers and tallies that are not what they look like."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from conftest import retrieval_of

from index.passage import Passage
from qa.answertype import expected
from qa.bodies import named_bodies
from qa.candidate import Asked, Candidate
from qa.fit import fitting
from qa.framing import paper_dates
from qa.leadline import lead_line
from qa.numbering import asks_number
from qa.pinning import pinned_to_named_paper
from qa.query import Identifier
from qa.reader import Read, candidates
from qa.scheduled import DATED_AFTER
from qa.shortlist import shortlist
from qa.spans import spans
from qa.timefit import told_before
from qa.typematch import typed_at


def _candidates(*texts: str) -> list[Candidate]:
    passage = Passage(1, "\n".join(texts), None, 1, 1, "a.pdf", "Paper", None, None, None, "day", "minutes")
    return [Candidate(t, None, None, passage, 0, frozenset(s.kind for s in spans(t))) for t in texts]


def _fit(question: str, *texts: str) -> list[str]:
    kept, _ = fitting(_candidates(*texts), Asked(question, expected(question), {}, None))
    return [c.text for c in kept]


def test_a_numbered_rules_reference_is_no_vote() -> None:
    policy = "The project conforms with the Transportation Analysis Policy (Council Policy 5-1)."
    assert [s.text for s in spans(policy) if s.kind == "decision"] == []
    assert [s.text for s in spans("see Section 4-2 of the code") if s.kind == "decision"] == []
    assert "5-1" in [s.text for s in spans("The motion passed 5-1.") if s.kind == "decision"]
    assert "9-0-1-1" in [s.text for s in spans("The vote was 9-0-1-1.") if s.kind == "decision"]


def test_a_vote_asked_by_what_vote_is_a_decision() -> None:
    assert expected("By what vote did the council award the paving contract?").kind == "decision"
    assert expected("By what margin did the motion pass?").kind == "decision"


def test_a_resolutions_vote_left_blank_tells_no_vote() -> None:
    """A draft resolution prints its vote to fill in; the Planning Commission's tally is a vote told."""
    question = "How did the City Council vote on the rezoning?"
    blank = "ADOPTED this day of , , by the following vote: AYES; NOES; ABSENT; DISQUALIFIED."
    told = "The motion to recommend approval of the rezoning passed 9-0-1-1."
    assert _fit(question, blank, told) == [told]


def test_a_members_act_in_a_vote_is_told_where_a_sentence_says_it() -> None:
    question = "Which commissioner abstained when the Planning Commission voted on the rezoning?"
    recital = "WHEREAS, the Planning Commission reviewed the rezoning at a public hearing, Commissioner Lee presiding."
    act = "Commissioner Cantrell abstained and Commissioner Ornelas-Wise was absent."
    assert _fit(question, recital, act) == [act]
    assert _fit("Who voted against the budget?", recital, "NOES: Councillor Reid.") == [
        "NOES: Councillor Reid."
    ]


def test_a_forms_words_name_no_one() -> None:
    """'Moved by Seconded by That we pass By-Law No. 2024-31': the mover's line is left blank."""
    form = "Moved by Seconded by That we pass By-Law No. 2024-31, being a by-law to confirm the proceedings."
    assert not {"Seconded", "That", "By"} & {s.text for s in spans(form) if s.kind in {"person", "proper"}}
    assert "Councillor West" in [s.text for s in spans("Moved by Councillor West.") if s.kind == "person"]


def test_a_department_is_a_body_and_no_outside_firm() -> None:
    text = "We set up Fostering Friendly Plymouth with Human Resources in February 2020."
    assert "Human Resources" in [s.text for s in spans(text) if s.kind == "organisation"]
    assert "Human Resources" not in [s.text for s in spans(text) if s.kind == "person"]
    firm = "Which marketing firm did Plymouth commission?"
    department = "Which council department did the fostering service work with?"
    only = "The council worked with Human Resources."
    assert typed_at(only, frozenset({"organisation"}), frozenset(), department)
    assert not typed_at(only, frozenset({"organisation"}), frozenset(), firm)


def test_the_numbers_a_resolution_passed_are_no_number_of_an_item() -> None:
    assert not asks_number("Which range of by-law numbers did Guelph City Council pass on May 26, 2014?")
    assert asks_number("What by-law number did council give the fee schedule?")


def test_accounts_named_by_their_years_end_name_the_paper() -> None:
    question = (
        "According to the parish's accounts for the year ending March 2017, when does the lease expire?"
    )
    assert paper_dates(question) == "March 2017"
    assert paper_dates("What did the statement for the period ended 31 March 2023 show?") == "31 March 2023"


def test_an_act_asked_is_dated_where_a_sentence_tells_that_act() -> None:
    question = "On what date does the automatic aid agreement attached to the by-law expire?"
    confirming = "By-Law: Confirming Proceedings of Council at its meeting held June 4, 2024."
    expiry = "This agreement shall come into effect June 5, 2024 and expires 11:59 p.m. May 31, 2027."
    assert _fit(question, confirming, expiry) == [expiry]
    lease = "Village Hall land lease; Annual Sum Payable £0.20; Year of Expiry 2073"
    assert _fit("In what year does the village hall lease expire?", "Accounts approved 2017.", lease) == [
        lease
    ]
    # 'start waiving' asks when the waiving began, however told ('was implemented in April 2019')
    waived = "Waiving council tax for care leavers was implemented in April 2019."
    started = "The new service started in March 2020."
    assert _fit("When did Plymouth start waiving council tax?", waived, started) == [waived, started]


def test_a_date_asked_after_an_event_is_none_before_it() -> None:
    question = "When is the next inspection scheduled after the January 2024 inspection?"
    assert DATED_AFTER.search(question)
    assert not DATED_AFTER.search("When did the January 2024 inspection start?")
    assert told_before("good progress following our SEND inspection in 2023", dt.date(2024, 2, 1))
    assert not told_before("the next inspection is due in 2027", dt.date(2024, 2, 1))
    assert not told_before("no date is set", dt.date(2024, 2, 1))


def test_an_identifier_pins_only_the_paper_the_question_dates(fake_embedder) -> None:
    """'ILACS priority 5' of the June 2019 report: the 2024 plan's 'Priority 5' is another paper's."""
    question = (
        "In the June 2019 improvement plan progress report, how many milestones was priority 5 on track for?"
    )
    retrieval = retrieval_of(
        question, ["Priority 5 Key milestones", "one of these three milestones"], fake_embedder
    )
    first, second = retrieval.passages
    later, reprinted = replace(first, date=dt.date(2024, 3, 1)), replace(second, date=dt.date(2019, 9, 11))
    held = {later.chunk_id: (Identifier("priority", "5"),)}
    pinned = replace(retrieval, passages=(later, reprinted), matched=held)
    assert pinned_to_named_paper(pinned).matched == {}
    same = replace(pinned, matched={reprinted.chunk_id: (Identifier("priority", "5"),)})
    assert pinned_to_named_paper(same).matched == same.matched
    undated = replace(
        pinned, query=replace(pinned.query, text="How many milestones was priority 5 on track for?")
    )
    assert pinned_to_named_paper(undated).matched == held


def test_a_period_leads_whole_not_by_its_end() -> None:
    question = "During what period would the Virtual School give rewards for the 100 Day Challenge?"
    cell = "February 18 – May 18"
    text = f"When will you do this?: {cell}"
    end = next(s for s in spans(text) if s.kind == "date" and s.text == "May 18")  # the reader's span
    candidate = replace(_candidates(text)[0], span=end)
    assert lead_line(Read(candidate, (), 1.0), "date", question).startswith(f"{cell} — ")
    whole = _candidates(text)[0]  # the cell itself won: its two dates are one period
    assert lead_line(Read(whole, (), 1.0), "date", question).startswith(f"{cell} — ")
    alone = _candidates("The summit was held on 4 May 2019 at the Guildhall.")[0]
    assert lead_line(Read(alone, (), 1.0), "date", "When was the summit held?").startswith("4 May 2019 — ")


def test_a_post_described_after_its_councils_name_is_the_post_asked() -> None:
    """'Plymouth's dedicated Service Manager': no Lead Director's field holds it."""
    question = "Who was appointed as Plymouth's dedicated Service Manager for fostering?"
    field, said = _candidates("Jean Kelly", "Sam Lee was appointed as the new Service Manager for fostering.")
    field = replace(field, label="Lead Director")
    kept, _ = fitting([field, said], Asked(question, expected(question), {}, None))
    assert kept == [said]


def test_an_outcome_of_a_meeting_is_not_told_by_a_paper_written_before_it(fake_embedder) -> None:
    """A staff report dated 2 August to council's 24 August meeting tells the Planning Commission's 14 July
    vote, not council's: the outcome asked is declined, not answered with the commission's tally."""
    question = "How did the City Council vote on the rezoning at its August 24, 2021 meeting?"
    said = "The motion to recommend Council approval of the rezoning passed 9-0-1-1 at the August 24, 2021 hearing."
    before = retrieval_of(question, [said], fake_embedder, dt.date(2021, 8, 2), "report")
    after = retrieval_of(question, [said], fake_embedder, dt.date(2021, 8, 25), "minutes")
    asked = Asked(question, expected(question), {}, None)
    assert shortlist(candidates(before, asked), asked, before.query.terms).kept == ()
    assert shortlist(candidates(after, asked), asked, after.query.terms).kept


def test_a_day_printed_just_after_the_act_asked_answers_however_it_scores() -> None:
    question = "When does the automatic aid agreement between the two townships expire?"
    expiry = (
        "This agreement shall come into effect 12:01 a.m. June 5, 2024 and expires 11:59 p.m. May 31, 2027."
    )
    other = "The agreement was put before council on June 4, 2024."
    kept, answers = fitting(_candidates(other, expiry), Asked(question, expected(question), {}, None))
    assert [c.text for c in kept] == [expiry] and answers
    kept, answers = fitting(_candidates(other), Asked(question, expected(question), {}, None))
    assert not answers
    # a beginning is not told so plainly: 'Commenced: January 2019' dates another action as well
    begun = "When did the new support team begin work?"
    _, answers = fitting(
        _candidates("Key Dates: Commenced: January 2019"), Asked(begun, expected(begun), {}, None)
    )
    assert not answers


def test_a_clause_opening_the_question_names_its_body_without_its_preposition() -> None:
    question = "After the Corporate Parenting Committee of 23 February 2016, when is progress next reported?"
    assert named_bodies(question) == ("Corporate Parenting Committee",)
