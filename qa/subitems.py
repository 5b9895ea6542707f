"""Lettered sub-items printed on lines of their own under their item ('8. Adult social care' / '(b) Fees')."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.query import Identifier

# An item's title line ('8. Adult social care', 'Item 8 Adult social care') and a sub-item's ('(b) Fees
# …', 'b) Fees …'): agendas print 'item 8(b)' so, and never write '8(b)' together.
_ANY_ITEM = re.compile(r"^\W*(?:(?:item|minute|min\.?)\s*)?\d{1,3}[.):]?\s+\S", re.I)
_ANY_SUB = re.compile(r"^\s*\(?[a-z]\)\s+\S|^\s*\([a-z]\)\S", re.I)


@lru_cache(maxsize=1 << 12)  # the identifier scan, then focus, ask it of the same passages
def printed_under(text: str, identifier: Identifier) -> str | None:
    """The sub-item's lines, where `text` prints the asked sub-item under its item: for 'item 8(b)',
    '(b) Fees for residential care homes …' under '8. Adult social care'. None when the identifier has no
    letter or the text does not print it so."""
    base, letter = identifier.parts
    if not letter:
        return None
    item = re.compile(rf"^\W*(?:(?:item|minute|min\.?)\s*)?{re.escape(base)}[.):]?\s+\S", re.I)
    sub = re.compile(rf"^\s*\(?{letter}\)\s*\S", re.I)
    lines = text.split("\n")
    for start in (n for n, line in enumerate(lines) if item.match(line)):
        for n in range(start + 1, len(lines)):
            if sub.match(lines[n]):
                end = next((m for m in range(n + 1, len(lines)) if _ends_sub(lines[m])), len(lines))
                return "\n".join(lines[n:end])
            if _ANY_ITEM.match(lines[n]):
                break  # the next item: this one has no such sub-item
    return None


def _ends_sub(line: str) -> bool:
    """A blank line, the next sub-item or the next item ends a sub-item's lines."""
    return not line.strip() or bool(_ANY_SUB.match(line)) or bool(_ANY_ITEM.match(line))
