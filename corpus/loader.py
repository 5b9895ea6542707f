"""From a file on disk to a cleaned, described Document."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from corpus.access import mark_restricted
from corpus.cleaner import clean_pages
from corpus.document import Document
from corpus.errors import UnreadableFileError
from corpus.metadata import describe
from corpus.reader import read_pages, read_source

# The version of how a file is read into pages, tables and chunks; raise it with any change to what a file
# gives, so that a store's next ingest reads its stored papers again (index/ingest.py).
READ_RULES = "11"
_DESCRIBE_CHARS = 20_000  # metadata sits near the top; reading further only adds noise


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes, read once, and their SHA-256 (hex): what is parsed is exactly what is hashed."""

    path: Path
    data: bytes
    sha256: str


def snapshot(path: Path) -> Snapshot:
    """Read a file once for hashing and parsing; UnreadableFileError (empty, too large, ...) if not."""
    data = read_source(Path(path))
    return Snapshot(Path(path), data, hashlib.sha256(data).hexdigest())


def file_hash(path: Path) -> str:
    """Content hash that identifies a paper, whatever its name."""
    return snapshot(path).sha256


def load_document(
    path: Path, source: str | None = None, taken: Snapshot | None = None, access: str | None = None
) -> Document:
    """Read, clean and describe one paper; UnreadableFileError says why when it can't.

    With `taken`, the snapshot's bytes are parsed and its hash becomes the document id, so a file
    rewritten meanwhile cannot be stored under the hash of other content. `access` 'restricted' marks
    the whole paper restricted, 'public' none of it; None reads the paper's own markings.
    """
    taken = taken or snapshot(path)
    read = read_pages(path, taken.data)
    # An image page that OCR could not read is reported; a page left blank on purpose is not.
    unread = tuple(p.number for p in read if p.ocr and p.number is not None and not p.text.strip())
    pages = mark_restricted([p for p in clean_pages(read) if p.text.strip()], access)
    if not pages:
        raise UnreadableFileError(path, "no text after cleaning")
    head = "\n\n".join([read[0].masthead] * bool(read and read[0].masthead) + [p.text for p in pages])
    head = head[:_DESCRIBE_CHARS]
    meta = describe(head, str(source or path))
    return Document(taken.sha256, str(source or path), meta, tuple(pages), unread)
