"""What describe() reads from real council papers and from small synthetic ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.metadata import (
    DOC_TYPES,
    best_date,
    classify,
    describe,
    find_body,
    find_council,
    find_title,
    title_case,
)

PAPERS = Path(__file__).resolve().parents[1] / "samples" / "papers"
EDUCATION_OSC = "Education and Children's Social Care Overview and Scrutiny Committee"


def paper(prefix: str) -> tuple[str, str]:
    path = next(PAPERS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8"), str(path)


# --- the five sample papers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "date", "precision", "council", "body", "doc_type"),
    [
        # Pledge tracker headed "CHILDREN'S SERVICES PLEDGES, FEBRUARY 2020".
        ("000", dt.date(2020, 2, 1), "month", "Plymouth City Council", None, "report"),
        # Agenda: meeting on Wednesday 11 September 2019, published 03 September 2019.
        ("001", dt.date(2019, 9, 11), "day", "Plymouth City Council", EDUCATION_OSC, "agenda"),
        # Pledge progress tracker for the financial year 2017/18 named in its heading.
        ("002", dt.date(2017, 1, 1), "year", "Derby City Council", None, "report"),
        # Three-year strategic plan for 2024-27; it never names the council in full.
        ("003", dt.date(2024, 1, 1), "year", None, None, "plan"),
        # Committee report headed "CORPORATE PARENTING COMMITTEE 23 February 2016".
        ("004", dt.date(2016, 2, 23), "day", "Derby City Council", "Corporate Parenting Committee", "report"),
    ],
)
def test_sample_papers(prefix, date, precision, council, body, doc_type):
    meta = describe(*paper(prefix))
    assert (meta.date, meta.date_precision) == (date, precision)
    assert meta.council == council
    assert meta.body == body
    assert meta.doc_type == doc_type


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", "Children's Services Pledges, February 2020"),
        ("001", EDUCATION_OSC),
        ("002", "Commitment to implementing the Pledge for Children in Care 2017/18"),
        ("003", "Children's Service"),  # the bold cover heading, split over two lines by conversion
        ("004", "Implementing the Pledge for Children in Care"),
    ],
)
def test_sample_titles(prefix, title):
    assert describe(*paper(prefix)).title == title


def test_sample_agenda_body_is_the_committee():
    assert "Overview and Scrutiny Committee" in describe(*paper("001")).body


AGENDA_HEAD = """Public Document Pack
Democratic Support
Please ask for Jo Smith
T 01752 305155
Published 03 September 2019

PLANNING COMMITTEE

Wednesday 11 September 2019
2.00 pm

Members are invited to attend the above meeting to consider the items of business overleaf.

