"""An account is whole: printed lines joined, a speaker's turn and a sentence's antecedent kept, no question echoed."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.units import printed_width, units_of
from index.passage import Passage
from qa.account import account
from qa.answertype import expected, open_question
from qa.composer import Composer
from qa.facts import list_items
from qa.features import Candidate
from qa.query import parse
from qa.reader import NO_FACT, Read, Reader, Reading, _said, courtesy
from qa.retriever import Retrieval
from qa.scoring import Scored
from qa.spans import kinds
from qa.units import Unit, said_before

# A reply in minutes converted from a PDF with a blank line after every printed line (Limerick's papers).
REPLY = """REPLY:

(a) Funding has been allocated to do a section of these works under the Low Cost

Safety Improvement Scheme 2019. A tender process for the supply and

erection of crash barriers for the above location is currently in progress. Once

the tender process is finalised the crash barriers will be erected.

The cost of the big screen sponsored by the Council at The Square, Newcastle

West, for Hurling All Ireland Sunday was €2,000.

ADJOURNED NOTICES OF MOTION"""


def _passage(text: str, cid: int = 1) -> Passage:
    return Passage(
        cid, text, None, 1, 1, f"paper{cid}.txt", "Minutes", "Testshire", None, None, "day", "minutes"
    )


def test_printed_lines_are_joined_where_the_sentence_runs_on():
    texts = [u.text for u in units_of(REPLY)]
    assert (
        "A tender process for the supply and erection of crash barriers for the above location is "
        "currently in progress." in texts
    )
    assert "Once the tender process is finalised the crash barriers will be erected." in texts
    # a full printed line ending on a name runs on into the next, capitalised, line
    assert (
        "The cost of the big screen sponsored by the Council at The Square, Newcastle West, for Hurling All "
        "Ireland Sunday was €2,000." in texts
    )
    assert "REPLY:" in texts and "ADJOURNED NOTICES OF MOTION" in texts


def test_whole_paragraphs_and_short_lines_tell_no_printed_width():
    paragraphs = ["word " * 60, "Another paragraph " * 20, "A third one " * 30, "x " * 90, "y " * 80]
    assert printed_width(paragraphs) is None
    assert (
        printed_width(["Matters arising", "Public participation", "There was none.", "Apologies", "Item 4"])
        is None
    )
    # a paragraph without a stop is not run into the next when the text's lines are whole paragraphs
    text = "\n\n".join(
        [f"The officer reported on the {w} scheme, its funding and its timetable " * 3 for w in "abcdef"]
    )
    assert len(units_of(text + "\n\nThe Committee noted the report.")) == 7


def test_a_tables_rows_and_a_mastheads_fields_are_no_printed_lines():
    rows = "\n\n".join(
        f"Details: {n}.00 {thing}\nPayment: {n}.00\nExpenditure: {n}.00\nBudget 2016/17 underspent/overspent: {n}.50"
        for n, thing in enumerate(
            ["Audit", "Village Hall", "Insurance", "Grass cutting (village)", "Admin"], 1
        )
    )
    assert len(units_of(rows)) == 5
    masthead = "\n\n".join(
        [
            "VIDEO CONFERENCE WITH NO PHYSICAL: Kimbra McCarthy, City Manager of the City",
            "CITY COUNCIL AGENDA AND NOTICE: Ellen Kamei, Vice Mayor of Mountain View",
        ]
        * 3
    )
    assert len(units_of(masthead)) == 6


# Names may stand anywhere in the sentence, but not a whole printed line of them: a line of capitalised
# words alone ('Xpjqouaup Muhbksnxr Eahna Unxn Jktctl Yorglwzq Ouzogksj Pzcdyfgcc') reads as a heading.
_WORD = st.from_regex(r"[a-z]{3,8}", fullmatch=True) | st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORD, min_size=90, max_size=140))
def test_a_sentence_printed_over_many_lines_is_one_unit(words):
    words = [w.capitalize() if i == 0 else w.lower() if i % 3 == 0 else w for i, w in enumerate(words)]
    sentence = " ".join(words) + "."
    printed = "\n\n".join(textwrap.wrap(sentence, 70))  # at least five lines: enough to tell a width
    assert [u.text for u in units_of(printed)] == [sentence]


def test_a_sentence_leaning_on_the_one_before_brings_it():
    text = (
        "Single grave €750 at time of need. Double grave €1,750 at time of need. These charges apply to all"
        " cemeteries."
    )
    assert (
        said_before(text, "These charges apply to all cemeteries.", 40)
        == "Double grave €1,750 at time of need."
    )
    assert said_before(text, "Double grave €1,750 at time of need.", 40) == ""
    proposed = "Works were tendered. It is proposed to complete the works in May."
    assert said_before(proposed, "It is proposed to complete the works in May.", 40) == ""


def _read(text: str, label: str | None, passage: Passage) -> Read:
    return Read(Candidate(text, label, None, passage, 0, frozenset()), (), 0.9)


def test_a_speakers_turn_runs_on_and_a_form_field_does_not(settings):
    turn = (
        "Barry Hughes: We've been working with the National Police Chiefs' Council. Their lead is Sara "
        "Glen. She is responsible for the police approach to out-of-court disposals."
    )
    read = _read(
        "We've been working with the National Police Chiefs' Council.", "Barry Hughes", _passage(turn)
    )
    said = account(read, "How did the National Police Chiefs' Council help?", settings).text
    assert "Their lead is Sara Glen." in said and "She is responsible" in said
    form = "Author: Jane Smith\n\nDate: 4 June 2024"
    field = _read("Jane Smith", "Author", _passage(form))
    assert account(field, "What does the report say?", settings).text == "Author: Jane Smith"


IMPROVED = (
    "The share of care leavers in suitable accommodation improved from 86% in March 2018 to 94.3% in"
    " March 2019. By the end of June 2019 this indicator had improved further and is currently reported at"
    " 95.7%, above the England average. These improvements have been due to care leavers being better"
    " integrated into the Permanency Teams. A new housing protocol starts in April 2020."
)


def test_asked_why_an_account_reaches_the_reason_its_paragraph_gives(settings):
    settings = replace(settings, description_words=40)
    read = _read(IMPROVED.split(". ")[0] + ".", None, _passage(IMPROVED))
    why = account(read, "Why did accommodation for care leavers improve?", settings).text
    assert why.startswith("The share of care leavers") and why.endswith("into the Permanency Teams.")
    assert " … These improvements have been due to" in why  # the sentence between does not fit
    what = account(read, "What happened to accommodation for care leavers?", settings).text
    assert "due to" not in what


def test_a_reason_out_of_reach_is_not_brought(settings):
    settings = replace(settings, description_words=40, reason_reach=1)
    read = _read(IMPROVED.split(". ")[0] + ".", None, _passage(IMPROVED))
    assert "due to" not in account(read, "Why did it improve?", settings).text


def test_a_turn_that_ends_by_asking_goes_on_to_the_reply(settings):
    debate = (
        "The Chair: I want to raise the distance thresholds. They remain two miles for primary pupils."
        " What is the Government's position?\n\nEleri Vaughan AM: We have no plans to lower them."
        "\n\nThe Chair: Thank you. We move to item 4."
    )
    read = _read("I want to raise the distance thresholds.", "The Chair", _passage(debate))
    said = account(read, "What is the position on the distance thresholds?", settings, {}.get)
    assert said.text.endswith(
        "What is the Government's position? Eleri Vaughan AM: We have no plans to lower them."
    )
    assert account(read, "What is the position on the distance thresholds?", settings).text.endswith(
        "position?"
    )


ROW_END = (
    "Pledge 41 - We will reduce institutional placements.\tIn Progress: The fostering service has been"
    " restructured. A dedicated Service Manager post for fostering has been advertised."
)
ROW_ON = (
    "Pledge 41 - We will reduce institutional placements. … (continued)\nThis dedicated role will help"
    " ensure in-house fostering is prioritised. We have commissioned a local marketing company.\n\n"
    "Pledge 42 - We will recruit more foster carers."
)


def test_an_account_cut_by_a_chunk_boundary_runs_on_into_the_chunk_that_continues_it(settings):
    last = "A dedicated Service Manager post for fostering has been advertised."
    read = _read(last, None, _passage(ROW_END, 7))
    following = {7: _passage(ROW_ON, 8)}
    said = account(read, "Why was a Service Manager post for fostering advertised?", settings, following.get)
    assert said.text == (
        f"{last} This dedicated role will help ensure in-house fostering is prioritised. We have"
        " commissioned a local marketing company."
    )
    assert [p.chunk_id for p in said.passages] == [7, 8]  # both chunks are cited


def test_no_run_on_when_the_next_chunk_starts_afresh_or_the_sentence_does_not_end_its_chunk(settings):
    last = "A dedicated Service Manager post for fostering has been advertised."
    read = _read(last, None, _passage(ROW_END, 7))
    afresh = {7: _passage("Pledge 42 - We will recruit more foster carers. Ten were approved.", 8)}
    question = "Why was a Service Manager post for fostering advertised?"
    assert account(read, question, settings, afresh.get).text == last
    ended = _passage(f"{ROW_END}\nPledge 42 - We will recruit more foster carers.", 7)
    said = account(_read(last, None, ended), question, settings, {7: _passage(ROW_ON, 8)}.get)
    assert said.text == last and [p.chunk_id for p in said.passages] == [7]  # its row ended in its chunk
    tight = replace(settings, description_words=len(last.split()) + 3)
    assert account(read, question, tight, {7: _passage(ROW_ON, 8)}.get).text == last  # no room


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("These improvements have been due to better integration.", True),
        ("It was deferred because the applicant asked for more time.", True),
        ("The rise was largely attributed to the closure of the recycling centre.", True),
        ("Two officers were moved in order to deter tipping.", False),  # a purpose: what for, not why
        ("This was as a result of a recommendation from a Motion.", True),
        ("Repairs are due to start in May.", False),  # a date set, not a cause
        ("The report was noted.", False),
        # the cause told before its consequence
        ("Registration is voluntary, therefore it is not known how many are home educated.", True),
        ("The contract ended early; consequently the service was brought in house.", True),
    ],
)
def test_a_sentence_gives_a_reason_by_its_connective(sentence, gives):
    assert ("reason" in kinds(sentence)) is gives


@pytest.mark.parametrize(
    ("sentence", "says_nothing"),
    [
        ("Thank you, Chair.", True),
        ("Thank you very much.", True),
        ("Good morning, everyone.", True),
        ("Absolutely.", False),  # an assent answers
        ("We have no plans to lower the thresholds.", False),
    ],
)
def test_a_courtesy_is_no_candidate_answer(sentence, says_nothing):
    assert courtesy(sentence) is says_nothing


def test_a_speaker_opening_with_thanks_is_named_on_what_they_go_on_to_say():
    text = "Siân Morgan: Thank you, Minister. At present training is not mandatory.\n\nLynne Neagle AM: Thank you."
    assert [(u.label, u.text) for u in _said(units_of(text))] == [  # noqa: SLF001
        ("Siân Morgan", "At present training is not mandatory.")
    ]


def test_a_resolutions_bracketed_items_are_its_list():
    text = (
        "The amendment was lost.\n\nRESOLVED that:\n\n(1) the mobile library be replaced by home delivery;\n"
        "(2) opening hours be extended to Sunday afternoons;\n(3) no library building be closed.\n\n7. Council Tax"
    )
    lead = Scored(Unit("RESOLVED that:", None, opens_line=True), _passage(text), 0.5)
    assert [u.text[:3] for u in list_items(lead, ())] == ["(1)", "(2)", "(3)"]


def test_works_carried_out_are_done_not_a_motion_carried():
    assert "decision" in kinds("The motion was carried.")
    assert "decision" not in kinds("The inspection was carried out in November.")


def test_a_question_put_at_a_meeting_never_answers_itself(fake_embedder):
    asked = "I will ask at the next Meeting for an update on the junctions on the N21."
    reply = "REPLY: Six of the 15 junctions on the N21 will be upgraded in 2019."
    passages = (_passage(asked, 1), _passage(reply, 2))

    def read(question: str) -> list[str]:
        query = parse(question)
        weights = {t: 2.0 for t in query.terms}
        vector = fake_embedder.embed([question])[0]
        sims = {p.chunk_id: 0.6 for p in passages}
        retrieval = Retrieval(query, passages, sims, {}, (), vector, weights, {})
        return [r.candidate.text for r in Reader(fake_embedder).read(retrieval).candidates]

    assert not any(
        t.startswith("I will ask") for t in read("What is the update on the junctions on the N21?")
    )
    assert any(
        t.startswith("I will ask") for t in read("What did the councillor ask about the N21 junctions?")
    )
    assert any(
        t.startswith("I will ask") for t in read("What did the councillor raise about the N21 junctions?")
    )


class _NoReading:
    def read(self, retrieval):
        return Reading((), NO_FACT)


class _NoStore:
    def next_passage(self, chunk_id):
        return None

    def paper_passages(self, chunk_id):
        return []


def test_an_open_question_with_nothing_left_to_read_is_declined_not_a_crash(fake_embedder, settings):
    composer = Composer(_NoStore(), fake_embedder, settings)
    composer.reader = _NoReading()
    question = "What is the position on the taking in charge of the Oakwood estate?"
    query = parse(question)
    passages = (_passage("The Oakwood estate was discussed at length by the members present."),)
    vector = fake_embedder.embed([question])[0]
    retrieval = Retrieval(query, passages, {1: 0.6}, {}, (), vector, {t: 2.0 for t in query.terms}, {})
    answer = composer.compose(retrieval)
    assert answer.status == "not_found" and "do not state what was asked" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "What is the position on the taking in charge of the Oakwood estate?",
        "What is the current position regarding the Oakwood estate?",
        "What was said about the capital receipts reserve?",
    ],
)
def test_asking_for_the_position_on_a_thing_or_what_was_said_wants_an_account(question):
    assert expected(question).kind == "description" and open_question(question)
    assert expected("What position did Jane Smith hold?").kind == "role"
