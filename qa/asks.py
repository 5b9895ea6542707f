"""The several things one written request asks ('(a) how many … (b) where …'), each put as a question."""

from __future__ import annotations

import re
from functools import lru_cache

# A part's letter or number: '(a)', 'b)', '(iv)', '(2)'; a letter past h is seldom a part.
PART = r"(?:[a-h]|i{1,3}|iv|vi{0,3}|[1-9])"
_MARK = re.compile(rf"(?:^|(?<=[\s:;,.|(]))\(?\s?{PART}\s?\)\s*", re.I)  # '(a )' is OCR's
WH = r"(?:how\s+(?:many|much|long|often)|what|when|where|who|whom|which|why|whether)"
AUX = r"(?:can|could|is|are|was|were|does|did|do|has|have|had|will|would|should)"
# A question word opens an ask after a comma, a semicolon or 'and' ('…, how many horses have been seized,
# and how many …'); an auxiliary only after 'and' or a semicolon ('… and can all of these figures be …'),
# since after a comma it ends a clause ('… Pledge, written in 2012, have?'). 'if' opens one too ('and if
# any request has come …'), and so does 'if so, what …', which hangs on the part before; 'if any' none.
_CLAUSE = re.compile(
    rf"(?:(?<!\bif so)(?<!\bif not)[,;]\s*(?:and\s+)?|\s+and\s+(?:,\s*)?)"
    rf"(?={WH}\b|if\b(?!\s*(?:any|necessary|required|possible)\b))"
    rf"|(?:;\s*|\s+and\s+)(?={AUX}\b)",
    re.I,
)
# A relative clause set off by a comma says more of the thing before it and asks nothing ('… Committee on
# 26 January 2016, where the new Pledge was launched, start?', '… the meeting, which was held on …'):
# 'where' or 'when' before its subject (a question puts its verb first: 'where was it held'), 'which'
# before its verb, or before a verb and its object; 'who' after a name, before its verb.
_RELATIVE = re.compile(
    rf",(?=\s*(?:(?:where|when)\s+(?!{AUX}\b)|which\s+{AUX}\b"
    # 'which' or 'who' before a verb and its object: '…, which considers the report …, be held?'
    r"|(?:which|who)\s+[a-z]+(?:s|ed)\s+(?:the|a|an|it|its|their|this|that|these|those)\b))",
    re.I,
)
# 'who' after a person's name or title, before its verb: '… for Alec Atienza, who presented the project …?',
# '… Parish Caretaker, who was paid several times …?' (a passive's participle, not a question's subject)
_RELATIVE_WHO = re.compile(
    rf"(\b(?-i:[A-Z])[a-z'’-]+),(?=\s*who\s+(?:(?!{AUX}\b)[a-z]+"
    rf"|(?:is|are|was|were|has been|had been|have been)\s+(?:[a-z]+ed|[a-z]+en|paid|made|held|sent|told)\b))",
    re.I,
)
# 'if so, what was the total cost': a part that hangs on the one before (qa/partanswers.py reads it only
# when that one is answered)
_HANGS = re.compile(r"^\W*if\s+(?:so|not)\b,?\s*", re.I)
# an ask may open with when or where it is of ('(a) In 2014, how much …', 'From June 2004 to date how many …')
_ASKING = re.compile(
    rf"^\s*(?:(?:in|from|during|since|over|to\s+date)\b(?:\s+[^\s,?]+){{0,5}},?\s+)?(?:{WH}|{AUX}|if)\b",
    re.I,
)
# A part put as what is wanted ('the cost of a burial space', 'The total number of graves sold'): it asks
# what that is.
_WANTED = re.compile(r"^\s*(?:the|a|an|any|details?|full details)\b", re.I)
# A condition opening the request ('If Cabinet approved the approach, when …?') is what the ask after it
# hangs on, no ask of its own.
_CONDITION = re.compile(r"^\s*(?:if|assuming|supposing|provided)\b(?!\s+(?:so|not)\b)", re.I)
_LEAST_WORDS = 3  # a part shorter than this is a name in a list ('(b) Athea'), not an ask
_MOST_WORDS = 80  # longer, a 'question' has run on into the minutes' text; only lettered parts split it


@lru_cache(maxsize=1 << 8)
def asks(question: str) -> tuple[str, ...]:
    """Each thing a request of several parts asks, as a question: '(a) how many vacant houses are there
    (b) where are these houses' → ('How many vacant houses are there?', 'Where are these houses?');
    '… how much has been spent …, how many horses have been seized, …' likewise. () when it asks one
    thing, or lists names for one ask ('when will bollards be put in place at (a) Lynch's Corner and (b)
    …'): the question is then read whole."""
    text = " ".join(question.split())
    marked = [p for p in _MARK.split(text)[1:] if p.strip()]
    if len(marked) >= 2:
        pieces = marked
    elif len(text.split()) <= _MOST_WORDS:
        plain = _RELATIVE_WHO.sub(r"\1", _RELATIVE.sub("", text))
        pieces = [p for p in _CLAUSE.split(plain) if p and p.strip()]
        if len(pieces) >= 2 and _CONDITION.match(pieces[0]):  # 'If Cabinet approved it, when …?' asks once
            pieces = [f"{pieces[0]}, {pieces[1]}", *pieces[2:]]
    else:
        return ()
    found = [_asked(p) for p in pieces]
    found = [q for q in found if q]
    return tuple(found) if len(found) >= 2 else ()


def _asked(piece: str) -> str:
    """A piece as a question, or '' when it asks nothing of its own."""
    piece = re.sub(r"^\s*(?:and|or|also)\s+", "", piece.strip(" ,;.?|"), flags=re.I)
    if hangs := _HANGS.match(piece):  # 'if so, what was the total cost' keeps its 'If so, '
        asked = _asked(piece[hangs.end() :])
        return (
            f"{piece[: hangs.end()].strip(' ,').capitalize()}, {asked[0].lower()}{asked[1:]}" if asked else ""
        )
    piece = re.sub(r"[\s,;]+(?:and|or)$", "", piece, flags=re.I)
    if len(piece.split()) < _LEAST_WORDS:
        return ""
    if _WANTED.match(piece) and not _ASKING.match(piece):
        piece = f"what is {piece[0].lower()}{piece[1:]}"
    elif not _ASKING.match(piece):
        return ""
    return piece[0].upper() + piece[1:] + "?"


def hangs(part: str) -> bool:
    """Whether a part is asked only 'if so' or 'if not' of the part before ('If so, what was the total
    cost?'): it is read only when that part is answered."""
    return bool(_HANGS.match(part))
