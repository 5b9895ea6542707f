"""Sentence boundaries in council prose, shared by chunking and answer composition."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# A sentence ends at . ! ? ; or : before a capital, digit, quote, bracket or bullet.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z0-9\"'“‘(•-])")
# A full stop that ends an abbreviation, not a sentence: a title before a name ('Mr. Smith', 'Cllr. Jones').
_TITLE = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Cllr|Coun|Prof|Rev|Revd|Sgt|Insp|Supt|Capt|Hon)\.$")
# A reference word before its number ('Min. 45/19', 'No. 3', 'para. 4.2', 'ext. 61200', 'Tel. 01752'):
# only a number follows it.
# A count's 'no.' in planning papers ('Construction of 1no. 5 bed house', '2No. dwellings'): its sentence
# runs on.
_COUNT_NO = re.compile(r"(?:^|\s)\d+\s?(?i:no)\.$")
_REFERENCE = re.compile(
    r"(?:^|[\s(])(?:No|Nos|Min|Mins|Cl|Para|para|approx|[Ee]xt|[Tt]el|[Rr]ef|[Vv]ol|[Ff]ig|[Ss]ec|pp?)\.$"
)
# A name's run of initials ('D.A. Davidson Co.', 'J.P. Morgan'); a country's ends a sentence as often.
_INITIALS = re.compile(r"(?:^|[\s(])(?!(?:U\.S|U\.K|E\.U|U\.N)\.)(?:[A-Z]\.){2,3}$")
# A saint's or a mount's name, not a street: after a line's start, a comma, a bracket or a lowercase word
# ('Councillor Swandel, St. Norbert, Deputy Mayor', 'the St. Vital Ward'); after a name or a number it
# may be a street's end ('123 Main St. The council …').
_SAINT = re.compile(r"(?:^|[,(]\s*|(?:^|\s)[a-z]+\s)(?:St|Ste|Mt)\.$")
# What a reference word may run on into: a number, or a code of capitals and digits ('No. OPW 50412').
_NUMBER_NEXT = re.compile(r"^(?:\d|[A-Z]{1,5}[\s/-]?\d)")
# A person's initial: after a title, another initial, a lowercase word, a line's start or a first name
# ('Moved by S. Foote', 'Cllr A. Smith', 'Hon. Judy A. Sgro'); never after a word that letters a part of
# a paper or a choice ('Appendix A.', 'Plan B.', 'Part I.'), where the sentence ends.
_LETTERED = (
    "Appendix|Appendices|Annex|Annexe|Attachment|Exhibit|Schedule|Part|Section|Chapter|Table|Figure|Plan"
    "|Option|Phase|Stage|Item|Zone|Area|Class|Grade|Type|Category|Group|Block|Level|Lot|Unit|Tier|Grant"
    "|Policy|Route|Site|Parcel|Building|Floor|Room|Ward|District|Division|Vitamin|Form|List"
)
_INITIAL = re.compile(
    # a motion's code before its mover ('R2023-211 S. Foote, S. Kirkey:')
    r"(?:^|(?:^|\s)(?:[a-z]\S*|[A-Z]\.|[A-Z]{1,4}\d{1,4}[-/]\d{1,5}|(?:Mr|Mrs|Ms|Dr|Cllr|Councillor|Mayor|Alderman)\.?"
    rf"|(?!(?:{_LETTERED})\b)[A-Z][a-z'’-]+),?\s)[A-Z]\.$"
)
# A compass point in a street address, after its house number ('1309 S. Mary Avenue', '175 N. Main St').
_COMPASS = re.compile(r"(?:^|\s)\d+[A-Za-z]?\s[NSEW]\.$")
_STREET = re.compile(
    r"^(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court"
    r"|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Terrace|Square)\b"
)
# A clock time runs on into its date ('12:01 a.m. June 5, 2024'); before anything else it may end one.
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.I)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_NEXT = re.compile(rf"^{_MONTH}\.?\s+\d")


# A list of days a semicolon parts ('accounts dated: October 27 and 28; November 8, 2023; totaling …'): a
# day after a day's semicolon, or after the colon of 'dated:', is the list's next entry, not a sentence.
_LISTED_DAY = re.compile(rf"(?:\d|\b{_MONTH});$|\b(?:dated|held|on|from|between|until):$")
_DAY_NEXT = re.compile(rf"^(?:{_MONTH}\.?\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b)")

_ASIDE_WORDS = 6


def split_sentences(line: str) -> list[str]:
    """The sentences of one line of text, stripped, empties dropped; never split after an abbreviation."""
    return merge_runs((s.strip() for s in _SENTENCE_END.split(line) if s.strip()), _continues)


def merge_runs(pieces: Iterable[str], runs_on: Callable[[str, str], bool]) -> list[str]:
    """The pieces in order, each that `runs_on(before, piece)` says continues the one before joined to
    it by a single space."""
    out: list[str] = []
    for piece in pieces:
        if out and runs_on(out[-1], piece):
            out[-1] = f"{out[-1].rstrip()} {piece.lstrip()}"
        else:
            out.append(piece)
    return out


def _continues(previous: str, piece: str) -> bool:
    """Whether the split before `piece` fell after an abbreviation, so the sentence runs on."""
    if any(p.search(previous) for p in (_TITLE, _INITIAL, _INITIALS, _SAINT, _COUNT_NO)):
        return True
    if previous.endswith((":", ";")) and previous.count("(") > previous.count(")"):
        return True  # a colon inside a bracket ends no sentence: '(First reading: 6-1)'
    if (
        piece.startswith("(")
        and (piece.endswith(")") or ")" not in piece)
        and len(piece.split()) <= _ASIDE_WORDS
    ):
        return (
            True  # a short aside in brackets after a sentence is said of it: '… waived. (First reading: 6-1)'
        )

    if _LISTED_DAY.search(previous) and _DAY_NEXT.match(piece):
        return True
    if _COMPASS.search(previous):
        return bool(_STREET.match(piece))
    if _REFERENCE.search(previous):
        return bool(_NUMBER_NEXT.match(piece))
    return bool(_CLOCK_END.search(previous) and _DATE_NEXT.match(piece))
