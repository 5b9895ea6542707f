"""The records that flow out of the corpus stage: pages, documents and chunks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    """Text of one page.

    number: the physical page (1-based position in the file), None where the source shows no page.
    label: the number or label the paper prints or declares for that page ("41", "iii", "A-3"),
    None where it has none or it equals `number`.
    ocr: the text was read from the page image by OCR, not from a text layer.
    """

    text: str
    number: int | None = None
    label: str | None = None
    ocr: bool = False
    restricted: bool = False  # exempt, confidential or closed-session text (corpus/access.py)
    # Running-header lines removed from a paper's first page (its own name, body and date): read by
    # the metadata, never stored as text, so no chunk repeats them.
    masthead: str = ""


@dataclass(frozen=True)
class Metadata:
    """What a paper says about itself; each field is None when the paper doesn't say."""

    title: str | None = None
    council: str | None = None
    body: str | None = None
    date: dt.date | None = None
    date_precision: str = "day"  # "day", "month" or "year": how much of `date` the paper gave
    doc_type: str = "other"  # agenda, minutes, report, plan or other


@dataclass(frozen=True)
class Document:
    """A cleaned paper: its identity (content hash), where it came from, metadata and pages."""

    id: str
    source: str
    meta: Metadata
    pages: tuple[Page, ...] = field(default_factory=tuple)
    unread_pages: tuple[int, ...] = ()  # physical pages that gave no text, even after OCR


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage with its page span and the heading it sits under."""

    doc_id: str
    position: int
    text: str
    heading: str | None = None
    page_start: int | None = None
    page_end: int | None = None
    label_start: str | None = None  # printed page labels of page_start / page_end, where the paper has them
    label_end: str | None = None
    ocr: bool = False  # some of the text came from OCR of a page image
    restricted: bool = False  # shown only to callers granted restricted access

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.position}"
