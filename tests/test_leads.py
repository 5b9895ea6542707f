"""A passage continuing a row from the chunk before reads its first sentence with the sentence cut from it."""

from __future__ import annotations

from dataclasses import replace

from index.passage import Passage
from qa.answertype import expected
from qa.features import NAMES, Asked, Candidate, features
from qa.leads import lead_ins, opening
from qa.units import units_of

BEFORE = (
    "A radio campaign ran throughout Fostering Fortnight. Fostering Fortnight was promoted through newsroom."
)
AFTER = (
    "Pledge 31 - We will support foster carers … (continued)\nA total reach of 631.9k users with 652 clicks."
)


def _passage(chunk_id: int, text: str, source: str = "pledges.pdf") -> Passage:
    return Passage(chunk_id, text, None, 1, 1, source, "Pledges", "Derby", None, None, "day", "report")


def _reader(passages: list[Passage]):
    held = {p.chunk_id: p for p in passages}
    asked: list[list[int]] = []

    def read(ids: list[int]) -> list[Passage]:
        asked.append(ids)
        return [held[i] for i in ids if i in held]

    return read, asked


def test_a_continued_passage_is_led_in_by_the_last_sentence_of_the_chunk_before():
    read, asked = _reader([_passage(4, BEFORE)])
    leads = lead_ins([_passage(5, AFTER), _passage(9, "Every Derby resident received a leaflet.")], read)
    assert leads == {5: "Fostering Fortnight was promoted through newsroom."}
    assert asked == [[4]]  # one read, only for the continued passage


def test_no_lead_in_from_another_paper_or_for_a_passage_that_starts_afresh():
    read, asked = _reader([_passage(4, BEFORE, source="other.pdf")])
    assert lead_ins([_passage(5, AFTER)], read) == {}
    assert lead_ins([_passage(6, "A total reach of 631.9k users.")], read) == {}
    assert asked == [[4]]


def test_the_opening_unit_is_the_first_after_the_continuation_label():
    units = units_of(AFTER)
    assert units[opening(units)].text.startswith("A total reach")


def test_the_lead_in_counts_toward_the_sentences_cover_of_the_question():
    q = "What was the reach of the Fostering Fortnight promotion through newsroom?"
    asked = Asked(q, expected(q), {"reach": 1.0, "foster": 2.0, "fortnight": 2.0, "newsroom": 3.0}, None)
    sentence = "A total reach of 631.9k users with 652 clicks."
    cut = Candidate(sentence, None, None, _passage(5, AFTER), 0, frozenset({"number"}))
    led = replace(cut, lead="Fostering Fortnight was promoted through newsroom.")
    cover = NAMES.index("idf_cover")
    assert features(cut, asked, 0.5, 0.5)[cover] < 0.2 < 0.9 < features(led, asked, 0.5, 0.5)[cover]


def test_a_sentence_pointing_back_is_read_with_the_sentence_it_points_to():
    from corpus.units import units_of
    from qa.leads import pointed_back

    text = (
        "Planning ref: 3/18/0972/FUL Land Opposite 44 Chapel Lane Construction of a new house. The Parish "
        "Council objects to this application. It is inappropriate development.\n\n"
        "The Parish Council objects to this application."
    )
    units = units_of(text)
    at = [u.text for u in units].index("The Parish Council objects to this application.")
    assert "3/18/0972/FUL" in pointed_back(units, at)
    assert pointed_back(units, at + 1) == ""  # names nothing by pointing back
    assert pointed_back(units, len(units) - 1) == ""  # a paragraph of its own points to nothing before it


def test_a_figure_of_this_indicator_answers_a_share_of_the_measure_named_before_it(
    tmp_path, settings, fake_embedder
) -> None:
    from conftest import answer_from_paper

    paper = (
        "Care leavers\n\nThe percentage of care leavers in suitable accommodation has improved from 86% in "
        "March 2018 to 94.3% in March 2019. By the end of June 2019 this indicator improved further and is "
        "currently reported at 95.7%. Our target of 65% for employment is aspirational.\n"
    )
    question = "By the end of June 2019, what percentage of care leavers were in suitable accommodation?"
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, paper, question)
    assert found.status == "answered" and found.text.startswith("95.7%")


def test_only_a_figure_or_a_decision_is_read_with_the_sentence_it_points_back_to() -> None:
    from corpus.units import units_of
    from qa.leads import FIGURE_BACK, pointed_back

    units = units_of(
        "The rate of reviews on time was 92%. This indicator fell to 90% in June. It is below the national average."
    )
    assert "reviews on time" in pointed_back(units, 1, FIGURE_BACK)
    assert pointed_back(units, 1) == ""  # no application, proposal or motion pointed back to
    assert pointed_back(units, 2, FIGURE_BACK) == ""


def test_a_seconder_of_the_motion_is_read_with_what_was_moved() -> None:
    from corpus.units import units_of
    from qa.leads import motion_back

    units = units_of(
        "Mr. Kelley moved to APPROVE. Approval of the rezoning from LI to R7 subject to: 1) a traffic study; and "
        "2) amended plans. Mr. Rosenbaum seconded the motion which carried 7-0.\n\n"
        "Ms. Lee seconded the motion which carried 5-2."
    )
    texts = [u.text for u in units]
    seconded = texts.index("Mr. Rosenbaum seconded the motion which carried 7-0.")
    assert "rezoning from LI to R7" in motion_back(units, seconded)
    assert motion_back(units, len(units) - 1) == ""  # a paragraph of its own: nothing moved before it
    assert motion_back(units, 1) == ""  # no motion named by pointing back
