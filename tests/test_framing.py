"""Written questions as councillors put them: the framing is taken off, what is asked is read."""

from __future__ import annotations

import pytest
from conftest import answer_from_paper
from hypothesis import given
from hypothesis import strategies as st

from index.settings import Settings
from qa.answer import Answer
from qa.exchange import wants_questions
from qa.framing import in_papers_words, paper_dates, source_named, unframed
from qa.query import parse


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "I will ask at the next Meeting when footpath renewal works will be carried out in Castlemahon.",
            "when footpath renewal works will be carried out in Castlemahon.",
        ),
        (
            "| will ask at the next Municipal District meeting what is the progress on the traffic calming",
            "what is the progress on the traffic calming",
        ),
        (
            "1 will ask at the next Meeting of the Municipal District of Newcastle West when the gullies will"
            " be cleared",
            "when the gullies will be cleared",
        ),
        (
            "To ask the Cabinet Member for Children and Young People (a) what proportion of care leavers",
            "(a) what proportion of care leavers",
        ),
        ("To ask the Leader whether the budget was agreed", "whether the budget was agreed"),
        ("Will the Cabinet Member tell me (a) how many centres there are", "(a) how many centres there are"),
        ("Can the Leader please confirm whether the budget was agreed?", "whether the budget was agreed?"),
    ],
)
def test_the_framing_of_a_written_question_is_taken_off(question: str, asked: str) -> None:
    assert unframed(question) == asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # a note on the asker: its words are the asker's, its dates and names the question's
        (
            "I missed the July 2019 meeting - what did the committee decide about the funding formula?",
            "what did the committee decide about the funding formula (July 2019)?",
        ),
        (
            "I'm new to the committee: who chaired the Licensing Committee in May 2019?",
            "who chaired the Licensing Committee in May 2019?",
        ),
        (
            "We had complaints from residents; when will the bins be collected?",
            "when will the bins be collected?",
        ),
        (
            "I live on Knockane Road. When will the gullies be cleared?",
            "When will the gullies be cleared (Knockane Road)?",
        ),
    ],
)
def test_a_note_on_the_asker_before_the_question_keeps_only_its_dates_and_names(question, asked) -> None:
    assert unframed(question) == asked
    assert parse(unframed(question)).time == parse(question).time


@pytest.mark.parametrize(
    "question",
    [
        "What did Councillor Teefy ask at the meeting?",  # asks about what was asked
        "I think the budget was agreed?",  # no question after the note
        "We agreed to build 100 homes; how many have been built?",  # the note names what is asked of
        "I'm new to the Licensing Committee: who chairs it?",  # 'it' is the note's committee
        "Is it true that we agreed the budget?",
        "Will the Council provide more bins in Newcastle West?",  # asks whether it will
        "Can the Council please confirm the number of vacant houses?",
        "Will the council meeting start at 6pm?",
        "To ask the Leader",  # nothing would be left
    ],
)
def test_a_question_put_plainly_is_read_as_asked(question: str) -> None:
    assert unframed(question) == question


@given(
    st.sampled_from(["What", "When", "Who", "Where", "How many", "Which", "Did", "Has"]),
    st.lists(
        st.sampled_from(["the", "council", "ask", "next", "meeting", "Leader", "will", "to", "(a)"]),
        min_size=2,
        max_size=12,
    ),
)
def test_a_question_opening_with_its_question_word_is_never_cut(opening: str, words: list[str]) -> None:
    question = " ".join([opening, *words]) + "?"
    assert unframed(question) == question


def test_unframing_twice_changes_nothing_more() -> None:
    once = unframed("I will ask at the next Meeting for a report on vacant houses in Athea")
    assert unframed(once) == once == "for a report on vacant houses in Athea"


