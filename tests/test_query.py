"""Reading a question: identifiers and their exact patterns, time targets, intent and key terms."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.query import Identifier, TimeTarget, identifiers, intent, parse, terms, time_target, wh_word
from qa.retriever import _LABEL, defines

# --- identifiers() -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is the status of Pledge 48?", [("pledge", "48")]),
        ("what is the status of pledge 48?", [("pledge", "48")]),
        ("What happened at item 7?", [("item", "7")]),
        ("What did Agenda Item 5 cover?", [("item", "5")]),
        ("How is Priority 4 progressing?", [("priority", "4")]),
        ("What does Recommendation 2.1 say?", [("recommendation", "2.1")]),
        ("What does 3.1 say?", [("", "3.1")]),
        ("What does Section 3.1 say?", [("section", "3.1")]),
        ("What was recorded in Minute 23?", [("minute", "23")]),
        ("Who owns pledge no. 12?", [("pledge", "12")]),
        ("Who owns Pledge number 12?", [("pledge", "12")]),
        ("What is KPI 12a?", [("kpi", "12a")]),
        ("What is Pledge 48's status?", [("pledge", "48")]),
        ("Compare Pledge 48 and Pledge 4", [("pledge", "48"), ("pledge", "4")]),
        ("Pledge 48 again: Pledge 48", [("pledge", "48")]),
        # a hyphenated reference is read whole, never as its head number
        ("According to staff report 21-009-CC, how many bids?", [("", "21-009")]),
    ],
)
def test_identifiers_found(question: str, expected: list[tuple[str, str]]) -> None:
    assert identifiers(question) == tuple(Identifier(n, num) for n, num in expected)


@pytest.mark.parametrize(
    "question",
    [
        "What happened in 2019?",
        "What was decided in September 2019?",
        "What did Cabinet decide on 12 March 2019?",
        "Is support offered up to age 25?",
        "Are care leavers aged 18 supported?",
        "What was the £3.1 million spent on?",
        "Why is the budget 3.1 million?",
        "Why did attendance rise by 15.5%?",
        "What rose 12.5 per cent?",
        "Would the Council buy a 1.30 hectare plot off Main Street?",  # a measure, not section 1.30
        "Can the 2.5 km stretch of the L-24004 be resurfaced?",
        "What reduction does mitigation measure AQ-1.1 require?",  # the code's number, not section 1.1
        "What is on page 4?",
        "Who is the portfolio holder?",
    ],
)
def test_not_identifiers(question: str) -> None:
    assert identifiers(question) == ()


def test_weekday_in_a_date_is_not_an_identifier() -> None:
    assert identifiers("What was agreed on Tuesday 12 March 2019?") == ()


def test_plural_noun_gives_one_identifier() -> None:
    assert identifiers("What is the status of Pledges 3?") == (Identifier("pledge", "3"),)


def test_time_of_day_is_not_an_identifier() -> None:
    assert identifiers("What was agreed at 9.30 am?") == ()


def test_identifier_str_and_fts_phrase() -> None:
    assert str(Identifier("pledge", "48")) == "Pledge 48"
    assert str(Identifier("", "3.1")) == "3.1"
    assert Identifier("pledge", "48").fts_phrase() == '"pledge 48" OR "pledge no 48"'
    assert Identifier("", "3.1").fts_phrase() == '"3.1"'


# --- Identifier.pattern() ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pledge 48 - We will look to provide support",
        "pledge 48.",
        "PLEDGE 48",
        "(Pledge 48)",
        "Pledge 48, Pledge 49",
        "Pledges 48 and 49",
        "Pledge No. 48",
        "Pledge\n48",
    ],
)
def test_pledge_48_pattern_matches(text: str) -> None:
    assert Identifier("pledge", "48").pattern().search(text)


@pytest.mark.parametrize("text", ["Pledge 4", "Pledge 480", "Pledge 48.1", "Pledge 148", "Pledge 4 8"])
def test_pledge_48_pattern_rejects_other_numbers(text: str) -> None:
    assert not Identifier("pledge", "48").pattern().search(text)


@pytest.mark.parametrize(
    "text",
    # an item's number ending a chunk whose text the next chunk holds
    [
        "Item 7",
        "agenda item 7: Pledges",
        "7. Pledges Update",
        "Minutes\n7. Pledges Update",
        "7) Pledges",
        "…\n\n7.",
    ],
)
def test_item_pattern_matches_item_and_numbered_line(text: str) -> None:
    assert Identifier("item", "7").pattern().search(text)


# a bare number before a month opens a date: a work programme's '13 March 2019 The Oracy Project'
@pytest.mark.parametrize(
    "text",
    ["item 70", "17. Pledges Update", "7.1 Pledges Update", "see 7. Pledges", "7 March 2019 Oracy", "7 Sept"],
)
def test_item_pattern_rejects_other_numbers_and_midline_numbers(text: str) -> None:
    assert not Identifier("item", "7").pattern().search(text)


def test_a_references_dash_or_slash_may_be_printed_spaced_or_as_another_dash() -> None:
    houses = Identifier("", "44-58").pattern()
    assert houses.search("Land Opposite 44 - 58 Chapel Lane") and houses.search("44–58 Chapel Lane")
    assert not houses.search("44 - 580 Chapel Lane") and not houses.search("144-58")
    assert Identifier("minute", "45/19").pattern().search("Min. 45 / 19")


def test_numbered_line_is_only_for_items_and_minutes() -> None:
    assert Identifier("minute", "7").pattern().search("7. Apologies")
    assert not Identifier("pledge", "7").pattern().search("7. Apologies")


def test_dotted_pattern() -> None:
    pattern = Identifier("recommendation", "2.1").pattern()
    assert pattern.search("Recommendation 2.1: approve the plan")
    assert not pattern.search("Recommendation 2.10")
    assert not pattern.search("Recommendation 2.1.3")
    bare = Identifier("", "3.1").pattern()
    assert bare.search("3.1 The council will")
    assert bare.search("as set out in 3.1.")
    for other in ("13.1", "3.11", "3.1.2", "23.1"):
        assert not bare.search(other)


# --- time_target() -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("What was the status in September 2019?", dt.date(2019, 9, 1), dt.date(2019, 9, 30)),
        ("What was the status in Sept 2019?", dt.date(2019, 9, 1), dt.date(2019, 9, 30)),
        ("What was the status in february 2020?", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("What was the status in February 2019?", dt.date(2019, 2, 1), dt.date(2019, 2, 28)),
        ("What was the status in December 2021?", dt.date(2021, 12, 1), dt.date(2021, 12, 31)),
        ("What happened in 2019?", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        # a financial year's quarters run from April; its end asked is the quarter's last month
        (
            "What was the rate at the end of quarter one of 2019/20?",
            dt.date(2019, 6, 1),
            dt.date(2019, 6, 30),
        ),
        ("What was the rate in Q3 2018/19?", dt.date(2018, 10, 1), dt.date(2018, 12, 31)),
        ("What was spent in the fourth quarter of 2018-19?", dt.date(2019, 1, 1), dt.date(2019, 3, 31)),
        # an event's date and the date of the meeting whose paper tells it: the paper is the meeting's
        (
            "How many bids came in on 25 November 2020, according to the report to the meeting of 12 January"
            " 2021?",
            dt.date(2021, 1, 1),
            dt.date(2021, 1, 31),
        ),
        # a year asked beside a plan's run of years is the one asked, not the run's last
        (
            "What is the 2025 estimate in the Capital Budget 2024-2034?",
            dt.date(2025, 1, 1),
            dt.date(2025, 12, 31),
        ),
    ],
)
def test_time_target(question: str, start: dt.date, end: dt.date) -> None:
    assert time_target(question) == TimeTarget(start, end)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        (
            "What did the August to October 2019 engagement include?",
            dt.date(2019, 8, 1),
            dt.date(2019, 10, 31),
        ),
        ("Who took part between June and July 2019?", dt.date(2019, 6, 1), dt.date(2019, 7, 31)),
        ("the Aug–Oct 2019 surveys", dt.date(2019, 8, 1), dt.date(2019, 10, 31)),
        ("the November to February 2020 campaign", dt.date(2019, 11, 1), dt.date(2020, 2, 29)),
    ],
)
def test_months_sharing_one_printed_year_are_the_whole_stretch(question: str, start: dt.date, end: dt.date):
    """Before, only the last month was asked ('October 2019'), and a paper of September was of another
    month."""
    assert time_target(question) == TimeTarget(start, end)


def test_time_target_in_september_2019_exactly() -> None:
    assert time_target("in September 2019") == TimeTarget(dt.date(2019, 9, 1), dt.date(2019, 9, 30))


def test_no_time_target() -> None:
    assert time_target("What is the status of Pledge 48?") is None
    # A span of years asks for change over time, not one period.
    assert time_target("What has changed between 2018 and 2020?") is None


# --- intent() and wh_word() ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is the status of Pledge 48?", "status"),
        ("What progress has been made on Pledge 48?", "status"),
        ("Is Pledge 48 on track?", "status"),
        ("Has Pledge 47 been completed?", "status"),
        ("Was Pledge 43 (the STEM one) finished as of August 2019?", "status"),
        ("Where has Pledge 43 got to?", "status"),  # asked as a place, it asks how the matter stands
        ("In the August 2019 report, where had Pledge 43 on STEM got to?", "status"),
        ("Where are we with the library refurbishment?", "status"),
        # a promise, an initiative or a target is a matter tracked too, named by its words, not a number
        (
            "By February 2020, where had the council got to on its promise to let families take a holiday?",
            "status",
        ),
        ("Where are we with the initiative on school holidays?", "status"),
        ("We have got to ask where the money went?", "fact"),
        ("Where was the meeting held?", "fact"),
        ("Where has the mobile CCTV camera got to?", "fact"),
        ("How has the status of Pledge 48 changed over time?", "history"),
        ("What is the history of the progress on Pledge 48?", "history"),
        ("List all the pledges for children", "list"),
        ("Which staff attended the council meeting of 14 November 2023?", "list"),  # several people
        ("What are the priorities?", "list"),
        ("Name the members of the panel", "list"),
        ("Who is the portfolio holder for Pledge 48?", "fact"),
        ("When was the meeting?", "fact"),
        ("How much was spent on roads?", "fact"),
        # an update or progress naming where the answer is told, not what is asked
        ("In the February 2020 update on Pledge 41, what is the new role meant to help progress?", "fact"),
        ("In what ways does the Pledge 48 update say it supports young people?", "fact"),
        ("Under Pledge 41 in the February 2020 pledges update, what is the purpose of the panels?", "fact"),
        ("As of the February 2020 update, where does Pledge 42 stand?", "status"),
        ("February 2020 pledges update - is Pledge 44 done?", "status"),
        # whether a thing is done or kept asks its status with no lead-in too
        ("Is Pledge 42 done?", "status"),
        ("Has the pledge on holiday fines been kept?", "status"),
        ("Has Pledge 12 been met?", "status"),
        ("Has the committee met since July?", "fact"),
        ("What has been done about Pledge 42?", "fact"),
        ("What is the latest update on Pledge 41?", "status"),
        ("What did the update say about Pledge 48?", "status"),
    ],
)
def test_intent(question: str, expected: str) -> None:
    assert intent(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many placements?", "how many"),
        ("How much was spent?", "how much"),
        ("Who is the lead director?", "who"),
        ("When was it agreed?", "when"),
        ("What is Pledge 48?", "what"),
        ("Pledge 48 status", ""),
    ],
)
def test_wh_word(question: str, expected: str) -> None:
    assert wh_word(question) == expected


# --- terms() -------------------------------------------------------------------------------------


def test_terms_drop_stopwords_and_possessives() -> None:
    assert terms("What is the council's budget for Plymouth's roads?") == (
        "council",
        "budget",
        "plymouth",
        "roads",
    )


def test_terms_drop_request_words_and_keep_numbers() -> None:
    assert terms("Tell me about the Mayor's pledges in 2019, please") == ("mayor", "pledges", "2019")
    assert terms("What is Pledge 48 about and what is 3.1?") == ("pledge", "48", "3.1")


@pytest.mark.parametrize(
    ("question", "term"),
    [("Is the N21 at Abbeyfeale closed?", "n21"), ("Can the L-24004 be resurfaced?", "l24004")]
    + [("Can the L24004 be resurfaced?", "l24004"), ("What is SP20-004?", "sp20")],
)
def test_a_code_of_letters_and_digits_is_one_term(question: str, term: str) -> None:
    # as FTS5 indexes 'N21': the digits alone ('21') would match any 21 and never the road
    assert term in terms(question)
    assert term.lstrip("abcdefghijklmnopqrstuvwxyz") not in terms(question)


def test_a_word_with_a_diacritic_is_sought_as_the_index_holds_it() -> None:
    # unicode61 folds 'José' to 'jose': cut at the accent, 'jos' matched no paper
    assert terms("Who chairs the San José Planning Commission?") == (
        "chairs",
        "san",
        "jose",
        "planning",
        "commission",
    )
    assert terms("What did Zoë Garbett say?")[:1] == ("zoe",)


def test_a_longer_word_before_a_hyphen_is_not_a_code() -> None:
    assert terms("What Covid-19 funding came?") == ("covid", "19", "funding", "came")


def test_terms_are_unique_in_order() -> None:
    assert terms("roads roads budget Roads") == ("roads", "budget")


# --- parse() -------------------------------------------------------------------------------------


def test_parse_collects_everything() -> None:
    query = parse("  What was the status of\n Pledge 48 in September 2019? ")
    assert query.text == "What was the status of Pledge 48 in September 2019?"
    assert query.identifiers == (Identifier("pledge", "48"),)
    assert query.intent == "status"
    assert query.time == TimeTarget(dt.date(2019, 9, 1), dt.date(2019, 9, 30))
    assert query.wh == "what"
    assert query.terms == ("status", "pledge", "48", "september", "2019")


# --- Minute numbers, sub-items and references -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What was decided under Min. 45/19?", [("minute", "45/19")]),
        ("What was decided under Minute 45/19?", [("minute", "45/19")]),
        ("What does Minutes 21/34 record?", [("minute", "21/34")]),
        ("What does Minute 18/19 record?", [("minute", "18/19")]),  # with its noun, a minute of 2019
        ("What does reference 21/34 cover?", [("reference", "21/34")]),
        ("What happened to item 7(b)?", [("item", "7(b)")]),
        ("What did the committee decide on item 7b?", [("item", "7b")]),
        ("What was decided at item 7 (b)?", [("item", "7 (b)")]),
        ("What was decided on Tree Preservation Order 15/2019?", [("", "15/2019")]),
        ("What is application 2019-044 about?", [("", "2019-044")]),
        # a resolution's reference with letters names one motion; a file's labels a whole report
        ("What did resolution R2023-207 direct staff to do?", [("", "R2023-207")]),
        ("Who moved Resolution No. R2023-214?", [("", "R2023-214")]),
        ("How did the Commission vote on file SP20-004?", []),
    ],
)
def test_minute_numbers_sub_items_and_references(question: str, expected: list[tuple[str, str]]) -> None:
    assert identifiers(question) == tuple(Identifier(n, num) for n, num in expected)


@pytest.mark.parametrize(
    "question",
    [
        "What was spent in 2016-17?",
        "What changed between 2019-2020?",
        "What was paid in 3/2019?",
        # a financial year in two digits each, and a pledge's period rather than its number
        "What age range should the family hub offer cover by 25/26?",
        "What did the 18-19 budget hold for youth services?",
        "derby pledge 2017/18 - what is the point of a named social worker from 14?",
        "What does Pledge 2019-2020 say about care leavers?",
    ],
)
def test_years_and_months_are_not_references(question: str) -> None:
    assert identifiers(question) == ()


@pytest.mark.parametrize(
    "text", ["Item 7(b) Tree Preservation Order", "7(b) Mill Street", "item 7b", "Item 7 (b)"]
)
def test_sub_item_pattern_matches_every_printed_form(text: str) -> None:
    assert Identifier("item", "7(b)").pattern().search(text)
    assert Identifier("item", "7b").pattern().search(text)


@pytest.mark.parametrize(
    "text", ["Item 7(a) The Green", "Item 7 Planning Appeals", "item 17(b)", "Item 7(bb)"]
)
def test_sub_item_pattern_rejects_siblings_and_parents(text: str) -> None:
    assert not Identifier("item", "7(b)").pattern().search(text)


@pytest.mark.parametrize("text", ["Item 7(a) The Green", "Item 7(b) Mill Street", "item 7b", "item 7/19"])
def test_an_item_never_matches_its_sub_items(text: str) -> None:
    assert not Identifier("item", "7").pattern().search(text)


def test_minute_forms_and_years() -> None:
    minute = Identifier("minute", "45/19").pattern()
    for text in ("Min. 45/19 Land at Orchard Farm", "Minute 45/19", "MINUTES 45/19", "45/19 Land at"):
        assert minute.search(text), text
    for text in ("Min. 45/18 Former Gasworks", "Min. 45/190", "Min. 145/19", "Minute 45"):
        assert not minute.search(text), text
    reference = Identifier("", "15/2019").pattern()
    assert reference.search("Tree Preservation Order 15/2019, Mill Street")
    assert not reference.search("Tree Preservation Order 14/2019") and not reference.search("115/2019")


def test_fts_phrase_for_sub_items_takes_both_token_forms() -> None:
    assert Identifier("item", "7(b)").fts_phrase(with_noun=False) == '"7 b" OR "7b"'
    assert Identifier("kpi", "12a").fts_phrase() == '"kpi 12 a" OR "kpi 12a" OR "kpi no 12 a" OR "kpi no 12a"'
    assert Identifier("minute", "45/19").fts_phrase() == '"45/19"'


def test_a_stretch_of_time_is_targeted_whole() -> None:
    import datetime as dt

    from qa.query import time_target

    span = time_target("How has the status of Pledge 42 changed between August 2019 and February 2020?")
    assert (span.start, span.end) == (dt.date(2019, 8, 1), dt.date(2020, 2, 29))
    one = time_target("What was the status of Pledge 48 in August 2019?")
    assert (one.start, one.end) == (dt.date(2019, 8, 1), dt.date(2019, 8, 31))


_LINE_PIECES = [
    "Pledge 48",
    "Pledge 4",
    "Min. 45/19",
    "Minute 45/19",
    "7(b)",
    "7 b",
    "Item 7b",
    "48",
    "Ref:",
    " ",
    "\n",
]
_ASKED = [
    Identifier("pledge", "48"),
    Identifier("minute", "45/19"),
    Identifier("item", "7(b)"),
    Identifier("", "48"),
]


@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=10).map(" ".join), st.sampled_from(_ASKED))
def test_defines_tries_only_lines_with_the_number_and_finds_the_same(text: str, ident: Identifier) -> None:
    every_line = any(ident.pattern().match(_LABEL.sub("", line)) for line in text.split("\n"))
    assert defines(text, ident) == every_line


def test_a_resolutions_reference_with_letters_matches_its_printed_line() -> None:
    (ident,) = identifiers("What did resolution R2023-207 direct?")
    assert ident.pattern().search("R2023-207 S. Kirkey, T. Butler")
    assert not ident.pattern().search("R2023-2071 S. Kirkey")


def test_a_block_ending_on_a_colon_keeps_the_text_it_leads_into() -> None:
    from qa.units import focus

    text = "R2023-213 T. Butler:\n\nThat we accept the correspondence.\n\nR2023-214 S. Kirkey, S. Foote:"
    text += "\n\nThat the accounts totaling $155,997.02 be approved. Carried.\n\nR2023-215 D. Yemm:"
    (ident,) = identifiers("What total did resolution R2023-214 approve?")
    assert focus(text, [ident]) == (
        "R2023-214 S. Kirkey, S. Foote:\n\nThat the accounts totaling $155,997.02 be approved. Carried."
    )


def test_a_motions_text_under_a_heading_ends_at_the_next_motions_reference() -> None:
    from qa.units import focus, opens_item

    text = "THAT we direct staff to prepare a Bag Limit Program. Carried.\n\nR2023-208 S. Kirkey, S. Foote:"
    text += "\n\nTHAT we approve the Strategic Plan. Carried."
    (ident,) = identifiers("What did resolution R2023-207 decide?")
    assert opens_item("R2023-208 S. Kirkey, S. Foote:")
    assert not opens_item("SP20-004 dated received March 3rd.")
    assert focus(text, [ident], heading="R2023-207 S. Kirkey, T. Butler") == (
        "THAT we direct staff to prepare a Bag Limit Program. Carried."
    )


def test_a_numbered_recommendation_closed_by_a_parenthesis_stays_in_its_item() -> None:
    """'2. Appropriate and transfer $108,000 … 2020-21. (Five votes required)' is the item's second
    recommendation, not the next item: asked of item 4.15, its sum is read."""
    from qa.units import focus, opens_item

    text = "Recommendation(s): 1. Authorize expenditures not to exceed $455,000 for legal services."
    text += "\n\n2. Appropriate and transfer $108,000 from the General Fund. (Five votes required)"
    text += "\n\nAttachment(s): Council Report"
    assert not opens_item("2. Appropriate and transfer $108,000 from the General Fund. (Five votes required)")
    assert opens_item("4.16 Award of Contract (Roll call vote)")
    (ident,) = identifiers("Under item 4.15, how much would be moved from the General Fund?")
    assert "$108,000" in focus(text, [ident], heading="4.15 Additional Expenditures for Legal Services")


def test_a_run_of_years_alone_names_a_plan_not_a_time_asked() -> None:
    assert time_target("When did the council approve its Strategic Plan 2023-2026?") is None
    assert time_target("How much is the 2024-2034 capital forecast's bridge budget?") is None
    assert time_target("What was spent in 2019-2020?") is not None  # a year and the next: a pair
