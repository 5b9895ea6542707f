"""Spacer cells a PDF-to-text conversion leaves inside a two-row header, and the columns they displaced."""

# A merged header cell ('2019/20 Local Target' over a run of months) can come through a conversion as an
# empty cell inside the run of month labels below it: '… Mar-19 | | Apr-19 | May-19 | Jun-19', with the
# merged cell's label printed above the gap. The data rows keep one value per real column, so every month
# after the gap reads one column late and the last value, the target, under the last month. A target's
# column stands last in a performance table: the gap is dropped and the target's label goes to the end.

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.units import PERIOD_LABEL

_TARGET = re.compile(r"\b(?:target|goal|ambition|benchmark)s?\b", re.I)


def _spacer(top: Sequence[str], below: Sequence[str], i: int) -> bool:
    """An empty lower cell with periods labelled before and after it in the lower row."""
    return (
        not below[i]
        and any(PERIOD_LABEL.match(c) for c in below[:i])
        and any(PERIOD_LABEL.match(c) for c in below[i + 1 :])
        and (not top[i] or bool(_TARGET.search(top[i])))
    )


def closed_up(top: Sequence[str], below: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The two header rows with the spacers inside a run of periods dropped and the target's label moved
    to the last column, keeping the rows' width; None when the rows hold no spacer under a target's label
    (a column labelled only above, such as '2018/19 Outturn' between two months, is a real column)."""
    width = max(len(top), len(below))
    top = list(top) + [""] * (width - len(top))
    below = list(below) + [""] * (width - len(below))
    gaps = [i for i in range(width) if _spacer(top, below, i)]
    moved = [top[i] for i in gaps if top[i]]
    if not moved:
        return None
    kept = [i for i in range(width) if i not in gaps]
    pad = [""] * (len(gaps) - len(moved))
    return (
        tuple([top[i] for i in kept] + pad + moved),
        tuple([below[i] for i in kept] + [""] * len(gaps)),
    )
