"""Votes as minutes print them: counts ('For: 7 Against: 2', 'carried 7–2') and roll calls."""

# Votes as minutes print them: 'For: 7 Against: 2 Abstain: 1', 'carried 7–2', 'Yeas 13, Nays 3', and roll
# calls that name each side ('VOTING IN FAVOUR: Mayor X, Councillors Y and Z (13)').

from __future__ import annotations

import re

from corpus.records import Vote
from corpus.recordtext import RecordText

_FOR = r"voting\s+in\s+favou?r|in\s+favou?r|ayes?|yeas?|for"
_AGAINST = r"voting\s+against|against|noes|nays?|opposed"
_ABSTAIN = r"abstain(?:ed|ing|ers)?|abstentions?"
_COUNTS = re.compile(
    rf"(?i)\b(?:{_FOR})\s*[:\-]?\s*(?P<f>\d{{1,3}})\b[,;]?\s*(?:{_AGAINST})\s*[:\-]?\s*(?P<a>\d{{1,3}})\b"
    rf"(?:[,;]?\s*(?:{_ABSTAIN})\s*[:\-]?\s*(?P<x>\d{{1,3}})\b)?"
)
_SCORE = re.compile(
    r"(?i)\b(?:carried|lost|defeated|passed|failed)\s*\(?(?P<f>\d{1,2})\s*[-–—:]\s*(?P<a>\d{1,2})\b"
    r"(?:\s*[-–—]\s*(?P<x>\d{1,2})\b)?\)?"  # a third count abstains: 'carried 4-0-1', '9-0-1-1' (then absent)
)
_SIDE = {"for": _FOR, "against": _AGAINST, "abstain": _ABSTAIN}
# where one side's names end: the next side's label, or the outcome printed on the same line
_NEXT_SIDE = re.compile(
    rf"(?i)\b(?:{_AGAINST}|{_ABSTAIN})\s*:|\s(?:CARRIED|LOST|DEFEATED|Carried|Lost|Defeated)\b"
)
_OF_WHAT = r"(?:[ \t]+the[ \t]+(?:amendment|motion|proposal|resolution))?"  # 'For the Amendment'
_COUNT_AT_END = re.compile(r"\((?P<n>\d{1,3})\)\s*$")
_LEADING_TITLES = re.compile(r"(?i)^(?:his|her)?\s*(?:worship,?\s*)?(?:councillors?|cllrs?\.?|mayor)\s+")


def read_vote(text: RecordText, start: int, end: int) -> Vote | None:
    """The vote printed between two offsets of `text`, or None where none is printed."""
    region = text.text[start:end]
    m = _COUNTS.search(region) or _SCORE.search(region)
    roll = _roll_call(text, region, start)
    if m:
        abstain = m.groupdict().get("x")
        # a recorded vote names each side, then the clerk reads its count ('Yeas 13, Nays 3'): both kept
        ayes, noes = (roll.ayes, roll.noes) if roll else ((), ())
        return Vote(
            int(m.group("f")),
            int(m.group("a")),
            int(abstain) if abstain else None,
            ayes,
            noes,
            where=text.where(start + m.start()),
        )
    return roll


def _roll_call(text: RecordText, region: str, offset: int) -> Vote | None:
    sides: dict[str, tuple[int | None, tuple[str, ...], int]] = {}
    for side, label in _SIDE.items():
        pattern = re.compile(
            rf"(?im)(?:^|(?<=[.;)])[ \t]+)[ \t*]*(?:{label}){_OF_WHAT}[ \t*]*(?::|$)[ \t*]*(?P<rest>[^\n]*)"
        )
        m = pattern.search(region)
        if m is None:
            continue
        rest = _NEXT_SIDE.split(m.group("rest"), maxsplit=1)[0].strip(" *")
        if not rest:
            rest = region[m.end() :].lstrip("\n").split("\n\n", 1)[0].strip(" *")
        sides[side] = (*_names_and_count(rest), m.start())
    if "for" not in sides or "against" not in sides:
        return None
    (nf, ayes, at), (na, noes, _) = sides["for"], sides["against"]
    abstain = sides.get("abstain", (None, (), 0))[0]
    return Vote(nf, na, abstain, ayes, noes, text.where(offset + at))


def _names_and_count(rest: str) -> tuple[int | None, tuple[str, ...]]:
    """'Mayor X, Councillors Y and Z (3)' -> (3, ('Mayor X', 'Y', 'Z')); a bare count is a count."""
    count_match = _COUNT_AT_END.search(rest)
    listed = _COUNT_AT_END.sub("", rest).strip(" .")
    if listed.isdigit():
        return int(listed), ()
    parts = re.split(r",\s*|\s+and\s+", listed)
    names = tuple(n for p in parts if (n := _LEADING_TITLES.sub("", p.strip(" .,"))))
    count = int(count_match.group("n")) if count_match else (len(names) if names else None)
    return count, names
