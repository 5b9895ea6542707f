"""Table rows of the thing the question names, across the passages a table is cut into."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from qa.bodies import named_bodies, named_places
from qa.candidate import Candidate
from qa.query import MONTHS, proper_words
from qa.stopwords import STOPWORDS
from qa.totals import asks_total
from qa.units import is_row, label_of

# a house's number with its street ('30 West End'): what tells one address's row from its neighbours'
# ('10 July 2019' is a day, not an address)
_NUMBERED = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?(?!\s+(?i:{MONTHS}|sept?|jan|feb|mar|apr|jun|jul|aug|oct|nov|dec)\b)(?:\s+[A-Z][\w'’-]+)+"
)
_COUNCIL = re.compile(r"\bCouncil$", re.I)  # a council's name names its papers; a committee's may name a row


@lru_cache(maxsize=1 << 12)  # a sentence's span candidates share its text: told once
def a_row(shown: str) -> bool:
    """Whether a candidate is a table's row, which a unit prints with its cells joined by '; '
    (corpus/units.py): every cell labelled."""
    return is_row(shown.replace("; ", "\n"))


def named_rows(found: Sequence[Candidate], question: str) -> list[Candidate]:
    """The candidates less the table rows that do not hold the names telling the question's row apart: asked
    when 'the ICO fee' was paid, the cash sheet's '12-Mar ICO fee' row, not the caretaker's row in the
    chunk before it. A name, printed as the question prints it with the word after it (_as_printed), tells
    rows apart when some rows hold it and others do not; the rows holding most such names are kept ('the
    Citizen Equity Committee' row asked who chairs it, not any row with a 'Chairperson'). The names of a
    row's own paper (its council, body, title), the councils the question names and the place it names as
    an owner ('Menlo Park's') name the paper, not a row (qa/units.focus_named does the same inside one
    passage). Candidates that are not rows are kept, and all are when a total is asked."""
    rows = [c for c in found if _row_of(c)]
    if len(rows) < 2 or asks_total(question):  # a column's total is in the totals row, which names no item
        return list(found)
    # a council's name ('Burton-cum-Walden Parish Council') names the paper, not a row ('Parish Caretaker')
    bodies = " ".join(b for b in named_bodies(" ".join(question.split())) if _COUNCIL.search(b)).split()
    bodies += " ".join(named_places(question)).split()  # so does its owner's place: "Menlo Park's budget"
    named = [_as_printed(w, question) for w in proper_words(question) if w not in bodies]
    named += [m.group() for m in _NUMBERED.finditer(question)]
    # 'West End' inside '30 West End' is no name of its own: Bramble Hedge House, West End is another row
    named = [n for n in named if _alone(n, named, question)]
    # a column's label ('PAYE: 219.40') names the column asked of, in every row that fills it, not a row
    named = [w for w in named if not any(_labels(c, w) for c in rows)]
    if not named:
        return list(found)
    holding = {word: {id(c) for c in rows if _names(c, word)} for word in named}
    telling = [word for word, held in holding.items() if 0 < len(held) < len(rows)]
    if not telling:
        return list(found)
    told = {id(c): _count([w for w in telling if id(c) in holding[w]], question) for c in rows}
    most = max(told.values())
    # of rows naming it as often, one keyed by it ('Position: Speaker') is its own, not one naming it in
    # another cell ('Boards and Commissions: City Council Benefits Board; Vacancy: The Speaker')
    # (one thing asked: of 'Speaker and Deputy Speaker' each row is one's)
    keyed = {id(c) for c in rows if told[id(c)] == most and len(telling) == 1 and _keyed_by(c, telling[0])}
    return [
        c
        for c in found
        if told.get(id(c), most) == most and (not keyed or id(c) in keyed or id(c) not in told)
    ]


def _keyed_by(candidate: Candidate, name: str) -> bool:
    """Whether the row's first cell is the name, perhaps after 'The' ('Position: Speaker') and before a
    bracketed qualifier ('Item: HouseKeys Inc. (2/1/21-6/30/21)')."""
    cells = _cells(candidate)
    return bool(cells) and bool(
        re.fullmatch(rf"(?:the\s+)?{_pattern(name)}(?:\W*\([^)]*\))?", cells[0][1].strip(" ."), re.I)
    )


def _alone(name: str, names: list[str], question: str) -> bool:
    """Whether the question prints the name somewhere outside every longer name holding it ('Speaker' in
    'appointed Speaker and Deputy Speaker'), not only inside one ('West End' of '30 West End')."""
    inside = [
        m.span()
        for other in names
        if other != name and re.search(_pattern(name), other)
        for m in re.finditer(_pattern(other), question)
    ]
    spans = (m.span() for m in re.finditer(_pattern(name), question))
    return any(not any(a <= start and end <= b for a, b in inside) for start, end in spans)


def _count(names: list[str], question: str) -> int:
    """How many names a row holds, a name inside another it holds not counted apart: 'Speaker' in its
    'Deputy Speaker' is one name, so the Speaker's row ties with the Deputy Speaker's when both are asked.
    Names the question prints overlapping are one name too: 'Menlo Park' and 'Park BMR' of 'Menlo Park
    BMR' count once, against a row naming 'Katarina Marusic'."""
    whole = [n for n in names if not any(n != m and re.search(_pattern(n), m) for m in names)]
    return len(whole) - sum(_overlap(a, b, question) for a, b in zip(whole, whole[1:], strict=False))


def _overlap(first: str, second: str, question: str) -> bool:
    """Whether the question prints the two names as one run, the first's last word the second's first."""
    return first.split()[-1] == second.split()[0] and bool(
        re.search(_pattern(f"{first} {' '.join(second.split()[1:])}"), question)
    )


def _as_printed(word: str, question: str) -> str:
    """The name with the word the question prints after it, unless a small word: 'ICO fee' (a row's
    '12-Mar ICO fee'), 'Burton cum' (not the 'West Burton Village Hall' row of Burton cum Walden's sheet);
    a word alone ends the question or a clause."""
    after = re.search(rf"\b{re.escape(word)}\b(?:['’]s)?\s+([A-Za-z][\w-]*)", question)
    return f"{word} {after[1]}" if after and after[1].lower() not in STOPWORDS else word


def _cells(candidate: Candidate) -> list[tuple[str, str]]:
    """The row's cells as (label, value): a unit prints them 'Label: value; Label: value'."""
    return _cells_of(_row_of(candidate))


@lru_cache(maxsize=1 << 12)  # a row's sentence and its spans share its text
def _cells_of(row: str) -> list[tuple[str, str]]:
    return [(label, value) for label, _, value in (cell.partition(": ") for cell in row.split("; "))]


@lru_cache(maxsize=1 << 12)
def _row_of(candidate: Candidate) -> str:
    """The row a candidate is or stands in, its cells joined by '; ': a cell of a row ('What will you do
    to support The Pledge?: … a £10 WH Smiths voucher …') is of the row's thing, which another cell of it
    may name ('100 Day Challenge'); '' for a sentence of prose."""
    if a_row(candidate.shown):
        return candidate.shown
    if not candidate.label:
        return ""
    label = f"{candidate.label}:"
    return next(
        (
            row
            for block, row in _form_rows(candidate.passage.text)
            if candidate.text in block and label in block
        ),
        "",
    )


@lru_cache(maxsize=1 << 10)  # asked of every cell of a passage
def _form_rows(text: str) -> tuple[tuple[str, str], ...]:
    """The passage's blocks whose every line is a labelled cell, each with its cells joined by '; ' (a
    form's row under questions, 'When will you do this?: …', is a row here too)."""
    found = []
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) >= 2 and all(label_of(line)[0] for line in lines):
            found.append((block, "; ".join(lines)))
    return tuple(found)


