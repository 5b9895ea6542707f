"""Follow-up questions read against the conversation: pronouns, ellipses, and changes of topic."""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from index.settings import Settings
from qa.engine import CouncilQA
from qa.followup import Turn, load_history, resolve
from qa.frame import parse_frame

# Each conversation: earlier questions, then the follow-up and how it must be read
# (None: it stands on its own and is read as asked).
CONVERSATIONS = [
    # pronouns and demonstratives
    (
        ["What is the status of Pledge 48?"],
        "Who is the portfolio holder for it?",
        "Who is the portfolio holder for Pledge 48?",
    ),
    (["What is the status of Pledge 48?"], "Who leads that pledge?", "Who leads Pledge 48?"),
    (["What is the status of Pledge 48?"], "When was that agreed?", "When was Pledge 48 agreed?"),
    (
        ["What is the status of Pledge 48?"],
        "What is its status in 2020?",
        "What is Pledge 48's status in 2020?",
    ),
    (["What was decided about item 7(b)?"], "Who proposed it?", "Who proposed item 7(b)?"),
    (
        ["What is the status of Pledges 48 and 49?"],
        "Who leads those pledges?",
        "Who leads Pledges 48 and 49?",
    ),
    (
        ["Who chairs the Corporate Parenting Board?"],
        "When does it meet?",
        "When does the Corporate Parenting Board meet?",
    ),
    (
        ["What is the status of Recommendation 2.1?"],
        "Who made the recommendation?",
        "Who made Recommendation 2.1?",
    ),
    # the previous question's time carries over with its subject
    (
        ["What is the status of Pledge 48 in 2019?"],
        "Who is the portfolio holder for it?",
        "Who is the portfolio holder for Pledge 48 in 2019?",
    ),
    # "and the …?": a new topic on the same subject
    (
        ["Who is the portfolio holder for Pledge 48?"],
        "and the lead director?",
        "Who is the lead director for Pledge 48?",
    ),
    (
        ["What is the status of Pledge 48?"],
        "and who is the lead director?",
        "Who is the lead director of Pledge 48?",
    ),
    (
        ["What was decided about the library closures?"],
        "and the swimming pool?",
        "What was decided about the swimming pool?",
    ),
    (["Who is responsible for housing?"], "and for transport?", "Who is responsible for transport?"),
    (
        ["Is Pledge 48 on track?"],
        "and the lead director?",
        "What is the lead director for Pledge 48?",
    ),
    # "what about <time>?"
    (
        ["What is the status of Pledge 48?"],
        "what about 2019?",
        "What is the status of Pledge 48 in 2019?",
    ),
    (
        ["What is the status of Pledge 48 in 2019?"],
        "and in September 2019?",
        "What is the status of Pledge 48 in September 2019?",
    ),
    (["What is the status of Pledge 48?"], "In 2019?", "What is the status of Pledge 48 in 2019?"),
    (
        ["How many care leavers were NEET in 2019?"],
        "and in 2020?",
        "How many care leavers were NEET in 2020?",
    ),
    # "what about <another identifier>?": the new one replaces the old, the rest stays
    (["What is the status of Pledge 48?"], "what about Pledge 49?", "What is the status of Pledge 49?"),
    (["Is Pledge 48 on track?"], "and Pledge 49?", "Is Pledge 49 on track?"),
    (["What is the status of Pledge 48?"], "Pledge 49?", "What is the status of Pledge 49?"),
    (
        ["What is the status of Pledge 48 in 2019?"],
        "what about Pledge 49 in 2020?",
        "What is the status of Pledge 49 in 2020?",
    ),
    # three turns: each follow-up is read against the one before, as read
    (
        ["What is the status of Pledge 48?", "Who is the portfolio holder for it?"],
        "and the lead director?",
        "Who is the lead director for Pledge 48?",
    ),
    (
        ["What is the status of Pledge 48?", "what about 2019?"],
        "Who is the portfolio holder for it?",
        "Who is the portfolio holder for Pledge 48 in 2019?",
    ),
    (
        ["What is the status of Pledge 48?", "what about Pledge 49?"],
        "Who leads that pledge?",
        "Who leads Pledge 49?",
    ),
    # a change of topic must NOT inherit the previous identifier
    (["What is the status of Pledge 48?"], "Who is the portfolio holder for Pledge 49?", None),
    (["What is the status of Pledge 48?"], "What is the council's housing budget?", None),
    (["What is the status of Pledge 48?"], "Is it true that the council cut the budget?", None),
    (["What is the status of Pledge 48?"], "Budget for 2020", None),
    (["What is the status of Pledge 48?"], "Which pledges concern care leavers?", None),
    (
        ["What is the status of Pledge 48?", "Who is the chief executive?"],
        "and the lead director?",
        "Who is the lead director?",
    ),
    (["Who is the portfolio holder for Pledge 48?"], "Does it relate to Pledge 49?", None),
]


