"""Each unit's embedding (a sentence or cell, as the reader embeds it), stored at ingest as float16 rows."""

# Layout: `sentences.<epoch>.f16` in the store folder holds rows of `dimension` float16 values; the
# SQLite table `sentences` maps a 64-bit hash of the text the model read to its row (`slot`), and meta
# names the file ('sentence_file') and the rows committed ('sentence_slots'). A writer appends rows past
# the committed count and fsyncs them before the COMMIT that names them, so a crash leaves only tail
# bytes no row names, which the next writer overwrites. Rows are never rewritten in place: a reader that
# looked a slot up reads the row it meant. Compaction copies the rows still used into the next epoch's
# file and keeps the previous file for readers that looked their slots up before it committed.
# Readers fetch rows with os.pread: like a memory map only the rows asked for are read, and a truncated
# file gives a short read (a miss) rather than SIGBUS.

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from corpus.units import UNIT_RULES, embedded_text, units_of
from index.published import sync_folder

_FILE = re.compile(r"sentences\.(\d+)\.f16")
_DTYPE = np.dtype(np.float16)  # half of float32; the reader's cosines move by < 1e-3 (docs/BENCHMARKS.md)
_NORM_SLACK = 0.01  # a stored unit vector's norm is 1 within float16 rounding; anything else is damage
_SQL_BATCH = 500  # hashes per IN (...) query, under SQLite's bound-variable limit
_COMPACT_SHARE = 0.5  # compact once orphaned rows are this share of the file...
_COMPACT_MIN = 10_000  # ...and at least this many: a small file is not worth rewriting


def text_hash(text: str) -> int:
    """A signed 64-bit BLAKE2b hash of the text the model reads (fits SQLite's INTEGER)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


@lru_cache(maxsize=8192)
def chunk_units(text: str) -> tuple[tuple[int, str], ...]:
    """(hash, text the model reads) of each distinct unit of a chunk's text, in reading order."""
    seen: dict[int, str] = {}
    for unit in units_of(text):
        if clipped := embedded_text(unit.shown):
            seen.setdefault(text_hash(clipped), clipped)
    return tuple(seen.items())


