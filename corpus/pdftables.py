"""Tables on a PDF page: ruled grids from drawn lines, unruled ones from aligned words; rows of cells."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

from corpus.geometry import Word
from corpus.glyphs import display_box
from corpus.layout import Region, row_lines, word_rows
from corpus.reflow import join_words

# Drawn objects thinner than this (points) are rules, not boxes.
RULE_WIDTH = 2.5
# Rules this close (points) are the same grid line; ends this close touch.
SNAP = 3.0
# A rectangle path has 4-5 segments; anything with more is a drawing, not a cell border.
MAX_RECT_SEGMENTS = 6
# Rectangles covering more of the page than this are page backgrounds or frames.
MAX_RECT_SHARE = 0.6
# Row pitch beyond this multiple of the tightest pitch: a gap between table rows, not a wrapped cell.
ROW_PITCH_GAP = 1.3
# A row edge drawn across less than this share of the table's width is a box around one cell's text (a
# frame inside a header cell), not a line between rows: rows are ruled across the table, or most of it
# where a cell spans rows.
ROW_EDGE_SHARE = 0.5
# Share of wider row gaps that shows a table's rows are padded apart (so tight lines wrap one cell).
SPACED_SHARE = 0.25


@dataclass(frozen=True)
class Rule:
    """A drawn horizontal or vertical line, top-left origin, points."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass(frozen=True)
class Grid:
    """A ruled table: column edges (x, left to right) and row edges (y, top to bottom), points."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def holds(self, word: Word) -> bool:
        cx, cy = (word.x0 + word.x1) / 2, word.middle
        return self.xs[0] <= cx <= self.xs[-1] and self.ys[0] <= cy <= self.ys[-1]


@dataclass(frozen=True)
class TableRows:
    """A table as text rows of cells, header row first; top: where it starts on the page (points)."""

    top: float
    rows: tuple[tuple[str, ...], ...]


def _rules_of(bounds: tuple[float, ...], is_rect: bool) -> list[Rule]:
    x0, top, x1, bottom = bounds
    if x1 - x0 <= RULE_WIDTH or bottom - top <= RULE_WIDTH:
        return [Rule(x0, top, x1, bottom)]
    if not is_rect:
        return []
    return [
        Rule(x0, top, x1, top),
        Rule(x0, bottom, x1, bottom),
        Rule(x0, top, x0, bottom),
        Rule(x1, top, x1, bottom),
    ]


def page_rules(page: pypdfium2.PdfPage) -> list[Rule]:
    """Straight lines and rectangle edges drawn on the page, in displayed top-left coordinates."""
    rotation = page.get_rotation() % 360
    width, height = page.get_size()
    if rotation in (90, 270):
        width, height = height, width
    rules = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        box = display_box(obj.get_bounds(), rotation, width, height)
        if (box[2] - box[0]) * (box[3] - box[1]) > MAX_RECT_SHARE * width * height:
            continue
        is_rect = pdfium_c.FPDFPath_CountSegments(obj) <= MAX_RECT_SEGMENTS
        rules.extend(_rules_of(box, is_rect))
    return rules


def _snap(values: Sequence[float]) -> tuple[float, ...]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return tuple(out)


def _touch(a: Rule, b: Rule) -> bool:
    return (
        a.x0 - SNAP <= b.x1 and b.x0 - SNAP <= a.x1 and a.top - SNAP <= b.bottom and b.top - SNAP <= a.bottom
    )


def _components(rules: list[Rule]) -> list[list[Rule]]:
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(rules):
        for j in range(i + 1, len(rules)):
            if _touch(a, rules[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    return list(groups.values())


def grids(rules: list[Rule]) -> list[Grid]:
    """Ruled tables: touching rules with at least 2 columns and 1 row of cells, top to bottom."""
    found = []
    for group in _components(rules):
        xs = _snap([(r.x0 + r.x1) / 2 for r in group if not r.horizontal])
        across = [r for r in group if r.horizontal]
        ys = _snap([(r.top + r.bottom) / 2 for r in across])
        if len(xs) >= 3 and len(ys) >= 2:
            found.append(Grid(xs, _row_edges(ys, across, xs[-1] - xs[0])))
    return sorted(found, key=lambda g: g.ys[0])


def _row_edges(ys: tuple[float, ...], across: list[Rule], width: float) -> tuple[float, ...]:
    """The table's outer edges, and the inner ones ruled across at least ROW_EDGE_SHARE of its width."""

    def drawn(y: float) -> float:
        spans = sorted((r.x0, r.x1) for r in across if abs((r.top + r.bottom) / 2 - y) <= SNAP)
        covered, reach = 0.0, float("-inf")
        for x0, x1 in spans:  # overlapping rules (a double border drawn twice) count once
            covered += max(0.0, x1 - max(x0, reach))
            reach = max(reach, x1)
        return covered

    inner = tuple(y for y in ys[1:-1] if drawn(y) >= ROW_EDGE_SHARE * width)
    return (ys[0], *inner, ys[-1])


