"""Which FAISS index readers search and which one the writer changes, per store generation."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from index import published
from index.lock import WriterLock
from index.vectors import VectorIndex


class VectorState:
    """Readers' index (the newest published generation) and the writer's private copy.

    `current` is only ever replaced, never changed in place, so a search that holds it is safe
    while a writer works. The writer's copy is made on its first change and published by `publish`
    before the SQLite commit that names its generation.
    """

    def __init__(
        self,
        folder: Path,
        db: Callable[[], sqlite3.Connection],
        lock: WriterLock,
        dimension: int,
        threads: int,
        nprobe: int,
        approximate_from: int,
        notice: Callable[[str], None],
    ) -> None:
        self.folder, self._db, self._lock = folder, db, lock
        self.dimension, self.threads, self.nprobe = dimension, threads, nprobe
        self.approximate_from, self.notice = approximate_from, notice
        self._loading = threading.Lock()
        self._draft: VectorIndex | None = None
        self.generation = -1
        self.current = VectorIndex(dimension, threads, nprobe)

    def follow(self, generation: int) -> bool:
        """Move readers to `generation` if they are not on it; True when they moved."""
        if generation == self.generation:
            return False
        with self._loading:
            if generation == self.generation:
                return False
            self.current, self.generation = self.load(generation), generation
        return True

    def load(self, generation: int) -> VectorIndex:
        """The published index of `generation`; a missing or damaged one is rebuilt, with a notice."""
        expected = published.recorded(self._db(), generation)
        try:
            if expected is None:
                raise published.DamagedVectors(f"generation {generation} has no recorded FAISS file")
            return published.read(self.folder, expected, self.threads, self.nprobe)
        except published.DamagedVectors as exc:
            rebuilt = self.rebuild()
            if len(rebuilt) or expected is not None:
                self.notice(f"{self.folder}: {exc}; rebuilt from the stored embeddings")
            self._repair(generation, rebuilt)
            return rebuilt

    def rebuild(self) -> VectorIndex:
        """Every stored embedding into a fresh index: SQLite is the record."""
        vectors = VectorIndex(self.dimension, self.threads, self.nprobe)
        rows = self._db().execute("SELECT id, embedding FROM chunks ORDER BY id")
        for batch in iter(lambda: rows.fetchmany(4096), []):
            ids = np.array([r[0] for r in batch], dtype=np.int64)
            vecs = np.frombuffer(b"".join(r[1] for r in batch), dtype=np.float32)
            vectors.add(ids, vecs.reshape(len(batch), self.dimension))
        if len(vectors) >= self.approximate_from:
            vectors = vectors.approximate()
        return vectors

    def _repair(self, generation: int, vectors: VectorIndex) -> None:
        """Publish a rebuilt file if no writer is busy and the folder is writable; else leave it."""
        if not os.access(self.folder, os.W_OK) or not self._lock.try_acquire():
            return
        db = self._db()
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            if int(row[0] if row else 0) == generation:
                db.execute("BEGIN IMMEDIATE")
                try:
                    published.record(db, published.write(self.folder, generation, vectors))
                finally:
                    db.execute("COMMIT")
                published.prune(self.folder, {generation})
        finally:
            self._lock.release()

    @property
    def draft(self) -> VectorIndex:
        """The writer's copy, made from the readers' index on first use."""
        if self._draft is None:
            self._draft = self.current.clone()
        return self._draft

    def discard(self) -> None:
        """Forget the writer's changes (a rolled-back transaction, or the end of writing)."""
        self._draft = None

    def publish(self, generation: int) -> None:
        """Write the writer's copy as `generation`'s file and record it; call inside the transaction."""
        draft = self.draft
        if len(draft) >= self.approximate_from and not draft.is_approximate:
            self._draft = draft = draft.approximate()
        published.record(self._db(), published.write(self.folder, generation, draft))

    def committed(self, generation: int) -> None:
        """After COMMIT: readers here move to the writer's copy; files older than the last two go."""
        self.current, self.generation = self.draft.clone(), generation
        published.prune(self.folder, {generation, generation - 1})
