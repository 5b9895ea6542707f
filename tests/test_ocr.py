"""OCR of image-only PDF pages: words, their boxes and order, sideways pages, an engine that will not load."""

from __future__ import annotations

import io
import sys

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

import corpus.ocr as ocr

WIDTH, HEIGHT = 360.0, 200.0
FONT, SIZE = "Helvetica", 14.0
# (left, baseline from the top, text): two lines, the second in two columns.
LINES = [
    (30.0, 50.0, "Parish council minutes approved"),
    (30.0, 110.0, "Budget 2024"),
    (200.0, 110.0, "Total 35000"),
]
# Words must land within this many points of where reportlab drew them (a scan's boxes are rough).
TOLERANCE = 4.0

pytestmark = pytest.mark.skipif(not ocr.ocr_available(), reason="rapidocr-onnxruntime cannot load here")


def _text_pdf() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(WIDTH, HEIGHT))
    pdf.setFont(FONT, SIZE)
    for left, baseline, text in LINES:
        pdf.drawString(left, HEIGHT - baseline, text)
    pdf.save()
    return out.getvalue()


def _scanned(turns: int = 0) -> pdfium.PdfDocument:
    """The text page rendered at 200 dpi and stored back as a bare image, turned `turns` quarter turns CCW."""
    image = pdfium.PdfDocument(_text_pdf())[0].render(scale=200 / 72).to_pil().convert("L")
    image = image.rotate(90 * turns, expand=True)
    width, height = (WIDTH, HEIGHT) if turns % 2 == 0 else (HEIGHT, WIDTH)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(width, height))
    pdf.drawImage(ImageReader(image), 0, 0, width, height)
    pdf.save()
    return pdfium.PdfDocument(out.getvalue())


def _expected() -> list[tuple[str, float, float, float]]:
    """(word, x0, x1, baseline) of every drawn word, in reading order."""
    words = []
    for left, baseline, text in LINES:
        x = left
        for word in text.split(" "):
            width = stringWidth(word, FONT, SIZE)
            words.append((word, x, x + width, baseline))
            x += width + stringWidth(" ", FONT, SIZE)
    return words


@pytest.fixture(scope="module")
def upright() -> list:
    document = _scanned()
    assert document[0].get_textpage().count_chars() == 0  # truly image-only
    return ocr.ocr_words(document[0])


def test_reads_each_word_with_its_box_in_reading_order(upright: list) -> None:
    expected = _expected()
    assert [w.text for w in upright] == [word for word, *_ in expected]
    for word, (_, x0, x1, baseline) in zip(upright, expected, strict=True):
        assert word.x0 == pytest.approx(x0, abs=TOLERANCE), word
        assert word.x1 == pytest.approx(x1, abs=TOLERANCE), word
        assert word.top < baseline < word.bottom + 1.0, word  # the box sits on the baseline
        assert word.top > baseline - SIZE, word


def test_size_is_close_to_the_font_size(upright: list) -> None:
    sizes = [w.size for w in upright]
    assert 0.6 * SIZE <= float(np.median(sizes)) <= 1.2 * SIZE


# Turned pages are read twice (once to find the turn); one turn runs by default, the others with the slow set.
@pytest.mark.parametrize(
    "turns", [1, pytest.param(2, marks=pytest.mark.slow), pytest.param(3, marks=pytest.mark.slow)]
)
def test_a_page_scanned_sideways_or_upside_down_is_read_upright(turns: int) -> None:
    words = ocr.ocr_words(_scanned(turns)[0])
    assert [w.text for w in words] == [word for word, *_ in _expected()]
    first, last = words[0], words[-1]
    assert first.x0 == pytest.approx(LINES[0][0], abs=TOLERANCE)  # boxes are in the upright frame
    assert last.top > first.bottom


def test_a_blank_page_gives_no_words() -> None:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(WIDTH, HEIGHT))
    pdf.drawImage(ImageReader(Image.new("L", (500, 280), 255)), 0, 0, WIDTH, HEIGHT)
    pdf.save()
    assert ocr.ocr_words(pdfium.PdfDocument(out.getvalue())[0]) == []


def test_unavailable_engine_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setattr(ocr, "_failure", None)
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import now fails
    assert ocr.ocr_available() is False
    with pytest.raises(RuntimeError, match="OCR engine unavailable"):
        ocr.ocr_words(_scanned()[0])


def test_a_very_large_page_renders_at_a_lower_scale() -> None:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(3000.0, 200.0))
    pdf.drawString(100, 100, "A banner")
    pdf.save()
    image, scale = ocr._render(pdfium.PdfDocument(out.getvalue())[0])
    assert max(image.shape) <= ocr._MAX_SIDE and scale < ocr.RENDER_SCALE
    assert image.shape[1] == pytest.approx(3000.0 * scale, abs=1)
