"""Real papers' sums, rows, votes and appointments, as a second council's papers print them."""

from __future__ import annotations

import pytest

from corpus.units import units_of
from index.passage import Passage
from qa.answertype import expected
from qa.query import parse
from qa.reader import Reader
from qa.recordanswer import read_question
from qa.retriever import Retrieval
from qa.spans import monetary, spans


def _passage(text: str, cid: int = 1, council: str = "Testshire") -> Passage:
    return Passage(
        cid, text, None, 1, 1, f"paper{cid}.txt", "Accounts", council, None, None, "day", "minutes"
    )


def _retrieval(question: str, passages: list[Passage], fake_embedder) -> Retrieval:
    query = parse(question)
    weights = {t: 2.0 for t in query.terms}
    vector = fake_embedder.embed([question])[0]
    return Retrieval(query, tuple(passages), {p.chunk_id: 0.6 for p in passages}, {}, (), vector, weights, {})


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how much tax increment financing for the Wal-Mart at 50th and Ames?", "money"),
        ("What was the VAT reclaim received from HMRC?", "money"),
        ("What were the parish council's net assets at the end of March 2017?", "money"),
        ("how much was raised in total for the playground", "money"),
        ("What was a city councillor paid before the review?", "money"),
        # a change asked 'by how much' may be told as a share ('reduced by 50 percent')
        ("By how much would the tenant's rent be reduced?", "number"),
    ],
)
def test_a_sum_is_asked_by_its_noun_or_verb(question, kind):
    assert expected(question).kind == kind


def test_a_rows_key_in_a_column_with_no_heading_opens_the_row():
    block = "Receipts\n\nHMRC\nDetail: VAT Reclaim from Apr to Dec 23\nTotal £s: 22814.21"
    assert [u.text for u in units_of(block)] == [
        "Receipts",
        "HMRC; Detail: VAT Reclaim from Apr to Dec 23; Total £s: 22814.21",
    ]
    # a heading ending in a colon is no row's key
    form = "Contact details:\nName: Ann Lee\nEmail: ann@example.org"
    assert "Contact details:" in [u.text for u in units_of(form)]


def test_pounds_and_pence_in_a_paper_of_sums_are_money():
    row = "09-05-18 Zurich Insurance 315.73 | 315"
    assert monetary("Cheques Issued | Chq No\n\n" + row)
    assert [s.text for s in spans(row, monetary=True) if s.kind == "money"] == ["315.73"]
    assert not [s for s in spans(row) if s.kind == "money"]  # outside such a paper, a figure is a figure
    assert not monetary("The hall seats 120.50 people on average.")
    # grouped thousands with pence are a sum wherever printed
    assert [s.text for s in spans("Playground equipment 10,000.00 (historic cost)") if s.kind == "money"] == [
        "10,000.00"
    ]
    assert not [s for s in spans("An area of 1,234.50 sq ft") if s.kind == "money"]


def test_a_sum_in_a_cheque_list_answers_how_much_was_paid(fake_embedder):
    text = "Cheques Issued | Chq No\n\n09-05-18 Clerk Salary - April 300.04 | 313\n\n09-05-18 Zurich Insurance 315.73 | 315"
    q = "How much was paid to Zurich Insurance?"
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(text)], fake_embedder))
    best = reading.candidates[0].candidate
    assert "Zurich" in best.text and "money" in best.kinds and not reading.abstain


def test_the_papers_own_council_named_in_the_question_picks_no_row(fake_embedder):
    accounts = (
        "Details: Net Assets\nPayment: 11365.54\n\n"
        "Details: Balance Represented by: General Fund. Approved by Souldern Parish Council Chairman\n"
        "Payment: 10409.00"
    )
    q = "What were Souldern Parish Council's net assets?"
    passage = _passage(accounts, council="Souldern Parish Council")
    answers = {
        r.candidate.answer
        for r in Reader(fake_embedder).read(_retrieval(q, [passage], fake_embedder)).candidates
    }
    assert "Details: Net Assets; Payment: 11365.54" in answers


def test_a_person_given_a_post_is_a_person_without_a_title():
    sentence = "That Mario Petricevic be appointed as a City representative on the Cemetery Commission."
    assert ("person", "Mario Petricevic") in {(s.kind, s.text) for s in spans(sentence)}
    assert ("person", "Jo Bloggs") in {(s.kind, s.text) for s in spans("Jo Bloggs was elected Chair.")}
    assert not [s for s in spans("The Council House was appointed.") if s.kind == "person"]
    # a forename, a dotted initial and a surname is a name wherever it stands
    reappointed = "Res. that the reappointment of Karin M. Campbell as the museum curator representative"
    assert ("person", "Karin M. Campbell") in {(s.kind, s.text) for s in spans(reappointed)}
    assert not [s for s in spans("The Main St. Bridge was closed.") if s.kind == "person"]


