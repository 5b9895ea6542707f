"""The answer records: a cited answer and its citations, and their JSON shape."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from index.passage import Passage


@dataclass(frozen=True)
class Citation:
    """A numbered passage an answer rests on: which paper, its date, its page and the text."""

    n: int
    source: str
    title: str | None
    date: dt.date | None
    date_precision: str
    page: int | None
    page_end: int | None
    heading: str | None
    text: str
    score: float
    label: str | None = None  # printed page number of `page`, where the paper prints its own
    label_end: str | None = None
    ocr: bool = False  # the passage was read from a page image

    @classmethod
    def of(cls, n: int, passage: Passage) -> Citation:
        return cls(
            n,
            passage.source,
            passage.title,
            passage.date,
            passage.date_precision,
            passage.page,
            passage.page_end,
            passage.heading,
            passage.text,
            passage.score,
            passage.label_start,
            passage.label_end,
            passage.ocr,
        )

    @property
    def pages_text(self) -> str:
        """'p. 4', 'pp. 4–5', 'p. 41 (PDF p. 43)', or 'page not shown' when the paper gave no page."""
        if self.page is None:
            return "page not shown"
        end = self.page_end if self.page_end is not None and self.page_end != self.page else None
        physical = f"p. {self.page}" if end is None else f"pp. {self.page}–{end}"
        if self.label is None:
            return physical
        printed_end = self.label_end or (str(end) if end is not None else None)
        printed = f"p. {self.label}" if end is None else f"pp. {self.label}–{printed_end}"
        return f"{printed} (PDF {physical})"

    def to_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "source": self.source,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "page": self.page,
            "page_end": self.page_end,
            "page_label": self.label,
            "page_label_end": self.label_end,
            "ocr": self.ocr,
            "text": self.text,
            "score": round(float(self.score), 6),
        }


@dataclass(frozen=True)
class Answer:
    """A short answer whose every sentence ends with a citation marker, or an honest not_found."""

    question: str
    text: str
    status: str  # "answered" or "not_found"
    citations: tuple[Citation, ...] = field(default_factory=tuple)
    read_as: str | None = None  # a follow-up as read against the conversation; None: read as asked

    def to_dict(self) -> dict[str, object]:
        return {
            "question": self.question,
            "read_as": self.read_as,
            "answer": self.text,
            "status": self.status,
            "citations": [c.to_dict() for c in self.citations],
        }


def format_date(date: dt.date | None, precision: str = "day") -> str:
    """'11 September 2019', 'February 2020' or '2024', as precise as the paper was."""
    if date is None:
        return "an undated paper"
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%B %Y")
    return f"{date.day} {date.strftime('%B %Y')}"
