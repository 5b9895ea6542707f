"""A form's question-headed columns: which one a question asks, and whether a cell's row is the one named."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from qa.answertype import NAMED_OR_VALUED, expected, noun_asked
from qa.candidate import Asked, Candidate, stem_set
from qa.facts import clip
from qa.timefit import row_name

_ROW_NAMED = 0.5  # share of the weight of what is asked of that a row's key must hold to be the row named


def typed_column_asked(candidate: Candidate, asked: Asked) -> bool:
    """The cell's column is headed by a question asking for what this question asks for by its type ('When
    will you do this?' for 'When will the Virtual School reward …?'): a form's columns put a question to
    every row, and the row's key, not the cell, names the thing asked of."""
    label = candidate.label or ""
    kind = asked.expectation.kind
    return label.endswith("?") and kind in NAMED_OR_VALUED and _label_kind(label) == kind


@lru_cache(maxsize=1 << 10)
def _label_kind(label: str) -> str:
    return expected(label).kind


def headed_column_asked(candidate: Candidate, asked: Asked) -> bool:
    """The cell's column is headed by a question whose noun after its question word is the question's
    ('What difference will this make for Children in Care …?' asked 'what difference did it say this would
    make?'): the column a form puts that question in, whatever else either says."""
    label = (candidate.label or "").rstrip()
    return label.endswith("?") and (head := _wh_head(label)) != "" and head == _wh_head(asked.text)


@lru_cache(maxsize=1 << 10)
def _wh_head(text: str) -> str:
    return "".join(sorted(stem_set(noun_asked(text))))


def row_named(candidate: Candidate, asked: Asked, near: frozenset[str]) -> bool:
    """The cell's row key holds at least _ROW_NAMED of the weight of what is asked of (`near`): the row
    the question names, not any row sharing a word with it."""
    key = stem_set(row_name(candidate) or "")
    total = sum(asked.weights.get(s, 0.0) for s in near)
    return total > 0 and sum(asked.weights.get(s, 0.0) for s in near & key) / total >= _ROW_NAMED


_FORM_ROW_WORDS = 14  # of a form's row key shown beside a cell of it: enough to tell which row


def form_row(label: str | None, row: str | None) -> str | None:
    """The row a cell of a form's question-headed column answers for ('When will you do this?: February 18
    – May 18' is the row 'Following the success of the 100 Day Challenge …'), without its own column's
    label and clipped; None for a cell of any other column, or one opening its row."""
    if not label or not label.rstrip().endswith("?") or not row:
        return None
    return clip(row.split(": ", 1)[-1], _FORM_ROW_WORDS)


_CELLS = " | "  # a row printed without a header, its cells joined
_YEAR = re.compile(r"(?:19|20)\d\d")
_SUM = re.compile(r"[£$€]\s?\d[\d,]*(?:\.\d+)?")
_KEY_STEMS = 2  # a key of fewer words ('2019') names no row apart from its neighbours


def keyed_as_asked(shown: str, question: str) -> bool:
    """Whether a row printed without a header opens with a key whose words the question all gives ('Pump
    1 – 2015 | Replace 2035 with mini-pumper', asked when the 2015 Pump 1 is to be replaced): its other
    cells are that thing's, a cell away from it."""
    if _CELLS not in shown:
        return False
    # the year a thing was bought or built, printed in its key ('Tanker 1 – 2018'), need not be asked by;
    # a sum printed in the key's cell, its column's gutter too narrow to read, is the value, not the key
    # ('Grader Year 1 of 5 $650,000 | Financing | 2025')
    first = _SUM.sub(" ", shown.split(_CELLS, 1)[0])
    key = {s for s in stem_set(first) if not _YEAR.fullmatch(s)}
    return len(key) >= _KEY_STEMS and key <= stem_set(question)


def keyed_rows_first(found: Sequence[Candidate], question: str, kinds: frozenset[str]) -> list[Candidate]:
    """The rows printed without a header whose key the question gives (`keyed_as_asked`: 'Grader Year 1
    of 5 $650,000 | Financing | 2025' asked the grader's Year 1 estimate) and that hold a span of the
    asked kinds, when any does: that thing's row, not another table's labelled cell ('ESTIMATE: $7,500')
    matching only the question's word for the column; else all the candidates."""
    keyed = [c for c in found if kinds & c.kinds and keyed_as_asked(c.shown, question)]
    return keyed or list(found)
