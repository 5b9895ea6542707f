"""Page layout from word boxes: words -> lines -> regions (plain text, text columns or a table grid)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from corpus.geometry import Word

# Words further apart than this (in ems) belong to different cells or columns, not one line of text.
SEGMENT_GAP_EM = 1.0
# A gutter: a vertical band at least this wide (in ems) that no line crosses over consecutive rows.
MIN_GUTTER_EM = 0.8
# Text columns need this many rows side by side; fewer reads as a small table or a one-off gap.
MIN_COLUMN_ROWS = 3
MIN_TABLE_ROWS = 2
# A side of a gutter whose lines average fewer words than this holds table cells, not running text.
MIN_COLUMN_WORDS = 4.0
# A run with this many gutters is a table of cells, which a row crossing most of them ends.
_MANY_GUTTERS = 3
# Rows above a table that may hide some of its gutters (a title, a sentence, a caption).
LOOKAHEAD_ROWS = 4
# Space above a lone line after a table, as a multiple of the table's usual row pitch, that sets it apart
# as a heading over what follows rather than a wrapped cell (which follows at about the usual pitch).
TITLE_GAP = 1.5
# Vertical overlap (fraction of the smaller height) that puts two words on one row.
ROW_OVERLAP = 0.5

Band = tuple[float, float]
# Bullets (symbol fonts put them in the private use area) and item numbers such as '1.', '(a)', 'iv)'.
_MARKER = re.compile(r"^(?:[^\w\s]{1,2}|[\ue000-\uf8ff]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)])$")
# Section numbers hung in the margin ('3.1', '2.4.1') beside their paragraphs.
_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?$")


@dataclass(frozen=True)
class Line:
    """Words on one baseline with no wide gap between them, left to right."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return median(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


@dataclass(frozen=True)
class Region:
    """Consecutive rows sharing a layout.

    kind: "text" (read row by row), "columns" (read column by column) or "table" (cells by gutters).
    gutters: the empty vertical bands (x0, x1) in points between columns or cells, left to right.
    """

    kind: str
    rows: tuple[tuple[Line, ...], ...]
    gutters: tuple[Band, ...] = ()

    @property
    def top(self) -> float:
        return min(line.top for row in self.rows for line in row)

    def columns(self) -> list[list[Line]]:
        """Lines between consecutive gutters, each column top to bottom."""
        edges = [float("-inf")] + [g[1] for g in self.gutters]
        found: list[list[Line]] = [[] for _ in edges]
        for row in self.rows:
            for line in row:
                index = sum(1 for edge in edges[1:] if line.x0 >= edge - 0.5)
                found[index].append(line)
        return found


def _same_row(band: tuple[float, float], word: Word) -> bool:
    """Overlapping bands with middles close: a word with a tall box must not swallow the lines below."""
    top, bottom = band
    smaller = min(bottom - top, word.height)
    overlap = min(bottom, word.bottom) - max(top, word.top)
    return overlap >= ROW_OVERLAP * smaller and abs((top + bottom) / 2 - word.middle) < ROW_OVERLAP * smaller


