"""Who a sentence marks as a post's holder: the name the post is printed against, not its neighbours."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.candidate import Candidate
from qa.spans import Span, spans

# The post printed after its holder's name, perhaps after the initials a minute takes them by: 'Alan Smith
# (AS)[Chair]', 'Councillor Mrs Johnson (Chair)', 'Cllr Bell, Chairman'.
_AFTER = re.compile(
    r"\s*(?:\([A-Z]{1,4}\)\s*)?[\[(,]\s*(?:the\s+)?(?:vice[- ]?)?chair(?:man|woman|person)?\b", re.I
)
# ... or before it, as a label: 'Chair: Cllr Bell', 'Chairman – Cllr Bell'
_BEFORE = re.compile(r"\b(?:vice[- ]?)?chair(?:man|woman|person)?\s*[:–-]\s*$", re.I)


def chair_holder(sentence: str) -> Span | None:
    """The person the sentence prints the chair against ('Alan Smith (AS)[Chair] Katie Draper' → Alan
    Smith), or None when it prints none so."""
    people = [s for s in spans(sentence) if s.kind == "person"]
    return next(
        (p for p in people if _AFTER.match(sentence, p.end) or _BEFORE.search(sentence[: p.start])),
        None,
    )


def held_as_asked(found: Sequence[Candidate], question: str) -> list[Candidate]:
    """Of candidates for who holds the chair, none naming someone beside the holder its sentence marks (a
    list of those present marks its chair: 'Katie Draper', printed after, is not), and none of a sentence
    marking as chair someone the question itself names ('the new Chair after Alan Smith resigned' is not
    Alan Smith)."""
    kept = []
    for candidate in found:
        holder = chair_holder(candidate.text)
        if holder is None:
            kept.append(candidate)
        elif _surname(holder.text).lower() in question.lower():
            continue
        elif candidate.span is None or candidate.span.kind != "person" or candidate.span.text == holder.text:
            kept.append(candidate)
    return kept


def _surname(name: str) -> str:
    return name.split()[-1]
