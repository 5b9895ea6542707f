"""FAISS files published per store generation: written whole, synced, renamed, and vouched for by SQLite."""

# A writer publishes generation N+1's file before it commits N+1 in SQLite, and records the file's
# SHA-256 and vector count in the same transaction. So the generation SQLite names always has a
# complete file, and a reader can tell a damaged, truncated or foreign file from the right one.

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from index.vectors import VectorIndex

_FILE = re.compile(r"vectors\.(\d+)\.faiss")


@dataclass(frozen=True)
class Published:
    """What SQLite records about one generation's FAISS file."""

    generation: int
    sha256: str
    count: int  # vectors in the file, equal to the chunks SQLite holds at that generation


class DamagedVectors(Exception):
    """The FAISS file of a generation is missing, unreadable or not the one SQLite recorded."""


def vector_path(folder: Path, generation: int) -> Path:
    return Path(folder) / f"vectors.{generation}.faiss"


def sync_folder(folder: Path) -> None:
    """fsync the folder so a rename or a new file's name survives a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write(folder: Path, generation: int, vectors: VectorIndex) -> Published:
    """Write the generation's file: temporary name, fsync, rename; returns what to record."""
    data = vectors.to_bytes()
    target = vector_path(folder, generation)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    sync_folder(Path(folder))
    return Published(generation, hashlib.sha256(data).hexdigest(), len(vectors))


def record(db: sqlite3.Connection, published: Published) -> None:
    """Vouch for a file; call inside the transaction that commits its generation."""
    db.execute(
        "INSERT OR REPLACE INTO generations (generation, sha256, count) VALUES (?, ?, ?)",
        (published.generation, published.sha256, published.count),
    )
    db.execute("DELETE FROM generations WHERE generation < ?", (published.generation - 1,))


def recorded(db: sqlite3.Connection, generation: int) -> Published | None:
    row = db.execute(
        "SELECT generation, sha256, count FROM generations WHERE generation = ?", (generation,)
    ).fetchone()
    return Published(*row) if row else None


def read(folder: Path, expected: Published, threads: int, nprobe: int) -> VectorIndex:
    """The generation's index, checked against its record; DamagedVectors says what is wrong."""
    path = vector_path(folder, expected.generation)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DamagedVectors(f"{path.name} is missing") from exc
    except OSError as exc:
        raise DamagedVectors(f"{path.name} cannot be read ({exc.strerror})") from exc
    if hashlib.sha256(data).hexdigest() != expected.sha256:
        raise DamagedVectors(f"{path.name} is damaged or from another store (checksum differs)")
    try:
        vectors = VectorIndex.from_bytes(data, threads, nprobe)
    except RuntimeError as exc:
        raise DamagedVectors(f"{path.name} is not a FAISS index") from exc
    if len(vectors) != expected.count:
        raise DamagedVectors(f"{path.name} holds {len(vectors)} vectors, not {expected.count}")
    return vectors


def prune(folder: Path, keep: set[int]) -> None:
    """Delete the files of generations not in `keep`, and temporary files of dead writers.

    Call only while holding the writer lock: then no temporary file belongs to a live writer.
    """
    for path in Path(folder).glob("vectors.*"):
        match = _FILE.fullmatch(path.name)
        if (match and int(match.group(1)) not in keep) or path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)
