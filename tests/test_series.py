"""A numbered series a paper sets out, listed whole when asked: each item cited where it is printed."""

from __future__ import annotations

import datetime as dt

import pytest

from index.passage import Passage
from qa.query import parse
from qa.series import asked_series, series


def _passage(cid: int, text: str, date: dt.date = dt.date(2024, 4, 1), source: str = "plan.pdf") -> Passage:
    return Passage(cid, text, None, cid, cid, source, "Strategic Plan", "Plymouth", None, date, "day", "plan")


PLAN = [
    _passage(
        1, "Ten priority commitments\n\nPriority 1- Early help\n\nA strong and effective early help offer."
    ),
    _passage(2, "Priority 2 – Targeted help\n\nHelp for vulnerable groups. See Priority 1 above."),
    _passage(3, "Priority 3 – Timely and effective social work practice\n\nGood assessments."),
    _passage(
        4, "Priority 4 - The right homes for cared for children at the right time. We will recruit carers."
    ),
    _passage(5, "Priority 9 – Strong partnerships"),  # 5 to 8 fall in pages not held: a gap too wide
]


def _paper(_: int) -> list[Passage]:
    return PLAN


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Can you list the ten priority commitments in the strategic plan?", "priority"),
        ("What are the priorities of the plan?", "priority"),
        ("List the pledges", "pledge"),
        ("What are the objectives?", "objective"),
        ("What is Priority 3?", None),  # one of the series
        ("How many priorities are there?", None),  # counted, not listed (qa/tally.py)
        ("Which pledges are complete?", None),  # some of them, by their status
        ("What are the main risks?", None),
    ],
)
def test_the_series_a_question_asks_to_list(question: str, noun: str | None) -> None:
    assert asked_series(question) == noun


def test_a_series_is_listed_from_its_whole_paper_each_item_cited() -> None:
    text, used = series("What are the plan's priorities?", [PLAN[2]], _paper)
    assert text == (
        "Priority 1 – Early help [1]; Priority 2 – Targeted help [2]; Priority 3 – Timely and effective social "
        "work practice [3]; Priority 4 – The right homes for cared for children at the right time [4]"
    )
    assert used == PLAN[:4]  # Priority 9, past a gap, is not of the run; 'See Priority 1 above' no item


def test_too_few_items_list_nothing() -> None:
    few = [PLAN[0], PLAN[1]]
    assert series("What are the priorities?", few, lambda _: few) is None
    assert series("What are the risks?", PLAN, _paper) is None


def test_the_paper_of_the_time_asked_is_listed() -> None:
    old = [
        _passage(10 + i, f"Pledge {40 + i} - Pledge text {i}.", dt.date(2019, 9, 11), "old.txt")
        for i in range(3)
    ]
    new = [
        _passage(20 + i, f"Pledge {40 + i} - Newer text {i}.", dt.date(2020, 2, 1), "new.txt")
        for i in range(3)
    ]
    papers = {p.chunk_id: (old if p in old else new) for p in old + new}
    q = "What are the pledges in the February 2020 update?"
    text, _ = series(q, [old[0], new[0]], lambda cid: papers[cid], parse(q).time)
    assert "Newer text 0" in text and "Pledge text" not in text


def test_a_plans_priorities_are_listed_from_all_its_chunks(tmp_path, settings, fake_embedder) -> None:
    from conftest import answer_from_paper

    filler = " ".join(f"We will work with partners on outcome {i} for families." for i in range(60))
    paper = "\n\n".join(
        f"Priority {n} – {title}\n\n{filler}"
        for n, title in enumerate(["Early help", "Targeted help", "Social work practice", "Workforce"], 1)
    )
    answer, chunks = answer_from_paper(tmp_path, settings, fake_embedder, paper, "What are the priorities?")
    assert chunks >= 4  # each priority in a chunk of its own, most never retrieved by the question
    assert answer.text.startswith("Priority 1 – Early help [1]; Priority 2 – Targeted help [2]")
    assert "Priority 4 – Workforce [4]" in answer.text and len(answer.citations) >= 4


def test_a_series_of_another_councils_paper_answers_nothing_asked_of_this_ones():
    from dataclasses import replace

    plan = [replace(p, council=None, text=f"{p.text} Plymouth children.") for p in PLAN]
    derby = Passage(
        9,
        "These priorities have formed the new Pledge.",
        None,
        1,
        1,
        "pledge.txt",
        "Pledge",
        "Derby City Council",
        None,
        None,
        "day",
        "report",
    )
    asked = "What are the ten priorities in Derby's new Pledge?"
    plymouth = replace(derby, chunk_id=10, council="Plymouth City Council", source="other.txt")
    assert series(asked, [*plan, derby, plymouth], _paper) is None  # the plan speaks of Plymouth only
    assert series("What are the ten priorities in the plan?", [*plan, derby, plymouth], _paper) is not None
