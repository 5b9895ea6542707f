"""PDF pages as a person reads them: pypdfium2 glyph boxes laid out into paragraphs and tables."""

# pypdf still answers what it does best: encryption (with friendly refusals) and declared page labels.

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from corpus.document import Page
from corpus.errors import UnreadableFileError
from corpus.furniture import EdgeRow, edge_rows, furniture, is_masthead, printed_numbers, sign_off
from corpus.geometry import Word
from corpus.glyphs import page_words
from corpus.layout import row_lines, word_rows
from corpus.pagetext import page_text
from corpus.pdftables import Rule, page_rules
from corpus.text import load_bytes, short_message

# A page with fewer text-layer words than this is an image page (a scan) when it shows an image.
MIN_TEXT_WORDS = 3
# How deep in nested form objects to look for a page's scanned image.
IMAGE_DEPTH = 4
# A page with fewer text-layer words than this over an image covering SCAN_SHARE of it is a scan
# with a few words stamped on it (a date, a page number).
SPARSE_TEXT_WORDS = 25
SCAN_SHARE = 0.5
# A PDF starts '%PDF-'; readers (Acrobat, pdfium) accept junk before it up to this many bytes.
_HEADER, _HEADER_WITHIN = b"%PDF-", 1024
_TOKEN_EDGE = re.compile(r"^\W+|\W+$")
_HYPHEN_TAIL = re.compile(r"[A-Za-z]-$")
_FIRST_WORD = re.compile(r"^([a-z][A-Za-z]*[.,;:]?)(?:\s+|$)")


@dataclass(frozen=True)
class _RawPage:
    """A page's words before layout; ocr: they came from the page image."""

    words: tuple[Word, ...]
    rules: tuple[Rule, ...]
    height: float
    ocr: bool = False


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Hide pypdf's repair warnings while reading: damage that matters surfaces as an error."""
    logger = logging.getLogger("pypdf")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _unlock(reader: PdfReader, path: Path) -> None:
    """Open an encrypted PDF if it needs no password (owner-only restrictions); refuse otherwise."""
    if not reader.is_encrypted:
        return
    try:
        unlocked = reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except DependencyError as exc:
        # pypdf needs the 'cryptography' package for AES; without it we cannot even try.
        raise UnreadableFileError(path, "encrypted PDF (AES needs the 'cryptography' package)") from exc
    if not unlocked:
        raise UnreadableFileError(path, "encrypted PDF (needs a password)")


def _declared_labels(reader: PdfReader) -> list[str]:
    """The PDF's own page labels ('iii', 'A-3'), or none when it declares none."""
    if "/PageLabels" not in reader.trailer["/Root"]:
        return []
    return list(reader.page_labels)


def _unreadable(data: bytes, exc: Exception) -> str:
    """Why pypdf could not open `data`: no header at all says the file is something else named .pdf,
    which pypdf's own words ('Stream has ended unexpectedly') do not."""
    if _HEADER not in data[:_HEADER_WITHIN]:
        return "not a PDF (no %PDF header)"
    return f"corrupt PDF: {short_message(exc)}"


def _check(data: bytes, path: Path) -> tuple[int, list[str]]:
    """Page count and declared labels, refusing encrypted, corrupt and page-less PDFs."""
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            _unlock(reader, path)
            count = len(reader.pages)
            labels = _declared_labels(reader) if count else []
        except UnreadableFileError:
            raise
        except FileNotDecryptedError as exc:
            raise UnreadableFileError(path, "encrypted PDF (needs a password)") from exc
        except Exception as exc:
            # Malformed PDFs raise far more than PdfReadError (KeyError, ValueError, ...).
            raise UnreadableFileError(path, _unreadable(data, exc)) from exc
    if not count:
        raise UnreadableFileError(path, "PDF has no pages")
    return count, labels


def _image_share(page: pypdfium2.PdfPage) -> float:
    """The largest share of the page one image covers (0 without images); form objects are searched too."""
    width, height = page.get_size()
    share = 0.0
    for obj in page.get_objects(max_depth=IMAGE_DEPTH):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            share = max(share, min(1.0, abs((right - left) * (top - bottom)) / (width * height)))
    return share


def _scanned(words: list[Word], page: pypdfium2.PdfPage) -> bool:
    """An image page: (next to) no text layer over an image, or a few stamped words over a full-page scan."""
    if len(words) >= SPARSE_TEXT_WORDS:
        return False
    share = _image_share(page)
    return share > 0 and (len(words) < MIN_TEXT_WORDS or share >= SCAN_SHARE)


def _needs_ocr(words: list[Word], page: pypdfium2.PdfPage) -> bool:
    """corpus.ocr's own test (it also knows text drawn as outlines) where it has one, else _scanned."""
    if len(words) >= SPARSE_TEXT_WORDS:
        return False  # a real text layer: no need to open the page's text again to ask
    try:
        from corpus.ocr import needs_ocr  # heavy and optional, like ocr_words
    except ImportError:
        return _scanned(words, page)
    try:
        return bool(needs_ocr(page))
    except Exception:
        return _scanned(words, page)


