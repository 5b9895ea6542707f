"""The store's SQLite schema as numbered migrations, applied in order and recorded in `meta`."""

# After Simon Willison's sqlite-utils/llm `migrations.py`: a store remembers the last migration it
# ran; opening it runs the missing ones inside one transaction, and a store written by a newer
# councilqa is refused rather than guessed at.

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.errors import CouncilQAError

_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
    title TEXT, council TEXT, body TEXT, date TEXT, date_precision TEXT NOT NULL,
    doc_type TEXT NOT NULL, pages INTEGER NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, heading TEXT, text TEXT NOT NULL,
    page_start INTEGER, page_end INTEGER, embedding BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    heading, text, content='chunks', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER IF NOT EXISTS chunks_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text); END;
CREATE TRIGGER IF NOT EXISTS chunks_ad AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, heading, text)
    VALUES ('delete', old.id, old.heading, old.text); END;
CREATE TABLE IF NOT EXISTS failures (source TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);
"""

# Printed page labels and the OCR mark per chunk; pages that gave no text, per document.
_V2 = """
ALTER TABLE chunks ADD COLUMN label_start TEXT;
ALTER TABLE chunks ADD COLUMN label_end TEXT;
ALTER TABLE chunks ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN unread_pages TEXT NOT NULL DEFAULT '';
"""


# Each published FAISS file's checksum and size, so a damaged or foreign file is never used silently.
_V3 = """
CREATE TABLE IF NOT EXISTS generations (
    generation INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, count INTEGER NOT NULL);
"""


# Restricted text (exempt, confidential, closed session): per chunk, and the paper's own level.
_V4 = """
ALTER TABLE chunks ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN access TEXT NOT NULL DEFAULT 'public';
"""


# Records read from minutes and trackers (corpus/recordset.py), rebuilt with their document's chunks.
# `cites` holds, per field, the chunk id and page it was read from, as JSON {field: [chunk, page]}.
_V5 = """
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date TEXT, body TEXT, chair TEXT, venue TEXT, start_time TEXT, end_time TEXT, present TEXT,
    apologies TEXT, in_attendance TEXT, status TEXT, chunk_id INTEGER, page INTEGER, cites TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS meetings_doc ON meetings(doc_id);
CREATE TABLE IF NOT EXISTS agenda_items (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number TEXT NOT NULL, title TEXT NOT NULL, page_start INTEGER, page_end INTEGER, chunk_id INTEGER);
CREATE INDEX IF NOT EXISTS agenda_items_doc ON agenda_items(doc_id);
CREATE TABLE IF NOT EXISTS motions (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, kind TEXT NOT NULL, number TEXT, item_number TEXT, item_title TEXT,
    text TEXT NOT NULL, mover TEXT, seconder TEXT, names TEXT NOT NULL, outcome TEXT,
    unanimous INTEGER NOT NULL, votes_for INTEGER, votes_against INTEGER, abstain INTEGER,
    ayes TEXT NOT NULL, noes TEXT NOT NULL, passage TEXT NOT NULL, chunk_id INTEGER, page INTEGER,
    cites TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS motions_doc ON motions(doc_id);
CREATE TABLE IF NOT EXISTS confirmations (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    meeting_date TEXT NOT NULL, passage TEXT NOT NULL, chunk_id INTEGER, page INTEGER);
CREATE INDEX IF NOT EXISTS confirmations_date ON confirmations(meeting_date);
CREATE TABLE IF NOT EXISTS commitments (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT NOT NULL, kind TEXT NOT NULL, number TEXT NOT NULL, text TEXT NOT NULL, owners TEXT NOT NULL,
    status TEXT, narrative TEXT NOT NULL, passage TEXT NOT NULL, chunk_id INTEGER, page INTEGER);
CREATE INDEX IF NOT EXISTS commitments_key ON commitments(key);
"""

# Whether a document's records have been read: papers stored before records existed are read again
# from their stored chunks at the next ingest (index/records.py backfill_records).
_V6 = """
ALTER TABLE documents ADD COLUMN records INTEGER NOT NULL DEFAULT 0;
"""

# The next meeting as the minutes announce it.
_V7 = """
ALTER TABLE meetings ADD COLUMN next_meeting TEXT;
"""

# Sentence vectors (index/sentencevectors.py): each unit's vector lives in a float16 file at `slot`,
# addressed by a 64-bit hash of the text the model read; `chunk_sentences` links chunks to the hashes
# they hold, and the triggers keep `refs` (chunks holding a hash) so orphans can be compacted away.
# `chunks.sentences` marks the chunks whose units are all stored: older chunks are backfilled.
_V8 = """
CREATE TABLE IF NOT EXISTS sentences (
    hash INTEGER PRIMARY KEY, slot INTEGER NOT NULL, refs INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS chunk_sentences (
    chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE, hash INTEGER NOT NULL,
    PRIMARY KEY (chunk_id, hash)) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS chunk_sentences_ai AFTER INSERT ON chunk_sentences BEGIN
    UPDATE sentences SET refs = refs + 1 WHERE hash = new.hash; END;
CREATE TRIGGER IF NOT EXISTS chunk_sentences_ad AFTER DELETE ON chunk_sentences BEGIN
    UPDATE sentences SET refs = refs - 1 WHERE hash = old.hash; END;
ALTER TABLE chunks ADD COLUMN sentences INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS chunks_unsentenced ON chunks(id) WHERE sentences = 0;
CREATE INDEX IF NOT EXISTS sentences_orphaned ON sentences(hash) WHERE refs <= 0;
"""

# The rules each paper was read by (corpus.loader.READ_RULES): a paper read by older rules is read again.
_V9 = """
ALTER TABLE documents ADD COLUMN read_rules TEXT NOT NULL DEFAULT '1';
"""


@dataclass(frozen=True)
class Migration:
    """One step of the schema: the version it leaves the store at and the SQL that gets it there."""

    version: int
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, _V1),
    Migration(2, _V2),
    Migration(3, _V3),
    Migration(4, _V4),
    Migration(5, _V5),
    Migration(6, _V6),
    Migration(7, _V7),
    Migration(8, _V8),
    Migration(9, _V9),
)
LATEST = MIGRATIONS[-1].version


class SchemaError(CouncilQAError):
    """The store was written by a newer councilqa, or its schema version is unreadable."""


def stored_version(db: sqlite3.Connection) -> int:
    """The schema version recorded in the store; 0 for an empty database."""
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if row is None:
        return 0
    try:
        return int(row[0])
    except ValueError as exc:
        raise SchemaError(f"unreadable schema version {row[0]!r}") from exc


def pending(version: int, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """The steps a store at `version` still needs; SchemaError for a store newer than this code."""
    latest = migrations[-1].version
    if version > latest:
        raise SchemaError(f"written by a newer councilqa (schema {version}; this one reads up to {latest})")
    return [m for m in migrations if m.version > version]


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the store up to the latest schema in one transaction; returns the version it was at."""
    version = stored_version(db)
    steps = pending(version, migrations)
    if not steps:
        return version
    db.execute("BEGIN IMMEDIATE")
    try:
        for step in steps:
            for statement in _statements(step.sql):
                db.execute(statement)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(steps[-1].version),))
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return version


def _statements(sql: str) -> list[str]:
    """Statements of a migration; triggers hold semicolons, so they split at 'END;' first."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        trigger = joined.upper().startswith("CREATE TRIGGER")
        if joined.endswith(";") and (not trigger or joined.endswith("END;")):
            statements.append(joined)
            current = []
    return statements
