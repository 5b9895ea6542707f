"""Posts asked of (chair, author), and the report a cover sheet's field belongs to."""

from __future__ import annotations

import pytest

from qa.posts import asked_post, names_office, names_post, of_named_report, report_title


@pytest.mark.parametrize(
    ("question", "post"),
    [
        ("Who wrote the Children's Services Pledges report?", "author"),
        ("Who authored the report on developing Family Hubs?", "author"),
        ("Who prepared the staff report on the paving contract?", "author"),
        ("Who was the author of the budget report?", "author"),
        ("What is the contact email for the author of the Plymouth Challenge Update?", None),
        ("Who chaired the meeting on 10 July 2019?", "chair"),
        ("What did the report say about wrote-offs?", None),
        ("Who is the lead member for the Pledges report?", None),
        ("When was the report written?", None),
        ("Who moved the motion on school funding at the March 2019 Full Council?", "mover"),
        ("Who proposed the amendment?", "mover"),
        ("Who seconded it?", "seconder"),
        ("Who moved to Plymouth in 2019?", "mover"),  # a sentence saying who moved home still answers
        ("What was moved at the meeting?", None),
        ("Who sent apologies for the 11 September 2019 meeting?", "apologies"),
        ("Which councillors gave apologies at the annual meeting?", "apologies"),
        ("Were apologies received?", None),
        ("Who was named as election agent for the Green Party candidate?", "agent"),
        ("Who is the agent for application 23/0456/FUL?", "agent"),
        ("Who was the Returning Officer for the election?", None),
    ],
)
def test_asked_post(question, post):
    assert asked_post(question) == post


def test_a_field_or_sentence_names_the_author():
    assert names_post("Author: Andrew Loton (Senior Performance Advisor)", "author")
    assert names_post("Prepared by: Jane Roe, City Planner", "author")
    assert names_post("The report was written by the Clerk.", "author")
    assert not names_post("Title of Report: Children's Services Pledges", "author")
    assert not names_post("Lead Member: Councillor Jemima Laing", "author")
    # a memo's 'FROM:' field is its author; 'from' elsewhere is no field
    assert names_post("FROM: Sea Shelton, Human Resources Manager", "author")
    assert not names_post("Transfer from reserves: £5,000", "author")
    assert not names_post("TO: Mayor and City Council", "author")


def test_only_a_line_naming_an_agent_names_the_agent():
    assert names_post("Agent: Smith Planning Ltd, 4 Mill Lane", "agent")
    assert names_post("Election agent: Jo Bloggs", "agent")
    assert not names_post("Dated Friday 13 October 2023 Dawn Carter-McDonald Returning Officer", "agent")


def test_a_sentence_names_a_mover_or_seconder_only_by_saying_so():
    for said in (
        "Moved by Councillor Smith, seconded by Councillor Jones.",
        "MOTION: Kaplan / SECOND: Lee",
        "M/S Abe-Koga/Ramirez to approve the consent calendar.",
        "Proposed Cllr Brown, seconded Cllr Green, that the precept be set.",
    ):
        assert names_post(said, "mover") and names_post(said, "seconder")
    assert names_post("On the motion of Councillor Bell the report was received.", "mover")
    # a motion named, a proposal, or a meeting's attendees say nobody moved or seconded it
    assert not names_post("As a result of an amended motion on notice to Council, Councillor Taylor", "mover")
    assert not names_post("The proposal was deferred.", "mover")
    assert not names_post("Present: Councillors Smith and Jones", "seconder")


def test_report_title_is_read_from_the_cover_sheet():
    sheet = (
        "Date of meeting: 11 September 2019\nTitle of Report: Children's Services Pledges\nAuthor: A. Loton"
    )
    assert report_title(sheet) == "Children's Services Pledges"
    assert (
        report_title("Title of Report: Ofsted Improvement Plan Progress Report")
        == "Ofsted Improvement Plan Progress"
    )
    assert report_title("Subject: Paving contract award") == "Paving contract award"
    assert report_title("The report's title was agreed.") == ""


def _share(words: set[str]):
    return lambda title: len(words & set(title.lower().split())) / len(words)


