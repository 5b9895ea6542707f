"""The store folder: SQLite (documents, chunks, FTS5) beside a FAISS file that SQLite vouches for."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from corpus.document import Chunk, Document
from index.errors import StoreError
from index.faults import checkpoint
from index.lock import WriterBusyError, WriterLock
from index.passage import Passage
from index.rows import CHUNK_SQL, DOCUMENT_SQL, chunk_rows, document_row
from index.schema import LATEST, SchemaError, migrate, pending, stored_version
from index.sentencevectors import SentenceVectors
from index.settings import STORE_DB, Settings
from index.stats import Stats, _stats, read_stats  # noqa: F401  (the CLI imports read_stats from here)
from index.vectors import VectorIndex
from index.vectorstate import VectorState

_PASSAGE_SQL = """SELECT c.id, c.text, c.heading, c.page_start, c.page_end, d.source, d.title,
    d.council, d.body, d.date, d.date_precision, d.doc_type, c.label_start, c.label_end, c.ocr
    FROM chunks c JOIN documents d ON d.id = c.doc_id"""


_BUSY_SECONDS = 30.0  # how long a connection waits on another's commit or checkpoint before failing


def _warn(message: str) -> None:
    print(f"councilqa: {message}", file=sys.stderr)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _passage(row: Sequence, score: float = 0.0) -> Passage:
    date = dt.date.fromisoformat(row[9]) if row[9] else None
    return Passage(*row[:9], date, row[10], row[11], score, row[12], row[13], bool(row[14]))


class Store:
    """One store folder: SQLite is the record; FAISS is published per generation and checked on load.

    Readers never write and never wait on a writer: each thread reads through its own SQLite
    connection (WAL) and searches the FAISS index of the newest published generation. Writers take
    turns: `writing()` holds the store's writer lock (across processes) and works on a copy of the
    index, published at each commit that bumps the generation.
    """

    def __init__(
        self,
        folder: Path,
        model_name: str,
        dimension: int,
        threads: int = 1,
        approximate_from: int = Settings.approximate_from,
        nprobe: int = 64,
        writer_wait: float = 600.0,
        on_notice: Callable[[str], None] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.threads, self.approximate_from, self.nprobe = threads, approximate_from, nprobe
        self.writer_wait, self.notice = writer_wait, on_notice or _warn
        self._local = threading.local()
        self._refreshing = threading.Lock()  # one thread loads a new generation; others keep searching
        self._writing = threading.RLock()  # one writer thread per process; the file lock does the rest
        self._lock = WriterLock(self.folder)
        self._bumped = False
        self._memos: dict[str, dict] = {}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self._needs_setup(model_name):
                # Creating or migrating a store is a write: two processes opening a new store at once
                # take turns here, as writers do (readers of an up-to-date store never come here).
                self._lock.acquire(self.writer_wait, self.notice)
                try:
                    migrate(self.db)
                    self._check_model(model_name, dimension)
                finally:
                    self._lock.release()
        except SchemaError as exc:
            raise StoreError(f"{self.folder}: {exc}") from exc
        except WriterBusyError as exc:
            raise StoreError(f"{self.folder}: {exc}") from exc
        except (sqlite3.DatabaseError, OSError) as exc:
            raise StoreError(f"{self.folder}: cannot open store ({exc})") from exc
        self._check_model(model_name, dimension)
        self.dimension = dimension
        self.sentences = SentenceVectors(self.folder, lambda: self.db, dimension)
        self._state = VectorState(
            self.folder,
            lambda: self.db,
            self._lock,
            dimension,
            threads,
            nprobe,
            approximate_from,
            self.notice,
        )
        self.refresh()

    def _needs_setup(self, model_name: str) -> bool:
        """Whether the store is new, older than this code's schema, or has no model recorded yet."""
        if not (self.folder / STORE_DB).exists():
            return True
        if (version := stored_version(self.db)) > LATEST:
            pending(version)  # raises SchemaError naming both versions
        return version < LATEST or self._meta("model") is None

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection: SQLite connections are not shared across threads."""
        connection = getattr(self._local, "db", None)
        if connection is None:
            path = self.folder / STORE_DB
            if path.exists() and not os.access(self.folder, os.W_OK):
                # A read-only folder: WAL cannot make its -shm file, and nobody can write here, so
                # SQLite may read the file as immutable. Writes then fail with a clear StoreError.
                connection = sqlite3.connect(
                    f"{path.resolve().as_uri()}?immutable=1", uri=True, isolation_level=None
                )
            else:
                connection = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_SECONDS)
                connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            self._local.db = connection
        return connection

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _check_model(self, model_name: str, dimension: int) -> None:
        stored = self._meta("model"), self._meta("dimension")
        if stored == (None, None):
            self.db.execute("BEGIN IMMEDIATE")
            self._set_meta("model", model_name)
            self._set_meta("dimension", str(dimension))
            self._set_meta("generation", "0")
            self.db.execute("COMMIT")
        elif stored != (model_name, str(dimension)):
            raise StoreError(
                f"{self.folder}: built with model {stored[0]} ({stored[1]} dims), not {model_name}; "
                "use another --store or re-ingest into a new one"
            )

    @property
    def generation(self) -> int:
        return int(self._meta("generation") or 0)

    @property
    def vectors(self) -> VectorIndex:
        """The FAISS index readers search: the newest published generation this process has seen."""
        return self._state.current

    def refresh(self) -> None:
        """Pick up the newest published generation, if another writer moved the store on."""
        if self._state.follow(self.generation):
            self._memos.clear()

    def memo(self, name: str) -> dict:
        """A cache of facts about the stored chunks (word counts), emptied whenever they change."""
        return self._memos.setdefault(name, {})

    @contextmanager
    def writing(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the store's writer lock, waiting up to `writer_wait` s; StoreError names the holder."""
        with self._writing:
            if not os.access(self.folder, os.W_OK):
                raise StoreError(f"{self.folder}: cannot write to the store (the folder is read-only)")
            try:
                self._lock.acquire(self.writer_wait, on_wait or self.notice)
            except WriterBusyError as exc:
                raise StoreError(f"{self.folder}: {exc}") from exc
            except OSError as exc:
                raise StoreError(f"{self.folder}: cannot write to the store ({exc.strerror})") from exc
            try:
                self.refresh()
                yield
            finally:
                if self._lock.depth == 1:  # the outermost writer is done: its copy goes
                    self._state.discard()
                self._lock.release()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, holding the writer lock. A bumped generation publishes its
        FAISS file before COMMIT; on any error, ROLLBACK, and the writer's FAISS changes are dropped."""
        with self.writing():
            self.db.execute("BEGIN IMMEDIATE")
            self._bumped = False
            try:
                yield self.db
                if self._bumped:
                    self._state.publish(self.generation)
                    checkpoint("published")
            except BaseException:
                self.db.execute("ROLLBACK")
                self._state.discard()
                raise
            self.db.execute("COMMIT")
            if self._bumped:
                checkpoint("committed")
                self._state.committed(self.generation)
                self._memos.clear()

    def save_vectors(self) -> VectorIndex:
        """Kept for callers of the first schema: publishing now happens at each commit."""
        return self.vectors

    def document_hash(self, source: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM documents WHERE source = ?", (source,)).fetchone()
        return row[0] if row else None

    def document_rules(self, source: str) -> str | None:
        """The version of the reading rules the stored paper was read by (corpus.loader.READ_RULES)."""
        row = self.db.execute("SELECT read_rules FROM documents WHERE source = ?", (source,)).fetchone()
        return row[0] if row else None

    def document_access(self, source: str) -> str | None:
        row = self.db.execute("SELECT access FROM documents WHERE source = ?", (source,)).fetchone()
        return row[0] if row else None

    def source_of_hash(self, sha256: str) -> str | None:
        row = self.db.execute("SELECT source FROM documents WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone()
        return row[0] if row else None

    def sources(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT source FROM documents ORDER BY source")]

    def remove_document(self, source: str) -> None:
        """Delete a document and its chunks; call inside a transaction."""
        ids = [
            r[0]
            for r in self.db.execute(
                "SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE d.source = ?",
                (source,),
            )
        ]
        self.db.execute("DELETE FROM documents WHERE source = ?", (source,))
        self._state.draft.remove(np.array(ids, dtype=np.int64))

    def add_document(self, document: Document, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Replace whatever was stored under the document's source; call inside a transaction."""
        self.remove_document(document.source)
        doc_id = self.db.execute(DOCUMENT_SQL, document_row(document)).lastrowid
        ids = [self.db.execute(CHUNK_SQL, row).lastrowid for row in chunk_rows(doc_id, chunks, vectors)]
        self._state.draft.add(np.array(ids, dtype=np.int64), np.asarray(vectors, dtype=np.float32))
        self.sentences.link(ids, [c.text for c in chunks])  # units stored beforehand (Ingestor._write)
        self.db.execute("DELETE FROM failures WHERE source = ?", (document.source,))

    def failed_sources(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT source FROM failures ORDER BY source")]

    def clear_failure(self, source: str) -> None:
        self.db.execute("DELETE FROM failures WHERE source = ?", (source,))

    def record_failure(self, source: str, reason: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", (source, reason, _now()))

    def bump_generation(self) -> None:
        """Advance the generation; the transaction publishes the writer's FAISS copy under it."""
        self._set_meta("generation", str(self.generation + 1))
        self._bumped = True

    def passages(self, chunk_ids: Iterable[int], scores: dict[int, float] | None = None) -> list[Passage]:
        """Passages for chunk ids, in the order given."""
        ids = list(chunk_ids)
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"{_PASSAGE_SQL} WHERE c.id IN ({marks})", ids).fetchall()
        by_id = {r[0]: r for r in rows}
        scores = scores or {}
        return [_passage(by_id[i], scores.get(i, 0.0)) for i in ids if i in by_id]

    def texts(self, chunk_ids: Sequence[int]) -> list[tuple[int, str]]:
        """(chunk id, heading and text joined by a newline) for chunk ids, in the order given: what a
        scan for an identifier reads, without building whole passages."""
        marks = ",".join("?" * len(chunk_ids))
        sql = f"SELECT id, COALESCE(heading, '') || char(10) || text FROM chunks WHERE id IN ({marks})"
        found = dict(self.db.execute(sql, list(chunk_ids)).fetchall())
        return [(i, found[i]) for i in chunk_ids if i in found]

    def next_passage(self, chunk_id: int) -> Passage | None:
        """The chunk that follows this one in its document, for text that runs on past a chunk's end."""
        row = self.db.execute(
            f"{_PASSAGE_SQL} WHERE c.doc_id = (SELECT doc_id FROM chunks WHERE id = ?)"
            " AND c.position = (SELECT position + 1 FROM chunks WHERE id = ?)"
            # never from a public passage into restricted text that follows it
            " AND c.restricted <= (SELECT restricted FROM chunks WHERE id = ?)",
            (chunk_id, chunk_id, chunk_id),
        ).fetchone()
        return _passage(row) if row else None

    def paper_passages(self, chunk_id: int) -> list[Passage]:
        """Every chunk of this chunk's document in reading order, none more restricted than it: what a
        question about the whole paper ('List its ten priorities') reads."""
        rows = self.db.execute(
            f"{_PASSAGE_SQL} WHERE c.doc_id = (SELECT doc_id FROM chunks WHERE id = ?)"
            " AND c.restricted <= (SELECT restricted FROM chunks WHERE id = ?) ORDER BY c.position",
            (chunk_id, chunk_id),
        ).fetchall()
        return [_passage(row) for row in rows]

    def stats(self, restricted: bool = False) -> Stats:
        """What the store holds; restricted papers count only with `restricted` access."""
        return _stats(self.db, restricted)

    def has_restricted(self) -> bool:
        """Whether any stored chunk is restricted, kept until the store changes (searches ask each time)."""
        memo = self.memo("restricted")
        if "any" not in memo:
            memo["any"] = (
                self.db.execute("SELECT 1 FROM chunks WHERE restricted = 1 LIMIT 1").fetchone() is not None
            )
        return memo["any"]

    def restricted_ids(self) -> np.ndarray:
        rows = self.db.execute("SELECT id FROM chunks WHERE restricted = 1").fetchall()
        return np.array([r[0] for r in rows], dtype=np.int64)

    def close(self) -> None:
        self.sentences.close()
        connection = getattr(self._local, "db", None)
        if connection is not None:
            connection.close()
            self._local.db = None
