"""Word (.docx) papers as plain text, paragraphs and tables in document order, via python-docx."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.types import ProvidesStoryPart

from corpus.errors import UnreadableFileError
from corpus.text import load_bytes, short_message

_HEADING_STYLE = re.compile(r"heading ([1-6])", re.I)
# Content controls (w:sdt) wrap ordinary paragraphs and tables, e.g. a cover page or contents.
_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent")})


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
    words = [word for block in _blocks(cell, cell._tc) for line in _render(block) for word in line.split()]
    return " ".join(words)


def _table_lines(table: Table) -> list[str]:
    """One tab-joined line per row; a merged cell that python-docx repeats is written once."""
    lines = []
    for row in table.rows:
        cells: list[_Cell] = []
        for cell in row.cells:
            if not cells or cell._tc is not cells[-1]._tc:
                cells.append(cell)
        lines.append("\t".join(_cell_text(cell) for cell in cells))
    return lines


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
