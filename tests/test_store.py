"""The store folder: SQLite is the record, FAISS follows it, and a failed change leaves no trace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from corpus.chunker import chunk_document
from corpus.document import Chunk, Document
from corpus.loader import load_document
from index.filters import Filters
from index.search import chunk_count, frequencies, fts_query, lexical, lexical_terms
from index.store import Store, StoreError
from qa.query import terms

PLYMOUTH = """CABINET 12 March 2019
Plymouth City Council
Pledges Update

Pledge\tPortfolio Holder\tStatus
Pledge 4 - We will fix the potholes on every road in the city.\tMark Lowry\tIn Progress: Repairs are underway.
Pledge 48 - We will support care leavers up to the age of 25.\tJemima Laing\tIn Progress: Placements created.
Pledge 480 - We will plant trees in every park.\tSue Dann\tCompleted: Trees were planted in every park.
"""

EXETER = """CABINET 10 September 2020
Exeter City Council
Minutes

The committee discussed the budget for the new swimming pool at length and agreed to consult residents.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def papers(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    _write(folder, "plymouth.txt", PLYMOUTH)
    _write(folder, "exeter.txt", EXETER)
    return folder


def _prepared(path: Path, fake) -> tuple[Document, list[Chunk], np.ndarray]:
    document = load_document(path)
    chunks = chunk_document(document, fake.count_tokens, 60)
    texts = [f"{c.heading}\n{c.text}" if c.heading else c.text for c in chunks]
    return document, chunks, fake.embed(texts)


def _open(folder: Path, fake) -> Store:
    return Store(folder, fake.name, fake.dimension)


def _add(store: Store, *prepared: tuple[Document, list[Chunk], np.ndarray]) -> None:
    with store.transaction():
        for document, chunks, vectors in prepared:
            store.add_document(document, chunks, vectors)
        store.bump_generation()
    store.save_vectors()


@pytest.fixture
def both(tmp_path: Path, papers: Path, fake_embedder) -> Store:
    """A store holding both papers."""
    store = _open(tmp_path / "store", fake_embedder)
    _add(
        store,
        _prepared(papers / "plymouth.txt", fake_embedder),
        _prepared(papers / "exeter.txt", fake_embedder),
    )
    return store


def _faiss_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("vectors.*.faiss"))


def test_new_store_is_empty_at_generation_zero(tmp_path: Path, fake_embedder) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    assert store.generation == 0
    assert len(store.vectors) == 0
    assert chunk_count(store) == 0
    assert _faiss_files(tmp_path / "store") == ["vectors.0.faiss"]
    assert store.stats().documents == 0


