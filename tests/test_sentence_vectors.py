"""Sentence vectors stored at ingest: the reader reads the same with them as without, and the store
keeps them whole through replacing, pruning, crashes, damage, old schemas and compaction."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index import sentencevectors
from index.schema import LATEST, stored_version
from index.sentencevectors import chunk_units
from index.settings import Settings
from index.store import Store
from index.storedembedder import StoredEmbedder
from qa.engine import CouncilQA
from qa.reader import Reader

PAPERS = {
    "minutes.txt": (
        "PLANNING COMMITTEE\nMinutes of the meeting held on 12 March 2019\n\n"
        "Present: Councillor Ayers (Chair), Councillor Bell, Councillor Khan.\n\n"
        "Venue: Warspite Room, Council House\n\n"
        "45/19 Depot extension. The committee agreed the depot extension at a cost of £1.2m. "
        "Members asked for a costed plan for street lighting by June.\n\n"
        "46/19 Tree preservation. The order TPO 15/2019 was confirmed without modification."
    ),
    "report.txt": (
        "CABINET REPORT\nChildren's services performance, February 2020\n\n"
        "Author: Jane Smith, Head of Service\n\n"
        "There were 417 children in care at the end of January, up from 402. "
        "Sixteen children's centres remain open across the city. "
        "The service is recruiting four new social workers to reduce caseloads."
    ),
    "tracker.txt": (
        "PLEDGE TRACKER\n\n"
        "Pledge: Pledge 4 - We will repair potholes within 48 hours\nStatus: In Progress\n\n"
        "Pledge: Pledge 48 - We will plant 10,000 trees\nStatus: Completed"
    ),
}
QUESTIONS = (
    "Who chaired the planning committee?",
    "How many children were in care?",
    "What did the committee agree about the depot?",
    "Where is the meeting held?",
    "What is the status of Pledge 4?",
    "Who wrote the children's services report?",
)


class CountingEmbedder:
    """Any embedder, counting the texts it is asked to embed."""

    def __init__(self, inner) -> None:
        self.inner, self.texts = inner, []
        self.name, self.dimension, self.max_tokens = inner.name, inner.dimension, inner.max_tokens

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed(self, texts):
        self.texts.extend(texts)
        return self.inner.embed(texts)


def _write(folder: Path, papers: dict[str, str] = PAPERS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in papers.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _units(store: Store) -> dict[int, str]:
    """Every distinct unit of every stored chunk: hash -> the text the model reads."""
    return {h: t for (text,) in store.db.execute("SELECT text FROM chunks") for h, t in chunk_units(text)}


def _assert_all_stored(store: Store, embedder, least: int = 10) -> None:
    units = _units(store)
    texts = list(units.values())
    found = store.sentences.lookup(texts)
    assert len(found) == len(texts) >= least
    expected = embedder.embed(texts)
    for i, vector in found.items():
        assert np.allclose(vector, expected[i], atol=1e-3)  # float16 rounding, nothing more


def _assert_same_reading(got, expected, tolerance: float = 1e-3) -> None:
    """Same candidates, scores within float16 rounding, in the same order except between near-ties."""
    score_of = {r.candidate: r.score for r in expected.candidates}
    assert len(got.candidates) == len(expected.candidates)
    assert np.allclose(
        [r.score for r in got.candidates], [r.score for r in expected.candidates], atol=tolerance
    )
    for mine, theirs in zip(got.candidates, expected.candidates, strict=True):
        assert abs(mine.score - score_of[mine.candidate]) <= tolerance
        if mine.candidate != theirs.candidate:  # only where the two scores tie within the rounding
            assert abs(score_of[mine.candidate] - theirs.score) <= tolerance


@pytest.fixture
def ingested(settings: Settings, fake_embedder, tmp_path: Path):
    papers = _write(tmp_path / "papers")
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(papers)], progress=False)
    yield engine, papers
    engine.close()


def test_ingest_stores_every_unit_once_as_float16(ingested, fake_embedder) -> None:
    engine, _ = ingested
    store = engine.store
    _assert_all_stored(store, fake_embedder)
    name, used = store.sentences.state()
    assert used == len(_units(store))  # content-addressed: a repeated unit is stored once
    assert (store.folder / name).stat().st_size == used * fake_embedder.dimension * 2
    assert store.db.execute("SELECT COUNT(*) FROM chunks WHERE sentences = 0").fetchone()[0] == 0


def test_the_reader_reads_the_same_with_stored_vectors_as_without(ingested, fake_embedder) -> None:
    engine, _ = ingested
    spy = CountingEmbedder(fake_embedder)
    stored, live = Reader(StoredEmbedder(spy, engine.store.sentences)), Reader(fake_embedder)
    for question in QUESTIONS:
        retrieval = engine.retriever.retrieve(question)
        with_store, without = stored.read(retrieval), live.read(retrieval)
        assert with_store.abstain == without.abstain
        _assert_same_reading(with_store, without)
    # every sentence the reader embedded came from the store; a chunk's heading read as a venue, a day
    # or an hour ('Venue: Warspite Room, Council House') is no sentence of its text, and is embedded live
    headings = {heading for (heading,) in engine.store.db.execute("SELECT heading FROM chunks")}
    assert spy.texts and set(spy.texts) <= headings


def test_a_sentence_the_store_lacks_is_embedded_on_the_fly(ingested, fake_embedder) -> None:
    engine, _ = ingested
    spy = CountingEmbedder(fake_embedder)
    stored = StoredEmbedder(spy, engine.store.sentences)
    known = next(iter(_units(engine.store).values()))
    vectors = stored.embed([known, "A sentence no paper holds about allotments."])
    assert spy.texts == ["A sentence no paper holds about allotments."]
    assert np.allclose(vectors, fake_embedder.embed([known, spy.texts[0]]), atol=1e-3)


def test_a_replaced_paper_embeds_only_its_new_sentences(settings, fake_embedder, tmp_path) -> None:
    papers = _write(tmp_path / "papers")
    spy = CountingEmbedder(fake_embedder)
    engine = CouncilQA(settings, embedder=spy)
    engine.ingest([str(papers)], progress=False)
    (papers / "report.txt").write_text(PAPERS["report.txt"] + " A new sentence on adoption was added.")
    spy.texts.clear()
    engine.ingest([str(papers)], progress=False)
    assert "A new sentence on adoption was added." in spy.texts
    assert "There were 417 children in care at the end of January, up from 402." not in spy.texts
    _assert_all_stored(engine.store, fake_embedder)
    engine.close()


def test_pruned_papers_leave_orphans_that_compaction_drops(
    settings, fake_embedder, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(sentencevectors, "_COMPACT_MIN", 1)
    papers = _write(tmp_path / "papers")
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(papers)], progress=False)
    store = engine.store
    first, used = store.sentences.state()
    (papers / "minutes.txt").unlink()
    (papers / "report.txt").unlink()
    engine.ingest([str(papers)], prune=True, progress=False)
    name, now = store.sentences.state()
    assert name != first and now == len(_units(store)) < used  # rewritten without the orphans
    assert store.db.execute("SELECT COUNT(*) FROM sentences WHERE refs <= 0").fetchone()[0] == 0
    _assert_all_stored(store, fake_embedder, least=2)
    assert not (store.folder / first).exists() or len(list(store.folder.glob("sentences.*"))) == 2
    engine.close()


def test_a_failed_batch_leaves_stored_vectors_right(settings, fake_embedder, tmp_path, monkeypatch) -> None:
    """Rows appended by a transaction that rolled back are overwritten by the next writer, never read."""
    papers = _write(tmp_path / "papers", {"minutes.txt": PAPERS["minutes.txt"]})
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(papers)], progress=False)
    _write(papers, {"report.txt": PAPERS["report.txt"]})

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(engine.store, "add_document", broken)
    with pytest.raises(RuntimeError):
        engine.ingest([str(papers)], progress=False)
    monkeypatch.undo()
    _write(papers, {"tracker.txt": PAPERS["tracker.txt"]})
    engine.ingest([str(papers)], progress=False)
    _assert_all_stored(engine.store, fake_embedder)
    engine.close()


def test_a_store_without_sentence_vectors_is_backfilled(settings, fake_embedder, tmp_path) -> None:
    papers = _write(tmp_path / "papers")
    engine = CouncilQA(replace(settings, sentence_vectors=False), embedder=fake_embedder)
    engine.ingest([str(papers)], progress=False)
    assert engine.store.sentences.lookup(list(_units(engine.store).values())) == {}
    engine.close()
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(papers)], progress=False)  # nothing changed, yet the vectors are filled
    _assert_all_stored(engine.store, fake_embedder)
    engine.close()


def test_units_read_by_older_rules_are_stored_at_the_next_ingest(
    settings, fake_embedder, tmp_path, monkeypatch
) -> None:
    """A release that reads a chunk into other units (corpus.units.UNIT_RULES) gets their vectors at the next
    ingest, though no paper changed; the units both rules read are not embedded again."""
    papers = _write(tmp_path / "papers")
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(papers)], progress=False)
    engine.close()
    kept = set(_units(engine.store))
    # the next release reads each chunk's last sentence as one more unit, its words in capitals
    reading = sentencevectors.units_of
    monkeypatch.setattr(sentencevectors, "UNIT_RULES", "next")
    monkeypatch.setattr(
        sentencevectors,
        "units_of",
        lambda text: (*reading(text), replace(reading(text)[-1], text=text.upper(), label=None)),
    )
    sentencevectors.chunk_units.cache_clear()
    counting = CountingEmbedder(fake_embedder)
    engine = CouncilQA(settings, embedder=counting)
    engine.ingest([str(papers)], progress=False)
    _assert_all_stored(engine.store, fake_embedder)
    assert counting.texts and all(text.isupper() for text in counting.texts)  # only the new units
    assert kept < set(_units(engine.store))
    counting.texts.clear()
    engine.ingest([str(papers)], progress=False)  # the rules are recorded: nothing is looked up again
    assert counting.texts == []
    engine.close()
    sentencevectors.chunk_units.cache_clear()


def test_a_previous_schema_store_opens_answers_and_is_backfilled(settings, fake_embedder, tmp_path) -> None:
    papers = _write(tmp_path / "papers")
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(papers)], progress=False)
    engine.close()
    db = sqlite3.connect(settings.store / "councilqa.sqlite3", isolation_level=None)
    db.executescript(
        "DROP TRIGGER chunk_sentences_ai; DROP TRIGGER chunk_sentences_ad; DROP TABLE chunk_sentences;"
        "DROP TABLE sentences; DROP INDEX chunks_unsentenced; ALTER TABLE chunks DROP COLUMN sentences;"
        "ALTER TABLE documents DROP COLUMN read_rules;"
        "DELETE FROM meta WHERE key LIKE 'sentence_%'; UPDATE meta SET value = '7' WHERE key = 'schema';"
    )
    db.close()
    for path in settings.store.glob("sentences.*"):
        path.unlink()
    engine = CouncilQA(settings, embedder=fake_embedder)
    assert stored_version(engine.store.db) == LATEST
    assert engine.ask(QUESTIONS[1]).text  # answers, embedding its sentences on the fly
    engine.ingest([str(papers)], progress=False)
    _assert_all_stored(engine.store, fake_embedder)
    engine.close()


@pytest.mark.parametrize("damage", ["deleted", "truncated", "zeroed"])
def test_a_damaged_vector_file_falls_back_then_is_rebuilt(ingested, fake_embedder, damage) -> None:
    engine, papers = ingested
    store = engine.store
    path = store.folder / store.sentences.state()[0]
    size = path.stat().st_size
    if damage == "deleted":
        path.unlink()
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: size // 2])
    else:
        path.write_bytes(bytes(size))
    store.sentences.close()  # readers opening the file afresh see the damage
    # a question every sentence may answer: the reader embeds many, some from the file's lost half
    retrieval = engine.retriever.retrieve(QUESTIONS[2])
    spy = CountingEmbedder(fake_embedder)
    with_store = Reader(StoredEmbedder(spy, store.sentences)).read(retrieval)
    assert spy.texts  # what the file no longer holds is embedded on the fly, never read as zeros
    without = Reader(fake_embedder).read(retrieval)
    _assert_same_reading(with_store, without)
    notices: list[str] = []
    store.notice = notices.append
    engine.ingest([str(papers)], progress=False)
    if damage != "zeroed":  # a file of the right size with wrong rows is not looked at by a writer
        assert any("sentence vector file" in n for n in notices)
        _assert_all_stored(store, fake_embedder)


def test_a_reader_never_reads_a_wrong_row_while_a_writer_appends_and_compacts(
    settings, fake_embedder, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(sentencevectors, "_COMPACT_MIN", 1)
    papers = _write(tmp_path / "papers", {"tracker.txt": PAPERS["tracker.txt"]})
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(papers)], progress=False)
    texts = list(_units(engine.store).values())
    expected = fake_embedder.embed(texts)
    seen, stop = {"reads": 0, "wrong": 0, "missed": 0}, threading.Event()

    def read() -> None:
        while not stop.is_set():
            found = engine.store.sentences.lookup(texts)
            seen["reads"] += 1
            seen["missed"] += len(texts) - len(found)
            seen["wrong"] += sum(not np.allclose(v, expected[i], atol=1e-3) for i, v in found.items())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for round_ in range(3):  # each round adds papers, then prunes them: orphans, then compaction
            _write(papers, {name: text for name, text in PAPERS.items() if name != "tracker.txt"})
            engine.ingest([str(papers)], progress=False)
            for name in PAPERS:
                if name != "tracker.txt":
                    (papers / name).unlink()
            engine.ingest([str(papers)], prune=True, progress=False)
            assert engine.store.sentences.state()[0] == f"sentences.{round_ + 1}.f16"  # compacted
    finally:
        stop.set()
        reader.join()
    engine.close()
    assert seen["reads"] > 0 and seen["wrong"] == 0 and seen["missed"] == 0
