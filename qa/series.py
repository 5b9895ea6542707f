"""A numbered series a paper sets out ('Priority 1 – Early help' … 'Priority 10 – …'), listed when asked."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corpus.sentences import split_sentences
from index.passage import Passage
from qa.bodies import of_named_council
from qa.facts import clip
from qa.query import TimeTarget

# Nouns a paper numbers its series by, plural as a question asks for all of them.
_NOUNS = r"priorities|pledges|objectives|commitments|actions|aims|themes|outcomes|goals|principles|ambitions"
# 'What are the ten priorities …?', 'List the plan's priority commitments', 'Name its objectives': all of a
# series, not one of it ('Priority 3') nor how many there are (qa/tally.py counts).
_ASKS_ALL = re.compile(
    rf"^\W*(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:list|name|give|set\s+out|what\s+(?:are|were)"
    rf"|which\s+(?:are|were))\b[^?]{{0,60}}?\b(?:priority\s+)?({_NOUNS})\b",
    re.I,
)
_ONE = re.compile(r"\b(?:priority|pledge|objective|commitment|action|aim|theme|outcome|goal)\s+\d", re.I)
_LEAST = 3  # items a series has at least: two numbered headings may be a coincidence
_COVERED = 0.75  # share of the numbers from its first to its last a series shows: gaps are other lists
_GAP = 2  # numbers a series may skip between two items it prints (one missing from the pages read)
_TITLE_WORDS = 12  # an item's words shown: a pledge's title runs on into what it promises


def asked_series(question: str) -> str | None:
    """The singular noun of the numbered series the question asks to list ('priority' for 'Can you list
    the ten priority commitments …?', whose series is numbered 'Priority N'), or None."""
    if _ONE.search(question) or not (m := _ASKS_ALL.search(question)):
        return None
    if re.search(r"\bpriority\s+\w+$", m.group(0), re.I):
        return "priority"  # 'priority commitments' are numbered as priorities
    noun = m.group(1).lower()
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]


def _items(noun: str, passages: Sequence[Passage]) -> dict[int, tuple[str, Passage]]:
    """The first title printed for each number of the series in the passages: 'Priority 2 – Targeted help'
    on a line of its own, or as the passage's heading."""
    line = re.compile(
        rf"^(?:[^:\n]{{1,40}}:[ \t]*)?\W*{noun}\s+(\d{{1,3}})\s*[-–—:.)]\s*(\S[^\n]*)$", re.I | re.M
    )
    found: dict[int, tuple[str, Passage]] = {}
    for passage in passages:
        for m in line.finditer(f"{passage.heading or ''}\n{passage.text}"):
            found.setdefault(int(m.group(1)), (_title(m.group(2)), passage))
    return found


def _run(found: dict[int, tuple[str, Passage]]) -> dict[int, tuple[str, Passage]]:
    """The longest run of the numbers with gaps of at most _GAP: 'Pledge 7' cited in passing is not
    one of Pledges 40 to 49."""
    runs: list[list[int]] = []
    for n in sorted(found):
        if runs and n - runs[-1][-1] <= _GAP:
            runs[-1].append(n)
        else:
            runs.append([n])
    best = max(runs, key=len, default=[])
    return {n: found[n] for n in best}


def _title(text: str) -> str:
    """An item's title: its first sentence, clipped ('We will support care leavers up to 25 …')."""
    sentences = split_sentences(text)
    return clip((sentences[0] if sentences else text).strip(" .;"), _TITLE_WORDS)


def series(
    question: str,
    passages: Sequence[Passage],
    paper_of: Callable[[int], list[Passage]],
    when: TimeTarget | None = None,
) -> tuple[str, list[Passage]] | None:
    """The series asked for, from the paper of the first-ranked of `passages` (of those dated `when`, the
    question's time, first) that prints one of its
    items: 'Priority 1 – Early help [1]; Priority 2 – Targeted help [2]; …', each cited to the passage
    printing it, and those passages in citation order.
    None when nothing is asked to be listed, or no paper prints a series of it (at least _LEAST items,
    _COVERED of the numbers from its first to its last)."""
    noun = asked_series(question)
    if not noun:
        return None
    passages = of_named_council(question, passages, lambda p: p)  # Derby's, not Plymouth's
    # the paper of the time the question asks of ('in the February 2020 update'), where one is retrieved
    timed = [p for p in passages if when and p.date and when.start <= p.date <= when.end]
    first = next((p for p in [*timed, *passages] if _items(noun, [p])), None)
    found = _run(_items(noun, paper_of(first.chunk_id))) if first else {}
    if len(found) < _LEAST or len(found) < _COVERED * (max(found) - min(found) + 1):
        return None
    used = list(dict.fromkeys(found[n][1] for n in sorted(found)))
    cited = {p.chunk_id: i for i, p in enumerate(used, 1)}
    label = noun.capitalize()
    text = "; ".join(f"{label} {n} – {found[n][0]} [{cited[found[n][1].chunk_id]}]" for n in sorted(found))
    return text, used
