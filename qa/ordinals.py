"""An entry of a numbered list asked by its position ('the second recommendation', 'listed third')."""

from __future__ import annotations

import re

from qa.features import Candidate

_POSITIONS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_NTH = r"(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(?:[2-9]|10)(?:nd|rd|th))"
# Positions that are not a list's entries: an ordinance's second reading, a year's third quarter, a
# second home, a vote's second round. 'First' is left out: 'when did the panel first meet?' asks no entry.
_NOT_ENTRIES = (
    r"readings?|quarters?|halves|half|times?|floors?|years?|days?|weeks?|months?|homes?|rounds?|place"
    r"|tier|class|language|opinion|phase|stage|term|session|party|parties|sentence|paragraph"
)
_FIND = 40  # the characters of a candidate's start that find it in its passage's text
_ASKED = (
    re.compile(rf"\b(?:the|its|their|\w+['’]s)\s+{_NTH}\s+(?!(?:{_NOT_ENTRIES})\b)[a-z]", re.I),
    re.compile(rf"\b(?:listed|named|numbered|comes?|came)\s+{_NTH}\b(?!\s+(?:{_NOT_ENTRIES})\b)", re.I),
)


def position_asked(question: str) -> int | None:
    """The position of the list entry a question asks by its ordinal ('What was the committee's second
    recommendation?' → 2, 'Which area for improvement is listed third?' → 3); None when it asks none.
    Positions 2 to 10: a first entry is too often a time ('first met'), and few lists run past ten."""
    found = next((m for m in (p.search(question) for p in _ASKED) if m), None)
    if not found:
        return None
    word = found.group("nth").lower()
    return _POSITIONS.get(word) or int(word.rstrip("ndrth"))


def opens_entry(text: str, position: int) -> bool:
    """Whether a line opens as the list's entry at that position: its number bare or its letter in
    brackets, after any bullet ('2. recommend to Officers …', '- (c) the Education Reference Group …',
    '4) quality …'), not a dotted paragraph number ('2.2 To agree …'), an amount ('2.5m') or a date."""
    return bool(re.match(rf"[\s\-–•*]*{_marker(position)}", text))


def _marker(position: int) -> str:
    """The pattern of a list entry's number ('2.', '2)', '(2)') or letter ('(b)', 'b)') at a position."""
    return rf"(?:\(?{position}(?:[.)]\s*(?!\d)|\s+-\s)|\(?{chr(96 + position)}\)\s)"


def entries_asked(found: list[Candidate], question: str) -> list[Candidate]:
    """The candidates opening the list entry at the position asked ('2. recommend to Officers to explore
    …' for 'the second thing the committee agreed'), in a passage printing the entry before it too, so
    that a stray numbered line is no list; the reader tells which list is on the question's topic. []
    when none is asked or found."""
    position = position_asked(question)
    if position is None:
        return []
    return [c for c in found if _at(c, position) and _lists_before(c.passage.text, position)]


def _at(candidate: Candidate, position: int) -> bool:
    """Whether the candidate is the entry at the position: it opens with the entry's marker, or its
    passage prints the marker before it on its line, which reading units leave out ('2. That the General
    Manager …' is read as 'That the General Manager …'; '4. Resolution: Council Direction …' as its
    cell)."""
    if opens_entry(candidate.text, position):
        return True
    text = candidate.passage.text
    at = text.find(candidate.text[:_FIND])
    before = text[text.rfind("\n", 0, max(at, 0)) + 1 : at] if at > 0 else ""
    return bool(re.fullmatch(rf"[\s\-–•*]*{_marker(position)}\s*(?:[A-Z][^:\n]{{0,40}}:\s*)?", before))


def _lists_before(text: str, position: int) -> bool:
    """Whether the passage prints the entry before the one asked ('1.' before '2.'), mid-line too: a
    first entry often follows its lead-in ('It was agreed that the Committee: 1.recommend …')."""
    return bool(re.search(rf"(?:^|[\s:;])[\-–•*]?\s*{_marker(position - 1)}", text, re.M))
