"""What a store holds, counted from SQLite alone: for `councilqa stats` and the page's sidebar."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from index.errors import StoreError
from index.schema import SchemaError, migrate
from index.settings import STORE_DB


@dataclass(frozen=True)
class Stats:
    """What the store holds, for `councilqa stats` and the chat page's sidebar."""

    documents: int
    chunks: int
    first_date: str | None
    last_date: str | None
    councils: tuple[str, ...]
    doc_types: tuple[tuple[str, int], ...]
    failures: tuple[tuple[str, str], ...]
    unread_pages: tuple[tuple[str, str], ...] = ()  # (source, "3,7"): pages that gave no text, even by OCR


def stats_sql(restricted: bool) -> dict[str, str]:
    """The queries behind Stats; without restricted access, restricted papers and chunks are not
    counted, named or dated."""
    docs = "documents" if restricted else "(SELECT * FROM documents WHERE access = 'public')"
    chunks = "chunks" if restricted else "chunks WHERE restricted = 0"
    return {
        "councils": f"SELECT DISTINCT council FROM {docs} WHERE council IS NOT NULL",
        "types": f"SELECT doc_type, COUNT(*) FROM {docs} GROUP BY doc_type ORDER BY 2 DESC",
        "dates": f"SELECT MIN(date), MAX(date) FROM {docs}",
        "documents": f"SELECT COUNT(*) FROM {docs}",
        "chunks": f"SELECT COUNT(*) FROM {chunks}",
        "unread": f"SELECT source, unread_pages FROM {docs} WHERE unread_pages != '' ORDER BY source",
    }


def _stats(db: sqlite3.Connection, restricted: bool = False) -> Stats:
    one = db.execute
    sql = stats_sql(restricted)
    councils = [r[0] for r in one(sql["councils"])]
    types = one(sql["types"])
    dates = one(sql["dates"]).fetchone()
    return Stats(
        documents=one(sql["documents"]).fetchone()[0],
        chunks=one(sql["chunks"]).fetchone()[0],
        first_date=dates[0],
        last_date=dates[1],
        councils=tuple(sorted(councils)),
        doc_types=tuple(types.fetchall()),
        failures=tuple(one("SELECT source, reason FROM failures ORDER BY source").fetchall()),
        unread_pages=tuple(one(sql["unread"])),
    )


def read_stats(folder: Path, restricted: bool = False) -> Stats:
    """What a store holds, read from SQLite alone, for `councilqa stats`, which must not load the
    model or the vectors. Raises StoreError when the folder is not a store this version can read."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(Path(folder) / STORE_DB, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout=30000")  # a writer's commit in flight
            migrate(db)
            return _stats(db, restricted)
        finally:
            db.close()
    except SchemaError as exc:
        raise StoreError(f"{folder}: {exc}") from exc
    except (sqlite3.DatabaseError, OSError) as exc:
        raise StoreError(f"{folder}: cannot open store ({exc})") from exc
