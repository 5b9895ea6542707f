"""PDF pages: running headers and footers removed on papers of any length, printed numbers as labels, OCR."""

from __future__ import annotations

import sys
import types
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from corpus.geometry import Word
from corpus.pdf import read_pdf

HEIGHT = 842


def _paper(path: Path, bodies: list[list[str]], header: str | None, footer: str | None) -> Path:
    """Pages of 10pt body lines; header/footer drawn in the margins, '{n}' replaced by the page number."""
    sheet = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    for number, lines in enumerate(bodies, start=1):
        sheet.setFont("Helvetica", 9)
        if header:
            sheet.drawString(72, HEIGHT - 40, header.format(n=number))
        if footer:
            sheet.drawString(260, 30, footer.format(n=number))
        sheet.setFont("Helvetica", 10)
        for i, line in enumerate(lines):
            sheet.drawString(72, HEIGHT - 120 - 12 * i, line)
        sheet.showPage()
    sheet.save()
    return path


BODIES = [
    ["The committee considered the budget and noted that costs", "for the depot will rise"],
    ["by four per cent next year.", "RESOLVED: that the report be noted and the clerk write to the manager."],
]


def test_two_page_paper_loses_its_running_header_and_footer(tmp_path: Path) -> None:
    path = _paper(tmp_path / "two.pdf", BODIES, "OFFICIAL", "Page {n} of 2")
    pages = read_pdf(path)
    assert [p.text for p in pages] == [
        "The committee considered the budget and noted that costs for the depot will rise",
        "by four per cent next year.\n\nRESOLVED: that the report be noted and the clerk write to the manager.",
    ]


def test_repeated_address_header_is_removed_on_two_pages(tmp_path: Path) -> None:
    path = _paper(tmp_path / "addr.pdf", BODIES, "Council Chamber, 1 High Street, Northgate", None)
    assert all("High Street" not in p.text for p in read_pdf(path))


def test_a_running_masthead_is_kept_for_the_metadata_but_not_the_text(tmp_path: Path) -> None:
    from corpus.loader import load_document

    path = _paper(
        tmp_path / "mast.pdf", BODIES, "Northgate Town Council  Finance Committee 4 March 2021", "Page {n}"
    )
    pages = read_pdf(path)
    assert all("Northgate" not in p.text for p in pages)  # no chunk repeats it
    assert pages[0].masthead.startswith("Northgate Town Council") and pages[1].masthead == ""
    meta = load_document(path).meta
    assert (meta.council, meta.date.isoformat()) == ("Northgate Town Council", "2021-03-04")


def test_a_footer_signing_the_paper_is_kept_once_on_its_last_page(tmp_path: Path) -> None:
    signed = _paper(tmp_path / "signed.pdf", BODIES, None, "Dated: 4 April 2019  Returning Officer  Ann Lee")
    pages = read_pdf(signed)
    assert "Ann Lee" not in pages[0].text and "Returning Officer" not in pages[0].text
    assert pages[1].text.count("Returning Officer") == 1 and "Ann Lee" in pages[1].text
    plain = _paper(tmp_path / "plain.pdf", BODIES, None, "Northgate Town Council, 1 High Street")
    assert all("High Street" not in p.text for p in read_pdf(plain))  # an address signs nothing


def test_printed_page_numbers_become_labels(tmp_path: Path) -> None:
    path = _paper(tmp_path / "num.pdf", BODIES, None, "- {n} -")
    pages = read_pdf(path)
    assert [(p.number, p.label) for p in pages] == [(1, None), (2, None)]
    shifted = _paper(tmp_path / "shift.pdf", BODIES, None, "Page 4{n}")
    assert [(p.number, p.label) for p in read_pdf(shifted)] == [(1, "41"), (2, "42")]


def test_a_one_page_paper_keeps_a_header_that_is_not_furniture(tmp_path: Path) -> None:
    path = _paper(tmp_path / "one.pdf", BODIES[:1], "Northgate Parish Council", "Page 1 of 1")
    text = read_pdf(path)[0].text
    assert text.startswith("Northgate Parish Council")
    assert "Page 1" not in text


