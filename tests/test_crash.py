"""Crash safety, proven: ingest killed with SIGKILL at every stage leaves a store that opens, agrees
with itself, keeps what it had, and ends exactly as an uninterrupted ingest once rerun."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.faults import POINTS
from index.store import Store

WORKER = Path(__file__).resolve().parent / "ingest_worker.py"
ROOT = Path(__file__).resolve().parent.parent
COMMIT_CHUNKS = 3  # small commits, so kills land between, inside and after several of them
KILLS_PER_POINT = 5


def _paper(n: int) -> str:
    return (
        f"FINANCE COMMITTEE {n} March 2019\nNorthgate Town Council\nMinutes\n\n"
        f"Item {n}. The committee agreed budget line {n} of {n * 1000} pounds for the depot.\n\n"
        f"Item {n}b. Members noted report {n} on street lighting and asked for a costed plan.\n"
    )


def _folder(root: Path, name: str, numbers: range) -> Path:
    folder = root / name
    folder.mkdir()
    for n in numbers:
        (folder / f"paper{n:02d}.txt").write_text(_paper(n), encoding="utf-8")
    return folder


def _ingest(store: Path, *paths: Path, kill_at: str | None = None, prune: bool = False):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("COUNCILQA_KILL_AT", None)
    if kill_at:
        env["COUNCILQA_KILL_AT"] = kill_at
    args = [sys.executable, str(WORKER), str(store), str(COMMIT_CHUNKS)]
    args += (["--prune"] if prune else []) + [str(p) for p in paths]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)


def _counts(store_path: Path, fake) -> tuple[int, int, bool]:
    """(documents, chunks, consistent): integrity ok and FAISS ids equal SQLite's chunk ids."""
    store = Store(store_path, fake.name, fake.dimension, on_notice=lambda _m: None)
    try:
        db = store.db
        ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in db.execute("SELECT id FROM chunks ORDER BY id")]
        faiss_ids = sorted(int(i) for i in _faiss_ids(store))
        docs = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        return docs, len(ids), ok and ids == faiss_ids
    finally:
        store.close()


def _faiss_ids(store: Store):
    import faiss

    return faiss.vector_to_array(store.vectors.index.id_map)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, fake_embedder_module) -> tuple[int, int]:
    root = tmp_path_factory.mktemp("baseline")
    old, new = _folder(root, "old", range(1, 4)), _folder(root, "new", range(4, 12))
    assert _ingest(root / "store", old).returncode == 0
    assert _ingest(root / "store", new).returncode == 0
    return _counts(root / "store", fake_embedder_module)[:2]


@pytest.fixture(scope="module")
def fake_embedder_module():
    from conftest import FakeEmbedder

    return FakeEmbedder()


@pytest.mark.slow
@pytest.mark.parametrize("visit", range(1, KILLS_PER_POINT + 1))
@pytest.mark.parametrize("point", [p for p in POINTS if p != "pruning"])
def test_sigkill_at_any_point_of_an_ingest(tmp_path, fake_embedder_module, baseline, point, visit) -> None:
    old, new = _folder(tmp_path, "old", range(1, 4)), _folder(tmp_path, "new", range(4, 12))
    store = tmp_path / "store"
    assert _ingest(store, old).returncode == 0
    before_docs, before_chunks, _ = _counts(store, fake_embedder_module)
    killed = _ingest(store, new, kill_at=f"{point}:{visit}")
    assert killed.returncode in (-signal.SIGKILL, 0), killed.stderr  # 0: fewer visits than asked
    docs, chunks, consistent = _counts(store, fake_embedder_module)
    assert consistent
    assert docs >= before_docs and chunks >= before_chunks  # nothing stored before was lost
    assert _ingest(store, new).returncode == 0
    assert _counts(store, fake_embedder_module) == (*baseline, True)


@pytest.mark.slow
@pytest.mark.parametrize("visit", range(1, KILLS_PER_POINT + 1))
def test_sigkill_during_prune(tmp_path, fake_embedder_module, visit) -> None:
    papers = _folder(tmp_path, "papers", range(1, 10))
    store = tmp_path / "store"
    assert _ingest(store, papers).returncode == 0
    for path in sorted(papers.iterdir())[:6]:
        path.unlink()
    killed = _ingest(store, papers, kill_at=f"pruning:{visit}", prune=True)
    assert killed.returncode in (-signal.SIGKILL, 0), killed.stderr
    docs, _chunks, consistent = _counts(store, fake_embedder_module)
    assert consistent and docs in (3, 9)  # a prune is one transaction: all of it or none
    assert _ingest(store, papers, prune=True).returncode == 0
    assert _counts(store, fake_embedder_module)[0] == 3


@pytest.mark.slow
def test_a_real_kill_at_random_moments(tmp_path, fake_embedder_module, baseline) -> None:
    """kill -9 from outside, at moments nobody chose: the store still opens and agrees with itself."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    store = tmp_path / "store"
    old = _folder(tmp_path, "old", range(1, 4))
    new = _folder(tmp_path, "new", range(4, 12))
    assert _ingest(store, old).returncode == 0
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5):
        args = [sys.executable, str(WORKER), str(store), "1", str(new)]
        process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait()
        assert _counts(store, fake_embedder_module)[2]
    assert _ingest(store, new).returncode == 0
    assert _counts(store, fake_embedder_module) == (*baseline, True)
