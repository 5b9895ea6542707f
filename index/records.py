"""Records written to the store with their document's chunks, and backfilled for older papers."""

# Records in the store: written with their document's chunks (and deleted with it), and read back as
# decision, meeting and commitment rows that each carry source, page and verbatim passage.

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields

from corpus.document import Chunk, Document, Metadata
from corpus.errors import shown
from corpus.records import Cited, Commitment, Meeting, Motion, Records
from corpus.recordset import extract_records

_MEETING_FIELDS = tuple(f.name for f in fields(Meeting))
_RECORD_TABLES = ("meetings", "agenda_items", "motions", "confirmations", "commitments")


def read_records(document: Document, chunks: Sequence[Chunk]) -> Records:
    """The document's records; a fault in reading them costs the records, never the document."""
    try:
        return extract_records(document, chunks)
    except Exception as exc:  # noqa: BLE001 - the paper and its chunks must still be stored
        print(f"councilqa: {shown(document.source)}: records not read ({exc!r})", file=sys.stderr)
        return Records()


def write_records(db: sqlite3.Connection, source: str, records: Records) -> None:
    """Store `records` of the document stored under `source` (its chunks already written); call
    inside the transaction that wrote them, so a document and its records land together."""
    doc_id = db.execute("SELECT id FROM documents WHERE source = ?", (source,)).fetchone()[0]
    ids = dict(db.execute("SELECT position, id FROM chunks WHERE doc_id = ?", (doc_id,)).fetchall())
    db.execute("UPDATE documents SET records = 1 WHERE id = ?", (doc_id,))
    for table in _RECORD_TABLES:  # re-reading a paper's records replaces them, never adds a second copy
        db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    if records.meeting is not None:
        _write_meeting(db, doc_id, records.meeting, ids)
    for item in records.items:
        db.execute(
            "INSERT INTO agenda_items (doc_id, number, title, page_start, page_end, chunk_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (doc_id, item.number, item.title, item.where.page, item.page_end, ids.get(item.where.chunk)),
        )
    for position, motion in enumerate(records.motions):
        _write_motion(db, doc_id, position, motion, ids)
    for c in records.confirmations:
        db.execute(
            "INSERT INTO confirmations (doc_id, meeting_date, passage, chunk_id, page)"
            " VALUES (?, ?, ?, ?, ?)",
            (doc_id, c.meeting_date, c.passage, ids.get(c.where.chunk), c.where.page),
        )
    for c in records.commitments:
        _write_commitment(db, doc_id, c, ids)


def _cites(ids: dict[int, int], **cited: Cited | None) -> str:
    return json.dumps({k: [ids.get(v.where.chunk), v.where.page] for k, v in cited.items() if v})


def _value(cited: Cited | None) -> str | None:
    return cited.value if cited else None


def _write_meeting(db: sqlite3.Connection, doc_id: int, meeting: Meeting, ids: dict[int, int]) -> None:
    values = {name: getattr(meeting, name) for name in _MEETING_FIELDS}
    first = next((v for v in values.values() if v), None)
    db.execute(
        f"INSERT INTO meetings (doc_id, {', '.join(_MEETING_FIELDS)}, chunk_id, page, cites)"
        f" VALUES (?, {', '.join('?' * len(_MEETING_FIELDS))}, ?, ?, ?)",
        (
            doc_id,
            *(_value(v) for v in values.values()),
            ids.get(first.where.chunk) if first else None,
            first.where.page if first else None,
            _cites(ids, **values),
        ),
    )


def _write_motion(db: sqlite3.Connection, doc_id: int, position: int, m: Motion, ids: dict[int, int]) -> None:
    vote = m.vote
    db.execute(
        "INSERT INTO motions (doc_id, position, kind, number, item_number, item_title, text, mover, seconder,"
        " names, outcome, unanimous, votes_for, votes_against, abstain, ayes, noes, passage, chunk_id, page,"
        " cites) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc_id,
            position,
            m.kind,
            m.number,
            m.item.number if m.item else None,
            m.item.title if m.item else None,
            m.text.value,
            _value(m.mover),
            _value(m.seconder),
            json.dumps([n.value for n in m.names]),
            _value(m.outcome),
            int(m.unanimous),
            vote.votes_for if vote else None,
            vote.against if vote else None,
            vote.abstain if vote else None,
            json.dumps(list(vote.ayes) if vote else []),
            json.dumps(list(vote.noes) if vote else []),
            m.passage,
            ids.get(m.text.where.chunk),
            m.text.where.page,
            _motion_cites(ids, m),
        ),
    )


