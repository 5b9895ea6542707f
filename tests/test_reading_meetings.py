"""Who moved which motion, who holds which post, and what a dated meeting's minutes record."""

from __future__ import annotations

import datetime as dt

from conftest import answers_from_papers

from index.passage import Passage
from qa.askedmeeting import asked_meeting_first
from qa.motionact import act_asked, does_act

HANSARD = (
    "COUNCIL OF THE CITY OF WINNIPEG\n\nORGANIZATIONAL MEETING, November 6, 2013\n\n"
    "MOTION 1\n\nMoved by Councillor Nordman, Seconded by Councillor Steen, WHEREAS City Organization By-law "
    "7100/97 requires that the Deputy Mayor must be a member of the Standing Policy Committee on Finance; THEREFORE BE IT RESOLVED that Council make the "
    "following appointments.\n\nAPPOINTMENT OF SPEAKER AND DEPUTY SPEAKER\n\n"
    "Position\tCouncil Member Appointed\nSpeaker\tCouncillor Sharma\nDeputy Speaker\tCouncillor Steen\n\n"
    "Boards and Commissions\tCouncil Member(s) Appointed\n"
    "Access Advisory Committee\tCouncillor Eadie, Chairperson Councillor Sharma\n\n"
    "Mayor Katz: All in favour? Opposed? Carried.\n\nCouncillor Smith: The committees will meet next week.\n\n"
    "Mayor Katz: Not until someone moves adjournment.\n\n"
    "Councillor Swandel: I'll move adjournment.\n\nCouncil adjourned at 9:47 a.m.\n"
)


def test_a_seconder_is_of_the_motion_the_question_names_by_what_it_does(
    tmp_path, settings, fake_embedder
) -> None:
    questions = [
        "Who seconded the motion to adjourn Winnipeg City Council's November 6, 2013 organizational meeting?",
        "Who seconded the motion on the Deputy Mayor and the Standing Policy Committee on Finance?",
    ]
    (adjourn, finance), _ = answers_from_papers(
        tmp_path, settings, fake_embedder, {"winnipeg.txt": HANSARD}, questions
    )
    # nobody seconded the adjournment: Motion 1's seconder is not its
    assert adjourn.status == "not_found" or "Steen" not in adjourn.text.split("[1]")[0]
    assert finance.status == "answered" and "Steen" in finance.text.split("[1]")[0]


def test_a_post_is_read_from_the_row_naming_its_holder(tmp_path, settings, fake_embedder) -> None:
    questions = [
        "Under Winnipeg's Motion 1 of November 6, 2013, which chamber office was Councillor Steen appointed to?",
        # the field titled as a post, not a chair's title printed before the name in another table's cell
        "Which office was Councillor Sharma appointed to?",
    ]
    (steen, sharma), _ = answers_from_papers(
        tmp_path, settings, fake_embedder, {"winnipeg.txt": HANSARD}, questions
    )
    assert steen.status == "answered" and steen.text.startswith("Deputy Speaker")
    assert sharma.status == "answered" and sharma.text.startswith("Speaker")


def test_a_post_someone_was_elected_to_is_theirs_however_the_apostrophe_is_printed(
    tmp_path, settings, fake_embedder
) -> None:
    paper = (
        "Hertingfordbury Parish Council\n\nMinutes of the Annual Meeting held on 9 May 2018\n\n07. ELECTION OF "
        "CHAIRMAN\n\nCllr O’Leary was re-elected as Chairman of the Parish Council, proposed by Cllr Bradbury "
        "and seconded by Cllr Blake.\n"
    )
    question = "Which office was Cllr O'Leary elected to at the Hertingfordbury annual meeting?"
    (found,), _ = answers_from_papers(tmp_path, settings, fake_embedder, {"pc.txt": paper}, [question])
    assert found.status == "answered" and found.text.startswith("Chairman of the Parish Council")