def word_rows(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped by baseline band, rows top to bottom, words left to right.

    A row's band is its first word's (the one highest on the page among words sorted by middle).
    """
    rows: list[list[Word]] = []
    band = (0.0, 0.0)
    for word in sorted(words, key=lambda w: (w.middle, w.x0)):
        if rows and _same_row(band, word):
            rows[-1].append(word)
        else:
            rows.append([word])
            band = (word.top, word.bottom)
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _marker(words: list[Word]) -> bool:
    """A bullet or item number set apart from its text by a hanging indent ('•', '1.', '(a)')."""
    return len(words) == 1 and bool(_MARKER.match(words[0].text))


def row_lines(row: list[Word]) -> tuple[Line, ...]:
    """A row cut into lines wherever the gap between words is wider than SEGMENT_GAP_EM."""
    lines: list[list[Word]] = [[row[0]]]
    for word in row[1:]:
        last = lines[-1][-1]
        wide = word.x0 - last.x1 > SEGMENT_GAP_EM * max(word.size, last.size)
        if wide and not _marker(lines[-1]):
            lines.append([word])
        else:
            lines[-1].append(word)
    return tuple(Line(tuple(ws)) for ws in lines)


def _free(row: tuple[Line, ...], left: float, right: float, min_width: float) -> list[Band]:
    """Bands of [left, right] that no line of the row covers, at least min_width wide."""
    bands, x = [], left
    for line in sorted(row, key=lambda ln: ln.x0):
        if line.x0 - x >= min_width:
            bands.append((x, line.x0))
        x = max(x, line.x1)
    if right - x >= min_width:
        bands.append((x, right))
    return bands


def _intersect(a: list[Band], b: list[Band], min_width: float) -> list[Band]:
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= min_width:
                out.append((lo, hi))
    return out


def _interior(bands: list[Band], rows: Sequence[tuple[Line, ...]]) -> tuple[Band, ...]:
    """Bands with text on both sides within these rows: gutters, not margins."""
    lines = [line for row in rows for line in row]
    return tuple(
        (g0, g1)
        for g0, g1 in bands
        if any(ln.x1 <= g0 + 0.5 for ln in lines) and any(ln.x0 >= g1 - 0.5 for ln in lines)
    )


def _hanging(rows: Sequence[tuple[Line, ...]], gutters: tuple[Band, ...]) -> bool:
    """Paragraphs hung from numbers or bullets in the margin: the only gutter has nothing but markers left."""
    if len(gutters) != 1:
        return False
    left = [line for row in rows for line in row if line.x1 <= gutters[0][0] + 0.5]
    return all(_marker(list(line.words)) or _SECTION.match(line.text) for line in left)


def _kind(rows: Sequence[tuple[Line, ...]], gutters: tuple[Band, ...]) -> str:
    """'columns' for running text side by side, 'table' for cells, 'text' when there is no gutter."""
    two_sided = sum(1 for row in rows if len(row) > 1)
    if not gutters or two_sided < MIN_TABLE_ROWS or _hanging(rows, gutters):
        return "text"
    if len(gutters) == 1 and len(rows) >= MIN_COLUMN_ROWS:
        sides = Region("columns", tuple(rows), gutters).columns()
        if all(side and median(len(ln.words) for ln in side) >= MIN_COLUMN_WORDS for side in sides):
            return "columns"
    return "table"


def _run(
    rows: Sequence[tuple[Line, ...]], start: int, edges: Band, min_width: float
) -> tuple[int, tuple[Band, ...]]:
    """Where the run of rows from `start` sharing a free vertical band ends, and its gutters. A run of
    MIN_COLUMN_ROWS rows or more with _MANY_GUTTERS gutters ends before a row crossing most of them (a
    note across the page under a table of candidates), which would leave it one gutter and no columns."""
    bands = _free(rows[start], edges[0], edges[1], min_width)
    end = start + 1
    while end < len(rows):
        narrowed = _intersect(bands, _free(rows[end], edges[0], edges[1], min_width), min_width)
        if not narrowed:
            break
        if end - start >= MIN_COLUMN_ROWS and len(narrowed) < len(bands):  # only a lost band ends it
            held = len(_interior(bands, rows[start:end]))
            if held >= _MANY_GUTTERS and 2 * len(_interior(narrowed, rows[start : end + 1])) < held:
                break
        bands, end = narrowed, end + 1
    return end, _interior(bands, rows[start:end])


def _hides_gutters(
    rows: Sequence[tuple[Line, ...]], start: int, end: int, count: int, edges: Band, min_width: float
) -> bool:
    """Whether a run starting a little later shares more gutters, over the same rows or most of them (a
    title or a sentence above a table covers some of the table's gutters; a note across the page after
    it, and a signature to the right, may stretch the first run past the table's last row)."""
    for later_start in range(start + 1, min(start + 1 + LOOKAHEAD_ROWS, end)):
        later_end, later = _run(rows, later_start, edges, min_width)
        rows_shared = min(later_end, end) - later_start
        if len(later) > count and (
            later_end >= end or rows_shared >= max(MIN_COLUMN_ROWS, (end - later_start) / 2)
        ):
            return True
    return False


def _without_trailing_titles(
    rows: Sequence[tuple[Line, ...]], start: int, end: int, gutters: tuple[Band, ...]
) -> int:
    """The run's end less its last rows that are a line left of the first gutter set apart by space from
    the row above: a heading after a table ('Cell Phone Allowances' over the next paragraph), not a cell
    of its last row. A wrapped cell follows its row at the table's own pitch."""
    tops = [min(line.top for line in row) for row in rows[start:end]]
    pitches = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    if not gutters or len(pitches) < MIN_TABLE_ROWS:
        return end
    usual = median(pitches)
    while end - start > MIN_TABLE_ROWS:
        row = rows[end - 1]
        lone = len(row) == 1 and row[0].x1 <= gutters[0][0] + 0.5
        if not (lone and pitches[end - start - 2] > TITLE_GAP * usual):
            break
        end -= 1
    return end


def regions(rows: Sequence[tuple[Line, ...]]) -> list[Region]:
    """Rows split into regions: a run of rows sharing an empty vertical band is columns or a table.

    The run grows greedily while the rows' free bands still intersect (a gutter across many lines);
    a first row that hides gutters the rest of the run shares (a sentence above a table) stays text.
    """
    if not rows:
        return []
    edges = (min(ln.x0 for row in rows for ln in row), max(ln.x1 for row in rows for ln in row))
    min_width = MIN_GUTTER_EM * median(line.size for row in rows for line in row)
    found: list[Region] = []
    start = 0
    while start < len(rows):
        end, gutters = _run(rows, start, edges, min_width)
        end = _without_trailing_titles(rows, start, end, gutters)
        kind = _kind(rows[start:end], gutters)
        if kind != "text" and _hides_gutters(rows, start, end, len(gutters), edges, min_width):
            kind = "text"
        if kind == "text":
            found.append(Region("text", (rows[start],)))
            start += 1
            continue
        found.append(Region(kind, tuple(rows[start:end]), gutters))
        start = end
    return found


def page_regions(words: Sequence[Word]) -> list[Region]:
    """The page's words as regions in reading order (top to bottom)."""
    rows = [row_lines(row) for row in word_rows(words) if row]
    return regions(rows)
