"""Table cells as the source gives them (spans, merges) laid out on a rectangular grid of slots."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    """Rows of slots, all the same width; marked[r]: row r is marked as a header row."""

    slots: tuple[tuple[Slot, ...], ...]
    marked: tuple[bool, ...]

    @property
    def width(self) -> int:
        return len(self.slots[0]) if self.slots else 0


def _is_marked(row: SourceRow) -> bool:
    given = [span for span in row.spans if span.given]
    return row.header or (bool(given) and all(span.header for span in given))


def layout(rows: Sequence[SourceRow]) -> Grid:
    """Place each cell at the first free slot of its row, covering the rows and columns it spans.

    The placement is the HTML table model's (WHATWG HTML, 'forming a table'), without row groups:
    a cell that an earlier row's span already covers pushes the row's later cells right.
    """
    placed: dict[tuple[int, int], Slot] = {}
    owners = 0
    for r, row in enumerate(rows):
        c = 0
        for span in row.spans:
            while (r, c) in placed:
                c += 1
            width = min(max(span.cols, 1), _MAX_COLS)
            above = placed.get((r - 1, c), Slot())
            if span.merged_up and above.owner >= 0:
                for k in range(width):
                    placed[(r, c + k)] = placed.get((r - 1, c + k), above)
            else:
                height = len(rows) - r if span.rows <= 0 else min(span.rows, len(rows) - r, _MAX_ROWS)
                slot = Slot(owners, span.text, r, c) if span.given else Slot()
                owners += 1
                for dr in range(height):
                    for k in range(width):
                        placed.setdefault((r + dr, c + k), slot)
            c += width
    width = max((c + 1 for _, c in placed), default=0)
    slots = tuple(tuple(placed.get((r, c), Slot()) for c in range(width)) for r in range(len(rows)))
    return Grid(slots, tuple(_is_marked(row) for row in rows))


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
