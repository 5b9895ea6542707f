"""A table's totals row: read as a row of its own, and what a question asking for a total is answered from."""

from __future__ import annotations

import pytest

from corpus.table import Table, add_line
from index.passage import Passage
from qa.answertype import expected
from qa.features import Candidate
from qa.leadline import lead_line
from qa.reader import Read
from qa.spans import spans
from qa.totals import asks_total, of_totals_row, totals_rows

HEADER = "Date\tDetails\tAmount\tInsurance\tPAYE"


def _rows(*lines: str) -> list[list[str]]:
    table = Table()
    for line in (HEADER, *lines):
        add_line(table, line, 1)
    return [row.cells for row in table.rows]


def test_a_totals_line_under_the_last_row_is_a_row_of_its_own_keyed_by_its_label() -> None:
    rows = _rows("31-Mar\tClerk's salary\t720.15\t\t", "\tTotals\t10,583.06\t1,071.11\t822.20")
    assert rows == [
        ["31-Mar", "Clerk's salary", "720.15", "", ""],
        ["Totals", "", "10,583.06", "1,071.11", "822.20"],
    ]


def test_a_continuation_line_without_a_totals_label_still_joins_the_row_above() -> None:
    rows = _rows("31-Mar\tClerk's salary\t720.15\t\t", "\tfor March (total hours)\t\t\t")
    assert rows == [["31-Mar", "Clerk's salary for March (total hours)", "720.15", "", ""]]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is the total of the PAYE column on the cash sheet?", True),
        ("What was the total paid under PAYE for the year?", True),
        ("How much was raised in total for the playground?", True),
        ("What total annual cost did Hello Housing propose?", False),  # a sum prose states
        ("How much was paid to Zurich Insurance?", False),
    ],
)
def test_what_asks_for_a_tables_total(question: str, asked: bool) -> None:
    assert asks_total(question) is asked


def _candidate(text: str, label: str | None = None, title: str = "Cash Sheet - Payments 2024-5") -> Candidate:
    passage = Passage(1, text, None, 1, 1, "cash.pdf", title, "Testshire", None, None, "year", "accounts")
    return Candidate(text, label, None, passage, 0, frozenset(s.kind for s in spans(text, True)))


TOTALS = "Date Details: Totals; Amount: 10,583.06; Insurance: 1,071.11; Clerk's: 4,069.26; PAYE: 822.20"
PAYMENT = "Date Details: 30-Sep PAYE; Cheque: Online; Amount: 242.60; PAYE: 242.60"


def test_a_total_asked_is_read_from_the_totals_row_and_its_column_asked_leads() -> None:
    rows = [_candidate(PAYMENT), _candidate(TOTALS)]
    question = "What is the total of the PAYE column on the Testshire cash sheet of payments?"
    assert [of_totals_row(c) for c in rows] == [False, True]
    assert totals_rows(rows, question) == [rows[1]]
    assert totals_rows(rows, "How much PAYE was paid on 30 September?") == rows
    # the sheet says it is of sums in its title only; the row's key is no pointer to the Amount column
    line = lead_line(Read(rows[1], (), 1.0), expected(question).kind, question)
    assert line.startswith("822.20 — ")


def test_header_labels_wrapped_onto_a_second_line_join_their_columns() -> None:
    table = Table()
    for line in (HEADER, "\t\t£\tSubs/Fees\t", "02-Apr\tYLCA\t140.00\t140.00\t"):
        add_line(table, line, 1)
    assert table.headers == ("Date", "Details", "Amount £", "Insurance Subs/Fees", "PAYE")
    assert [row.cells for row in table.rows] == [["02-Apr", "YLCA", "140.00", "140.00", ""]]
    # a first row of figures under the header is data, not more of its labels
    figures = Table()
    for line in (HEADER, "\t\t140.00\t12.00\t"):
        add_line(figures, line, 1)
    assert figures.headers == tuple(HEADER.split("\t")) and len(figures.rows) == 1
