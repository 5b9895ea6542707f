"""Citations as a reader sees them: one entry per passage, labelled by title, body, date and page."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qa.answer import Answer, Citation, format_date

STRONG, PARTIAL, CLOSEST = "strong match", "partial match", "closest passage"
OPENING_WORDS = 8  # words of the passage quoted in its label: tells apart passages of one paper
_MARKER = re.compile(r"\[(\d+)\]")


def markers(count: int, first: int = 1) -> str:
    """'[1] [2] [3]': one marker per cited passage, numbered from `first`, in citation order."""
    return " ".join(f"[{n}]" for n in range(first, first + count))


@dataclass(frozen=True)
class CitedPassage:
    """One passage an answer cites, under every number that cites it, with its paper's body.

    strength: STRONG when the answer's text rests on it (its marker appears), PARTIAL for a passage
    retrieved beside those, CLOSEST under a not_found answer. No raw score is shown to readers.
    """

    numbers: tuple[int, ...]
    citation: Citation
    body: str | None
    strength: str

    @property
    def anchor_number(self) -> int:
        return self.numbers[0]

    def label(self) -> str:
        """'Title — Body — 11 September 2019 — p. 41 (PDF p. 43) — read by OCR — “Opening words…”',
        on one line."""
        c = self.citation
        parts = [c.title or Path(c.source).name]
        if self.body and self.body != c.title:
            parts.append(self.body)
        parts.append(format_date(c.date, c.date_precision))
        parts += [c.pages_text] if c.page is not None else []  # a text paper has no pages to name
        if c.ocr:
            parts.append("read by OCR")
        words = c.text.split()
        parts.append(f"“{' '.join(words[:OPENING_WORDS])}{'…' if len(words) > OPENING_WORDS else ''}”")
        return " — ".join(" ".join(p.split()) for p in parts)


def cited_numbers(text: str) -> set[int]:
    """The [n] markers an answer's text carries."""
    return {int(n) for n in _MARKER.findall(text)}


def paper_bodies(db: sqlite3.Connection, sources: Sequence[str]) -> dict[str, str | None]:
    """Each source's meeting body as stored."""
    unique = list(dict.fromkeys(sources))
    if not unique:
        return {}
    marks = ",".join("?" * len(unique))
    return dict(
        db.execute(f"SELECT source, body FROM documents WHERE source IN ({marks})", unique).fetchall()
    )


def cited_passages(answer: Answer, bodies: dict[str, str | None]) -> tuple[CitedPassage, ...]:
    """The answer's citations, those of one passage (same paper, pages and text) merged, in order."""
    used = cited_numbers(answer.text)
    groups: dict[tuple, list[Citation]] = {}
    for c in answer.citations:
        groups.setdefault((c.source, c.page, c.page_end, c.text), []).append(c)
    merged = []
    for group in groups.values():
        numbers = tuple(c.n for c in group)
        strength = STRONG if used & set(numbers) else PARTIAL
        strength = strength if answer.status == "answered" else CLOSEST
        merged.append(CitedPassage(numbers, group[0], bodies.get(group[0].source), strength))
    return tuple(merged)
