"""Words read by OCR from a PDF page that has no text layer (RapidOCR: PP-OCR models run by ONNX Runtime)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from corpus.geometry import Word
from corpus.ocrlines import OcrLine, PixelWord, split_line
from corpus.ocrsplit import join_fragments, mend_letters, split_glued

if TYPE_CHECKING:
    import pypdfium2

# Pixels per PDF point (72 per inch). 3.0 = 216 dpi: on the 7 gold pages of the scanned dev papers it
# left 11% fewer unknown words than 2.0 (wider gaps between words, URLs read right) for ~35% more
# CPU; both found every gold answer. Past 3.0 the 200-300 dpi scans have no more detail to give.
RENDER_SCALE = 3.0
# The recogniser's mean character confidence below which a line is noise: on the 41 scanned dev
# pages the lines under 0.7 were specks, seal and logo lettering, map texture and stray CJK glyphs;
# body text, even misread ("Ntpissing"), scored 0.77 and up.
MIN_LINE_SCORE = 0.7
# Detector settings passed on every call (RapidOCR resets them to these defaults when any is omitted).
_DETECT = {"box_thresh": 0.5, "unclip_ratio": 1.6}
# Longest side of the page image in pixels (RapidOCR is told not to shrink below it): pages larger
# than ~19 inches render at a lower scale rather than take minutes and gigabytes.
_MAX_SIDE = 4096
# Lines sampled to decide which way up the page is, and the share of the classifier's confidence
# voting "upside down" that turns it.
_ORIENTATION_SAMPLE = 16
_TURN_VOTE = 0.6
# The angle classifier sees 192x48 pixels: a whole long line would be squeezed to a smear, so it is
# shown a piece of each line this many times as wide as it is high.
_CLS_ASPECT = 4
# A turned reading replaces the first one only if it finds at least this share of its confident
# characters: a wrong vote then costs a second pass, never the page.
_TURNED_KEEPS = 0.9
# A detected box this much taller than wide is text running up or down the page.
_TALL = 1.5
# A page whose text layer holds fewer characters than this, under a picture covering at least this
# share of it, is a scan with a stamp on top (Morgan Hill's p7: a date and page number over a
# full-page scan): its real text is in the picture.
_STAMP_CHARS = 80
_SCAN_COVER = 0.5


@dataclass(frozen=True)
class _Reading:
    """One line as RapidOCR returns it: its quad (4x2, pixels), text, mean confidence, character quads."""

    quad: np.ndarray
    text: str
    score: float
    chars: list


_lock = threading.Lock()
_engine: Any = None
_failure: str | None = None


def _load() -> Any:
    """The process's one RapidOCR engine, built on first use; raises RuntimeError when it cannot load."""
    global _engine, _failure
    with _lock:
        if _engine is None and _failure is None:
            try:
                from rapidocr_onnxruntime import RapidOCR

                _engine = RapidOCR(max_side_len=_MAX_SIDE, print_verbose=False)
            except Exception as error:  # any import or model-loading failure means: no OCR here
                _failure = f"{type(error).__name__}: {error}"
        if _engine is None:
            raise RuntimeError(f"OCR engine unavailable ({_failure})")
        return _engine


def ocr_available() -> bool:
    """True when the OCR engine imports and loads its models (the first call loads them, ~0.3 s)."""
    try:
        _load()
    except RuntimeError:
        return False
    return True


