"""Rows keyed by a bare number under a noun their table names: 'milestone 2.1' is the row 'Ref: 2.1'."""

from __future__ import annotations

from pathlib import Path

from conftest import answer_from_paper

from index.passage import Passage
from index.settings import Settings
from qa.query import Identifier, identifiers
from qa.rowkeys import keyed_row, row_key_query
from qa.statements import statement_of, statements

ROWS = (
    "ILACS Priority Action 2: Written plans\n"
    "Ref: 2.1\nProgress milestone: A review of the One Child One Plan template is being undertaken.\n"
    "Key Dates / Status (RAG): Commenced: January 2019 SLIGHT SLIPPAGE\n"
    "Ref: 2.2\nProgress milestone: We will improve our care plans.\nKey Dates / Status (RAG): Year long ON TRACK"
)


def _plan(heading: str, *rows: str) -> str:
    """An improvement plan's milestone table under `heading`, one tab-separated line per row."""
    columns = "Ref\tProgress milestone\tImpact / Evidence\tKey Dates / Status (RAG)"
    return "\n".join(["Improvement Plan Progress Report\n", f"{heading}\n", columns, *rows]) + "\n"


def _asked(question: str):
    return identifiers(question)[0]


def test_the_row_keyed_by_the_number_under_a_column_naming_the_noun_is_the_identifier():
    row = keyed_row(ROWS, _asked("What is the status of milestone 2.1?"))
    assert row is not None and row.startswith("Ref: 2.1") and "SLIGHT SLIPPAGE" in row
    assert "Ref: 2.2" not in row and "ON TRACK" not in row  # the next key ends the row
    assert "ON TRACK" in keyed_row(ROWS, _asked("What is the status of milestone 2.2?"))
    # a key on a line of cells is a row of one line
    assert keyed_row("2.1 | The review | milestone\n2.2 | Care plans", _asked("milestone 2.1?")) == (
        "2.1 | The review | milestone"
    )


def test_no_row_answers_for_another_number_a_noun_never_named_or_a_number_written_out():
    assert keyed_row(ROWS, _asked("What is the status of milestone 2.10?")) is None
    assert keyed_row(ROWS, _asked("What is the status of Pledge 2.1?")) is None  # no pledge named
    written = "Milestone 2.1 is a review.\n\nRef: 2.1\nProgress milestone: other"
    assert keyed_row(written, _asked("milestone 2.1?")) is None  # the pattern reads it as written
    assert keyed_row(ROWS, _asked("What was decided at item 2.1?")) is None  # items are read as lines
    assert row_key_query(_asked("milestone 2.1?")) == '("2.1") AND "milestone"*'


def test_a_status_cell_after_another_progress_cell_is_the_rows_status():
    row = keyed_row(ROWS, _asked("What is the status of milestone 2.1?"))
    passage = Passage(1, row, None, 1, 1, "plan.txt", None, None, None, None, "none", "report")
    assert statement_of(passage) == "Commenced: January 2019 SLIGHT SLIPPAGE"


