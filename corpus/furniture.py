"""Running headers and footers of a PDF paper, found by place and repetition; printed page numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.geometry import Word

# Headers and footers sit in this top or bottom share of the page height.
MARGIN_SHARE = 0.12
# Only the outermost rows count: a running header is never the fifth line of a page.
EDGE_ROWS = 3
# Rows with this many separate cells are table rows (a repeated header row), not furniture.
MAX_FURNITURE_CELLS = 3
# A row repeating on at least this share of the pages (and on 2 or more) is running furniture.
REPEAT_SHARE = 0.5

_PAGE_NUMBER = re.compile(
    r"^\W*(?:page\s*(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?|(\d{1,4})\s*(?:\|\s*)?p\s?a\s?g\s?e|[-–—]?\s*(\d{1,4})\s*[-–—]?)\W*$",
    re.I,
)
# Forms that are furniture wherever they sit in a margin, even on a one-page paper.
_UNMISTAKABLE = re.compile(
    r"^\W*(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|(?:official|not protectively marked|unclassified)(?:\s*[-–—:]?\s*(?:sensitive|restricted))?)\W*$",
    re.I,
)


@dataclass(frozen=True)
class EdgeRow:
    """A row of words near the top or bottom of a page."""

    page: int  # index of the page in the paper, from 0
    words: tuple[Word, ...]
    cells: int  # how many separate runs of words the row holds

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def signature(text: str) -> str:
    """Rows that differ only in their numbers ('Page 3 of 9', 'Page 4 of 9') share a signature."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def edge_rows(page: int, rows: Sequence[tuple[tuple[Word, ...], int]], height: float) -> list[EdgeRow]:
    """The page's outermost rows that lie in its top or bottom margin band.

    rows: (words, cells) top to bottom; height: the page height in points.
    """
    edges = []
    for index, (words, cells) in enumerate(rows):
        outer = index < EDGE_ROWS or index >= len(rows) - EDGE_ROWS
        top, bottom = min(w.top for w in words), max(w.bottom for w in words)
        in_margin = bottom <= MARGIN_SHARE * height or top >= (1 - MARGIN_SHARE) * height
        if outer and in_margin and cells <= MAX_FURNITURE_CELLS:
            edges.append(EdgeRow(page, tuple(words), cells))
    return edges


def furniture(edges: Sequence[EdgeRow], pages: int) -> set[EdgeRow]:
    """The edge rows that are running headers or footers: repeated on most pages, or unmistakable."""
    counts = Counter(sig for sig in {(e.page, signature(e.text)) for e in edges})
    seen = Counter(sig for _, sig in counts)
    needed = max(2, round(REPEAT_SHARE * pages))
    return {
        e for e in edges if (pages >= 2 and seen[signature(e.text)] >= needed) or _UNMISTAKABLE.match(e.text)
    }


def printed_numbers(rows: Sequence[EdgeRow], pages: int) -> dict[int, str]:
    """Printed page numbers by page index, when the furniture numbers pages consistently.

    Consistent: the numbers found are the physical page plus one shared offset (at least 2 pages agree,
    or the paper has one page); a page whose number breaks the pattern, or shows none, gets no number.
    """
    found: dict[int, int] = {}
    for row in rows:
        match = _PAGE_NUMBER.match(row.text)
        if match and row.page not in found:
            found[row.page] = int(next(g for g in match.groups() if g))
    offsets = Counter(number - page for page, number in found.items())
    if not offsets:
        return {}
    offset, agree = offsets.most_common(1)[0]
    if agree < min(2, pages) or agree * 2 < len(found):
        return {}
    return {page: str(number) for page, number in found.items() if number - page == offset}
