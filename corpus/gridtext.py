"""A table's grid read as text: captions, one label per column, data rows with the section they sit in."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from corpus.grid import Grid
from corpus.table import exact_lines, is_rule, looks_like_header

SECTION = "Section"  # header of the column that carries a full-width row's text to the rows beneath it
_SECTION_JOIN = " – "  # between stacked full-width rows (a theme, then a sub-theme)


@dataclass(frozen=True)
class TableText:
    """What a table says, cell by cell.

    captions: full-width rows above the header (a title), or every cell of a one-column table.
    header: one label per column ("" where none), () where the table has no header row.
    rows: data rows, as wide as the header; a SECTION column is last where full-width rows head groups.
    notes: full-width rows after the last data row.
    """

    captions: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()


def _starts_here(grid: Grid, r: int) -> bool:
    """Whether a cell with text starts in row r (a row wholly under rowspans from above repeats them)."""
    return any(slot.row == r and slot.text for slot in grid.slots[r])


def _full_width(grid: Grid, r: int) -> bool:
    """One cell covering every column: a title, theme or section row, never data or header."""
    owners = {slot.owner for slot in grid.slots[r]}
    return grid.width > 1 and len(owners) == 1 and owners != {-1}


def _cells(grid: Grid, r: int, across: bool) -> tuple[str, ...]:
    """Row r's texts: a cell merged down repeats; merged across, it repeats only if `across`."""
    return tuple(slot.text if across or slot.col == c else "" for c, slot in enumerate(grid.slots[r]))


def _is_sub_header(grid: Grid, r: int) -> bool:
    """Row r+1 names the columns under row r's group headers (a cell over several columns), and only those."""
    owners = Counter(slot.owner for slot in grid.slots[r])
    grouped = {c for c, slot in enumerate(grid.slots[r]) if slot.owner >= 0 and owners[slot.owner] > 1}
    below = [s.text if (s.row, s.col) == (r + 1, c) else "" for c, s in enumerate(grid.slots[r + 1])]
    named = {c for c, text in enumerate(below) if text}
    return bool(grouped) and bool(named) and named <= grouped and looks_like_header(below)


def _header_rows(grid: Grid, start: int, body: list[int]) -> list[int]:
    """The header rows from `start`: marked ones (<th>, <thead>, tblHeader), else a row of labels."""
    following = body[body.index(start) :]
    # A mark on every row (all <th>, or 'repeat header row' ticked throughout) marks nothing.
    if grid.marked[start] and not all(grid.marked[r] for r in following):
        marked = []
        for r in following:
            if not grid.marked[r] or _full_width(grid, r):
                break
            marked.append(r)
    elif looks_like_header(list(_cells(grid, start, across=False))):
        marked = [start]
    else:
        return []
    # Sub-headers under a group header are often left unmarked: the row after is part of the header.
    last = marked[-1]
    if last + 1 in following and not grid.marked[last + 1] and _is_sub_header(grid, last):
        marked.append(last + 1)
    return marked


def _labels(grid: Grid, rows: list[int]) -> tuple[str, ...]:
    """One label per column: the header rows' texts top to bottom, a repeat (a merged cell) once."""
    labels = []
    for column in zip(*(_cells(grid, r, across=True) for r in rows), strict=True):
        parts: list[str] = []
        for text in column:
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        labels.append(" ".join(parts))
    return tuple(labels)


def read_grid(grid: Grid) -> TableText:
    """Captions, header and data rows of a laid-out table; see TableText."""
    body = [r for r in range(len(grid.slots)) if _starts_here(grid, r)]
    if grid.width < 2:  # layout keeps only columns where cells start
        return TableText(captions=tuple(grid.slots[r][0].text for r in body))
    lead = 0
    while lead < len(body) and _full_width(grid, body[lead]):
        lead += 1
    captions = tuple(grid.slots[r][0].text for r in body[:lead])
    if lead == len(body):
        return TableText(captions=captions)
    heads = _header_rows(grid, body[lead], body)
    header = _labels(grid, heads) if heads else ()
    rows, notes = _data_rows(grid, body[lead + len(heads) :], header)
    sectioned = bool(header and rows) and len(rows[0]) > grid.width
    return TableText(captions, header + ((SECTION,) if sectioned else ()), rows, notes)


def _data_rows(
    grid: Grid, rows: list[int], header: tuple[str, ...]
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """Data rows, each with the section that full-width rows above it name; then trailing full-width rows."""
    section, stacked = "", False
    found: list[tuple[tuple[str, ...], str]] = []
    for r in rows:
        if _full_width(grid, r):
            text = grid.slots[r][0].text
            section = f"{section}{_SECTION_JOIN}{text}" if stacked and section else text
            stacked = True
            continue
        cells = _cells(grid, r, across=False)
        stacked = False
        if cells != header and not is_rule(list(cells)):
            found.append((cells, section))
    notes = (section,) if stacked and section else ()
    if not any(label for _, label in found):
        return tuple(cells for cells, _ in found), notes
    return tuple((*cells, label) for cells, label in found), notes


def grid_lines(grid: Grid) -> list[str]:
    """The table as the text path reads it: caption lines, then tab-separated header and rows, then notes.

    A one-column table has no columns to keep apart: its cells come back as paragraphs.
    """
    table = read_grid(grid)
    if not table.header and not table.rows:
        return _paragraphs(table.captions + table.notes)
    return [*table.captions, *exact_lines(table.header, table.rows), *table.notes]


def _paragraphs(texts: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for text in filter(None, texts):
        lines.extend(["", text] if lines else [text])
    return lines
