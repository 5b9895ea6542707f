"""Words of a closed set that tell a thing from its siblings: the short-term row is not the long-term one."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each set's members, as printed. A question naming one member asks of that thing: a sentence or row naming
# another member of the set and not the asked one tells of a sibling ('Short Term Placement Stability … 12%'
# is no answer to the long-term target; 'the monthly Improvement Board chaired by the Service Director' none
# to who chairs the quarterly meeting). 'Annual' is left out: it names papers and meetings ('the Annual
# Governance Statement', 'the annual meeting') whose sentences may tell of monthly things.
_SETS: tuple[tuple[str, ...], ...] = (
    (r"short(?:er)?[\s-]+term", r"medium[\s-]+term", r"long(?:er)?[\s-]+term"),
    (r"daily", r"weekly", r"fortnightly", r"monthly", r"quarterly"),
    # a school phase, where it is one ('primary schools', not 'the primary reason')
    tuple(
        rf"{phase}(?=\s+(?:schools?|pupils|phase|academ\w*|education|age))"
        for phase in ("primary", "secondary")
    ),
    (r"internal(?=\s+audit)", r"external(?=\s+audit)"),
    (
        r"opening(?=\s+balances?)|balances?\s+brought\s+forward",
        r"closing(?=\s+balances?)|balances?\s+carried\s+forward",
    ),
    (
        r"capital(?=\s+(?:budgets?|programmes?|expenditure|spend\w*|receipts|projects?|schemes?|costs?))",
        r"revenue(?=\s+(?:budgets?|expenditure|spend\w*|accounts?|costs?|funding))",
    ),
    (r"boys", r"girls"),
    (r"minimum", r"maximum"),
)
_MEMBERS = [[re.compile(rf"\b(?:{m})\b", re.I) for m in members] for members in _SETS]


@dataclass(frozen=True)
class Contrast:
    """The members a question names, by set: (set index, member index) pairs."""

    asked: frozenset[tuple[int, int]]


def contrasts_asked(question: str) -> Contrast:
    """The members of each set the question names; a set whose every member it names (or none) asks of
    no one member ('short- and long-term stability')."""
    asked = set()
    for i, members in enumerate(_MEMBERS):
        named = [j for j, pattern in enumerate(members) if pattern.search(question)]
        if len(named) == 1:
            asked.add((i, named[0]))
    return Contrast(frozenset(asked))


def names_sibling(text: str, contrast: Contrast) -> bool:
    """Whether `text` names another member of a set the question asks one member of, and not that one."""
    for i, j in contrast.asked:
        members = _MEMBERS[i]
        if not members[j].search(text) and any(p.search(text) for k, p in enumerate(members) if k != j):
            return True
    return False
