"""File readers: real files made in tmp_path read back with the right text, pages and errors."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

import corpus.pdf
from corpus.document import Page
from corpus.errors import UnreadableFileError
from corpus.reader import SUPPORTED_SUFFIXES, read_pages


def _pdf(path: Path, pages: list[str | None]) -> Path:
    """A PDF with one page per item: its text, or None for a page with only a drawn box."""
    sheet = canvas.Canvas(str(path))
    for text in pages:
        if text is None:
            sheet.rect(100, 100, 200, 200, fill=1)
        elif text:
            sheet.drawString(72, 720, text)
        sheet.showPage()
    sheet.save()
    return path


def _encrypted(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def _refusal(path: Path) -> str:
    """The message read_pages refuses `path` with, checked to be one line naming the file."""
    with pytest.raises(UnreadableFileError) as caught:
        read_pages(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert len(message) < len(str(path)) + 200
    return message.removeprefix(f"{path}: ")


def test_pdf_pages_keep_their_numbers_and_text(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "three.pdf", ["Alpha budget", "Bravo housing", "Charlie roads"])
    pages = read_pages(path)
    assert [page.number for page in pages] == [1, 2, 3]
    assert [page.text.strip() for page in pages] == ["Alpha budget", "Bravo housing", "Charlie roads"]


def test_pdf_blank_middle_page_stays_with_empty_text(tmp_path: Path) -> None:
    pages = read_pages(_pdf(tmp_path / "gap.pdf", ["First page", "", "Third page"]))
    assert [(page.number, page.text.strip()) for page in pages] == [
        (1, "First page"),
        (2, ""),
        (3, "Third page"),
    ]


def test_pdf_with_user_password_is_refused(tmp_path: Path) -> None:
    plain = _pdf(tmp_path / "plain.pdf", ["Secret minutes"])
    locked = _encrypted(plain, tmp_path / "locked.pdf", user_password="letmein")
    assert _refusal(locked) == "encrypted PDF (needs a password)"


def test_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    plain = _pdf(tmp_path / "plain.pdf", ["Open minutes", "Second sheet"])
    restricted = _encrypted(plain, tmp_path / "restricted.pdf", user_password="")
    pages = read_pages(restricted)
    assert [(page.number, page.text.strip()) for page in pages] == [
        (1, "Open minutes"),
        (2, "Second sheet"),
    ]


def test_random_bytes_are_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "noise.pdf"
    path.write_bytes(bytes(range(256)) * 8)
    assert _refusal(path) == "not a PDF (no %PDF header)"


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated_pdf_is_corrupt(tmp_path: Path, keep: float) -> None:
    whole = _pdf(tmp_path / "whole.pdf", ["Some text", "More text"]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: int(len(whole) * keep)])
    assert _refusal(path).startswith("corrupt PDF: ")


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", [None, None])
    assert _refusal(path) == "no text layer (scanned pages?)"


@pytest.mark.parametrize("name", ["empty.pdf", "empty.txt", "empty.docx", "empty.html"])
def test_zero_byte_file_is_empty(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert _refusal(path) == "empty file"


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t\n")
    assert _refusal(path) == "empty file"


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "budget.XLS"
    path.write_bytes(b"not really a spreadsheet")
    assert _refusal(path) == "unsupported file type '.xls'"
    assert ".xls" not in SUPPORTED_SUFFIXES and ".pdf" in SUPPORTED_SUFFIXES


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "nowhere.pdf") == "file not found"
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    assert _refusal(folder) == "is a directory, not a file"


def test_permission_error_is_a_friendly_reason(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("hello")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert _refusal(path) == "cannot read file: permission denied"


def test_html_keeps_structure_and_drops_markup(tmp_path: Path) -> None:
    path = tmp_path / "report.HTML"
    path.write_text(
        """<!DOCTYPE html><html><head><title>Skip me</title><style>p {color: red}</style></head>
        <body><nav><a href="/">Home</a></nav><script>var x = "<p>hidden</p>";</script>
        <h1 class="title" id=top>Housing   Report</h1>
        <p style="margin:0">First   paragraph<br>second line &amp; more</p>
        <!-- a comment -->
        <h3>Costs</h3>
        <table border=1><tr><th>Item</th><th>Cost</th></tr>
        <tr><td>Roofs</td><td><b>£1,200</b></td></tr></table>
        <ul><li>One</li><li data-x="1">Two &lt;p&gt;</li></ul>
        </body></html>""",
        encoding="utf-8",
    )
    pages = read_pages(path)
    assert pages == [
        Page(
            "# Housing Report\n\nFirst paragraph\nsecond line & more\n\n### Costs\n\n"
            "Item\tCost\nRoofs\t£1,200\n\n- One\n\n- Two",
            None,
        )
    ]
    assert "<" not in pages[0].text and ">" not in pages[0].text


def test_docx_keeps_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Annual Plan", 0)
    document.add_heading("Priorities", 2)
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Area"
    table.cell(0, 2).text = "Budget"
    for column, text in enumerate(["Roads", "Potholes", "£3m"]):
        table.cell(1, column).text = text
    document.add_paragraph("After the table.")
    # A header cell merged across two columns labels both, so Budget stays over £3m.
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert read_pages(path) == [
        Page(
            "# Annual Plan\n\n## Priorities\n\nBefore the table.\n\n"
            "Area\tArea\tBudget\nRoads\tPotholes\t£3m\n\nAfter the table.",
            None,
        )
    ]


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    assert _refusal(path).startswith("corrupt Word file: ")


def test_latin1_text_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Café budget £5\r\nline two\r\n".encode("latin-1"))
    assert read_pages(path) == [Page("Café budget £5\nline two", None)]


def test_utf8_bom_is_stripped_and_markers_split(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    data = "Agenda item one\nPage 1\nAgenda item two\nPage 2\n"
    path.write_bytes(b"\xef\xbb\xbf" + data.encode("utf-8"))
    assert read_pages(path) == [Page("Agenda item one", 1), Page("Agenda item two", 2)]


def test_unexpected_library_error_is_wrapped(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "odd.html"
    path.write_text("<p>fine</p>")

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser\nblew up")

    monkeypatch.setattr("corpus.html.BeautifulSoup", explode)
    assert _refusal(path) == "cannot read file: parser blew up"


def test_pdf_of_blank_pages_has_no_text_layer(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "blank.pdf"
    path.write_bytes(buffer.getvalue())
    assert _refusal(path) == "no text layer (scanned pages?)"


def test_pdf_without_pages(tmp_path: Path) -> None:
    path = tmp_path / "none.pdf"
    with path.open("wb") as handle:
        PdfWriter().write(handle)
    assert _refusal(path) == "PDF has no pages"


def test_one_broken_pdf_page_leaves_the_others(tmp_path: Path, monkeypatch) -> None:
    path = _pdf(tmp_path / "mixed.pdf", ["Good one", "Broken", "Good three"])
    original = corpus.pdf.page_words

    def flaky(page: object) -> list:
        words = original(page)
        if any(word.text == "Broken" for word in words):
            raise ValueError("bad content stream")
        return words

    monkeypatch.setattr(corpus.pdf, "page_words", flaky)
    pages = read_pages(path)
    assert [(page.number, page.text.strip()) for page in pages] == [
        (1, "Good one"),
        (2, ""),
        (3, "Good three"),
    ]


def test_pdf_whose_every_page_breaks_is_corrupt(tmp_path: Path, monkeypatch) -> None:
    path = _pdf(tmp_path / "broken.pdf", ["One", "Two"])

    def broken(page: object) -> list:
        raise KeyError("/Contents")

    monkeypatch.setattr(corpus.pdf, "page_words", broken)
    assert _refusal(path) == "corrupt PDF: '/Contents'"
