"""Shared fixtures: a fake embedder for fast tests, the real packaged model for end-to-end ones."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from index.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "papers"
# The fields `ask --json` promises for each citation (README).
CITATION_KEYS = frozenset(
    {
        "n",
        "source",
        "title",
        "date",
        "page",
        "page_end",
        "page_label",
        "page_label_end",
        "ocr",
        "text",
        "score",
    }
)


class FakeEmbedder:
    """Bag of hashed word stems: texts sharing words are similar, and it loads in no time."""

    name = "fake-hash"
    dimension = 64
    max_tokens = 256

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                slot = int(hashlib.md5(word[:5].encode()).hexdigest(), 16) % self.dimension
                out[row, slot] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
        return out


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store=tmp_path / "store")


@pytest.fixture(scope="session", autouse=True)
def onnx_cache(tmp_path_factory) -> Path:
    """The question model's ONNX export goes to one folder of the session's, not the user's cache; the
    CLI's processes started by tests inherit it."""
    folder = tmp_path_factory.mktemp("onnx")
    os.environ["COUNCILQA_ONNX_CACHE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def real_embedder(onnx_cache):
    """The packaged all-MiniLM-L6-v2, loaded once for the whole session."""
    from index.embedder import SentenceEmbedder

    return SentenceEmbedder(onnx_cache=onnx_cache)


def row_cells(blocks) -> list[dict[str, str]]:
    """Each table-row block as {header: value}; a value without a header is keyed ''."""
    rows = []
    for block in blocks:
        if block.kind == "row":
            pairs = [line.split(": ", 1) if ": " in line else ["", line] for line in block.text.split("\n")]
            rows.append({label: value for label, value in pairs})
    return rows


def answer_from_paper(tmp_path: Path, settings: Settings, embedder, paper: str, question: str):
    """(the answer to `question` from a store holding only `paper`, the store's chunk count)."""
    (answer,), chunks = answers_from_papers(tmp_path, settings, embedder, {"paper.txt": paper}, [question])
    return answer, chunks


def answers_from_papers(tmp_path: Path, settings: Settings, embedder, papers: dict[str, str], questions):
    """(the answers to `questions` from a store holding only `papers`, file name → text; its chunk count)."""
    from qa.engine import CouncilQA

    folder = tmp_path / "papers"
    folder.mkdir()
    for name, text in papers.items():
        (folder / name).write_text(text, encoding="utf-8")
    engine = CouncilQA(settings, embedder=embedder)
    try:
        engine.ingest([str(folder)], progress=False)
        return [engine.ask(q) for q in questions], engine.stats().chunks
    finally:
        engine.close()


def retrieval_of(question: str, papers: Sequence, embedder, day: dt.date | None = None, doc_type="minutes"):
    """A Retrieval (qa.retriever) of one passage per paper, each a text or a (text, document type) pair,
    dated `day`, every one scored 0.6 and every query term weighted 2: for reader and shortlist tests."""
    from index.passage import Passage
    from qa.query import parse
    from qa.retriever import Retrieval

    pairs = [p if isinstance(p, tuple) else (p, doc_type) for p in papers]
    passages = tuple(
        Passage(i, text, None, 1, 1, f"p{i}.pdf", "Paper", "Testshire", None, day, "day", kind)
        for i, (text, kind) in enumerate(pairs, 1)
    )
    query = parse(question)
    weights = {t: 2.0 for t in query.terms}
    vector = embedder.embed([question])[0]
    return Retrieval(query, passages, {p.chunk_id: 0.6 for p in passages}, {}, (), vector, weights, {})
