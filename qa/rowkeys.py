"""Rows and paragraphs keyed by a bare number under a noun their table or heading names ('Ref: 2.1')."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.query import Identifier, glyph_forms

# Nouns whose numbers are also printed as numbered lines, which qa/query.py's pattern already reads.
_OWN_LINES = frozenset({"item", "minute"})
# A row's key cell: the number alone on its line, after a key's label ('Ref: 2.1', 'No. 3', 'Milestone:
# 2.1') or before the row's next cell ('2.1 | As part of …', '2.1<tab>As part of …'). Only a key's label:
# 'Pledges completed: 4' is a count, not row 4.
_KEY_LABELS = r"ref(?:erence)?|no|number|id|#"


@lru_cache(maxsize=1 << 12)  # the identifier scan, then focus, ask it of the same passages
def keyed_row(text: str, identifier: Identifier) -> str | None:
    """The row keyed by the identifier's number, where the passage prints the number
    only as a row's key and names the identifier's noun elsewhere, in a column's label or its heading
    ('milestone 2.1' is the row 'Ref: 2.1' / 'Progress milestone: …'). None when the passage writes the
    noun with a number on a line ('Pledge 4': qa/query.py's pattern reads those), does not name it, or has
    no such row. A list's numbered paragraph keys itself so under a heading naming the noun
    ('RECOMMENDATION' / '- 2.1 To …')."""
    noun = identifier.noun
    if not _keyable(identifier) or _writes_numbers(text, identifier):
        return None
    if not re.search(rf"\b{re.escape(noun)}", text, re.I):
        return None
    number = "|".join(re.escape(n).replace(r"\ ", r"\s?") for n in glyph_forms(identifier.number))
    number = f"(?:{number})"
    label = rf"(?:(?:{_KEY_LABELS}|{re.escape(noun)})\.?\s*:?\s*)?"
    key = re.compile(rf"^\s*(?P<label>{label}){number}[.):]?\s*(?:$|\||\t)", re.I)
    lines = text.split("\n")
    for at, line in enumerate(lines):
        if found := key.match(line):
            return "\n".join(lines[at : _row_end(lines, at, found.group("label"))])
    return _numbered_paragraph(lines, number, noun)


# A numbered paragraph of a list ('- 2.1 To accept the commitments made by the departments').
_PARAGRAPH = r"^\s*(?:[-•*]\s*)?{number}[.)]?\s+(?=[A-Z])"
_ANY_PARAGRAPH = re.compile(_PARAGRAPH.format(number=r"\d{1,3}(?:\.\d{1,3})*"))


def _numbered_paragraph(lines: list[str], number: str, noun: str) -> str | None:
    """The paragraph numbered `number` in a list headed by a line naming the noun ('RECOMMENDATION' over
    '- 2.1 To accept …', '- 2.2 To agree …'): the heading nearest above it that is no numbered paragraph
    must name it, since a report numbers every section so."""
    own = re.compile(_PARAGRAPH.format(number=number))
    for at, line in enumerate(lines):
        if own.match(line):
            heading = next((h for h in reversed(lines[:at]) if h.strip() and not _ANY_PARAGRAPH.match(h)), "")
            return line if re.search(rf"\b{re.escape(noun)}", heading, re.I) else None
    return None


def _writes_numbers(text: str, identifier: Identifier) -> bool:
    """Whether a line prints the noun with a number ('Pledge 4'): a paper that writes any of them out
    writes this one so too, if at all, and a bare number there is no key of it."""
    kind = identifier.kind_pattern()
    return kind is not None and any(kind.search(line) for line in text.split("\n"))


def _keyable(identifier: Identifier) -> bool:
    """A council's numbered thing ('milestone', 'action', 'recommendation'): not a bare number, an item or
    minute (read as numbered lines), nor a capitalised word's guess ('Jan 20' is a date)."""
    return bool(identifier.noun) and identifier.strict and identifier.noun not in _OWN_LINES


def _row_end(lines: list[str], at: int, label: str) -> int:
    """Index of the line after the row keyed at `at`: a blank line, or the next key under the same label
    ('Ref: 2.2'); a key with no label is a row of one line."""
    if not label:
        return at + 1
    next_key = re.compile(rf"^\s*{re.escape(label.strip())}\s*\d", re.I)
    return next(
        (n for n in range(at + 1, len(lines)) if not lines[n].strip() or next_key.match(lines[n])), len(lines)
    )


def row_key_query(identifier: Identifier) -> str | None:
    """An FTS5 query for passages that may key a row by the identifier's number and name its noun
    (porter-stemmed, so 'milestones' is found by 'milestone'); None where keyed_row never applies."""
    if not _keyable(identifier):
        return None
    base, letter = identifier.parts
    words = " OR ".join(f'"{form} {letter}"'.replace(' "', '"') for form in glyph_forms(base))
    return f'({words}) AND "{identifier.noun}"*'


# 'Which milestone covers …?', 'Which action in the plan is about …?': a tracker's entry asked by what it
# says, whose answer is its key; not 'which milestones' (a list) nor 'which milestone dates'
_ASKS_KEY = re.compile(
    r"\bwhich\s+(?:milestone|action|priority|recommendation|objective|pledge|commitment)"
    r"\s+(?!(?:[a-z]+s|dates?|status|owner|lead)\b)",
    re.I,
)
_KEY_CELL = re.compile(
    rf"^(?i:{_KEY_LABELS}|milestone|action|priority|pledge)(?:\b|(?<=#))\s*[:.]?\s*\S*\d\S*$"
)


def asked_key(question: str, row_name: str | None) -> str | None:
    """The key cell of the row an answer stands in ('Ref: 3.2'), when the question asks which entry of a
    plan or tracker says something ('Which milestone covers the block contract?'); None otherwise."""
    if not row_name or not _ASKS_KEY.search(question):
        return None
    return row_name if _KEY_CELL.match(row_name.strip()) else None