def turns(questions: list[str]) -> list[Turn]:
    """Earlier turns as the CLI's history file gives them: questions only, no readings."""
    return [Turn(q) for q in questions]


@pytest.mark.parametrize(("earlier", "question", "expected"), CONVERSATIONS)
def test_a_follow_up_is_read_against_the_conversation(earlier, question, expected) -> None:
    reading = resolve(question, turns(earlier))
    assert reading.text == (expected or question)
    assert bool(reading.inherited) == (expected is not None)


def test_there_are_at_least_twenty_conversations() -> None:
    assert len(CONVERSATIONS) >= 20
    assert sum(expected is None for *_, expected in CONVERSATIONS) >= 5


def test_inherited_names_what_carried_over() -> None:
    assert resolve(
        "Who is the portfolio holder for it?", turns(["What is the status of Pledge 48?"])
    ).inherited == ("Pledge 48",)
    year = resolve("what about 2019?", turns(["What is the status of Pledge 48?"]))
    assert year.inherited == ("Pledge 48", "the status")
    other = resolve("what about Pledge 49?", turns(["What is the status of Pledge 48?"]))
    assert other.inherited == ("the status",)


def test_a_recorded_reading_is_the_context_not_the_raw_question() -> None:
    """The page passes each turn's read_as: the follow-up reads against that, not against 'it'."""
    history = [
        Turn("What is the status of Pledge 48?"),
        Turn("Who is the portfolio holder for it?", read_as="Who is the portfolio holder for Pledge 48?"),
    ]
    assert resolve("and the lead director?", history).text == "Who is the lead director for Pledge 48?"


def test_no_history_reads_the_question_as_asked() -> None:
    assert (
        resolve("  Who is  the portfolio holder for it? ", []).text == "Who is the portfolio holder for it?"
    )
    assert resolve("Who is the portfolio holder for it?", []).inherited == ()


def test_frame_of_a_question() -> None:
    frame = parse_frame("Who is the portfolio holder for Pledge 48 in September 2019?")
    assert (frame.head, frame.topic, frame.link, frame.subject, frame.time) == (
        "Who is ",
        "the portfolio holder",
        "for",
        "Pledge 48",
        "in September 2019",
    )


@given(
    st.integers(1, 999),
    st.integers(1, 999),
    st.sampled_from(["pledge", "item", "recommendation", "priority"]),
    st.sampled_from(["Who is the portfolio holder for {}?", "What is the status of {}?", "Who proposed {}?"]),
)
def test_a_question_naming_its_own_identifier_never_inherits_another(a, b, noun, template) -> None:
    previous = f"What is the status of {noun.title()} {a}?"
    question = template.format(f"{noun.title()} {b}")
    reading = resolve(question, [Turn(previous)])
    assert reading.text == question and reading.inherited == ()


@given(st.integers(1, 999), st.sampled_from(["it", "that pledge", "this pledge", "the pledge"]))
def test_a_pronoun_always_takes_the_previous_identifier(n, pronoun) -> None:
    reading = resolve(
        f"Who is the portfolio holder for {pronoun}?", [Turn(f"What is the status of Pledge {n}?")]
    )
    assert reading.text == f"Who is the portfolio holder for Pledge {n}?"


