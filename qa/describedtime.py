"""A time a question gives in a clause describing its thing, not the time of what it asks."""

from __future__ import annotations

import re

# 'When did the committee launch the new Pledge, the one the children in care council rewrote in 2015?':
# 2015 dates the rewriting that tells which Pledge, and the launch asked may come after it. A relative
# clause ('the one …', ', which …', 'that the council …') or a participle after a comma (', agreed in
# 2015') holds such a time; the question's own verb stands before it.
_DESCRIBING = re.compile(
    r"(?:\bthe one\b|,\s*(?:which|that|who)\b|\b(?:that|which)\s+(?:the|it|they|was|were|had|has)\b"
    r"|,\s*\w+(?:ed|en)\b)"
    r"[^,;?]{0,80}?\b(?:in|during)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?|[A-Z][a-z]+\s+)?(?:19|20)\d\d\b"
)
_ASKS_WHEN = re.compile(r"^\s*(?:when|on what date|by when|in what (?:month|year))\b", re.I)


def time_describes(question: str) -> bool:
    """Whether a 'when' question's time lies in a clause describing what it asks of ('…, the one …
    rewrote in 2015?'), so the day asked may lie after that time; 'When did … meet in 2015?' gives the
    time asked."""
    return bool(_ASKS_WHEN.search(question) and _DESCRIBING.search(question))
