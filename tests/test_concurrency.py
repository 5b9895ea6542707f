"""Readers never wait on writers; writers take turns, across threads and processes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import faiss
import pytest

from index.settings import Settings
from index.store import Store, StoreError
from qa.engine import CouncilQA

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).resolve().parent / "ingest_worker.py"


def _papers(folder: Path, council: str, numbers: range) -> Path:
    folder.mkdir(parents=True)
    for n in numbers:
        (folder / f"{council.lower()}{n}.txt").write_text(
            f"CABINET {n} May 2021\n{council} City Council\nMinutes\n\n"
            f"Item {n}. The cabinet approved the {council} depot budget line {n} for street lighting.\n",
            encoding="utf-8",
        )
    return folder


def _consistent(store: Store) -> bool:
    ids = [r[0] for r in store.db.execute("SELECT id FROM chunks ORDER BY id")]
    return ids == sorted(int(i) for i in faiss.vector_to_array(store.vectors.index.id_map))


def test_a_question_is_answered_while_a_writer_holds_its_transaction(
    tmp_path: Path, settings: Settings, fake_embedder
) -> None:
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(_papers(tmp_path / "a", "Exeter", range(1, 3)))], progress=False)
    inside, answered = threading.Event(), threading.Event()

    def writer() -> None:
        with engine.store.transaction():
            engine.store.record_failure("x.pdf", "test")
            inside.set()
            answered.wait(30)  # holds the write transaction until the reader is done

    thread = threading.Thread(target=writer)
    thread.start()
    assert inside.wait(30)
    answer = engine.ask("What did the cabinet approve for the Exeter depot?")
    answered.set()
    thread.join()
    assert answer.status == "answered" and "Exeter" in answer.text


def test_a_second_writer_waits_then_names_the_first(tmp_path: Path, fake_embedder) -> None:
    first = Store(tmp_path / "s", fake_embedder.name, fake_embedder.dimension)
    second = Store(tmp_path / "s", fake_embedder.name, fake_embedder.dimension, writer_wait=0.5)
    waits: list[str] = []
    with (
        first.writing(),
        pytest.raises(StoreError, match=rf"pid {os.getpid()}"),
        second.writing(on_wait=waits.append),
    ):
        pass
    assert waits and "waiting for the ingest already writing" in waits[0]
    with second.writing():  # free again once the first is done
        pass


def _worker(store: Path, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("COUNCILQA_KILL_AT", None)
    args = [sys.executable, str(WORKER), str(store), "2", str(folder)]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_two_ingests_at_once_both_land_whole(tmp_path: Path, fake_embedder) -> None:
    a = _papers(tmp_path / "a", "Exeter", range(1, 12))
    b = _papers(tmp_path / "b", "Derby", range(1, 12))
    store = tmp_path / "store"
    workers = [_worker(store, a), _worker(store, b)]
    outputs = [w.communicate(timeout=300) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    engine = CouncilQA(replace(Settings(store=store)), embedder=fake_embedder)
    assert engine.stats().documents == 22
    assert _consistent(engine.store)
    for council in ("Exeter", "Derby"):
        answer = engine.ask(f"What did the cabinet approve for the {council} depot?")
        assert answer.status == "answered" and council in answer.text
