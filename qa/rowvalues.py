"""Table rows a column's value picks out ('Who stood for the Liberal Democrats?': 'Liberal Democrat')."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from corpus.dates import only_date
from index.passage import Passage
from qa.candidate import stems_of
from qa.query import Query, proper_words
from qa.units import label_of

_COMMON = 0.5  # a stem in more than this share of a column's values tells none of its rows apart
_NAME_LABEL = re.compile(r"\bnames?\b|\bforenames?\b", re.I)  # 'Other Names': the row's name goes on
_ROWS = 12  # rows listed at most


def labelled_rows(text: str) -> list[list[tuple[str, str]]]:
    """The text's blocks whose every line, two or more, is a labelled cell ('Surname: Fisher'), as
    corpus/units.py prints a table's rows: each a list of (label, value)."""
    rows = []
    for block in text.split("\n\n"):
        cells = [label_of(line.strip()) for line in block.split("\n") if line.strip()]
        if len(cells) >= 2 and all(label for label, _ in cells):
            rows.append([(label, value) for label, value in cells if label])
    return rows


def _key(row: list[tuple[str, str]]) -> str:
    """The row's name: its first cell, and the next when labelled a name ('Fisher, Tony')."""
    return ", ".join(value for _, value in row[: _named_cells(row)])


def _named_cells(row: list[tuple[str, str]]) -> int:
    """How many of the row's first cells name it (`_key`): the first, and the next when labelled a name."""
    return 2 if len(row) > 1 and _NAME_LABEL.search(row[1][0]) and row[1][1] else 1


def _names_all(passage: Passage, named: frozenset[str]) -> bool:
    """The passage, its heading, its paper's title, council or body hold every stem of the names the
    question gives (`named`), as printed in any form ('Liberal Democrat' for 'Liberal Democrats')."""
    held = " ".join(
        x or "" for x in (passage.text, passage.heading, passage.title, passage.council, passage.body)
    )
    return named <= set(stems_of(held))


def _common(values: list[frozenset[str]]) -> frozenset[str]:
    """The stems in more than _COMMON of a column's values."""
    counts = Counter(s for value in values for s in value)
    return frozenset(s for s, n in counts.items() if n > _COMMON * len(values))


def rows_valued(
    passages: Sequence[Passage], query: Query, occasions: bool = False
) -> list[tuple[str, Passage]]:
    """(the row's name and the value that picked it, its passage) for each table row, in the passages
    naming all the question names, holding in a column past its first a value every distinctive word of
    which the question says ('Liberal Democrat' for 'the Liberal Democrats'; 'Party', in most of the
    column's values, is no distinctive word). A column whose values are all one picks out nothing. A row
    named by a date (a work programme's '11 Sept 2019') is an occasion's, and a date in a column names
    the meeting asked of: neither picks rows out unless `occasions` are asked for, as a date names no one
    who and nothing which."""
    asked = set(stems_of(query.text))
    named = frozenset(stems_of(" ".join(proper_words(query.text))))
    rows = [(row, p) for p in passages if _names_all(p, named) for row in labelled_rows(p.text)]
    columns: dict[str, list[frozenset[str]]] = {}
    for row, _ in rows:
        for label, value in row[1:]:
            columns.setdefault(label, []).append(frozenset(stems_of(value)))
    common = {label: _common(values) for label, values in columns.items()}
    found: dict[str, tuple[str, Passage]] = {}
    for row, passage in rows:
        # a row the question names by its key is asked of, not picked out ('What description is given for
        # Paul Anthony Doughty?'); nor do the name's own cells ('Other Names: Paul') pick out rows
        if set(stems_of(row[0][1])) <= asked:
            continue
        for label, value in row[_named_cells(row) :]:
            own = frozenset(stems_of(value)) - common[label]
            # the day a question names is the meeting's: rows holding it are of that meeting, not picked out
            dated = not occasions and bool(only_date(value))
            if len(set(columns[label])) > 1 and own and own <= asked and not dated:
                key = _key(row)
                if not occasions and only_date(key):
                    continue
                found.setdefault(key.lower(), (f"{key} — {value}", passage))
    return list(found.values())[:_ROWS]