def needs_ocr(page: pypdfium2.PdfPage) -> bool:
    """True when a page's text is in pictures, not its text layer: call ocr_words() for it.

    That is a page with no text-layer characters but something drawn (a scan, or text drawn as
    outlines), or one with a few characters stamped over a picture covering most of it. In the
    second case the stamp's words come back from OCR too.
    """
    import pypdfium2.raw as pdfium_c

    chars = page.get_textpage().count_chars()
    if chars == 0:
        return any(True for _ in page.get_objects(max_depth=1))
    if chars >= _STAMP_CHARS:
        return False
    width, height = page.get_size()
    images = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
    areas = [(x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in (image.get_bounds() for image in images)]
    return max(areas, default=0.0) >= _SCAN_COVER * width * height


def _render(page: pypdfium2.PdfPage) -> tuple[np.ndarray, float]:
    """The page as shown (its /Rotate applied) in grey levels, uint8 HxW, and its pixels per point.

    RENDER_SCALE, less for a page so large that its longer side would pass _MAX_SIDE pixels.
    """
    scale = min(RENDER_SCALE, _MAX_SIDE / max(page.get_size()))
    image = page.render(scale=scale, grayscale=True).to_numpy()
    return np.ascontiguousarray(image[:, :, 0] if image.ndim == 3 else image), scale


def _read(engine: Any, gray: np.ndarray) -> list[_Reading]:
    """RapidOCR's lines, top to bottom, every one kept whatever its confidence."""
    result, _ = engine(gray, use_cls=False, return_word_box=True, text_score=0.0, **_DETECT)
    # Character quads come only from RapidOCR >= 1.4 (return_word_box); without them _lines spreads.
    return [
        _Reading(np.asarray(row[0], dtype=float), row[1], float(row[2]), row[3] if len(row) > 3 else [])
        for row in result or []
    ]


def _quarter_turns(engine: Any, gray: np.ndarray, raw: list[_Reading]) -> int:
    """Counter-clockwise quarter turns that make the page's text upright (0-3), voted by the line classifier.

    Text mostly in boxes taller than wide (counted by characters, so item numbers do not sway it)
    means the page lies sideways; RapidOCR's angle classifier (0 or 180 degrees, PP-OCR mobile cls)
    then says which way up, on crops of the longest lines.
    """
    if not raw:
        return 0
    quads = [line.quad for line in raw]
    sizes = [(q[:, 0].max() - q[:, 0].min(), q[:, 1].max() - q[:, 1].min()) for q in quads]
    tall = sum(len(line.text) for (w, h), line in zip(sizes, raw, strict=True) if h >= _TALL * w)
    sideways = tall * 2 > sum(len(line.text) for line in raw)
    crops = []
    for i in sorted(range(len(quads)), key=lambda i: -max(sizes[i]))[:_ORIENTATION_SAMPLE]:
        q = quads[i].astype(int)
        crop = gray[q[:, 1].min() : q[:, 1].max() + 1, q[:, 0].min() : q[:, 0].max() + 1]
        crop = np.rot90(crop) if sideways else crop
        middle, half = crop.shape[1] // 2, _CLS_ASPECT * crop.shape[0] // 2
        if crop.size:
            crops.append(np.dstack([crop[:, max(0, middle - half) : middle + half]] * 3))
    if not crops:
        return 1 if sideways else 0
    _, votes, _ = engine.text_cls(crops)
    upside_down = sum(float(score) for label, score in votes if label == "180")
    flipped = upside_down >= _TURN_VOTE * sum(float(score) for _, score in votes)
    return (1 if sideways else 0) + (2 if flipped else 0)


def _confident_chars(raw: list[_Reading]) -> int:
    """Characters in the lines a reading keeps: how much legible text it found."""
    return sum(len(line.text.strip()) for line in raw if line.score >= MIN_LINE_SCORE)


def _line(reading: _Reading) -> OcrLine:
    """A reading with its characters' spans; RapidOCR gives one quad per character, in text order."""
    quad, text = reading.quad, reading.text
    box = (float(quad[:, 0].min()), float(quad[:, 1].min()), float(quad[:, 0].max()), float(quad[:, 1].max()))
    if len(reading.chars) == len(text):
        spans = tuple((min(p[0] for p in c), max(p[0] for p in c)) for c in reading.chars)
    else:  # character boxes missing or misaligned: spread the characters evenly over the line
        step = (box[2] - box[0]) / len(text)
        spans = tuple((box[0] + i * step, box[0] + (i + 1) * step) for i in range(len(text)))
    return OcrLine(mend_letters(text), reading.score, box, spans)


def _lines(raw: list[_Reading]) -> list[OcrLine]:
    """The confident, non-blank lines of a reading."""
    return [_line(r) for r in raw if r.score >= MIN_LINE_SCORE and r.text.strip()]


def _to_points(word: PixelWord, scale: float) -> Word:
    """A pixel word in PDF points; its ink height stands in for the font size."""
    x0, top, x1, bottom = (v / scale for v in (word.x0, word.top, word.x1, word.bottom))
    return Word(word.text, x0, top, x1, bottom, size=round(bottom - top, 1))


def ocr_words(page: pypdfium2.PdfPage) -> list[Word]:
    """Words OCR reads on `page`, in PDF points from the top-left of the page as displayed.

    Lines come top to bottom, words left to right; `size` is the line's ink height in points. A page
    whose text runs sideways or upside down is turned upright first, and its boxes are given in that
    upright frame (width and height swap for a quarter turn). Returns [] for a page with no legible
    text. Raises RuntimeError when the OCR engine is unavailable (check ocr_available() first).

    Method: RapidOCR 1.4 runs PP-OCRv4 (Baidu PaddleOCR): DB text detection (Liao et al., 2020) and
    a CTC line recogniser; its CTC columns place each character, the page image's blank columns
    cut the line into words (corpus.ocrlines), and a word vocabulary mends the cuts (corpus.ocrsplit).
    """
    engine = _load()
    gray, scale = _render(page)
    raw = _read(engine, gray)
    turns = _quarter_turns(engine, gray, raw)
    if turns:
        turned = np.ascontiguousarray(np.rot90(gray, turns))
        again = _read(engine, turned)
        if _confident_chars(again) >= _TURNED_KEEPS * _confident_chars(raw):
            gray, raw = turned, again
    words = [word for line in _lines(raw) for word in join_fragments(split_line(gray, line))]
    return [_to_points(piece, scale) for word in words for piece in split_glued(word)]
