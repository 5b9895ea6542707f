"""Sentence boundaries in council prose, shared by chunking and answer composition."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ; or : before a capital, digit, quote, bracket or bullet.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z0-9\"'“‘(•-])")


def split_sentences(line: str) -> list[str]:
    """The sentences of one line of text, stripped, empties dropped."""
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
