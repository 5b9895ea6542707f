"""An account's planned and actual columns: what was budgeted against what was spent."""

from __future__ import annotations

import re
from collections.abc import Iterable

from qa.spans import Span

# A column of what was planned ('Budget 2016/17', 'Estimate', 'Proposed Salary Range', 'Target').
_PLANNED = re.compile(
    r"\b(?:budget(?:ed|s)?|estimated?|estimates|forecasts?|projected|proposed|targets?|planned|allocations?"
    r"|precept)\b",
    re.I,
)
# A column of what came about ('Payment', 'Expenditure', 'Actual', 'Outturn', 'Spent').
_ACTUAL = re.compile(
    r"\b(?:actuals?|spent|spend(?:ing)?|pay|paid|payments?|expenditure|outturn|incurred|received|receipts?)\b",
    re.I,
)
# A column of references, whose numbers are no sum nor count ('Cheque: 101316', 'Invoice: 49', 'Ref No: 7').
_REFERENCE = re.compile(
    r"\b(?:cheque|chq|check|invoice|inv|ref(?:erence)?|receipt|voucher|order|po)\s*(?:no\.?|number|#)?\s*:\s*$",
    re.I,
)
# Words of an actual column's label, which a question asking what was spent stands beside.
ACTUAL_LABELS = ("actual", "paid", "payment", "expenditure", "outturn", "spent")
_CELL_START = re.compile(r"[;|]\s*|^")


def asks_actual(question: str) -> bool:
    """The question asks what was spent or paid ('actual 2016/17 spend on the playground'), not what was
    budgeted ('What was budgeted …', 'the budget against spend')."""
    return bool(_ACTUAL.search(question)) and not _PLANNED.search(question)


def asks_planned(question: str) -> bool:
    """The question asks what was budgeted, estimated or proposed, not what was spent."""
    return bool(_PLANNED.search(question)) and not _ACTUAL.search(question)


def column_label(text: str, span: Span) -> str:
    """The label of the cell a value stands in, in a row read as 'Label: value; Label: value': the words
    from the cell's start to the value ('Budget 2016/17 underspent/overspent: '); '' outside a labelled
    cell, as in a sentence ('The estimated budget impact … is $4,433'), whose words are no column's."""
    before = text[: span.start]
    cell = before[max((m.end() for m in _CELL_START.finditer(before)), default=0) :]
    return cell if ":" in cell else ""


def of_column_asked(text: str, found: Iterable[Span], question: str) -> list[Span]:
    """The figures of `text` whose column is of the kind asked: never a reference's ('Cheque: 101316');
    a question asking what was spent is not answered from a budget's or an estimate's column, nor one
    asking what was budgeted from a payment's; a column naming both, or neither, stays."""
    found = [s for s in found if not _REFERENCE.search(column_label(text, s))]
    if asks_actual(question):
        return [s for s in found if not _only(_PLANNED, _ACTUAL, column_label(text, s))]
    if asks_planned(question):
        return [s for s in found if not _only(_ACTUAL, _PLANNED, column_label(text, s))]
    return found


def _only(names: re.Pattern[str], other: re.Pattern[str], label: str) -> bool:
    return bool(names.search(label)) and not other.search(label)
