"""Values and names as papers print them: a contact, initials, a house number, a count's other noun."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import answer_from_paper

from index.passage import Passage
from qa.answertype import asks_person_only, expected
from qa.candidate import Asked, Candidate
from qa.counting import count_of, counted
from qa.countnouns import kin
from qa.fit import fitting
from qa.monthasked import in_month_asked, month_asked
from qa.relevance import stem
from qa.spans import spans
from qa.typematch import typed_at


def _of_kind(text: str, kind: str) -> list[str]:
    return [s.text for s in spans(text) if s.kind == kind]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("For more information, contact Stephen Knittel at (330) 643-2551", "Stephen Knittel"),
        ("Please contact Jane Smith on 01752 304000.", "Jane Smith"),
        ("Responsible Financial Officer N J Robertson", "N J Robertson"),
        ("Signed J. A. Smith, Clerk", "J. A. Smith"),
    ],
)
def test_a_person_is_read_where_papers_print_one(text: str, name: str) -> None:
    assert name in _of_kind(text, "person")


def test_a_hub_is_where_people_go_and_no_person() -> None:
    text = "The parents are linked to their nearest Wellbeing Hub for advice on their housing."
    assert _of_kind(text, "place") == ["Wellbeing Hub"]
    assert _of_kind("The Multi-Agency Safeguarding Hub received 300 contacts.", "person") == []
    assert _of_kind("Consider how a 0-19 Family Hub model could work.", "place") == ["Family Hub"]


def test_a_road_abbreviated_or_numbered_is_a_place() -> None:
    """A capital budget's row prints its roads short: 'Dry Hydrant (2) Black Creek Rd N, … Underground Tank
    at Hwy 522'; asked where the tank goes, the road beside it answers, not another row's."""
    text = "Dry Hydrant (2) Black Creek Rd N, Hwy 534 towards Restoule Underground Tank at Hwy 522"
    assert _of_kind(text, "place") == ["Black Creek Rd", "Hwy 534", "Hwy 522"]
    assert _of_kind("Route 66 and Highway 7 meet there.", "place") == ["Route 66", "Highway 7"]


def test_a_compass_point_opens_a_place_and_a_union_is_a_body() -> None:
    text = "Submitted on behalf of Laborers International Union of North America, Local Union No. 270."
    assert _of_kind(text, "person") == []
    assert "Local Union" in " ".join(_of_kind(text, "organisation"))
    assert _of_kind("Payment to West Burton Village Hall.", "person") == []
    assert _of_kind("Moved by Councillor West, seconded by Mr John North.", "person") == [
        "Councillor West",
        "Mr John North",
    ]


def test_a_columns_label_in_a_row_names_no_one() -> None:
    row = "Date Details: 15-Jul Parish Caretaker; Cheque Number: 101306; Caretaker Maintenance: 578.39"
    assert not {"Cheque Number", "Caretaker Maintenance"} & set(_of_kind(row, "proper"))


def test_a_capitalised_place_is_no_person() -> None:
    assert _of_kind("Meet at Central Park on Monday.", "person") == []


def test_a_word_for_many_people_ends_no_name() -> None:
    # 'Young People' in a post's field is no person, so the post reads whole and its holder is the name
    text = "Andy Smith - Acting Strategic Director for Children and Young People"
    assert _of_kind(text, "person") == ["Andy Smith"]
    assert _of_kind("Report of the Acting Strategic Director for Children and Young People", "person") == []
    assert _of_kind("Support for Care Leavers, (a report)", "person") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Taita, LLC, dba Taita Restaurant, 6109 Maple Street. New application.", "6109 Maple Street"),
        ("The meeting is in Room 3 Council House.", "Council House"),  # a room's number is no house's
        ("In 2019 Council House hosted it.", "Council House"),  # nor a year
    ],
)
def test_a_street_keeps_its_house_number(text: str, place: str) -> None:
    assert _of_kind(text, "place") == [place]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a cell labelled as an address is one whole, though its words name no street
        (
            "Surname: Fisher; Other Names: Tony; Home Address: 30 West End Strensall York YO32 5UH; Description",
            ["30 West End Strensall York YO32 5UH"],
        ),
        ("Venue: Warspite Room, Council House", ["Warspite Room, Council House"]),
        # a label followed by words, not a place
        ("The address: is unknown at this stage.", []),
        ("Our location is close to the station.", []),
    ],
)
def test_a_cell_labelled_as_an_address_is_a_place(text: str, places: list[str]) -> None:
    assert sorted(set(_of_kind(text, "place"))) == places


def test_a_terse_stance_closing_a_planning_row_is_a_decision() -> None:
    row = "Installation of new car port, cycle store and solar PV array. No objection"
    assert "No objection" in _of_kind(row, "decision")
    assert _of_kind("There was no objection from residents to the timing of works on site.", "decision") == []


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("At which City Council meeting did Aliso Viejo approve retitling the City Clerk position?", "date"),
        ("At which meeting was the budget approved?", "date"),
        ("What overall time limit does the Board set for public comment?", "number"),
        ("What was discussed at the meeting?", "description"),
    ],
)
def test_the_meeting_asked_for_is_its_date_and_a_time_limit_a_number(question: str, kind: str) -> None:
    assert expected(question).kind == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # an address asked by what kind it is; a postcode is a place's
        ("What home address is given for the Independent candidate?", "place"),
        ("What postcode is given for Ballard House?", "place"),
        # an age and a score are counts; an age range is not one
        ("From what age should a disabled child have a named social worker?", "number"),
        ("At what age do children in care get a Personal Adviser?", "number"),
        ("What prioritisation score was given to the item?", "number"),
        ("What age range should the family hub offer cover?", "description"),
    ],
)
def test_an_address_is_a_place_and_an_age_and_a_score_are_counts(question: str, kind: str) -> None:
    assert expected(question).kind == kind


def test_a_count_of_homes_is_a_count_of_units_or_dwellings() -> None:
    asked = counted("How many homes does the outline application propose?")
    assert {stem("units"), stem("dwellings"), stem("homes")} <= asked
    assert kin(frozenset({stem("schools")})) == {stem("schools")}


# (paper, question, how the answer leads): each a kind of fault real papers showed
_LEADS = [
    (  # a count of homes is a count of residential units (qa/countnouns.py)
        "Planning applications\n\nOutline application 6/2018/0873/OUTLINE proposes a residential-led "
        "development of up to 650 residential units and a primary school.\n",
        "How many homes does outline application 6/2018/0873/OUTLINE propose?",
        "650",
    ),
    (  # a date asked of a meeting named by its day may fall in another month
        "Regular Meeting Agenda\nWednesday, January 20, 2021\n\n5. Isolation and quarantine support\n\n"
        "Approve the First Amendment to the agreement with the County for the Isolation and Quarantine "
        "Support Program to extend the term through June 30, 2021.\n",
        "On the 20 January 2021 council agenda, to what date would the first amendment to the agreement "
        "for the Isolation and Quarantine Support Program extend the term?",
        "June 30, 2021",
    ),
    (  # a date a paper reports may be a little before its month
        "Scrutiny Committee\nWednesday 10 July 2019\n\nElective home education\n\nThe DfE call for evidence "
        "on children not in school closed on 24th June 2019 and officers await the outcome.\n",
        "When did the DfE call for evidence on children not in school close, as reported in July 2019?",
        "24th June 2019",
    ),
    (  # the office holder asked is the one printed against the office, 'the new' between
        "Minutes\n\nGuelph Junction Railway annual report\n\nMr. David Jennision, Chair of Guelph Junction "
        "Railway presented the 2013 year end report to Council. He introduced Mr. Les Petroczi the new "
        "General Manager of Guelph Junction Railway.\n",
        "Who was introduced as the new General Manager of Guelph Junction Railway?",
        "Mr. Les Petroczi",
    ),
    (  # a vote asked is told by its tally, not a recital naming the hearing
        "Staff report\n\nFile SP20-004\n\nWHEREAS, on July 14, 2021, the Planning Commission of the City "
        "reviewed and considered file SP20-004 and recommended the Council approve the project on West San "
        "Carlos Street; and\n\nRECOMMENDATION\n\nThe Planning Commission voted 9-0-1-1 (Cantrell Abstain) to "
        "recommend file SP20-004.\n",
        "What was the Planning Commission's vote on recommending file SP20-004 on West San Carlos Street?",
        "The Planning Commission voted 9-0-1-1",
    ),
]


_LEADS += [
    (  # the day the question names is the one asked about, however the paper prints it
        "Township Council Minutes\nTuesday, November 14, 2023\n\nA regular meeting of the Township Council "
        "was held on Tuesday, November 14, 2023 starting "
        "at 6:30 p.m.\n\nAdjournment\n\nNext regular meeting to be held December 5, 2023. Carried.\n",
        "When was the next regular meeting of the Township Council due to be held after the meeting of 14 "
        "November 2023?",
        "December 5, 2023",
    ),
    (  # of a year's meeting dates, the day in the month whose meeting is asked
        "Minutes\n\nMeeting dates for 2024\n\n29th February, 28th March, 25th April, 30th May, 27th June, "
        "25th July, 29th August, 26th September, 31st October, 28th November\n",
        "parish council 2024 meeting dates - when is the september meeting?",
        "26th September",
    ),
]


_LEADS += [
    (  # an earlier reading's tally an agenda reprints is a recorded outcome
        "City Council Agenda and Notice\nTuesday, December 8, 2020\n\nConsent Calendar\n\n4.3 600 Ellis "
        "Street-Development Agreement (Second Reading)\n\nRecommendation(s): Adopt an Ordinance of the City "
        "Approving a Development Agreement for 600 Ellis Street, to be read in title only, further reading "
        "waived. (First reading: 7-0)\n",
        "What was the first-reading vote on the 600 Ellis Street development agreement ordinance?",
        "7-0",
    ),
]


_ELLIS = _LEADS[-1][0]


def test_a_readings_tally_tells_no_other_readings_vote(tmp_path, settings, fake_embedder) -> None:
    question = "What was the second-reading vote on the 600 Ellis Street development agreement ordinance?"
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, _ELLIS, question)
    assert found.status == "not_found", found.text


@pytest.mark.parametrize(("paper", "question", "lead"), _LEADS)
def test_the_answer_leads_with_what_was_asked(
    paper, question, lead, tmp_path, settings, fake_embedder
) -> None:
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, paper, question)
    assert found.status == "answered" and found.text.startswith(lead), found.text


def test_when_a_meeting_met_in_a_month_is_that_months(tmp_path, settings, fake_embedder) -> None:
    paper = "Scrutiny Committee\nWednesday 10 July 2019\n\nThe committee last met on 12th March 2019.\n"
    met, _ = answer_from_paper(
        tmp_path, settings, fake_embedder, paper, "When did the committee meet in July 2019?"
    )
    assert "12th March 2019" not in met.text.split(" — ")[0]


def _passage(text: str, heading: str | None) -> Passage:
    council = "Souldern Parish Council"
    return Passage(
        1, text, heading, 1, 1, "a.pdf", "Accounts", council, council, dt.date(2017, 3, 31), "day", ""
    )


def test_a_name_printed_under_the_office_heading_holds_it() -> None:
    q = "Who is named as Responsible Financial Officer on Souldern Parish Council's accounts?"
    under = _passage("N J Robertson", "Responsible Financial Officer")
    other = _passage("Approved by Jane Smith, Chairman of the Council.", "Statement of accounts")
    found = [
        Candidate(p.text, None, None, p, 0, frozenset(s.kind for s in spans(p.text))) for p in (under, other)
    ]
    kept, answers = fitting(found, Asked(q, expected(q), {}, None))
    assert [c.text for c in kept] == ["N J Robertson"] and answers


def test_a_status_in_capitals_holds_no_bodys_initials() -> None:
    assert _of_kind("Key Dates / Status (RAG): Year long ON TRACK", "organisation") == []
    assert _of_kind("The NHS and PCC agreed; status NOT YET DUE", "organisation") == ["The NHS", "PCC"]


def test_which_entry_of_a_plan_is_answered_with_its_key() -> None:
    from qa.rowkeys import asked_key

    asked = "Which milestone in the improvement plan covers the residential block contract?"
    assert asked_key(asked, "Ref: 3.2") == "Ref: 3.2"
    assert asked_key("Which milestones are late?", "Ref: 3.2") is None  # a list asked
    assert asked_key("Which milestone dates slipped?", "Ref: 3.2") is None
    assert asked_key(asked, "Nov-18") is None  # a row named by no key


def test_a_plans_entry_asked_by_what_it_says_is_named_by_its_rows_key() -> None:
    from qa.rowkeys import asked_key
    from qa.timefit import row_name

    said = "We will continue to embed the residential block contract Caring in Partnership."
    rows = (
        f"Ref: 3.1\nProgress milestone: We will recruit more carers.\n\nRef: 3.2\nProgress milestone: {said}"
    )
    cell = Candidate(said, "Progress milestone", None, _passage(rows, "Improvement plan"), 0, frozenset())
    question = "Which milestone in the improvement plan covers embedding the residential block contract?"
    assert asked_key(question, row_name(cell)) == "Ref: 3.2"


_HUBS = (
    "Plymouth Challenge update\n\nSubject hubs\n\nPTSA continue to lead some subject hubs for next year, "
    "which will now have the acronym SISC (Subject Inspired School Communities).\n"
)


def test_a_post_asked_is_held_by_a_person_not_a_body_beside_the_topic(
    tmp_path, settings, fake_embedder
) -> None:
    found, _ = answer_from_paper(
        tmp_path,
        settings,
        fake_embedder,
        _HUBS,
        "Who is the headteacher of the school leading the SISC hubs?",
    )
    assert found.status == "not_found", found.text


def test_who_leads_a_thing_may_be_a_body(tmp_path, settings, fake_embedder) -> None:
    found, _ = answer_from_paper(
        tmp_path, settings, fake_embedder, _HUBS, "Who will lead the SISC subject hubs next year?"
    )
    assert found.status == "answered" and "PTSA" in found.text, found.text


@pytest.mark.parametrize(
    ("question", "only"),
    [
        ("Who is the headteacher of Devonport High School?", True),
        ("Who was provisionally appointed as the new Commissioning Officer?", True),
        ("Which councillor seconded the motion?", True),
        ("What is the name of the Rights of Way Officer?", True),
        ("Who seconded the motion on the budget?", True),
        ("who's the morgan hill city manager on the jan 20 2021 agenda?", True),
        ("Who delivers the residential block contract?", False),
        ("Which candidate for Mayor withdrew?", False),  # a candidate, of whatever kind
        ("Who is to chair the Strategic Systems Leadership Board?", False),  # chaired 'by the DCS'
    ],
)
def test_a_persons_post_or_act_asked_only_a_person_answers(question: str, only: bool) -> None:
    assert asks_person_only(question) is only


@pytest.mark.parametrize(
    ("question", "month"),
    [
        ("when is the september meeting?", "sep"),
        ("When was the meeting in March 2024?", "mar"),
        ("When is the May meeting?", "may"),
        ("What is the submittal deadline for the January 2020 meeting?", None),  # the deadline's day
        ("When was the service due to go live, according to the February 2020 update?", None),
        ("When may the council meet?", None),  # 'may' the verb
    ],
)
def test_a_meetings_day_asked_by_its_month(question: str, month: str | None) -> None:
    assert month_asked(question) == month


def test_the_day_a_question_names_is_no_answer_to_it_however_printed() -> None:
    question = "When was the next meeting due to be held after the meeting of 14 November 2023?"
    assert not typed_at("Tuesday, November 14, 2023", frozenset({"date"}), frozenset(), question)
    assert typed_at("Next meeting to be held December 5, 2023.", frozenset({"date"}), frozenset(), question)


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("((PUBLIC HEARING CONTINUED TO TODAY – CAN BE PASSED TODAY))", []),
        ("PRECINCT 0050003A: 327 BALLOTS CAST 1100 REGISTERED VOTERS", []),
        ("Chaired by the DCS, with PTSA and the NHS.", ["DCS", "PTSA", "NHS"]),  # initials in a sentence
    ],
)
def test_a_line_in_capitals_holds_words_not_bodies_initials(text: str, bodies: list[str]) -> None:
    assert _of_kind(text, "organisation") == bodies


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("HELD IN THE VILLAGE HALL", ["VILLAGE HALL"]),
        ("MEETING HELD AT THE COUNCIL HOUSE, DERBY ON 25TH JANUARY 2024", ["COUNCIL HOUSE, DERBY"]),
        ("Held in the village hall on 25th January 2024", []),  # no capital marks a name in lower case
        ("PRECINCT 0050003A: 327 BALLOTS CAST 1100 REGISTERED VOTERS", []),
    ],
)
def test_a_line_in_capitals_is_read_for_its_places_as_names_are(text: str, places: list[str]) -> None:
    assert _of_kind(text, "place") == places
    # read as names, its other words would be people and bodies
    assert _of_kind("PRECINCT 0050003A: 327 BALLOTS CAST 1100 REGISTERED VOTERS", "person") == []


def test_a_meetings_day_by_its_month_is_the_meeting_fields_not_another_fields() -> None:
    question = "When is the september meeting?"
    october = "Monthly Meeting Dates: October 24, 2019; Submittal Deadline *: September 24, 2019"
    september = "Monthly Meeting Dates: September 26, 2019; Submittal Deadline *: August 27, 2019"
    at = october.index("September")
    assert not in_month_asked(october, at, at + len("September 24, 2019"), question)
    at = september.index("September")
    assert in_month_asked(september, at, at + len("September 26, 2019"), question)


def test_a_meetings_day_by_its_month_is_the_row_giving_the_meeting_that_month() -> None:
    december = "Monthly Meeting Dates: December 19, 2019; Submittal Deadline *: November 19, 2019"
    november = "Monthly Meeting Dates: November 21, 2019; Submittal Deadline *: October 22, 2019"
    passage = Passage(
        1, f"{december}\n\n{november}", None, 1, 1, "s.pdf", "Schedule", None, None, None, "day", "agenda"
    )
    cands = [Candidate(t, None, None, passage, 0, frozenset({"date"})) for t in (december, november)]
    question = "When is the November meeting in the Planning Commission's 2019 schedule?"
    asked = Asked(question, expected(question), {"novemb": 2.0, "meet": 1.0}, None)
    kept, _ = fitting(cands, asked)
    assert [c.text for c in kept] == [november]  # the December row's November day is its deadline


def test_a_meetings_day_by_its_month_is_of_the_year_the_question_names() -> None:
    from qa.monthasked import of_another_year

    question = (
        "Souldern meeting dates for 2024 (minutes of 25 January 2024): which date is the November meeting?"
    )
    signed = "The minutes of the meeting held on 25th November 2023 were agreed as a true record."
    assert of_another_year(signed, question)
    assert not of_another_year("29th February, 31st October, 28th November", question)  # no year printed
    assert not of_another_year("The meeting on 28th November 2024 will set the precept.", question)
    assert not of_another_year(signed, "Which date is the November meeting?")  # no year named


@pytest.mark.parametrize(
    ("text", "role", "person"),
    [
        (
            "For questions, please contact Planning Official, Robert Manford, at (408) 535-7900.",
            "Planning Official",
            "Robert Manford",
        ),
        ("Report of the Chief Building Official on permits issued.", "Chief Building Official", None),
        (
            "The Management Analyst assists the Director of Government Services.",
            "The Management Analyst",
            None,
        ),
        # a motion's verb before a post: no 'Mr Authorize City'
        ("Authorize City Manager to communicate the City's position.", "City Manager", None),
    ],
)
def test_a_post_is_a_role_and_no_name_opens_with_a_determiner_or_holds_a_civic_word(
    text: str, role: str, person: str | None
):
    found = spans(text)
    assert any(s.text.endswith(role) for s in found if s.kind == "role")
    assert [s.text for s in found if s.kind == "person"] == ([person] if person else [])


def test_the_official_plan_is_no_post() -> None:
    assert not [s for s in spans("Council adopted the Official Plan Amendment.") if s.kind == "role"]


def test_a_sentence_naming_only_posts_does_not_say_who_holds_one() -> None:
    question = "who is the city manager of aliso viejo"
    text = "The Planning Analyst assists the Director of Government Services with press releases."
    assert typed_at(text, frozenset({"person", "proper"}), frozenset({"citi", "manag"}), question) == ()


_FORM = (
    "## Commitment to implementing the Pledge 2017/18\n\n"
    "What will you do to support The Pledge?\tWhen will you do this?\t"
    "What difference will this make for Children in Care and Care Leavers?\n"
    "Facilitate the involvement of the CiCC in the recruitment of key posts\tNovember 2017\t"
    "Ability to influence decision making and wishes and feelings heard\n"
    "Continued commitment to 2 apprenticeships of the 6 across the Council\tCurrent\t"
    "Meet individual aspiration and learning outcomes\n"
)


def test_a_forms_column_headed_by_a_question_answers_what_it_asks(tmp_path, settings, fake_embedder):
    question = "What difference will involving the CiCC in recruiting to key posts make for children in care?"
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, _FORM, question)
    assert found.status == "answered" and "Ability to influence" in found.text.split("[1]")[0], found.text


_VOUCHER_FORM = _FORM + (
    "The Virtual School will send a £10 WH Smiths voucher to all looked after children once a month\t"
    "September 17 – June 18\tAdditional resource to support learning and the life skill of budgeting\n"
)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # the row is found by its key cell, which echoes the question; the answer is under the column asked
        (
            "What difference will the £10 WH Smiths voucher make for looked after children?",
            "Additional resource",
        ),
        ("What will the Virtual School send to looked after children once a month?", "£10 WH Smiths voucher"),
    ],
)
def test_a_row_is_found_by_its_key_and_the_answer_by_its_column(
    tmp_path, settings, fake_embedder, question, lead
):
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, _VOUCHER_FORM, question)
    assert found.status == "answered" and lead in found.text.split("[1]")[0], found.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is the name of the Deputy City Clerk who announced the result?", "person"),
        ("What is the name of Gloucester City Council's Head of Finance and Resources?", "person"),
        (
            "What is the name of the local marketing company commissioned to recruit foster carers?",
            "organisation",
        ),
        # a thing's name is no person's: the sentence naming the brand answers
        ("what's the name of plymouth's foster carer recruitment and retention brand?", "description"),
    ],
)
def test_the_name_asked_is_a_persons_only_for_a_post_or_a_part(question: str, kind: str) -> None:
    assert expected(question).kind == kind


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        # a search typed as keywords: the noun naming a value says what is asked
        ("menlo park bmr administration rfp issue date staff report 21-009-cc", "date"),
        ("burton-cum-walden parish council clerk name june 2025 minutes", "person"),
        ("aliso viejo director of government services incumbent name", "person"),
        ("cdbg rehab grant contractor name", "organisation"),
        ("cdbg rehab grant amount 2402 north 33rd avenue", "money"),
        ("acton precinct nov 2014 mukund shah votes", "number"),
        ("guelph council may 2014 donation bins decision", "decision"),
        ("council meeting venue march 2019", "place"),
        # a question mark asks nothing of its own: the noun still says what is asked
        ("Venue of the Souldern Parish Council meeting held on 25 January 2024?", "place"),
        ("Date of the parish council meeting?", "date"),
        ("Anything on the library closure?", "description"),
        ("What was the venue of the parish council meeting?", "place"),
        ("What is the address of the Garcia property?", "place"),
        # a question's own words decide: keywords are read only where none says what is asked
        ("what did the members name the park", "description"),
        ("Is the playground up to date?", "decision"),
        ("winnipeg mayor katz remarks jobs expected over next five years", "description"),
        # a table's figure for a share
        ("In the table, what was the 2017/18 actual for the percentage of strategy discussions?", "percent"),
    ],
)
def test_a_keyword_search_is_typed_by_the_noun_naming_its_value(query: str, kind: str) -> None:
    assert expected(query).kind == kind


def test_a_posts_title_names_no_body_that_could_be_asked_for() -> None:
    question = "Which provider was awarded the contract to run the crisis accommodation service?"
    text = "We have advertised for a new Commissioning Officer to focus specifically on placements."
    kinds = frozenset({"organisation", "proper"})
    assert typed_at(text, kinds, frozenset({"provid", "contract"}), question) == ()
    # the post is still the answer to a question asking for one
    assert typed_at(text, kinds | {"role"}, frozenset({"post"}), "What post was advertised?")


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("how many bicycle parking spaces does the project provide", "73"),
        ("how many motorcycle parking spaces does the project provide", "49"),
        ("how many parking spaces does the project provide", None),  # either kind: no one count leads
    ],
)
def test_of_two_counts_of_one_noun_the_kind_asked_leads(question: str, count: str | None) -> None:
    text = "The project would provide a total of 73 bicycle parking spaces and 49 motorcycle parking spaces."
    found = count_of(text, question)
    assert (found.text if found else None) == count


def test_a_rates_denominator_is_no_count_of_what_it_divides() -> None:
    text = "The number of children on a plan was at 254 at the end June 2019 (a rate of 48.6 per 10,000 children)."
    assert count_of(text, "How many children were subject to a child protection plan in June 2019?") is None


@pytest.mark.parametrize(
    ("question", "did"),
    [
        (
            "By the end of quarter one of 2019/20, what percentage of children subject to a child protection "
            "plan were on multiple plans, according to the written plans section of the report?",
            ("were", "on", "multiple", "plans"),
        ),
        (
            "What percentage of care leavers were in education, employment or training as reported in the update?",
            ("were", "in", "education", "employment", "or", "training"),
        ),
    ],
)
def test_the_paper_a_share_is_told_in_is_no_part_of_what_its_group_did(question: str, did: tuple) -> None:
    from qa.measures import share_predicate

    assert share_predicate(question) == did


def test_a_duration_given_as_a_range_answers_how_long(tmp_path, settings, fake_embedder):
    paper = (
        "HouseKeys fee schedule\n\nIn addition to the base cost and fee schedule, there is an Onboarding Process "
        "that can take between 30 days and 6 months.\n"
    )
    found, _ = answer_from_paper(
        tmp_path, settings, fake_embedder, paper, "How long can the HouseKeys onboarding process take?"
    )
    assert found.status == "answered" and "between 30 days and 6 months" in found.text


@pytest.mark.parametrize(
    "request_text",
    [
        "for information of the typical cost of road marking to include unit cost of white lines",
        "that low cost safety measures be considered at Bohard Cross, Kilmeedy.",
        "if a directional sign can be put in place at Cooliska Cross, indicating the location of the grounds.",
        "the cost of the big screen sponsored by the Council at The Square, Newcastle West for All Ireland Sunday.",
    ],
)
def test_a_written_request_is_no_keyword_search(request_text: str) -> None:
    assert expected(request_text).kind == "description"


def test_the_answer_type_is_read_once_per_question() -> None:
    expected.cache_clear()
    for _ in range(3):
        expected("acton precinct mukund shah votes")
    assert expected.cache_info().hits == 2


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("The quality of assessment is inconsistent with around half seen taking too long", "around half"),
        ("two thirds of schools", "two thirds"),
        ("a third of the budget", "a third"),
        ("one in five pupils", "one in five"),
        ("more than half of the homes", "more than half"),
    ],
)
def test_a_share_in_words_is_a_percent(text: str, share: str) -> None:
    assert _of_kind(text, "percent") == [share]


@pytest.mark.parametrize(
    "text",
    ["in the second half of the year", "during half-term", "on behalf of the council", "a third reading"],
)
def test_a_period_or_an_ordinal_is_no_share(text: str) -> None:
    assert _of_kind(text, "percent") == []


def test_a_cash_sheets_day_and_month_is_a_date() -> None:
    assert _of_kind("Date Details: 10-Jan Zurich Town & Parish Insurance; Amount: 547.51", "date") == [
        "10-Jan"
    ]
    assert _of_kind("Nov-18: 124/213", "date") == []  # a month's column, not a day


def test_a_references_letters_name_no_body() -> None:
    for text in ("23/03504/TCA", "file SP20-004", "ref ABC-123"):
        assert _of_kind(text, "organisation") == []
    assert _of_kind("HMRC (re above) 26.67", "organisation") == ["HMRC"]
    assert "MLEO" in _of_kind("Fire Chief-MLEO-CEMC Will Bateman", "organisation")  # posts' initials, joined


def test_a_figure_asked_by_that_word_is_a_number() -> None:
    assert (
        expected("What was the Q2 2019/20 (end of September 2019) figure for care leavers in EET?").kind
        == "number"
    )


def test_a_chambers_plural_is_a_place() -> None:
    assert _of_kind("Held in the Council Chambers, Guelph City Hall on Monday", "place") == [
        "Council Chambers, Guelph City Hall"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Contact officer: Jane Smith, tel 01752 307348, jane.smith@plymouth.gov.uk",
        "For details call 01332 642855.",
        "Phone: (408) 535-3500",
        "Call the clerk on 408-535-3500.",
        "Telephone: 3071 2345",
    ],
)
def test_a_telephone_numbers_digits_count_nothing(text):
    assert not [s for s in spans(text) if s.kind in {"number", "money"}]


def test_counts_beside_a_telephone_number_stay_counts():
    found = [
        s.text for s in spans("417 children were in care (tel 01752 307348); 12 were placed out of area.")
    ]
    assert "417" in found and "12" in found


_SURVEY = (
    "Northgate Council\nPlay Strategy Report\n5 May 2021\n\nConsultation\n\n"
    "We asked residents and schools about the play strategy in March 2021, which told us that 64 per cent "
    "of residents either strongly agreed or agreed with the plan to open play streets on Sundays. 71 per cent "
    "of schools either strongly agreed or agreed.\n"
)


@pytest.mark.parametrize(
    ("question", "share", "not_share"),
    [
        ("What share of schools backed opening play streets on Sundays?", "71 per cent", "64 per cent"),
        ("What share of residents backed opening play streets on Sundays?", "64 per cent", "71 per cent"),
    ],
)
def test_a_share_is_of_the_group_asked_though_said_in_parallel(
    tmp_path, settings, fake_embedder, question: str, share: str, not_share: str
) -> None:
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, _SURVEY, question)
    lead = answer.text.split("[1]")[0]
    assert share in lead and not_share not in lead.split(" — ")[0]


_WORK_PROGRAMME = (
    "Northgate Council\nCommunities Scrutiny Panel\nWork Programme 2021/22\n12 February 2021\n\n"
    "Date of meeting\tAgenda item\tPrioritisation Score\tReason for consideration\tResponsible Officer\n"
    "3 March 2021\tHighways Review\t2\tTo report on the pothole backlog and winter gritting routes\tAnya Brook\n"
    "\tLibraries Update\t\t\tTom Reyes\n"
    "\tChildren in Need Briefing\t5\tTo hear how the service responds to rising referrals\tDee Marsh\n"
    "9 June 2021\tBudget Outturn\t4\tTo monitor the budget position\tRavi Shah\n"
)


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        # each item under a meeting's merged date is a row of its own, with its own officer
        (
            "Who is the responsible officer for the Libraries Update item on 3 March 2021?",
            "Tom Reyes",
            "Anya Brook",
        ),
        ("Which officer brings the Children in Need Briefing to the panel?", "Dee Marsh", "Tom Reyes"),
    ],
)
def test_a_work_programmes_items_under_a_merged_date_answer_for_themselves(
    tmp_path, settings, fake_embedder, question: str, said: str, not_said: str
) -> None:
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, _WORK_PROGRAMME, question)
    lead = answer.text.split(" [1]")[0]
    assert said in lead and not_said not in lead


def test_a_cell_only_repeating_the_meetings_date_tells_nothing_else(
    tmp_path, settings, fake_embedder
) -> None:
    q = "What will the Highways Review item at the 3 March 2021 meeting report on?"
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, _WORK_PROGRAMME, q)
    assert "pothole" in answer.text and not answer.text.startswith("Date of meeting")


def test_a_score_in_a_row_naming_children_counts_no_children(tmp_path, settings, fake_embedder) -> None:
    q = "How many children were referred in March 2021?"
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, _WORK_PROGRAMME, q)
    assert answer.status == "not_found"


def test_a_figure_under_a_scores_label_counts_nothing_unless_a_score_is_asked() -> None:
    row = "Agenda item: Children in Need; Prioritisation Score: 5; Lead: Dee Marsh"
    count = "How many children in need were there in January 2020?"
    assert typed_at(row, frozenset({"number"}), frozenset(), count) == ()
    score = "What prioritisation score was given to the Children in Need item?"
    assert typed_at(row, frozenset({"number"}), frozenset(), score) != ()


_PLAN = (
    "Northgate Council\nChildren's Plan 2024-27\n1 March 2024\n\nPriority 1 Key milestones\n\n"
    "Key Milestones 2024/25\tKey Milestones 2025/26\tKey Milestones 2026/27\n"
    "• Open two family hubs in the city centre. • Review the play offer for younger children.\t"
    "• Extend the family hub offer across localities to all ages 0-18. • Recruit ten more foster carers.\t"
    "• Evaluate the family hubs with parents and partners.\n"
)


def test_in_which_year_of_a_plan_is_its_milestones_year_column(tmp_path, settings, fake_embedder) -> None:
    q = "In which year of the 2024-27 plan does Northgate intend to extend its family hub offer to all ages?"
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, _PLAN, q)
    assert "2025/26" in answer.text.split(" [1]")[0]


def test_a_numbered_street_with_its_house_numbers_is_a_place() -> None:
    text = "to allow for an assisted living facility, located at 4966 and 5030 South 155th Street between"
    assert _of_kind(text, "place") == ["4966 and 5030 South 155th Street"]
    assert _of_kind("the home at 2402 North 33rd Avenue, is approved.", "place") == ["2402 North 33rd Avenue"]
    assert _of_kind("on the 2nd Floor of the building", "place") == []


def test_a_columns_heading_ending_in_what_it_gives_is_no_ones_name() -> None:
    header = "Minute No. | Resolution | Target Date, Officer Responsible and Progress • (i) progress report"
    assert _of_kind(header, "person") == []
    assert _of_kind("Moved by Councillor Jean Kelly.", "person") == ["Councillor Jean Kelly"]


def test_a_firm_a_contract_is_awarded_to_is_a_body_though_its_name_ends_as_a_matters() -> None:
    question = "Which contractor was to be awarded the CDBG rehabilitation contract for the Harding home?"
    sentence = "The contract is to be awarded to Goly Young Construction, Contractor."
    accepted = frozenset({"organisation", "proper"})
    words = sentence.split()
    named = [" ".join(words[a : b + 1]) for a, b in typed_at(sentence, accepted, frozenset(), question)]
    assert "Goly Young Construction," in named
    # a matter's name is still no body's: 'the Housing Construction' programme was not awarded anything
    plain = "Work continues on the Housing Construction this year."
    assert typed_at(plain, accepted, frozenset(), question) == ()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What annual licence fee per rental unit did Guelph City Council set on 26 May 2014?", "money"),
        ("What rent per week does the tenant pay?", "money"),
        ("What monthly payment will the City of Omaha make to Verizon Wireless?", "money"),
        ("What were the total payments on Burton-cum-Walden's 2024-5 cash sheet?", "money"),
        ("What annual contribution does the parish make to the village hall?", "money"),
        (
            "In July 2019 the committee asked for a report in six months - which meeting date was it put down for?",
            "date",
        ),
        ("What completion date is given for the library refurbishment?", "date"),
        ("What decision did Hertingfordbury Parish Council record on application 3/18/0565/VAR?", "decision"),
        ("What is the status of Pledge 48?", "status"),
        # a target's figure, of a share or a count; a target date is a date
        (
            "What target did the council set for the proportion of care leavers in work for 2020/21?",
            "percent",
        ),
        ("What was the borough's 2019/20 target for care leavers in education or training?", "number"),
        ("What is the target date for the review?", "date"),
        ("For which meeting was the progress report on school exclusions scheduled?", "date"),
        # the office someone was put in is a post, not a person
        ("Under Motion 1, which chamber office was Councillor Steen appointed to?", "role"),
        ("Which office did Councillor Patel hold in 2019?", "role"),
        ("What new post did the council advertise in its commissioning team?", "role"),
        # a region is a place, and 'meetings' after a verb names no meeting asked by its date
        ("In which region are provider meetings trying to get providers to expand their provision?", "place"),
    ],
)
def test_a_sums_unit_a_dates_noun_or_a_decision_recorded_says_what_is_asked(question: str, kind: str) -> None:
    assert expected(question).kind == kind


def test_a_figure_asked_by_its_noun_is_not_a_span_of_time() -> None:
    caseloads = "There has been some fluctuation in caseloads over the last two months, however caseloads are falling."
    figure = "What caseload figure did Plymouth set as the defined level for each Personal Advisor?"
    assert typed_at(caseloads, frozenset({"number"}), frozenset(), figure) == ()
    # asked how long, or by a span of time's noun, the months answer
    waiting = "What waiting time did the council report for assessments?"
    assert typed_at("Assessments took two months on average.", frozenset({"number"}), frozenset(), waiting)
    how_long = "Going by what officers suggested, how long should a child be able to return?"
    assert typed_at(
        "They may return up to a six month period after.", frozenset({"number"}), frozenset(), how_long
    )


def test_a_corner_of_two_streets_is_a_place() -> None:
    text = "The Subdivision is located Northeast of 78th and Dodge Streets – see attached."
    assert _of_kind(text, "place") == ["Northeast of 78th and Dodge Streets"]
    assert "50th & Ames Avenue" in _of_kind("the 50th & Ames Avenue Wal-Mart plan", "place")


def test_a_region_named_by_its_compass_point_is_a_place() -> None:
    found = spans(
        "Providers are supported to expand their provision in the south west, to increase sufficiency."
    )
    assert ("place", "south west") in [(s.kind, s.text) for s in found]
    # a direction from a thing is none: 'to the north of the site'
    assert not [s for s in spans("The hut stands to the north of the site.") if s.kind == "place"]