1. Apologies
2. Minutes (Pages 1 - 8)
To confirm the minutes of the previous meeting held on 10 July 2019.
"""


def test_meeting_date_beats_published_and_previous_meeting_dates():
    assert best_date(AGENDA_HEAD).value == dt.date(2019, 9, 11)


def test_labelled_meeting_date_beats_earlier_published_date():
    text = "Published 1 March 2021\n\nCabinet\n\nDate of meeting: 5 March 2021\nTime: 10am\n"
    assert best_date(text).value == dt.date(2021, 3, 5)


def test_label_on_the_line_before_the_date():
    text = "Licensing Sub-Committee\nVenue: Town Hall\nMeeting date:\n18 January 2023\n"
    assert best_date(text).value == dt.date(2023, 1, 18)


def test_sign_off_dates_lose_to_the_heading_date():
    text = "Date approved: 01/04/2020\nDeadline 30 April 2020\n\nREPORT TO CABINET 12 March 2020\n"
    assert best_date(text).value == dt.date(2020, 3, 12)


def test_only_previous_meeting_date_is_not_the_papers_date():
    assert best_date("To confirm the minutes of the previous meeting held on 10 July 2019.") is None


def test_month_heading_gives_month_precision():
    text = "CHILDREN'S SERVICES PLEDGES, FEBRUARY 2020\n\nThe new service goes live in March 2020.\n"
    meta = describe(text)
    assert (meta.date, meta.date_precision) == (dt.date(2020, 2, 1), "month")


def test_plan_period_is_a_weak_last_resort():
    assert best_date("Corporate Plan\n\n2024-27\n\nOur priorities.\n").value == dt.date(2024, 1, 1)
    found = best_date("Budget Strategy 2024-27\n\nDate: 12 March 2024\n")
    assert (found.value, found.precision) == (dt.date(2024, 3, 12), "day")


def test_dates_far_down_the_text_are_not_trusted():
    assert best_date("Introduction\n" + "Words and more words. " * 1500 + "\n1 January 2020\n") is None


def test_no_date_gives_none():
    meta = describe("Corporate Parenting Committee\n\nImplementing the Pledge\n")
    assert meta.date is None
    assert meta.date_precision == "day"


# --- councils ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("Report to Kent County Council on highways.", "Kent County Council"),
        ("Derby City Council, its members and employees", "Derby City Council"),
        ("Members of Tewkesbury Borough Council agreed.", "Tewkesbury Borough Council"),
        ("Sevenoaks District Council said so.", "Sevenoaks District Council"),
        ("Wigan Metropolitan Borough Council", "Wigan Metropolitan Borough Council"),
        ("Rhondda Cynon Taf County Borough Council", "Rhondda Cynon Taf County Borough Council"),
        ("Frome Town Council minutes", "Frome Town Council"),
        ("Ditchling Parish Council minutes", "Ditchling Parish Council"),
        ("Limerick City and County Council", "Limerick City and County Council"),
        ("Dún Laoghaire-Rathdown County Council", "Dún Laoghaire-Rathdown County Council"),
        ("Planning at the London Borough of Camden today", "London Borough of Camden"),
        (
            "London Borough of Barking and Dagenham Planning Committee",
            "London Borough of Barking and Dagenham",
        ),
        ("the Royal Borough of Greenwich has agreed", "Royal Borough of Greenwich"),
        ("Kingston upon Hull City Council", "Kingston upon Hull City Council"),
        ("Brighton & Hove City Council", "Brighton & Hove City Council"),
        ("Isle of Wight Council\nLeader of the Isle of Wight Council", "Isle of Wight Council"),
        ("City of Bradford Metropolitan District Council", "City of Bradford Metropolitan District Council"),
        ("PLYMOUTH CITY COUNCIL\nCABINET", "Plymouth City Council"),
        ("Cornwall Council\n\nCabinet agenda", "Cornwall Council"),
        ("Cornwall Council works with partners. Cornwall Council agreed.", "Cornwall Council"),
        # Authorities of every English-speaking country, in the forms their papers use.
        ("CITY OF YORK COUNCIL\nResides in the City of York Council area", "City of York Council"),
        ("City of Aliso Viejo\nAGENDA ITEM", "City of Aliso Viejo"),
        ("Town of Chapel Hill\nCouncil Meeting", "Town of Chapel Hill"),
        ("County of Santa Clara\nBoard Agenda", "County of Santa Clara"),
        (
            "MINUTES\nTOWNSHIP OF NIPISSING\nA meeting of the Township of Nipissing Council",
            "Township of Nipissing Council",
        ),
        ("Village of Oak Park\nRegular Meeting", "Village of Oak Park"),
        ("Municipality of Chatham-Kent\nCouncil Minutes", "Municipality of Chatham-Kent"),
        ("Regional District of Nanaimo\nBoard Meeting", "Regional District of Nanaimo"),
        ("Fraser Valley Regional District\nBoard Agenda", "Fraser Valley Regional District"),
        ("Toronto District School Board\nMeeting", "Toronto District School Board"),
        ("Cupertino Union School District\nBoard of Education", "Cupertino Union School District"),
        ("Los Angeles Unified School District\nRegular Board Meeting", "Los Angeles Unified School District"),
        ("Marin County Board of Supervisors\nAgenda", "Marin County Board of Supervisors"),
        ("Summit County Planning Commission\nMeeting Dates", "Summit County Planning Commission"),
        ("Coastside Fire Protection District\nBoard Meeting", "Coastside Fire Protection District"),
        ("Council of the City of Winnipeg. The City of Winnipeg has a future.", "City of Winnipeg"),
        ("Mornington Peninsula Shire Council\nOrdinary Meeting", "Mornington Peninsula Shire Council"),
        ("Shire of Augusta Margaret River\nMinutes", "Shire of Augusta Margaret River"),
        ("Waikato Regional Council\nAgenda", "Waikato Regional Council"),
        ("Regional Municipality of Waterloo\nCouncil Agenda", "Regional Municipality of Waterloo"),
        ("Rural Municipality of Sherwood\nMinutes", "Rural Municipality of Sherwood"),
        ("Municipal District of Kenmare\nMinutes", "Municipal District of Kenmare"),
        ("Miami City Commission\nAgenda", "Miami City Commission"),
        ("Wake County Board of Commissioners\nAgenda", "Wake County Board of Commissioners"),
        (
            "The City of Omaha and the City of\nOmaha Cable Access Corporation. City of Omaha.",
            "City of Omaha",
        ),
    ],
)
def test_council_name_variants(text, council):
    assert find_council(text) == council


@pytest.mark.parametrize(
    "text",
    [
        "The Council agreed the budget and the City Council noted it.",
        "The County Council and Full Council will meet.",
        "Views of the Children in Care Council and the Teaching School Council were sought.",
        "We want to be a Caring Council for everyone.",  # a bare "X Council" said once in prose
        "Nothing here names a council at all.",
    ],
)
def test_no_well_formed_council_gives_none(text):
    assert find_council(text) is None


def test_a_town_council_is_not_labelled_with_its_city():
    text = (
        "Sutton Coldfield Town Council\n\nMinutes of the Planning Committee\n"
        + "Birmingham City Council granted the application. " * 6
    )
    assert find_council(text) == "Sutton Coldfield Town Council"


@pytest.mark.parametrize(
    "text",
    [
        "TO: Honorable Mayor and City Council\nTO: Honorable Mayor and City Council",  # addressees
        "Boards and Commissions Vacancy Council Member(s) Appointed",  # a table header
        "Meeting Location: Summit County Council Chambers. Summit County Council Chambers.",  # a venue
        "Resides in the City of Labour Party\nResides in the City of Labour Party",  # cells run together
        "Review and Approve City Council minutes. Approve City Council minutes.",  # agenda verbs
    ],
)
def test_names_that_are_not_the_authority(text):
    assert find_council(text) is None


def test_a_bare_council_name_in_a_heading_at_the_top_is_trusted():
    assert (
        find_council("Minutes of the Meeting of Kirklees Council held on 05/03/2019\nPresent:")
        == "Kirklees Council"
    )


def test_an_authority_named_once_deep_in_the_paper_is_not_its_author():
    text = (
        "STAFF REPORT\nCity Council\n"
        + "The housing programme continues. " * 120
        + "Clients: City of Morgan Hill."
    )
    assert find_council(text) is None
    assert find_council("City of Morgan Hill\nSTAFF REPORT\n") == "City of Morgan Hill"


def test_most_frequent_council_wins_and_ties_go_to_the_earliest():
    text = "Devon County Council and Plymouth City Council. Plymouth City Council again."
    assert find_council(text) == "Plymouth City Council"
    assert find_council("Kent County Council met Medway Council... Medway Council") == "Medway Council"
    assert find_council("Kent County Council and Surrey County Council") == "Kent County Council"


# --- bodies -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("CABINET\n\n12 March 2024", "Cabinet"),
        ("Health and Wellbeing Board\nThursday 5 May 2022", "Health and Wellbeing Board"),
        ("Report to the Planning Committee\n", "Planning Committee"),
        ("PLANNING AND LICENSING COMMITTEE – 12 March 2024", "Planning and Licensing Committee"),
        ("Meeting of Full Council\n", "Full Council"),
        ("Ordinary Meeting of the Council\n", "Full Council"),
        ("Metropolitan District of Limerick\nMeeting 4 June 2021", "Metropolitan District of Limerick"),
        ("Plymouth City Council Cabinet\n", "Cabinet"),
        ("MINUTES OF THE MEETING OF THE AUDIT AND GOVERNANCE PANEL", "Audit and Governance Panel"),
        ("Meeting: Cabinet Date: 11 March 2026 Subject: Resource Requirements", "Cabinet"),
        (
            "CUPERTINO UNION SCHOOL DISTRICT\nBoard of Education\nSpecial Meeting\nAGENDA",
            "Board of Education",
        ),
        ("2019 Summit County Planning Commission Meeting Dates", "Summit County Planning Commission"),
        ("Minutes of Guelph City Council\nHeld in the Council Chambers", "City Council"),
        ("Regular Meeting Agenda\nCity Council\nRich Constantine - Mayor", "City Council"),
        ("CITY COUNCIL AGENDA AND NOTICE", "City Council"),
        ("DATE: January 20, 2021\nTO: Mayor and City Council\nFROM: Sea Shelton", "City Council"),
        (
            "MINUTES OF THE ANNUAL MEETING OF HERTINGFORDBURY PARISH COUNCIL HELD ON 9TH MAY 2018",
            "Parish Council",
        ),
        (
            "MINUTES\nTOWNSHIP OF NIPISSING\nA regular meeting of the Township of Nipissing Council was held",
            "Township Council",
        ),
        ("Fraser Valley Board of Supervisors\nAgenda", "Fraser Valley Board of Supervisors"),
        ("Committee of the Whole\n5 March 2019", "Committee of the Whole"),
        (
            "SAN FRANCISCO UNIFIED SCHOOL DISTRICT\nREGULAR MEETING OF THE BOARD OF EDUCATION",
            "Board of Education",
        ),
        ("BOARD OF SUPERVISORS\nCOUNTY OF SAN DIEGO\nAGENDA", "Board of Supervisors"),
        ("Ordinary Council Meeting\n5 March 2019", "Full Council"),
        ("COUNCIL AGENDA\n5 March 2019", "Full Council"),
        ("Little Ashby Parish Council – Minutes of 2 June 2021", "Parish Council"),
    ],
)
def test_body_names(text, body):
    assert find_body(text) == body


@pytest.mark.parametrize(
    "text",
    [
        "Committee Room 2, Council House\n",
        "Cabinet Member for Children and Young People\n",
        "An update will be required by the Corporate Parenting Committee to track progress made by each"
        " service area over the coming year.\n",
        "Performance and Risk Team\n",
        "Minutes\nCouncil Chamber, Town Hall\n",  # a heading and a venue
        "Warspite Room, Civic Centre\n",
        "Kent County Council\n",  # the authority, not the meeting
        "FROM: Planning Commission\n",  # the author of a memo
        "Present: Cllr Smith\nCouncillor Foote: Emergency Medical Service Advisory Committee\n",  # after the masthead
    ],
)
def test_no_body_gives_none(text):
    assert find_body(text) is None


# --- document types ---------------------------------------------------------------------------

MINUTES = """Planning Committee

