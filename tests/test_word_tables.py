"""Word tables with merged cells (vMerge, gridSpan), full-width rows and two-row headers read back cell under header."""

from __future__ import annotations

from pathlib import Path

import docx
from conftest import row_cells
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table

from corpus.blocks import Block, parse_blocks
from corpus.cleaner import clean_pages
from corpus.reader import read_pages
from corpus.word import read_docx

HEADER = ["Pledge", "Description", "Portfolio Holder", "Status"]


def _fill(table: Table, rows: list[list[str | None]]) -> None:
    """Write each text into its cell; None leaves the cell alone (it is to be merged)."""
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text


def _table(rows: list[list[str | None]]) -> tuple[docx.document.Document, Table]:
    document = docx.Document()
    document.add_heading("Cabinet pledge tracker", 1)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    _fill(table, rows)
    return document, table


def _save(document: docx.document.Document, tmp_path: Path) -> Path:
    path = tmp_path / "tracker.docx"
    document.save(str(path))
    return path


def _blocks(path: Path) -> list[Block]:
    return parse_blocks(clean_pages(read_pages(path)))


def _rows(path: Path) -> list[dict[str, str]]:
    return row_cells(_blocks(path))


def _mark_header(table: Table, row: int) -> None:
    """Tick 'Repeat as header row at the top of each page' (w:tblHeader) on one row."""
    table.rows[row]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def test_holder_merged_down_holds_both_pledges_and_statuses_keep_their_column(tmp_path: Path) -> None:
    document, table = _table(
        [
            HEADER,
            ["Pledge 21", "Build a skate park", "Cllr Omar Field", "Started"],
            ["Pledge 22", "Extend the cycle hire", None, "Stalled"],
            ["Pledge 23", "Reopen the lido", "Cllr Una Reyes", "Done"],
        ]
    )
    table.cell(1, 2).merge(table.cell(2, 2))
    rows = _rows(_save(document, tmp_path))
    assert [(r["Pledge"], r["Portfolio Holder"], r["Status"]) for r in rows] == [
        ("Pledge 21", "Cllr Omar Field", "Started"),
        ("Pledge 22", "Cllr Omar Field", "Stalled"),
        ("Pledge 23", "Cllr Una Reyes", "Done"),
    ]


def test_full_width_theme_rows_label_the_rows_beneath(tmp_path: Path) -> None:
    document, table = _table(
        [
            HEADER,
            ["Theme 1: Fair Work", None, None, None],
            ["Pledge 1", "Pay the real living wage", "Cllr Omar Field", "Done"],
            ["Theme 2: Healthy City", None, None, None],
            ["Pledge 12", "Open two lidos", "Cllr Una Reyes", "Delayed"],
            ["Pledge 13", "Ban junk food adverts", "Cllr Una Reyes", "Started"],
        ]
    )
    for r in (1, 3):
        table.cell(r, 0).merge(table.cell(r, 3))
    path = _save(document, tmp_path)
    rows = _rows(path)
    assert [(r["Pledge"], r["Portfolio Holder"], r["Status"], r["Section"]) for r in rows] == [
        ("Pledge 1", "Cllr Omar Field", "Done", "Theme 1: Fair Work"),
        ("Pledge 12", "Cllr Una Reyes", "Delayed", "Theme 2: Healthy City"),
        ("Pledge 13", "Cllr Una Reyes", "Started", "Theme 2: Healthy City"),
    ]
    assert not any(b.kind == "text" and "Pledge 1" in b.text for b in _blocks(path))


def test_merged_theme_row_and_holder_together(tmp_path: Path) -> None:
    document, table = _table(
        [
            HEADER,
            ["Theme: Clean Air", None, None, None],
            ["Pledge 5", "Add school streets", "Cllr Omar Field", "On Track"],
            ["Pledge 6", "Electric buses", None, "At Risk"],
            ["Pledge 7", "Clean air zone", "Cllr Una Reyes", "Completed"],
        ]
    )
    table.cell(1, 0).merge(table.cell(1, 3))
    table.cell(2, 2).merge(table.cell(3, 2))
    text = read_docx(_save(document, tmp_path))
    assert text.split("\n\n")[1].split("\n") == [
        "Pledge\tDescription\tPortfolio Holder\tStatus\tSection",
        "Pledge 5\tAdd school streets\tCllr Omar Field\tOn Track\tTheme: Clean Air",
        "Pledge 6\tElectric buses\tCllr Omar Field\tAt Risk\tTheme: Clean Air",
        "Pledge 7\tClean air zone\tCllr Una Reyes\tCompleted\tTheme: Clean Air",
    ]


def test_title_row_above_the_header_is_a_caption_not_the_header(tmp_path: Path) -> None:
    document, table = _table(
        [
            ["Appendix A – Capital schemes", None, None],
            ["Scheme", "Budget", "Lead"],
            ["Depot", "£2m", "Estates"],
        ]
    )
    table.cell(0, 0).merge(table.cell(0, 2))
    path = _save(document, tmp_path)
    assert _rows(path) == [{"Scheme": "Depot", "Budget": "£2m", "Lead": "Estates"}]
    assert any("Appendix A – Capital schemes" in b.text for b in _blocks(path) if b.kind != "row")


