"""A stored chunk together with what its document says about itself: what retrieval returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """A retrievable chunk as stored, with its document's source, title, date and pages."""

    chunk_id: int
    text: str
    heading: str | None
    page_start: int | None
    page_end: int | None
    source: str
    title: str | None
    council: str | None
    body: str | None
    date: dt.date | None
    date_precision: str
    doc_type: str
    score: float = 0.0
    label_start: str | None = None  # the page number printed on page_start, where the paper prints one
    label_end: str | None = None
    ocr: bool = False  # read from a page image by OCR

    @property
    def page(self) -> int | None:
        return self.page_start if self.page_start is not None else self.page_end