Minutes of the meeting held on Tuesday 4 June 2019

PRESENT:
Councillor Smith (Chair)

Apologies for absence were received from Councillor Jones.

12. Land at Mill Lane
RESOLVED that planning permission be granted.
"""

REPORT = """CABINET 12 March 2024

Report of the Director of Finance

Budget Monitoring Quarter 3

Purpose of the report
To update Cabinet on the forecast outturn.

Recommendations
1. That Cabinet notes the forecast.
"""

PLAN = """ACHIEVING EXCELLENCE

A Three-Year Strategic Plan for children's services

2024-27

Our priorities for the next three years.
"""

AGENDA_WITH_MINUTES = AGENDA_HEAD + "\n3. Work Programme (Pages 9 - 10)\n\n" + MINUTES


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        (AGENDA_HEAD, "agenda"),
        (AGENDA_WITH_MINUTES, "agenda"),  # an agenda pack carrying the last minutes is still an agenda
        (MINUTES, "minutes"),
        (REPORT, "report"),
        (PLAN, "plan"),
        ("Annual Action Plan 2023/24\n\nWhat we will do this year.\n", "plan"),
        ("Hello there.\nA note with nothing council-like in it.\n", "other"),
        ("REGULAR MEETING MINUTES\nCall to order at 7pm.\n", "minutes"),
        ("MINUTES\nTOWNSHIP OF NIPISSING\nTuesday, November 14, 2023\n", "minutes"),
        ("June 4 Agenda Package\nTownship of Nipissing\n", "agenda"),
        ("Regular Meeting Agenda\nCity Council\nWednesday, January 20, 2021\n", "agenda"),
        ("Board of Education Special Meeting AGENDA\nApril 6, 2016\n", "agenda"),
        (
            "AGENDA ITEM\nDATE: January 20, 2021\nTO: Mayor and City Council\nSUBJECT: SALARY SCHEDULE\nRecommended Action:\n",
            "report",
        ),
        ("STAFF REPORT\nCity Council\nMeeting Date: 1/12/2021\n", "report"),
        ("Report to Cabinet\n12 March 2024\n", "report"),
        ("Souldern Parish Council\nAccounts to year ending March 2017\nINCOME\n", "budget"),
        ("Cash Sheet - Payments 2024-5\nDate Details Cheque\n", "budget"),
        ("CAPITAL BUDGET 2024-2034 FORECAST\n", "budget"),
        ("Explanation of variances – pro forma\n", "budget"),
        ("STATEMENT OF PERSONS NOMINATED\nLondon Borough of Hackney\n", "election"),
        ("NOTICE OF UNCONTESTED ELECTION\nElection of Parish Councillors\n", "election"),
        ("NOTICE OF ELECTION\nElection of a County Councillor\n", "election"),
        ("PRECINCT BULLETINS\n327 BALLOTS CAST\n1100 REGISTERED VOTERS\n", "election"),
        ("MINUTES OF THE ANNUAL MEETING\n07. ELECTION OF CHAIRMAN\nPRESENT: Cllrs Atkins\n", "minutes"),
        ("Little Ashby Parish Council – Minutes of 2 June 2021\n21/34 Village Hall Roof.\n", "minutes"),
        (
            "Souldern Parish Council\n28th January 2021 at 7.30 pm by Zoom\n"
            "Agenda & Summons to Councillors and Invitation to Members of the Public\n"
            "1. To receive apologies for absence\n3. To receive the minutes of the last meeting\n",
            "agenda",
        ),
    ],
)
def test_doc_types(text, doc_type):
    assert describe(text).doc_type == doc_type


def test_classify_uses_the_title():
    assert classify("Some text.", "Agenda for the Cabinet") == "agenda"
    assert classify("Some text.", None) == "other"


def test_describe_a_synthetic_report():
    meta = describe(REPORT, "papers/budget_q3.txt")
    assert meta.title == "Budget Monitoring Quarter 3"
    assert meta.body == "Cabinet"
    assert (meta.date, meta.date_precision) == (dt.date(2024, 3, 12), "day")
    assert meta.council is None
    assert meta.doc_type == "report"


def test_describe_synthetic_minutes():
    meta = describe(MINUTES)
    assert meta.body == "Planning Committee"
    assert meta.date == dt.date(2019, 6, 4)


# --- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "## Commitment to implementing the **Pledge**\n\nBody text.",
            "Commitment to implementing the Pledge",
        ),
        ("ANNUAL BUDGET AND COUNCIL TAX SETTING 2024/25\n", "Annual Budget and Council Tax Setting 2024/25"),
        ("**Housing Delivery Update:**\n\nText.", "Housing Delivery Update"),
        ("Subject: Review of Parking Charges\nWards: All\n", "Review of Parking Charges"),
        (
            "Please ask for Helen Rickman\nT 01752 305155\nE democratic@plymouth.gov.uk\nPlymouth PL1 3BJ\n"
            "Oversight and Governance\nSCRUTINY OF THE NHS HEALTH AND WELLBEING STRATEGY\n",
            "Scrutiny of the NHS Health and Wellbeing Strategy",
        ),
        ("Oversight and Governance\nPERFORMANCE AND RISK TEAM\n", "Performance and Risk Team"),
        ("Quarterly update on housing repairs\n\nsome more text here", "Quarterly update on housing repairs"),
        # Mastheads as layout-aware text layers join them, and the lines that are never titles.
        (
            "Meeting: Cabinet Date: 11 March 2026 Subject: Resource Requirements for the Finance Team\n\n"
            "Report Of: Head of Paid Service\n",
            "Resource Requirements for the Finance Team",
        ),
        (
            "SUBJECT: SEE BELOW DATE: August 2, 2021\nSUBJECT: SP20-004. SPECIAL USE PERMIT\n",
            "SP20-004. Special Use Permit",
        ),
        (
            "MINUTES OF THE ANNUAL MEETING OF HERTINGFORDBURY PARISH COUNCIL HELD ON 9TH MAY 2018 AT 19.30\n"
            "PRESENT: Cllrs Atkins\n07. ELECTION OF CHAIRMAN\n",
            "Minutes of the Annual Meeting of Hertingfordbury Parish Council",
        ),
        (
            "Souldern Parish Council\nAccounts to year ending March 2017\nINCOME\n",
            "Accounts to year ending March 2017",
        ),
        (
            "CITY OF MOUNTAIN VIEW\nTUESDAY, DECEMBER 8, 2020 - 6:30 PM\nCITY COUNCIL AGENDA AND NOTICE\n",
            "City Council Agenda and Notice",
        ),
        (
            "November 14, 2023 – Minutes – Page 2\nThe Plan for Growth was approved\n",
            "The Plan for Growth was approved",
        ),
        ("# Fernhill Borough Council\n\n## Pledge Tracker, March 2022\n", "Pledge Tracker, March 2022"),
        ("LONDON BOROUGH OF CAMDEN\nCOUNCIL CHAMBER - TOWN HALL\nCabinet Agenda\n", "Cabinet Agenda"),
        (
            "**Link to Zoom invite: https:/us02web.zoom.us/8178**\nAgenda & Summons to Councillors\n",
            "Agenda & Summons to Councillors",
        ),
        (
            "**Northgate City Council**\n\nCorporate Plan Pledge Tracker\n\nPledge\tStatus\n",
            "Corporate Plan Pledge Tracker",
        ),
        (
            "**Eastmere Borough Council**\n\nReport of the Director of Place: Leisure Estate Review\n",
            "Leisure Estate Review",
        ),
        (  # the title before the author line, a labelled field after it
            "EASTFIELD DISTRICT COUNCIL\nReport to Full Council, 26 February 2020\nRevenue Budget 2020/21\n"
            "Report of the Chief Finance Officer, David Morgan\nPortfolio Holder: Councillor Linda Shaw\n",
            "Revenue Budget 2020/21",
        ),
        (  # nothing before the author line but whom it is to: the title after the field is found otherwise
            "HARBOURSIDE CITY COUNCIL\nReport to Cabinet, 14 March 2019\nReport of the Director, Mark Ellison\n"
            "Cabinet Member: Councillor Aisha Patel\n\nCUSTOMER SERVICES PERFORMANCE\n",
            "Customer Services Performance",
        ),
    ],
)
def test_titles(text, title):
    assert find_title(text) == title


def test_title_falls_back_to_the_source_stem():
    assert find_title("", "/data/papers/cabinet_minutes-2019.txt") == "cabinet minutes 2019"
    assert find_title("") is None


def test_long_title_is_cut_at_a_word():
    title = find_title("# " + "word " * 40)
    assert title is not None and len(title) <= 150 and title.endswith("word")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CHILDREN'S SERVICES PLEDGES", "Children's Services Pledges"),
        ("OVERVIEW AND SCRUTINY OF THE BUDGET", "Overview and Scrutiny of the Budget"),
        ("THE THREE-YEAR PLAN", "The Three-Year Plan"),
        ("NHS AND PCC JOINT BOARD", "NHS and PCC Joint Board"),
        ("BURTON-CUM-WALDEN PARISH COUNCIL", "Burton-cum-Walden Parish Council"),
        ("STRATFORD-ON-AVON DISTRICT COUNCIL", "Stratford-on-Avon District Council"),
    ],
)
def test_title_case(text, expected):
    assert title_case(text) == expected


@given(st.text(max_size=400))
def test_describe_never_fails_and_keeps_to_its_vocabulary(text):
    meta = describe(text, "x.txt")
    assert meta.doc_type in DOC_TYPES
    assert meta.date_precision in {"day", "month", "year"}
    assert meta.title is None or len(meta.title) <= 150


# --- whole headers as councils write them -----------------------------------------------------

IRISH_MINUTES = """Limerick City and County Council

