"""Answerable units of a passage (corpus/units.py), and the blocks of a passage an identifier picks."""

from __future__ import annotations

from collections.abc import Sequence

from corpus.units import SHORT_ROW_WORDS, Unit, cell, embedded_text, label_of, units_of
from qa.query import Identifier

__all__ = ["SHORT_ROW_WORDS", "Unit", "cell", "embedded_text", "focus", "label_of", "units_of"]


def focus(text: str, identifiers: Sequence[Identifier]) -> str:
    """Only the blocks (rows, paragraphs) that hold an asked identifier, when any block does:
    a chunk packing Pledge 4 and Pledge 48 answers for Pledge 48 with Pledge 48's row."""
    if not identifiers:
        return text
    blocks = [b for b in text.split("\n\n") if any(i.pattern().search(b) for i in identifiers)]
    return "\n\n".join(blocks) if blocks else text
