"""The reader's filters in one place: what the reader scores is what its weights are fitted on."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from qa.answertype import expected
from qa.features import asked_of
from qa.goldsets import GoldQuestion
from qa.reader import Reader, Weights, candidates, load_weights
from qa.retriever import Retrieval
from qa.shortlist import NO_OUTCOME, NO_TOPIC, shortlist
from tests.conftest import retrieval_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from train_reader import collect  # noqa: E402 - a script folder, not a package

INSPECTION = (
    "Ofsted inspected the service in October-November 2018. The October-November 2018 inspection report "
    "was published in full. The report was published in January 2019."
)
PROPOSAL = ("Res. that the purchase of three air compressors be approved, as recommended.", "agenda")
MINUTED = ("The purchase of three air compressors was agreed unanimously.", "minutes")
# (question, passages' texts (or text and document type), what the shortlist must drop, what it must keep)
CASES = [
    (  # asked what a dated meeting agreed: a tracker's row keyed by another day is that day's agreement
        "What did the committee agree about the play strategy at its 11 September 2019 meeting?",
        [
            "10 July 2019 Work Programme | Members agreed that the play strategy would be discussed on 11 "
            "September 2019.\n\nPlay strategy\n\nMembers agreed to consult residents on the play strategy."
        ],
        "10 July 2019 Work Programme | Members agreed that the play strategy would be discussed on 11 "
        "September 2019.",
        "Members agreed to consult residents on the play strategy.",
    ),
    (  # the question's own date is not the date it asks
        "When was the report of the October-November 2018 inspection published?",
        [INSPECTION],
        "The October-November 2018 inspection report was published in full.",
        "The report was published in January 2019.",
    ),
    (  # an agenda's proposal tells no outcome
        "Did the council approve the purchase of air compressors?",
        [PROPOSAL, MINUTED],
        PROPOSAL[0],
        MINUTED[0],
    ),
    (  # a deadline asked: a meeting's own hour tells none
        "By what time must written comments on the plan be submitted?",
        ["The Commission will meet on a Thursday at 3:00 p.m. Email comments on the plan by 5:00 p.m."],
        "The Commission will meet on a Thursday at 3:00 p.m.",
        "Email comments on the plan by 5:00 p.m.",
    ),
    (  # the payment of the day asked, however its row prints the day
        "How much was the clerk's salary paid on 2 July?",
        [
            "Date Details: 02-Jul Clerk's salary\nAmount: 185.35\n\n"
            "Date Details: 30-Sep Clerk's salary\nAmount: 277.93"
        ],
        "Date Details: 30-Sep Clerk's salary; Amount: 277.93",
        "Date Details: 02-Jul Clerk's salary; Amount: 185.35",
    ),
    (  # a report's recommendation asked by its number, under the item the question also names: that line;
        # and what it asked members to agree is what the report put to them, not an outcome
        "At the committee on 23 February 2016 (item 6), what did recommendation 2.2 ask members to agree?",
        [
            (
                "ITEM 6\n\n1.3 The new Pledge was accepted and launched at a special committee in January.\n\n"
                "RECOMMENDATION\n\n- 2.1 To accept the commitments made by the departments\n"
                "- 2.2 To agree the launch and further promotion of the Pledge",
                "report",
            )
        ],
        "1.3 The new Pledge was accepted and launched at a special committee in January.",
        "2.2 To agree the launch and further promotion of the Pledge",
    ),
    (  # an entry asked by its position in a list, whose lead-in tells the outcome
        "What was the second thing the committee agreed on bullying?",
        [
            "It was agreed that the Committee:\n\n- 1. recommend to Officers to invite a Head Teacher;\n"
            "- 2. recommend to Officers to invite a parent whose child had been bullied;\n"
            "3. would hear from a parent governor on bullying."
        ],
        "3. would hear from a parent governor on bullying.",
        "2. recommend to Officers to invite a parent whose child had been bullied;",
    ),
    (  # lettered entries: the third is (c)
        "What was the third key point highlighted to Members about attendance?",
        [
            "The following key points were highlighted to Members about attendance:\n"
            "- (a) a sample of 415 open cases had been reviewed;\n- (b) schools were required by law to act;\n"
            "- (c) a piece of work was underway to develop best practice guidance;"
        ],
        "(b) schools were required by law to act;",
        "(c) a piece of work was underway to develop best practice guidance;",
    ),
    (  # the day a report was put down for, not the day the tracker's row says it was agreed
        "For which meeting date was the six-month progress report on school exclusions scheduled?",
        [
            "Tracking decisions\n\n3 March 2021 School exclusions | Agreed that a progress report on school "
            "exclusions would be scheduled for six months' time. | Date: March 2021\n\n"
            "4 March 2021 Youth justice plan | Agreed that the plan be circulated. | Date: March 2021",
            "Actions agreed\n\n(d) a progress report on school exclusions would be scheduled on the work "
            "programme for six months' time (15 September 2021);\n(e) the youth justice plan would be "
            "circulated to Members by email;\n(f) an update on foster carer recruitment would be brought to "
            "the panel in the new year;",
        ],
        "3 March 2021 School exclusions | Agreed that a progress report on school exclusions would be "
        "scheduled for six months' time. | Date: March 2021",
        "a progress report on school exclusions would be scheduled on the work programme for six "
        "months' time (15 September 2021);",
    ),
]


def _retrieval(question: str, texts: list, embedder, doc_type: str = "minutes") -> Retrieval:
    return retrieval_of(question, texts, embedder, dt.date(2019, 9, 11), doc_type)


def _shortlisted(retrieval: Retrieval):
    query = retrieval.query
    asked = asked_of(query.text, expected(query.text), retrieval.weights, query.time, retrieval.frequencies)
    return shortlist(candidates(retrieval, asked), asked, query.terms)


@pytest.mark.parametrize(("question", "texts", "dropped", "kept"), CASES)
def test_the_shortlist_drops_what_cannot_answer(fake_embedder, question, texts, dropped, kept):
    shown = {c.shown for c in _shortlisted(_retrieval(question, texts, fake_embedder)).kept}
    assert kept in shown and dropped not in shown


@pytest.mark.parametrize(("question", "texts", "dropped", "kept"), CASES)
def test_the_reader_scores_only_the_shortlist(fake_embedder, question, texts, dropped, kept):
    retrieval = _retrieval(question, texts, fake_embedder)
    lenient = Weights(load_weights().values, 0.0, 0.3, "test")
    read = {r.candidate for r in Reader(fake_embedder, lenient).read(retrieval).candidates}
    assert read and read <= set(_shortlisted(retrieval).kept)


@pytest.mark.parametrize(("question", "texts", "dropped", "kept"), CASES)
def test_the_fit_reads_the_candidates_the_reader_reads(fake_embedder, question, texts, dropped, kept):
    """bench/train_reader.collect labels the reader's candidates, not the unfiltered ones: a sentence
    holding the gold phrase that the reader never scores is no positive."""
    retrieval = _retrieval(question, texts, fake_embedder)
    engine = SimpleNamespace(retriever=SimpleNamespace(retrieve=lambda _: retrieval))
    reader = Reader(fake_embedder)
    for phrase, positives in ((kept, True), (dropped, False)):
        gold = GoldQuestion("t1", question, "fact", (), False, (phrase.lower().rstrip(".?"),))
        (row,) = collect(engine, reader, [gold])
        scored = len(reader.read(retrieval).candidates)
        assert len(row.labels) == scored and bool(row.labels.any()) is positives
        assert row.weight == 1.0 and not row.named  # a gold question counts once; these score as they fit


def test_the_month_asked_of_a_table_is_not_the_month_of_the_report_naming_it(fake_embedder):
    question = (
        "In the June 2019 improvement plan report, what percentage of care leavers were in education,"
        " employment or training in November 2018?"
    )
    narrative = (
        "The percentage of care leavers in education, employment or training rose from 44% in March 2018"
        " to 56.6% in March 2019."
    )
    table = "% of Care Leavers in EET\nOct-18: 55.1%\nNov-18: 58.2%"
    shown = {
        c.shown for c in _shortlisted(_retrieval(question, [f"{narrative}\n\n{table}"], fake_embedder)).kept
    }
    assert "Nov-18: 58.2%" in shown and "Oct-18: 55.1%" not in shown and narrative not in shown


def test_nothing_left_says_why(fake_embedder):
    # only a question of its own, which asks rather than tells
    asked_off = _retrieval("How many bins were collected?", ["How many bins were collected?"], fake_embedder)
    assert _shortlisted(asked_off).reason == NO_TOPIC
    proposal = "Res. that the purchase of three air compressors be approved."
    agenda = _retrieval("Did the council approve the air compressors?", [proposal], fake_embedder, "agenda")
    assert _shortlisted(agenda).reason == NO_OUTCOME


def test_minutes_an_agenda_pack_reprints_tell_outcomes_under_their_lead_in(fake_embedder):
    """An agenda pack reprints the last meeting's minutes: the items under 'It was agreed that the
    Committee:' record what was agreed, though none says 'agreed' itself; an agenda's proposal still does not."""
    minutes = (
        "It was agreed that the Committee:\n\n- 1. recommend to Officers to invite a Head Teacher;\n"
        "- 2. recommend to Officers to invite a parent;\n\n3. would hear from a parent governor on bullying."
    )
    question = "Apart from inviting a head teacher and a parent, what did the committee agree on bullying?"
    short = _shortlisted(_retrieval(question, [(minutes, "agenda")], fake_embedder))
    assert short.reason is None
    assert "3. would hear from a parent governor on bullying." in {c.shown for c in short.kept}
    proposal = _retrieval("Did the council approve the air compressors?", [PROPOSAL], fake_embedder, "agenda")
    assert _shortlisted(proposal).reason == NO_OUTCOME


def test_a_date_asked_of_a_paper_named_by_its_month_may_lie_ahead_of_it(fake_embedder):
    """The month names the paper ('per the September 2019 report'), not a window the date asked lies in."""
    text = "The new contract with Acme Housing will run for the term beginning 1 January 2020."
    question = "Per the September 2019 report, when does the new contract with Acme Housing begin?"
    shown = {c.shown for c in _shortlisted(_retrieval(question, [text], fake_embedder, "report")).kept}
    assert text in shown
    met = "When did the committee meet in September 2019 about the contract?"  # a meeting's month is one
    assert text not in {c.shown for c in _shortlisted(_retrieval(met, [text], fake_embedder)).kept}


def test_a_place_asked_of_a_paper_named_by_its_day_is_read_whatever_other_days_its_sentence_names(
    fake_embedder,
):
    """The day names the agenda ('on the 11 September 2019 agenda'), not a window the sentence must lie in."""
    text = "The plan approved on 2 May 2018 is for the site located at 5018 Ames Avenue."
    question = "Where is the site for the Ames Avenue plan on the 11 September 2019 council agenda?"
    assert text in {c.shown for c in _shortlisted(_retrieval(question, [text], fake_embedder, "agenda")).kept}
    met = "Where was the council meeting of 11 September 2019 held?"  # a meeting's place is of its day
    assert text not in {c.shown for c in _shortlisted(_retrieval(met, [text], fake_embedder, "agenda")).kept}


def test_a_seconder_of_a_motion_named_by_its_mover_answers_however_it_scores(fake_embedder):
    question = "At the Planning Board hearing on the Eagles Nest rezoning, who seconded Mr. Kelley's motion to approve?"
    text = (
        "Case C10-11-101: Eagles Nest, rezoning from LI to R7.\n\nMr. Kelley moved to APPROVE, subject to a "
        "modified traffic study and a development agreement. Mr. Rosenbaum seconded the motion which carried 7-0."
        "\n\nCase C12-11-140: Dodge Street plaza.\n\nMs. Hoch moved to DENY. Mr. Magnuson seconded the motion."
    )
    short = _shortlisted(_retrieval(question, [text], fake_embedder))
    assert short.named and {c.shown for c in short.kept} == {
        "Mr. Rosenbaum seconded the motion which carried 7-0."
    }
