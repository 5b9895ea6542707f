"""The table a question names by its number ('In Table 2 (Proposals) …'): its rows answer, not prose."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.units import label_of
from qa.candidate import Candidate
from qa.leads import CONTINUED
from qa.units import TABLE_NAME, opens_caption

_ON = 8  # chunks after the one its caption opens that a table's rows may run on into, row after row


def tables_named(question: str) -> list[tuple[str, str]]:
    """(noun, number) of each table or figure the question names: [('table', '2')] for 'In Table 2
    (Proposals) of the staff report, …'."""
    return [(m.group(1).lower(), m.group(2).lower()) for m in TABLE_NAME.finditer(question)]


def of_named_table(found: Sequence[Candidate], question: str) -> list[Candidate]:
    """The candidates of the passages the table the question names opens with its caption ('Table 2:
    Proposals', corpus/chunker.py keeps a caption with its rows), when any is among them: its rows hold
    what is asked of it, not the report's prose about the same sums. All of them otherwise."""
    named = tables_named(question)
    if not named:
        return list(found)
    captions = [re.compile(rf"^\s*{noun}\s+{re.escape(number)}\b", re.I | re.M) for noun, number in named]
    passages = {(c.passage.source, c.passage.chunk_id): c.passage for c in found}
    table = {key for key, p in passages.items() if any(c.search(p.text) for c in captions)}
    for _ in range(_ON):  # a table cut across chunks goes on row by row in the next ones
        table |= {
            (source, cid)
            for (source, cid), p in passages.items()
            if (source, cid - 1) in table and _rows_on(p.text)
        }
    held = [c for c in found if (c.passage.source, c.passage.chunk_id) in table]
    return held or list(found)


def _rows_on(text: str) -> bool:
    """Whether a chunk opens with a row ('Contractor / organization: HouseKeys') or a row's run-on, not
    another caption."""
    first = text.lstrip().split("\n", 1)[0]
    # a row cut across chunks goes on under its name: 'Ownership services … (continued)'
    return (bool(label_of(first)[0]) or first.endswith(CONTINUED)) and not opens_caption(first)
