"""Records read back as decisions, meetings and commitment statements, each with source and passage."""

# Reading records back: decisions, meetings and a commitment's statements over time, each row with its
# paper, page and verbatim passage. Rows read from restricted chunks stay hidden unless granted.

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from index.errors import StoreError
from index.records import RecordFilters, confirmed_sql
from index.schema import SchemaError, migrate
from index.settings import STORE_DB


@dataclass(frozen=True)
class Decision:
    """A motion or resolution as the decisions register lists it."""

    date: str | None  # the meeting's ISO date, else the paper's
    body: str | None
    council: str | None
    item: str | None
    item_title: str | None
    kind: str
    number: str | None
    text: str
    mover: str | None
    seconder: str | None
    names: tuple[str, ...]
    outcome: str | None
    unanimous: bool
    votes_for: int | None
    votes_against: int | None
    abstain: int | None
    ayes: tuple[str, ...]
    noes: tuple[str, ...]
    provisional: bool  # read from draft minutes that no later paper confirms
    source: str
    title: str | None
    page: int | None
    passage: str
    page_label: str | None = None  # the page number printed on `page`, where the paper prints its own


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as its minutes' header gives it; status 'draft', 'confirmed' or None (not said)."""

    date: str | None
    body: str | None
    council: str | None
    chair: str | None
    venue: str | None
    start_time: str | None
    end_time: str | None
    present: str | None
    apologies: str | None
    in_attendance: str | None
    status: str | None
    next_meeting: str | None
    source: str
    title: str | None
    page: int | None
    passage: str


@dataclass(frozen=True)
class Statement:
    """What one paper says about a numbered commitment, as of the paper's date."""

    key: str
    text: str
    status: str | None
    narrative: str
    owners: tuple[tuple[str, str], ...]
    date: dt.date | None
    date_precision: str
    council: str | None
    source: str
    title: str | None
    page: int | None
    passage: str
    chunk_id: int | None = None  # the chunk the row opens in


_DATE = "COALESCE(m.date, d.date)"
_BODY = "COALESCE(m.body, d.body, '')"
_VISIBLE = "(c.restricted = 0 OR ?)"
# the printed label of a record's page: a chunk keeps the labels of its first and last pages
_PAGE_LABEL = (
    "CASE WHEN mo.page = c.page_start THEN c.label_start WHEN mo.page = c.page_end THEN c.label_end END"
)


def decisions(db: sqlite3.Connection, filters: RecordFilters, restricted: bool = False) -> list[Decision]:
    """Motions and resolutions in meeting order (oldest first), filtered; mover matches part of a name."""
    where, params = filters.sql(_DATE, _BODY)
    if filters.outcome:
        where += " AND mo.outcome = ?"
        params.append(filters.outcome)
    if filters.mover:
        where += " AND (mo.mover LIKE ? OR mo.names LIKE ?)"
        params += [f"%{filters.mover}%"] * 2
    sql = f"""SELECT {_DATE}, {_BODY}, d.council, mo.item_number, mo.item_title, mo.kind, mo.number, mo.text,
        mo.mover, mo.seconder, mo.names, mo.outcome, mo.unanimous, mo.votes_for, mo.votes_against, mo.abstain,
        mo.ayes, mo.noes, m.status = 'draft' AND NOT {confirmed_sql()}, d.source, d.title, mo.page,
        mo.passage, {_PAGE_LABEL}
        FROM motions mo JOIN documents d ON d.id = mo.doc_id LEFT JOIN meetings m ON m.doc_id = d.id
        LEFT JOIN chunks c ON c.id = mo.chunk_id
        WHERE {where} AND {_VISIBLE} ORDER BY {_DATE}, d.source, mo.position"""
    found = []
    for r in db.execute(sql, [*params, int(restricted)]):
        found.append(
            Decision(
                *r[:10],
                tuple(json.loads(r[10])),
                r[11],
                bool(r[12]),
                *r[13:16],
                tuple(json.loads(r[16])),
                tuple(json.loads(r[17])),
                bool(r[18]),
                *r[19:],
            )
        )
    return found


def meetings(db: sqlite3.Connection, filters: RecordFilters, restricted: bool = False) -> list[MeetingRow]:
    """Meetings oldest first; a draft that a later paper of the same council confirms is 'confirmed'."""
    where, params = filters.sql(_DATE, _BODY)
    if filters.mover:  # a chair or member's name
        where += " AND (m.chair LIKE ? OR m.present LIKE ?)"
        params += [f"%{filters.mover}%"] * 2
    sql = f"""SELECT {_DATE}, {_BODY}, d.council, m.chair, m.venue, m.start_time, m.end_time, m.present,
        m.apologies, m.in_attendance, CASE WHEN {confirmed_sql()} THEN 'confirmed' ELSE m.status END,
        m.next_meeting, d.source, d.title, m.page, COALESCE(c.text, '')
        FROM meetings m JOIN documents d ON d.id = m.doc_id LEFT JOIN chunks c ON c.id = m.chunk_id
        WHERE {where} AND {_VISIBLE} ORDER BY {_DATE}, d.source"""
    return [MeetingRow(*r) for r in db.execute(sql, [*params, int(restricted)])]