def _labels(candidate: Candidate, word: str) -> bool:
    return _labels_hold(_row_of(candidate), word)


@lru_cache(maxsize=1 << 14)  # asked for each name the question gives, of every row
def _labels_hold(row: str, word: str) -> bool:
    labels = " ".join(label for label, _ in _cells_of(row))
    return bool(re.search(_pattern(word), labels, re.I))


def _pattern(word: str) -> str:
    """The name as a row may print it, a comma or a full stop after any of its words ('HouseKeys, Inc' of
    the question's 'HouseKeys Inc.')."""
    return r"\b" + r"[,.]?\s+".join(map(re.escape, word.split())) + r"\b"


def _names(candidate: Candidate, word: str) -> bool:
    """A cell of the row holds the word in its value, and its paper's own names do not: a column's label
    ('VAT: 449.47') is in every row that fills the column, and names no row."""
    passage = candidate.passage
    return _values_hold(
        _row_of(candidate), f"{passage.council or ''} {passage.body or ''} {passage.title or ''}", word
    )


@lru_cache(maxsize=1 << 14)  # asked for each name the question gives, of every row
def _values_hold(row: str, own: str, word: str) -> bool:
    pattern = _pattern(word)
    values = "\n".join(value for _, value in _cells_of(row))
    return bool(re.search(pattern, values, re.I)) and not re.search(pattern, own, re.I)
