"""A row's total is the sum its other sums add up to."""

from __future__ import annotations

from qa.spans import spans
from qa.summed import total_of_others

ROW = "HouseKeys, Inc. | $85,000* $11,250 | $96,250"


def _sums(text: str):
    return [s for s in spans(text) if s.kind == "money"]


def test_the_sum_the_others_add_up_to_is_the_total_asked() -> None:
    total = total_of_others(_sums(ROW), "What total annual cost did HouseKeys propose?")
    assert total is not None and total.text == "$96,250"
    assert total_of_others(_sums("Fees: £1,200.50; VAT: £240.10; Gross: £1,440.60"), "What was the total?")


def test_no_total_unless_asked_and_told_by_the_figures() -> None:
    assert total_of_others(_sums(ROW), "What did HouseKeys propose as its fixed cost?") is None
    assert total_of_others(_sums("Bids: $85,000, $11,250 and $70,000"), "What was the total bid?") is None
    assert total_of_others(_sums("$5,000 | $5,000"), "What is the total?") is None  # no parts to add
