"""Two questions in one: split where a second question starts, its pronoun read, answers joined."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from index.settings import Settings
from qa.answer import Answer, Citation
from qa.compound import joined, parts
from qa.engine import CouncilQA


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Who chaired the 10 July 2019 scrutiny meeting, and when did it finish?",
            (
                "Who chaired the 10 July 2019 scrutiny meeting?",
                "When did the 10 July 2019 scrutiny meeting finish?",
            ),
        ),
        (
            "What is the status of Pledge 48 and who is its portfolio holder?",
            ("What is the status of Pledge 48?", "Who is Pledge 48's portfolio holder?"),
        ),
        # what the thing is on goes with it into the later part
        (
            "who made the motion on the bus lane scheme at the planning committee and who seconded it",
            (
                "Who made the motion on the bus lane scheme at the planning committee?",
                "Who seconded the motion on the bus lane scheme at the planning committee?",
            ),
        ),
        # what an amendment is to goes with it, and 'the council' inside it is not the thing
        (
            "Who moved the first amendment to the remuneration motion at Guelph City Council, and who seconded it?",
            (
                "Who moved the first amendment to the remuneration motion at Guelph City Council?",
                "Who seconded the first amendment to the remuneration motion at Guelph City Council?",
            ),
        ),
        # the thing asked of is the plan, not its status
        (
            "What is the status of the plan for the new library and who is its lead officer?",
            (
                "What is the status of the plan for the new library?",
                "Who is the plan for the new library's lead officer?",
            ),
        ),
        # two question words asked of one thing: the question asked with each
        (
            "Where and at what time was the scrutiny committee held on 11 September 2019?",
            (
                "Where was the scrutiny committee held on 11 September 2019?",
                "At what time was the scrutiny committee held on 11 September 2019?",
            ),
        ),
        (
            "On what date and where was the new Pledge launched?",
            ("On what date was the new Pledge launched?", "Where was the new Pledge launched?"),
        ),
        ("when and where is the next meeting", ("When is the next meeting?", "Where is the next meeting?")),
        # a contraction joins as the whole words do; 'their' after 'Who is the contact officer' is the officer
        (
            "Who's the contact officer for the report, and what's their number?",
            (
                "Who is the contact officer for the report?",
                "What is the contact officer for the report's number?",
            ),
        ),
        # two posts of one thing
        (
            "Who is the lead director and the portfolio holder for Pledge 48?",
            ("Who is the lead director for Pledge 48?", "Who is the portfolio holder for Pledge 48?"),
        ),
        # a later question is no second post
        (
            "Who is the author of the report and what is the title of it?",
            ("Who is the author of the report?", "What is the title of the report?"),
        ),
        # 'its' is still the thing's, not the holder's
        (
            "Who is the portfolio holder for Pledge 48 and what is its status?",
            ("Who is the portfolio holder for Pledge 48?", "What is Pledge 48's status?"),
        ),
        ("What's the status of Pledge 48?", None),
        # another question word tacked on at the end asks the same question with it
        (
            "Where is the board's special meeting of April 6, 2016 held, and at what time?",
            (
                "Where is the board's special meeting of April 6, 2016 held?",
                "At what time is the board's special meeting of April 6, 2016 held?",
            ),
        ),
        # … after a lead-in, and a sum or count: the second part takes the tacked preposition, not the first's
        (
            "On the agenda of 8 December 2020, item 4.13, who is the transit lane contract awarded to and for "
            "how much?",
            (
                "On the agenda of 8 December 2020, item 4.13, who is the transit lane contract awarded to?",
                "On the agenda of 8 December 2020, item 4.13, how much is the transit lane contract awarded for?",
            ),
        ),
        ("Who won the election, and how many votes?", None),  # no verb after the question word
        ("Who and what is it?", None),
        # one question with two parts, a fragment that names nothing, and a long request stay whole
        ("What did the committee decide and why?", None),
        ("Which pledges are complete and which are in progress?", None),
        ("Who moved the motion and seconded it?", None),
        # no pronoun ties the second part to the first: its topic stays in the first
        ("What was the revenue from grave spaces and what is the projected out-turn for the year?", None),
        (
            "What revenue was generated from the sale of grave spaces in each of the three financial years "
            "2013, 2014 and 2015 and what is the projected out-turn for the current year in the county?",
            None,
        ),
    ],
)
def test_parts(question: str, expected: tuple[str, ...] | None) -> None:
    assert parts(question) == (expected or (question,))


def _citation(n: int, text: str) -> Citation:
    return Citation(n, f"{text}.txt", text, dt.date(2019, 7, 10), "day", 1, 1, None, text, 1.0)


def test_joined_numbers_cited_passages_on_then_leads_and_says_what_is_not_answered() -> None:
    first = Answer(
        "Q1?", "Councillor Ayers, in the Chair. [2]", "answered", (_citation(1, "a"), _citation(2, "b"))
    )
    second = Answer("Q2?", "The meeting closed at 4.15 pm. [1]", "answered", (_citation(1, "c"),))
    missing = Answer(
        "Q3?", "The papers do not mention the Licensing Committee.", "not_found", (_citation(1, "d"),)
    )
    answer = joined("Q?", [first, second, missing])
    assert answer.text == (
        "Councillor Ayers, in the Chair. [1] The meeting closed at 4.15 pm. [2] "
        "The papers do not mention the Licensing Committee."
    )
    # the cited passages in the order cited, then the answered parts' other passages, never a
    # not_found part's closest passages
    assert [(c.n, c.text) for c in answer.citations] == [(1, "b"), (2, "c"), (3, "a")]
    assert answer.status == "answered" and answer.read_as == "Q1? Q2? Q3?"
    assert joined("Q?", [missing]).status == "not_found"


def test_a_part_an_earlier_answer_already_gives_is_not_said_unanswered() -> None:
    author = Answer(
        "Who wrote the report?",
        "Author: Sandy Magee (Head of Service, Children, Young People and Families Service). [1]",
        "answered",
        (_citation(1, "a"),),
    )
    declined = "The papers do not answer this question."
    title = Answer("What is the report's job title?", declined, "not_found", (_citation(1, "b"),))
    assert joined("Q?", [author, title]).text == author.text  # the post is in the author's line
    time = Answer("What time did the meeting finish?", declined, "not_found", ())
    # no time was given before; the decline names its part
    assert joined("Q?", [author, time]).text.endswith(
        "The papers do not answer “What time did the meeting finish?”"
    )


def test_a_part_answered_by_a_sentence_said_before_is_not_said_again() -> None:
    said = "Wednesday 11 September 2019, 2.00 pm, Warspite Room, Council House"
    where = Answer(
        "Where was it held?", f"Warspite Room, Council House — {said} [1]", "answered", (_citation(1, "a"),)
    )
    when = Answer("At what time was it held?", f"2.00 pm — {said} [1]", "answered", (_citation(1, "b"),))
    assert joined("Q?", [where, when]).text == where.text
    other = Answer(
        "When did it close?", "The meeting closed at 4.15 pm. [1]", "answered", (_citation(1, "c"),)
    )
    assert joined("Q?", [where, other]).text == f"{where.text} The meeting closed at 4.15 pm. [2]"


def test_a_joined_question_is_answered_part_by_part(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "minutes.txt").write_text(
        "Scrutiny Committee\nWednesday 10 July 2019\n\nPRESENT: Councillor Ayers, in the Chair.\n\n"
        "The committee agreed the work programme for the year.\n\nThe meeting closed at 4.15 pm.\n",
        encoding="utf-8",
    )
    engine = CouncilQA(settings, embedder=fake_embedder)
    try:
        engine.ingest([str(folder)], progress=False)
        answer = engine.ask("Who chaired the 10 July 2019 scrutiny meeting, and when did it finish?")
    finally:
        engine.close()
    assert answer.status == "answered"
    assert "Ayers" in answer.text and "4.15 pm" in answer.text
    assert answer.read_as == (
        "Who chaired the 10 July 2019 scrutiny meeting? When did the 10 July 2019 scrutiny meeting finish?"
    )


def test_a_tacked_question_word_whose_value_came_with_the_first_part_is_not_said_again() -> None:
    awarded = Answer(
        "Who is the contract awarded to?",
        "Award the contract to Granite Rock Company for $14,518,586. [1]",
        "answered",
        (_citation(1, "a"),),
    )
    other = Answer(
        "How much is the contract awarded for?",
        "$300,000 — a professional services contract with Bay Area Economics. [1]",
        "answered",
        (_citation(1, "b"),),
    )
    tacked = "Who is the contract awarded to and for how much?"
    assert joined(tacked, [awarded, other]).text == awarded.text
    # two questions joined by a pronoun are each answered
    two = "Who is the contract awarded to, and how much is it worth?"
    assert "Bay Area Economics" in joined(two, [awarded, other]).text
