"""HTML papers as plain text that keeps headings, paragraphs, list items and table rows apart."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from corpus.grid import SourceRow, Span, layout, one_line
from corpus.gridtext import grid_lines
from corpus.text import decode_text, load_bytes, normalise_newlines

# Boilerplate and code, never paper text.
_DROPPED = frozenset({"script", "style", "nav", "head", "noscript", "template", "svg"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Elements whose content stands on its own line(s), apart from the text around it.
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
     "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "address", "form", "fieldset",
     "caption", "hr", "body", "html"}
)  # fmt: skip
# Escaped markup that converters leave in the text ("&lt;p&gt;"); the output promises no tags.
_STRAY_TAG = re.compile(
    r"</?(?:p|br|div|span|b|i|u|em|strong|font|a|li|ul|ol|td|th|tr|table|h[1-6])\b[^<>]*/?>", re.I
)
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[^\S\n\t]+")
_BREAK = "\n\n"


def _inline(node: Tag) -> str:
    """Content of `node` flattened onto one line (table cells, headings)."""
    return one_line(_render(node))


def _number(cell: Tag, name: str) -> int:
    """A rowspan/colspan value as browsers read it: leading digits, else 1."""
    digits = re.match(r"\s*(\d+)", str(cell.get(name) or ""))
    return int(digits.group(1)) if digits else 1


def _source_row(row: Tag, table: Tag) -> SourceRow:
    """A <tr>'s cells with their spans; a row in the table's own <thead> is a header row."""
    spans = tuple(
        Span(_inline(cell), _number(cell, "rowspan"), _number(cell, "colspan"), header=cell.name == "th")
        for cell in row.find_all(["td", "th"], recursive=False)
    )
    group = row.find_parent(["thead", "tbody", "tfoot", "table"])
    return SourceRow(
        spans, header=group is not None and group.name == "thead" and group.find_parent("table") is table
    )


def _table(table: Tag) -> str:
    """Caption, then rows laid out on the table's grid (corpus.gridtext); nested tables stay in cells."""
    rows = [_source_row(row, table) for row in table.find_all("tr") if row.find_parent("table") is table]
    captions = [_inline(caption) for caption in table.find_all("caption", recursive=False)]
    lines = [text for text in captions if text] + grid_lines(layout(rows))
    return _BREAK + "\n".join(lines) + _BREAK


def _element(tag: Tag) -> str:
    """Text of one element, wrapped in the line breaks its kind calls for."""
    name = tag.name.lower()
    if name in _DROPPED:
        return ""
    if name == "br":
        return "\n"
    if name in _HEADINGS:
        return f"{_BREAK}{'#' * _HEADINGS[name]} {_inline(tag)}{_BREAK}"
    if name == "li":
        return f"{_BREAK}- {_render(tag).strip()}{_BREAK}"
    if name == "table":
        return _table(tag)
    if name == "pre":
        return _BREAK + tag.get_text() + _BREAK
    if name in _BLOCKS:
        return _BREAK + _render(tag) + _BREAK
    return _render(tag)


def _render(node: Tag) -> str:
    """Text of the children of `node`; source whitespace counts as one space."""
    parts = []
    for child in node.children:
        if isinstance(child, PreformattedString):
            continue  # comments, doctypes, CDATA, processing instructions
        if isinstance(child, NavigableString):
            parts.append(_WHITESPACE.sub(" ", _STRAY_TAG.sub(" ", str(child))))
        elif isinstance(child, Tag):
            parts.append(_element(child))
    return "".join(parts)


def _tidy(text: str) -> str:
    """Collapse spaces within lines and runs of blank lines, keeping tabs between cells."""
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    tidy = re.sub(r"\n{3,}", _BREAK, "\n".join(lines))
    return tidy.strip("\n")


def read_html(path: Path) -> str:
    """Visible text of an HTML file, with markdown-style headings and tab-separated table rows."""
    markup = normalise_newlines(decode_text(load_bytes(path)))
    soup = BeautifulSoup(markup, "html.parser")
    return _tidy(_render(soup))