def test_two_row_header_joins_the_group_label_with_each_sub_label(tmp_path: Path) -> None:
    document, table = _table(
        [
            ["Service", "Budget", None, "Lead"],
            [None, "2020/21", "2021/22", None],
            ["Libraries", "£3.1m", "£2.9m", "Jo Hart"],
            ["Museums", "£1.0m", "£1.1m", "Sam Ode"],
        ]
    )
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 3).merge(table.cell(1, 3))
    assert _rows(_save(document, tmp_path)) == [
        {"Service": "Libraries", "Budget 2020/21": "£3.1m", "Budget 2021/22": "£2.9m", "Lead": "Jo Hart"},
        {"Service": "Museums", "Budget 2020/21": "£1.0m", "Budget 2021/22": "£1.1m", "Lead": "Sam Ode"},
    ]


def test_repeat_header_row_mark_makes_a_header_that_does_not_look_like_labels(tmp_path: Path) -> None:
    document, table = _table(
        [
            ["Action agreed at the last meeting.", "Who will do it and by when?"],
            ["review the lettings policy", "Head of Housing, June"],
        ]
    )
    _mark_header(table, 0)
    assert _rows(_save(document, tmp_path)) == [
        {
            "Action agreed at the last meeting.": "review the lettings policy",
            "Who will do it and by when?": "Head of Housing, June",
        }
    ]


def test_cell_merged_across_sits_in_its_first_column_once(tmp_path: Path) -> None:
    document, table = _table(
        [
            ["Scheme", "2022/23", "2023/24", "Lead"],
            ["Library roof", "Funding not yet agreed", None, "Estates"],
        ]
    )
    table.cell(1, 1).merge(table.cell(1, 2))
    assert _rows(_save(document, tmp_path)) == [
        {"Scheme": "Library roof", "2022/23": "Funding not yet agreed", "Lead": "Estates"}
    ]


def test_empty_and_lowercase_first_cells_stay_their_own_rows(tmp_path: Path) -> None:
    document, table = _table(
        [
            ["Area", "Measure", "Target"],
            ["Waste", "Recycling rate", "50%"],
            ["", "Missed bins", "80"],
            ["e-scooters", "Trips", ""],
        ]
    )
    assert _rows(_save(document, tmp_path)) == [
        {"Area": "Waste", "Measure": "Recycling rate", "Target": "50%"},
        {"Measure": "Missed bins", "Target": "80"},
        {"Area": "e-scooters", "Measure": "Trips"},
    ]


def test_nested_table_stays_inside_its_cell(tmp_path: Path) -> None:
    document, table = _table([["Ward", "Councillors"], ["Northgate", ""], ["Southmead", "Vacant"]])
    inner = table.cell(1, 1).add_table(rows=2, cols=2)
    _fill(inner, [["Ann Lee", "Labour"], ["Raj Patel", "Green"]])
    assert _rows(_save(document, tmp_path)) == [
        {"Ward": "Northgate", "Councillors": "Ann Lee | Labour; Raj Patel | Green"},
        {"Ward": "Southmead", "Councillors": "Vacant"},
    ]


def test_grid_columns_skipped_before_a_row_keep_later_cells_in_place(tmp_path: Path) -> None:
    document, table = _table(
        [["Ref", "Action", "Owner"], ["A1", "Review", "Ann Lee"], ["", "Follow up", "Raj Patel"]]
    )
    tr = table.rows[2]._tr
    tr.remove(tr.tc_lst[0])  # Word's 'gridBefore': the row starts one grid column in
    grid_before = OxmlElement("w:gridBefore")
    grid_before.set(qn("w:val"), "1")
    tr.get_or_add_trPr().append(grid_before)
    assert _rows(_save(document, tmp_path)) == [
        {"Ref": "A1", "Action": "Review", "Owner": "Ann Lee"},
        {"Action": "Follow up", "Owner": "Raj Patel"},
    ]


def test_key_value_table_stays_key_value(tmp_path: Path) -> None:
    document, _ = _table([["Date of meeting:", "4 March 2022"], ["Report author:", "Ann Lee"]])
    assert [b.text for b in _blocks(_save(document, tmp_path)) if b.kind == "row"] == [
        "Date of meeting: 4 March 2022",
        "Report author: Ann Lee",
    ]


def test_rows_and_cells_wrapped_in_content_controls_are_read(tmp_path: Path) -> None:
    document, table = _table([["Ref", "Owner"], ["A1", "Ann Lee"], ["A2", "Raj Patel"]])
    tbl, tr = table._tbl, table.rows[2]._tr
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    tr.addprevious(sdt)
    sdt.append(content)
    content.append(tr)  # a repeating-section content control around the last row
    assert tbl.tr_lst[-1] is not tr
    assert _rows(_save(document, tmp_path)) == [
        {"Ref": "A1", "Owner": "Ann Lee"},
        {"Ref": "A2", "Owner": "Raj Patel"},
    ]


def test_unmarked_sub_header_row_under_a_marked_group_header_joins_the_header(tmp_path: Path) -> None:
    document, table = _table(
        [
            ["Ward", "Turnout", None],
            [None, "2019", "2023"],
            ["Northgate", "31%", "35%"],
        ]
    )
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(0, 2))
    _mark_header(table, 0)
    assert _rows(_save(document, tmp_path)) == [
        {"Ward": "Northgate", "Turnout 2019": "31%", "Turnout 2023": "35%"}
    ]
