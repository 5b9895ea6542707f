"""Nouns papers count the same things by: a question's 'homes' are a paper's 'residential units'."""

from __future__ import annotations

from functools import lru_cache

from qa.relevance import stem

# Each group counts one kind of thing under several names. A question counts in its own words ('How many
# homes …', 'How many people attended …?') and papers in theirs ('up to 650 residential units',
# 'Approximately 22 members of the public attended'), so a count beside any noun of the group counts it.
_GROUPS = (
    "homes houses dwellings units flats apartments properties",
    "people persons residents attendees individuals members",
)


@lru_cache(maxsize=1)
def _kin() -> dict[str, frozenset[str]]:
    groups = [frozenset(stem(w) for w in words.split()) for words in _GROUPS]
    return {s: group for group in groups for s in group}


def kin(stems: frozenset[str]) -> frozenset[str]:
    """The stems given and every stem counting the same kind of thing (stem('homes') → home, hous,
    dwell, unit, …); the stems themselves when none is in a group."""
    table = _kin()
    return stems.union(*(table.get(s, frozenset()) for s in stems))
