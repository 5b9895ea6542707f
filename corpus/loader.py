"""From a file on disk to a cleaned, described Document."""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.cleaner import clean_pages
from corpus.document import Document
from corpus.errors import UnreadableFileError
from corpus.metadata import describe
from corpus.reader import read_pages

_DESCRIBE_CHARS = 20_000  # metadata sits near the top; reading further only adds noise


def file_hash(path: Path) -> str:
    """Content hash that identifies a paper, whatever its name."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot read file: {exc.strerror or exc}") from exc
    return digest.hexdigest()


def load_document(path: Path, source: str | None = None, sha256: str | None = None) -> Document:
    """Read, clean and describe one paper; UnreadableFileError says why when it can't."""
    read = read_pages(path)
    # An image page that OCR could not read is reported; a page left blank on purpose is not.
    unread = tuple(p.number for p in read if p.ocr and p.number is not None and not p.text.strip())
    pages = [p for p in clean_pages(read) if p.text.strip()]
    if not pages:
        raise UnreadableFileError(path, "no text after cleaning")
    head = "\n\n".join(p.text for p in pages)[:_DESCRIBE_CHARS]
    meta = describe(head, str(source or path))
    return Document(sha256 or file_hash(path), str(source or path), meta, tuple(pages), unread)