def test_add_then_reopen_keeps_chunks_and_vectors(tmp_path: Path, papers: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    store = _open(folder, fake_embedder)
    plymouth = _prepared(papers / "plymouth.txt", fake_embedder)
    exeter = _prepared(papers / "exeter.txt", fake_embedder)
    _add(store, plymouth, exeter)
    written = len(plymouth[1]) + len(exeter[1])
    assert chunk_count(store) == written == len(store.vectors)
    store.close()

    reopened = _open(folder, fake_embedder)
    assert chunk_count(reopened) == written
    assert len(reopened.vectors) == written
    assert reopened.sources() == sorted([str(papers / "plymouth.txt"), str(papers / "exeter.txt")])
    assert reopened.document_hash(str(papers / "plymouth.txt")) == plymouth[0].id


def test_stored_embeddings_survive_reopen(tmp_path: Path, papers: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    store = _open(folder, fake_embedder)
    document, chunks, vectors = _prepared(papers / "plymouth.txt", fake_embedder)
    _add(store, (document, chunks, vectors))
    store.close()
    reopened = _open(folder, fake_embedder)
    ids = [r[0] for r in reopened.db.execute("SELECT id FROM chunks ORDER BY position")]
    for chunk_id, vector in zip(ids, vectors, strict=True):
        np.testing.assert_array_equal(reopened.vectors.vector(chunk_id), vector)


def test_generation_bumps_and_faiss_file_follows(tmp_path: Path, papers: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    store = _open(folder, fake_embedder)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    assert store.generation == 1
    # the previous generation's file stays one generation longer, for a reader loading it right now
    assert _faiss_files(folder) == ["vectors.0.faiss", "vectors.1.faiss"]
    _add(store, _prepared(papers / "exeter.txt", fake_embedder))
    assert store.generation == 2
    assert _faiss_files(folder) == ["vectors.1.faiss", "vectors.2.faiss"]
    store.close()
    assert _open(folder, fake_embedder).generation == 2


def test_replacing_a_document_drops_its_old_chunks(tmp_path: Path, papers: Path, fake_embedder) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    document, chunks, vectors = _prepared(papers / "plymouth.txt", fake_embedder)
    _add(store, (document, chunks, vectors))
    _add(store, (document, chunks, vectors))
    assert chunk_count(store) == len(chunks) == len(store.vectors)
    assert store.stats().documents == 1


def test_exception_in_transaction_rolls_back_sqlite_and_vectors(
    tmp_path: Path, papers: Path, fake_embedder
) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    _add(store, _prepared(papers / "exeter.txt", fake_embedder))
    before_chunks, before_vectors, before_gen = chunk_count(store), len(store.vectors), store.generation
    query = fake_embedder.embed(["potholes road repairs"])[0]
    before_hits = store.vectors.search(query, 10)

    document, chunks, vectors = _prepared(papers / "plymouth.txt", fake_embedder)
    with pytest.raises(RuntimeError, match="boom"), store.transaction():
        store.add_document(document, chunks, vectors)
        store.bump_generation()
        assert len(store.vectors) == before_vectors  # readers see only committed generations
        raise RuntimeError("boom")

    assert chunk_count(store) == before_chunks
    assert len(store.vectors) == before_vectors
    assert store.generation == before_gen
    assert store.sources() == [str(papers / "exeter.txt")]
    assert store.vectors.search(query, 10) == before_hits
    assert lexical(store, fts_query(["potholes"]), Filters(), 10) == []


def test_rollback_of_a_removal_restores_vectors(tmp_path: Path, papers: Path, fake_embedder) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    before = len(store.vectors)
    with pytest.raises(KeyError), store.transaction():
        store.remove_document(str(papers / "plymouth.txt"))
        assert chunk_count(store) == 0 and len(store.vectors) == before  # not committed: readers keep it
        raise KeyError("stop")
    assert len(store.vectors) == before == chunk_count(store)


def test_missing_faiss_file_is_rebuilt_from_sqlite(tmp_path: Path, papers: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    store = _open(folder, fake_embedder)
    _add(
        store,
        _prepared(papers / "plymouth.txt", fake_embedder),
        _prepared(papers / "exeter.txt", fake_embedder),
    )
    queries = fake_embedder.embed(["potholes road", "swimming pool budget", "care leavers age"])
    before = [store.vectors.search(q, 5) for q in queries]
    store.close()
    for path in folder.glob("vectors.*.faiss"):
        path.unlink()

    rebuilt = _open(folder, fake_embedder)
    assert len(rebuilt.vectors) == chunk_count(rebuilt)
    assert [rebuilt.vectors.search(q, 5) for q in queries] == before
    assert _faiss_files(folder) == [f"vectors.{rebuilt.generation}.faiss"]


def test_damaged_faiss_file_is_rebuilt_from_sqlite(tmp_path: Path, papers: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    store = _open(folder, fake_embedder)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    query = fake_embedder.embed(["care leavers"])[0]
    before = store.vectors.search(query, 5)
    store.close()
    (folder / "vectors.1.faiss").write_bytes(b"not a faiss index at all")
    rebuilt = _open(folder, fake_embedder)
    assert rebuilt.vectors.search(query, 5) == before


def test_refresh_picks_up_another_process_ingest(tmp_path: Path, papers: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    reader = _open(folder, fake_embedder)
    writer = _open(folder, fake_embedder)
    _add(writer, _prepared(papers / "plymouth.txt", fake_embedder))
    assert len(reader.vectors) == 0
    reader.refresh()
    assert len(reader.vectors) == chunk_count(reader) > 0


def test_store_refuses_other_model(tmp_path: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    _open(folder, fake_embedder).close()
    with pytest.raises(StoreError) as info:
        Store(folder, "all-MiniLM-L6-v2", fake_embedder.dimension)
    message = str(info.value)
    assert "fake-hash" in message
    assert "all-MiniLM-L6-v2" in message


def test_store_refuses_other_dimension(tmp_path: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    _open(folder, fake_embedder).close()
    with pytest.raises(StoreError, match="64 dims"):
        Store(folder, fake_embedder.name, 384)


def test_not_a_database_is_a_store_error(tmp_path: Path, fake_embedder) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "councilqa.sqlite3").write_bytes(b"garbage " * 200)
    with pytest.raises(StoreError, match="cannot open store"):
        _open(folder, fake_embedder)


def test_fts_finds_chunk_by_word(both: Store, papers: Path) -> None:
    store = both
    hits = lexical(store, fts_query(["swimming"]), Filters(), 10)
    assert len(hits) == 1
    (passage,) = store.passages([hits[0][0]])
    assert "swimming pool" in passage.text
    assert passage.source == str(papers / "exeter.txt")
    # Porter stemming: 'pothole' finds 'potholes'.
    (hit,) = lexical(store, fts_query(["pothole"]), Filters(), 10)
    assert "potholes" in store.passages([hit[0]])[0].text


@pytest.mark.parametrize("asked", ["L24004", "L-24004", "l-24004"])
def test_fts_finds_a_road_code_however_it_is_printed(asked: str, tmp_path: Path, fake_embedder) -> None:
    folder = tmp_path / "roads"
    folder.mkdir()
    printed = {"a.txt": "Resurface the L24004 at Linfield.", "b.txt": "Repairs to the L-24004 are planned."}
    printed |= {"c.txt": "The L 24004 was not included.", "d.txt": "Lorry L2400 carried 4 loads."}
    store = _open(tmp_path / "store", fake_embedder)
    _add(store, *(_prepared(_write(folder, name, text), fake_embedder) for name, text in printed.items()))
    (code,) = terms(f"Can the {asked} be repaired?")[:1]
    found = {store.passages([cid])[0].source for cid, _ in lexical(store, fts_query([code]), Filters(), 10)}
    assert {Path(source).name for source in found} == {"a.txt", "b.txt", "c.txt"}


@pytest.mark.parametrize("printed", ["San José", "San Jose"])
def test_a_name_asked_with_its_accent_is_found(printed: str, tmp_path: Path, settings, fake_embedder) -> None:
    """'San José' asked of a paper printing it, accented or not, is answered, never 'not mentioned'."""
    from conftest import answer_from_paper

    paper = f"Planning\n\nThe {printed} Planning Commission met on July 14, 2021 at City Hall.\n"
    question = "When did the San José Planning Commission meet?"
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, paper, question)
    assert found.status == "answered" and "July 14, 2021" in found.text


def test_a_road_no_paper_prints_is_not_mentioned(tmp_path: Path, settings, fake_embedder) -> None:
    from conftest import answer_from_paper

    paper = "Roads programme\n\nThe N21 Adare bypass resurfacing scheme will cost €2.4 million this year.\n"
    found, _ = answer_from_paper(tmp_path, settings, fake_embedder, paper, "What will the N22 scheme cost?")
    assert found.status == "not_found" and "N22" in found.text
    (tmp_path / "again").mkdir()
    asked, _ = answer_from_paper(
        tmp_path / "again", settings, fake_embedder, paper, "What will the N21 scheme cost?"
    )
    assert asked.status == "answered" and "2.4 million" in asked.text
    (
        tmp_path / "year"
    ).mkdir()  # a period's code may be printed in words: no paper's silence on 'FY24' decides
    paper = "Budget\n\nThe council's revenue budget for 2023/24 is £1.2 million.\n"
    year, _ = answer_from_paper(
        tmp_path / "year", settings, fake_embedder, paper, "What was the FY24 budget?"
    )
    assert "mention FY24" not in year.text


def test_unfiltered_and_filtered_bm25_agree(both: Store, papers: Path) -> None:
    """The unfiltered query skips the join to documents; it must rank exactly as the joined one."""
    store = both
    query = fts_query(["pledge", "trees", "budget", "the"])
    everything = Filters(date_from=dt.date(1900, 1, 1))
    assert lexical(store, query, Filters(), 10) == lexical(store, query, everything, 10)
    assert len(lexical(store, query, Filters(), 10)) >= 2
    exeter_only = lexical(store, query, Filters(council="Exeter"), 10)
    assert [store.passages([cid])[0].council for cid, _ in exeter_only] == ["Exeter City Council"]


def test_frequencies_count_chunks_per_term(both: Store, papers: Path) -> None:
    store = both
    counts = frequencies(store, ["swimming", "potholes", "zebra", "swimming"])
    assert counts == {"swimming": 1, "potholes": 1, "zebra": 0}


def test_lexical_terms_keep_the_rarest_within_the_postings_budget() -> None:
    counts = {"council": 9000, "pledge": 400, "potholes": 12, "the": 50000, "zebra": 0}
    assert lexical_terms(counts, 10_000) == ["zebra", "potholes", "pledge", "council"]
    assert lexical_terms(counts, 500) == ["zebra", "potholes", "pledge"]
    # at least two terms are always searched, however common
    assert sorted(lexical_terms({"the": 50000, "council": 9000}, 10)) == ["council", "the"]
    assert lexical_terms(counts, 10**9) == ["zebra", "potholes", "pledge", "council", "the"]


def test_passages_carry_document_metadata(tmp_path: Path, papers: Path, fake_embedder) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    (hit,) = lexical(store, fts_query(["trees"]), Filters(), 10)
    (passage,) = store.passages([hit[0]], {hit[0]: 0.5})
    assert "Pledge 480" in passage.text
    assert passage.council == "Plymouth City Council"
    assert passage.date == dt.date(2019, 3, 12)
    assert passage.date_precision == "day"
    assert passage.score == 0.5


def test_texts_are_the_passages_heading_and_text_in_the_order_asked(
    tmp_path: Path, papers: Path, fake_embedder
) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    ids = [cid for cid, _ in lexical(store, fts_query(["pledge"]), Filters(), 10)][::-1]
    wanted = [(p.chunk_id, f"{p.heading or ''}\n{p.text}") for p in store.passages(ids)]
    assert len(ids) > 1
    assert store.texts([*ids, 10**9]) == wanted
    assert store.texts([]) == []


def test_stats_counts_dates_councils_and_failures(tmp_path: Path, papers: Path, fake_embedder) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    plymouth = _prepared(papers / "plymouth.txt", fake_embedder)
    exeter = _prepared(papers / "exeter.txt", fake_embedder)
    _add(store, plymouth, exeter)
    with store.transaction():
        store.record_failure("papers/broken.pdf", "corrupt PDF: EOF marker not found")
        store.record_failure("papers/a.xls", "unsupported file type '.xls'")
    stats = store.stats()
    assert stats.documents == 2
    assert stats.chunks == len(plymouth[1]) + len(exeter[1])
    assert stats.first_date == "2019-03-12"
    assert stats.last_date == "2020-09-10"
    assert stats.councils == ("Exeter City Council", "Plymouth City Council")
    assert sum(n for _, n in stats.doc_types) == 2
    assert stats.failures == (
        ("papers/a.xls", "unsupported file type '.xls'"),
        ("papers/broken.pdf", "corrupt PDF: EOF marker not found"),
    )


def test_adding_a_document_clears_its_failure(tmp_path: Path, papers: Path, fake_embedder) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    source = str(papers / "plymouth.txt")
    with store.transaction():
        store.record_failure(source, "cannot read file: permission denied")
    assert store.stats().failures == ((source, "cannot read file: permission denied"),)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    assert store.stats().failures == ()


def test_store_turns_approximate_past_threshold_and_stays_so(
    tmp_path: Path, papers: Path, fake_embedder
) -> None:
    store = Store(tmp_path / "store", fake_embedder.name, fake_embedder.dimension, approximate_from=3)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    assert store.vectors.is_approximate
    cid, _ = lexical(store, fts_query(["trees"]), Filters(), 1)[0]
    vector = store.vectors.vector(cid)
    assert store.vectors.search(vector, 1)[0][0] == cid
    store.close()
    reopened = Store(tmp_path / "store", fake_embedder.name, fake_embedder.dimension, approximate_from=3)
    assert reopened.vectors.is_approximate
    assert reopened.vectors.search(vector, 1)[0][0] == cid


def test_an_exact_store_past_threshold_turns_approximate_at_its_next_commit(
    tmp_path: Path, papers: Path, fake_embedder
) -> None:
    """Stores built under a higher threshold turn approximate when a writer next publishes; readers
    never rewrite the published file."""
    store = _open(tmp_path / "store", fake_embedder)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    assert not store.vectors.is_approximate
    before = _faiss_files(tmp_path / "store")
    store.close()
    large = Store(tmp_path / "store", fake_embedder.name, fake_embedder.dimension, approximate_from=3)
    assert not large.vectors.is_approximate
    assert _faiss_files(tmp_path / "store") == before
    _add(large, _prepared(papers / "exeter.txt", fake_embedder))
    assert large.vectors.is_approximate
    assert len(large.vectors) == chunk_count(large)


def test_word_counts_are_kept_until_the_store_changes(tmp_path: Path, papers: Path, fake_embedder) -> None:
    store = _open(tmp_path / "store", fake_embedder)
    _add(store, _prepared(papers / "plymouth.txt", fake_embedder))
    assert frequencies(store, ["swimming"]) == {"swimming": 0}
    assert store.memo("document_frequency") == {"swimming": 0}
    _add(store, _prepared(papers / "exeter.txt", fake_embedder))
    assert frequencies(store, ["swimming"]) == {"swimming": 1}
    # another process's ingest: this store object sees it on refresh
    other = _open(tmp_path / "store", fake_embedder)
    with other.transaction():
        other.remove_document(str(papers / "exeter.txt"))
        other.bump_generation()
    other.save_vectors()
    store.refresh()
    assert frequencies(store, ["swimming"]) == {"swimming": 0}
