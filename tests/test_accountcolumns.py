"""An account's planned and actual columns: asked what was spent, a budget's column does not answer."""

from __future__ import annotations

import pytest

from index.passage import Passage
from qa.accountcolumns import asks_actual, asks_planned, column_label, of_column_asked
from qa.answertype import expected
from qa.features import Candidate
from qa.leadline import lead_line
from qa.reader import Read
from qa.spans import monetary, spans

ROW = (
    "Details: 561.10 Playground; Payment: 847.31; Expenditure: 847.31; "
    "Budget 2016/17 underspent/overspent: 1000.00 152.69"
)


def _lead(question: str, text: str = ROW) -> str:
    passage = Passage(
        1, text, None, 1, 1, "accounts.pdf", "Accounts", "Testshire", None, None, "day", "report"
    )
    candidate = Candidate(text, None, None, passage, 0, frozenset(s.kind for s in spans(text, True)))
    return lead_line(Read(candidate, (), 1.0), expected(question).kind, question)


@pytest.mark.parametrize(
    ("question", "actual", "planned"),
    [
        ("Actual 2016/17 spend on the playground?", True, False),
        ("How much did the parish council pay for grass cutting?", True, False),
        ("What was the 2016/17 budget for the playground?", False, True),
        ("What was the proposed salary range?", False, True),
        ("How did spending compare with the budget?", False, False),  # both: no column is ruled out
        ("How much was the playground grant?", False, False),
    ],
)
def test_what_a_question_asks_of_an_account(question: str, actual: bool, planned: bool) -> None:
    assert (asks_actual(question), asks_planned(question)) == (actual, planned)


def test_a_values_column_label_is_its_cells_words_before_it() -> None:
    values = [s for s in spans(ROW, monetary(ROW)) if s.kind == "money"]
    labels = [(s.text, column_label(ROW, s)) for s in values]
    assert ("1000.00", "Budget 2016/17 underspent/overspent: ") in labels
    assert ("847.31", "Payment: ") in labels and ("847.31", "Expenditure: ") in labels
    # a sentence's words are no column's: its sum stays, whatever is asked
    said = "The estimated budget impact to adjust hourly rates is $4,433 for the rest of the year."
    sums = [s for s in spans(said) if s.kind == "money"]
    assert column_label(said, sums[0]) == ""
    assert of_column_asked(said, sums, "What will raising recreation leader pay cost?") == sums


def test_asked_what_was_spent_the_payment_leads_and_asked_the_budget_the_budget_does() -> None:
    assert _lead("Actual 2016/17 spend on the playground?").startswith("847.31 — ")
    assert _lead("What was the 2016/17 budget for the playground?").startswith("1000.00 — ")
    # a value of neither kind of column is not ruled out
    values = [s for s in spans(ROW, True) if s.kind == "money"]
    assert len(of_column_asked(ROW, values, "How much was the playground grant?")) == len(values)
    kept = of_column_asked(ROW, values, "What did the council spend on the playground?")
    assert "1000.00" not in [s.text for s in kept] and "847.31" in [s.text for s in kept]


def test_a_references_number_is_no_figure() -> None:
    row = "Date Details: 04-Feb Defibrillator Pads; Cheque: 101316; Invoice: 49; Amount: 81.54; VAT: 13.59"
    figures = [s for s in spans(row, True) if s.kind in {"number", "money"}]
    kept = [s.text for s in of_column_asked(row, figures, "How much were the defibrillator pads?")]
    assert "101316" not in kept and "49" not in kept and "81.54" in kept
    assert not _lead("How much were the defibrillator pads?", row).startswith("101316")


def test_a_target_asked_leads_with_the_figure_aimed_at_not_the_one_reached() -> None:
    sentence = (
        "In 2018/19, 80.6% of conferences were held within 15 working days, which was above the 75% target."
    )
    assert _lead("What was the target for conferences held within 15 working days?", sentence).startswith(
        "75%"
    )
    # asked what was reached, the target does not lead
    assert not _lead("What share of conferences were held within 15 working days?", sentence).startswith(
        "75%"
    )
