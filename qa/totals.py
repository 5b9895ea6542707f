"""A table's totals row: what a question asking for a column's or a sheet's total is answered from."""

from __future__ import annotations

import re

from corpus.table import TOTALS_LABEL
from qa.candidate import Candidate
from qa.timefit import row_name

# The total of a column or a sheet asked for: 'What is the total of the PAYE column …?', 'What was the
# total paid under PAYE …?', 'the total of all payments'. A total named in prose ('What total annual cost
# did the firm propose?') is a sum a sentence states, not a table's row.
_TOTAL_ASKED = re.compile(
    r"\btotals? (?:of|for|paid|spent|received|payments?|expenditure|income|receipts)\b"
    r"|\bcolumn\b[^?]{0,40}\btotal|\bin total\b",
    re.I,
)
# A row keyed by a totals label: 'Date Details: Totals', 'Totals: 10,583.06', 'Grand Total', 'Sub-total'.
_TOTALS_KEY = re.compile(rf"^(?:[^:;]{{0,40}}:\s*)?{TOTALS_LABEL}\b")


def asks_total(question: str) -> bool:
    """Whether the question asks for a table's total of a column or of a sheet."""
    return bool(_TOTAL_ASKED.search(question))


def of_totals_row(candidate: Candidate) -> bool:
    """Whether the candidate is a table's totals row, a cell of one, or the row's key cell itself."""
    key = row_name(candidate) or (
        f"{candidate.label}: {candidate.text}" if candidate.label else candidate.shown.split("; ")[0]
    )
    return bool(_TOTALS_KEY.match(key))


def totals_key_words(text: str) -> int:
    """Words of a totals row's key cell ('Date Details: Totals; Amount: …' → 3), 0 for any other text:
    the key names the row, not the value after it, which is the first column's."""
    key = text.split("; ")[0]
    return len(key.split()) if "; " in text and _TOTALS_KEY.match(key) else 0


def totals_rows(found: list[Candidate], question: str) -> list[Candidate]:
    """The candidates of totals rows when the question asks for a total and any table among them
    prints one; else all of them."""
    if not asks_total(question):
        return found
    return [c for c in found if of_totals_row(c)] or found