def test_the_act_a_question_names_its_motion_by() -> None:
    assert act_asked("Who seconded the motion to adjourn the meeting of November 6, 2013?") == ("adjourn",)
    # verbs any motion is put with say nothing of which: the minutes are what it is about
    assert act_asked("Who seconded the motion to approve the minutes of 3 May?")[0] == "minut"
    assert act_asked("Who moved the resolution approving the Township budget?", frozenset({"township"})) == (
        "budget",
    )
    assert act_asked("Who seconded Councillor Kovach's motion at the May meeting?") == ()
    assert does_act("That the matter be referred back to committee.", ("refer",))
    assert not does_act("WHEREAS the Deputy Mayor must be a member of the Finance committee", ("adjourn",))
    # worded otherwise than the question, a motion printing enough of its words is the one
    bell = act_asked(
        "Who seconded Councillor Bell's amendment to lower the pay benchmark from the 55th to the 50th?"
    )
    assert does_act("That Clause 1 be amended by changing the 55th percentile to the 50th percentile", bell)


def _passage(chunk_id: int, text: str, day: dt.date = dt.date(2019, 9, 11)) -> Passage:
    return Passage(
        chunk_id, text, None, 1, 1, "pack.txt", "Agenda pack", "Plymouth", None, day, "day", "agenda"
    )


def test_the_minutes_of_the_dated_meeting_are_read_though_ranked_past_the_readers_share() -> None:
    header = _passage(
        1, "EDUCATION AND CHILDREN'S SOCIAL CARE OVERVIEW SCRUTINY COMMITTEE\n\nWednesday 10 July 2019"
    )
    minute = _passage(3, "13. Number of Children in Care - verbal update: there were 417 children in care.")
    later = _passage(
        9, "EDUCATION AND CHILDREN'S SOCIAL CARE OVERVIEW SCRUTINY COMMITTEE\n\nWednesday 11 September 2019"
    )
    others = [_passage(100 + i, f"Work programme row {i}") for i in range(8)]
    paper = {p.chunk_id: p for p in [header, minute, later, *others]}

    def between(first: int, last: int) -> list[Passage]:
        return [paper[i] for i in range(first + 1, last + 1) if i in paper]

    ranked = [*others[:4], later, others[4], minute, *others[5:]]  # the minute seventh, past a share of four
    near = {p.chunk_id: 0.5 for p in ranked} | {minute.chunk_id: 0.7}
    read = asked_meeting_first(ranked, dt.date(2019, 7, 10), between, 5, 4, near)
    assert read[:4] == [*others[:3], minute] and len(read) == len(ranked)
    # the pack's own meeting is not moved: its paper is of that day already
    assert asked_meeting_first(ranked, dt.date(2019, 9, 11), between, 5, 4, near) == ranked
    # nor is a passage further from the question in meaning than those it would displace
    assert (
        asked_meeting_first(ranked, dt.date(2019, 7, 10), between, 5, 4, near | {minute.chunk_id: 0.4})
        == ranked
    )


PLANNING_BOARD = (
    "OMAHA CITY PLANNING BOARD\n\nPLANNING BOARD MINUTES, August 3, 2011\n\n"
    "Case C10-11-101: Eagles Nest, rezoning from LI to R7, east of 99th Street.\n\n"
    "Mr. Kelley moved to APPROVE. Approval of the rezoning from LI to R7; approval of the PUD subject to: 1) "
    "Submittal of an acceptable modified traffic study and development agreement providing for all required "
    "improvements prior to forwarding the request to City Council for final action; 2) All site plans being "
    "amended to comply with all applicable regulations. Mr. Rosenbaum seconded the motion which carried 7-0.\n\n"
    "Case C12-11-140: Dodge Street plaza, waiver of the sign regulations.\n\n"
    "Mr. Kelley moved to DENY. Mr. Magnuson seconded the motion which carried 6-1.\n"
)