@dataclass(frozen=True)
class Fresh:
    """Units that no stored row holds yet: their hashes and the texts to embed, one each."""

    hashes: tuple[int, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Compaction:
    """A written next-epoch file: the rows still used, in their new order."""

    name: str
    hashes: tuple[int, ...]  # the row at slot i holds hashes[i]


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view, offset = view[written:], offset + written


class SentenceVectors:
    """The store's sentence vectors: written inside the store's transactions, read by any thread."""

    def __init__(self, folder: Path, db: Callable[[], sqlite3.Connection], dimension: int) -> None:
        self.folder, self._db, self.dimension = Path(folder), db, dimension
        self.row_bytes = dimension * _DTYPE.itemsize
        self._files: dict[str, int] = {}  # file name -> open descriptor, for readers
        self._opening = threading.Lock()

    # --- reading ----------------------------------------------------------------------------------

    def lookup(self, texts: Sequence[str]) -> dict[int, np.ndarray]:
        """Stored unit vectors (float32) of those `texts` that have one, keyed by position in `texts`."""
        hashes = [text_hash(t) for t in texts]
        try:
            name, slots = self._slots(hashes)
        except sqlite3.Error:  # a store not yet migrated, read-only: every text is a miss
            return {}
        found = {}
        for i, h in enumerate(hashes):
            if h in slots and (vector := self._row(name, slots[h])) is not None:
                found[i] = vector
        return found

    def _slots(self, hashes: Sequence[int]) -> tuple[str, dict[int, int]]:
        """The file and the slots of the stored hashes, read in one statement: one snapshot."""
        marks = ",".join("?" * len(hashes))
        rows = (
            self._db()
            .execute(
                "SELECT s.hash, s.slot, m.value FROM sentences s JOIN meta m ON m.key = 'sentence_file'"
                f" WHERE s.hash IN ({marks})",
                list(hashes),
            )
            .fetchall()
        )
        return (rows[0][2] if rows else ""), {r[0]: r[1] for r in rows}

    def _row(self, name: str, slot: int) -> np.ndarray | None:
        fd = self._descriptor(name)
        if fd is None:
            return None
        data = os.pread(fd, self.row_bytes, slot * self.row_bytes)
        if len(data) < self.row_bytes:
            return None
        vector = np.frombuffer(data, dtype=_DTYPE).astype(np.float32)
        return vector if abs(float(vector @ vector) - 1.0) <= _NORM_SLACK else None

    def _descriptor(self, name: str) -> int | None:
        with self._opening:
            if name not in self._files:
                try:
                    self._files[name] = os.open(self.folder / name, os.O_RDONLY)
                except OSError:
                    return None
            return self._files[name]

    def close(self) -> None:
        with self._opening:
            for fd in self._files.values():
                os.close(fd)
            self._files.clear()

    # --- writing (the writer lock held) -----------------------------------------------------------

    def _meta(self, key: str, default: str) -> str:
        row = self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def state(self) -> tuple[str, int]:
        """(file name, rows committed) as SQLite records them."""
        return self._meta("sentence_file", "sentences.0.f16"), int(self._meta("sentence_slots", "0"))

    def _set_state(self, name: str, used: int) -> None:
        db = self._db()
        db.execute("INSERT OR REPLACE INTO meta VALUES ('sentence_file', ?)", (name,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('sentence_slots', ?)", (str(used),))

    def known(self, hashes: Iterable[int]) -> set[int]:
        """Those of `hashes` that a stored row holds."""
        hashes, found = list(hashes), set()
        for at in range(0, len(hashes), _SQL_BATCH):
            part = hashes[at : at + _SQL_BATCH]
            marks = ",".join("?" * len(part))
            found.update(
                r[0] for r in self._db().execute(f"SELECT hash FROM sentences WHERE hash IN ({marks})", part)
            )
        return found

    def unstored(self, chunk_texts: Iterable[str]) -> Fresh:
        """The units of these chunk texts that no stored row holds, each once."""
        wanted: dict[int, str] = {}
        for text in chunk_texts:
            for h, clipped in chunk_units(text):
                wanted.setdefault(h, clipped)
        known = self.known(wanted)
        fresh = [(h, t) for h, t in wanted.items() if h not in known]
        return Fresh(tuple(h for h, _ in fresh), tuple(t for _, t in fresh))

    def add(self, hashes: Sequence[int], vectors: np.ndarray) -> None:
        """Append rows for new hashes and fsync them; call inside the transaction that names them."""
        if not len(hashes):
            return
        name, used = self.state()
        data = np.ascontiguousarray(vectors, dtype=_DTYPE).reshape(len(hashes), self.dimension).tobytes()
        path = self.folder / name
        created = not path.exists()
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _write_all(fd, data, used * self.row_bytes)
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            sync_folder(self.folder)
        slots = range(used, used + len(hashes))
        self._db().executemany(
            "INSERT INTO sentences (hash, slot) VALUES (?, ?)", zip(hashes, slots, strict=True)
        )
        self._set_state(name, used + len(hashes))

    def link(self, chunk_ids: Sequence[int], chunk_texts: Sequence[str]) -> None:
        """Record which stored units each chunk holds; a chunk with all of them stored is marked done
        (the others are backfilled). Call inside the transaction that adds the chunks."""
        units = [[h for h, _ in chunk_units(t)] for t in chunk_texts]
        known = self.known({h for hashes in units for h in hashes})
        pairs = [(cid, h) for cid, hashes in zip(chunk_ids, units, strict=True) for h in hashes if h in known]
        done = [(cid,) for cid, hashes in zip(chunk_ids, units, strict=True) if known.issuperset(hashes)]
        db = self._db()
        # a chunk relinked after the unit rules changed no longer holds the units it was read into before
        db.executemany("DELETE FROM chunk_sentences WHERE chunk_id = ?", [(cid,) for cid in chunk_ids])
        db.executemany("INSERT OR IGNORE INTO chunk_sentences VALUES (?, ?)", pairs)
        db.executemany("UPDATE chunks SET sentences = 1 WHERE id = ?", done)

    def relink_for_rules(self) -> bool:
        """When the store's units were read by other rules (corpus.units.UNIT_RULES), mark every chunk for
        backfill, so the units read now get their vectors; those of unchanged units are kept. True when
        it did. Call inside a transaction."""
        db = self._db()
        row = db.execute("SELECT value FROM meta WHERE key = 'unit_rules'").fetchone()
        if row and row[0] == UNIT_RULES:
            return False
        if row or db.execute("SELECT 1 FROM chunks LIMIT 1").fetchone():
            db.execute("UPDATE chunks SET sentences = 0")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('unit_rules', ?)", (UNIT_RULES,))
        return True

    def unlinked(self, after: int, limit: int) -> list[tuple[int, str]]:
        """(id, text) of chunks past id `after` whose units are not all stored, oldest first."""
        return (
            self._db()
            .execute(
                "SELECT id, text FROM chunks WHERE sentences = 0 AND id > ? ORDER BY id LIMIT ?",
                (after, limit),
            )
            .fetchall()
        )

    def damaged(self) -> bool:
        """Whether the file is shorter than the rows SQLite records (deleted or truncated)."""
        name, used = self.state()
        path = self.folder / name
        size = path.stat().st_size if path.exists() else 0
        return size < used * self.row_bytes

    def reset(self) -> None:
        """Forget every stored row and start the next epoch's file: each chunk is backfilled again.
        Call inside a transaction."""
        db = self._db()
        db.execute("DELETE FROM chunk_sentences")
        db.execute("DELETE FROM sentences")
        db.execute("UPDATE chunks SET sentences = 0 WHERE sentences = 1")
        self._set_state(self._next_name(), 0)

    def _next_name(self) -> str:
        match = _FILE.fullmatch(self.state()[0])
        return f"sentences.{int(match.group(1)) + 1 if match else 1}.f16"

    # --- compaction (the writer lock held) --------------------------------------------------------

    def compaction(self) -> Compaction | None:
        """When orphaned rows (no chunk holds them) are many, write the used rows into the next
        epoch's file and say what to commit; None when not worth it."""
        name, used = self.state()
        orphans = self._db().execute("SELECT COUNT(*) FROM sentences WHERE refs <= 0").fetchone()[0]
        if orphans < max(_COMPACT_MIN, _COMPACT_SHARE * used):  # counted on a partial index: cheap
            return None
        rows = self._db().execute("SELECT hash, slot FROM sentences WHERE refs > 0 ORDER BY slot").fetchall()
        target = self._next_name()
        self._copy(name, target, [slot for _, slot in rows])
        return Compaction(target, tuple(h for h, _ in rows))

    def _copy(self, source: str, target: str, slots: Sequence[int]) -> None:
        tmp = self.folder / f"{target}.{os.getpid()}.tmp"
        with open(self.folder / source, "rb") as old, open(tmp, "wb") as new:
            for slot in slots:  # one read per row: compaction is rare and the file may exceed memory
                old.seek(slot * self.row_bytes)
                new.write(old.read(self.row_bytes).ljust(self.row_bytes, b"\0"))
            new.flush()
            os.fsync(new.fileno())
        os.replace(tmp, self.folder / target)
        sync_folder(self.folder)

    def apply(self, compaction: Compaction) -> None:
        """Point SQLite at the compacted file; call inside a transaction, then `prune`."""
        db = self._db()
        db.execute("DELETE FROM sentences WHERE refs <= 0")
        db.executemany(
            "UPDATE sentences SET slot = ? WHERE hash = ?",
            ((slot, h) for slot, h in enumerate(compaction.hashes)),
        )
        self._set_state(compaction.name, len(compaction.hashes))

    def prune(self, previous: str | None = None) -> None:
        """Delete files other than the current one (and `previous`, kept for readers mid-lookup)."""
        keep = {self.state()[0], previous}
        for path in self.folder.glob("sentences.*"):
            if path.name not in keep and (_FILE.fullmatch(path.name) or path.name.endswith(".tmp")):
                path.unlink(missing_ok=True)