def test_who_won_an_election_is_not_read_from_the_candidates_nominated(fake_embedder):
    nominated = "Surname: Fisher; Other Names: Tony; Description (if any): Liberal Democrat"
    q = "Who won Strensall ward in the election?"
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(nominated)], fake_embedder))
    assert not reading.candidates and reading.abstain
    result = "Tony Fisher (Liberal Democrat) was elected with 1,204 votes."
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(result)], fake_embedder))
    assert reading.candidates and "Tony Fisher" in reading.candidates[0].candidate.shown


def test_what_the_vote_was_is_asked_of_the_motions_record():
    asked = read_question("What was the vote on the amendment to use the 50th percentile?")
    assert asked is not None and asked.want == "outcome"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What's the estimate for replacing Hummel Bridge?", "money"),  # as 'What is the estimate …'
        ("whats the cost of the new roof", "money"),
        ("What net gain of in-house foster carers is targeted for 2025/26?", "number"),
        ("What fall-back options exist?", "description"),
    ],
)
def test_a_contracted_question_and_a_change_asked_by_its_noun(question, kind):
    assert expected(question).kind == kind


def test_of_several_sums_in_a_cell_the_one_after_the_asked_thing_leads(fake_embedder):
    from qa.leadline import lead_line

    cell = (
        "ESTIMATE: GRAVEL RUN B $285,000 Replace/Repair/Close Hummel Bridge $3,000,000 *decision pending "
        "Surface Treat 2 km Alsace Road $420,000"
    )
    q = "What's the estimate for replacing Hummel Bridge?"
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(cell)], fake_embedder))
    assert lead_line(reading.candidates[0], "money", q).startswith("$3,000,000 — ")


def test_a_figure_leads_with_the_unit_it_measures_in(fake_embedder):
    from qa.leadline import lead_line

    q = "What overall time limit does the Board set for public comment at its special meeting?"
    text = "The Board shall limit the total time for public comment at the special meeting to 30 minutes."
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(text)], fake_embedder))
    assert lead_line(reading.candidates[0], "number", q).startswith("30 minutes — ")


def test_a_stance_closing_a_planning_row_leads_but_a_verb_inside_a_sentence_does_not(fake_embedder):
    from qa.leadline import lead_line

    q = "What response did the parish council give to planning application 23/03600/F for a car port?"
    row = (
        "23/03600/F Manor Farm Barn High Street: installation of new car port, cycle store and solar PV array "
        "with battery power storage including vehicle charging. No objection"
    )
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(row)], fake_embedder))
    assert lead_line(reading.candidates[0], "decision", q).startswith("No objection — ")
    q = "What was agreed about the Fair Funding for Schools item at the July meeting of the committee?"
    said = "It was agreed that the committee would write to the Secretary of State about Fair Funding for Schools."
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(said)], fake_embedder))
    assert lead_line(reading.candidates[0], "decision", q).startswith("It was agreed")


def test_a_day_of_the_month_after_a_name_is_a_date_not_its_number():
    from qa.query import identifiers

    assert identifiers("Who wrote the report (Corporate Parenting Committee 23 February 2016)?") == ()
    assert [str(i) for i in identifiers("What did Scrutiny Panel 3 decide?")] == ["Panel 3"]


def test_a_ranges_first_value_does_not_lead(fake_embedder):
    from qa.leadline import lead_line

    q = "By how much have supported internships increased?"
    text = "More supported internships (from 9 to 60), and an increase in Approved Apprenticeships."
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(text)], fake_embedder))
    assert not lead_line(reading.candidates[0], "number", q).startswith("9 — ")


def test_a_council_named_by_its_place_anywhere_in_the_question_picks_its_papers(fake_embedder):
    from qa.bodies import councils_named

    councils = frozenset({"City of Winnipeg", "Guelph City Council", "Summit County Planning Commission"})
    assert councils_named("who moved motion no. 1 at winnipeg council nov 2013", councils) == (
        "City of Winnipeg",
    )
    assert councils_named("Where do Summit County Planning Commission meetings take place?", councils)
    assert not councils_named("what was said at the summit of the hill?", councils)  # no place named
    assert councils_named("San Jose planning permit", frozenset({"City of San José"}))  # typed without accent
    guelph = Passage(
        1,
        "The meeting adjourned at 8:08 p.m.",
        None,
        1,
        1,
        "g.pdf",
        "Minutes",
        "Guelph City Council",
        None,
        None,
        "day",
        "minutes",
    )
    winnipeg = Passage(
        2,
        "The meeting adjourned at 5:35 p.m.",
        None,
        1,
        1,
        "w.pdf",
        "Minutes",
        "City of Winnipeg",
        None,
        None,
        "day",
        "minutes",
    )
    q = "What time did the winnipeg council meeting adjourn?"
    reading = Reader(fake_embedder).read(_retrieval(q, [guelph, winnipeg], fake_embedder))
    assert {r.candidate.passage.council for r in reading.candidates} == {"City of Winnipeg"}


