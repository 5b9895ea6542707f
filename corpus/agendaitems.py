"""Numbered agenda items as minutes print them: '7. Finance', '01.24.06 Playground update', '(b) Greens'
under item 20 as '20(b)', 'Min. 45/19 Planning', 'AUD-2014.11 Internal Audit Report'."""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.records import AgendaItem
from corpus.recordtext import ITEM_NUMBER, RecordText

_TITLE_WORDS = 16  # longer than this, a numbered line is a paragraph of a list, not an item's title
# Numbered lines that are the text of a motion or its recommendations, not items.
_NOT_TITLE = re.compile(r"(?i)^(?:that|moved|seconded|proposed|resolved|carried|to\b|the\b)")
_ITEM = re.compile(rf"(?m)^[ \t*#]*(?P<n>{ITEM_NUMBER})[.)]?[ \t]+(?P<t>[A-Z][^\n]*?)[ \t*]*$")
_SUB = re.compile(r"(?m)^[ \t*#]*\((?P<n>[a-z]|[ivx]{1,4})[ ]?\)[ \t]+(?P<t>[A-Z][^\n]*?)[ \t*]*$")


def read_items(text: RecordText) -> tuple[tuple[int, AgendaItem], ...]:
    """Items in reading order with their offsets in `text`, each with the page it starts on and the
    page the next one starts on."""
    found: list[tuple[int, str, str]] = []
    top = None
    marks = sorted(
        [(m.start(), "item", m) for m in _ITEM.finditer(text.text)]
        + [(m.start(), "sub", m) for m in _SUB.finditer(text.text)],
        key=lambda t: t[0],
    )
    for start, kind, m in marks:
        title = m.group("t").strip()
        if len(title.split()) > _TITLE_WORDS or _NOT_TITLE.match(title) or title.endswith((";", ",")):
            continue
        if kind == "item":
            top = m.group("n").rstrip(".")
            found.append((start, top, title))
        elif top is not None:
            found.append((start, f"{top}({m.group('n')})", title))
    items = [AgendaItem(number, title, text.where(start)) for start, number, title in found]
    return tuple(
        (
            found[i][0],
            replace(item, page_end=_end_page(item, items[i + 1] if i + 1 < len(items) else None, text)),
        )
        for i, item in enumerate(items)
    )


def _end_page(item: AgendaItem, after: AgendaItem | None, text: RecordText) -> int | None:
    if after is None:
        pages = [p.number for p in text.document.pages if p.number is not None]
        return max(pages, default=item.where.page)
    return after.where.page


def item_at(marks: tuple[tuple[int, AgendaItem], ...], offset: int) -> AgendaItem | None:
    """The item whose heading comes last before `offset`."""
    before = [item for start, item in marks if start <= offset]
    return before[-1] if before else None
