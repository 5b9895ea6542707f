"""Questions put at a meeting and their replies: the reply ranks first unless questions are asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.units import units_of
from index.settings import Settings
from qa.engine import CouncilQA
from qa.exchange import _ASKING, _REPLY, only_asks, puts_question, replied_to, replies, wants_questions

# An agenda of questions (no replies yet) and the next meeting's minutes, with the reply.
AGENDA = """MUNICIPAL DISTRICT OF ADARE 9 September 2014
Limerick City and County Council
Agenda

QUESTIONS

Question submitted by Councillor Neville
I will ask at the next Meeting when footpath renewal works in Castlemahon village will be carried out.

Question submitted by Councillor Teefy
I will ask at the next Meeting what plans there are for the public toilets at Lough Gur.
"""
MINUTES = """MUNICIPAL DISTRICT OF ADARE 7 October 2014
Limerick City and County Council
Minutes

5. Question submitted by Councillor Neville
REPLY: Footpath renewal in Castlemahon village will be considered under the roads allocation for
2018, once the survey of the frontage is complete.
"""


def _engine(tmp_path: Path, fake_embedder, **settings) -> CouncilQA:
    folder = tmp_path / "papers"
    folder.mkdir(exist_ok=True)
    (folder / "agenda.txt").write_text(AGENDA, encoding="utf-8")
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    engine = CouncilQA(Settings(store=tmp_path / "store", **settings), embedder=fake_embedder)
    engine.ingest([folder], progress=False)
    return engine


@pytest.fixture
def qa(tmp_path: Path, fake_embedder) -> CouncilQA:
    return _engine(tmp_path, fake_embedder)


@pytest.mark.parametrize(
    ("text", "asks", "answers"),
    [
        ("I will ask at the next Meeting when the road will be fixed.", True, False),
        ("| will ask at the next Meeting when the road will be fixed.", True, False),  # OCR'd 'I'
        ("To ask the Leader of the Council what the budget is.", True, False),
        ("Question submitted by Councillor Ryan\nREPLY: The road is fixed.", False, True),
        ("Councillor Ryan asked about the road. The Leader replied that it was fixed.", False, True),
        ("Response: works start in May.", False, True),
        ("The committee noted the report and asked officers to ask residents.", False, False),
    ],
)
def test_asking_and_replying_passages(text: str, asks: bool, answers: bool) -> None:
    assert only_asks(text) is asks
    assert replies(text) is answers


_PIECES = [
    "I will ask at the next Meeting",
    "To ask the Leader",
    "Question submitted by",
    "will move at the next",
    "Notice of Motion submitted by",
    "REPLY:",
    "Reply :",
    "Response:",
    "ANSWER",
    "the Leader replied",
    "responded",
    "answered",
    "asked",
    "motion",
    "the roads",
    "14.",
    "\n",
    " ",
    "K",
    "ſ",
    "reply",
    "Ask",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join))
def test_the_word_gates_never_change_what_the_patterns_find(text: str) -> None:
    """The gates only skip texts that no pattern match could be found in."""
    replies.cache_clear()
    only_asks.cache_clear()
    reply = bool(_REPLY.search(text))
    assert replies(text) == reply
    assert only_asks(text) == (bool(_ASKING.search(text)) and not reply)


def test_questions_about_questions_want_them() -> None:
    assert wants_questions(["councillor", "teefy", "ask", "toilets"])
    assert wants_questions(["questions", "submitted"])
    assert not wants_questions(["footpath", "castlemahon", "renewal"])


ASKED = "When will the footpath renewal works in Castlemahon village be carried out?"


def test_the_reply_outranks_the_question_it_answers(qa: CouncilQA) -> None:
    passages = qa.search(ASKED)
    assert "REPLY:" in passages[0].text
    assert any("I will ask" in p.text for p in passages[1:])


def test_without_the_reply_rule_the_question_would_win(tmp_path: Path, fake_embedder) -> None:
    """The agenda's question repeats the words asked; only the rule puts the reply first."""
    plain = _engine(tmp_path, fake_embedder, reply_bonus=0.0, asking_penalty=0.0)
    assert "I will ask" in plain.search(ASKED)[0].text


def test_a_question_about_what_was_asked_finds_the_question(qa: CouncilQA) -> None:
    passages = qa.search("What did Councillor Teefy ask about the public toilets at Lough Gur?")
    assert "I will ask" in passages[0].text and "Lough Gur" in passages[0].text


WRITTEN = """Min. 13/19 Questions

Question No. 1 - Cllr. S. O'Neill
1 will ask at the next Municipal District meeting when the gullies on the Main Street in Clonard will be cleared.
Reply: The gullies on Main Street, Clonard are scheduled to be cleaned by the road sweeper crew in March 2019. The works will be carried out at night.

Question No. 2 - Cllr. M. Byrne
Will the Leader tell me whether the footpath at Church Road will be repaired?
Reply: Works are expected to commence in June.
"""


def test_a_reply_knows_the_question_printed_above_it_and_its_place_in_the_reply() -> None:
    first, second = (
        "The gullies on Main Street, Clonard are scheduled",
        "The works will be carried out at night.",
    )
    sentence = next(s for s in _units(WRITTEN) if s.startswith(first))
    assert replied_to(WRITTEN, sentence) == (
        "1 will ask at the next Municipal District meeting when the gullies on the Main Street in Clonard will"
        " be cleared.",
        0,
    )
    assert replied_to(WRITTEN, second)[1] == 1
    asked, place = replied_to(WRITTEN, "Works are expected to commence in June.")
    assert asked.startswith("Will the Leader tell me whether") and place == 0
    assert replied_to(WRITTEN, "Question No. 1 - Cllr. S. O'Neill") is None
    assert (
        replied_to("The works will be carried out at night.", "The works will be carried out at night.")
        is None
    )


def test_a_question_as_put_is_told_from_one_reported() -> None:
    assert puts_question("Will the Leader tell me whether the footpath at Church Road will be repaired?")
    assert puts_question("I will ask at the next Meeting when the gullies will be cleared.")
    assert not puts_question("Cllr Murphy asked whether the Council will provide more bins on the Quay.")
    assert not puts_question("The works will be carried out at night.")


def _units(text: str) -> list[str]:
    return [u.text for u in units_of(text)]
