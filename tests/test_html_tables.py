"""HTML tables with rowspan, colspan, full-width rows and two-row headers read back cell under header."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import row_cells
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.blocks import Block, parse_blocks
from corpus.cleaner import clean_pages
from corpus.grid import SourceRow, Span, layout
from corpus.gridtext import grid_lines, read_grid
from corpus.html import read_html
from corpus.reader import read_pages


def _html(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "paper.html"
    path.write_text(f"<html><body><h1>Cabinet work programme</h1>{body}</body></html>", encoding="utf-8")
    return path


def _blocks(path: Path) -> list[Block]:
    return parse_blocks(clean_pages(read_pages(path)))


def _rows(path: Path) -> list[dict[str, str]]:
    return row_cells(_blocks(path))


HEAD = "<tr><th>Pledge</th><th>Description</th><th>Portfolio Holder</th><th>Status</th></tr>"


def test_rowspan_cell_repeats_and_later_cells_keep_their_columns(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        f"<table>{HEAD}"
        "<tr><td>Item 4</td><td>Resurface the market square</td><td rowspan=2>Cllr Ada Moss</td>"
        "<td>Started</td></tr>"
        "<tr><td>Item 5</td><td>Light the canal path</td><td>Slipped</td></tr>"
        "<tr><td>Item 6</td><td>Open a repair cafe</td><td>Cllr Ben Ruiz</td><td>Done</td></tr></table>",
    )
    rows = _rows(path)
    assert [(r["Pledge"], r["Portfolio Holder"], r["Status"]) for r in rows] == [
        ("Item 4", "Cllr Ada Moss", "Started"),
        ("Item 5", "Cllr Ada Moss", "Slipped"),
        ("Item 6", "Cllr Ben Ruiz", "Done"),
    ]


def test_rowspan_in_the_first_column_repeats_the_group_name(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><th>Directorate</th><th>Saving</th><th>Amount</th></tr>"
        "<tr><td rowspan=3>Place</td><td>Parking charges</td><td>£40k</td></tr>"
        "<tr><td>Street lighting</td><td>£25k</td></tr>"
        "<tr><td>Grounds maintenance</td><td>£10k</td></tr>"
        "<tr><td>People</td><td>Transport</td><td>£5k</td></tr></table>",
    )
    assert [(r["Directorate"], r["Saving"], r["Amount"]) for r in _rows(path)] == [
        ("Place", "Parking charges", "£40k"),
        ("Place", "Street lighting", "£25k"),
        ("Place", "Grounds maintenance", "£10k"),
        ("People", "Transport", "£5k"),
    ]


def test_rowspan_zero_reaches_the_last_row(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><th>Task</th><th>Owner</th><th>Due</th></tr>"
        "<tr><td>Draft</td><td rowspan=0>Legal team</td><td>May</td></tr>"
        "<tr><td>Consult</td><td>June</td></tr><tr><td>Adopt</td><td>July</td></tr></table>",
    )
    assert [(r["Task"], r["Owner"], r["Due"]) for r in _rows(path)] == [
        ("Draft", "Legal team", "May"),
        ("Consult", "Legal team", "June"),
        ("Adopt", "Legal team", "July"),
    ]


def test_colspan_data_cell_sits_in_its_first_column_once(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><th>Scheme</th><th>2022/23</th><th>2023/24</th><th>Lead</th></tr>"
        "<tr><td>Library roof</td><td colspan=2>Funding not yet agreed</td><td>Estates</td></tr></table>",
    )
    assert _rows(path) == [{"Scheme": "Library roof", "2022/23": "Funding not yet agreed", "Lead": "Estates"}]


def test_full_width_rows_label_the_rows_beneath_and_never_become_the_header(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        f"<table>{HEAD}"
        "<tr><td colspan=4>Theme 1: Thriving Economy</td></tr>"
        "<tr><td>Pledge 11</td><td>Open a business hub</td><td>Cllr Ada Moss</td><td>Done</td></tr>"
        "<tr><td colspan=4>Theme 2: Healthy City</td></tr>"
        "<tr><td>Pledge 12</td><td>Open two lidos</td><td>Cllr Ben Ruiz</td><td>Delayed</td></tr>"
        "<tr><td>Pledge 13</td><td>Plant trees</td><td>Cllr Ben Ruiz</td><td>Started</td></tr></table>",
    )
    rows = _rows(path)
    assert [(r["Pledge"], r["Status"], r["Section"]) for r in rows] == [
        ("Pledge 11", "Done", "Theme 1: Thriving Economy"),
        ("Pledge 12", "Delayed", "Theme 2: Healthy City"),
        ("Pledge 13", "Started", "Theme 2: Healthy City"),
    ]


def test_full_width_row_without_th_header_is_not_the_header(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><td>Ref</td><td>Action</td><td>Owner</td></tr>"
        "<tr><td colspan=3>Housing</td></tr>"
        "<tr><td>A1</td><td>Review allocations</td><td>Head of Housing</td></tr></table>",
    )
    assert _rows(path) == [
        {"Ref": "A1", "Action": "Review allocations", "Owner": "Head of Housing", "Section": "Housing"}
    ]


def test_title_row_above_the_header_is_a_caption(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><caption>Table 3</caption><tr><th colspan=3>Capital programme 2022</th></tr>"
        "<tr><th>Scheme</th><th>Budget</th><th>Spent</th></tr>"
        "<tr><td>Depot</td><td>£2m</td><td>£1.2m</td></tr></table>",
    )
    blocks = _blocks(path)
    texts = [b.text for b in blocks if b.kind != "row"]
    assert "Table 3" in " ".join(texts) and "Capital programme 2022" in " ".join(texts)
    assert _rows(path) == [{"Scheme": "Depot", "Budget": "£2m", "Spent": "£1.2m"}]


def test_two_row_header_in_thead_joins_group_and_sub_labels(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><thead><tr><th rowspan=2>Service</th><th colspan=2>Budget</th><th rowspan=2>Lead</th></tr>"
        "<tr><th>2020/21</th><th>2021/22</th></tr></thead>"
        "<tbody><tr><td>Libraries</td><td>£3.1m</td><td>£2.9m</td><td>Jo Hart</td></tr></tbody></table>",
    )
    assert _rows(path) == [
        {"Service": "Libraries", "Budget 2020/21": "£3.1m", "Budget 2021/22": "£2.9m", "Lead": "Jo Hart"}
    ]


def test_two_row_header_without_th_is_found_from_its_merged_group(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><td rowspan=2>Service</td><td colspan=2>Spend</td></tr>"
        "<tr><td>Planned</td><td>Actual</td></tr>"
        "<tr><td>Parks</td><td>120</td><td>98</td></tr></table>",
    )
    assert _rows(path) == [{"Service": "Parks", "Spend Planned": "120", "Spend Actual": "98"}]


def test_label_like_first_data_row_under_a_merged_header_stays_data(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><td>Name</td><td colspan=2>Contact</td></tr>"
        "<tr><td>Ann Lee</td><td>Town Hall</td><td>01234 567890</td></tr></table>",
    )
    assert [b.text for b in _blocks(path) if b.kind == "row"] == [
        "Name: Ann Lee\nContact: Town Hall\nContact: 01234 567890"
    ]


def test_row_headers_in_th_do_not_make_a_header_row(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><th>Date of meeting:</th><td>4 March 2022</td></tr>"
        "<tr><th>Report author:</th><td>Ann Lee</td></tr></table>",
    )
    assert [b.text for b in _blocks(path) if b.kind == "row"] == [
        "Date of meeting: 4 March 2022",
        "Report author: Ann Lee",
    ]


def test_empty_first_cell_row_stays_its_own_row(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><th>Area</th><th>Measure</th><th>Target</th></tr>"
        "<tr><td>Waste</td><td>Recycling rate</td><td>50%</td></tr>"
        "<tr><td></td><td>Missed bins</td><td>80</td></tr></table>",
    )
    assert _rows(path) == [
        {"Area": "Waste", "Measure": "Recycling rate", "Target": "50%"},
        {"Measure": "Missed bins", "Target": "80"},
    ]


def test_nested_table_stays_inside_its_cell(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><th>Ward</th><th>Councillors</th></tr>"
        "<tr><td>Northgate</td><td><table><tr><td>Ann Lee</td><td>Labour</td></tr>"
        "<tr><td>Raj Patel</td><td>Green</td></tr></table></td></tr>"
        "<tr><td>Southmead</td><td>Vacant</td></tr></table>",
    )
    assert _rows(path) == [
        {"Ward": "Northgate", "Councillors": "Ann Lee | Labour; Raj Patel | Green"},
        {"Ward": "Southmead", "Councillors": "Vacant"},
    ]


def test_one_column_table_reads_as_paragraphs(tmp_path: Path) -> None:
    text = read_html(_html(tmp_path, "<table><tr><td>Note one.</td></tr><tr><td>Note two.</td></tr></table>"))
    assert text.endswith("Note one.\n\nNote two.")


def test_th_in_every_row_marks_no_header_row(tmp_path: Path) -> None:
    path = _html(
        tmp_path,
        "<table><tr><th>Ward</th><th>Turnout</th></tr><tr><th>Northgate</th><th>31%</th></tr>"
        "<tr><th>Southmead</th><th>28%</th></tr></table>",
    )
    assert _rows(path) == [{"Ward": "Northgate", "Turnout": "31%"}, {"Ward": "Southmead", "Turnout": "28%"}]


# --- the grid layout itself ---------------------------------------------------------------------


@st.composite
def _merged_grids(draw: st.DrawFn) -> list[list[int]]:
    """A rectangle of cell ids where each id covers a rectangle: a table's true merged layout."""
    height, width = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    ids = [[-1] * width for _ in range(height)]
    owner = 0
    for r in range(height):
        for c in range(width):
            if ids[r][c] >= 0:
                continue
            free = 1
            while c + free < width and ids[r][c + free] < 0:
                free += 1
            w = draw(st.integers(1, free))
            h = draw(st.integers(1, height - r))
            while any(ids[r + dr][c + k] >= 0 for dr in range(h) for k in range(w)):
                h -= 1
            for dr in range(h):
                for k in range(w):
                    ids[r + dr][c + k] = owner
            owner += 1
    return ids