Minutes of the Meeting of the Metropolitan District of Limerick held in the Council Chamber, \
Dooradoyle, on Tuesday, 21st September, 2021 at 3.00 p.m.

PRESENT IN THE CHAIR:
Councillor D. Butler, Cathaoirleach.

1. Adoption of Minutes
Minutes of Meeting of the Metropolitan District of Limerick held on 20 July 2021.
"""

MODERN_GOV_AGENDA = """Public Document Pack

Kent County Council

Notice of Meeting

CABINET

Thursday, 26th January, 2023 at 10.00 am
Council Chamber, Sessions House, County Hall, Maidstone

AGENDA

1. Apologies and Substitutes
2. Minutes of the meeting held on 5 December 2022 (Pages 1 - 10)
"""

LABELLED_REPORT = """NOT PROTECTIVELY MARKED

Report to: Cabinet
Date: 14 November 2023
Title: Medium Term Financial Strategy 2024-2029
Report of: Director of Resources
Wards affected: All

1. Summary
1.1 This report sets out the strategy agreed by Council on 1 March 2023.

2. Recommendations
"""

PARISH_MINUTES = """Ditchling Parish Council

MINUTES OF THE PARISH COUNCIL MEETING HELD ON MONDAY 6 MARCH 2023 AT 7.30PM IN THE VILLAGE HALL