def test_of_named_report_keeps_the_fields_of_the_report_the_question_names():
    sheets = [
        "Title of Report: Ofsted Improvement Plan\nAuthor: S. Magee",
        "Title: Family Hubs\nAuthor: E. Crowther",
    ]
    assert of_named_report(sheets, str, _share({"family", "hubs"}), True) == ([sheets[1]], 1.0)
    # no title covers what the question names: neither report is the one asked; a sentence under no title
    # stays
    said = "The report on child exploitation was written by the Head of Safeguarding."
    assert of_named_report([*sheets, said], str, _share({"exploitation"}), True) == ([said], 0.0)
    assert of_named_report(sheets[:1], str, _share({"exploitation"}), True) == ([], 0.0)
    # a question naming no report ('Who wrote the report?') keeps every sheet
    assert of_named_report(sheets, str, lambda title: 0.0, False) == (sheets, 0.0)


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("What is the City Manager's salary range in the January 2021 salary schedule?", "City Manager"),
        ("What annual salary range does the schedule set for the City Manager?", "City Manager"),
        ("What is the salary of the Town Clerk?", "Town Clerk"),
        ("How much is the Chairman's allowance?", "Chairman"),
        ("What pay rise did staff get?", None),
        ("What is the City Manager's phone number?", None),
    ],
)
def test_paid_office(question, office):
    from qa.posts import paid_office

    assert paid_office(question) == office


def test_an_office_holder_who_acts_in_the_question_is_not_whom_it_asks():
    from qa.posts import asked_office

    assert asked_office("Who is Omaha's mayor reappointing as the visual artist member?") is None
    assert asked_office("Who is the City Manager recommending for the post?") is None
    assert asked_office("Who was the Mayor during 2014?") == "Mayor"  # a preposition, no act
    assert asked_office("Who was the city clerk following the election?") == "city clerk"
    assert asked_office("Who is the Mayor of Omaha?") == "Mayor"
    # asked of whoever appointed: the office they appointed to, only after 'as'
    assert asked_office("Who did Winnipeg City Council appoint as Speaker on 6 November 2013?") == "Speaker"
    assert asked_office("Whom did the board elect as its Chair?") == "Chair"
    assert asked_office("Who did the council appoint to the Benefits Board?") is None


def test_an_office_titled_with_and_is_one_office():
    from qa.posts import asked_office

    q = "Who is Plymouth's Inclusion and Attendance Manager? She came to scrutiny in July 2019."
    assert asked_office(q) == "Inclusion and Attendance Manager"
    assert asked_office("Who is the Health & Safety Officer?") == "Health & Safety Officer"


def test_an_office_asked_by_its_holders_name_ends_before_a_relative_clause():
    from qa.posts import asked_office

    asked = (
        "What is the name of the incumbent Director of Recreation and Community Services whose salary rises?"
    )
    assert asked_office(asked) == "Director of Recreation and Community Services"
    # what places the post stays part of it: the Permanency Service's head, not any Head of Service
    assert asked_office("Who is the Head of Service appointed to the Permanency Service?") == (
        "Head of Service appointed to the Permanency Service"
    )
    assert asked_office("What is the name of the report?") is None
    # a director's field after 'for' names the post; after another title, 'for' names a place
    assert asked_office(
        "What is the name of the Acting Strategic Director for Children and Young People?"
    ) == ("Director for Children and Young People")
    assert asked_office("Who is the Clerk for Souldern Parish Council?") == "Clerk"
    assert asked_office("Who is named as Lead Director for Pledge 49?") == "Director"  # an item, no field
    # read from the question as uncontracted, whose offsets the match gives
    assert asked_office("What's the name of the Acting Director for Children and Young People?") == (
        "Director for Children and Young People"
    )


@pytest.mark.parametrize(
    ("text", "office", "named"),
    [
        ("Cathy Fleet (CF) CLERK", "parish clerk", True),  # a parish council's minutes print 'Clerk'
        ("Clerk: Cathy Fleet", "town clerk", True),
        ("Assistant Clerk: Jo Bloggs", "parish clerk", False),
        ("The Finance Clerk reported on the accounts", "parish clerk", False),
        ("Kimbra McCarthy, City Manager", "city manager", True),
        ("Justin Murphy, Deputy City Manager", "city manager", False),
        ("Parks Manager: Ann Lee", "city manager", False),
    ],
)
def test_an_office_is_named_by_its_title_less_its_councils_kind(text: str, office: str, named: bool):
    assert names_office(text, office) is named


def test_a_chairs_portfolio_is_its_own_office_but_a_body_it_chairs_is_not():
    from qa.posts import asked_office

    office = asked_office("Which councillor was named Chair of Finance in the appointments?")
    assert office == "Chair for Finance"
    assert names_office("Councillor Ward, Eastfield, Chair of Finance, Chair of Audit", office)
    assert not names_office(
        "Councillor Pike, Northgate, Chair of the Downtown Development Committee;", office
    )
    assert asked_office("Who was elected Chair of the Parish Council?") == "Chair"