def _scan(path: Path) -> Path:
    """A page that is only an image, as a scanner makes."""
    from PIL import Image

    sheet = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    sheet.drawImage(ImageReader(Image.new("RGB", (40, 40), "white")), 72, 400, 200, 200)
    sheet.showPage()
    sheet.save()
    return path


def test_image_page_is_read_by_ocr_and_marked(tmp_path: Path, monkeypatch) -> None:
    fake = types.ModuleType("corpus.ocr")
    fake.ocr_words = lambda page: [  # type: ignore[attr-defined]
        Word("Minutes", 72, 100, 120, 112, 12),
        Word("approved.", 124, 100, 180, 112, 12),
    ]
    monkeypatch.setitem(sys.modules, "corpus.ocr", fake)
    pages = read_pdf(_scan(tmp_path / "scan.pdf"))
    assert [(p.text, p.ocr) for p in pages] == [("Minutes approved.", True)]


def test_image_page_that_ocr_cannot_read_is_refused_with_one_line(tmp_path: Path, monkeypatch) -> None:
    fake = types.ModuleType("corpus.ocr")

    def broken(page: object) -> list[Word]:
        raise RuntimeError("model missing")

    fake.ocr_words = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "corpus.ocr", fake)
    from corpus.errors import UnreadableFileError

    try:
        read_pdf(_scan(tmp_path / "scan.pdf"))
    except UnreadableFileError as exc:
        assert exc.reason == "no text layer (scanned pages?)"
    else:
        raise AssertionError("an unreadable scan was accepted")


def test_word_hyphenated_across_a_page_break_is_whole_on_the_first_page(tmp_path: Path) -> None:
    bodies = [
        ["The committee agreed to fund the refurbish-"],
        ["ment of the pool at a cost of two million pounds, subject to the outcome of the survey."],
    ]
    pages = read_pdf(_paper(tmp_path / "seam.pdf", bodies, None, "Page {n} of 2"))
    assert [p.text for p in pages] == [
        "The committee agreed to fund the refurbishment",
        "of the pool at a cost of two million pounds, subject to the outcome of the survey.",
    ]


def _footer_rows(text: str, pages: list[int]) -> list:
    from corpus.furniture import EdgeRow

    return [EdgeRow(p, (Word(text, 72.0, 760.0, 140.0, 772.0, 10.0),), 1) for p in pages]


def test_a_body_line_ending_scattered_pages_is_not_furniture_but_an_attachment_header_is() -> None:
    from corpus.furniture import furniture

    scattered = _footer_rows("CARRIED", [7, 11, 12])  # the last line of three of fourteen pages
    attachment = _footer_rows("Appendix B - Audit Report", [3, 4, 5])  # an attachment's own header
    running = _footer_rows("Council Minutes - May 26, 2014", list(range(14)))
    found = furniture(scattered + attachment + running, 14)
    assert not any(r.text == "CARRIED" for r in found)
    assert {r.page for r in found if r.text.startswith("Appendix")} == {3, 4, 5}
    assert len([r for r in found if r.text.startswith("Council Minutes")]) == 14


def test_a_notices_imprint_is_no_part_of_its_sign_off() -> None:
    from corpus.furniture import furniture, sign_off

    rows = (
        _footer_rows("MARY WEASTELL", [0, 1])
        + _footer_rows("Dated: Thursday, 04 April, 2019 RETURNING OFFICER", [0, 1])
        + _footer_rows("Printed and Published by the RETURNING OFFICER, WEST OFFICES", [0, 1])
    )
    kept = sign_off(furniture(rows, 2), 2, float(HEIGHT))
    assert sorted(r.text for r in kept) == [
        "Dated: Thursday, 04 April, 2019 RETURNING OFFICER",
        "MARY WEASTELL",
    ]
    assert {r.page for r in kept} == {1}
    assert sign_off(furniture(_footer_rows("Northgate Town Council", [0, 1]), 2), 2, float(HEIGHT)) == []
