"""Acts a question asks of: a vote's tally, a member's act in it, the day a thing expires or begins."""

from __future__ import annotations

import re

from qa.candidate import Candidate
from qa.spans import spans

# 'What was the Planning Commission's vote on …?', 'How did the committee vote on …?': a recital naming the
# hearing ('WHEREAS, on July 14, 2021, the Planning Commission … reviewed …') tells no vote.
_VOTE_ASKED = re.compile(r"\b(?:vote|votes|voted|voting|tally)\b", re.I)
_VOTED = re.compile(
    r"\b\d{1,2}-\d{1,2}(?:-\d{1,2}){0,2}\b|\bvot(?:e|es|ed|ing)\b|\bunanimous(?:ly)?\b|\bin favou?r\b"
    r"|\b(?:yeas?|ayes?|nays?|noes|abstain\w*)\b|\bcarried\b|\bdefeated\b",
    re.I,
)
# A draft resolution's vote left to fill in: 'ADOPTED this day of , , by the following vote:', 'AYES;
# NOES; ABSENT; DISQUALIFIED'.
_TALLY_LABEL = r"(?:AYES|NOES|NAYS|YEAS|ABSENT|ABSTAIN(?:ED|ING)?|DISQUALIFIED|RECUSED)"
_BLANK_TALLY = re.compile(
    rf"\b{_TALLY_LABEL}\W{{0,3}}{_TALLY_LABEL}\W{{0,3}}{_TALLY_LABEL}\b|\bday\s+of\s*[_\s]*,\s*[_\s]*,"
)
# A member's own act in a vote, asked of a person ('Which commissioner abstained …?', 'Who voted against
# …?'): told where a sentence says that act ('Commissioner Cantrell abstained', 'NOES: Smith'), not by
# any sentence of the vote or the matter.
_VOTE_ACT = re.compile(
    r"\b(?:who|which)\b[^?]{0,40}?\b(?:(?P<abstain>abstain\w*)|(?P<against>voted\s+(?:against|no)|dissent\w*"
    r"|opposed)|(?P<absent>(?:was|were)\s+absent)|(?P<recused>recus\w*|declared\s+an?\s+interest))\b",
    re.I,
)
_ACT_TOLD = {
    "abstain": re.compile(r"\babstain\w*|\babstention", re.I),
    "against": re.compile(r"\b(?:against|opposed|dissent\w*|no(?:es)?:|nays?\b)", re.I),
    "absent": re.compile(r"\babsent\b|\bapolog", re.I),
    "recused": re.compile(r"\brecus\w*|\binterest\b", re.I),
}
# The act whose day a date question asks ('On what date does the agreement expire?'): told where a sentence
# or a cell says that act ('… and expires 11:59 p.m. May 31, 2027', 'Year of Expiry: 2073'), not by the
# day the agreement was put before a meeting. Each act's word family as papers print it.
_ACTS = {
    "expire": r"\bexpir\w*",
    "terminate": r"\bterminat\w*",
    "lapse": r"\blaps\w*",
    "commence": r"\bcommenc\w*",
    "begin": r"\bbeg[iau]n\w*|\bcommenc\w*|\bstart\w*",
    "start": r"\bstart\w*|\bcommenc\w*|\bbeg[iau]n\w*",
    "approve": r"\bapprov\w*|\badopt\w*",
    "adopt": r"\badopt\w*|\bapprov\w*",
}
_DATE_ACT = re.compile(
    r"^\W*(?:when|on what (?:date|day)|what date|by what date|which date|in what year)\b[^?]{0,120}?"
    # 'When did Plymouth start waiving council tax?' asks when the waiving began, however it is told
    r"\b(?P<act>expire|terminate|lapse|commence|begin|start|approve|adopt)(?:s|d|ed)?\b(?!\s+(?:to\b|\w+ing\b))",
    re.I,
)


def telling_vote(found: list[Candidate], question: str) -> list[Candidate]:
    """Asked a vote ('How did the committee vote on …?'), the candidates telling one by its tally or its
    result, where any does; never a resolution's vote form left blank."""
    if not _VOTE_ASKED.search(question):
        return found
    found = [c for c in found if not _BLANK_TALLY.search(c.shown)]
    return [c for c in found if _VOTED.search(c.shown)] or found


def members_act(found: list[Candidate], question: str) -> list[Candidate]:
    """Asked who did an act in a vote ('Which commissioner abstained?'), the candidates saying that act,
    where any does; all of them when no such act is asked."""
    act = _VOTE_ACT.search(question)
    if not act:
        return found
    told = _ACT_TOLD[next(k for k, v in act.groupdict().items() if v)]
    return [c for c in found if told.search(c.shown)] or found


def acted_on_day(found: list[Candidate], question: str) -> list[Candidate]:
    """Asked the day of an act ('On what date does the agreement expire?'), the candidates whose text or
    cell label says that act ('Year of Expiry'), where any does; all of them when none is asked."""
    act = _date_act(question)
    if not act:
        return found
    told = re.compile(_ACTS[act], re.I)
    return [c for c in found if told.search(f"{c.label or ''} {c.shown}")] or found


def _date_act(question: str) -> str | None:
    """The act whose day the question asks ('expire'), as _ACTS keys it; None when it asks none."""
    act = _DATE_ACT.search(question)
    return act.group("act").lower() if act else None


# Only an ending is told so plainly: 'commenced', 'approved' date many things near a question's words
# ('Commenced: January 2019' is another action's; the first try lost four rows so).
_ENDINGS = frozenset({"expire", "terminate", "lapse"})
_ACT_TO_DAY = 5  # words from the act's word to its day ('expires 11:59 p.m. May 31, 2027')


def dated_act(found: list[Candidate], question: str) -> list[Candidate]:
    """Asked the day a thing ends (expires, terminates, lapses), the candidates printing a date within
    _ACT_TO_DAY words after that act's word ('… and expires 11:59 p.m. May 31, 2027'): they answer however
    they score. [] when none does, or another act is asked."""
    act = _date_act(question)
    if act not in _ENDINGS:
        return []
    told = re.compile(_ACTS[act], re.I)
    return [c for c in found if _dated_after(c.shown, told)]


def _dated_after(text: str, told: re.Pattern[str]) -> bool:
    """Whether a date stands within _ACT_TO_DAY words after a word of the act."""
    acts = [m.end() for m in told.finditer(text)]
    days = [s.start for s in spans(text) if s.kind == "date"]
    return any(0 <= len(text[a:d].split()) <= _ACT_TO_DAY for a in acts for d in days if d >= a)
