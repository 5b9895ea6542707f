"""Sentences and answerable units across abbreviations and paragraph gaps; spans in votes and references."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.sentences import split_sentences
from corpus.units import label_of, units_of
from index.passage import Passage
from qa.answertype import expected
from qa.features import NAMES, Candidate, asked_of, counted, features
from qa.query import identifiers
from qa.shortlist import admissible
from qa.spans import spans
from qa.units import focus, opens_item


def test_a_title_or_an_initial_does_not_end_a_sentence():
    line = "Moved by S. Foote, seconded by Mr. D. Yemm. Min. 45/19 was approved. Carried."
    assert split_sentences(line) == [
        "Moved by S. Foote, seconded by Mr. D. Yemm.",
        "Min. 45/19 was approved.",
        "Carried.",
    ]


def test_a_reference_word_runs_on_into_its_number_but_may_end_a_sentence():
    line = (
        "Please contact the Superintendent's Office at (408) 252-3000, ext. 61200. Tel. 01752 668000 is open."
    )
    assert split_sentences(line) == [
        "Please contact the Superintendent's Office at (408) 252-3000, ext. 61200.",
        "Tel. 01752 668000 is open.",
    ]
    assert split_sentences("See the table on p. 4 of the report. Figures are in Vol. 2.") == [
        "See the table on p. 4 of the report.",
        "Figures are in Vol. 2.",
    ]
    assert len(split_sentences("Rooms were booked for the ext. Staff attended.")) == 2
    # a code of capitals and digits is a number too
    assert split_sentences(
        "Identified as City Project No. OPW 50412, providing that the City negotiate."
    ) == ["Identified as City Project No. OPW 50412, providing that the City negotiate."]
    assert len(split_sentences("The vote was No. The Chair moved on.")) == 2


def test_a_saints_name_does_not_end_a_sentence_but_a_streets_end_may():
    assert split_sentences("Councillor Swandel, St. Norbert, Deputy Mayor. Councillor Wyatt, Transcona.") == [
        "Councillor Swandel, St. Norbert, Deputy Mayor.",
        "Councillor Wyatt, Transcona.",
    ]
    assert len(split_sentences("Pages from the St. Vital Ward attended.")) == 1
    assert len(split_sentences("The office moved to 123 Main St. The council met there.")) == 2


def test_a_bracketed_aside_belongs_to_its_sentence():
    assert split_sentences("Adopt the Ordinance, further reading waived. (First reading: 6-1)") == [
        "Adopt the Ordinance, further reading waived. (First reading: 6-1)"
    ]
    assert split_sentences("The vote was taken (First reading: 6-1) and it passed.") == [
        "The vote was taken (First reading: 6-1) and it passed."
    ]
    # a longer bracketed sentence stands on its own
    assert (
        len(
            split_sentences(
                "The item was noted. (The committee asked for a full report at its next meeting.)"
            )
        )
        == 2
    )


def test_a_clock_time_runs_on_into_its_date_but_may_end_a_sentence():
    assert split_sentences("It starts at 12:01 a.m. June 5, 2024 and ends in May.") == [
        "It starts at 12:01 a.m. June 5, 2024 and ends in May."
    ]
    assert split_sentences("The meeting closed at 9.15 p.m. The next meeting is in May.") == [
        "The meeting closed at 9.15 p.m.",
        "The next meeting is in May.",
    ]


@given(st.lists(st.sampled_from(["Mr.", "Cllr.", "J.", "No.", "p.m.", "Smith", "said", "7.", "The", "end."])))
def test_splitting_keeps_every_word_in_order(words):
    line = " ".join(words)
    assert " ".join(split_sentences(line)).split() == line.split()


def test_a_paragraph_gap_inside_a_sentence_is_closed():
    text = (
        "17. This agreement shall come into effect on June 5, 2024 and expires\n\n11:59 p.m. May 31, 2027.\n\n"
        "District Representatives: Board President Jo Lucey and\n\nVice-President Anjali Kausar\n\n"
        "Unrepresented Employee: Superintendent Wendy Gudalewicz"
    )
    shown = [u.shown for u in units_of(text)]
    assert (
        "This agreement shall come into effect on June 5, 2024 and expires 11:59 p.m. May 31, 2027." in shown
    )
    assert "District Representatives: Board President Jo Lucey and Vice-President Anjali Kausar" in shown
    assert "Unrepresented Employee: Superintendent Wendy Gudalewicz" in shown


def test_headings_list_items_and_table_rows_are_not_run_on():
    text = "Matters arising\n\n12. The clerk reported.\n\nPublic participation\n\nThere was none.\n\nItem | Cost of\n\nthe hall"
    shown = [u.shown for u in units_of(text)]
    assert "Matters arising" in shown and "Public participation" in shown
    assert "Item | Cost of" in shown and "the hall" in shown


def test_a_lead_in_word_before_a_colon_in_a_cell_introduces_what_follows():
    shown = [u.shown for u in units_of("Key Dates / Status (RAG): Commencing: July 2019 NOT YET DUE")]
    assert shown == ["Key Dates / Status (RAG): Commencing: July 2019 NOT YET DUE"]
    # two words before a colon may be a field of a masthead printed on one line: not joined
    masthead = [u.shown for u in units_of("Meeting: Cabinet Date: 11 March 2026 Subject: Resource needs")]
    assert not any(s.startswith("Meeting: Cabinet Date: 11 March") for s in masthead)


def test_a_hard_wrapped_paragraph_reads_as_its_sentences_but_a_blocks_fields_stay_lines():
    """Plain text printed with a line break inside each paragraph: a line stopping mid-sentence runs on
    into the next; a masthead's lines and an item's opening line do not."""
    text = (
        "Reply:\n"
        "A total of 186,400 was spent on pothole repairs in the Ballymore Municipal District\n"
        "during 2023, during which 1,212 potholes were repaired by the district outdoor staff\n"
        "and contractors.\n\n"
        "Councillor Mrs Johnson, Chair\nCouncillor Murphy, Vice Chair\n\n"
        "The hall costs\n(b) Fees for the hall"
    )
    shown = [u.shown for u in units_of(text)]
    assert (
        "A total of 186,400 was spent on pothole repairs in the Ballymore Municipal District during 2023,"
        " during which 1,212 potholes were repaired by the district outdoor staff and contractors."
    ) in shown
    assert "Councillor Mrs Johnson, Chair" in shown and "Councillor Murphy, Vice Chair" in shown
    assert "The hall costs" in shown and "Fees for the hall" in shown


def test_a_surname_beside_its_vote_is_a_person():
    found = spans("The motion passed 9-0-1-1 (Cantrell Abstain, Ornelas-Wise Absent).")
    assert [s.text for s in found if s.kind == "person"] == ["Cantrell", "Ornelas-Wise"]
    assert not [s for s in spans("Approved 5-0 (Members absent: none).") if s.kind == "person"]


def test_a_year_inside_a_reference_is_not_a_date():
    assert not [s for s in spans("That we pass By-Law Number 2024-30 and R2023-208.") if s.kind == "date"]
    dated = [s.text for s in spans("Passed this 6th day of June, 2024, in 2019.") if s.kind == "date"]
    assert dated == ["6th day of June, 2024", "2019"]


def _type_near(question: str, sentence: str, passage: str, weights: dict[str, float]) -> float:
    asked = asked_of(question, expected(question), weights, None)
    held = Passage(
        1, passage, None, 1, 1, "a.pdf", "Minutes", "Testshire", None, dt.date(2024, 6, 4), "day", "minutes"
    )
    cand = Candidate(sentence, None, None, held, 0, frozenset(s.kind for s in spans(sentence)))
    return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))["type_near"]


def test_a_value_in_the_sentence_that_states_the_thing_asked_of_stands_beside_it():
    """Every weighty word of 'How much is the proposed agreement with Black & Veatch for the resilience
    plan?' is the passage's topic; the sentence holding most of them and a sum is the answer, though no
    other word of the question is left for the sum to stand beside."""
    q = "How much is the proposed agreement with Black & Veatch for the resilience plan?"
    weights = {"propos": 1.0, "agreement": 2.5, "black": 6.0, "veatch": 6.5, "resili": 5.5, "plan": 1.3}
    answering = "Approve an agreement with Black & Veatch Corporation in the amount of $143,880 for a Resilience Plan."
    topical = "The Black & Veatch agreement covers the resilience plan. Staff cost $5,000 last year."
    passage = (
        f"Black & Veatch resilience plan agreement. {answering} Black & Veatch resilience plan. {topical}"
    )
    assert _type_near(q, answering, passage, weights) > 0
    # a sum in a sentence holding little of the question stands beside nothing asked
    assert _type_near(q, "Staff cost $5,000 last year.", passage, weights) == 0.0
    # nor a sum for another contractor: the question names Kimley-Horn, which no paper holds
    other = "How much is the agreement with Kimley-Horn for the resilience plan?"
    assert _type_near(other, answering, passage, {k: v for k, v in weights.items() if k != "veatch"}) == 0.0


def test_type_near_is_how_close_the_asked_type_stands_to_what_is_asked_of_it():
    q = "When does the aid agreement expire?"
    weights = {"aid": 2.0, "agreement": 2.0, "expire": 3.0}
    answering = "The agreement comes into effect on June 5, 2024 and expires 11:59 p.m. May 31, 2027."
    other = "The agreement was read a third time and passed this 6th day of June, 2024."
    passage = f"{answering} {other} The agreement binds both parties."
    # 'expires' stands two words on from '2024' (and one before '11:59 p.m.', a time, not the asked type)
    assert _type_near(q, answering, passage, weights) == 1 / 3
    assert _type_near(q, other, passage, weights) == 0.0  # only the topic word 'agreement' is near
    # The question's own date words are not what is asked of the date.
    dated = "When was the agreement of 4 June 2024 signed?"
    assert (
        _type_near(dated, other, passage, {"agreement": 2.0, "june": 2.0, "2024": 2.0, "signed": 2.0}) == 0.0
    )


def test_a_sum_under_a_money_column_is_money_and_number_words_count_capitalised():
    row = "Date Details: 10-Jan Insurance; Invoice: 47; Amount: 547.51"
    assert [s.text for s in spans(row) if s.kind == "money"] == ["547.51"]
    # '10-Jan' is the payment's day and month, not a count
    assert [s.text for s in spans(row) if s.kind == "number"] == ["47"]
    assert [s.text for s in spans(row) if s.kind == "date"] == ["10-Jan"]
    assert [s.text for s in spans("Fifteen schools have advisers.") if s.kind == "number"] == ["Fifteen"]
    # the money word may open a longer label; a label counting hours or a rate is no sum
    budget = "Details: Grass cutting (village); Budget 2016/17 underspent/overspent: 3140.00 260.00"
    assert [s.text for s in spans(budget) if s.kind == "money"] == ["3140.00"]
    assert not [s for s in spans("Total hours worked: 12.50; Cost rate: 3.25") if s.kind == "money"]


def test_a_value_is_answered_only_by_a_sentence_holding_one_beside_a_question_word():
    at = {name: i for i, name in enumerate(NAMES)}
    rows = np.zeros((3, len(NAMES)))
    rows[0, at["type_sentence"]], rows[0, at["type_near"]] = 1.0, 0.5  # a sum beside 'spent'
    rows[1, at["type_sentence"]] = 1.0  # a sum, far from anything asked
    assert admissible("money", rows).tolist() == [True, False, False]
    assert admissible("description", rows).tolist() == [True, True, True]


def test_column_labels_repeated_in_every_row_are_asked_fields_not_the_topic():
    rows = "\n\n".join(
        f"Meeting Date: {m} 24, 2019\nSubmittal Deadline: {d} 20, 2019"
        for m, d in [("May", "April"), ("June", "May"), ("October", "September")]
    )
    q = "What is the submittal deadline for the Summit County meeting of 24 October 2019?"
    weights = {"submittal": 3.0, "deadline": 3.0, "meeting": 1.0, "october": 2.0, "summit": 3.0}
    row = "Meeting Date: October 24, 2019; Submittal Deadline: September 20, 2019"
    assert _type_near(q, row, rows, weights) == 0.5  # 'Submittal Deadline' beside 'September 20, 2019'


def _feature(question: str, sentence: str, weights: dict[str, float], name: str) -> float:
    asked = asked_of(question, expected(question), weights, None)
    held = Passage(1, sentence, None, 1, 1, "a.pdf", "Report", "Testshire", None, None, "day", "report")
    cand = Candidate(sentence, None, None, held, 0, frozenset(s.kind for s in spans(sentence)))
    return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))[name]


def test_a_count_must_stand_beside_what_the_question_counts():
    q = "How many posts are in the new finance team?"
    weights = {"posts": 3.0, "finance": 2.0, "team": 2.0}
    assert counted(q) == frozenset({"post"}) and not counted("What is the new team called?")
    assert _feature(q, "The new finance team will have 12 posts.", weights, "counts_noun") == 1.0
    budget = (
        "The budget posts a notional allocation for the finance team of the council, rising to 250 in May."
    )
    assert _feature(q, budget, weights, "counts_noun") == 0.0  # '250' is 13 words from 'posts'
    at = {name: i for i, name in enumerate(NAMES)}
    row = np.zeros((1, len(NAMES)))
    row[0, at["type_sentence"]], row[0, at["type_near"]] = 1.0, 0.5
    assert admissible("number", row).tolist() == [True]
    assert admissible("number", row, counts=True).tolist() == [False]


def test_a_labelled_appendix_a_street_or_a_lone_no_still_ends_a_sentence():
    assert split_sentences("See Appendix A. The report was noted.") == [
        "See Appendix A.",
        "The report was noted.",
    ]
    assert split_sentences("Plan B. Members agreed.") == ["Plan B.", "Members agreed."]
    assert split_sentences("The vote was No. Members then left.") == [
        "The vote was No.",
        "Members then left.",
    ]
    assert split_sentences("It closed at 9.15 p.m. May I thank members.") == [
        "It closed at 9.15 p.m.",
        "May I thank members.",
    ]
    assert split_sentences("Councillor J. Smith moved it.") == ["Councillor J. Smith moved it."]
    # a first name's middle initial runs on into the surname
    assert split_sentences("Hon. Judy A. Sgro (Humber River, Lib.): I thank the member.") == [
        "Hon. Judy A. Sgro (Humber River, Lib.):",
        "I thank the member.",
    ]
    assert split_sentences("Moved by Anna K. Eshoo. Carried.") == ["Moved by Anna K. Eshoo.", "Carried."]
    assert split_sentences("It is set out in Part I. Members noted it.") == [
        "It is set out in Part I.",
        "Members noted it.",
    ]


def test_an_items_title_or_a_heading_is_never_run_into_the_paragraph_before():
    text = (
        "There were 4 members of the public\n\n24/31 Apologies for absence\n\n"
        "The cost was £4,500 and\n\nItem 8 Finance\n\nMatters arising\n\n45/19 The clerk reported.\n\n"
        "Minutes of the meeting held on\n\n12 March 2024 were approved."
    )
    shown = [u.shown for u in units_of(text)]
    assert "24/31 Apologies for absence" in shown and "Item 8 Finance" in shown
    assert "Matters arising" in shown
    assert "Minutes of the meeting held on 12 March 2024 were approved." in shown


def test_group_words_and_sentences_in_brackets_are_not_voters_and_hours_are_not_money():
    for text in ("(Motion no longer required)", "(Residents opposed to the scheme)", "(Chair absent)"):
        assert not [s for s in spans(text) if s.kind == "person"], text
    assert not [s for s in spans("Total: 12.50 hours") if s.kind == "money"]
    assert not [s for s in spans("awarding the 2024 street paving contract") if s.kind == "date"]
    assert [s.text for s in spans("since 2018, and in 2019.") if s.kind == "date"] == ["2018", "2019"]


def test_an_item_named_only_by_the_chunks_heading_keeps_the_text_before_the_next_items_title():
    text = (
        'Minute 23/118 was corrected to read "waiting list". There are 38 people on the waiting list.\n\n'
        "Item 7 Christmas lights\n\nThe lights will be switched on by the Mayor."
    )
    kept = focus(text, identifiers("What is Item 6?"), heading="Item 6 Allotments")
    assert kept.startswith("Minute 23/118") and "Christmas" not in kept
    assert focus(text, identifiers("What is Item 6?"), heading="Item 5 Skate park") == text


def test_an_item_whose_title_line_holds_its_number_keeps_its_text_up_to_the_next_title():
    text = (
        "3. MINUTES\n\nThe minutes of 6 January 2021 were approved.\n\n"
        "4. APPROVE AGREEMENT WITH BLACK & VEATCH FOR RISK ASSESSMENT SERVICES\n\n"
        "Approve an agreement with Black & Veatch Corporation in the amount of $143,880.\n\n"
        "5. ADOPT ORDINANCE NO. 2319\n\nWaive the reading and adopt the ordinance."
    )
    kept = focus(text, identifiers("Under item 4, what is the amount of the agreement?"))
    assert kept.startswith("4. APPROVE") and "$143,880" in kept
    assert "MINUTES" not in kept and "ORDINANCE" not in kept
    # a numbered sentence or list line is no item's title
    assert not opens_item("1.3 The new Pledge was accepted.") and not opens_item("4) Complete Communities.")
    assert opens_item("7(b) Tree Preservation Order") and opens_item("4. APPROVE AGREEMENT")


def test_a_title_with_initials_is_a_person():
    people = [s.text for s in spans("Apologies were received from Cllr. A. Smith and Cllr J.R. Hartley.")]
    assert "Cllr. A. Smith" in people and "Cllr J.R. Hartley" in people


def test_a_front_page_date_time_and_venue_are_read_as_one_unit():
    text = "Wednesday 11 September 2019\n2.00 pm\nWarspite Room, Council House\n\nMembers:\n\nCouncillor Ayers, Chair"
    shown = [u.shown for u in units_of(text)]
    assert shown[0] == "Wednesday 11 September 2019, 2.00 pm, Warspite Room, Council House"
    assert "Members:" in shown and "Councillor Ayers, Chair" in shown


def test_short_lines_without_a_date_or_time_stay_apart_and_a_time_is_not_a_section_number():
    assert [u.text for u in units_of("Members:\nCouncillor Ayers\nCouncillor Buchan")] == [
        "Members:",
        "Councillor Ayers",
        "Councillor Buchan",
    ]
    lines = "The meeting opened at\n2.00 pm in the Council House and closed at 4.00 pm."
    assert not any(u.item for u in units_of(lines)) and "pm" not in [u.text for u in units_of(lines)]
    assert [u.item for u in units_of("2.1 The report was noted.\n2.2 Members agreed.")] == [True, True]


def test_said_after_runs_to_the_end_of_the_paragraph_within_the_budget():
    from qa.units import said_after

    text = (
        "The minister said that the fund helps seniors. It paid for 2,000 meals. It also paid for rides.\n\n"
        "Mr. Smith thanked the member for the answer."
    )
    first = "The minister said that the fund helps seniors."
    assert said_after(text, first, 60) == "It paid for 2,000 meals. It also paid for rides."
    assert said_after(text, first, 6) == "It paid for 2,000 meals."
    assert said_after(text, "It also paid for rides.", 60) == ""  # the next paragraph is another's
    assert said_after(text, "Not in the passage.", 60) == ""


@pytest.mark.parametrize(
    ("question", "is_open"),
    [
        ("What did the minister say about tourism funding?", True),
        ("Why did the council defer the plan?", True),
        ("Summarize the discussion about the budget.", True),
        ("Which radio station ran the campaign?", False),
        ("What is the up to date position on the taking in charge of An Curran Estate?", True),
        ("Can the Council install road markings outside the school?", True),
        ("What voucher does the Virtual School send each month?", False),
        ("How many schools took part?", False),
    ],
)
def test_an_open_question_asks_for_an_account(question, is_open):
    from qa.answertype import open_question

    assert open_question(question) == is_open


def test_a_name_that_echoes_the_question_is_no_answer_of_its_type():
    q = "Where will the Corporate Parenting Committee meet in July 2016?"
    weights = {"corporate": 2.0, "parenting": 2.0, "committee": 1.0, "meet": 1.0, "july": 1.0, "2016": 1.0}
    echo = "Progress will be reported to the Corporate Parenting Committee in July 2016."
    venue = "The Corporate Parenting Committee will meet in the Council Chamber."
    assert _feature(q, echo, weights, "type_sentence") == 0.0
    assert (
        _feature(q, venue, weights, "type_sentence") == 1.0 and _feature(q, venue, weights, "type_near") > 0
    )


def test_months_addresses_and_peoples_names_are_no_places():
    def proper(text: str) -> list[str]:
        return [s.text for s in spans(text) if s.kind == "proper"]

    assert proper("The meeting is on Wednesday 11 September 2019 at Ballard House.") == ["Ballard House"]
    assert proper("Contact: Pervez Akhtar | 01332 641120 | Pervez.Akhtar@derby.gov.uk") == []
    assert [s.text for s in spans("Contact: Pervez Akhtar | 01332 641120") if s.kind == "person"] == [
        "Pervez Akhtar"
    ]
    assert proper("The report by Derby City Council was noted.") == []  # a body's name, not a place


def test_a_possessive_before_a_sum_asked_for_still_asks_for_money():
    assert expected("What is Plymouth's Band D council tax rate for 2023/24?").kind == "money"


def test_a_form_label_may_end_in_a_short_aside():
    from corpus.units import label_of

    assert label_of("Description (if any): Green Party") == ("Description (if any)", "Green Party")
    assert label_of("Amount (£): 547.51") == ("Amount (£)", "547.51")
    assert label_of("Item 3(b): Street lighting")[0] is None  # an item's number, not a label
    assert label_of("The plan was agreed (see minutes).: x")[0] is None


SOPN = "\n\n".join(
    f"Name of Candidate: {name}\nHome Address: (address in Hackney)\nDescription (if any): {party}"
    + (f"\nReason why no longer nominated: {reason}" if reason else "")
    for name, party, reason in [
        ("CAIRNES Rachel", "Conservative Party", "Nomination Withdrawn"),
        ("GARBETT Zoë", "Green Party", ""),
        ("WOODLEY Caroline", "Labour Party", ""),
    ]
)


def test_a_table_answers_for_the_row_of_the_name_asked():
    from qa.query import proper_words
    from qa.units import focus_named

    named = proper_words("What is the status of Zoë Garbett's nomination for Mayor of Hackney?")
    assert named == ("Zoë", "Garbett", "Mayor", "Hackney")
    # 'Hackney' is in every row and tells none apart; 'Garbett' is in hers alone
    assert focus_named(SOPN, named, rows_only=True).startswith("Name of Candidate: GARBETT Zoë")
    assert "CAIRNES" not in focus_named(SOPN, named, rows_only=True)
    prose = "Councillor Garbett moved the motion.\n\nIt was carried 9-2."
    assert focus_named(prose, ("Garbett",), rows_only=True) == prose  # prose runs on past her name
    assert focus_named(prose, ("Garbett",)) == "Councillor Garbett moved the motion."
    assert focus_named(SOPN, ("Party",), rows_only=True) == SOPN  # every row holds it: none told apart


def test_a_question_for_a_person_place_or_time_is_never_a_status_question():
    from qa.query import intent

    assert intent("Who is the author of the Ofsted Improvement Plan Progress Report?") == "fact"
    assert intent("When will the footpath works at Kilready be completed?") == "fact"
    assert intent("What is the progress on the footpath works at Kilready?") == "status"


def test_a_question_for_a_value_is_never_a_status_question():
    from qa.query import intent

    # 'achieved' and 'progress' are status words; the question asks for a share and a date
    assert intent("What percentage of pupils achieved grade 5 in English and maths?") == "fact"
    assert intent("On what date is the Care Leavers progress report scheduled?") == "fact"
    assert intent("How many pledges have been completed?") == "fact"
    assert intent("Has the new skate park been completed?") == "status"


def test_a_bare_name_is_a_place_only_where_the_text_sets_it_as_one():
    q = "Where will the Corporate Parenting Committee meet in July 2016?"
    weights = {"corporate": 2.0, "parenting": 2.0, "committee": 1.0, "meet": 1.0, "july": 1.0, "2016": 1.0}
    topic = "The Corporate Parenting Committee will monitor the Pledge across the council."
    venue = "The Corporate Parenting Committee will meet at Pride Park in July 2016."
    framed = "Venue: Guildhall"
    assert _feature(q, topic, weights, "type_sentence") == 0.0  # 'Pledge' is a name, not a place
    assert _feature(q, venue, weights, "type_sentence") == 1.0
    assert _feature(q, framed, weights, "type_sentence") == 1.0


def test_a_value_asked_of_a_named_thing_needs_a_sentence_naming_it():
    from qa.fit import _names_thing
    from qa.measures import measured

    assert (
        measured("What is the price of the memorial bench for Sue Bolton, according to the minutes?")
        == "bench"
    )
    assert measured("What is the amount of the purchase order for three compressors?") == "order"
    # 'by how much' asks a change: the body proposing it is no thing valued
    assert measured("By how much was the City of Mountain View proposing to reduce the rent?") is None
    assert measured("How much did the council spend on roads?") is None
    # the thing named after 'how much is': the reward, not the scheme's other sums ('a £10 voucher')
    assert measured("How much is the 100 Day Challenge reward that the Virtual School gives?") == "reward"
    assert measured("How much is it?") is None
    assert measured("How much was spent?") is None
    # the thing named before 'cost', to its first comma, preposition or participle; a year names no thing
    asked = (
        "How much did the Township's Strategic Plan 2023-2026, approved on 14 November 2023, cost to prepare?"
    )
    assert measured(asked) == "plan"
    assert (
        measured("How much did the local marketing company commissioned to recruit carers cost?") == "company"
    )
    assert measured("What did the acrylic sign for the donation box cost?") == "sign"
    assert measured("How much did it cost?") is None
    # an act's cost is told in the paper's own words ('the budget impact to adjust … hourly rates')
    assert measured("What will raising recreation leader pay cost for the rest of FY 2020-21?") is None

    def cand(text: str) -> Candidate:
        held = Passage(1, text, None, 1, 1, "a.pdf", "Minutes", "Testshire", None, None, "day", "minutes")
        return Candidate(text, None, None, held, 0, frozenset(s.kind for s in spans(text)))

    assert not _names_thing(cand("There is just over £10k left in the Playground account."), "bench")
    assert _names_thing(cand("Two memorial benches were bought for £900."), "bench")
    assert _names_thing(cand("Detail: Playground Fencing; Total: 723.30"), "fence")
    assert not _names_thing(cand("Traffic Engineering was paid $32,773.00."), "engine")
    # an activity asked by its gerund is printed by its verb: a capital plan's row
    asked = "What is the estimated cost of replacing, repairing or closing the Hummel Bridge?"
    assert measured(asked) == "replacing"
    assert _names_thing(cand("Replace/Repair/Close Hummel Bridge $3,000,000"), "replacing")
    assert not _names_thing(cand("Resurface 2 km of Alsace Road $500,000"), "replacing")
    assert _names_thing(cand("Fencing of the play area: £723.30"), "fencing")


def test_a_cover_pages_colonless_fields_and_signatures_are_labelled():
    from corpus.units import label_of, units_of

    assert label_of("Published 03 September 2019") == ("Published", "03 September 2019")
    assert label_of("Please ask for Helen Rickman, Democratic") == (
        "Please ask for",
        "Helen Rickman, Democratic",
    )
    # prose that opens on the same words is no field
    assert label_of("Published reports show the trend since 3 May 2019")[0] is None
    assert label_of("Please ask for more time")[0] is None
    signed = units_of(
        "For further information please follow the link.\n\nTracey Lee\nChief Executive\n\nAgenda"
    )
    assert ("Chief Executive", "Tracey Lee") in [(u.label, u.text) for u in signed]
    # across blank lines, as PDF pages print them; a body's name over a post is no signature
    assert units_of("Yvonne Rees\n\nReturning Officer")[0].label == "Returning Officer"
    assert units_of("Plymouth City Council\nDirector of Children's Services")[0].label is None


def test_dotted_and_dashed_dates_are_dates_not_counts():
    kinds = [
        (s.kind, s.text)
        for s in spans("An amended motion on notice to 18.03.2019 Council – Children's Committee")
    ]
    assert ("date", "18.03.2019") in kinds and not any(k == "number" for k, _ in kinds)
    assert ("date", "13.3.19") in [(s.kind, s.text) for s in spans("Added to the work programme on 13.3.19")]
    # a report's section number is no date
    assert not any(s.kind == "date" for s in spans("See paragraph 2.1.14 of the report"))


def test_names_with_inner_capitals_and_posts_printed_after_them():
    def people(text: str) -> list[str]:
        return [s.text for s in spans(text) if s.kind == "person"]

    assert people("Margaret Abe-Koga, Mayor; Kimbra McCarthy, City Manager") == [
        "Margaret Abe-Koga",
        "Kimbra McCarthy",
    ]
    assert people("Dated Friday 13 October 2023 Dawn Carter-McDonald Returning Officer") == [
        "Dawn Carter-McDonald"
    ]
    roles = [
        s.text
        for s in spans("Councillor Sara Bolton, Cabinet Member for Safeguarding and Andy Smith, Director")
    ]
    assert "Cabinet Member for Safeguarding" in roles  # not '… and Andy'


def test_who_holds_an_office_is_the_person_printed_against_it_not_a_deputy():
    from qa.posts import asked_office, names_office, office_at

    assert asked_office("Who is Mountain View's City Manager on the agenda?") == "City Manager"
    assert asked_office("Who was the Returning Officer for the election?") == "Returning Officer"
    assert asked_office("Who chaired the meeting?") is None
    # an office filled by appointment or election, asked in lower case as people type
    assert asked_office("who was appointed speaker at winnipeg council's organizational meeting") == "speaker"
    assert asked_office("Who was elected Deputy Speaker?") == "Deputy Speaker"
    assert asked_office("Who was appointed to the post of Treasurer?") == "Treasurer"
    # 'which councillor' asks the holder as 'who' does
    assert asked_office("Which councillor was appointed Speaker of Winnipeg City Council?") == "Speaker"
    assert asked_office("Which member was elected Chair?") == "Chair"
    assert asked_office("Which councillor moved the motion?") is None
    assert not names_office("Position: Deputy Speaker; Council Member Appointed: Councillor Steen", "Speaker")
    assert names_office("Position: Speaker; Council Member Appointed: Councillor Sharma", "speaker")
    assert names_office("Kimbra McCarthy, City Manager", "City Manager")
    assert not names_office("Justin Murphy, Deputy City Manager", "City Manager")
    # the body an office is of, printed before its title; a vice-president is no president
    assert asked_office("Who was Board President of the school district in April 2016?") == "President"
    assert asked_office("Who is the Town Clerk?") == "Clerk"
    assert asked_office("Who was present at the meeting?") is None
    text = "District Representatives: Board President Josephine Lucey and Vice-President Anjali Kausar"
    assert [text[a:b] for a, b in office_at(text, "President")] == ["President"]
    assert office_at(text, "President")[0][0] == text.index("President Josephine")


def test_a_role_asked_of_a_named_person_is_the_post_printed_against_the_name():
    from qa.namedposts import _names_in, _role_of_named

    q = "What role did Isabelle Morgan hold at the Mountain View City Council meeting?"
    assert _names_in(q) == ["Isabelle Morgan"]  # a body's name is no person's
    text = (
        "Ed Coley (Head of Skills), Isabelle Morgan (Inclusion and Attendance Manager) presented the report."
    )
    held = Passage(1, text, None, 1, 1, "a.pdf", "Minutes", "Testshire", None, None, "day", "minutes")
    roles = [s for s in spans(text) if s.kind == "role"]
    cands = [Candidate(text, None, r, held, 0, frozenset({"role", "person"})) for r in roles]
    assert [c.span.text for c in cands if _role_of_named(c, _names_in(q))] == [
        "Inclusion and Attendance Manager"
    ]
    assert expected("What is Krishan Chopra's job title on the agenda?").kind == "role"
    # a list of appointments prints each councillor's ward between the name and the post
    listed = (
        "Councillor Nordman, St. Charles, Acting Deputy Mayor; Councillor Swandel, St. Norbert, Deputy Mayor"
    )
    asked = _names_in("What position was Councillor Nordman given in the appointments?")
    posts = [s for s in spans(listed) if s.kind == "role"]
    given = [Candidate(listed, None, r, held, 0, frozenset({"role"})) for r in posts]
    assert [c.span.text for c in given if _role_of_named(c, asked)] == ["Acting Deputy Mayor"]
    # the start of a body's name, possessive or not, is no person's ('Derby's Corporate Parenting Committee')
    assert _names_in("Item 6 at Derby's Corporate Parenting Committee on 23 February 2016 was whose?") == []
    assert _names_in("Was Adult Social Care Committee told by Jo Smith?") == ["Jo Smith"]
    assert [s.kind for s in spans("Performance and Risk Team")] == ["organisation"]
    from qa.posts import names_post

    assert not names_post("Approve the budget and authorize the city manager to execute it", "author")
    assert not names_post("The Local Authority will fund it.", "author")
    assert names_post("Author: Jane Smith", "author") and names_post("Authored by the Clerk", "author")


def test_a_value_asked_of_a_month_is_the_one_the_sentence_ties_to_it():
    from qa.fit import _at_time
    from qa.query import time_target

    q = "What was the percentage of children on multiple child protection plans in March 2019?"
    assert expected(q).kind == "percent"
    text = (
        "The percentage of children on multiple plans has reduced from 26.8% in Mar 18, to 22.7% in Mar 19."
    )
    held = Passage(1, text, None, 1, 1, "a.pdf", "Report", "Testshire", None, None, "day", "report")
    cand = Candidate(text, None, None, held, 0, frozenset({"percent", "date"}))
    assert _at_time(cand, "percent", time_target(q)).span.text == "22.7%"
    spelled = replace(
        cand, text="Care leavers in education rose from 44% in March 2018 to 56.6% in March 2019."
    )
    assert _at_time(spelled, "percent", time_target(q)).span.text == "56.6%"
    assert _at_time(cand, "percent", time_target("What was it in March 2017?")) is None


def test_a_bare_status_label_tells_nothing_for_an_account_of_something_else():
    q = "What vision statement does the Sustainable Morgan Hill page give for the city?"
    weights = {"vision": 3.0, "statement": 2.0, "sustain": 2.0, "morgan": 2.0, "hill": 1.0, "citi": 1.0}
    assert (
        _feature(
            q, "Ongoing | Protecting the Environment and Preserving Public Trust", weights, "status_word"
        )
        == 0
    )
    # in a sentence a status word still tells, whatever the question
    done = "The purchase of the building on Main Street has been completed by Property Services."
    assert (
        _feature("For a report on the Abbeyfeale plan?", done, {"abbeyfeal": 3.0, "plan": 1.0}, "status_word")
        == 1
    )
    assert (
        _feature("What is the status of Pledge 48?", "Ongoing", {"pledg": 2.0, "48": 3.0}, "status_word") == 1
    )


def test_a_status_word_tells_nothing_for_a_name_or_value_asked_unless_asked_of():
    firm = "Which marketing firm did Plymouth commission to recruit foster carers?"
    weights = {"market": 3.0, "firm": 3.0, "plymouth": 1.0, "commiss": 2.0, "recruit": 2.0, "foster": 1.0}
    assert expected(firm).kind in {"organisation", "description"}
    cell = "Completed: A campaign to promote fostering and adoption in Plymouth."
    assert _feature(firm, cell, weights, "status_word") == 0
    # 'Green' is a RAG status and a village's name: it tells nothing of who took on the play area
    play = "Which councillor took special responsibility for the play area?"
    play_weights = {"councillor": 1.0, "special": 2.0, "respons": 2.0, "plai": 3.0, "area": 2.0}
    assert expected(play).kind == "person"
    assert _feature(play, "Cole Green – Cllr Simkins", play_weights, "status_word") == 0
    # the status the question asks of still tells
    whose = "Whose nomination for Mayor of Hackney was withdrawn?"
    row = "Name of Candidate: CAIRNES Rachel; Description: Independent; Decision: nomination withdrawn"
    whose_weights = {"nomin": 2.0, "mayor": 1.0, "hacknei": 2.0, "withdrawn": 3.0}
    assert _feature(whose, row, whose_weights, "status_word") == 1


def test_fit_rules_read_titles_and_things_as_papers_word_them():
    from qa.measures import measured
    from qa.posts import asked_office, names_office

    office = asked_office("Who is the Director of Children's Services in Plymouth?")
    assert names_office("Lead Strategic Director: Alison Botham (Director for Childrens Services)", office)
    assert not names_office("Deputy Director for Children's Services: Jo Bloggs", office)
    assert measured("What is the amount of the WH Smiths voucher sent to looked after children?") == "voucher"
    # 'in the Council', 'near the Parish' are bodies, not venues
    q = "Where will the formal press ceremony to sign the Pledge take place?"
    weights = {"formal": 2.0, "press": 2.0, "ceremoni": 2.0, "sign": 1.0, "pledg": 1.0}
    assert (
        _feature(
            q,
            "Provide apprenticeship opportunities for children in care in the Council.",
            weights,
            "type_sentence",
        )
        == 0
    )


def test_a_quarter_after_a_timing_word_is_a_date_and_work_not_done_yet_is_a_status():
    assert ("date", "Q4") in {(s.kind, s.text) for s in spans("Additional CSW Team ends in Q4.")}
    assert not [s for s in spans("Figures in Q2 performance report") if s.kind == "date"]
    not_yet = "Offers remain open but there has been no take up to date"
    assert ("status", "no take up to date") in {(s.kind, s.text) for s in spans(not_yet)}
    assert ("status", "yet to be agreed") in {
        (s.kind, s.text) for s in spans("The plan is yet to be agreed.")
    }


def test_a_line_ending_in_a_comma_runs_on_into_the_next():
    hansard = (
        "Moved by Councillor Nordman,\n\nSeconded by Councillor Steen,\n\nTHAT the appointments be made."
    )
    assert [u.text for u in units_of(hansard)] == [
        "Moved by Councillor Nordman, Seconded by Councillor Steen, THAT the appointments be made."
    ]


def test_a_fields_label_on_a_line_of_its_own_labels_the_value_under_it():
    """A form prints 'Report prepared by:' over the name: the two are one field, and the line before the
    label does not run on into it however wide it is."""
    text = (
        "B. Scope of services from HouseKeys Inc. proposal\n\nReport prepared by:\n\n"
        "Rhonda Coffman, Deputy Community Development Director\n\nReport reviewed by:\n\n"
        "Justin Murphy, Deputy City Manager"
    )
    assert [(u.label, u.text) for u in units_of(text)][-2:] == [
        ("Report prepared by", "Rhonda Coffman, Deputy Community Development Director"),
        ("Report reviewed by", "Justin Murphy, Deputy City Manager"),
    ]
    # a sentence ending in a colon is no field's label: it introduces what follows
    listed = "The committee agreed the following actions for the next year:\n\nRepair the roof."
    assert [u.label for u in units_of(listed)] == [None, None]


def test_a_figure_followed_by_a_unit_of_time_counts_no_people():
    """'the previous 6 month period of children in care' counts months: no answer to how many children."""
    q = "How many children were in the care of the council?"
    weights = {"children": 2.0, "care": 2.0}
    months = (
        "Agreed that details of the trend over the previous 6 month period of children in care be provided."
    )
    assert _feature(q, months, weights, "counts_noun") == 0.0
    assert _feature(q, months, weights, "type_near") == 0.0
    count = "There were currently 417 children in the care of the council."
    assert _feature(q, count, weights, "counts_noun") == 1.0
    q = "How many months did the trend of children in care cover?"
    assert _feature(q, months, {"months": 2.0, "trend": 2.0}, "counts_noun") == 1.0


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Who prepared the staff report on the BMR agreement?", "Report prepared by"),
        ("Who wrote the report?", "Author"),
        ("Which cabinet member holds Pledge 45?", "Portfolio Holder"),
        ("Who is the portfolio holder for Pledge 45?", "Portfolio Holder"),
    ],
)
def test_a_cells_label_answers_the_post_a_question_asks_for_in_its_own_words(question, label):
    asked = asked_of(question, expected(question), {"report": 1.0, "pledge": 1.0, "45": 2.0}, None)
    held = Passage(1, "x", None, 1, 1, "a.pdf", "Report", "Testshire", None, None, "day", "report")
    cell = Candidate("Jon Taylor", label, None, held, 0, frozenset({"person"}))
    other = Candidate("Jon Taylor", "Lead Director", None, held, 0, frozenset({"person"}))
    at = NAMES.index("label_match")
    assert features(cell, asked, 0.5, 0.5)[at] == 1.0
    assert features(other, asked, 0.5, 0.5)[at] == 0.0


def test_american_council_titles_name_people_and_a_meetings_name_is_no_person():
    people = [
        s.text
        for t in (
            "Invocation by Councilmember Chris Jerram of District No. 3.",
            "Moved by Council Member Smith, seconded by Supervisor Chavez.",
            "Vice Mayor Abe-Koga presided.",
        )
        for s in spans(t)
        if s.kind == "person"
    ]
    assert people == [
        "Councilmember Chris Jerram",
        "Council Member Smith",
        "Supervisor Chavez",
        "Vice Mayor Abe-Koga",
    ]
    assert not [s for s in spans("Regular City Council Meetings, October 16, 2012.") if s.kind == "person"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("omaha city council oct 16 2012 - who gave the invocation?", "person"),
        ("Derby: how many pledges are there?", "number"),
        ("nipissing fire dept - when is Pump 2 getting replaced", "date"),
        ("What is the status of pledge 48 - is it complete?", "status"),  # the lead-in asks already
        ("At Guelph City Council on 26 May 2014, who voted against the recommendation?", "person"),
        ("In its June 2019 report, what percentage of plans were audited?", "percent"),
        ("As of the February 2020 update, where does Pledge 42 stand?", "status"),
        ("In the February 2020 update, where had the council got to on Pledge 42?", "status"),
        ("Where has the mobile camera got to?", "place"),  # of a thing, where asks a place
        # 'where' before its subject opens a relative clause, not the question
        ("At the special Committee, where the new Pledge was launched, who was invited to attend?", "person"),
    ],
)
def test_a_lead_in_naming_the_paper_does_not_hide_the_question(question, kind):
    assert expected(question).kind == kind


def test_a_days_ordinal_set_apart_by_a_lost_superscript_stays_in_its_date():
    held = "A Fostering recruitment event was held on June 24 th 2017 at Derby County Football club."
    assert [s.text for s in spans(held) if s.kind == "date"] == ["June 24 th 2017"]
    assert [s.text for s in spans("launched on 26 th January 2016") if s.kind == "date"] == [
        "26 th January 2016"
    ]


def test_a_sum_asked_with_words_before_its_noun_and_a_salary_range_for_a_post():
    from qa.measures import measured

    assert expected("What is the estimated cost to replace Tanker 1?").kind == "money"
    assert expected("What annual cost did HIP Housing propose?").kind == "money"
    assert expected("What's the not-to-exceed amount for the records system agreement?").kind == "money"
    assert expected("What are the cost implications of the plan?").kind != "money"  # implications, no sum
    q = "What is the proposed salary range for the Aliso Viejo City Manager?"
    assert measured(q) == "manager"


def test_a_compass_point_in_a_street_address_runs_on_into_the_street():
    assert split_sentences("Ohio Building, 175 S. Main Street, Akron, Ohio 44308") == [
        "Ohio Building, 175 S. Main Street, Akron, Ohio 44308"
    ]
    assert split_sentences("1309 S. Mary Avenue Sunnyvale, CA 94087 | 7:30 a.m.") == [
        "1309 S. Mary Avenue Sunnyvale, CA 94087 | 7:30 a.m."
    ]
    # a number and a letter ending a sentence, with no street after them, still end it
    assert split_sentences("We counted 12 N. Then we left.") == ["We counted 12 N.", "Then we left."]


def test_a_name_given_by_initials_is_a_person_asked_about():
    from qa.namedposts import _names_in

    assert _names_in("What position did A. Pappert hold when council met on 26 May 2014?") == ["A. Pappert"]
    assert _names_in("What role did J.P. Negrinotti have?") == ["J.P. Negrinotti"]


def test_who_won_asked_with_which_wants_a_result_not_a_list_of_nominations():
    from qa.fit import _RESULT, _WON

    assert _WON.search("Which candidates won the Strensall ward seats in May 2019?")
    assert _WON.search("Who was elected Mayor?")
    assert not _WON.search("Which candidates stood for Strensall ward?")
    nominations = "Statement as to Persons Nominated. Name of Candidate: Doughty; Description: Conservative"
    assert not _RESULT.search(nominations)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        (
            "What difference will this make for Children in Care and Care Leavers?: Ability to influence",
            "What difference will this make for Children in Care and Care Leavers?",
        ),
        ("When will you do this?: Current", "When will you do this?"),
        # a question inside prose heads no column
        ("Members asked what would happen to the site next? The chair replied: a report would follow", None),
        ("The committee asked whether the report was ready and the officer said: not yet", None),
    ],
)
def test_a_column_headed_by_a_question_labels_its_cell(line: str, label: str | None) -> None:
    assert label_of(line)[0] == label


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("who's the morgan hill city manager on the jan 20 2021 agenda?", "city manager"),
        ("who is the morgan hill city manager?", "city manager"),
        ("who is the deputy city manager?", None),  # a deputy's post, not the office
    ],
)
def test_an_office_typed_in_lower_case_or_contracted_is_still_asked(question: str, office: str | None):
    from qa.posts import asked_office

    assert asked_office(question) == office


@pytest.mark.parametrize(
    ("line", "text", "item"),
    [
        ("2017/18 Actual: 87.8 (LAIT)", "87.8 (LAIT)", False),  # a cell's figure, not a numbered point
        ("Target: 12.5 %", "12.5 %", False),
        ("2.1 The council agreed the budget.", "The council agreed the budget.", True),
    ],
)
def test_a_figure_opening_a_cell_is_no_numbered_point(line: str, text: str, item: bool) -> None:
    unit = units_of(f"ICPCs per 10,000\n{line}")[-1]
    assert (unit.text, unit.item) == (text, item)


def test_a_count_out_of_a_total_is_a_number_but_a_year_pair_or_minute_is_not():
    from qa.spans import spans

    def numbers(text: str) -> list[str]:
        return [s.text for s in spans(text) if s.kind == "number"]

    assert numbers("Mar-19: 44/410") == ["44/410"]
    assert numbers("It was 44/410.") == ["44/410"]
    assert numbers("Minute 45/19 was agreed") == []  # a minute's number and year
    assert numbers("in 2017/18 and 12/13") == []  # year pairs
    assert numbers("on 3/2019") == []  # a month and its year
    assert numbers("31/12 was the deadline") == []  # a day and month


def test_a_list_of_days_or_a_count_of_no_runs_on_in_its_sentence():
    # 'October 27 and 28; November 8, 2023; totaling …': the days are one list, the total its sentence's
    assert split_sentences(
        "That the statement of accounts dated: October 27 and 28; November 8, 2023; totaling $155,997.02 be "
        "approved. Carried."
    ) == [
        "That the statement of accounts dated: October 27 and 28; November 8, 2023; totaling $155,997.02 be "
        "approved.",
        "Carried.",
    ]
    assert split_sentences("Meetings were held on 3 May; 7 June 2019; and 9 July. Next.")[0].endswith(
        "9 July."
    )
    # a clause after a semicolon, or a field's label, still ends where it did
    assert split_sentences("The report was noted; 12 members voted.") == [
        "The report was noted;",
        "12 members voted.",
    ]
    assert split_sentences("Target date: March 2020.") == ["Target date:", "March 2020."]
    # planning papers count dwellings as '1no.', '2No.'
    assert split_sentences("Construction of 1no. 5 bed house and garage. Granted 4/5/18.") == [
        "Construction of 1no. 5 bed house and garage.",
        "Granted 4/5/18.",
    ]