def test_the_words_naming_the_paper_are_not_what_a_sum_must_stand_beside(fake_embedder):
    item = (
        "4. APPROVE AGREEMENT WITH BLACK & VEATCH FOR RISK AND RESILIENCY ASSESSMENT\n\n"
        "Approve and authorize the City Manager to execute an agreement with Black & Veatch Corporation in "
        "the amount of $143,880 for a Risk and Resilience Assessment."
    )
    passage = Passage(
        1,
        item,
        None,
        3,
        3,
        "mh.pdf",
        "Regular Meeting Agenda",
        "Morgan Hill City Council",
        "City Council",
        None,
        "day",
        "agenda",
    )
    q = "How much is the Black & Veatch agreement on the Morgan Hill agenda for Jan 20 2021?"
    assert expected(q).kind == "money"
    reading = Reader(fake_embedder).read(_retrieval(q, [passage], fake_embedder))
    assert reading.candidates and "$143,880" in reading.candidates[0].candidate.shown


def test_a_time_series_row_stays_cell_by_cell_under_its_name():
    block = "Section 47 enquiries per 10,000\nApr-18: 401.2\nMay-18: 420.1\nJun-18: 458.0"
    assert [u.text for u in units_of(block)][0] == "Section 47 enquiries per 10,000"


def test_an_authority_named_in_full_keeps_its_districts_papers_not_another_authoritys():
    from qa.bodies import councils_named, of_named_council

    names = [
        "Limerick City and County Council",
        "Municipal District of Newcastle West",
        "Limerick County Council",
    ]
    passages = [_passage("Burial ground.", i, c) for i, c in enumerate([*names, "Clare County Council"], 1)]
    question = "that Limerick City and County Council purchase a site at Abbeyfeale"
    # its districts' papers, and its own under the name it had before ('Limerick County Council')
    assert [p.council for p in of_named_council(question, passages, lambda p: p)] == names
    councils = frozenset(names)
    assert councils_named("an update on traffic at Boherbui, Newcastle West", councils) == (
        "Municipal District of Newcastle West",
    )
    # named by a district's place, the authority's other districts are another's
    district = "Municipal District of Adare-Rathkeale"
    kept = of_named_council(
        "traffic in Newcastle West", [*passages, _passage("Roads.", 9, district)], lambda p: p
    )
    assert [p.council for p in kept] == ["Municipal District of Newcastle West"]


def test_a_monthly_sum_asked_is_the_one_printed_per_month(fake_embedder):
    from qa.measures import rate_words, rates_asked

    assert rates_asked("What monthly cell phone allowance does the City provide?") == "month"
    assert rates_asked("How much is paid per annum?") == "year annum" and not rates_asked("How much is paid?")
    assert rate_words("an allowance of $75.00 per month") == "monthly"
    text = (
        "The fiscal impact to provide cell phone allowances for two positions for the five months remaining in "
        "the current fiscal year is $750.\n\n"
        "The City provides a cell phone allowance in the amount of $75.00 per month for certain positions where "
        "there is a business need to reach an employee outside of normal business hours."
    )
    q = "What monthly cell phone allowance does the City provide?"
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(text)], fake_embedder))
    assert not reading.abstain and "$75.00" in reading.candidates[0].candidate.text


def test_a_masthead_field_read_without_its_value_is_no_answer(fake_embedder):
    text = (
        "STAFF REPORT City Council Meeting Date: Staff Report Number:\n\n"
        "Public notification was achieved by posting the agenda at least 72 hours prior to the meeting."
    )
    q = "According to staff report 21-009-CC, how was public notice of the item given?"
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(text)], fake_embedder))
    assert reading.candidates and all(not r.candidate.text.endswith("Number:") for r in reading.candidates)


def test_a_table_asked_by_its_caption_is_read_row_by_row_and_its_title_names_no_row(fake_embedder):
    table = (
        "Table 3: Housing budget fiscal year 2020-21\n\n"
        "Item: Hello Housing (7/1/20-1/31/21)\nAmount: $58,148\n\n"
        "Item: Approved budget FY 2020-21 (contracts)\nAmount: $91,000\n\n"
        "Item: Additional budget request\nAmount: $14,585.50"
    )
    q = "Table 3: Housing budget fiscal year 2020-21 - what is the additional budget request?"
    reading = Reader(fake_embedder).read(_retrieval(q, [_passage(table)], fake_embedder))
    assert not reading.abstain and "$14,585.50" in reading.candidates[0].candidate.shown
