"""Incremental ingest through CouncilQA: added, unchanged, replaced, pruned, failed, and crash-safe."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from corpus.loader import READ_RULES
from index.filters import Filters
from index.search import chunk_count, fts_query, lexical
from index.settings import Settings
from index.store import Store
from qa.engine import CouncilQA

HEAD = "\nPlymouth City Council\n\nThe council agreed "
PAPERS = {
    "a.txt": f"CABINET 12 March 2019{HEAD}to repair potholes on every road.\n",
    "b.txt": f"CABINET 10 September 2019{HEAD}to build a swimming pool.\n",
    "sub/c.txt": f"CABINET 4 February 2020{HEAD}longer library hours.\n",
}


def _write_papers(folder: Path, papers: dict[str, str] = PAPERS) -> None:
    for name, text in papers.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _pdf_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _encrypted_pdf(path: Path, text: str) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes(text))))
    writer.encrypt(user_password="s3cret", owner_password="owner-s3cret")
    with open(path, "wb") as handle:
        writer.write(handle)


def _hits(qa: CouncilQA, word: str) -> list[str]:
    """Texts of the chunks FTS finds for one word."""
    ids = [cid for cid, _ in lexical(qa.store, fts_query([word]), Filters(), 50)]
    return [p.text for p in qa.store.passages(ids)]


def _consistent(store: Store) -> bool:
    return chunk_count(store) == len(store.vectors)


@pytest.fixture
def papers(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    _write_papers(folder)
    return folder


@pytest.fixture
def qa(settings: Settings, fake_embedder) -> Iterator[CouncilQA]:
    engine = CouncilQA(settings, embedder=fake_embedder)
    yield engine
    engine.close()


def test_folder_ingest_adds_every_paper_with_joined_sources(qa: CouncilQA, papers: Path) -> None:
    report = qa.ingest([str(papers)], progress=False)
    assert report.added == [str(papers) + "/a.txt", str(papers) + "/b.txt", str(papers) + "/sub/c.txt"]
    assert report.failed == [] and report.unchanged == [] and report.replaced == []
    assert report.chunks == chunk_count(qa.store) == len(qa.store.vectors) >= 3
    assert qa.store.sources() == report.added
    assert (
        report.summary()
        == f"3 added, 0 replaced, 0 unchanged, 0 removed, 0 failed; {report.chunks} chunks written"
    )


def test_source_keeps_the_path_as_given(qa: CouncilQA, papers: Path, monkeypatch) -> None:
    monkeypatch.chdir(papers.parent)
    report = qa.ingest(["papers"], progress=False)
    assert report.added == ["papers/a.txt", "papers/b.txt", "papers/sub/c.txt"]


def test_single_file_source_is_the_path_as_given(qa: CouncilQA, papers: Path) -> None:
    report = qa.ingest([str(papers / "sub" / "c.txt")], progress=False)
    assert report.added == [str(papers / "sub" / "c.txt")]


def test_hidden_files_and_folders_are_skipped(qa: CouncilQA, papers: Path) -> None:
    (papers / ".hidden.txt").write_text("Secret text about potholes.")
    (papers / ".git").mkdir()
    (papers / ".git" / "notes.txt").write_text("Secret text about potholes.")
    report = qa.ingest([str(papers)], progress=False)
    assert len(report.added) == 3
    assert report.failed == []


def test_second_ingest_changes_nothing(qa: CouncilQA, papers: Path) -> None:
    first = qa.ingest([str(papers)], progress=False)
    generation = qa.store.generation
    second = qa.ingest([str(papers)], progress=False)
    assert second.unchanged == first.added
    assert second.added == [] and second.replaced == [] and second.failed == []
    assert second.chunks == 0
    assert qa.store.generation == generation
    assert chunk_count(qa.store) == first.chunks


def test_a_paper_read_by_older_rules_is_read_again_and_nothing_else(qa: CouncilQA, papers: Path) -> None:
    first = qa.ingest([str(papers)], progress=False)
    older = str(papers) + "/a.txt"
    with qa.store.transaction():
        qa.store.db.execute("UPDATE documents SET read_rules = '1' WHERE source = ?", (older,))
    again = qa.ingest([str(papers)], progress=False)
    assert again.replaced == [older] and again.added == [] and again.failed == []
    assert qa.store.document_rules(older) == READ_RULES
    assert qa.stats().documents == len(first.added) and _consistent(qa.store)
    assert qa.ingest([str(papers)], progress=False).replaced == []


def test_edited_file_is_replaced_and_old_text_gone(qa: CouncilQA, papers: Path) -> None:
    qa.ingest([str(papers)], progress=False)
    assert len(_hits(qa, "potholes")) == 1
    (papers / "a.txt").write_text(
        "CABINET 12 March 2019\nPlymouth City Council\n\nThe council agreed to resurface the car parks.\n"
    )
    report = qa.ingest([str(papers)], progress=False)
    assert report.replaced == [str(papers) + "/a.txt"]
    assert report.unchanged == [str(papers) + "/b.txt", str(papers) + "/sub/c.txt"]
    assert report.added == []
    assert _hits(qa, "potholes") == []
    assert len(_hits(qa, "resurface")) == 1
    assert _consistent(qa.store)
    assert qa.stats().documents == 3


def test_prune_removes_deleted_files(qa: CouncilQA, papers: Path) -> None:
    qa.ingest([str(papers)], progress=False)
    (papers / "b.txt").unlink()
    report = qa.ingest([str(papers)], prune=True, progress=False)
    assert report.removed == [str(papers) + "/b.txt"]
    assert qa.store.sources() == [str(papers) + "/a.txt", str(papers) + "/sub/c.txt"]
    assert _hits(qa, "swimming") == []
    assert _consistent(qa.store)


def test_without_prune_deleted_files_stay(qa: CouncilQA, papers: Path) -> None:
    qa.ingest([str(papers)], progress=False)
    (papers / "b.txt").unlink()
    report = qa.ingest([str(papers)], progress=False)
    assert report.removed == []
    assert str(papers) + "/b.txt" in qa.store.sources()


def test_prune_only_touches_sources_under_given_paths(qa: CouncilQA, tmp_path: Path, papers: Path) -> None:
    other = tmp_path / "papers2"  # shares the prefix "papers" but is not under it
    _write_papers(
        other, {"d.txt": "CABINET 1 May 2019\nPlymouth City Council\n\nThe council agreed a zoo.\n"}
    )
    qa.ingest([str(papers), str(other)], progress=False)
    (other / "d.txt").unlink()
    (papers / "a.txt").unlink()
    report = qa.ingest([str(papers)], prune=True, progress=False)
    assert report.removed == [str(papers) + "/a.txt"]
    assert str(other) + "/d.txt" in qa.store.sources()
    assert len(_hits(qa, "zoo")) == 1


def test_bad_files_fail_with_reasons_and_others_still_ingest(qa: CouncilQA, papers: Path) -> None:
    (papers / "x.pdf").write_bytes(np.random.default_rng(0).bytes(3000))
    _encrypted_pdf(papers / "locked.pdf", "Secret cabinet minutes about the budget")
    (papers / "empty.txt").write_bytes(b"")
    (papers / "sheet.xls").write_bytes(b"\xd0\xcf\x11\xe0 not really a spreadsheet")
    (papers / "good.pdf").write_bytes(_pdf_bytes("Cabinet agreed the opening hours of the museum."))
    errors: list[str] = []
    report = qa.ingest([str(papers)], progress=False, on_error=errors.append)

    reasons = dict(report.failed)
    base = str(papers) + "/"
    assert sorted(reasons) == [base + "empty.txt", base + "locked.pdf", base + "sheet.xls", base + "x.pdf"]
    assert reasons[base + "empty.txt"] == "empty file"
    assert reasons[base + "locked.pdf"] == "encrypted PDF (needs a password)"
    assert reasons[base + "sheet.xls"] == "unsupported file type '.xls'"
    assert reasons[base + "x.pdf"] == "not a PDF (no %PDF header)"  # random bytes
    assert all("\n" not in reason and reason for reason in reasons.values())

    assert report.added == [base + "a.txt", base + "b.txt", base + "good.pdf", base + "sub/c.txt"]
    assert len(_hits(qa, "museum")) == 1
    assert errors == [f"{source}: {reason}" for source, reason in report.failed]
    assert qa.stats().failures == tuple(sorted(report.failed))
    assert qa.stats().documents == 4


def test_missing_path_is_reported_not_raised(qa: CouncilQA, tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.pdf")
    report = qa.ingest([missing], progress=False)
    assert report.failed == [(missing, "file not found")]


def test_fixed_file_is_ingested_and_its_failure_cleared(qa: CouncilQA, papers: Path) -> None:
    (papers / "late.txt").write_bytes(b"")
    qa.ingest([str(papers)], progress=False)
    assert [s for s, _ in qa.stats().failures] == [str(papers) + "/late.txt"]
    (papers / "late.txt").write_text(
        "CABINET 1 June 2020\nPlymouth City Council\n\nThe council agreed a bridge.\n"
    )
    report = qa.ingest([str(papers)], progress=False)
    assert report.added == [str(papers) + "/late.txt"]
    assert qa.stats().failures == ()


def test_corrupted_after_ingest_keeps_old_chunks(qa: CouncilQA, papers: Path) -> None:
    qa.ingest([str(papers)], progress=False)
    chunks = chunk_count(qa.store)
    (papers / "a.txt").write_bytes(b"")
    report = qa.ingest([str(papers)], prune=True, progress=False)
    assert report.failed == [(str(papers) + "/a.txt", "empty file")]
    assert report.removed == [] and report.replaced == []
    assert chunk_count(qa.store) == chunks
    assert len(_hits(qa, "potholes")) == 1
    assert _consistent(qa.store)


def test_restored_file_is_no_longer_listed_as_failed(qa: CouncilQA, papers: Path) -> None:
    qa.ingest([str(papers)], progress=False)
    good = (papers / "a.txt").read_bytes()
    (papers / "a.txt").write_bytes(b"")
    qa.ingest([str(papers)], progress=False)
    (papers / "a.txt").write_bytes(good)
    report = qa.ingest([str(papers)], progress=False)
    assert report.unchanged == [str(papers) + "/a.txt", str(papers) + "/b.txt", str(papers) + "/sub/c.txt"]
    assert qa.stats().failures == ()


def test_prune_forgets_failures_of_deleted_files(qa: CouncilQA, papers: Path) -> None:
    (papers / "sheet.xls").write_bytes(b"not a spreadsheet")
    qa.ingest([str(papers)], progress=False)
    (papers / "sheet.xls").unlink()
    qa.ingest([str(papers)], prune=True, progress=False)
    assert qa.stats().failures == ()


def test_crash_mid_ingest_keeps_committed_batches_consistent(
    settings: Settings, fake_embedder, papers: Path, monkeypatch
) -> None:
    settings = replace(settings, commit_chunks=1)  # one file per batch, one embed call each
    real_embed = fake_embedder.embed
    calls = {"n": 0}

    def flaky_embed(texts):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("model crashed")
        return real_embed(texts)

    monkeypatch.setattr(fake_embedder, "embed", flaky_embed)
    qa = CouncilQA(settings, embedder=fake_embedder)
    with pytest.raises(RuntimeError, match="model crashed"):
        qa.ingest([str(papers)], progress=False)
    assert _consistent(qa.store)
    qa.close()

    monkeypatch.setattr(fake_embedder, "embed", real_embed)
    reopened = Store(settings.store, fake_embedder.name, fake_embedder.dimension)
    assert reopened.sources() == [str(papers) + "/a.txt"]
    assert chunk_count(reopened) == len(reopened.vectors) > 0
    (hit,) = lexical(reopened, fts_query(["potholes"]), Filters(), 10)
    assert reopened.vectors.search(real_embed(["repair potholes"])[0], 1)[0][0] == hit[0]
    reopened.close()

    # A fresh ingest picks up where the crash left off.
    qa = CouncilQA(settings, embedder=fake_embedder)
    report = qa.ingest([str(papers)], progress=False)
    assert report.unchanged == [str(papers) + "/a.txt"]
    assert report.added == [str(papers) + "/b.txt", str(papers) + "/sub/c.txt"]
    assert _consistent(qa.store)
    qa.close()


def test_crash_while_storing_rolls_back_whole_batch(
    settings: Settings, fake_embedder, papers: Path, monkeypatch
) -> None:
    qa = CouncilQA(settings, embedder=fake_embedder)
    qa.ingest([str(papers / "a.txt")], progress=False)
    before = chunk_count(qa.store)
    real_add = qa.store.add_document

    def add_then_fail(document, chunks, vectors):
        real_add(document, chunks, vectors)
        if document.source.endswith("b.txt"):
            raise OSError("disk full")

    monkeypatch.setattr(qa.store, "add_document", add_then_fail)
    with pytest.raises(OSError, match="disk full"):
        qa.ingest([str(papers)], progress=False)
    assert chunk_count(qa.store) == before == len(qa.store.vectors)
    assert qa.store.sources() == [str(papers / "a.txt")]
    qa.close()
    reopened = Store(settings.store, fake_embedder.name, fake_embedder.dimension)
    assert chunk_count(reopened) == before == len(reopened.vectors)
    reopened.close()
