"""What comes before the thing asked or said: a question's lead-in naming its meeting, a council named
in full beside a day, a paragraph's bare number, a line's lead-in dating the bullets after it."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import answers_from_papers

from index.passage import Passage
from qa.answertype import asks_person_only, expected
from qa.bodies import councils_named
from qa.candidate import Candidate, stem_set
from qa.query import Identifier, identifiers, parse
from qa.recordanswer import read_question
from qa.retriever import defines, holds
from qa.spans import spans
from qa.timefit import of_asked_time
from qa.typematch import typed_at
from qa.units import block_lead, focus, row_above


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # the meeting named before a colon, then the question itself
        ("Omaha City Council meeting, October 16, 2012: who presides as council president?", "person"),
        ("Guelph City Council, 26 May 2014: time the meeting adjourned?", "time"),
        ("Hackney mayoral election 2023 (statement dated 13 Oct 2023): polling day?", "date"),
        ("Omaha, October 16, 2012: which councilmember moved item 5?", "person"),
        ("Which council member seconded the motion?", "person"),
        ("Which alderman moved the by-law?", "person"),
        ("Which council approved the plan?", "organisation"),
        ("Burton PC variances pro forma: variance % above which an explanation is required?", "percent"),
        ("Was the 15% figure met?", "decision"),  # a figure's percent sign asks nothing of its own
        (
            "Omaha City Council agenda of October 16, 2012: where does item 36, the ordinance amending "
            "Chapter 44 'Electricity' for power limited contractors, stand?",
            "status",
        ),
    ],
)
def test_a_question_is_typed_after_its_lead_in(question: str, kind: str) -> None:
    assert expected(question).kind == kind


def test_a_president_asked_is_a_person_not_a_body() -> None:
    assert asks_person_only("Omaha, October 16, 2012: who presides as council president?")
    assert asks_person_only("Who was president of the Omaha City Council?")


def test_a_council_named_in_full_picks_its_papers() -> None:
    guelph = frozenset({"Guelph City Council", "Township of Nipissing Council"})
    assert councils_named("Guelph City Council, 26 May 2014: time the meeting adjourned?", guelph) == (
        "Guelph City Council",
    )
    # with no day: 'the next meeting of the Guelph City Council' is not Nipissing's
    assert councils_named("When is the next meeting of the Guelph city council?", guelph) == (
        "Guelph City Council",
    )


_REPORT = (
    "- 3.1 For Derby City Council to undertake its wider duties.\n- 3.2 To ensure the Pledge is publicised."
)


def test_a_paragraph_is_printed_by_its_bare_number_at_a_line_start() -> None:
    (para,) = identifiers("What reason does paragraph 3.2 of the report give?")
    assert holds(_REPORT, para) and defines(_REPORT, para)
    assert not holds("- 3.21 Other matters.\n- 13.2 Budget.", para)  # no other number holds it
    assert not holds("The rate rose by 3.2 per cent.", Identifier("paragraph", "3.2"))


def test_a_numbered_line_asked_is_kept_apart_from_its_neighbours() -> None:
    para = Identifier("paragraph", "3.2")
    assert focus(_REPORT, [para]) == "- 3.2 To ensure the Pledge is publicised."
    # a line's continuation, unnumbered, stays with it
    text = "3.1 First.\n3.2 To ensure\nthe Pledge is publicised.\n3.3 Third."
    assert focus(text, [para]) == "3.2 To ensure\nthe Pledge is publicised."
    assert focus("Some prose.\nMore prose on 3.2.", [para]) == "Some prose.\nMore prose on 3.2."


def test_the_chairman_echoes_who_chaired() -> None:
    text = "The minutes were confirmed and duly signed by the Chairman."
    asked = frozenset(stem_set("Who chaired the meeting of 3 June 2025?"))
    roles = frozenset({"role"})
    assert [s.text for s in spans(text) if s.kind == "role"] == ["Chairman"]
    assert typed_at(text, roles, asked) == ()
    assert typed_at(text, roles, frozenset(stem_set("Who signed the minutes?")))  # not asked: an answer


_MILESTONES = (
    "Key Milestones 2024/25: • Implement the strategy leading to a net gain of 15 carers.\n"
    "Key Milestones 2025/26: • Further cohort identified. • Continue to achieve net gain of 20 carers."
)


def test_a_line_lead_in_dates_the_bullets_after_it() -> None:
    assert block_lead(_MILESTONES, "• Continue to achieve net gain of 20 carers.") == "Key Milestones 2025/26"
    assert block_lead(_MILESTONES, "Key Milestones 2024/25:") == ""  # nothing before it
    assert block_lead("Councillors present: Smith, Jones. The meeting opened.", "The meeting opened.") == ""
    passage = Passage(
        1, _MILESTONES, None, 1, 1, "p.txt", "Plan", "Testshire", None, dt.date(2024, 4, 1), "day", "report"
    )
    found = [
        Candidate(s, None, None, passage, 0, frozenset())
        for s in (
            "• Implement the strategy leading to a net gain of 15 carers.",
            "• Continue to achieve net gain of 20 carers.",
        )
    ]
    q = "What net gain of foster carers is the 2024/25 milestone?"
    assert [c.text for c in of_asked_time(found, q, parse(q).time)] == [found[0].text]


def test_a_statutes_whole_section_is_not_a_bare_number() -> None:
    section = Identifier("section", "47")
    assert not section.lined
    assert holds("Section 47 enquiries per 10,000", section)
    assert not holds("47 children were seen in the year.", section)


def test_a_24_hour_clock_with_a_dot_is_a_time_after_at() -> None:
    def times(text: str) -> list[str]:
        return [s.text for s in spans(text) if s.kind == "time"]

    assert times("HELD ON 9 MAY 2018 AT 19.30 IN HERTINGFORDBURY COWPER SCHOOL") == ["19.30"]
    assert times("The meeting closed at 21.15.") == ["21.15"]
    assert times("The loan is at 2.50 per cent.") == []
    assert times("Interest at 4.25% a year.") == []
    assert times("It rose to 19.30 in May.") == []  # a figure, not set at a time


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "Township of Nipissing council, 14 Nov 2023: mover of R2023-215 (by-law confirming the proceedings)?",
            "person",
        ),
        ("Winnipeg council organizational meeting, 6 Nov 2013: Councillor Pagtakhan's ward?", "place"),
        ("Souldern Parish Council minutes of 25 Jan 2024: date of the 2024 APM and AMPC?", "date"),
        ("Souldern Parish Council minutes of 25 Jan 2024: the meeting was long", "description"),
    ],
)
def test_the_keywords_after_a_colon_say_what_is_asked(question: str, kind: str) -> None:
    assert expected(question).kind == kind


def test_a_mover_or_seconder_asked_by_the_posts_noun_is_read_from_the_records() -> None:
    mover = read_question("Township of Nipissing council, 14 Nov 2023: mover of R2023-215?")
    seconder = read_question("Township of Nipissing council, 14 Nov 2023: seconder of R2023-215?")
    both = read_question("mover and seconder of the by-law on 14 Nov 2023?")
    assert (mover.want, seconder.want, both.want) == ("mover", "seconder", "movers")
    assert mover.date == "2023-11-14"
    assert read_question("What did the movement strategy propose?") is None


def test_a_report_written_in_the_month_before_a_meeting_is_of_that_meeting() -> None:
    from qa.shortlist import of_day

    def paper(date: dt.date, doc_type: str) -> Passage:
        return Passage(
            1,
            "Public Works conditions.",
            None,
            1,
            1,
            "p.pdf",
            "Report",
            "San José",
            None,
            date,
            "day",
            doc_type,
        )

    meeting = dt.date(2021, 8, 24)
    # asked of the meeting's papers ('the council agenda of 24 August 2021'): a staff report three weeks ahead
    assert of_day([paper(dt.date(2021, 8, 2), "report")], meeting, papers_asked=True)
    # asked of the meeting itself ('Who chaired the meeting on 24 August?'), a report written before tells none
    assert not of_day([paper(dt.date(2021, 8, 2), "report")], meeting)
    assert not of_day([paper(dt.date(2021, 6, 2), "report")], meeting, papers_asked=True)  # another meeting's
    assert not of_day([paper(dt.date(2021, 8, 2), "minutes")], meeting, papers_asked=True)  # of their own day
    assert not of_day([paper(dt.date(2021, 8, 30), "report")], meeting, papers_asked=True)  # written after it


_PAYMENTS = (
    "Payee: Cathy Fleet\nDetail: Clerk Salary\nTotal £s: 132.69\n\n"
    "Payee: HMRC\nDetail: (re above)\nTotal £s: 26.67\n\nPayee: Zurich\nDetail: Insurance\nTotal £s: 547.51"
)


def test_a_row_pointing_back_is_of_the_row_above() -> None:
    assert "Clerk Salary" in row_above(_PAYMENTS, "Payee: HMRC; Detail: (re above); Total £s: 26.67")
    assert row_above(_PAYMENTS, "Payee: Zurich; Detail: Insurance; Total £s: 547.51") == ""  # points nowhere
    assert row_above("Payee: HMRC\nDetail: as above", "Payee: HMRC; Detail: as above") == ""  # none above


def test_a_sentence_carried_on_in_lower_case_is_of_the_block_above() -> None:
    minutes = (
        "9. That no changes be made to the current benefits.\n\n10. That for the Mayor and Members of "
        "Council, attending conferences, workshops, etc.\n\nthey will be provided with a meal allowance of "
        "$70.00 for a full day event.\n\nThe Mayor thanked staff."
    )
    carried = "they will be provided with a meal allowance of $70.00 for a full day event."
    assert row_above(minutes, carried).startswith("10. That for the Mayor")
    # a sentence of its own, in upper case, points nowhere
    assert row_above(minutes, "The Mayor thanked staff.") == ""


def test_a_bare_numbered_paragraph_is_read_from_the_report_named() -> None:
    from qa.retriever import _of_titled

    def chunk(cid: int, text: str, title: str) -> Passage:
        return Passage(
            cid, text, None, 1, 1, "p.pdf", title, "Testshire", None, dt.date(2016, 2, 23), "day", "report"
        )

    pledge = chunk(
        1,
        "- 3.1 For Derby City Council to undertake its duties",
        "Implementing the Pledge for Children in Care",
    )
    pack = chunk(2, "3.1: Joint Peninsula funding has been diverted", "Overview and Scrutiny Committee")
    other = chunk(3, "The Pledge was launched in January.", "Overview and Scrutiny Committee")
    q = parse("What does paragraph 3.1 of the Implementing the Pledge for Children in Care report say?")
    matched = {1: q.identifiers, 2: q.identifiers}
    # another report's 3.1 goes; a passage not printing the number stays for the reader to weigh
    assert [p.chunk_id for p in _of_titled([pack, pledge, other], q, matched)] == [1, 3]
    # the report named was not retrieved: nothing is set aside
    assert _of_titled([pack, other], q, {2: q.identifiers}) == [pack, other]
    # the report named was retrieved but prints no 3.1: another report's 3.1 is not its
    legal = chunk(
        4, "2.1 There is legal duty for the authority", "Implementing the Pledge for Children in Care"
    )
    assert _of_titled([pack, legal], q, {2: q.identifiers}) == [legal]
    # a noun printed with its number names it alone ('Pledge 48'): nothing is set aside
    pledge48 = parse("What is the status of Pledge 48 in the Implementing the Pledge report?")
    assert _of_titled([pack, pledge], pledge48, {1: pledge48.identifiers, 2: pledge48.identifiers}) == [
        pack,
        pledge,
    ]


def test_a_paragraph_the_named_report_does_not_print_is_declined(tmp_path, settings, fake_embedder) -> None:
    papers = {
        "pledge.txt": "Implementing the Pledge for Children in Care\n\nDerby City Council, 23 February 2016\n\n"
        "2.1 There is a legal duty for the authority to meet the needs of children in its care.\n\n"
        "3.1 For Derby City Council to undertake its wider corporate parenting obligations.\n",
        "pack.txt": "Education Overview and Scrutiny Committee\n\nPlymouth City Council, 11 September 2019\n\n"
        "2.4: Three-monthly dip sampling of twenty quality assurance audits commenced in March 2019.\n",
    }
    asked = "What does paragraph {} of the Implementing the Pledge for Children in Care report say?"
    (named, printed), _ = answers_from_papers(
        tmp_path, settings, fake_embedder, papers, [asked.format("2.4"), asked.format("3.1")]
    )
    assert named.status == "not_found" and "Paragraph 2.4" in named.to_dict()["answer"]
    assert printed.status == "answered" and "corporate parenting obligations" in printed.to_dict()["answer"]


def test_the_ordinal_second_asks_no_seconder() -> None:
    ayes = read_question("Which councillors voted in favour of the second amendment on the allowance?")
    noes = read_question("Who voted against a second reading of the by-law?")
    seconder = read_question("Which member is recorded as seconding the second amendment?")
    assert (ayes.want, noes.want, seconder.want) == ("ayes", "noes", "seconder")


def test_a_noun_naming_several_things_asks_a_list_and_a_nouns_second_word_is_never_a_verb() -> None:
    assert (
        expected("What common themes came out of the directorates' commitments to the Pledge?").kind == "list"
    )
    assert expected("What key risks does the plan name?").kind == "list"
    assert expected("What share of the themes were met?").kind != "list"  # a share of them asked
    assert expected("At what age are Personal Advisers allocated?").noun == "age"
    assert expected("What time did the meeting start?").noun == "time"
    assert expected("How many foster carers were recruited?").noun == "foster carers"
