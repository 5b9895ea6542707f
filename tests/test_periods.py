"""Periods a plan or a reply gives for when something will happen are dates; a season's word alone is not."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.passage import Passage
from qa.answertype import expected
from qa.features import NAMES, Candidate, asked_of, features
from qa.moments import asks_plan
from qa.periods import year_pairs
from qa.shortlist import admissible
from qa.spans import spans
from qa.typematch import holds_type


def _dates(sentence: str) -> list[str]:
    return [s.text for s in spans(sentence) if s.kind == "date"]


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Relining will be carried out during the Summer months.", "the Summer months"),
        ("A new home is planned to open during the autumn of 2019, which helps.", "the autumn of 2019"),
        ("The bid supported the academy to develop further in the spring term.", "the spring term"),
        ("The consultation results will be discussed in the autumn (with reference to it).", "the autumn"),
        (
            "It is expected that the trees will be replaced within the next four weeks.",
            "within the next four weeks",
        ),
        ("The gullies will be cleared out within the next week.", "within the next week"),
        ("We will review the policy in the coming months.", "the coming months"),
        ("Works will be carried out at Upper Church St. by the end of September.", "the end of September"),
        ("Lights will be in place by early May 2015.", "early May 2015"),
        ("The resurfacing works were completed in late August.", "late August"),
        ("The survey will be carried out in mid-2019 across the district.", "mid-2019"),
        ("Works are planned for the first quarter of 2020.", "the first quarter of 2020"),
        ("Progress Update – Quarter 1 2017/18 (June)", "Quarter 1 2017/18"),
        (
            "An update is required in the latter part of 2017/18 by the committee.",
            "the latter part of 2017/18",
        ),
        ("The budget for 2019/20 was set.", "2019/20"),
        ("He has been re-commissioned for the academic year 2019-20.", "2019-20"),
        ("The plan will be published later this year.", "later this year"),
        ("The event will be held during the October half-term.", "the October half-term"),
        ("Works will be done over the Easter holidays.", "the Easter holidays"),
        ("The repairs will be completed before Christmas.", "Christmas"),
        ("The survey will be done within six to eight weeks.", "within six to eight weeks"),
        ("Works will finish by the end of Q3.", "the end of Q3"),
        ("The works are planned for the autumn.", "the autumn"),
        ("Leaflet drop to be done to every household commencing January.", "January"),
        ("The survey is due by March.", "March"),
        ("A consultation will be carried out in June to find out more.", "June"),
        ("Increases apply on or before August 1 of that year.", "August 1"),
        ("This roadway forms part of the 2018 Roads Reconstruction Programme.", "2018"),
        ("The works are included in the 2019/20 budget.", "2019/20"),
        (
            "Invest in capital projects to meet predicted needs over the next 5-10 years.",
            "the next 5-10 years",
        ),
        ("The scheme will run over the next three to five years.", "the next three to five years"),
        (
            "Reviews will take place over the course of the next two years.",
            "the course of the next two years",
        ),
    ],
)
def test_a_planned_period_is_a_date(sentence, period):
    assert period in _dates(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The summer schemes were popular with families.",
        "The Summer Reading Challenge ran in the libraries.",
        "The item was taken at the end of the meeting.",
        "That we pass By-Law Number 2024-30 and R2023-208.",
        "That we pass By-Law Number 2024-30, being a By-Law to authorize the agreement.",
        "The application reference 2019-044 was refused.",
        "He wrote to May about the hedge.",
        "We will award the 2024 street paving contract.",
        "The project is consistent with the Envision San José 2040 General Plan.",
        "The council may decide in the new session.",
        "Funding for the summer was agreed.",
    ],
)
def test_a_season_word_alone_a_meetings_end_or_a_reference_is_no_date(sentence):
    assert _dates(sentence) == []


@given(
    st.sampled_from(["in", "In", "since", "by", "during", "until", "from", "before", "after", "for"]),
    st.integers(min_value=1900, max_value=2099),
)
def test_a_year_after_a_dating_word_is_that_year(word, year):
    """The dating word is matched but is no part of the date: the span is the year alone."""
    found = spans(f"The hall was opened {word} {year} by the council.")
    assert [(s.kind, s.text) for s in found if s.kind in {"date", "number"}] == [("date", str(year))]


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["days", "weeks", "months", "years"]))
def test_digits_of_a_period_are_its_own_not_a_count(n, unit):
    found = spans(f"The works will be completed within the next {n} {unit} at the site.")
    assert [(s.kind, s.text) for s in found if s.kind in {"date", "number"}] == [
        ("date", f"within the next {n} {unit}")
    ]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Over what period will the Virtual School send vouchers?", "date"),
        ("In which term did the bid support the academy?", "date"),
        ("For which academic year was he re-commissioned?", "date"),
        ("What timescale has been set for the review?", "date"),
        ("Over what time frame will the estate meet predicted needs?", "date"),
        ("What time frame was given for the works?", "date"),
        ("What is the timescale for the review?", "date"),
        ("Over what period will the loan be repaid?", "date"),
        ("What time did the meeting start?", "time"),
        ("What period of notice is required?", "number"),
        ("What was the length of the meeting?", "number"),
    ],
)
def test_a_question_for_a_period_expects_a_date(question, kind):
    assert expected(question).kind == kind


def test_a_reply_giving_only_a_period_may_answer_a_when_question():
    question = "When will the yellow box junctions in Newcastle West be relined?"
    weights = {"yellow": 3.0, "box": 2.0, "junctions": 3.0, "newcastle": 1.0, "west": 1.0, "relined": 3.0}
    asked = asked_of(question, expected(question), weights, None)
    reply = "The yellow box junctions will be relined during the Summer months."
    held = Passage(
        1, f"REPLY: {reply}", None, 1, 1, "a.pdf", "Minutes", "Testshire", None, None, "day", "minutes"
    )
    cand = Candidate(reply, None, None, held, 0, frozenset(s.kind for s in spans(reply)))
    row = features(cand, asked, 0.5, 0.5)
    assert dict(zip(NAMES, row, strict=True))["type_sentence"] == 1.0
    assert admissible("date", np.asarray([row])).all()


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("When will the gullies along Knockane Road be cleared?", "cleared"),
        ("when repair works are likely to be carried out to the bridges at Ballydonnell", "carried"),
        (
            "When will the follow up actions for the cases where a threshold decision was questioned be completed?",
            "completed",
        ),
        ("When was the meeting held?", None),
        ("When did the works finish?", None),
        ("Who will chair the meeting?", None),
    ],
)
def test_a_question_about_something_planned_names_the_work(question, verb):
    plan = asks_plan(question)
    assert (plan.verb if plan else None) == verb


def _typed(question: str, weights: dict[str, float], sentence: str) -> bool:
    asked = asked_of(question, expected(question), weights, None)
    held = Passage(1, sentence, None, 1, 1, "a.pdf", "Minutes", "Testshire", None, None, "day", "minutes")
    return holds_type(
        Candidate(sentence, None, None, held, 0, frozenset(s.kind for s in spans(sentence))), asked
    )


def test_the_work_said_done_answers_when_it_will_be_done():
    planned = "When will the gullies along Knockane Road be cleared?"
    weights = {"gullies": 3.0, "knockane": 3.0, "road": 1.0, "cleared": 2.0}
    assert _typed(planned, weights, "The above mentioned gullies have been cleared.")
    assert not _typed(planned, weights, "The gullies which were blocked have been inspected.")  # other verb
    hedges = "When will the hedge cutting at Glebe Cross be carried out?"
    at_glebe = {"hedge": 3.0, "cutting": 3.0, "glebe": 2.0, "cross": 1.0, "carried": 1.0}
    assert asks_plan(hedges).work[1:3] == ("hedge", "cutting")
    assert _typed(hedges, at_glebe, "The hedge cutting at Glebe Cross has been carried out.")
    assert not _typed(
        hedges, at_glebe, "The drainage works at Glebe Cross have been carried out."
    )  # other work
    # asked when it was done, a sentence saying only that it was is no date
    assert not _typed(
        "When were the gullies cleared?", weights, "The above mentioned gullies have been cleared."
    )


def test_a_period_named_only_in_the_questions_words_is_no_answer():
    question = "When will the summer schemes run?"
    weights = {"summer": 3.0, "schemes": 3.0, "run": 1.0}
    assert not _typed(question, weights, "A consultation on licensing will run over the summer.")
    assert _typed(question, weights, "The summer schemes will run during the school holidays in late July.")


@given(st.integers(min_value=1990, max_value=2060))
def test_a_year_pair_runs_from_april_to_the_august_after(year):
    pair = f"{year}/{(year + 1) % 100:02d} Actual"
    ((start, end),) = year_pairs(pair)
    assert start == dt.date(year, 4, 1) and end == dt.date(year + 1, 8, 31)
    # a year and one that does not follow it is a reference, not a year
    assert year_pairs(f"By-Law {year}-{(year + 7) % 100:02d}") == ()


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "The engagement will take place between August and October 2019 and includes visits.",
            "between August and October 2019",
        ),
        ("Surveys ran Aug-Oct 2019 in every hub.", "Aug-Oct 2019"),
        ("Visits from May to June 2019 were made.", "May to June 2019"),
    ],
)
def test_months_sharing_one_printed_year_are_one_date(sentence, period):
    assert [s.text for s in spans(sentence) if s.kind == "date"] == [period]
