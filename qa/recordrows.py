"""Record rows as the CLI and the page both give them: CSV/JSON text, status runs, gaps and citations."""

# One place for what `councilqa decisions/track` print and the page's Decisions and Timeline views show,
# so a row downloaded from the page is the row the command line writes.

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.filters import Filters
from index.recordquery import Decision, Statement, meetings, series_without
from index.records import RecordFilters
from qa.answer import Citation, format_date

_NUMBER = re.compile(r"(\d+)")
NO_STATUS = "no status given"
MOTION_CHARS = 160  # a motion's words shown in a table cell; the whole passage is a click away
LABEL_CHARS = 90  # a motion's words in the one-line label that picks it
DRAFT, CONFIRMED, NOT_STATED = "draft", "confirmed", "not stated"


@dataclass(frozen=True)
class Gap:
    """A paper of a commitment's series (same kind, same council) that does not state it."""

    source: str
    date: dt.date | None
    date_precision: str
    title: str | None = None  # the paper's own title; its file name stands in where it has none

    @property
    def when(self) -> str:
        return format_date(self.date, self.date_precision)

    def line(self, key: str) -> str:
        """'Pledges update (March 2020) states other Pledges but not Pledge 48 — file march.txt', the
        date left out where the title gives it; a paper without a title is named by its file alone."""
        kind = key.split()[0] if key.split() else key
        said = f"{paper_label(self.title, self.source, self.when)} states other {kind}s but not {key}"
        return f"{said} — file {Path(self.source).name}" if self.title else said


def paper_label(title: str | None, source: str, when: str) -> str:
    """A paper as a reader knows it: 'Pledges update (March 2020)', only the title where it gives the
    date already, the file name in its place where the paper has no title ('x.txt (March 2020)')."""
    named = title or Path(source).name
    return named if when in named else f"{named} ({when})"


def rows_json(rows: Sequence[object]) -> str:
    """The rows (frozen dataclasses) as an indented JSON array, each with source, page and passage."""
    return json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2)


def rows_csv(rows: Sequence[object]) -> str:
    """The rows as CSV with a header of their field names, tuples joined by '; '; '' for no rows."""
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f.name for f in dataclasses.fields(rows[0])])
    for row in rows:
        writer.writerow(["; ".join(v) if isinstance(v, tuple) else v for v in dataclasses.astuple(row)])
    return out.getvalue()


def when(s: Statement) -> str:
    """The statement's date as precise as its paper was: '11 September 2019', 'February 2020'."""
    return format_date(s.date, s.date_precision)


def status_summary(found: Sequence[Statement]) -> str:
    """'In Progress since 11 September 2019 (still in February 2020)', or the changes in order:
    'In Progress since 11 September 2019 → Completed February 2020'. `found` is newest first."""
    runs: list[list] = []  # [status, first statement, last statement], oldest first
    for s in reversed(found):
        status = s.status or NO_STATUS
        if runs and runs[-1][0] == status:
            runs[-1][2] = s
        else:
            runs.append([status, s, s])
    if len(runs) == 1:
        status, first, last = runs[0]
        if last is first:
            return f"{status} as of {when(first)}"
        return f"{status} since {when(first)} (still in {when(last)})"
    steps = [f"{status} {'since ' if i == 0 else ''}{when(s)}" for i, (status, s, _) in enumerate(runs)]
    return " → ".join(steps)


def changed(found: Sequence[Statement]) -> bool:
    """Whether the statements give more than one status."""
    return len({s.status for s in found}) > 1


def change_from(found: Sequence[Statement], i: int) -> str | None:
    """The status statement `i` (newest first) moved from, when the next older one gave another."""
    if i + 1 >= len(found) or found[i].status == found[i + 1].status:
        return None
    return found[i + 1].status or NO_STATUS


def gaps(db: sqlite3.Connection, key: str, restricted: bool = False) -> list[Gap]:
    """The papers of `key`'s series that leave it out, newest first (index.recordquery.series_without),
    each with its stored title."""
    return [
        Gap(source, dt.date.fromisoformat(date) if date else None, precision, _title(db, source))
        for source, date, precision in series_without(db, key, restricted)
    ]


def _title(db: sqlite3.Connection, source: str) -> str | None:
    row = db.execute("SELECT title FROM documents WHERE source = ?", (source,)).fetchone()
    return row[0] if row else None


def commitment_keys(db: sqlite3.Connection, restricted: bool = False) -> tuple[str, ...]:
    """The commitment identifiers the store's papers state ('Pledge 7' before 'Pledge 40'), visible ones,
    each once whatever its case (a timeline matches keys without regard to case)."""
    sql = """SELECT DISTINCT k.key FROM commitments k LEFT JOIN chunks c ON c.id = k.chunk_id
        WHERE c.restricted = 0 OR c.restricted IS NULL OR ?"""
    keys = {r[0].casefold(): r[0] for r in db.execute(sql, (int(restricted),))}  # one per key, as tracked
    return tuple(sorted(keys.values(), key=_natural))


def _natural(key: str) -> list[object]:
    return [int(part) if part.isdigit() else part.lower() for part in _NUMBER.split(key)]