def _source(ids: list[list[int]]) -> list[SourceRow]:
    """The rows an HTML file gives for that layout: each cell once, in its first row, with its spans."""
    rows = []
    for r, line in enumerate(ids):
        spans = []
        for c, cell in enumerate(line):
            if (r and ids[r - 1][c] == cell) or (c and line[c - 1] == cell):
                continue
            width = sum(1 for k in range(c, len(line)) if line[k] == cell)
            height = sum(1 for row in ids[r:] if row[c] == cell)
            spans.append(Span(f"cell {cell}", rows=height, cols=width))
        rows.append(SourceRow(tuple(spans)))
    return rows


@settings(max_examples=200, deadline=None)
@given(_merged_grids())
def test_layout_puts_every_cell_back_over_the_columns_where_cells_start(ids: list[list[int]]) -> None:
    grid = layout(_source(ids))
    # Columns where no cell starts lie wholly under wider cells: the grid leaves them out.
    starts = [c for c in range(len(ids[0])) if any(c == 0 or line[c - 1] != line[c] for line in ids)]
    assert [[slot.text for slot in row] for row in grid.slots] == [
        [f"cell {line[c]}" for c in starts] for line in ids
    ]


@settings(max_examples=200, deadline=None)
@given(_merged_grids(), st.booleans())
def test_every_cell_text_is_written_once_in_the_table_lines(ids: list[list[int]], marked: bool) -> None:
    rows = _source(ids)
    if marked:  # the first row marked as a header row, as <thead> would
        rows[0] = SourceRow(rows[0].spans, header=True)
    lines = grid_lines(layout(rows))
    for cell in {i for line in ids for i in line}:
        assert any(re.search(rf"\bcell {cell}\b", line) for line in lines), (cell, lines)
    # A data cell merged across is written in its first column only: no data row holds a text twice.
    for row in read_grid(layout(rows)).rows:
        filled = [cell for cell in row if cell]
        assert len(filled) == len(set(filled)), row
