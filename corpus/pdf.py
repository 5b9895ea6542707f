"""PDF text with real page numbers, via pypdf."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from corpus.document import Page
from corpus.errors import UnreadableFileError
from corpus.text import load_bytes, short_message


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


def _extract(reader: PdfReader, path: Path) -> list[Page]:
    """One Page per physical page, numbered from 1 in file order."""
    _unlock(reader, path)
    pages: list[Page] = []
    failure: Exception | None = None
    for index, page in enumerate(reader.pages):
        try:
            text = page.extract_text() or ""
        except Exception as exc:
            # One broken page should not cost the whole paper; it stays in, empty, to be reported.
            failure, text = failure or exc, ""
        pages.append(Page(text, index + 1))
    if not pages:
        raise UnreadableFileError(path, "PDF has no pages")
    if not any(page.text.strip() for page in pages):
        if failure is not None:
            raise UnreadableFileError(path, f"corrupt PDF: {short_message(failure)}") from failure
        raise UnreadableFileError(path, "no text layer (scanned pages?)")
    return pages


def read_pdf(path: Path) -> list[Page]:
    """Text of each page; blank pages stay in with empty text so callers can report them."""
    data = load_bytes(path)
    if not data:
        raise UnreadableFileError(path, "empty file")
    with _quiet_pypdf():
        try:
            return _extract(PdfReader(io.BytesIO(data)), path)
        except UnreadableFileError:
            raise
        except FileNotDecryptedError as exc:
            raise UnreadableFileError(path, "encrypted PDF (needs a password)") from exc
        except Exception as exc:
            # Malformed PDFs raise far more than PdfReadError (KeyError, ValueError, ...).
            raise UnreadableFileError(path, f"corrupt PDF: {short_message(exc)}") from exc
