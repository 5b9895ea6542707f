"""Which PDF pages need OCR: scans and stamped scans yes, text pages and empty pages no."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from corpus.ocr import needs_ocr

SIZE = (300.0, 400.0)


def _page(text: str = "", image: tuple[float, float] | None = None) -> pdfium.PdfPage:
    """A one-page PDF with `text` drawn in lines and, if given, a grey picture of (width, height) points."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=SIZE)
    if image:
        pdf.drawImage(ImageReader(Image.new("L", (60, 80), 200)), 0, 0, *image)
    for n, line in enumerate(text.splitlines()):
        pdf.drawString(20, 380 - 12 * n, line)
    if not text and not image:
        pdf.showPage()
    pdf.save()
    return pdfium.PdfDocument(out.getvalue())[0]


def test_a_scan_needs_ocr() -> None:
    assert needs_ocr(_page(image=SIZE))


def test_a_scan_with_a_date_and_page_number_stamped_on_it_needs_ocr() -> None:
    assert needs_ocr(_page("January 20, 2021\n7", image=SIZE))


def test_a_text_page_with_a_logo_or_a_full_background_does_not() -> None:
    assert not needs_ocr(_page("Minutes of the meeting\nPresent: the Mayor", image=(60.0, 40.0)))
    body = "\n".join(f"Item {n}: the council resolved to approve the report" for n in range(12))
    assert not needs_ocr(_page(body, image=SIZE))


def test_an_empty_page_does_not() -> None:
    assert not needs_ocr(_page())
