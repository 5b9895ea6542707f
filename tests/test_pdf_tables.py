"""PDF tables: ruled grids and aligned columns come out as tab-separated rows, wrapped cells whole."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from corpus.blocks import parse_blocks
from corpus.cleaner import clean_pages
from corpus.pdf import read_pdf

HEIGHT = 842


def _ruled_table(path: Path) -> Path:
    """A grid with a header row and two rows whose cells wrap over two or three lines."""
    sheet = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    sheet.setFont("Helvetica", 9)
    xs, ys = [50, 110, 260, 350, 540], [100, 116, 160, 204]
    cells = [
        [["Pledge"], ["Description"], ["Holder"], ["Update"]],
        [
            ["Pledge", "11"],
            ["Plant 5,000 street trees", "across the borough"],
            ["Cllr Dana", "Okafor"],
            ["2,140 trees planted so", "far; winter season", "booked."],
        ],
        [
            ["Pledge", "12"],
            ["Introduce a free bulky", "waste collection"],
            ["Cllr Imran", "Vesey"],
            ["Vehicle procurement", "slipped to Q3."],
        ],
    ]
    for x in xs:
        sheet.line(x, HEIGHT - ys[0], x, HEIGHT - ys[-1])
    for y in ys:
        sheet.line(xs[0], HEIGHT - y, xs[-1], HEIGHT - y)
    for r, row in enumerate(cells):
        for c, lines in enumerate(row):
            for k, text in enumerate(lines):
                sheet.drawString(xs[c] + 3, HEIGHT - ys[r] - 11 - 11 * k, text)
    sheet.showPage()
    sheet.save()
    return path


def test_ruled_table_rows_keep_wrapped_cells_whole(tmp_path: Path) -> None:
    text = read_pdf(_ruled_table(tmp_path / "grid.pdf"))[0].text
    assert text.split("\n") == [
        "Pledge\tDescription\tHolder\tUpdate",
        "Pledge 11\tPlant 5,000 street trees across the borough\tCllr Dana Okafor\t"
        "2,140 trees planted so far; winter season booked.",
        "Pledge 12\tIntroduce a free bulky waste collection\tCllr Imran Vesey\tVehicle procurement slipped to Q3.",
    ]


def test_ruled_table_rows_reach_blocks_with_their_headers(tmp_path: Path) -> None:
    pages = clean_pages(read_pdf(_ruled_table(tmp_path / "grid.pdf")))
    rows = [b.text for b in parse_blocks(pages) if b.kind == "row"]
    assert "Holder: Cllr Imran Vesey" in rows[1].split("\n")
    assert "Description: Plant 5,000 street trees across the borough" in rows[0].split("\n")


def test_unruled_aligned_columns_are_a_table(tmp_path: Path) -> None:
    sheet = canvas.Canvas(str(tmp_path / "plain.pdf"), pagesize=(595, HEIGHT))
    sheet.setFont("Helvetica", 10)
    sheet.drawString(50, HEIGHT - 80, "Payments made in May 2024 were approved as listed below.")
    rows = [
        ("Date", "Payee", "Amount"),
        ("02/05/24", "Anglian Water", "£41.20"),
        ("09/05/24", "Village Hall Trust", "£150.00"),
        ("17/05/24", "Clerk salary", "£612.45"),
    ]
    for i, row in enumerate(rows):
        for x, cell in zip((50, 200, 420), row, strict=False):
            sheet.drawString(x, HEIGHT - 110 - 14 * i, cell)
    sheet.showPage()
    sheet.save()
    text = read_pdf(tmp_path / "plain.pdf")[0].text
    assert text.split("\n\n") == [
        "Payments made in May 2024 were approved as listed below.",
        "Date\tPayee\tAmount\n02/05/24\tAnglian Water\t£41.20\n09/05/24\tVillage Hall Trust\t£150.00\n"
        "17/05/24\tClerk salary\t£612.45",
    ]


def _double_ruled_table(path: Path) -> Path:
    """A notice's table as election software draws it: every border doubled 5 points apart (thin empty
    columns between), a header cell two lines tall with a frame drawn round its first line only, and
    body rows of two lines each (surname, then forenames) ruled apart."""
    sheet = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    sheet.setFont("Helvetica", 9)
    xs = [50, 55, 210, 215, 380, 545]
    ys = [220, 248, 290, 332, 374]
    for x in xs:
        sheet.line(x, HEIGHT - ys[0], x, HEIGHT - ys[-1])
    for y in ys:
        sheet.line(xs[0], HEIGHT - y, xs[-1], HEIGHT - y)
    sheet.line(xs[1], HEIGHT - 234, xs[2], HEIGHT - 234)  # the frame under the header's first line
    sheet.drawString(58, HEIGHT - 231, "Name of Candidate")
    sheet.drawString(58, HEIGHT - 245, "(surname first)")
    sheet.drawString(218, HEIGHT - 245, "Home Address")
    sheet.drawString(383, HEIGHT - 245, "Description (if any)")
    people = [("DENNISON", "Heidi", "High Street"), ("HOODLESS", "John", "Bates Lane"), ("SHIP", "Neal", "")]
    for r, (surname, forename, street) in enumerate(people):
        top = ys[r + 1]
        sheet.drawString(58, HEIGHT - top - 12, surname)
        sheet.drawString(58, HEIGHT - top - 24, forename)
        sheet.drawString(218, HEIGHT - top - 12, street or "(address in Cherwell District)")
    sheet.showPage()
    sheet.save()
    return path


def test_double_borders_and_a_framed_header_line_keep_one_row_per_candidate(tmp_path: Path) -> None:
    text = read_pdf(_double_ruled_table(tmp_path / "notice.pdf"))[0].text
    assert text.split("\n") == [
        "Name of Candidate (surname first)\tHome Address\tDescription (if any)",
        "DENNISON Heidi\tHigh Street\t",
        "HOODLESS John\tBates Lane\t",
        "SHIP Neal\t(address in Cherwell District)\t",
    ]
    pages = clean_pages(read_pdf(tmp_path / "notice.pdf"))
    rows = [b.text for b in parse_blocks(pages) if b.kind == "row"]
    assert len(rows) == 3 and "Name of Candidate (surname first): HOODLESS John" in rows[1].split("\n")


def test_a_caption_over_the_header_keeps_the_columns_it_runs_across(tmp_path: Path) -> None:
    """'Table 2: Proposals' printed across two header cells is the caption's own cell; the header and
    the rows below keep the column line it crosses."""
    sheet = canvas.Canvas(str(tmp_path / "bids.pdf"), pagesize=(595, HEIGHT))
    sheet.setFont("Helvetica", 9)
    xs, ys = [60, 200, 300, 420, 530], [100, 118, 136, 154, 172]
    for x in xs:
        sheet.line(x, HEIGHT - ys[0], x, HEIGHT - ys[-1])
    for y in ys:
        sheet.line(xs[0], HEIGHT - y, xs[-1], HEIGHT - y)
    sheet.drawString(250, HEIGHT - 112, "Table 4: Tenders received")  # runs over the line at x=300
    rows = [
        ("Contractor", "Fixed costs", "Variable costs", "Total cost"),
        ("Acme Homes", "$70,000", "$9,500", "$79,500"),
        ("Brook Lettings", "$64,000", "$12,250", "$76,250"),
    ]
    for r, cells in enumerate(rows):
        for x, cell in zip(xs, cells, strict=False):
            sheet.drawString(x + 4, HEIGHT - ys[r + 1] - 12, cell)
    sheet.showPage()
    sheet.save()
    lines = read_pdf(tmp_path / "bids.pdf")[0].text.split("\n")
    assert "Contractor\tFixed costs\tVariable costs\tTotal cost" in lines
    assert "Brook Lettings\t$64,000\t$12,250\t$76,250" in lines
    assert lines[0].rstrip("\t") == "Table 4: Tenders received"


def test_a_heading_after_an_unruled_table_is_no_cell_of_its_last_row(tmp_path: Path) -> None:
    sheet = canvas.Canvas(str(tmp_path / "report.pdf"), pagesize=(595, HEIGHT))
    sheet.setFont("Helvetica", 10)
    rows = [
        ("Proposed Salary Range", "Minimum", "Maximum"),
        ("Director of Government Services", "$141,198", "$199,112"),
        ("Director of Community Services", "$141,198", "$199,112"),
    ]
    for i, row in enumerate(rows):
        for x, cell in zip((50, 300, 420), row, strict=False):
            sheet.drawString(x, HEIGHT - 80 - 14 * i, cell)
    # a blank line, then the next section's heading and its paragraph, set left as the table's first column
    sheet.drawString(50, HEIGHT - 80 - 14 * 4, "Cell Phone Allowances")
    sheet.drawString(
        50,
        HEIGHT - 80 - 14 * 6,
        "The City provides a cell phone allowance in the amount of $75.00 per month for certain",
    )
    sheet.drawString(
        50,
        HEIGHT - 80 - 14 * 7,
        "positions where there is a business need to be able to reach an employee after hours.",
    )
    sheet.showPage()
    sheet.save()
    blocks = read_pdf(tmp_path / "report.pdf")[0].text.split("\n\n")
    assert blocks[0].splitlines()[-1] == "Director of Community Services\t$141,198\t$199,112"
    assert "Cell Phone Allowances" in blocks[1] and "\t" not in blocks[1]


def test_a_note_across_the_page_under_a_table_ends_it_before_a_signature_joins_it(tmp_path: Path) -> None:
    """A statement of persons nominated: titles over an unruled table, a note across the page under it
    and the officer's name at the right. The note and the name share only the right-hand gutter with the
    rows; the table keeps its own columns."""
    sheet = canvas.Canvas(str(tmp_path / "sopn.pdf"), pagesize=(595, HEIGHT))
    sheet.setFont("Helvetica", 9)
    lines = [
        ((200, "NORTH WARD"),),
        ((130, "STATEMENT AS TO PERSONS NOMINATED"),),
        ((20, "The following persons have been nominated:"),),
        ((490, "Decision of the"),),
        ((24, "Surname"), (108, "Other Names"), (216, "Home Address"), (336, "Description (if any)")),
        ((20, "Okafor"), (108, "Dana"), (216, "Resides in the City of"), (336, "Labour Party")),
        ((216, "York Council area"),),
        ((20, "Vesey"), (108, "Imran"), (216, "10 Mill Close"), (336, "Conservative Party Candidate")),
        ((216, "Earswick"),),
        ((23, "The persons opposite whose names no entry is made in the last column have been nominated."),),
        ((490, "JANE DOE"),),
    ]
    for i, row in enumerate(lines):
        for x, text in row:
            sheet.drawString(x, HEIGHT - 80 - 14 * i, text)
    sheet.showPage()
    sheet.save()
    rows = read_pdf(tmp_path / "sopn.pdf")[0].text.split("\n")
    assert any(r.startswith("Vesey\tImran\t10 Mill Close\tConservative Party Candidate") for r in rows)