def statements(db: sqlite3.Connection, key: str, restricted: bool = False) -> list[Statement]:
    """Every statement about commitment `key` ('Pledge 48', matched without regard to case), newest
    paper first."""
    sql = f"""SELECT k.key, k.text, k.status, k.narrative, k.owners, d.date, d.date_precision, d.council,
        d.source, d.title, k.page, k.passage, k.chunk_id
        FROM commitments k JOIN documents d ON d.id = k.doc_id LEFT JOIN chunks c ON c.id = k.chunk_id
        WHERE k.key = ? COLLATE NOCASE AND {_VISIBLE} ORDER BY d.date DESC, d.source"""
    found = []
    for r in db.execute(sql, (" ".join(key.split()), int(restricted))):
        owners = tuple(tuple(o) for o in json.loads(r[4]))
        date = dt.date.fromisoformat(r[5]) if r[5] else None
        found.append(Statement(*r[:4], owners, date, *r[6:]))
    return found


def series_without(
    db: sqlite3.Connection, key: str, restricted: bool = False
) -> list[tuple[str, str | None, str]]:
    """Papers of the series that do not mention `key`: those that state other commitments of the same
    kind for the same council. (source, ISO date, date precision), newest first."""
    kind = key.split()[0] if key.split() else key
    sql = f"""SELECT DISTINCT d.source, d.date, d.date_precision FROM commitments k
        JOIN documents d ON d.id = k.doc_id LEFT JOIN chunks c ON c.id = k.chunk_id
        WHERE k.kind = ? COLLATE NOCASE AND {_VISIBLE}
        AND d.council IS (SELECT d3.council FROM commitments k3 JOIN documents d3 ON d3.id = k3.doc_id
                          WHERE k3.key = ? COLLATE NOCASE LIMIT 1)
        AND NOT EXISTS (SELECT 1 FROM commitments k2 WHERE k2.doc_id = d.id AND k2.key = ? COLLATE NOCASE)
        ORDER BY d.date DESC"""
    return [tuple(r) for r in db.execute(sql, (kind, int(restricted), key, key))]


@contextmanager
def record_store(folder: Path) -> Iterator[sqlite3.Connection]:
    """The store's SQLite alone (no model, no vectors), brought up to date, for the record commands.
    StoreError when the folder is not a store this version can read."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(Path(folder) / STORE_DB, isolation_level=None)
    except (sqlite3.DatabaseError, OSError) as exc:
        raise StoreError(f"{folder}: cannot open store ({exc})") from exc
    try:
        db.execute("PRAGMA busy_timeout=30000")  # a writer's commit in flight
        migrate(db)
        yield db
    except SchemaError as exc:
        raise StoreError(f"{folder}: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{folder}: cannot read store ({exc})") from exc
    finally:
        db.close()


@dataclass(frozen=True)
class Cited:
    """One field of a stored record, with the chunk id and page it was read from."""

    value: str
    chunk_id: int | None
    page: int | None


def motion_fields(db: sqlite3.Connection, source: str) -> list[tuple[int | None, dict[str, Cited]]]:
    """The motions of one paper in order: (chunk id of the motion's text, its cited fields by name)."""
    found = []
    sql = """SELECT mo.chunk_id, mo.cites, mo.text, mo.mover, mo.seconder, mo.outcome, mo.item_number,
        mo.item_title, mo.names, mo.ayes, mo.noes, mo.votes_for, mo.votes_against, mo.abstain, mo.kind,
        mo.number FROM motions mo JOIN documents d ON d.id = mo.doc_id WHERE d.source = ?
        ORDER BY mo.position"""
    for r in db.execute(sql, (source,)):
        cites = json.loads(r[1])
        where = (r[0], None)
        values = dict(
            zip(("text", "mover", "seconder", "outcome", "item", "item_title"), r[2:8], strict=True)
        )
        values |= {
            "kind": r[14],
            "number": r[15],
            "names": ", ".join(json.loads(r[8])),
            "ayes": _listed(json.loads(r[9])),
            "noes": _listed(json.loads(r[10])),
        }
        values |= {
            k: str(v)
            for k, v in zip(("votes_for", "votes_against", "abstain"), r[11:14], strict=True)
            if v is not None
        }
        found.append((r[0], {k: Cited(v, *(cites.get(k) or where)) for k, v in values.items() if v}))
    return found


def cited_text(db: sqlite3.Connection, chunk_id: int | None) -> str:
    """The text of the chunk a record's field is cited to; '' where there is none."""
    row = db.execute("SELECT text FROM chunks WHERE id = ?", (chunk_id,)).fetchone() if chunk_id else None
    return row[0] if row else ""


def _listed(names: list[str]) -> str:
    """Names as minutes print a side of a vote: 'Findlay, Guthrie and Kovach'."""
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def meeting_fields(db: sqlite3.Connection, source: str) -> dict[str, Cited]:
    """The meeting of one paper's minutes: its cited fields by name (date, chair, end_time ...)."""
    row = db.execute(
        f"SELECT m.cites, {', '.join('m.' + f for f in _MEETING_COLUMNS)} FROM meetings m"
        " JOIN documents d ON d.id = m.doc_id WHERE d.source = ?",
        (source,),
    ).fetchone()
    if row is None:
        return {}
    cites = json.loads(row[0])
    return {
        k: Cited(v, *cites.get(k, (None, None))) for k, v in zip(_MEETING_COLUMNS, row[1:], strict=True) if v
    }


_MEETING_COLUMNS = (
    "date",
    "body",
    "chair",
    "venue",
    "start_time",
    "end_time",
    "present",
    "apologies",
    "in_attendance",
    "status",
    "next_meeting",
)
