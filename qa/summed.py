"""A row's total told by arithmetic: of a row's sums, the one the others add up to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.spans import Span

_TOTAL = re.compile(r"\b(?:total|overall|combined|altogether|in all)\b", re.I)
_FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_CENT = 0.005  # printed sums are rounded to the penny or cent
_PARTS = 2  # a total adds up at least two other sums


def total_of_others(found: Sequence[Span], question: str) -> Span | None:
    """Asked for a total ('what total annual cost …?'), the sum printed in a row beside its parts that
    the others add up to: '$96,250' of 'HouseKeys, Inc. | $85,000* $11,250 | $96,250'. None when the
    question asks no total, or no sum, or more than one, is the others' total."""
    if not _TOTAL.search(question):
        return None
    values = [(span, _value(span.text)) for span in found]
    known = [(span, value) for span, value in values if value is not None]
    if len(known) < _PARTS + 1:
        return None
    whole = sum(value for _, value in known)
    totals = [span for span, value in known if abs(whole - 2 * value) < _CENT * len(known)]
    return totals[0] if len(totals) == 1 else None


def _value(text: str) -> float | None:
    figure = _FIGURE.search(text)
    return float(figure.group().replace(",", "")) if figure else None
