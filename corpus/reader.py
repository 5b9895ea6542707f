"""Turn any supported file into pages, refusing everything else with a one-line reason."""

from __future__ import annotations

import errno
import io
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from corpus.document import Page
from corpus.errors import NotTextError, UnreadableFileError
from corpus.html import read_html
from corpus.pages import split_pages
from corpus.pdf import read_pdf
from corpus.text import load_bytes, os_reason, pinned, read_text, short_message
from corpus.word import read_docx

_MB = 1 << 20
# The largest file of each kind that is read at all: a whole file is held in memory while it is
# parsed. 20 MB of plain text is some 3 million words, far past any paper; HTML carries markup and
# inline images besides its text; Word and PDF files carry images and scans.
_MAX_TEXT_BYTES = 20 * _MB
_MAX_HTML_BYTES = 50 * _MB
_MAX_DOCX_BYTES = 200 * _MB
_MAX_PDF_BYTES = 500 * _MB
# A .docx is a zip: what it unpacks to is held in memory too, so a zip bomb is refused before it opens.
_MAX_DOCX_UNPACKED = 512 * _MB
# Control characters that no reader should pass on into stored text (tab, newline, carriage return
# and form feed are layout; vertical tab is a line break in Word).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _text_pages(read: Callable[[Path], str]) -> Callable[[Path], list[Page]]:
    """A page reader for a format that converts to text which may keep page markers."""
    return lambda path: split_pages(read(path))


_READERS: dict[str, Callable[[Path], list[Page]]] = {
    ".pdf": read_pdf,
    ".txt": _text_pages(read_text),
    ".md": _text_pages(read_text),
    ".markdown": _text_pages(read_text),
    ".html": _text_pages(read_html),
    ".htm": _text_pages(read_html),
    ".docx": _text_pages(read_docx),
}
_MAX_BYTES = {".pdf": _MAX_PDF_BYTES, ".docx": _MAX_DOCX_BYTES, ".html": _MAX_HTML_BYTES}
_MAX_BYTES[".htm"] = _MAX_HTML_BYTES

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)


def _size_reason(size: int, limit: int, suffix: str, what: str = "") -> str:
    return f"too large{what}: {size / _MB:,.0f} MB, over the {limit // _MB} MB limit for {suffix} files"


def _check_file(path: Path) -> None:
    """Refuse, before any parsing, what is missing, not a file, of an unknown type, empty or too large."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError) as exc:
        reason = "broken link (its target is missing)" if path.is_symlink() else "file not found"
        raise UnreadableFileError(path, reason) from exc
    except OSError as exc:
        reason = "link loop (the link leads back to itself)" if exc.errno == errno.ELOOP else os_reason(exc)
        raise UnreadableFileError(path, reason) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError(path, "not a regular file")
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        raise UnreadableFileError(path, f"unsupported file type {shown}")
    if info.st_size == 0:
        raise UnreadableFileError(path, "empty file")
    limit = _MAX_BYTES.get(suffix, _MAX_TEXT_BYTES)
    if info.st_size > limit:
        raise UnreadableFileError(path, _size_reason(info.st_size, limit, suffix))


def read_source(path: Path) -> bytes:
    """The bytes of a file worth parsing, read once; UnreadableFileError says why a file is not."""
    path = Path(path)
    _check_file(path)
    data = load_bytes(path)
    if not data:  # emptied between the check and the read
        raise UnreadableFileError(path, "empty file")
    return data


def _check_zip(path: Path, data: bytes) -> None:
    """Refuse a Word file that would unpack to more than memory should hold."""
    try:
        unpacked = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        return  # not a sound zip: the Word reader says so in its own words
    if unpacked > _MAX_DOCX_UNPACKED:
        raise UnreadableFileError(path, _size_reason(unpacked, _MAX_DOCX_UNPACKED, ".docx", " unpacked"))


def _without_controls(page: Page) -> Page:
    """The page with NULs, escape characters and the like removed; vertical tabs become newlines."""
    text = _CONTROL.sub("", page.text.replace("\x0b", "\n"))
    return page if text == page.text else replace(page, text=text)


def read_pages(path: Path, data: bytes | None = None) -> list[Page]:
    """Pages of the file at `path`, parsed from `data` when given (the bytes already read from it).

    Every failure is an UnreadableFileError with a one-line reason, never a traceback.
    """
    path = Path(path)
    data = read_source(path) if data is None else data
    try:
        if path.suffix.lower() == ".docx":
            _check_zip(path, data)
        with pinned(path, data):
            pages = _READERS[path.suffix.lower()](path)
    except UnreadableFileError:
        raise
    except NotTextError as exc:
        raise UnreadableFileError(path, str(exc)) from exc
    except RecursionError as exc:
        raise UnreadableFileError(path, "nested too deeply to read") from exc
    except OSError as exc:
        raise UnreadableFileError(path, os_reason(exc)) from exc
    except Exception as exc:
        # A parser bug or a file no reader foresaw; the user still gets one line, not a traceback.
        raise UnreadableFileError(path, f"cannot read file: {short_message(exc)}") from exc
    pages = [_without_controls(page) for page in pages]
    if not any(page.text.strip() for page in pages):
        raise UnreadableFileError(path, "empty file")
    return pages
