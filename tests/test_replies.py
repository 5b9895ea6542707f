"""A question put in a debate or minutes is answered by its reply; a question never states a name or value."""

from __future__ import annotations

from conftest import answer_from_paper

from index.passage import Passage
from index.settings import Settings
from qa.replies import Said, printed_reply, reply_after, reply_to

DEBATE = """Sian Gwenllian AM: Thank you. Has the funding council done any assessment of the effect of underfunding research?

The Chair: The Chief Executive.

Dr David Blaney: Not directly. We have relied on the expert assessment in the Reid review.

Sian Gwenllian AM: Will you do one?

Dr David Blaney: We will consider it."""


def test_the_reply_is_the_next_speakers_turn_past_the_chair_handing_over() -> None:
    asked = "Has the funding council done any assessment of the effect of underfunding research?"
    assert reply_after(DEBATE, asked, 80) == (
        "Dr David Blaney: Not directly. We have relied on the expert assessment in the Reid review."
    )


def test_the_reply_runs_to_the_word_budget_and_a_long_turn_is_cut() -> None:
    asked = "Has the funding council done any assessment of the effect of underfunding research?"
    assert reply_after(DEBATE, asked, 6) == "Dr David Blaney: Not directly."
    assert reply_after(DEBATE, asked, 3) == "Dr David Blaney: Not …"


def test_a_question_its_speaker_goes_on_to_answer_has_no_reply() -> None:
    turn = "Nick Brazil: Could I jump in there? We have a long record of sending learners to university.\n\n"
    assert reply_after(turn + "Kay Martin: So do we.", "Could I jump in there?", 80) is None


def test_a_bare_assent_runs_on_through_the_follow_up_to_its_reply() -> None:
    text = (
        "Hefin David AM: Is demand uneven across the early areas?\n\nHuw Irranca-Davies AM: Absolutely.\n\n"
        "Hefin David AM: And why is that?\n\nHuw Irranca-Davies AM: Culture and cost, mainly.\n\n"
        "Hefin David AM: Will it cause a problem?\n\nHuw Irranca-Davies AM: No."
    )
    assert reply_after(text, "Is demand uneven across the early areas?", 80) == (
        "Huw Irranca-Davies AM: Absolutely. Hefin David AM: And why is that? Huw Irranca-Davies AM:"
        " Culture and cost, mainly."
    )


def test_a_line_that_only_passes_the_question_on_is_passed_over() -> None:
    text = (
        "Lynne Neagle AM: How does the allocation support educational research?\n\n"
        "Dr David Blaney: Bethan, did you want to say something on this?\n\n"
        "Bethan Owen: Research income is a smaller share here than in England."
    )
    assert reply_after(text, "How does the allocation support educational research?", 80) == (
        "Bethan Owen: Research income is a smaller share here than in England."
    )


def test_a_question_at_the_end_of_the_text_has_nothing_after_it_yet() -> None:
    assert reply_after("Lynne Neagle AM: Is it funded?", "Is it funded?", 80) == ""
    assert reply_after(DEBATE, "A sentence the text does not hold?", 80) is None


def _passage(chunk_id: int, text: str) -> Passage:
    return Passage(chunk_id, text, None, 1, 1, "debate.txt", None, None, None, None, "day", "other")


def test_a_question_that_ends_its_chunk_is_answered_from_the_next() -> None:
    first = _passage(1, "Llyr Gruffydd AM: Do universities manage their estates well?")
    second = _passage(2, "Dr David Blaney: Each governing body oversees its estates strategy.")
    following = {1: second}.get
    said = reply_to("Do universities manage their estates well?", first, following, 80)
    assert said == Said("Dr David Blaney: Each governing body oversees its estates strategy.", (second,))


def test_a_follow_up_that_ends_its_chunk_reads_on_and_cites_both() -> None:
    first = _passage(
        1, "Hefin David AM: Is demand uneven?\n\nHuw Irranca-Davies AM: Absolutely.\n\nHefin David AM: Why?"
    )
    second = _passage(2, "Huw Irranca-Davies AM: Culture and cost.\n\nHefin David AM: Is it costly?")
    said = reply_to("Is demand uneven?", first, {1: second}.get, 80)
    assert said is not None and said.passages == (first, second)
    assert said.text.endswith("Huw Irranca-Davies AM: Culture and cost.")


