"""Turn any supported file into pages, refusing everything else with a one-line reason."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from corpus.document import Page
from corpus.errors import UnreadableFileError
from corpus.html import read_html
from corpus.pages import split_pages
from corpus.pdf import read_pdf
from corpus.text import os_reason, read_text, short_message
from corpus.word import read_docx


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

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)


def _check_file(path: Path) -> None:
    """Refuse, before any parsing, what is missing, not a file, of an unknown type or empty."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise UnreadableFileError(path, "file not found") from exc
    except OSError as exc:
        raise UnreadableFileError(path, os_reason(exc)) from exc
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


def read_pages(path: Path) -> list[Page]:
    """Pages of the file at `path`; every failure is an UnreadableFileError, never a traceback."""
    path = Path(path)
    _check_file(path)
    try:
        pages = _READERS[path.suffix.lower()](path)
    except UnreadableFileError:
        raise
    except OSError as exc:
        raise UnreadableFileError(path, os_reason(exc)) from exc
    except Exception as exc:
        # A parser bug or a file no reader foresaw; the user still gets one line, not a traceback.
        raise UnreadableFileError(path, f"cannot read file: {short_message(exc)}") from exc
    if not any(page.text.strip() for page in pages):
        raise UnreadableFileError(path, "empty file")
    return pages