def test_a_milestone_printed_only_as_a_rows_key_is_found_and_answered(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    paper = _plan(
        "ILACS Priority Action 2: Written plans",
        "2.1\tA review of the One Child One Plan template is being undertaken.\tBetter plans.\t"
        "Commenced: January 2019 SLIGHT SLIPPAGE",
        "2.2\tWe will improve our care plans.\tBetter plans.\tYear long ON TRACK",
    )
    found, _ = answer_from_paper(
        tmp_path, settings, fake_embedder, paper, "What is the status of milestone 2.1?"
    )
    assert found.status == "answered" and "SLIGHT SLIPPAGE" in found.text and "ON TRACK" not in found.text
    (tmp_path / "again").mkdir()
    missing, _ = answer_from_paper(
        tmp_path / "again", settings, fake_embedder, paper, "What is the status of milestone 2.3?"
    )
    assert missing.status == "not_found" and "Milestone 2.3" in missing.text


def test_a_cell_labelled_status_is_the_status_over_progress_told_with_a_status_word():
    row = (
        "Ref: 1.4\nProgress milestone: Ongoing rolling programme of multi-agency auditing.\n"
        "Key Dates / Status (RAG): Commencing: July 2019 NOT YET DUE"
    )
    passage = Passage(1, row, None, 1, 1, "plan.txt", None, None, None, None, "none", "report")
    assert statement_of(passage) == "Commencing: July 2019 NOT YET DUE"


def test_a_leading_one_printed_as_a_capital_i_keys_the_same_row():
    """PDF text layers and OCR print a section number's 1 as I ('I.4', 'Priority Action I')."""
    rows = ROWS.replace("2.1", "I.4").replace("2.2", "I.5")
    asked = _asked("What was the RAG status of milestone 1.4?")
    assert "SLIGHT SLIPPAGE" in keyed_row(rows, asked)
    assert row_key_query(asked) == '("1.4" OR "I.4" OR "l.4") AND "milestone"*'
    assert keyed_row(rows, _asked("What was the RAG status of milestone 4.4?")) is None
    assert keyed_row(ROWS.replace("2.1", "I.4"), _asked("milestone 1.44?")) is None
    assert Identifier("milestone", "1.4").pattern().search("Milestone I.4 is late")
    assert not Identifier("milestone", "11.4").pattern().search("Milestone I.4 is late")


def test_a_milestone_keyed_with_a_capital_i_is_answered_with_its_rag_status(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    paper = _plan(
        "ILACS Priority Action I: Strategy discussions",
        "I.3\tBenchmark audit of s47 cases.\tBetter audit.\tCommenced: January 2019 ON TRACK",
        "I.4\tOngoing rolling programme of multi-agency auditing.\tBetter audit.\tCommencing: July 2019 NOT YET DUE",
    )
    found, _ = answer_from_paper(
        tmp_path, settings, fake_embedder, paper, "What was the RAG status of milestone 1.4?"
    )
    assert found.status == "answered" and "NOT YET DUE" in found.text and "ON TRACK" not in found.text


def test_a_things_number_1_printed_as_a_capital_i_is_that_thing():
    pattern = _asked("What is Priority Action 1?").pattern()
    assert pattern.search("Priority Action I: Strengthen the front door")
    assert not pattern.search("the action i took") and not pattern.search("Action In progress")
    assert not pattern.search("Priority Action I.4") and not pattern.search("Priority Action 12")


def test_a_count_under_another_label_is_no_rows_key():
    counts = "Pledges completed: 4\nPledges in progress: 12"
    assert keyed_row(counts, _asked("What is the status of Pledge 4?")) is None
    assert keyed_row("No. 4\nPledge: Care leavers' offer", _asked("What is the status of Pledge 4?")) == (
        "No. 4\nPledge: Care leavers' offer"
    )
    assert identifiers("the agenda for Jan 20") == ()  # a month's short form opens a date, no identifier
    assert keyed_row("Ref: 20\nRow about jan", Identifier("jan", "20", strict=False)) is None


def test_a_numbered_paragraph_under_a_heading_naming_the_noun_is_the_identifier():
    listed = (
        "RECOMMENDATION\n- 2.1 To accept the commitments made by the departments\n- 2.2 To agree the launch"
    )
    assert keyed_row(listed, _asked("What is recommendation 2.1?")) == (
        "- 2.1 To accept the commitments made by the departments"
    )
    assert keyed_row(listed, _asked("What is recommendation 2.2?")) == "- 2.2 To agree the launch"
    # a report numbers every section: a paragraph under a heading not naming the noun is none
    sections = "Recommendations are in section 3.\n\nBackground\n2.1 The council has a plan."
    assert keyed_row(sections, _asked("What is recommendation 2.1?")) is None


def test_a_bare_number_is_no_key_where_the_paper_writes_the_nouns_numbers_out():
    """Found by test_query's property test: '48' alone on a line, with 'Pledge 4' printed below it, is
    no row of Pledge 48; a paper writing 'Pledge 4' writes Pledge 48 so too, if at all."""
    assert keyed_row("48\nPledge 4", _asked("What is the status of Pledge 48?")) is None
    assert keyed_row("Ref: 48\nPledge: Care leavers", _asked("What is the status of Pledge 48?")) is not None


def test_a_papers_status_is_its_rows_status_cell_not_a_sentence_naming_progress():
    """Of one paper's passages, the row holding the milestone asked, with its status cell, speaks for it,
    however a paragraph on another milestone ranks ('Similar levels of improvement have been achieved')."""
    narrative = _report(
        1, "Similar levels of improvement have been achieved in care leavers in accommodation."
    )
    other = _report(2, "Ref: 2.2\nKey Dates / Status (RAG): Year long ON TRACK")
    row = _report(3, ROWS.split("Ref: 2.2")[0])
    (found,) = statements([narrative, other, row], [_asked("What is the RAG status of milestone 2.1?")])
    assert found.text == "Commenced: January 2019 SLIGHT SLIPPAGE"
    (found,) = statements([narrative, other])  # none asked: the status cell over the sentence
    assert found.text == "Year long ON TRACK"


def _report(chunk_id: int, text: str) -> Passage:
    return Passage(chunk_id, text, None, 1, 1, "plan.txt", None, None, None, None, "none", "report")
