"""Digits that number a paper's parts ('(2) the structure be noted', 'Appendix 2'), not count anything."""

from __future__ import annotations

import re

# A list's enumerator opening a sentence or cell: '(2) the …', '2. That …', '3) approve …'.
_ENUMERATOR = re.compile(r"^\W{0,3}\(?\d{1,2}(?:\)|\.(?!\d))")
# A part of a paper named by its number: 'in Appendix 2', 'Item 3', 'Section 106', 'paragraph 4.2', an
# agenda's 'ATT 2 - Plan Set', 'Exhibit 3'; a range's last number too: the '10' of an agenda's '(Pages 9 -
# 10)', of 'items 3 to 5'
_PART = re.compile(
    r"\b(?:appendix|appendices|annex|annexe|item|items|section|paragraph|para|page|pages|pp\.|table|figure"
    r"|clause|schedule|chapter|article|part|no\.|recommendation|resolution|motion|pledge|ward|attachments?"
    r"|att\.?|exhibits?|enclosures?|encl\.?)"
    r"\s*(?:\d{1,4}\s*(?:[-–—]|to|and)\s*)?$",
    re.I,
)


def enumerates(sentence: str, start: int) -> bool:
    """Whether the digits at `start` (a character offset) number a list's entry or name a part of the
    paper rather than count or measure: '(2)' opening the sentence, the '2' of 'Appendix 2'."""
    opening = _ENUMERATOR.match(sentence)
    if opening and opening.start() <= start < opening.end():
        return True
    return bool(_PART.search(sentence[max(0, start - 16) : start]))