def test_the_framings_ask_no_longer_reads_as_asking_about_the_questions_put() -> None:
    """'ask' in 'I will ask at the next Meeting …' made every written question want the printed questions
    (qa/exchange.py) rather than their replies."""
    framed = "I will ask at the next Meeting for an update on the gullies along Knockane Road."
    assert wants_questions(parse(framed).terms)
    assert not wants_questions(parse(unframed(framed)).terms)
    assert {"next", "meeting"}.isdisjoint(parse(unframed(framed)).terms)


REPLY_MINUTES = """MUNICIPAL DISTRICT OF NEWCASTLE WEST 9 September 2016
Limerick City and County Council
Minutes

QUESTIONS

Question submitted by Councillor Scanlan
I will ask at the next Meeting for an update on the gullies along Knockane Road.

Reply: The gullies along Knockane Road were inspected in August and a cleaning contract has been awarded.
"""


def test_a_framed_question_is_answered_from_the_reply_and_keeps_its_words(
    tmp_path, settings: Settings, fake_embedder
) -> None:
    """The reply answers, and the answer keeps the question in the words it was put in."""
    question = "I will ask at the next Meeting for an update on the gullies along Knockane Road."
    answer = _asked_of(tmp_path, settings, fake_embedder, REPLY_MINUTES, question)
    assert answer.status == "answered"
    assert "a cleaning contract has been awarded" in answer.text
    assert answer.question == question


def _asked_of(tmp_path, settings: Settings, embedder, minutes: str, question: str) -> Answer:
    return answer_from_paper(tmp_path, settings, embedder, minutes, question)[0]


WRITTEN = """BALLYMORE MUNICIPAL DISTRICT
MINUTES OF MONTHLY MEETING HELD ON 12 FEBRUARY 2019

Min. 13/19 Questions

Question No. 1 - Cllr. S. O'Neill
1 will ask at the next Municipal District meeting when the gullies on the Main Street in Clonard will be cleared.
Reply: The gullies on Main Street, Clonard are scheduled to be cleaned by the road sweeper crew in March 2019.

Question No. 2 - Cllr. M. Byrne
Will the Leader tell me whether the footpath at Church Road, Ballymore will be repaired?
Reply: Works are expected to commence in June and be completed within six weeks.
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "1 will ask at the next Municipal District meeting when the gullies on the Main Street in Clonard"
            " will be cleared.",
            "in March 2019",
        ),
        (
            "Will the Leader tell me whether the footpath at Church Road, Ballymore will be repaired?",
            "in June",
        ),
    ],
)
def test_a_written_question_is_answered_by_the_reply_printed_under_it(
    tmp_path, settings: Settings, fake_embedder, question: str, said: str
) -> None:
    """The reply need not repeat the question's words ('cleared' / 'cleaned', 'Works are …'): it stands
    under the question it answers; the printed question itself never answers."""
    answer = _asked_of(tmp_path, settings, fake_embedder, WRITTEN, question)
    lede = answer.text.split("[1]")[0]
    assert answer.status == "answered"
    assert said in lede and "will ask" not in lede and "tell me" not in lede


@pytest.mark.parametrize(
    ("question", "source"),
    [
        (
            "According to the Achieving Excellence 2024-27 plan, how much has the number of internships grown?",
            "the Achieving Excellence 2024-27 plan",
        ),
        ("In the August 2019 pledges report, where had Pledge 43 got to?", "the August 2019 pledges report"),
        ("In 2014, how much was allocated for grants?", ""),  # a time, not a paper
        ("In Derby, how many foster carers were recruited?", ""),  # a place asked about
        (
            "In Gloucester City Council's Cabinet report of 11 March 2026, what view is taken of doing nothing?",
            "Gloucester City Council's Cabinet report of 11 March 2026",
        ),
        ("What does the plan say, and how much will it cost?", ""),
        # a council's name before the paper's noun
        (
            "In Menlo Park staff report 21-009-CC, what total annual cost did Hello Housing propose?",
            "Menlo Park staff report 21-009-CC",
        ),
        (
            "In Guelph City Council minutes of 26 May 2014, who moved it?",
            "Guelph City Council minutes of 26 May 2014",
        ),
        # or a clause after it
        (
            "By how much have supported internships increased according to the 2024-27 strategic plan?",
            "the 2024-27 strategic plan",
        ),
        ("How many homes were built according to plan?", ""),  # as planned: no paper
        (
            "At what age are Personal Advisers allocated, per the inspection findings in the strategic plan?",
            "the inspection findings in the strategic plan",
        ),
        # a scene set before asking: its words find the paper, not what is asked of it
        (
            "After Derby's June 2017 Ofsted report, which team is working with the service on the plan?",
            "Derby's June 2017 Ofsted report",
        ),
    ],
)
def test_a_leading_clause_may_name_the_paper_to_look_in(question: str, source: str) -> None:
    assert source_named(question) == source


PLAN = """Achieving Excellence 2024-27
A Three-Year Strategic Plan to develop, sustain and embed good practice for all children and families.

