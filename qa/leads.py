"""The sentence a chunk boundary cut from the start of a passage: what its first sentence follows on from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from index.passage import Passage
from qa.units import Unit, units_of

CONTINUED = "(continued)"  # how corpus/chunker.py marks a piece of a row or a turn cut at its sentences


def lead_ins(passages: Iterable[Passage], read: Callable[[list[int]], list[Passage]]) -> dict[int, str]:
    """For each passage that continues a row or a speaker's turn from the chunk before it ('Pledge 48 …
    (continued)' / 'A total reach of 631.9k users …'), the last sentence of that chunk ('Fostering
    Fortnight was promoted through newsroom and social media.'), by chunk id. `read` gives the passages
    of chunk ids (Store.passages); one call for all of them."""
    continued = [p for p in passages if p.text.split("\n", 1)[0].endswith(CONTINUED)]
    if not continued:
        return {}
    before = {p.chunk_id: p for p in read([p.chunk_id - 1 for p in continued])}
    leads = {}
    for passage in continued:
        prior = before.get(passage.chunk_id - 1)
        if prior is not None and prior.source == passage.source and (units := units_of(prior.text)):
            leads[passage.chunk_id] = units[-1].text
    return leads


def opening(units: Sequence[Unit]) -> int | None:
    """The index of the first unit after a continuation's label: the sentence the cut separated."""
    return next((at for at, unit in enumerate(units) if not unit.text.endswith(CONTINUED)), None)