def test_history_file_of_ask_json_output_or_plain_lines(tmp_path) -> None:
    printed = tmp_path / "chat.json"  # what `councilqa ask --json` prints, twice, indented
    printed.write_text(
        '{\n  "question": "What is the status of Pledge 48?",\n  "read_as": null,\n  "answer": "In Progress"\n}\n'
        '{"question": "Who is the portfolio holder for it?", "read_as": "Who is the portfolio holder for Pledge 48?"}\n'
    )
    assert load_history(printed) == [
        Turn("What is the status of Pledge 48?", None, "In Progress"),
        Turn("Who is the portfolio holder for it?", "Who is the portfolio holder for Pledge 48?"),
    ]
    plain = tmp_path / "chat.txt"
    plain.write_text("What is the status of Pledge 48?\n\nwhat about 2019?\n")
    history = load_history(plain)
    assert history == [Turn("What is the status of Pledge 48?"), Turn("what about 2019?")]
    assert resolve("Who leads it?", history).text == "Who leads Pledge 48 in 2019?"


@pytest.mark.parametrize(
    "content",
    [
        '{"answer": "no question"}',
        '{"question": "x"} [1, 2]',
        '{"question": ',
        '{"question": "x", "read_as": 7}',
    ],
)
def test_a_bad_history_file_is_one_error_naming_it(tmp_path, content) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content)
    with pytest.raises(ValueError, match="bad.jsonl: not a history of questions"):
        load_history(bad)


def test_a_history_file_that_is_not_text_is_one_error_naming_it(tmp_path) -> None:
    binary = tmp_path / "chat.bin"
    binary.write_bytes(b"{\xff\xfe\x00")
    with pytest.raises(ValueError, match="chat.bin: not a history of questions"):
        load_history(binary)


PIECES = st.sampled_from(
    [
        "it",
        "its",
        "that",
        "pledge",
        "Pledge 48",
        "item 7(b)",
        "and",
        "what about",
        "2019",
        "in May 2020",
        "the",
        "lead director",
        "Who",
        "is",
        "for",
        "?",
        "Board",
        "the Plan for Homes",
        "(",
        "'s",
        "this one",
    ]
)
PHRASES = st.lists(PIECES, max_size=8).map(" ".join) | st.text(max_size=40)


@given(PHRASES, st.lists(PHRASES, max_size=3))
def test_any_text_in_any_conversation_is_read_without_error(question, earlier) -> None:
    reading = resolve(question, turns(earlier))
    assert reading.text == " ".join(question.split()) or (reading.inherited and reading.text.endswith("?"))


# --- the engine ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    from conftest import FakeEmbedder

    qa = CouncilQA(Settings(store=tmp_path_factory.mktemp("followup") / "store"), embedder=FakeEmbedder())
    qa.ingest([SAMPLES], progress=False)
    yield qa
    qa.close()


def test_the_engine_answers_a_follow_up_as_read(engine: CouncilQA) -> None:
    first = engine.ask("What is the status of Pledge 48?")
    assert first.read_as is None
    history = [Turn(first.question, first.read_as, first.text)]
    follow = engine.ask("Who is the portfolio holder for it?", history=history)
    assert follow.question == "Who is the portfolio holder for it?"
    assert follow.read_as == "Who is the portfolio holder for Pledge 48?"
    assert follow.to_dict()["read_as"] == follow.read_as
    assert follow.status == "answered"
    assert "Pledge 48" in follow.citations[0].text


def test_the_engine_does_not_carry_an_identifier_into_a_new_topic(engine: CouncilQA) -> None:
    history = [Turn("What is the status of Pledge 48?")]
    answer = engine.ask("What is the status of Pledge 999?", history=history)
    assert answer.read_as is None and "Pledge 999" in answer.text and "Pledge 48" not in answer.text


@pytest.mark.slow
def test_a_pronoun_follow_up_is_answered_from_the_right_row(tmp_path, real_embedder) -> None:
    qa = CouncilQA(Settings(store=tmp_path / "store"), embedder=real_embedder)
    qa.ingest([SAMPLES], progress=False)
    first = qa.ask("What is the status of Pledge 48?")
    assert first.status == "answered" and "Pledge 48" in first.citations[0].text
    follow = qa.ask("Who is the portfolio holder for it?", history=[Turn(first.question, first.read_as)])
    assert follow.read_as == "Who is the portfolio holder for Pledge 48?"
    assert follow.status == "answered"
    assert "Jemima Laing" in follow.text  # Pledge 48's row names its portfolio holder
    assert "Pledge 48" in follow.citations[0].text
    qa.close()
