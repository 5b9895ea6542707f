"""Running headers and footers of a PDF paper, found by place and repetition; printed page numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.geometry import Word

# Headers and footers sit in this top or bottom share of the page height.
MARGIN_SHARE = 0.12
# Only the outermost rows count (a clerk's name-and-address footer runs to four or five lines).
EDGE_ROWS = 6
# Rows with this many separate cells are table rows (a repeated header row), not furniture.
MAX_FURNITURE_CELLS = 3
# A margin row repeating on this share of the pages (2 at least) is running furniture; so is one on
# REPEAT_ENOUGH pages, as in packs whose attachments each carry their own header.
REPEAT_SHARE = 0.5
REPEAT_ENOUGH = 3

_PAGE_NUMBER = re.compile(
    r"^\W*(?:p\s?a\s?g\s?e\s*[|:]?\s*(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?|(\d{1,4})\s*(?:\|\s*)?p\s?a\s?g\s?e|[-–—]?\s*(\d{1,4})\s*[-–—]?)\W*$",
    re.I,
)
# 'Page G-4.2' closing a footer: a pack's own page label, counted by its last number.
_PAGE_LABEL = re.compile(r"(?:^|\s)page\s+([A-Z]{1,3}[-.]?(?:\d{1,3}[-.])*(\d{1,4}))\s*$", re.I)
# Forms that are furniture wherever they sit in a margin, even on a one-page paper.
_UNMISTAKABLE = re.compile(
    r"^\W*(?:p\s?a\s?g\s?e\s*[|:]?\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
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


def edge_rows(page: int, rows: Sequence[Sequence[tuple[Word, ...]]], height: float) -> list[EdgeRow]:
    """The page's outermost rows in its top or bottom margin band, and each separate run of words in them.

    rows: each row's runs of words (split at wide gaps), top to bottom; height: page height in points.
    A footer set on the same line as the body's last words ('... except that the      Page |3') is
    caught as its own run.
    """
    edges = []
    for index, runs in enumerate(rows):
        words = tuple(w for run in runs for w in run)
        outer = index < EDGE_ROWS or index >= len(rows) - EDGE_ROWS
        top, bottom = min(w.top for w in words), max(w.bottom for w in words)
        in_margin = bottom <= MARGIN_SHARE * height or top >= (1 - MARGIN_SHARE) * height
        if outer and in_margin and len(runs) <= MAX_FURNITURE_CELLS:
            edges.append(EdgeRow(page, words, len(runs)))
            edges.extend(EdgeRow(page, tuple(run), len(runs)) for run in runs if len(runs) > 1)
    return edges


def furniture(edges: Sequence[EdgeRow], pages: int) -> set[EdgeRow]:
    """The edge rows that are running headers or footers: repeated on most pages, or through a run of
    REPEAT_ENOUGH pages running (an attachment's own header), or unmistakable. A body line that happens
    to end three scattered pages ('CARRIED' on pp. 8, 12 and 13) is none of these."""
    on: dict[str, set[int]] = {}
    for e in edges:
        on.setdefault(signature(e.text), set()).add(e.page)
    most = max(2, round(REPEAT_SHARE * pages))
    running = {sig for sig, where in on.items() if len(where) >= most or _longest_run(where) >= REPEAT_ENOUGH}
    return {e for e in edges if (pages >= 2 and signature(e.text) in running) or _UNMISTAKABLE.match(e.text)}


# A footer naming who signs the paper ('Dated: RETURNING OFFICER' over 'MARY WEASTELL')
_SIGNATORY = re.compile(
    r"\b(?:signed|dated|officer|clerk|chair(?:man|person)?|secretary|mayor|chief executive)\b", re.I
)


# A notice's imprint ('Printed and Published by the RETURNING OFFICER, WEST OFFICES, …') is the law's form,
# on every notice alike: it signs nothing the paper says.
_IMPRINT = re.compile(r"^\W*(?:printed|published|promoted)\b", re.I)


def sign_off(found: set[EdgeRow], pages: int, height: float) -> list[EdgeRow]:
    """A running footer's last copy that signs the paper: its rows on the last page's bottom half, when
    one names a signatory's post ('MARY WEASTELL' over 'Dated: … RETURNING OFFICER'), less page numbers.
    Kept in the text, as the masthead is: a notice's every page repeats who gave it, and removing every
    copy loses it."""
    last = [e for e in found if e.page == pages - 1 and min(w.top for w in e.words) >= height / 2]
    if not any(_SIGNATORY.search(e.text) for e in last):
        return []
    return [
        e for e in last if not (_page_mark(e.text) or _UNMISTAKABLE.match(e.text) or _IMPRINT.match(e.text))
    ]


def _longest_run(pages: set[int]) -> int:
    """The most consecutive pages the set holds."""
    longest = 0
    for start in (p for p in pages if p - 1 not in pages):
        end = start
        while end + 1 in pages:
            end += 1
        longest = max(longest, end - start + 1)
    return longest


def is_masthead(row: EdgeRow, height: float) -> bool:
    """A running header's first copy, at the top of page 1: the paper's own name, body and date,
    kept there for the reader and the metadata (later copies are still removed). Page numbers and
    marks like 'OFFICIAL' are never a masthead."""
    top = min(w.top for w in row.words)
    return (
        row.page == 0 and top < height / 2 and not _page_mark(row.text) and not _UNMISTAKABLE.match(row.text)
    )


def _page_mark(text: str) -> tuple[str, int] | None:
    """The printed page number or label a furniture row shows, with the number that counts pages."""
    if match := _PAGE_NUMBER.match(text):
        number = next(g for g in match.groups() if g)
        return number, int(number)
    if match := _PAGE_LABEL.search(text):
        return match.group(1), int(match.group(2))
    return None


def printed_numbers(rows: Sequence[EdgeRow], pages: int) -> dict[int, str]:
    """Printed page numbers or labels by page index, where the furniture numbers pages consistently.

    Consistent: the count runs with the physical page (a shared offset) on at least 2 pages, or the
    paper has one page; a pack whose parts number themselves keeps each part's numbers.
    """
    found: dict[int, tuple[str, int]] = {}
    for row in rows:
        if row.page not in found and (mark := _page_mark(row.text)):
            found[row.page] = mark
    offsets = Counter(count - page for page, (_, count) in found.items())
    return {page: label for page, (label, count) in found.items() if offsets[count - page] >= min(2, pages)}