def test_a_seconder_of_a_motion_named_by_its_mover_is_the_one_after_that_mover(
    tmp_path, settings, fake_embedder
) -> None:
    question = "At the Planning Board hearing on the Eagles Nest rezoning, who seconded Mr. Kelley's motion to approve?"
    (found,), _ = answers_from_papers(
        tmp_path, settings, fake_embedder, {"board.txt": PLANNING_BOARD}, [question]
    )
    assert found.status == "answered" and "Rosenbaum" in found.text.split("[1]")[0]


FLEET = (
    "Township of Nipissing\n\nCAPITAL BUDGET 2024-2034 FORECAST\n\nFIRE DEPARTMENT CAPITAL FORECAST\n\n"
    "YEAR\tPROJECT DESCRIPTION\tESTIMATE\tMETHOD\n2027\tPump 1\t$400,000\tFinancing\n"
    "2029\tPump 2 year 1 of 5\t$400,000\tFinancing\n\nFIRE DEPARTMENT FLEET PLAN:\n\n"
    "Pump 2 – 2011\tReplace 2029 with 2,000 gallon tanker\nRescue 2 – 2012\tReplace 2032 with mini-pumper\n"
    "Pump 1 – 2015\tReplace 2035 with mini-pumper\n"
)


def test_a_year_beside_the_key_of_the_row_asked_of_answers(tmp_path, settings, fake_embedder) -> None:
    """A fleet plan's list, each line a vehicle and its replacement: its first line is no header, and the
    year in a line the question names by its key is the year asked, not the forecast's row for 2027."""
    questions = [
        "In the Nipissing capital forecast, in which year is the fire department's 2015 Pump 1 to be replaced?",
        "In the Nipissing capital forecast, what is fire Pump 2 (2011) to be replaced with?",
    ]
    (year, tanker), _ = answers_from_papers(
        tmp_path, settings, fake_embedder, {"fleet.txt": FLEET}, questions
    )
    assert year.status == "answered" and year.text.startswith("2035")
    assert tanker.status == "answered" and "2,000 gallon tanker" in tanker.text.split("[1]")[0]


GROUPED_FLEET = (
    "Township of Nipissing\n\nCAPITAL BUDGET 2024-2034 FORECAST\n\nCEMETERY CAPITAL FORECAST\n\n"
    "YEAR\tPROJECT DESCRIPTION\tESTIMATE\tMETHOD\n2024\t1/2 lawnmower\t$7,500\tTaxation\n"
    "2025\tFencing - Union Cemetery\t$10,000\tReserves\n\n"
    "PUBLIC WORKS FLEET PLAN\n\n**YEAR PROJECT DESCRIPTION (FLEET) ESTIMATE METHOD**\n\n"
    "2024\tTandem Truck (replace 2005) Year 2 of 5\t\n\tTandem Truck (replace 2010) Year 3 of 5\t\n"
    "\tPick Up Truck Year 1 of 5 (3/4 Tonne) $90,000\tFinancing\n"
    "2025\tTandem Truck (replace 2005) Year 3 of 5\t\n\tGrader Year 1 of 5 $650,000\tFinancing\n"
    "\tPick Up Truck Year 1 of 5 (1/2 Tonne) $70,000\tFinancing\n"
    "2026\tTandem Truck (replace 2005) Year 4 of 5\t\n\tGrader Year 2 of 5\t\n"
)


def test_an_item_under_a_year_merged_down_is_a_row_of_its_own_keyed_by_it(
    tmp_path, settings, fake_embedder
) -> None:
    """A fleet plan prints each year once over its items: each item is its own row of that year, and the
    row whose key the question gives holds the estimate asked, not another table's labelled estimate."""
    question = (
        "In the Nipissing Capital Budget 2024-2034, what is the 2025 estimate for the grader (Year 1 of 5)?"
    )
    (found,), _ = answers_from_papers(
        tmp_path, settings, fake_embedder, {"fleet.txt": GROUPED_FLEET}, [question]
    )
    assert found.status == "answered" and found.text.startswith("$650,000"), found.text
