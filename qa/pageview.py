"""The cited page of a paper: a PDF page image with the passage highlighted, or text with lines marked."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from corpus.errors import CouncilQAError

CACHE_FOLDER = Path("cache") / "pages"
PAGE_SCALE = 1.5  # 108 dpi: print-size text stays readable in a chat column without huge files
HIGHLIGHT = (255, 200, 0, 96)  # translucent yellow over the cited words (RGBA)
MIN_RUN = 3  # page words in a row that must match the passage: lone common words match everywhere
PAD = 1.0  # points around each highlighted box, so the ink sits inside the mark
SPAN_PAGES = 3  # pages of one passage rendered: a passage over more is a run-on table, not a page
CONTEXT_CHUNKS = 1  # stored chunks shown before and after a text paper's cited one
_WORD = re.compile(r"[^\W_]+")


class PageViewError(CouncilQAError):
    """The paper's file is gone, unreadable, or has no such page."""


@dataclass(frozen=True)
class PageImage:
    """A rendered page: the PNG's path and how many highlight boxes were drawn on it."""

    path: Path
    boxes: int


@dataclass(frozen=True)
class ContextLine:
    """One line of a text paper around a citation; `cited` marks the passage's own lines."""

    text: str
    cited: bool


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def _page_words(textpage) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The page's words with their boxes (left, bottom, right, top in points), from PDFium's chars."""
    import pypdfium2.raw as pdfium_c

    words, letters, box = [], [], None
    for i in range(textpage.count_chars()):
        char = unicodedata.normalize("NFKC", chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))).lower()
        if char.isalnum():
            left, bottom, right, top = textpage.get_charbox(i)
            box = (left, bottom, right, top) if box is None else _union(box, (left, bottom, right, top))
            letters.append(char)
            continue
        if letters:
            words.append(("".join(letters), box))
        letters, box = [], None
    if letters:
        words.append(("".join(letters), box))
    return words


def _union(a: tuple, b: tuple) -> tuple[float, float, float, float]:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _same_line(a: tuple, b: tuple) -> bool:
    """b continues a's line: they overlap vertically by over half the shorter height, b to the right."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1]) and b[0] >= a[0]


def matched_boxes(page_words: list[tuple[str, tuple]], passage: str) -> list[tuple[float, ...]]:
    """Boxes over the page words that match runs of at least MIN_RUN passage words (difflib's
    matching blocks), joined along each line."""
    wanted = _words(passage)
    tokens = [w for w, _ in page_words]
    least = min(MIN_RUN, len(wanted))
    blocks = SequenceMatcher(None, tokens, wanted, autojunk=False).get_matching_blocks()
    boxes: list[tuple[float, ...]] = []
    for block in blocks:
        if block.size < max(least, 1):
            continue
        for _, box in page_words[block.a : block.a + block.size]:
            if boxes and _same_line(boxes[-1], box):
                boxes[-1] = _union(boxes[-1], box)
            else:
                boxes.append(box)
    return boxes


def _cache_path(store: Path, source: Path, page: int, passage: str) -> Path:
    status = source.stat()
    key = f"{source.resolve()}\0{status.st_mtime_ns}\0{status.st_size}\0{page}\0{passage}"
    return Path(store) / CACHE_FOLDER / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.png"


def page_image(store: Path, source: str, page: int, passage: str) -> PageImage:
    """Page `page` (1-based) of the PDF at `source` as a PNG under <store>/cache/pages/, the passage
    highlighted; rendered once per file version, page and passage. PageViewError when it cannot be."""
    path = Path(source)
    if not path.is_file():
        raise PageViewError(f"{source}: the file is no longer there")
    cached = _cache_path(store, path, page, passage)
    if cached.exists():
        return PageImage(cached, -1)
    return _render(path, page, passage, cached)


def _render(path: Path, page: int, passage: str, out: Path) -> PageImage:
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise PageViewError(f"{path}: cannot open the PDF ({exc})") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise PageViewError(f"{path}: no page {page} (the file has {len(pdf)})")
        sheet = pdf[page - 1]
        image = sheet.render(scale=PAGE_SCALE).to_pil().convert("RGBA")
        left, bottom, _, top = sheet.get_bbox()
        boxes = matched_boxes(_page_words(sheet.get_textpage()), passage)
    finally:
        pdf.close()
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for x0, y0, x1, y1 in boxes:  # PDF points, origin bottom-left -> pixels, origin top-left
        corners = ((x0 - left - PAD), (top - y1 - PAD), (x1 - left + PAD), (top - y0 + PAD))
        draw.rectangle([c * PAGE_SCALE for c in corners], fill=HIGHLIGHT)
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_suffix(".part.png")
    Image.alpha_composite(image, layer).convert("RGB").save(temporary, optimize=True)
    temporary.replace(out)
    return PageImage(out, len(boxes))


def context_lines(
    db: sqlite3.Connection, source: str, passage: str, restricted: bool = False
) -> tuple[ContextLine, ...]:
    """The cited chunk of a text paper with CONTEXT_CHUNKS stored neighbours each side, its own lines
    marked; restricted neighbours stay hidden from callers without access. () when not found."""
    hidden = "" if restricted else " AND c.restricted = 0"
    row = db.execute(
        "SELECT c.doc_id, c.position FROM chunks c JOIN documents d ON d.id = c.doc_id"
        f" WHERE d.source = ? AND c.text = ?{hidden} LIMIT 1",
        (source, passage),
    ).fetchone()
    if row is None:
        return ()
    doc_id, position = row
    rows = db.execute(
        f"SELECT c.position, c.text FROM chunks c WHERE c.doc_id = ? AND c.position BETWEEN ? AND ?{hidden}"
        " ORDER BY c.position",
        (doc_id, position - CONTEXT_CHUNKS, position + CONTEXT_CHUNKS),
    ).fetchall()
    lines: list[ContextLine] = []
    for where, text in rows:
        lines += [ContextLine(line, where == position) for line in text.split("\n") if line.strip()]
    return tuple(lines)


def cited_pages(page: int | None, page_end: int | None) -> tuple[int, ...]:
    """The PDF pages a passage covers, first SPAN_PAGES of them; () when it names no page."""
    if page is None:
        return ()
    last = page_end if page_end is not None and page_end >= page else page
    return tuple(range(page, min(last, page + SPAN_PAGES - 1) + 1))


def original_bytes(source: str) -> bytes | None:
    """The paper's original file for download; None when it is no longer there."""
    try:
        return Path(source).read_bytes()
    except OSError:
        return None
