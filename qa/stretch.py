"""The passages an asked item runs over: from the chunk naming it to the next naming another of its kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from index.passage import Passage
from qa.query import Identifier


def item_pool(
    ranked: Sequence[Passage],
    matched: Mapping[int, tuple[Identifier, ...]],
    between: Callable[[int, int], list[Passage]],
    reach: int,
) -> list[Passage]:
    """The ranked passages that hold an asked identifier, and those of the same paper that follow one
    within `reach` chunks before any chunk names another item of its kind: the debate and the recorded
    vote after 'Motion No. 1', which never repeat its number. Rank order is kept.

    `between(a, b)`: the stored passages with chunk ids a < id ≤ b, in order."""
    naming = [p for p in ranked if p.chunk_id in matched]
    return [p for p in ranked if p.chunk_id in matched or _follows(p, naming, matched, between, reach)]


def _follows(
    passage: Passage,
    naming: list[Passage],
    matched: Mapping[int, tuple[Identifier, ...]],
    between: Callable[[int, int], list[Passage]],
    reach: int,
) -> bool:
    """Whether the passage lies in the stretch of an item named by an earlier passage of its paper."""
    for start in naming:
        gap = passage.chunk_id - start.chunk_id
        if start.source != passage.source or not 0 < gap <= reach:
            continue
        stretch = [p for p in between(start.chunk_id, passage.chunk_id) if p.source == start.source]
        if len(stretch) == gap and not any(_names_another(p.text, matched[start.chunk_id]) for p in stretch):
            return True
    return False


def _names_another(text: str, asked: tuple[Identifier, ...]) -> bool:
    """The text names an item of an asked identifier's kind that is not the asked one ('Motion No. 2');
    a bare number has no kind, so its stretch runs to `reach`."""
    for ident in asked:
        kind = ident.kind_pattern()
        if kind and any(not ident.pattern().match(text, m.start()) for m in kind.finditer(text)):
            return True
    return False
