"""Forms' question-headed columns, headlines, deadlines, days printed in other forms, and what a question
asks of by its words (counted nouns, scene-setting clauses, posts, year pairs, a paper's month)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from corpus.sentences import split_sentences
from index.passage import Passage
from qa.answertype import expected
from qa.asks import asks
from qa.counting import counted, counted_head
from qa.daymonths import day_months, day_phrases, days_of_things, same_day_words
from qa.deadlines import asks_deadline, set_by, told_deadlines
from qa.features import Candidate, asked_of
from qa.fit import fitting
from qa.formcolumns import form_row, headed_column_asked
from qa.happenings import happening
from qa.headings import headline
from qa.measures import measured, sum_named
from qa.periods import year_pairs
from qa.posts import paid_office
from qa.query import time_target
from qa.reader import Reader
from qa.spans import spans
from qa.timefit import repeats_asked_dates
from qa.typematch import accepted_kinds, holds_type
from tests.conftest import retrieval_of

FORM = (
    "What will you do to support The Pledge?: Following the success of the 100 Day Challenge the Virtual"
    " School will reward looked after children who meet the Challenge criteria\n"
    "When will you do this?: February 18 – May 18\n"
    "What difference will this make?: A monetary reward to incentivise good outcomes in school\n\n"
    "What will you do to support The Pledge?: The Virtual School will send a voucher to all looked after"
    " children once a month\n"
    "When will you do this?: September 17 – June 18\n"
    "What difference will this make?: Additional resource to support learning"
)


def _read(question: str, texts: list[str], embedder):
    retrieval = retrieval_of(question, texts, embedder, dt.date(2017, 6, 27), "report")
    return Reader(embedder).read(retrieval).candidates


def test_a_column_headed_by_a_question_of_the_asked_kind_answers_for_its_rows_key(fake_embedder):
    """'When will you do this?' puts the question to every row: asked when the reward is given, the cell of
    the reward's row answers, though it holds none of the question's words."""
    found = _read(
        "When will the Virtual School reward children who meet the 100 Day Challenge?", [FORM], fake_embedder
    )
    assert found and found[0].candidate.text == "February 18 – May 18"
    voucher = _read(
        "When will the Virtual School send vouchers to looked after children?", [FORM], fake_embedder
    )
    assert voucher and voucher[0].candidate.text == "September 17 – June 18"
    # asked in a hurry: 'going to happen' says when without saying what, and the paper's council names no row
    retrieval = retrieval_of(
        "when was the 100 Day Challenge reward for looked after children going to happen in Derby?",
        [FORM],
        fake_embedder,
        dt.date(2017, 6, 27),
        "report",
    )
    retrieval = replace(
        retrieval, passages=tuple(replace(p, council="Derby City Council") for p in retrieval.passages)
    )
    hurried = Reader(fake_embedder).read(retrieval).candidates
    assert hurried and hurried[0].candidate.text == "February 18 – May 18"


def test_a_column_headed_by_the_question_asked_answers_whatever_else_it_names(fake_embedder):
    """'What difference will this make?' is asked by 'what difference did it say the voucher would make?',
    though 'What will you do …?', the row's other question, shares more of the question's words."""
    form = FORM.replace("make?", "make for Children in Care and Care Leavers?")
    found = _read(
        "Why will the Virtual School support looked after children with a voucher once a month - what"
        " difference did it say this would make?",
        [form],
        fake_embedder,
    )
    assert found and found[0].candidate.text == "Additional resource to support learning"


@pytest.mark.parametrize(
    ("label", "question", "asked"),
    [
        ("What difference will this make for them?", "What difference did the plan expect?", True),
        ("Which team leads?", "which teams are named for the pledge?", True),
        ("What will you do to support The Pledge?", "What will the council do?", False),
        ("What difference will this make?", "What will the council do to make a difference?", False),
        ("Difference made", "What difference did it make?", False),
    ],
)
def test_a_column_is_asked_by_the_noun_after_its_question_word(label, question, asked):
    assert headed_column_asked(_candidate("A cell", label=label), _asked(question)) is asked


def _asked(question: str):
    return asked_of(question, expected(question), {"foster": 2.0, "priority": 2.0, "4": 2.0}, None)


def _candidate(text: str, title: str = "Paper", label: str | None = None) -> Candidate:
    passage = Passage(1, text, None, 1, 1, "a.pdf", title, "Testshire", None, None, "day", "report")
    return Candidate(text, label, None, passage, 0, frozenset(s.kind for s in spans(text)))


def test_a_short_line_saying_little_beyond_the_question_heads_what_follows_and_gives_no_account(
    fake_embedder,
):
    q = "What is the name of the foster carer recruitment effort in Priority 4?"
    asked = _asked(q)
    assert headline(_candidate("Priority 4 Key milestones"), asked)
    heard = "What did councillors hear on 10 July 2019 about home education?"
    dated = asked_of(heard, expected(heard), {"10": 2.0, "juli": 2.0, "2019": 2.0, "home": 2.0}, None)
    assert headline(_candidate("Wednesday 10 July 2019"), dated)
    assert not headline(_candidate("Foster For Plymouth recruitment and retention."), asked)  # a sentence
    # a line with words of its own may answer: a post, an item's title
    assert not headline(_candidate("John McKay - Mayor Pro Tem"), _asked("What's John McKay's job?"))
    text = "Priority 4 Key milestones\nFoster For Plymouth recruitment and retention of foster carers."
    found = _read(q, [text], fake_embedder)
    assert found[0].candidate.text.startswith("Foster For Plymouth")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a clause setting the scene: its 'when' asks nothing
        (
            "When a looked after pupil has to change school, what difference should the resources make?",
            "description",
        ),
        ("If the motion passed, who seconded it?", "person"),
        ("When was the meeting held, and who chaired it?", "date"),
        # a post held in a body is a role; a stance on a matter is not
        ("What is Michelle Bigelow's position with the City of Morgan Hill?", "role"),
        ("What's John McKay's position on Morgan Hill City Council?", "role"),
        ("What is the council's position on the Oakwood estate?", "description"),
        # so many bodies, counted, are organisations; groups of people by age are not
        ("Which two groups does the council say it will work with?", "organisation"),
        ("What was Councillor Smith's position on the housing plan?", "description"),
    ],
)
def test_what_a_question_asks_for(question, kind):
    assert expected(question).kind == kind


def test_a_mayor_pro_tem_is_one_post():
    assert [s.text for s in spans("John McKay - Mayor Pro Tem") if s.kind == "role"] == ["Mayor Pro Tem"]


def test_a_participle_and_its_particle_do_not_name_what_is_counted():
    assert "children" in counted("How many looked after children were not in a stable placement?")
    assert "look" not in counted("How many looked after children were not in a stable placement?")
    assert "school" in counted("How many secondary schools are there?")


def test_the_questions_own_number_is_no_count_it_asks():
    from qa.counting import restates_count

    q = "Of the six residents expected to share the cost, how many would definitely pay?"
    assert restates_count("It had been difficult to get all six residents to pay.", q)
    assert not restates_count("Mr Phillips confirmed that four would definitely pay.", q)
    assert not restates_count("The track was resurfaced last year.", q)  # no number at all
    # only a count asked, and a year counts nothing: 'over six years' may be the span of a rise asked of
    assert not restates_count("Prices rose by 51% over the last six years.", "By how much over six years?")
    assert not restates_count("In 2020 the rent fell by 4 units.", "How many units in 2020 were let?")
    six, four = _candidate("Getting all six residents to pay was hard."), _candidate("Four would pay.")
    assert fitting([six, four], _asked(q))[0] == [four]


def test_the_noun_counted_runs_to_its_last_word_before_a_verb():
    q = "How many additional in-house foster carers does the plan aim to net?"
    assert counted_head(q) == "carer" and {"foster", "carer"} <= counted(q)
    assert counted_head("How many children in care had a plan?") == "children"
    assert counted_head("How many missing-from-care episodes involving children were recorded?") == "episod"
    assert counted_head("How many care leavers per Personal Advisor?") == "leaver"
    assert counted_head("How many key themes across departments were identified?") == "theme"
    assert counted_head("How many portable rotary screw air compressors were bought?") == "compressor"
    # a part of a group counts the group; a vote's count, the votes; a noun left out, nothing
    assert counted_head("How many of Derby's looked after children had a plan?") == "children"
    assert counted_head("How many councillors voted against the motion?") == "vote"
    assert counted_head("Of the six residents asked, how many did Mr Phillips say would pay?") is None
    assert counted_head("How many departments made commitments to the Pledge?") == "depart"


@pytest.mark.parametrize(
    ("printed", "first"),
    [("2017/18", 2017), ("2024-5", 2024), ("2015/6", 2015), ("2019/2020", 2019), ("1999/00", 1999)],
)
def test_a_year_and_the_next_however_printed_is_a_year_pair(printed, first):
    assert year_pairs(printed) == ((dt.date(first, 4, 1), dt.date(first + 1, 8, 31)),)


@pytest.mark.parametrize("reference", ["2024-30", "2019-044", "2019/2021", "2024-7"])
def test_a_reference_numbered_by_its_year_is_no_year_pair(reference):
    assert year_pairs(reference) == ()


def test_the_month_asked_is_the_facts_not_the_month_naming_the_paper():
    november = time_target(
        "In the June 2019 improvement plan report, what percentage of care leavers were in EET in November 2018?"
    )
    assert november and (november.start, november.end) == (dt.date(2018, 11, 1), dt.date(2018, 11, 30))
    february = time_target("According to the February 2016 Derby report, what did the council promise?")
    assert february and february.start == dt.date(2016, 2, 1)


def test_a_thing_priced_ends_at_a_participle_and_a_deputys_pay_is_the_deputys():
    q = "On the cash sheet, how much was the Assistant Clerk's salary payment made on 2 July?"
    assert measured(q) == "payment"
    assert paid_office(q) == "Assistant Clerk"
    assert paid_office("What is the City Manager's salary range?") == "City Manager"
    assert paid_office("What was the Clerk's salary?") == "Clerk"


def test_a_sheets_title_names_what_every_row_of_it_is():
    q = "How much was the Assistant Clerk's salary payment made on 2 July?"
    asked = asked_of(q, expected(q), {"salary": 2.0, "payment": 2.0, "clerk": 2.0}, None)
    row = "Date Details: 02-Jul Assistant Clerk's salary; Amount: 185.35"
    assert fitting([_candidate(row, "Cash Sheet - Payments 2024-5")], asked)[0]
    assert not fitting([_candidate(row, "Cash Sheet - Receipts 2024-5")], asked)[0]


def test_a_day_is_the_same_day_however_printed():
    assert (
        day_months("Date Details: 02-Jul")
        == day_months("made on 2 July")
        == day_months("July 2nd")
        == {(2, 7)}
    )
    assert day_months("Option 2 may be taken") == frozenset()  # the verb, not the month
    assert same_day_words("Date Details: 02-Jul Clerk", "How much was paid on 2 July?") == "2 July"
    # a day given with its year is the meeting's or the paper's: it finds the paper, not a row in it
    met = "At the council meeting of 14 November 2023, how much was paid on 2 July?"
    assert days_of_things(met) == {(2, 7)}
    assert days_of_things("What total did the council approve on 14 November 2023?") == frozenset()


def test_a_deadline_asked_is_told_as_one():
    assert asks_deadline("By what date could residents send comments?")
    assert asks_deadline("What is the submittal deadline for the June meeting?")
    assert not asks_deadline("When did the council meet?")
    assert set_by("Email comments to city.council@example.gov by")
    assert not set_by("The Commission will meet on a Thursday at")
    q = "By what date could residents send comments on the plan?"
    told = _candidate("Comments must be received by 12 May 2024.")
    dated = _candidate("That the statement of accounts dated October 27 be approved.")
    labelled = _candidate("June 25, 2019", label="Submittal Deadline")
    assert told_deadlines([told, dated, labelled], q) == [told, labelled]
    assert told_deadlines([dated], "When was the statement dated?") == [dated]


def test_by_when_asks_the_day_a_thing_is_planned_for_too():
    def of_february(text: str) -> Candidate:
        found = _candidate(text)
        return replace(found, passage=replace(found.passage, date=dt.date(2016, 2, 23)))

    planned = of_february("To review progress on implementation by the directorates in July 2016.")
    past = of_february("The Pledge was launched at a special meeting on 26 January 2016.")
    required = of_february("An update will be required from each service director.")
    q = "By when did the report recommend the committee review progress?"
    assert told_deadlines([planned, past, required], q) == [planned, required]
    # a deadline asked in so many words is still only one told as a deadline
    assert told_deadlines([planned, required], "What is the deadline for the review?") == [required]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What email address is given for the contact officer?", "contact"),
        ("To what email address should written public comments be sent?", "contact"),
        ("What phone number should I ring about the report?", "contact"),
        ("What Webinar ID must you enter after dialling in?", "contact"),
        ("What street address is printed on the report?", "place"),
    ],
)
def test_how_to_reach_someone_is_asked_as_a_contact(question, kind):
    assert expected(question).kind == kind


def test_contacts_are_spans_of_their_own_kind():
    line = "Email: jon.smith@example.gov.uk Tel: 01452 396 000 www.example.gov.uk Webinar ID: 962 8355 5295"
    found = [(s.kind, s.text) for s in spans(line) if s.kind in {"email", "phone", "web", "meeting id"}]
    assert found == [
        ("email", "jon.smith@example.gov.uk"),
        ("phone", "01452 396 000"),
        ("web", "www.example.gov.uk"),
        ("meeting id", "962 8355 5295"),
    ]
    # asked for an email address, a telephone number does not answer
    q = "To what email address should comments be sent?"
    asked = asked_of(q, expected(q), {"comment": 2.0, "email": 2.0}, None)
    assert accepted_kinds(asked) == {"email"}


def test_a_motions_mover_and_seconder_by_their_initials_follow_its_code():
    assert split_sentences("R2023-211 S. Foote, S. Kirkey:") == ["R2023-211 S. Foote, S. Kirkey:"]
    assert [s.text for s in spans("Moved by S. Foote, seconded by the Mayor.") if s.kind == "person"] == [
        "S. Foote"
    ]
    assert not [s for s in spans("See Appendix A. Review, then go.") if s.kind == "person"]


def test_a_sum_asked_by_its_noun_before_the_verb_is_named():
    assert sum_named("What precept did the parish council set for 2024/25?") == "precept"
    assert sum_named("What was Souldern Parish Council's precept for 2016/17?") == "precept"
    assert sum_named("What was the total?") is None


def test_a_part_of_the_year_asked_is_a_finer_date_than_the_year():
    q = "By when did each service director have to report on their 2017/18 commitments?"
    assert not repeats_asked_dates("An update will be required in the latter part of 2017/18.", q)
    assert repeats_asked_dates("The commitments for 2017/18 were agreed.", q)
    assert expected("Over which months did the council work on the Pledge?").kind == "date"


def test_who_after_a_persons_name_says_more_of_them_and_asks_nothing():
    assert asks("What title is given for Alec Atienza, who presented the project at the hearing?") == ()
    # 'which' before a verb and its object says more of the meeting; before a noun it asks
    assert asks("Where will the Cabinet meeting, which considers the report on staffing, be held?") == ()
    assert asks("What was the total, which councillors voted for it?") == (
        "What was the total?",
        "Which councillors voted for it?",
    )
    assert asks("Who chaired the meeting, who took the minutes?") == (
        "Who chaired the meeting?",
        "Who took the minutes?",
    )


def test_a_share_printed_in_capitals_is_a_percentage():
    title = "DENSITY BONUS CONCESSIONS FOR A 100 PERCENT AFFORDABLE HOUSING PROJECT"
    assert [(s.kind, s.text) for s in spans(title) if s.kind == "percent"] == [("percent", "100 PERCENT")]


def test_a_part_of_the_paper_is_no_place():
    q = "Where will the Cabinet meeting be held?"
    asked = asked_of(q, expected(q), {"cabinet": 2.0, "meet": 1.0, "held": 1.0}, None)
    assert not holds_type(_candidate("(2) the new structure for the team in Appendix 2 be noted."), asked)
    assert holds_type(_candidate("The Cabinet will meet in the Civic Suite, North Warehouse."), asked)


def test_the_work_a_gerund_names_is_what_a_period_asked_of_dates():
    assert "updat" in happening("Over which months did the council work on updating the Pledge?")
    assert happening("What is the Pledge about?") == frozenset()


def test_a_forms_cell_says_which_row_it_answers_for():
    row = "What will you do to support The Pledge?: The Virtual School will send a voucher to every child"
    assert form_row("When will you do this?", row) == "The Virtual School will send a voucher to every child"
    assert form_row("Amount £", row) is None  # a column headed by a noun, not a question
    assert form_row("When will you do this?", None) is None


def test_a_day_is_searched_as_sheets_print_it():
    assert day_phrases("What payment was made on 2 July?") == ('"02 jul"', '"2 jul"')
    assert day_phrases("What was approved on 14 November 2023?") == ()  # the meeting's day finds its paper
    assert day_phrases("How much did the share go up between march 18 and march 19?") == ()  # years


def test_another_papers_undated_cell_is_no_payment_of_the_day_asked(fake_embedder):
    sheet = "Date Details: 02-Jul Clerk's salary\nAmount £: 693.05\n\nDate Details: 30-Sep Clerk's salary\nAmount £: 277.93"
    other = "Payment: 10409.00\nReceipts: 9170.70"
    found = _read("How much was the clerk's salary paid on 2 July?", [other, sheet], fake_embedder)
    assert found and "693.05" in found[0].candidate.shown
    assert all("10409.00" not in r.candidate.shown for r in found)


def test_a_heading_naming_what_is_asked_by_its_noun_answers(fake_embedder):
    """An agenda prints an item's stage as the heading over it ('ORDINANCE ON FIRST READING'): asked at
    what reading the item is, that heading is read as a candidate, as a meeting's heading is for its day."""
    from dataclasses import replace

    from tests.conftest import retrieval_of

    item = "53. Ord. to amend the South 10th Street Plan for the properties along South 10th Street."
    retrieval = retrieval_of(
        "At what reading is the ordinance amending the South 10th Street Plan?",
        [item],
        fake_embedder,
        dt.date(2012, 10, 16),
        "agenda",
    )
    headed = replace(retrieval.passages[0], heading="ORDINANCE ON FIRST READING")
    found = Reader(fake_embedder).read(replace(retrieval, passages=(headed,))).candidates
    assert any(r.candidate.text.lower() == "ordinance on first reading" for r in found)
    assert not any(
        "reading" in r.candidate.text.lower() for r in Reader(fake_embedder).read(retrieval).candidates
    )


