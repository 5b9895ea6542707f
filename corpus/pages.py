"""Split converted text into pages at the page markers that PDF-to-text converters leave behind."""

# Conventions (a page number is only ever read from a marker, never guessed):
#
# * A form feed (\f) separates physical pages.
# * A footer: a line holding only "Page 41", "- 41 -" or "Page 41 of 80" (any case) ends page 41.
#   The text since the previous boundary is page 41 when it must be a single page: the previous
#   marker ended page 40, the text began at a form feed or "---" break, or it is at most 4,500
#   characters. Otherwise it may hold several pages, and its number is None.
# * A break: a line of 3+ dashes alone, then (after optional blank lines) a line "41" or "Page 41",
#   starts page 41. Once a document has such a pair, a bare dash line also starts a page, of
#   unknown number; in a document without a pair, dash lines are kept as text (markdown rules).
# * Marker lines are removed; every other line is kept, in order. Blank pages are dropped.

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.document import Page

_FOOTER = re.compile(
    r"\s*(?:page\s+([0-9]{1,5})(?:\s+of\s+[0-9]{1,5})?|[-\u2013\u2014]\s*([0-9]{1,5})\s*[-\u2013\u2014])\s*",
    re.IGNORECASE,
)
_RULE = re.compile(r"\s*-{3,}\s*")
_BREAK_NUMBER = re.compile(r"\s*(?:page\s+)?([0-9]{1,5})\s*", re.IGNORECASE)
# A text layer's densest pages run to about this many characters; longer spans are several pages.
_ONE_PAGE_CHARS = 4500


class _FormFeed:
    """Stands in the line list for a form feed."""


_FF = _FormFeed()
_Line = str | _FormFeed


@dataclass
class _Segment:
    """Text between two boundaries, and what the boundaries said about it."""

    lines: list[str] = field(default_factory=list)
    start_after: int | None = 0  # number of the page that ended where this began; 0: none did
    single: bool = False  # began at a form feed or break, so it is at most one physical page
    header: int | None = None  # number a "---" break gave it


def _lines(text: str) -> list[_Line]:
    """Lines of `text`, with a form feed as its own item wherever one occurs."""
    items: list[_Line] = []
    for index, chunk in enumerate(text.split("\f")):
        if index:
            items.append(_FF)
        items.extend(chunk.split("\n"))
    return items


def _break_at(items: list[_Line], index: int) -> tuple[int | None, int]:
    """For a dash line at `index`: the page number it announces and the last index it uses."""
    ahead = index + 1
    while ahead < len(items) and isinstance(items[ahead], str) and not items[ahead].strip():
        ahead += 1
    line = items[ahead] if ahead < len(items) else _FF
    if isinstance(line, str) and (match := _BREAK_NUMBER.fullmatch(line)):
        return int(match.group(1)), ahead
    return None, index


def _has_numbered_break(items: list[_Line]) -> bool:
    """Whether any dash line is followed by a page number, making dash lines page breaks."""
    return any(
        isinstance(item, str) and _RULE.fullmatch(item) and _break_at(items, i)[0] is not None
        for i, item in enumerate(items)
    )


def _trim(lines: list[str]) -> str:
    """The lines joined, without blank lines at either end; indentation (table tabs) kept."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def _close(segment: _Segment, footer: int | None) -> Page:
    """The page for a segment, numbered only where the markers pin it to one page."""
    text = _trim(segment.lines)
    if segment.header is not None:
        return Page(text, segment.header)
    if footer is None:
        return Page(text, None)
    one_page = segment.single or segment.start_after == footer - 1
    return Page(text, footer if one_page or len(text) <= _ONE_PAGE_CHARS else None)


def _split(items: list[_Line], breaks: bool) -> list[Page]:
    """Walk the lines, closing a segment at each form feed, footer and (if enabled) break."""
    pages: list[Page] = []
    segment = _Segment()
    index = 0
    while index < len(items):
        item = items[index]
        footer = _FOOTER.fullmatch(item) if isinstance(item, str) else None
        is_rule = breaks and isinstance(item, str) and bool(_RULE.fullmatch(item))
        if footer or item is _FF or is_rule:
            number = int(footer.group(1) or footer.group(2)) if footer else None
            # Blank text before a form feed or break is no page; it only carries the boundary on.
            if number is not None or _trim(segment.lines):
                pages.append(_close(segment, number))
                segment = _Segment(start_after=number if number is not None else pages[-1].number)
            else:
                segment.lines.clear()  # only blank lines; clearing keeps runs of breaks linear
            if not footer:
                segment.single = True
            if is_rule:
                segment.header, index = _break_at(items, index)
        else:
            segment.lines.append(item)
        index += 1
    pages.append(_close(segment, None))
    return pages


def split_pages(text: str) -> list[Page]:
    """Pages of converted text; a single unnumbered page when it has no markers."""
    items = _lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    pages = [page for page in _split(items, _has_numbered_break(items)) if page.text.strip()]
    return pages or [Page("", None)]