def _overlaps(a: Word, b: Word) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def _ocr_words(page: pypdfium2.PdfPage) -> list[Word] | None:
    """Words OCR reads from the page image; None when OCR is missing or fails (the page stays unread)."""
    try:
        from corpus.ocr import ocr_words  # heavy and optional: loaded only for scanned pages
    except ImportError:
        return None
    try:
        return list(ocr_words(page))
    except Exception:
        return None


def read_page(pdf: pypdfium2.PdfDocument, index: int) -> _RawPage:
    """Words and rules of one page; an image page goes to OCR."""
    page = pdf[index]
    height = page.get_size()[1]
    words = page_words(page)
    rules = tuple(page_rules(page))
    if _needs_ocr(words, page):
        found = _ocr_words(page) or []
        if found or not words:
            # Words stamped on the scan in a text layer (a date, a page number) join what OCR read.
            kept = [w for w in words if not any(_overlaps(w, o) for o in found)]
            return _RawPage(tuple(found + kept), rules, height, ocr=True)
    return _RawPage(tuple(words), rules, height)


def _masthead(found: set[EdgeRow], raw: list[_RawPage]) -> str:
    """The running-header lines removed from page 1, top to bottom: the paper's own name and date."""
    rows = [e for e in found if raw and is_masthead(e, raw[0].height) and e.cells == 1]
    return "\n".join(e.text for e in sorted(rows, key=lambda e: min(w.top for w in e.words)))


def _without_furniture(raw: list[_RawPage]) -> tuple[list[tuple[Word, ...]], dict[int, str], str]:
    """Each page's words less its running headers and footers, printed page numbers by index, and
    the masthead (the running-header lines removed from page 1)."""
    edges: list[EdgeRow] = []
    for index, page in enumerate(raw):
        rows = [[line.words for line in row_lines(row)] for row in word_rows(page.words)]
        edges.extend(edge_rows(index, rows, page.height))
    found = furniture(edges, len(raw))
    kept = {id(w) for e in sign_off(found, len(raw), raw[-1].height if raw else 0.0) for w in e.words}
    dropped = {id(w) for e in found for w in e.words if id(w) not in kept}
    words = [tuple(w for w in page.words if id(w) not in dropped) for page in raw]
    return words, printed_numbers([e for e in edges if e in found], len(raw)), _masthead(found, raw)


def _known_words(pages: list[tuple[Word, ...]]) -> frozenset[str]:
    """Lowercase words of the whole paper, line-end fragments ('refurbish-') left out."""
    known = set()
    for words in pages:
        for word in words:
            token = _TOKEN_EDGE.sub("", word.text.lower())
            if token and not word.text.endswith("-"):
                known.add(token)
    return frozenset(known)


def _mend_seams(texts: list[str]) -> list[str]:
    """A word hyphenated across a page break is made whole on the page where it starts."""
    for i in range(len(texts) - 1):
        nxt = texts[i + 1].lstrip()
        if _HYPHEN_TAIL.search(texts[i]) and (match := _FIRST_WORD.match(nxt)):
            texts[i] = texts[i][:-1] + match.group(1)
            texts[i + 1] = nxt[match.end() :]
    return texts


def _label(index: int, printed: dict[int, str], declared: list[str]) -> str | None:
    label = printed.get(index) or (declared[index] if index < len(declared) else None)
    return label if label and label != str(index + 1) else None


def _read(data: bytes, path: Path) -> list[Page]:
    count, declared = _check(data, path)
    try:
        pdf = pypdfium2.PdfDocument(data)
    except Exception as exc:
        raise UnreadableFileError(path, f"corrupt PDF: {short_message(exc)}") from exc
    raw: list[_RawPage] = []
    failure: Exception | None = None
    try:
        for index in range(min(count, len(pdf))):
            try:
                raw.append(read_page(pdf, index))
            except Exception as exc:
                # One broken page should not cost the whole paper; it stays in, empty, to be reported.
                failure = failure or exc
                raw.append(_RawPage((), (), 0.0))
    finally:
        pdf.close()
    words, printed, masthead = _without_furniture(raw)
    known = _known_words(words)
    texts = _mend_seams(
        [page_text(w, page.rules, known, page.ocr) for w, page in zip(words, raw, strict=False)]
    )
    pages = [Page(t, i + 1, _label(i, printed, declared), raw[i].ocr) for i, t in enumerate(texts)]
    if pages and masthead:
        pages[0] = replace(pages[0], masthead=masthead)
    if not any(page.text.strip() for page in pages):
        if failure is not None:
            raise UnreadableFileError(path, f"corrupt PDF: {short_message(failure)}") from failure
        raise UnreadableFileError(path, "no text layer (scanned pages?)")
    return pages


def read_pdf(path: Path) -> list[Page]:
    """Text of each physical page (number from 1), its printed or declared label, and whether OCR read it.

    Blank pages stay in with empty text so callers can report them. UnreadableFileError names the
    reason: empty file, encrypted, corrupt, no pages, or no text even after OCR.
    """
    data = load_bytes(path)
    if not data:
        raise UnreadableFileError(path, "empty file")
    return _read(data, path)
