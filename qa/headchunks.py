"""Chunks holding only a heading or a label, read with the chunks they head."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corpus.blocks import OUTCOME_LINE
from index.passage import Passage

# A chunk ending in a sentence's stop says something of its own ('There were no disclosures.'); an
# outcome on its own line ('CARRIED') closes the motion before it and heads nothing.
_ENDS_SENTENCE = re.compile(r"[.!?]['\"”’)]*\s*$")


def heads_only(passage: Passage, words: int) -> bool:
    """Whether a chunk is a heading or a label with nothing under it ('Present: Members of the Public:'),
    fewer than `words` words, that ends no sentence and closes no motion."""
    text = passage.text.strip()
    return (
        len(text.split()) < words
        and not _ENDS_SENTENCE.search(text)
        and not any(OUTCOME_LINE.match(line.strip()) for line in text.splitlines())
    )


def leads_in(passage: Passage) -> bool:
    """Whether a chunk ends in a list's lead-in, its list cut off into the next chunk ('A number of areas
    for improvement were identified and are included within this plan;')."""
    return passage.text.rstrip().endswith((":", ";"))


def with_headed(
    passages: Sequence[Passage],
    following: Callable[[int], Passage | None],
    best: int,
    words: int,
    reach: int,
) -> list[Passage]:
    """The passages, each of the `best` first that only heads (heads_only) followed by the chunks after it,
    up to `reach` of them, as far as the first that says something of its own: the minutes' 'Present:'
    list under a chunk of only their title; one ending in a list's lead-in (leads_in) followed by the chunk
    its list runs into. `following(chunk_id)` is the store's next_passage."""
    out = list(passages)
    held = {p.chunk_id for p in out}
    for passage in list(passages[:best]):
        at, current = out.index(passage), passage
        for _ in range(reach):
            heads = heads_only(current, words) or (current is passage and leads_in(current))
            if not heads or not (after := following(current.chunk_id)):
                break
            if after.chunk_id not in held:
                at += 1
                out.insert(at, after)
                held.add(after.chunk_id)
            current = after
    return out
