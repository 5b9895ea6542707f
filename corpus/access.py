"""Restricted text: pages a council marks exempt, confidential or for a closed session."""

# UK councils mark exempt reports "NOT FOR PUBLICATION" and cite "Schedule 12A" of the Local
# Government Act 1972 ("Part II" items); US and Canadian bodies meet "in closed session" or
# "in camera"; others print "CONFIDENTIAL". A marker counts only in a page's top lines, where a
# council prints it on the restricted report itself: the same words in a public agenda's body
# ("the following item contains exempt information") describe a private item without being it.
# A marked first page, or a paper that is itself the closed session's record, restricts the
# whole paper. Being cautious costs an answer; being loose shows someone what they may not see.

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from corpus.document import Page

PUBLIC, RESTRICTED = "public", "restricted"
ACCESS_LEVELS = (PUBLIC, RESTRICTED)
_TOP_LINES = 6  # where a restriction notice sits on the page it restricts
_MARKERS = re.compile(
    r"\bnot\s+for\s+publication\b"
    r"|\bschedule\s+12\s*a\b.*\bexempt\b|\bexempt\b.*\bschedule\s+12\s*a\b"
    r"|^\W*(?:strictly\s+)?(?:private\s+(?:and|&)\s+)?confidential\W*$"
    r"|^\W*part\s+(?:ii|2)\b(?!\s+of\b)"
    r"|^\W*(?:minutes\s+of\s+(?:the\s+)?)?(?:closed|in[- ]camera)\s+(?:session|meeting)\b.*$"
    r"|^\W*in[- ]camera\W*$",
    re.IGNORECASE | re.MULTILINE,
)


def page_is_marked(text: str) -> bool:
    """Whether the page's top lines carry a restriction notice."""
    top = [line for line in text.split("\n") if line.strip()][:_TOP_LINES]
    return any(_MARKERS.search(line) for line in top)


def mark_restricted(pages: Sequence[Page], access: str | None = None) -> list[Page]:
    """The pages with `restricted` set: every page when `access` is 'restricted' or the first page is
    marked, else each marked page. `access` 'public' marks nothing (the caller vouches for it)."""
    if access == PUBLIC:
        return list(pages)
    whole = access == RESTRICTED or bool(pages and page_is_marked(pages[0].text))
    return [replace(page, restricted=whole or page_is_marked(page.text)) for page in pages]
