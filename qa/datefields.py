"""A form's bare date field against a sentence that tells the whole of what a 'when' question asks."""

from __future__ import annotations

from collections.abc import Sequence

from corpus.dates import only_date
from qa.features import Asked, Candidate, cover, stem_set

# A sentence holding this share of the question's weight, and a date, tells the act asked with its thing
# ('An initial business case was approved by Cabinet in July 2019 …'); a field is outdone by it when it
# holds under half of what the sentence holds. Set by the sign-off box's 'Date approved' (0.12 of the
# question) against the sentences answering (0.81; 0.62 where the question opens with a condition, 'If
# Cabinet approved …, when …?'): the field dates the report's own sign-off.
_TOLD_IN_FULL = 0.6
_OUTDONE = 0.5


def date_field(candidate: Candidate) -> bool:
    """A labelled cell that is only a date ('Date of meeting: 10 July 2019')."""
    return bool(candidate.label) and only_date(candidate.text) is not None


def told_in_full(found: Sequence[Candidate], asked: Asked) -> list[Candidate]:
    """For a date asked, the candidates but the bare date fields ('Date approved: 21/08/2019', a cover
    sheet's sign-off of its own report) that hold under half as much of the question's weight (`cover`
    of the field's label and value) as the best sentence that holds a date and most of it; all of them
    when no sentence tells so much."""
    covers = [cover(stem_set(c.shown), asked) for c in found]
    told = (s for c, s in zip(found, covers, strict=True) if not date_field(c) and "date" in c.kinds)
    best = max(told, default=0.0)
    if best < _TOLD_IN_FULL:
        return list(found)
    return [c for c, s in zip(found, covers, strict=True) if not date_field(c) or s >= best * _OUTDONE]
