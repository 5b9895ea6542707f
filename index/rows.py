"""The rows a document and its chunks become, as SQL statements with their parameters."""

# Built apart from where they run (sqlite-utils' way), so the row shapes can be read and tested alone.

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import numpy as np

from corpus.document import Chunk, Document
from corpus.loader import READ_RULES

DOCUMENT_SQL = (
    "INSERT INTO documents (source, sha256, title, council, body, date, date_precision, doc_type,"
    " pages, ingested_at, unread_pages, access, read_rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
CHUNK_SQL = (
    "INSERT INTO chunks (doc_id, position, heading, text, page_start, page_end, embedding,"
    " label_start, label_end, ocr, restricted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def access_of(document: Document) -> str:
    """'restricted' when every page is restricted (the whole paper), else 'public'."""
    return "restricted" if document.pages and all(p.restricted for p in document.pages) else "public"


def document_row(document: Document, now: dt.datetime | None = None) -> tuple:
    """Parameters of DOCUMENT_SQL for `document`, ingested at `now` (UTC, default: the present)."""
    meta = document.meta
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    return (
        document.source,
        document.id,
        meta.title,
        meta.council,
        meta.body,
        meta.date.isoformat() if meta.date else None,
        meta.date_precision,
        meta.doc_type,
        len(document.pages),
        stamp,
        ",".join(str(n) for n in document.unread_pages),
        access_of(document),
        READ_RULES,
    )


def chunk_rows(doc_id: int, chunks: Sequence[Chunk], vectors: np.ndarray) -> Iterator[tuple]:
    """Parameters of CHUNK_SQL for each chunk, with its embedding as float32 bytes."""
    for chunk, vector in zip(chunks, vectors, strict=True):
        yield (
            doc_id,
            chunk.position,
            chunk.heading,
            chunk.text,
            chunk.page_start,
            chunk.page_end,
            np.asarray(vector, dtype=np.float32).tobytes(),
            chunk.label_start,
            chunk.label_end,
            int(chunk.ocr),
            int(chunk.restricted),
        )
