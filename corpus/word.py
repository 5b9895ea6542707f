"""Word (.docx) papers as plain text, paragraphs and tables in document order, via python-docx."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.types import ProvidesStoryPart

from corpus.errors import UnreadableFileError
from corpus.grid import SourceRow, Span, layout, one_line
from corpus.gridtext import grid_lines
from corpus.text import load_bytes, short_message

_HEADING_STYLE = re.compile(r"heading ([1-6])", re.I)
# Content controls (w:sdt) wrap ordinary paragraphs and tables, e.g. a cover page or contents.
_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent")})
_OFF = frozenset({"0", "false", "off"})


def _blocks(parent: ProvidesStoryPart, element: BaseOxmlElement) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables under `element`, in the order they appear in the file."""
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag in _CONTAINERS:
            yield from _blocks(parent, child)


def _heading_level(paragraph: Paragraph) -> int | None:
    """1-6 for heading styles and 1 for Title; None for body text."""
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name.lower() == "title":
        return 1
    match = _HEADING_STYLE.fullmatch(name.strip())
    return int(match.group(1)) if match else None


def _cell_text(cell: _Cell) -> str:
    """A cell's content on one line, nested tables included."""
    return one_line("\n".join(line for block in _blocks(cell, cell._tc) for line in _render(block)))


def _switched_on(element: BaseOxmlElement | None) -> bool:
    """An OOXML on/off property: present and not val="0"/"false"/"off"."""
    return element is not None and element.get(qn("w:val"), "true").lower() not in _OFF


def _children(element: BaseOxmlElement, tag: str) -> Iterator[BaseOxmlElement]:
    """Children named `tag` in order, looking inside content controls and custom XML that wrap them."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS or child.tag == qn("w:customXml"):
            yield from _children(child, tag)


def _span(tc: CT_Tc, table: Table) -> Span:
    """One cell: gridSpan is its width; a vMerge that doesn't restart continues the cell above."""
    if tc.vMerge is not None and tc.vMerge != "restart":
        return Span("", cols=tc.grid_span, merged_up=True)
    return Span(_cell_text(_Cell(tc, table)), cols=tc.grid_span)


def _source_row(tr: CT_Row, table: Table) -> SourceRow:
    """A row as Word stores it: grid columns skipped before and after, cells, legacy hMerge joined."""
    spans = [Span("", cols=tr.grid_before, given=False)] if tr.grid_before else []
    for tc in _children(tr, qn("w:tc")):
        h_merge = tc.tcPr.find(qn("w:hMerge")) if tc.tcPr is not None else None
        if spans and h_merge is not None and h_merge.get(qn("w:val"), "continue") != "restart":
            spans[-1] = replace(spans[-1], cols=spans[-1].cols + tc.grid_span)
        else:
            spans.append(_span(tc, table))
    if tr.grid_after:
        spans.append(Span("", cols=tr.grid_after, given=False))
    header = _switched_on(tr.trPr.find(qn("w:tblHeader"))) if tr.trPr is not None else False
    return SourceRow(tuple(spans), header=header)


def _table_lines(table: Table) -> list[str]:
    """The table laid out on its grid (merged cells resolved), as corpus.gridtext writes it."""
    rows = [_source_row(tr, table) for tr in _children(table._tbl, qn("w:tr"))]
    return grid_lines(layout(rows))


def _render(block: Paragraph | Table) -> list[str]:
    """Lines of text for one paragraph or table."""
    if isinstance(block, Table):
        return _table_lines(block)
    level = _heading_level(block)
    if level is not None:
        title = " ".join(block.text.split())
        return [f"{'#' * level} {title}"] if title else []
    return [block.text] if block.text.strip() else []


def read_docx(path: Path) -> str:
    """Text of a .docx: '# ' headings, paragraphs apart by blank lines, table rows tab-joined."""
    data = load_bytes(path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        # Not a zip, a zip without Word parts, or broken XML all mean the same to a user.
        raise UnreadableFileError(path, f"corrupt Word file: {short_message(exc)}") from exc
    chunks = ["\n".join(_render(block)) for block in _blocks(document, document.element.body)]
    return "\n\n".join(chunk for chunk in chunks if chunk)
