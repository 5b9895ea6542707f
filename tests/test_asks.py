"""Written requests of several parts: each part read as its own question, the reply quoted from its answer."""

from __future__ import annotations

import pytest
from conftest import answer_from_paper
from hypothesis import given
from hypothesis import strategies as st

from index.settings import Settings
from qa.asks import asks
from qa.partanswers import _quoted


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "(a) how many vacant houses are in Council ownership (b) where are these houses",
            ("How many vacant houses are in Council ownership?", "Where are these houses?"),
        ),
        (
            "how much has been spent on the seizure of horses so far in 2016, how many horses have been"
            " seized, and how many have been reclaimed",
            (
                "How much has been spent on the seizure of horses so far in 2016?",
                "How many horses have been seized?",
                "How many have been reclaimed?",
            ),
        ),
        (  # 'if not' hangs on the part before, and says so
            "(a) how many applicants are awaiting housing; (b) does this include HAP tenants; (c) if not, how"
            " many have moved; and (d) what is the current wait time",
            (
                "How many applicants are awaiting housing?",
                "Does this include HAP tenants?",
                "If not, how many have moved?",
                "What is the current wait time?",
            ),
        ),
        (
            "were there any claims made against the Council and, if so, what was the total cost",
            ("Were there any claims made against the Council?", "If so, what was the total cost?"),
        ),
        (  # a part put as what is wanted asks what that is
            "for (a) the cost of a burial space at Calvary Cemetery; (b) the cost of a burial space elsewhere",
            (
                "What is the cost of a burial space at Calvary Cemetery?",
                "What is the cost of a burial space elsewhere?",
            ),
        ),
        (  # 'where' before its verb asks; before its subject it opens a relative clause
            "Who chaired the meeting, where was it held, and when did it end",
            ("Who chaired the meeting?", "Where was it held?", "When did it end?"),
        ),
        (  # a part may open with the time it asks of
            "for the following: (a) In 2014, how much was allocated for grants; and (b) how much was spent",
            ("In 2014, how much was allocated for grants?", "How much was spent?"),
        ),
    ],
)
def test_a_request_of_several_parts_is_read_as_its_parts(question: str, parts: tuple[str, ...]) -> None:
    assert asks(question) == parts


@pytest.mark.parametrize(
    "question",
    [
        "How many vacant houses does the Council own?",
        "How many commitments did Derby's previous Pledge, written in 2012, have?",  # ', have' ends a clause
        "what capacity, if any, is remaining at the Tournafulla sewerage plant",
        # one ask of several places: the request is read whole
        "when safety bollards will be put in place at (a) Lynch's Corner with The Square, and (b) opposite"
        " Dick Darby's at Church Street",
        "what is the capacity at the following plants: (a) Athea (b) Mountcollins (c) Tournafulla",
        # a relative clause set off by commas says more of its noun and asks nothing
        "What time did the special Corporate Parenting Committee on 26 January 2016, where the new Pledge"
        " was launched, start?",
        "Who chaired the committee meeting, which was held in the Council House?",
        # 'who' and a passive after a title: more of the post, not a second question
        "Who is the council's Parish Caretaker, who was paid several times on the cash sheet?",
        # a condition opening the request is what its ask hangs on
        "If Cabinet approved the Family Hubs approach, when did Plymouth expect the new service to be running?",
    ],
)
def test_a_question_of_one_ask_is_read_whole(question: str) -> None:
    assert asks(question) == ()


def test_a_question_run_on_into_the_minutes_is_not_split_at_its_clauses() -> None:
    run_on = (
        "what is the position on the yellow lines, and when will they be renewed, " + "and the text " * 40
    )
    assert asks(run_on) == ()
    assert len(asks("(a) when will the lines be renewed " + "here " * 80 + "(b) who will pay for it")) == 2


@given(
    st.lists(
        st.sampled_from(
            ["(a)", "(b)", "how many", "what", "and", ",", "houses", "the", "when", "is", "if so"]
        ),
        max_size=30,
    )
)
def test_parts_are_several_questions_or_none(words: list[str]) -> None:
    found = asks(" ".join(words))
    assert len(found) != 1
    assert all(p.endswith("?") and len(p.split()) >= 3 and p[0].isupper() for p in found)


MINUTES = """MUNICIPAL DISTRICT OF WESTBROOK
Minutes of Monthly Meeting held on 9 October 2018

QUESTIONS

Question submitted by Councillor Ryan
(a) How many vacant houses are in Council ownership within the District (b) how many people are on the \
housing waiting list within the District (c) how many houses has the Council bought in 2018.

Reply:
The Council owns 12 vacant houses in the District, of which 4 are being renovated. There are 230 people \
on the housing waiting list for the District. Six houses were bought in 2018 under the acquisitions programme.

Question submitted by Councillor Walsh
I will ask at the next Meeting when the footpath on Chapel Street will be resurfaced.

Reply: The footpath on Chapel Street is included in the 2019 footpath programme.
"""


def test_a_request_of_several_parts_is_answered_with_the_reply_from_its_first_answer(
    tmp_path, settings: Settings, fake_embedder
) -> None:
    """Read whole, the request asks for one count; part by part, the reply answers each part in turn, and
    ends where the next question is put."""
    question = (
        "(a) how many vacant houses are in Council ownership within the District (b) how many people are on"
        " the housing waiting list within the District (c) how many houses has the Council bought in 2018"
    )
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, MINUTES, question)
    assert answer.status == "answered"
    assert answer.text.startswith("The Council owns 12 vacant houses")
    assert "230 people" in answer.text and "Six houses were bought" in answer.text
    assert "Chapel Street" not in answer.text