_VOTE_FIELDS = ("ayes", "noes", "votes_for", "votes_against", "abstain")


def _motion_cites(ids: dict[int, int], m: Motion) -> str:
    """Where each of a motion's fields was read; a vote's counts and names where the vote is printed, which a
    long motion's debate may put pages after its text ('VOTING AGAINST: …' on page 12)."""
    cites = json.loads(_cites(ids, text=m.text, mover=m.mover, seconder=m.seconder, outcome=m.outcome))
    if m.vote and m.vote.where:
        cites |= dict.fromkeys(_VOTE_FIELDS, [ids.get(m.vote.where.chunk), m.vote.where.page])
    return json.dumps(cites)


def _write_commitment(db: sqlite3.Connection, doc_id: int, c: Commitment, ids: dict[int, int]) -> None:
    db.execute(
        "INSERT INTO commitments (doc_id, key, kind, number, text, owners, status, narrative, passage,"
        " chunk_id, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc_id,
            c.key,
            c.kind,
            c.number,
            c.text,
            json.dumps([list(o) for o in c.owners]),
            c.status,
            c.narrative,
            c.passage,
            ids.get(c.where.chunk),
            c.where.page,
        ),
    )


@dataclass(frozen=True)
class RecordFilters:
    """Which rows to list; None means any. Names and bodies match loosely (case-insensitive part)."""

    body: str | None = None
    council: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    outcome: str | None = None
    mover: str | None = None

    def sql(self, date: str, body: str) -> tuple[str, list[object]]:
        """A WHERE fragment over a row's meeting date and body expressions and documents (alias d)."""
        clauses, params = ["1"], []
        for clause, value in (
            (f"{body} LIKE ?", self.body and f"%{self.body}%"),
            ("d.council LIKE ?", self.council and f"%{self.council}%"),
            (f"{date} >= ?", self.date_from and self.date_from.isoformat()),
            (f"{date} <= ?", self.date_to and self.date_to.isoformat()),
        ):
            if value:
                clauses.append(clause)
                params.append(value)
        return " AND ".join(clauses), params


def confirmed_sql(meeting: str = "m") -> str:
    """SQL true when a later paper of the same council confirms the minutes of meeting `meeting`."""
    return (
        f"EXISTS (SELECT 1 FROM confirmations c JOIN documents d2 ON d2.id = c.doc_id"
        f" WHERE c.meeting_date = {meeting}.date AND d2.id != {meeting}.doc_id"
        f" AND (d2.council IS d.council))"
    )


def backfill_records(db: sqlite3.Connection) -> int:
    """Read the records of documents stored before records were read (documents.records = 0) from
    their stored chunks; call inside a transaction. Returns how many documents were read."""
    pending = db.execute(
        "SELECT id, source, sha256, title, council, body, date, date_precision, doc_type FROM documents"
        " WHERE records = 0"
    ).fetchall()
    for doc_id, source, sha, title, council, body, date, precision, doc_type in pending:
        meta = Metadata(
            title, council, body, dt.date.fromisoformat(date) if date else None, precision, doc_type
        )
        chunks = [
            Chunk(sha, *row[:5], label_start=None, label_end=None, ocr=bool(row[5]), restricted=bool(row[6]))
            for row in db.execute(
                "SELECT position, text, heading, page_start, page_end, ocr, restricted FROM chunks"
                " WHERE doc_id = ? ORDER BY position",
                (doc_id,),
            )
        ]
        document = Document(sha, source, meta)
        write_records(db, source, read_records(document, chunks))
    return len(pending)
