"""Table cells as the source gives them (spans, merges) laid out on a rectangular grid of slots."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from corpus.table import is_rule

_MAX_COLS = 1000  # HTML caps colspan at 1000; more is a broken file, not a wider table
_MAX_ROWS = 65534  # HTML's cap on rowspan


@dataclass(frozen=True)
class Span:
    """One cell as the source gives it.

    rows, cols: how many rows and grid columns it covers (rowspan/colspan, DOCX gridSpan);
    rows <= 0 reaches the last row (HTML rowspan="0").
    header: marked as a header cell (<th>).
    merged_up: continues the cell above in its column (DOCX vMerge="continue"); its own text is ignored.
    given: False for room the source leaves empty on purpose (DOCX gridBefore/gridAfter).
    """

    text: str
    rows: int = 1
    cols: int = 1
    header: bool = False
    merged_up: bool = False
    given: bool = True


@dataclass(frozen=True)
class SourceRow:
    """A row's cells in source order; header: a <thead> row or a DOCX 'repeat as header row' (tblHeader)."""

    spans: tuple[Span, ...]
    header: bool = False


@dataclass(frozen=True)
class Slot:
    """One grid position and the cell covering it: owner -1 where none does; row, col: the cell's first."""

    owner: int = -1
    text: str = ""
    row: int = 0
    col: int = 0


@dataclass(frozen=True)
class Grid:
    """Rows of slots over the columns where cells start; marked[r]: row r is marked as a header row."""

    slots: tuple[tuple[Slot, ...], ...]
    marked: tuple[bool, ...]

    @property
    def width(self) -> int:
        return len(self.slots[0]) if self.slots else 0


def _is_marked(row: SourceRow) -> bool:
    given = [span for span in row.spans if span.given]
    return row.header or (bool(given) and all(span.header for span in given))


@dataclass(frozen=True)
class _Placed:
    """A cell's reach in one row: grid columns col .. col+width-1."""

    col: int
    width: int
    slot: Slot


def _free_column(blocked: list[_Placed], c: int) -> int:
    """The first column from c that no span from an earlier row covers; `blocked` is sorted by col."""
    for placed in blocked:
        if placed.col <= c < placed.col + placed.width:
            c = placed.col + placed.width
    return c


def layout(rows: Sequence[SourceRow]) -> Grid:
    """Place each cell at the first free slot of its row, covering the rows and columns it spans.

    The placement is the HTML table model's (WHATWG HTML, 'forming a table'), without row groups:
    a cell that an earlier row's span already covers pushes the row's later cells right. Where
    spans overlap (a broken file), the earlier cell keeps the slot.
    """
    reach: list[list[_Placed]] = [[] for _ in rows]
    owners = 0
    for r, row in enumerate(rows):
        blocked, c = sorted(reach[r], key=lambda placed: placed.col), 0
        for span in row.spans:
            c = _free_column(blocked, c)
            width = min(max(span.cols, 1), _MAX_COLS)
            above = (
                next((p.slot for p in reach[r - 1] if p.col <= c < p.col + p.width), Slot()) if r else Slot()
            )
            if span.merged_up and above.owner >= 0:
                reach[r].append(_Placed(c, width, above))
            else:
                height = len(rows) - r if span.rows <= 0 else min(span.rows, len(rows) - r, _MAX_ROWS)
                slot = Slot(owners, span.text, r, c) if span.given else Slot()
                owners += 1
                for dr in range(height):
                    reach[r + dr].append(_Placed(c, width, slot))
            c += width
    return Grid(_slots(reach), tuple(_is_marked(row) for row in rows))


def _slots(reach: list[list[_Placed]]) -> tuple[tuple[Slot, ...], ...]:
    """Rows of slots over the columns where some cell starts; the rest only ever sit under spans."""
    starts = sorted({p.slot.col for row in reach for p in row if p.slot.owner >= 0})
    index = {col: i for i, col in enumerate(starts)}
    moved: dict[int, Slot] = {}
    slots = []
    for row in reach:
        line = [Slot()] * len(starts)
        for placed in reversed(row):  # the earlier cell wins an overlap, so it is written last
            if placed.slot.owner < 0:
                continue
            slot = moved.setdefault(placed.slot.owner, replace(placed.slot, col=index[placed.slot.col]))
            for k in range(bisect_left(starts, placed.col), bisect_left(starts, placed.col + placed.width)):
                line[k] = slot
        slots.append(tuple(line))
    return tuple(slots)


def one_line(text: str) -> str:
    """A cell's content on one line: a nested table's rows apart by '; ', its cells by ' | '."""
    pieces: list[tuple[str, bool]] = []
    for line in text.split("\n"):
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        if not any(cells) or (len(cells) > 1 and is_rule(cells)):
            continue
        pieces.append((" | ".join(cell for cell in cells if cell), len(cells) > 1))
    joined = ""
    for i, (piece, is_row) in enumerate(pieces):
        gap = "; " if is_row and i and pieces[i - 1][1] else " "
        joined = f"{joined}{gap}{piece}" if joined else piece
    return joined