What we achieved last year
More supported internships (from 9 to 60), and an increase in Approved Apprenticeships.
"""


def test_the_papers_own_name_is_not_what_a_count_stands_beside(tmp_path, settings: Settings, real_embedder):
    """'Three-Year … Plan' stands beside 'plan' and '2024-27', words that only name the paper: no count
    asked for; the count stands beside 'internships'."""
    from qa.engine import CouncilQA

    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "plan.txt").write_text(PLAN, encoding="utf-8")
    engine = CouncilQA(settings, embedder=real_embedder)
    engine.ingest([str(tmp_path / "papers")], progress=False)
    question = (
        "According to the Achieving Excellence 2024-27 plan, how much has the number of supported internships"
        " increased?"
    )
    try:
        reading = engine.composer.reader.read(engine.retriever.retrieve(question))
        assert [r.candidate.text[:26] for r in reading.candidates] == ["More supported internships"]
        assert engine.ask(question).text.startswith("More supported internships (from 9 to 60)")
    finally:
        engine.close()


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("How much has council tax gone up by?", "How much has council tax increased by?"),
        ("Did the number of referrals go down in 2019?", "Did the number of referrals decreased in 2019?"),
        ("Have any care leavers taken up the offer?", "Have any care leavers take up the offer?"),
        ("What is the take-up of free school meals?", "What is the take-up of free school meals?"),
        ("Who set up the working group?", "Who set up the working group?"),
        ("How many Children's Centres does Plymouth run?", "How many Children's Centres does Plymouth have?"),
        ("Who will run the new service?", "Who will run the new service?"),
        # an everyday word, as papers print it
        ("how many bike parking spaces are there", "how many bicycle parking spaces are there"),
        ("Where do the kids go after school?", "Where do the children go after school?"),
    ],
)
def test_phrasal_verbs_are_put_as_papers_print_them(question: str, words: str) -> None:
    assert in_papers_words(question) == words


@pytest.mark.parametrize(
    ("question", "dates"),
    [
        ("According to the February 2016 Derby report, what is the Pledge?", "February 2016"),
        ("Under the 2016 Derby report, which body monitors the Pledge?", "2016"),
        ("Who was organising the event that the February 2020 update mentions?", "February 2020"),
        ("What approach does the 2024-27 Children's Service plan take?", "2024-27"),
        ("What is in the minutes of 25th January 2024?", "25th January 2024"),
        ("What is on the agenda for October 16, 2012?", "October 16, 2012"),
        ("Who chaired the meeting on 10 July 2019?", "10 July 2019"),
        # the time of what is asked, not of a paper
        ("How many care leavers were in EET in November 2018?", ""),
        ("What did the January 2024 Ofsted inspection conclude?", ""),
        (
            "In the staff report of 20 January 2021, what is proposed before the January 1, 2022 adjustment?",
            "20 January 2021",
        ),
        # a date in a lead-in before the question names its meeting
        ("omaha city council oct 16 2012 - who gave the invocation?", "oct 16 2012"),
    ],
)
def test_the_dates_naming_the_paper_asked_of(question: str, dates: str) -> None:
    assert paper_dates(question) == dates
