"""Store damage: every kind of broken FAISS file is noticed and repaired, never used silently."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corpus.chunker import chunk_document
from corpus.loader import load_document
from index.embedder import EmbedderError, SentenceEmbedder
from index.published import vector_path
from index.store import Store, StoreError
from index.vectors import VectorIndex

MINUTES = """PLANNING COMMITTEE 12 March 2019
Northgate Town Council
Minutes

The committee approved 36 homes at Orchard Farm subject to a section 106 agreement.
The committee refused 120 flats at the old gasworks because of flood risk.
"""


def _store(folder: Path, fake, notices: list[str] | None = None) -> Store:
    sink = notices.append if notices is not None else None
    return Store(folder, fake.name, fake.dimension, on_notice=sink)


@pytest.fixture
def built(tmp_path: Path, fake_embedder) -> Path:
    """A store holding one paper, closed."""
    paper = tmp_path / "minutes.txt"
    paper.write_text(MINUTES, encoding="utf-8")
    document = load_document(paper)
    chunks = chunk_document(document, fake_embedder.count_tokens, 40)
    store = _store(tmp_path / "store", fake_embedder)
    with store.transaction():
        store.add_document(document, chunks, fake_embedder.embed([c.text for c in chunks]))
        store.bump_generation()
    store.close()
    return tmp_path / "store"


def _current_file(folder: Path) -> Path:
    db = sqlite3.connect(folder / "councilqa.sqlite3")
    generation = int(db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])
    db.close()
    return vector_path(folder, generation)


def _chunk_ids(store: Store) -> list[int]:
    return [r[0] for r in store.db.execute("SELECT id FROM chunks ORDER BY id")]


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    other = VectorIndex(path_dimension(path))
    other.add(np.array([999], dtype=np.int64), np.ones((1, path_dimension(path)), dtype=np.float32))
    path.write_bytes(other.to_bytes())


def path_dimension(path: Path) -> int:
    return VectorIndex.load(path).dimension


DAMAGE = {
    "missing": lambda p: p.unlink(),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 3]),
    "garbage": lambda p: p.write_bytes(os.urandom(4096)),
    "flipped byte": _flip,
    "from another store": _foreign,
    "empty": lambda p: p.write_bytes(b""),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_faiss_file_is_rebuilt_with_a_notice(built: Path, fake_embedder, kind: str) -> None:
    DAMAGE[kind](_current_file(built))
    notices: list[str] = []
    store = _store(built, fake_embedder, notices)
    assert len(notices) == 1 and "rebuilt from the stored embeddings" in notices[0]
    assert len(store.vectors) == len(_chunk_ids(store))
    for cid in _chunk_ids(store):
        store.vectors.vector(cid)  # every SQLite chunk has its vector
    store.close()
    # the repair was published: the next open is silent
    quiet: list[str] = []
    _store(built, fake_embedder, quiet).close()
    assert quiet == []


def test_deleted_wal_and_shm_files_leave_a_store_that_opens(built: Path, fake_embedder) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{built}/councilqa.sqlite3{suffix}").unlink(missing_ok=True)
    store = _store(built, fake_embedder)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(store.vectors) == len(_chunk_ids(store)) > 0


def test_a_store_path_that_is_a_file_is_refused_in_one_line(tmp_path: Path, fake_embedder) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open store") as info:
        _store(target, fake_embedder)
    assert "\n" not in str(info.value)


def test_a_model_folder_that_is_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    with pytest.raises(EmbedderError, match="not a sentence-transformers model folder"):
        SentenceEmbedder(tmp_path / "model")


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root ignores file permissions, so a read-only folder is writable"
)
def test_a_read_only_store_answers_reads_and_refuses_writes(built: Path, fake_embedder) -> None:
    os.chmod(built, 0o555)
    try:
        store = _store(built, fake_embedder)
        assert len(store.vectors) > 0
        with pytest.raises(StoreError, match="cannot write"), store.transaction():
            pass
    finally:
        os.chmod(built, 0o755)
