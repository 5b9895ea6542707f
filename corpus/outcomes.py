"""Outcomes as minutes state them: carried, lost, withdrawn, deferred, noted, referred."""

# What became of a motion, as minutes state it ('CARRIED', 'the amendment fell', 'The Mayor declared the
# proposal carried', 'it was agreed to defer ...'), mapped to corpus.records.OUTCOMES.

from __future__ import annotations

import re

_OUTCOMES = (
    re.compile(
        r"(?m)^[ \t*]*(?P<o>CARRIED|Carried|LOST|Lost|DEFEATED|Defeated|WITHDRAWN|Withdrawn|DEFERRED"
        r"|Deferred|FELL|Fell|FAILED|Failed|NOTED|Noted)\b"
    ),
    re.compile(
        r"(?<=[.:;?)”\"])[ \t]+(?P<o>Carried|CARRIED|Lost|LOST|Defeated|DEFEATED|Withdrawn|WITHDRAWN|"
        r"Deferred|DEFERRED|Agreed|AGREED)\b"
    ),
    re.compile(r"(?m)^[ \t*]*(?P<o>AGREED|Agreed)[ \t*.]*$"),  # 'Agreed.' on its own line
    # 'the amendment fell', 'Motion carried 5-0'
    re.compile(
        r"(?i)\b(?:motion|amendment|resolution|proposal)\s+(?:(?:then|therefore|accordingly)\s+)?"
        r"(?P<o>carried|fell|failed|passed|lost|defeated)\b(?!\s+(?:out|to|over))"
    ),
    re.compile(
        r"(?i)\b(?:motion|amendment|resolution|proposal|recommendation|it)\s+(?:is|was|were|has\s+been)\s+"
        r"(?:(?:duly|unanimously|accordingly|then|therefore)\s+)?(?P<o>carried|lost|defeated|withdrawn|"
        r"deferred|agreed|adopted|passed|approved|resolved|referred)\b"
    ),
    re.compile(r"(?i)\b(?P<o>carried|agreed|adopted|resolved)\s+unanimously\b"),
    # 'The Mayor declared the proposal to extinguish the right-of-way carried'
    re.compile(r"(?i)\bdeclared\s+(?:the\s+)?[^.;\n]{0,80}?\b(?P<o>carried|lost|defeated|passed)\b"),
    re.compile(r"(?i)\b(?:was|were)\s+(?P<o>lost|defeated|withdrawn|carried(?!\s+out))\b"),
    # 'Cllr X was re-elected as Chairman, proposed by Y and seconded by Z': an election carried
    re.compile(r"(?i)\b(?:was|were)\s+(?:duly\s+|unanimously\s+)?(?P<o>(?:re-?)?elected)\b"),
    # 'This was seconded by Councillor X and agreed.': the region starts after the name
    re.compile(r"(?i)\A[\s,]*and\s+(?P<o>agreed|carried|adopted|passed)\b"),
    re.compile(
        r"(?P<o>(?<!IT )(?<!FURTHER )\bRESOLVED\b|\bAnd\s+Agreed\s*:"
        r"|(?i:\band\s+resolved\b|\bit\s+was\s+(?:resolved|agreed)\b|"
        r"\b(?:members|council|councillors)\s+agreed\b))"
    ),
)
_AGREED_TO = re.compile(
    r"(?i)[\s:\-–]+(?:to\s+(?P<verb>refer|defer|note)|that\s+(?:the|this)\s+(?:\w+\s+){1,3}(?:be|is)\s+"
    r"(?P<done>referred|deferred|noted|adjourned))\b"
)
_OUTCOME_OF = {
    "carried": "carried",
    "agreed": "carried",
    "adopted": "carried",
    "passed": "carried",
    "approved": "carried",
    "resolved": "carried",
    "lost": "lost",
    "defeated": "lost",
    "fell": "lost",
    "failed": "lost",
    "withdrawn": "withdrawn",
    "deferred": "deferred",
    "noted": "noted",
    "referred": "referred",
    "adjourned": "deferred",  # 'that this item be adjourned to a Special Meeting': put off, as deferred
    "refer": "referred",
    "defer": "deferred",
    "note": "noted",
}


def first_outcome(region: str, offset: int) -> tuple[str, int] | None:
    """The first stated outcome in `region` as (outcome, offset in the whole text)."""
    found = [m for p in _OUTCOMES if (m := p.search(region))]
    if not found:
        return None
    m = min(found, key=lambda m: m.start("o"))
    word = m.group("o").lower().split()[-1]
    outcome = _OUTCOME_OF.get(word, "carried")
    # 'it was agreed to refer this Motion to ...': agreed, and what was agreed is the outcome
    then = _AGREED_TO.match(region, m.end("o"))
    if outcome == "carried" and then:
        outcome = _OUTCOME_OF[(then.group("verb") or then.group("done")).lower()]
    return outcome, offset + m.start("o")


# Printed outcomes reading after 'the motion was' that differ from the record's word ('fell' reads not so)
_SAID_AFTER_WAS = frozenset({"defeated", "agreed"})


def printed_outcome(region: str, outcome: str) -> str | None:
    """The word the minutes print for the first outcome stated in `region`, lower-cased, where it states
    `outcome` in another word that reads after 'the motion was' ('defeated' where the record says 'lost');
    None otherwise."""
    found = [m for p in _OUTCOMES[:2] if (m := p.search(region))]
    if not found:
        return None
    word = min(found, key=lambda m: m.start("o")).group("o").lower()
    return word if _OUTCOME_OF.get(word) == outcome and word in _SAID_AFTER_WAS else None


def resolved_as(body: str, m: re.Match) -> str:
    """'It was agreed to defer …', 'RESOLVED: that the item be deferred', '… was deferred': deferred;
    likewise referred and noted; else carried."""
    if "deferred" in m.group(0).lower():
        return "deferred"
    then = _AGREED_TO.match(body, m.end())
    return _OUTCOME_OF[(then.group("verb") or then.group("done")).lower()] if then else "carried"
