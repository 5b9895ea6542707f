"""An item's, a minute's or a resolution's number asked by what it numbers (qa/numbering.py)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from index.passage import Passage
from index.settings import Settings
from qa.numbering import asks_number, matter, nearest, number_of, numbered
from qa.stopwords import STOPWORDS

SETTINGS = Settings(store=Path("unused"))


def passage(cid: int, text: str, heading: str | None = None, council: str | None = None) -> Passage:
    return Passage(cid, text, heading, 1, 1, f"p{cid}.pdf", "Minutes", council, None, None, "day", "minutes")


def weights(question: str) -> dict[str, float]:
    return {w: 1.0 for w in re.findall(r"[a-z0-9]+", question.lower()) if w not in STOPWORDS and len(w) > 2}


def ask(question: str, passages: list[Passage]) -> str | None:
    found = number_of(question, passages, weights(question), SETTINGS)
    return found[0] if found else None


def test_questions_asking_for_a_number_by_what_it_numbers() -> None:
    for q in (
        "What minute number was the Fair Funding for Schools item at the 10 July 2019 meeting?",
        "Which item on the agenda covers the skate park?",
        "What is the resolution number for the approval of the Strategic Plan?",
        "what item no. was the library review",
        "Which agenda item dealt with the bus lane?",
        "Under which minute did the committee agree a select review of school funding?",
        "minute number for bullying and school attendance, 10 July 2019?",
        "nipissing nov 2023 - resolution no. for the bag limit program?",
        "What agenda item was the HouseKeys contract at the council on 12 January 2021?",
        "township council, 14 November 2023 - resolution number telling staff to draw up a bag limit scheme?",
        "What's the minute reference for the chairman standing down?",
        "what number is the item on the plan to put right what Ofsted found?",
        "Which resolution did the council pass supporting a bigger tax credit for volunteer firefighters?",
    ):
        assert asks_number(q), q
    for q in (
        "Which items did Members agree to add to the work programme?",  # a list asked
        "What is item 14 on the agenda for 11 September 2019?",  # the matter asked by its number
        "What is the reference number on the Pledges report?",  # a labelled field, not a numbered line
        "How many items were on the agenda?",
        "What was the number of children in care?",
        "What was the number of resolutions passed?",
        "How many resolutions were passed?",
        "Who moved Motion No. 1 at the council meeting?",  # the motion named by its number
        "What did minute number 45/19 resolve?",
    ):
        assert not asks_number(q), q


def test_the_heading_number_of_the_item_holding_the_matter() -> None:
    found = [
        passage(1, "Members noted the report on the library review.", "14. Library Review"),
        passage(
            2,
            "The Cabinet Member presented the Fair Funding for Schools report.",
            "15. Fair Funding for Schools",
        ),
    ]
    answer = ask("What minute number was the Fair Funding for Schools item?", found)
    assert answer is not None and answer.startswith("15 — 15. Fair Funding for Schools")


def test_a_resolution_numbered_on_its_own_line_above_its_text() -> None:
    text = (
        "THAT we direct staff to prepare a bag limit program. Carried.\n\n"
        "R2023-208 S. Smith, T. Brown:\n\nTHAT we approve the Township Strategic Plan 2023-2026 as presented. "
        "Carried.\n\nR2023-209 T. Brown, S. Smith:\n\nWHEREAS the volunteer firefighter tax credit is $3,000"
    )
    found = [passage(1, text, "R2023-207 S. Smith, T. Brown", council="Township of Nipissing")]
    answer = ask(
        "What is the resolution number for Nipissing council's approval of the Township Strategic Plan?",
        found,
    )
    assert answer is not None and answer.startswith(
        "R2023-208 — R2023-208 S. Smith, T. Brown: THAT we approve"
    )


def test_a_list_numbered_under_a_numbered_item_is_not_the_item() -> None:
    text = (
        "Recommendation(s): 1. Create a midyear Capital Improvement Project entitled Skate Park.\n2. Fund it."
    )
    found = [passage(1, text.replace(": 1.", ":\n1."), "4.4 Authorize a Funding Agreement for a Skate Park")]
    assert [b.number for b in numbered(found[0])] == ["4.4"]
    assert ask("Which item on the agenda covers the Skate Park?", found).startswith("4.4 — ")


def test_dates_years_times_and_counts_number_nothing() -> None:
    text = "10 July 2019 Fair Funding for Schools\n2019 Budget Review\n4 pm start\n3 councillors attended"
    assert numbered(passage(1, text)) == []


def test_a_matter_no_block_holds_is_not_answered() -> None:
    found = [
        passage(1, "Members noted the report.", "14. Library Review"),
        passage(2, "Agreed.", "15. Bus Lanes"),
    ]
    assert ask("Which item on the agenda covers the skate park refurbishment?", found) is None
    assert ask("Who chaired the Library Review item?", found) is None  # no number asked


def test_the_better_ranked_passage_wins_a_tie() -> None:
    found = [passage(1, "Noted.", "7. Skate Park"), passage(2, "Noted.", "9. Skate Park")]
    assert ask("Which item covers the skate park?", found).startswith("7 — ")


@given(
    st.lists(
        st.tuples(st.integers(1, 99), st.sampled_from(["Library", "Parks", "Housing Review"])), max_size=6
    )
)
def test_every_number_found_is_printed_opening_its_line(rows: list[tuple[int, str]]) -> None:
    text = "\n".join(f"{n}. {title} report" for n, title in rows)
    for block in numbered(passage(1, text)):
        assert block.line.startswith(block.number)
        assert block.block.startswith(block.line)


MINUTES = """Minutes of the Meeting of the Parish Council