Present: Cllrs Ames, Bell and Cole
23/45 Minutes of the previous meeting held on 6 February 2023 were approved.
RESOLVED to accept the accounts.
"""


@pytest.mark.parametrize(
    ("text", "title", "council", "body", "date", "doc_type"),
    [
        (
            IRISH_MINUTES,
            "Minutes of the Meeting of the Metropolitan District of Limerick",
            "Limerick City and County Council",
            "Metropolitan District of Limerick",
            dt.date(2021, 9, 21),
            "minutes",
        ),
        # A modern.gov front sheet has no title line of its own, so its title is not pinned here.
        (MODERN_GOV_AGENDA, None, "Kent County Council", "Cabinet", dt.date(2023, 1, 26), "agenda"),
        (
            LABELLED_REPORT,
            "Medium Term Financial Strategy 2024-2029",
            None,
            "Cabinet",
            dt.date(2023, 11, 14),
            "report",
        ),
        (
            PARISH_MINUTES,
            "Minutes of the Parish Council Meeting",
            "Ditchling Parish Council",
            "Parish Council",  # the council itself meets, and the paper says which kind
            dt.date(2023, 3, 6),
            "minutes",
        ),
    ],
)
def test_realistic_headers(text, title, council, body, date, doc_type):
    meta = describe(text)
    if title is not None:
        assert meta.title == title
    assert (meta.council, meta.body, meta.date, meta.doc_type) == (council, body, date, doc_type)
    assert meta.date_precision == "day"