def _cell_text(words: Sequence[Word], known: frozenset[str]) -> str:
    text = ""
    for row in word_rows(words):
        text = join_words(text, " ".join(w.text for w in row), vocabulary_only=True, known=known)
    return text.replace("\t", " ")


def _uncut(grid: Grid, words: Sequence[Word]) -> Grid:
    """The grid less column lines that run through a word: text overflowing empty cells is one cell."""
    inner = tuple(x for x in grid.xs[1:-1] if not any(w.x0 < x - SNAP < x + SNAP < w.x1 for w in words))
    return Grid((grid.xs[0], *inner, grid.xs[-1]), grid.ys)


def _text_rows(grid: Grid, words: Sequence[Word]) -> Grid:
    """A grid ruled only between columns (one band of cells) takes its rows from the lines of text."""
    if len(grid.ys) > 2 or not words:
        return grid
    rows = word_rows(words)
    cuts = [
        (max(w.bottom for w in a) + min(w.top for w in b)) / 2 for a, b in zip(rows, rows[1:], strict=False)
    ]
    return Grid(grid.xs, (grid.ys[0], *cuts, grid.ys[-1]))


def _caption(grid: Grid, words: Sequence[Word]) -> list[Word]:
    """The words of a title line in the grid's first row ('Table 2: Proposals' over the header), when
    that row holds nothing else and other rows follow: it may run over column lines the rest keep."""
    if len(grid.ys) < 3:
        return []
    first = [w for w in words if w.middle <= grid.ys[1]]
    rows = word_rows(first)
    one_run = len(rows) == 1 and len(row_lines(rows[0])) == 1  # no gap wide enough to part two cells
    return first if one_run and len(first) < len(words) else []


def grid_rows(grid: Grid, words: Sequence[Word], known: frozenset[str]) -> TableRows:
    """The grid's cells filled with the words whose centres fall in them; empty rows left out. A caption
    in the first row is one cell, the row's first."""
    caption = _caption(grid, words)
    body = [w for w in words if w not in caption]
    grid = _text_rows(_uncut(grid, body), body)
    cells: dict[tuple[int, int], list[Word]] = {}
    for word in body:
        cx = (word.x0 + word.x1) / 2
        col = sum(1 for x in grid.xs[1:-1] if cx > x)
        row = sum(1 for y in grid.ys[1:-1] if word.middle > y)
        cells.setdefault((row, col), []).append(word)
    if caption:  # the table's title, read as a title line across the table (corpus/table.py)
        cells[(0, 0)] = caption
    # A column no word falls in is the gap between a double border's two lines, not a column of data.
    used = sorted({c for _, c in cells})
    rows = []
    for r in range(len(grid.ys) - 1):
        row = tuple(_cell_text(cells.get((r, c), []), known) for c in used)
        if any(row):
            rows.append(row)
    return TableRows(grid.ys[0], tuple(rows))


def _physical_rows(region: Region) -> list[tuple[float, list[list[Word]]]]:
    """Each row of the region as (top, words per column)."""
    edges = [g[1] for g in region.gutters]
    out = []
    for row in region.rows:
        cols: list[list[Word]] = [[] for _ in range(len(edges) + 1)]
        for line in row:
            cols[sum(1 for e in edges if line.x0 >= e - 0.5)].extend(line.words)
        out.append((min(line.top for line in row), cols))
    return out


def _logical_rows(physical: list[tuple[float, list[list[Word]]]]) -> list[list[list[Word]]]:
    """Wrapped cells rejoined: where rows are set apart by extra space, tight rows belong together."""
    pitches = [b[0] - a[0] for a, b in zip(physical, physical[1:], strict=False)]
    tight = min(pitches, default=0.0)
    loose = sum(1 for p in pitches if p > ROW_PITCH_GAP * tight)
    # Rows set apart by padding throughout, not a blank line or two between blocks of a plain table.
    spaced = loose >= SPACED_SHARE * len(pitches) > 0
    rows: list[list[list[Word]]] = []
    filled_first = 0
    for index, (_, cols) in enumerate(physical):
        filled = sum(1 for c in cols if c)
        close = index > 0 and pitches[index - 1] <= ROW_PITCH_GAP * tight
        if rows and spaced and close and (not cols[0] or filled < filled_first):
            for target, col in zip(rows[-1], cols, strict=False):
                target.extend(col)
            continue
        rows.append([list(c) for c in cols])
        filled_first = filled
    if len(rows) >= 2 and not rows[0][0] and rows[1][0]:
        # A header cell wrapped above the header row ('Decision of the' / 'Returning Officer').
        first = rows.pop(0)
        rows[0] = [above + below for above, below in zip(first, rows[0], strict=False)]
    return rows


def region_rows(region: Region, known: frozenset[str]) -> TableRows:
    """An unruled table: a region's rows cut into cells at its gutters, wrapped cells rejoined."""
    rows = tuple(
        tuple(_cell_text(col, known) for col in cols) for cols in _logical_rows(_physical_rows(region))
    )
    return TableRows(region.top, rows)
