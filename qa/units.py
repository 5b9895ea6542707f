"""Answerable units of a passage (corpus/units.py), and the blocks of a passage an identifier picks."""

from __future__ import annotations

from collections.abc import Sequence

from corpus.units import SHORT_ROW_WORDS, Unit, cell, embedded_text, label_of, units_of
from qa.query import Identifier, identifiers

_ITEM_OPENING = 3  # 'Item 7(a) Tree', 'Min. 45/19 Land': an item's number opens its title line

__all__ = ["SHORT_ROW_WORDS", "Unit", "cell", "embedded_text", "focus", "label_of", "opens_item", "units_of"]


def focus(text: str, identifiers: Sequence[Identifier], heading: str | None = None) -> str:
    """Only the blocks (rows, paragraphs) that hold an asked identifier, when any block does:
    a chunk packing Pledge 4 and Pledge 48 answers for Pledge 48 with Pledge 48's row. When only the
    chunk's heading names it ('Item 6 Allotments'), the blocks before the next item's title line."""
    if not identifiers:
        return text
    blocks = text.split("\n\n")
    held = [b for b in blocks if any(i.pattern().search(b) for i in identifiers)]
    if held:
        return "\n\n".join(held)
    if heading and any(i.pattern().search(heading) for i in identifiers):
        end = next((n for n, b in enumerate(blocks) if n and opens_item(b)), len(blocks))
        return "\n\n".join(blocks[:end])
    return text


def opens_item(block: str) -> bool:
    """A block whose first line is an item's title: it opens with an item's number and is no sentence
    ('Item 7 Christmas lights', not 'Minute 23/118 was corrected.')."""
    line = block.strip().split("\n", 1)[0]
    return bool(identifiers(" ".join(line.split()[:_ITEM_OPENING]))) and not line.rstrip().endswith(
        (".", "?", "!")
    )