@dataclass(frozen=True)
class RecordChunk:
    """The stored chunk a record's passage was read from, with the pages the chunk covers."""

    text: str
    page_start: int | None
    page_end: int | None


def record_chunk(
    db: sqlite3.Connection, source: str, passage: str, restricted: bool = False
) -> RecordChunk | None:
    """The chunk a motion's or commitment's `passage` of paper `source` was read from; None when it
    is gone or hidden."""
    sql = """SELECT c.text, c.page_start, c.page_end FROM chunks c JOIN documents d ON d.id = c.doc_id
        WHERE d.source = ? AND (c.restricted = 0 OR ?) AND c.id IN (SELECT chunk_id FROM motions
            WHERE passage = ? UNION SELECT chunk_id FROM commitments WHERE passage = ?)
        ORDER BY c.position LIMIT 1"""
    row = db.execute(sql, (source, int(restricted), passage, passage)).fetchone()
    return RecordChunk(*row) if row else None


def spanning(c: Citation, chunk: RecordChunk | None) -> Citation:
    """The citation over its chunk's pages as well: a record keeps the page its passage starts on,
    and a passage that runs over a page break goes on past it."""
    if chunk is None or c.page is None or chunk.page_end is None or chunk.page_end <= c.page:
        return c
    return dataclasses.replace(c, page_end=chunk.page_end)


def unread_papers(db: sqlite3.Connection) -> int:
    """Papers stored before records were read: the next `councilqa ingest` reads theirs."""
    return db.execute("SELECT COUNT(*) FROM documents WHERE records = 0").fetchone()[0]


def votes(d: Decision) -> str:
    """'13–3', '13–3, 1 abstaining', or '' when the minutes give no count."""
    if d.votes_for is None or d.votes_against is None:
        return ""
    return f"{d.votes_for}–{d.votes_against}" + (f", {d.abstain} abstaining" if d.abstain else "")


def decision_citation(d: Decision) -> Citation:
    """The decision's passage as a citation, so the page view that shows answers' citations opens it."""
    date = dt.date.fromisoformat(d.date) if d.date else None
    return Citation(
        1, d.source, d.title, date, "day", d.page, d.page, d.item_title, d.passage, 0.0, label=d.page_label
    )


def decision_pages(d: Decision) -> str:
    """The decision's page as citations give it: 'p. 4 (PDF p. 1)' where the paper prints its own
    number, 'p. 1' where it does not, 'p. ?' where the paper has no pages."""
    return decision_citation(d).pages_text if d.page is not None else "p. ?"


def statement_citation(s: Statement) -> Citation:
    """The statement's passage as a citation (see decision_citation)."""
    return Citation(1, s.source, s.title, s.date, s.date_precision, s.page, s.page, s.key, s.passage, 0.0)


def record_filters(filters: Filters, outcome: str | None = None, mover: str | None = None) -> RecordFilters:
    """The page's sidebar Filters as record filters (the document type does not apply to records)."""
    return RecordFilters(
        filters.body,
        filters.council,
        filters.date_from,
        filters.date_to,
        outcome,
        (mover or "").strip() or None,
    )


def minutes_status(
    db: sqlite3.Connection, filters: RecordFilters, restricted: bool = False
) -> dict[str, str]:
    """Each minutes paper's status by source: 'confirmed' when a later paper confirms them, 'draft'."""
    return {m.source: m.status for m in meetings(db, filters, restricted) if m.status}


def decision_cells(number: int, d: Decision, status: str | None) -> dict[str, object]:
    """One row of the page's decisions table, by column name; `status` is its minutes' status."""
    return {
        "#": number,
        "Date": d.date or "",
        "Body": d.body or "",
        "Mover": d.mover or ", ".join(d.names),
        "Seconder": d.seconder or "",
        "Votes": votes(d),
        "Outcome": d.outcome or NOT_STATED,
        "Minutes": DRAFT if d.provisional else (CONFIRMED if status == CONFIRMED else NOT_STATED),
        "Item": " ".join(filter(None, (d.item, d.item_title))),
        "Kind": d.kind,
        "Motion": " ".join(d.text.split())[:MOTION_CHARS],
        "Paper": d.title or Path(d.source).name,
        "Page": d.page,
    }


def decision_label(number: int, d: Decision) -> str:
    """'3. 2018-03-13 — Planning Committee — item 1 — motion: that the library close…', one line."""
    words = " ".join(d.text.split())
    words = words if len(words) <= LABEL_CHARS else words[:LABEL_CHARS].rstrip() + "…"
    parts = [
        d.date or "undated",
        d.body,
        f"item {d.item}" if d.item else None,
        f"{d.kind} {d.number}: {words}" if d.number else f"{d.kind}: {words}",
    ]
    return f"{number}. " + " — ".join(p for p in parts if p)


def meeting_times(start: str | None, end: str | None) -> str:
    """'6:30 p.m.–8:08 p.m.'; 'closed 8.50pm' or 'from 6:15 p.m.' where the minutes give one time only, so
    a closing time never reads as the start."""
    if start and end:
        return f"{start}–{end}"
    return f"from {start}" if start else (f"closed {end}" if end else "")


def distinct(found: Sequence[Statement]) -> list[Statement]:
    """The statements without repeats: a paper that states one row twice says it once."""
    return list(dict.fromkeys(found))
