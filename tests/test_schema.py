"""Schema migrations: an older store is brought up to date with nothing lost; a newer one is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corpus.loader import READ_RULES
from index.schema import _V1, LATEST, MIGRATIONS, SchemaError, migrate, pending, stored_version
from index.store import Store, StoreError


def _v1_store(folder: Path, dimension: int, model: str) -> None:
    """A store as councilqa's first schema wrote it, holding one document and one chunk."""
    folder.mkdir(parents=True)
    db = sqlite3.connect(folder / "councilqa.sqlite3", isolation_level=None)
    db.executescript(_V1)
    for key, value in {"schema": "1", "model": model, "dimension": str(dimension), "generation": "1"}.items():
        db.execute("INSERT INTO meta VALUES (?, ?)", (key, value))
    db.execute(
        "INSERT INTO documents VALUES (1, 'a.txt', 'abc', 'Minutes', NULL, NULL, '2019-03-12', 'day',"
        " 'minutes', 1, '2020-01-01')"
    )
    vector = np.ones(dimension, dtype=np.float32).tobytes()
    db.execute(
        "INSERT INTO chunks (doc_id, position, heading, text, page_start, page_end, embedding)"
        " VALUES (1, 0, NULL, 'The budget was agreed.', 2, 3, ?)",
        (vector,),
    )
    db.close()


def test_a_first_schema_store_is_migrated_and_keeps_its_chunks(tmp_path: Path, fake_embedder) -> None:
    folder = tmp_path / "old"
    _v1_store(folder, fake_embedder.dimension, fake_embedder.name)
    store = Store(folder, fake_embedder.name, fake_embedder.dimension)
    assert stored_version(store.db) == LATEST
    [passage] = store.passages([1])
    assert (passage.text, passage.page_start, passage.page_end) == ("The budget was agreed.", 2, 3)
    assert (passage.label_start, passage.label_end, passage.ocr) == (None, None, False)
    assert len(store.vectors) == 1
    assert store.stats().unread_pages == ()


def test_a_store_from_a_newer_version_is_refused_with_both_versions(tmp_path: Path, fake_embedder) -> None:
    folder = tmp_path / "new"
    Store(folder, fake_embedder.name, fake_embedder.dimension).close()
    db = sqlite3.connect(folder / "councilqa.sqlite3", isolation_level=None)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(LATEST + 5),))
    db.close()
    with pytest.raises(StoreError, match=rf"schema {LATEST + 5}; this one reads up to {LATEST}"):
        Store(folder, fake_embedder.name, fake_embedder.dimension)


def test_a_fresh_database_runs_every_step_once() -> None:
    db = sqlite3.connect(":memory:", isolation_level=None)
    assert migrate(db) == 0
    assert stored_version(db) == LATEST
    assert migrate(db) == LATEST  # nothing left to do
    columns = {row[1] for row in db.execute("PRAGMA table_info(chunks)")}
    assert {"label_start", "label_end", "ocr"} <= columns


def test_pending_lists_only_the_missing_steps() -> None:
    assert [m.version for m in pending(0)] == [m.version for m in MIGRATIONS]
    assert pending(LATEST) == []
    with pytest.raises(SchemaError):
        pending(LATEST + 1)


def test_a_failed_step_leaves_the_store_at_its_old_version() -> None:
    db = sqlite3.connect(":memory:", isolation_level=None)
    migrate(db, MIGRATIONS[:1])
    broken = (*MIGRATIONS[:1], type(MIGRATIONS[0])(2, "ALTER TABLE chunks ADD COLUMN x TEXT;\nNOT SQL;"))
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, broken)
    assert stored_version(db) == 1
    assert "x" not in {row[1] for row in db.execute("PRAGMA table_info(chunks)")}


def test_row_builders_fill_every_column_of_their_statements() -> None:
    import datetime as dt

    from corpus.document import Chunk, Document, Metadata, Page
    from index.rows import CHUNK_SQL, DOCUMENT_SQL, chunk_rows, document_row

    document = Document(
        "abc", "a.pdf", Metadata(date=dt.date(2020, 2, 1)), (Page("x", 1, restricted=True),), (3,)
    )
    row = document_row(document, dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    assert len(row) == DOCUMENT_SQL.count("?")
    assert row[5] == "2020-02-01" and row[-3:] == ("3", "restricted", READ_RULES)
    chunk = Chunk("abc", 0, "text", None, 1, 1, "41", "41", ocr=True, restricted=True)
    [values] = list(chunk_rows(7, [chunk], np.ones((1, 4))))
    assert len(values) == CHUNK_SQL.count("?")
    assert values[0] == 7 and values[-4:] == ("41", "41", 1, 1)
