"""What a question calls the motion it asks of by what the motion does ('the motion to adjourn')."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from corpus.dates import find_dates
from qa.candidate import Candidate, stem_set, stems_of

# 'the motion to adjourn …', 'the resolution approving the Township's …', 'the motion on school funding'
_NAMED_BY_ACT = re.compile(
    r"(?i)\b(?:motion|resolution|amendment|proposal)\s+(?:to|for|on|approving|adopting|about|regarding)\s+"
    r"([^?]{1,80})"
)
# Verbs any motion may be put with, whatever it is about: 'the motion to approve the minutes' names the
# minutes, and a motion 'That the minutes … be adopted' is that one; a council's or committee's name is
# the paper's.
_ANY_MOTION = frozenset(
    stems_of(
        "approve approving approval adopt adopting adoption accept receive note recommend recommending"
        " resolve authorize authorise endorse confirm agree support move put pass carry refer"
        # ... and the bodies any may be put to, which name no act
        " council city town township county borough district parish committee board commission cabinet"
    )
)


_MEETING = re.compile(r"(?i)\b(?:[\w'’-]+\s+)?(?:meeting|session|sitting)\b")
_ACT_WORDS = 6  # words of what the motion does: 'lower the council pay benchmark from the 55th to the 50th'
_SHARED = 2  # of them a motion must print, where it does not print the first ('changing the 55th percentile')


@lru_cache(maxsize=1 << 8)  # asked once per candidate's council and body, for one question
def act_asked(question: str, own: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Stems of the first _ACT_WORDS words saying what the asked motion does or is about ('adjourn', …
    of 'Who seconded the motion to adjourn Winnipeg City Council's meeting?'), less verbs any motion is put
    with, dates and the words in `own` (stems of the paper's council and body, which name every motion in
    it); () where the question names its motion otherwise."""
    named = _NAMED_BY_ACT.search(question)
    if not named:
        return ()
    words = stems_of(_undated(named.group(1)))
    # a figure alone may be a day's or a count's; an ordinal ('55th') names the thing moved
    return tuple(s for s in words if s not in _ANY_MOTION | own and not s.isdigit())[:_ACT_WORDS]


def _undated(text: str) -> str:
    """The text with its dates and its meeting blanked: 'November 6, 2013' and 'organizational meeting'
    name the meeting, not what was moved."""
    for found in reversed(find_dates(text)):
        text = text[: found.start] + " " * (found.end - found.start) + text[found.end :]
    return _MEETING.sub(" ", text)


def does_act(motion_words: str, act: tuple[str, ...]) -> bool:
    """Whether a motion's words (its text, item title) hold the act asked: its first word, or _SHARED of
    its words where the question words it otherwise ('lower … from the 55th to the 50th percentile' of
    'That Clause 1 be amended by changing the 55th percentile to the 50th percentile'); True where none is
    asked."""
    if not act:
        return True
    held = stem_set(motion_words)
    return act[0] in held or len(set(act) & held) >= _SHARED


_FIND_WORDS = 6  # a candidate's opening words, found in its passage: units keep words, not line breaks
_MOVED_BEFORE = 1200  # characters back to the mover's line: a motion's conditions may run to a page
_AROUND = 300  # characters either side of a mover's or seconder's line where its motion's words are printed


def acting(found: Sequence[Candidate], question: str) -> list[Candidate]:
    """Of the candidates naming a mover or seconder, those printed beside the motion the question names by
    what it does (`act_asked`): 'Moved by Councillor Nordman, Seconded by Councillor Steen, WHEREAS …' is
    no seconder of 'the motion to adjourn'. All of them where the question names its motion otherwise."""
    kept = []
    for c in found:
        own = frozenset(stems_of(f"{c.passage.council or ''} {c.passage.body or ''}"))
        if does_act(f"{c.lead} {_around(c)}", act_asked(question, own)):
            kept.append(c)
    return kept


def _around(candidate: Candidate) -> str:
    """The candidate with the text printed up to _AROUND characters either side of it in its passage."""
    return f"{candidate.shown} {_printed(candidate, _AROUND, _AROUND)}"


def _printed(candidate: Candidate, before: int, after: int) -> str:
    """The passage's text from `before` characters before the candidate to `after` characters past it;
    '' where the passage does not print it."""
    at = candidate.printed_at(_FIND_WORDS)
    if not at:
        return ""
    return candidate.passage.text[
        max(0, at[0] - before) : at[0] + (len(candidate.text) + after if after else 0)
    ]


_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr|Commissioner|Trustee|Alderman|Alderperson|Mayor)\.?\s+)?"
# 'who seconded Mr. Kelley's motion', 'the motion moved by Councillor Kovach'
_MOVER_NAMED = re.compile(
    rf"\b{_TITLE}([A-Z][\w'’-]+)['’]s\s+(?:\w+\s+)?motion\b|\bmotion\s+(?:moved\s+)?by\s+{_TITLE}([A-Z][\w'’-]+)"
)


def mover_asked(question: str) -> str | None:
    """The surname of the mover a question names its motion by ('Kelley' of 'Who seconded Mr. Kelley's
    motion to approve?'), or None."""
    named = _MOVER_NAMED.search(question)
    return next((g for g in named.groups() if g), None) if named else None


def seconding(found: Sequence[Candidate], mover: str) -> list[Candidate]:
    """The seconders' sentences whose motion, the last one moved before them, the named mover moved ('Mr.
    Kelley moved to APPROVE. … Mr. Rosenbaum seconded the motion which carried 7-0.'), however far its
    conditions run; not the seconder of the next case's motion, moved by another."""
    named = re.compile(rf"\b{re.escape(mover)}\b")
    kept = []
    for c in found:
        own = re.split(r"(?i)\bsecond", c.text, maxsplit=1)[0]  # 'Mr. Kelley moved, seconded by …'
        moves = list(_MOVED.finditer(f"{c.lead} {_printed(c, _MOVED_BEFORE, 0)} {own}"))
        if moves and named.search(moves[-1].group()):
            kept.append(c)
    return kept


# a mover's clause: 'Mr. Kelley moved', 'Moved by Councillor Kovach'
_MOVED = re.compile(
    rf"\b{_TITLE}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+moved\b|\b[Mm]oved\s+by\s+{_TITLE}[A-Z][\w'’-]+"
)