def test_a_request_whose_parts_the_papers_do_not_answer_is_declined(
    tmp_path, settings: Settings, fake_embedder
) -> None:
    question = "(a) how many youth centres does the Council run (b) which of them will become family hubs"
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, MINUTES, question)
    assert answer.status == "not_found"


TOWN_MINUTES = """HARTLEY VALE TOWN COUNCIL
Minutes of the meeting held on 14 May 2024

QUESTIONS

Question (a) - Councillor Cartwright
How many CCTV cameras does the Council operate in the town centre, how many are
currently working, and how much was spent on their maintenance last year?

Reply:
The Council operates 36 CCTV cameras in the town centre, of which 31 are currently
working; the remaining five are awaiting replacement parts. A total of £12,300 was
spent on CCTV maintenance in 2023/24 under the contract with Vale Security Systems Ltd.

Question (b) - Councillor Dunmore
How many public access defibrillators are there in the parish?

Reply:
There are nine public access defibrillators in the parish.
"""


def test_the_reply_is_quoted_from_its_start_to_the_next_questions_heading(
    tmp_path, settings: Settings, fake_embedder
) -> None:
    """However few of its parts the reader answers alone, the reply is quoted from where it starts, and
    the next question's heading is no part of it."""
    question = (
        "How many town centre CCTV cameras does the Town Council run, how many of them actually work, and"
        " how much did maintaining them cost in 2023/24?"
    )
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, TOWN_MINUTES, question)
    assert answer.status == "answered"
    assert answer.text.startswith("The Council operates 36 CCTV cameras in the town centre, of which 31")
    assert "£12,300" in answer.text and "Dunmore" not in answer.text


def test_a_part_answered_only_from_another_topic_does_not_answer_the_request(
    tmp_path, settings: Settings, fake_embedder
) -> None:
    """'What was the total cost?' alone fits the CCTV sum; asked of cyber incidents it answers nothing."""
    question = (
        "(a) how many cyber security incidents affected the Town Council's systems in 2023 and (b) what was"
        " the total cost"
    )
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, TOWN_MINUTES, question)
    assert "£12,300" not in answer.text


TOWN_QA = """WETHERFIELD TOWN COUNCIL
Minutes of the Full Council meeting held on 9 April 2024

QUESTIONS FROM MEMBERS

Question 1 from Cllr J. Patel: How many allotment plots does the Council let, how many people are
waiting for one, and when will the rents next be reviewed?

Answer from the Town Clerk: The Council currently lets 64 plots at the Mill Lane and Orchard Road
sites. There are 37 people on the waiting list. The rent review will be considered by the Amenities
Committee in September 2024.

Question 2 from Cllr R. Hollis: Were there any reports of damage to the skate park at Jubilee
Fields in the last quarter?

Answer from the Deputy Clerk: Yes. Two reports were received, in January and February 2024.

Q3. How many school transport passes were issued, and how many appeals were received?

A3. 42 school transport passes were issued to pupils in the ward. Three appeals were received, of which one was upheld.
The transport policy itself is set by the county council and was last revised in 2022.
"""


@pytest.mark.parametrize(
    ("question", "opens", "leaves_out"),
    [
        (  # a reply after a labelled answer, ending where the next question's labelled heading starts
            "(a) how many allotment plots does the Council let, (b) how many people are waiting for one, and"
            " (c) when will the rents next be reviewed",
            "The Council currently lets 64 plots",
            "skate park",
        ),
        (  # every part answered: the quote ends at the last answer, not the sentence after it
            "How many school transport passes were issued in the ward, and how many appeals were received?",
            "A3. 42 school transport passes were issued",
            "transport policy",
        ),
    ],
)
def test_a_reply_is_quoted_from_its_start_and_never_past_the_next_question_or_the_last_answer(
    tmp_path, settings: Settings, fake_embedder, question: str, opens: str, leaves_out: str
) -> None:
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, TOWN_QA, question)
    assert answer.status == "answered"
    assert answer.text.startswith(opens)
    assert leaves_out not in answer.text
    assert "Q3" not in answer.text and "How many school transport" not in answer.text


def test_what_is_asked_if_so_of_something_the_papers_never_report_is_declined(
    tmp_path, settings: Settings, fake_embedder
) -> None:
    """Read whole, 'what was the total cost?' fits the CCTV sum; but the papers never say whether there
    were any cyber incidents, so they cannot say what those cost."""
    question = (
        "Were there any cyber security incidents affecting the Town Council's systems in 2023 and, if so,"
        " what was the total cost?"
    )
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, TOWN_MINUTES, question)
    assert answer.status == "not_found"


ROW = """Pledge: Pledge 48 - We will support care leavers up to the age of 25.
Portfolio Holder: Jemima Laing
Lead Director: Jean Kelly
Status: In Progress: we have a list of 102 young people who have expressed clear aspirations, and we will \
share it with cabinet colleagues in September to find work experience placements for them this year."""


def test_a_fields_value_is_quoted_with_its_label_and_a_reply_without_its_own() -> None:
    quoted = _quoted(ROW, ["Jemima Laing", "Jean Kelly"], 80, True)  # noqa: SLF001
    assert quoted == "Portfolio Holder: Jemima Laing Lead Director: Jean Kelly"
    reply = "Reply: The Council owns 12 vacant houses. Six were bought in 2018."
    assert _quoted(reply, ["Six were bought in 2018."], 80, True) == (  # noqa: SLF001
        "The Council owns 12 vacant houses. Six were bought in 2018."
    )