Held on Tuesday 3 June 2025 at 7.30 pm in the Village Hall.

6. Village Green Mowing

The Council agreed the mowing contract for the village green with Green Cuts Ltd.

7. Contribution to River Water Testing

The Council agreed a contribution of £200 towards water testing kits for the river group.

8. Date of Next Meeting

The next meeting will be held on Tuesday 8 July 2025.
"""


def test_an_asked_number_is_answered_from_the_papers_and_cited(tmp_path, settings, fake_embedder) -> None:
    from conftest import answer_from_paper

    question = "What minute number was the contribution to river water testing?"
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, MINUTES, question)
    assert answer.status == "answered"
    assert answer.text.startswith("7 — 7. Contribution to River Water Testing")
    assert answer.citations and "[1]" in answer.text


def test_a_number_asked_of_a_matter_no_paper_numbers_is_declined(tmp_path, settings, fake_embedder) -> None:
    from conftest import answer_from_paper

    question = "What minute number did the council give to buying new grit bins?"
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, MINUTES, question)
    assert answer.status == "not_found"
    assert "no item, minute or resolution they number holds what the question describes" in answer.text


def test_what_the_question_describes_is_its_words_less_the_asking() -> None:
    assert (
        matter("What minute number was the Fair Funding for Schools item at the 10 July 2019 meeting?")
        == "was the Fair Funding for Schools at the"
    )


def fixed(vectors: dict[str, list[float]]):
    """An embedder giving each text its listed vector, normalised."""

    def embed(texts):
        rows = np.asarray([vectors[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    return embed


def test_the_line_nearest_in_meaning_answers_only_when_clearly_nearest() -> None:
    p = passage(1, "16. Elective Home Education\n17. Bullying and Attendance\n18. Care Leavers")
    blocks = numbered(p)
    question = "Which minute dealt with kids missing school because they are bullied?"
    described = matter(question)
    clear = {
        described: [1, 0, 0],
        "16. Elective Home Education": [0, 1, 0],
        "17. Bullying and Attendance": [0.9, 0.1, 0],
        "18. Care Leavers": [0, 0, 1],
    }
    assert nearest(question, blocks, fixed(clear), SETTINGS).number == "17"
    close = {**clear, "16. Elective Home Education": [0.85, 0.2, 0]}  # two lines alike: no margin
    assert nearest(question, blocks, fixed(close), SETTINGS) is None
    far = {**clear, "17. Bullying and Attendance": [0.3, 0.9, 0.3]}  # nothing near enough
    assert nearest(question, blocks, fixed(far), SETTINGS) is None


def test_a_report_labelled_with_its_item_number_is_that_item() -> None:
    found = [
        passage(
            1, "Report of the Strategic Director\n\nImplementing the Pledge for Children in Care", "ITEM 6"
        )
    ]
    assert [b.number for b in numbered(found[0])] == ["6"]
    answer = ask("Which item was the report on implementing the Pledge for Children in Care?", found)
    assert answer is not None and answer.startswith("6 — ITEM 6 Report of the Strategic Director")
    assert [b.number for b in numbered(passage(2, "Page 3\nAGENDA ITEM G-4\nStaff Report"))] == ["G-4"]
    assert numbered(passage(3, "Items 4 and 5 were deferred.\nThe item was noted.")) == []


def test_the_resolution_adopting_minutes_is_the_one_of_the_minutes_day_asked() -> None:
    minutes = passage(
        1,
        "R2023-206 T. Butler, D. Yemm:\n\nThat the minutes of the Council meeting held October 17, 2023, be "
        "adopted as published. Carried.\n\nR2023-207 S. Kirkey, T. Butler:\n\nThat we adopt the bag limit program.",
        council="Township of Nipissing",
    )
    later = passage(
        2,
        "5. Resolution: Adopt the minutes of the meeting held May 28, 2024.\n\n"
        "10. Resolution: Adopt an updated Council Vacancy Procedure and Policy.",
        council="Township of Nipissing",
    )
    adopted = ask("Which resolution adopted the minutes of October 17, 2023?", [later, minutes])
    assert adopted is not None and adopted.startswith("R2023-206")
    # minutes no block dates so: another day's adoption, or an adoption of anything else, is not them
    assert ask("Which resolution adopted the minutes of December 5, 2023?", [later, minutes]) is None


def test_a_minute_in_a_days_minutes_is_not_an_adoption_of_them() -> None:
    minutes = passage(
        1, "15. Fair Funding for Schools\n\n16. Elective Home Education\n\nThe Bill had its third reading."
    )
    asked = "Which minute of the 10 July 2019 scrutiny minutes deals with Elective Home Education?"
    found = ask(asked, [minutes])
    assert found is not None and found.startswith("16")
