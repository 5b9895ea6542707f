"""What was decided, awarded, put down for later, totalled or sited, read whole from minutes and agendas."""

from __future__ import annotations

import datetime as dt

from conftest import answer_from_paper, answers_from_papers

from index.passage import Passage
from qa.answertype import expected
from qa.candidate import Asked, Candidate
from qa.fit import fitting
from qa.spans import spans

PLANNING = (
    "Hertingfordbury Parish Council\n\nMinutes of the meeting held on 9 May 2018\n\n17. PLANNING\n\n"
    "Planning ref: 3/18/0565/VAR 25 Chapel Lane Letty Green Variation of condition 2 (approved plans) of "
    "3/16/2773/FUL - Construction of 1no. 5 bed house, double garage and driveway - Alternations to the "
    "elevation appearance including changes to the windows and doors. Alternations made to the internal "
    "layout of the dwelling. Granted 4/5/18.\n\n(d) East Herts Local Plan\n\nNothing further to report.\n"
)


def test_asked_what_was_decided_the_outcome_after_the_applications_description_answers(
    tmp_path, settings, fake_embedder
) -> None:
    question = (
        "What decision did Hertingfordbury Parish Council record on the variation application 3/18/0565/VAR?"
    )
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, PLANNING, question)
    assert found.status == "answered" and "Granted 4/5/18." in found.text


def test_a_total_after_a_list_of_days_is_read_in_its_sentence(tmp_path, settings, fake_embedder) -> None:
    paper = (
        "Township of Nipissing\n\nMinutes of the Regular Meeting of Council, November 14, 2023\n\n"
        "Statement of Accounts\n\nR2023-212 S. Kirkey, D. Yemm\n\nThat the statement of accounts dated: October "
        "27 and 28; November 8, 2023; totaling $155,997.02 be approved. Carried.\n"
    )
    question = "What total statement of accounts did Nipissing Township council approve on November 14, 2023?"
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, paper, question)
    assert found.status == "answered" and found.text.startswith("$155,997.02")


def test_a_firm_a_contract_is_awarded_to_answers_which_contractor(tmp_path, settings, fake_embedder) -> None:
    paper = (
        "Omaha City Council Agenda, October 16, 2012\n\nCONSENT AGENDA - RESOLUTIONS\n\n28. Res. that the "
        "attached Grant Agreement to provide a Community Development Block Grant in the amount of $29,600.00 "
        "for rehabilitation work at the property of Mary Harding, located at 2402 North 33rd Avenue, is hereby "
        "approved. The contract is to be awarded to Goly Young Construction, Contractor. Funds shall be paid "
        "from the Rehabilitation Program.\n"
    )
    question = "Which contractor was to be awarded the grant contract for the Harding home at 2402 North 33rd Avenue?"
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, paper, question)
    assert found.status == "answered" and "Goly Young Construction" in found.text.split("[1]")[0]


def test_a_date_put_down_for_later_may_lie_after_the_month_the_question_names(
    tmp_path, settings, fake_embedder
) -> None:
    paper = (
        "Education and Children's Social Care Overview Scrutiny Committee\n\nMinutes of 10 July 2019\n\n"
        "8. Care Leavers and NEET\n\nAgreed that a progress report on Care Leavers and NEET (Pledge 48) would be "
        "scheduled on the panel's work programme for 6 months' time (8 January 2020).\n\n"
        "9. Fostering\n\nThe committee noted the fostering update presented on 10 July 2019.\n\n"
        # the tracker's row of the day it was set: that day is when it was asked for, not the day asked
        "Work Programme\n\n10 July 2019 Care Leavers and NEET | Agreed that a progress report on Care Leavers and "
        "NEET would be scheduled on the panel's work programme for 6 months' time. | Date: July 2019 Progress: "
        "Complete\n"
    )
    question = (
        "In July 2019 the committee asked for a progress report on Care Leavers and NEET in six months - which "
        "meeting date was it put down for?"
    )
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, paper, question)
    assert found.status == "answered" and found.text.startswith("8 January 2020")


AGENDA = (
    "OMAHA CITY COUNCIL AGENDA\n\nOCTOBER 16, 2012\n\nLEGISLATIVE CHAMBERS - 2:00 P.M.\n\n"
    "ZONING ORDINANCES ON FINAL READING\n\n12. Ord. to approve a Major Amendment to a Mixed Use District "
    "Development Agreement for Walnut Grove Plaza to allow for an assisted living facility, located at 4966 and "
    "5030 South 155th Street, providing site development standards.\n\n"
    "13. Ord. to rezone property for the new fire station, subject to a later site plan.\n"
)


def test_a_meetings_place_is_its_mastheads_and_a_sites_is_no_venue_line(
    tmp_path, settings, fake_embedder
) -> None:
    questions = [
        "Where was the Omaha City Council meeting of October 16, 2012 held?",
        "On the October 16, 2012 agenda, where is the Walnut Grove Plaza assisted living facility?",
        "According to the October 16, 2012 agenda, where will the new fire station be built?",
    ]
    (held, site, station), _ = answers_from_papers(
        tmp_path, settings, fake_embedder, {"agenda.txt": AGENDA}, questions
    )
    assert held.status == "answered" and held.text.startswith("LEGISLATIVE CHAMBERS")
    assert site.status == "answered" and site.text.startswith("4966 and 5030 South 155th Street")
    assert "LEGISLATIVE CHAMBERS" not in station.text  # the meeting's venue is no site for a fire station


def test_a_sum_asked_by_its_own_noun_is_not_another_sums() -> None:
    def candidate(text: str, heading: str) -> Candidate:
        passage = Passage(
            1,
            text,
            heading,
            1,
            1,
            "r.pdf",
            "Staff Report",
            "Menlo Park",
            None,
            dt.date(2021, 1, 12),
            "day",
            "report",
        )
        return Candidate(text, None, None, passage, 0, frozenset(s.kind for s in spans(text)))

    amendment = candidate(
        "Staff recommends a budget amendment of $15,000 of housing funds.", "Recommendation"
    )
    rent = candidate("The maximum monthly rent for a one-bedroom unit is $1,450.", "Affordability")
    headed = candidate("A one-bedroom unit is let at $1,450 a month.", "Rents 2021")
    q = "What maximum monthly rent does the staff report set for below market rate units?"
    kept, _ = fitting([amendment, rent, headed], Asked(q, expected(q), {}, None))
    assert [c.text for c in kept] == [rent.text, headed.text]  # a budget amendment is no rent
