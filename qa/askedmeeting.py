"""The minutes of the meeting a question dates, where a pack of another day reprints them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from index.passage import Passage
from qa.stretch import day_of

# At most this share of what the reader reads is given over to passages of the dated meeting that
# retrieval ranked past it, so the best-ranked passages stay read.
_PROMOTED_SHARE = 4


def asked_meeting_first(
    passages: Sequence[Passage],
    day: dt.date,
    between: Callable[[int, int], list[Passage]],
    reach: int,
    share: int,
    similarity: Mapping[int, float],
) -> list[Passage]:
    """The passages (retrieval's order) with those ranked from `share` to 2 × `share` that stand under the
    header of the meeting of `day` in a paper of another day ('13. Number of Children in Care - verbal
    update' in the minutes of 10 July 2019, reprinted in the 11 September pack) brought into the first
    `share`, in place of the last there, at most `share` // _PROMOTED_SHARE of them, and each nearer the
    question in meaning (`similarity`, by chunk id) than every passage it displaces: a question naming
    the meeting's day asks what its minutes record, however the pack's own headings outrank them."""
    near = lambda p: similarity.get(p.chunk_id, 0.0)  # noqa: E731
    late = sorted(
        (p for p in passages[share : 2 * share] if p.date != day and day_of(p, between, reach) == day),
        key=near,
        reverse=True,
    )[: share // _PROMOTED_SHARE]
    while late and near(late[-1]) <= max(map(near, passages[share - len(late) : share]), default=0.0):
        late.pop()
    if not late:
        return list(passages)
    moved = {p.chunk_id for p in late}
    rest = [p for p in passages if p.chunk_id not in moved]
    return [*rest[: share - len(late)], *late, *rest[share - len(late) :]]