def test_the_heading_over_a_run_of_items_leads_for_each_item_under_it(fake_embedder):
    """'ORDINANCES ON SECOND READING' heads items 40 to 45: asked at what reading item 41 is, the heading
    over its line answers first, as the line says nothing of a reading; a question whose best line holds
    the noun asked keeps that line first."""
    from dataclasses import replace

    items = (
        "40. Ord. declaring the necessity of acquiring property for constructing 96th Street.\n"
        "41. Ord. declaring the necessity of appropriating property located at 1823 Lake Street."
    )
    stage = "ORDINANCES ON SECOND READING"

    def first(question: str) -> str:
        retrieval = retrieval_of(question, [items], fake_embedder, dt.date(2012, 10, 16), "agenda")
        headed = replace(retrieval.passages[0], heading=stage)
        return Reader(fake_embedder).read(replace(retrieval, passages=(headed,))).candidates[0].candidate.text

    assert (
        first("At what reading is the ordinance on the property at 1823 Lake Street?")
        == "Ordinances on Second Reading"
    )
    assert (
        first("What property at Lake Street does the ordinance appropriate?")
        != "Ordinances on Second Reading"
    )


def test_a_line_naming_which_of_the_noun_asked_is_no_headline():
    """'FIRST READING' tells which reading; 'Declarations of Interest' tells no interest: a small word
    before the noun asked qualifies nothing."""
    assert not headline(_candidate("Ordinance on First Reading"), _asked("At what reading is the ordinance?"))
    assert headline(_candidate("Declarations of Interest"), _asked("What interest did Mrs Williams declare?"))
