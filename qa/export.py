"""A conversation, or one answer, as Markdown and as CSV: question, answer and every citation."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from qa.answer import Answer, Citation, format_date

CSV_COLUMNS = ("question", "read_as", "answer", "status", "n", "title", "date", "page", "source", "passage")


def _title(citation: Citation) -> str:
    return " ".join((citation.title or Path(citation.source).name).split())


def _date(citation: Citation) -> str:
    return format_date(citation.date, citation.date_precision) if citation.date else "undated"


def _quoted(text: str) -> str:
    """A passage as a Markdown block quote (the file is for reading; no page renders it)."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().split("\n"))


def to_markdown(exchanges: Sequence[tuple[str, Answer]]) -> str:
    """'## Q…' then the answer, then each citation: title, date, page, source and the passage quoted."""
    parts = ["# councilqa conversation\n"]
    for question, answer in exchanges:
        parts.append(f"## {' '.join(question.split())}\n")
        if answer.read_as:
            parts.append(f"*Read as:* {answer.read_as}\n")
        parts.append(answer.text + "\n")
        for c in answer.citations:
            ocr = ", read by OCR" if c.ocr else ""
            parts.append(f"**[{c.n}]** {_title(c)} — {_date(c)} — {c.pages_text}{ocr} — `{c.source}`\n")
            parts.append(_quoted(c.text) + "\n")
    return "\n".join(parts)


def to_csv(exchanges: Sequence[tuple[str, Answer]]) -> str:
    """One row per citation (one row with empty citation columns for an answer without any)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for question, answer in exchanges:
        head = [question, answer.read_as or "", answer.text, answer.status]
        if not answer.citations:
            writer.writerow(head + [""] * (len(CSV_COLUMNS) - len(head)))
        for c in answer.citations:
            writer.writerow(head + [c.n, _title(c), _date(c), c.pages_text, c.source, c.text])
    return out.getvalue()