def test_a_sentence_that_tells_has_no_reply() -> None:
    told = _passage(
        1, "Dr David Blaney: Each governing body oversees its estates strategy.\n\nLynne Neagle AM: Thanks."
    )
    assert reply_to("Each governing body oversees its estates strategy.", told, {}.get, 80) is None


TRANSCRIPT = """Children, Young People and Education Committee
Transcript of evidence session, 14 March 2019

Llyr Gruffydd AM: Has the funding council made any assessment of how the underfunding of research affects the universities?

Dr David Blaney: Not directly. We rely on the Reid review, which found income per head in Wales lags England by a fifth.

Llyr Gruffydd AM: Turning to estates, do universities manage their estates well?

Dr David Blaney: Estates strategies are overseen by each governing body.
"""


def test_a_summary_shows_the_question_put_and_the_reply_it_got(
    tmp_path, settings: Settings, fake_embedder
) -> None:
    question = "Summarize the discussion about the underfunding of research."
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, TRANSCRIPT, question)
    assert answer.status == "answered"
    asked, replied = answer.text.index("Has the funding council"), answer.text.index("Not directly.")
    assert asked < replied


FORM = """Commitment 12: Recruit more foster carers
What difference will this make for Children in Care and Care Leavers?:
Recruiting additional foster carers will mean that more children in care will be placed with families.
Progress: A fostering recruitment event was held in June 2017 with a targeted social media campaign.
"""


def test_a_forms_question_heading_names_no_place_a_question_asks_for(
    tmp_path, settings: Settings, fake_embedder
) -> None:
    """The heading asks; 'in Care' in it is no venue. Nothing says where the event was held."""
    question = "Where was the recruitment event for foster carers held?"
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, FORM, question)
    assert answer.status == "not_found"


def test_a_chair_who_answers_is_the_reply_and_the_next_speaker_ends_it() -> None:
    text = (
        "Councillor Eleri Lewis: When is the consultation on the new bus strategy due to start?\n\n"
        "The Chair: I can answer that one, as I sit on the working group. The consultation opens on 2 May"
        " 2023 and runs for eight weeks.\n\nCouncillor Tom Ashworth: Thank you, Chair. Is the depot going to close?"
    )
    said = reply_after(text, "When is the consultation on the new bus strategy due to start?", 80)
    assert said.startswith("The Chair: I can answer that one") and said.endswith("runs for eight weeks.")


def test_a_printed_question_asked_again_is_answered_by_the_reply_printed_after_it() -> None:
    """The question and its 'Reply -' heading end one chunk; the reply opens the next."""
    first = _passage(
        1,
        "Question 2 - Councillor Baker\n\nHow many fly-tipping incidents were recorded?\n\nReply: 2,314 were."
        "\n\nQuestion 3 - Councillor Foster to the Leader\n\nWill the Leader tell me why the Pontfaen pool was"
        " closed for six weeks this spring?\n\nReply - Councillor Catrin Hughes, Leader of the Council",
    )
    second = _passage(2, "The pool's filtration plant failed its annual safety inspection.\n\nQuestion 4 - …")
    weights = {"pontfaen": 1.0, "pool": 1.0, "close": 1.0, "spring": 1.0}
    asked = "Why was the Pontfaen pool closed this spring?"
    found = printed_reply(asked, [first], weights, 0.8, {1: second}.get, 80)
    assert found is not None
    question, passage, reply = found
    assert question.endswith(
        "Will the Leader tell me why the Pontfaen pool was closed for six weeks this spring?"
    )
    assert passage == first
    assert "filtration plant failed" in reply.text and reply.passages == (second,)
    assert printed_reply(asked, [first], {**weights, "budget": 2.0}, 0.8, {1: second}.get, 80) is None


def test_a_printed_question_for_another_kind_of_answer_is_not_the_one_asked() -> None:
    text = "Councillor Ashworth: Is the Brynmawr depot going to close?\n\nCouncillor Evans: Yes, in August."
    weights = {"brynmawr": 1.0, "depot": 1.0, "close": 1.0}
    who = "Who said that the Brynmawr depot will close?"
    assert printed_reply(who, [_passage(1, text)], weights, 0.8, {}.get, 80) is None
    will = "Will the Brynmawr depot close?"
    assert printed_reply(will, [_passage(1, text)], weights, 0.8, {}.get, 80) is not None
