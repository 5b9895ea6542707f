"""Stored sentence vectors on the sample papers: ingest time, disk, ask latency, and the reader's outputs."""

# Run from the repo root:  .venv/bin/python bench/perf_sentences.py [--out bench/out/sentences.json]
# Two stores of ../shared/corpus with the real model, one without sentence vectors (the reader embeds
# its 16 best sentences per question, as before) and one with them; ingest is timed for each, twice,
# alternating. Then every question of eval/*.jsonl and ../shared/eval/dev.jsonl is asked of both, in
# alternation, and the reader's outputs are compared: float16 as stored, and int8 (a per-vector scale,
# simulated from the model's float32 vectors) to choose between them.

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from perf_util import loadavg, summary_ms  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
QUESTION_FILES = ("eval/gold.jsonl", "eval/heldout.jsonl", "../shared/eval/dev.jsonl")
CHUNKS_PER_ESTIMATE = 100_000


class Int8Embedder:
    """The model's vectors rounded to int8 with one scale per vector (max |x| / 127), then back."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dimension = inner, inner.name, inner.dimension
        self.max_tokens = inner.max_tokens

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed(self, texts):
        vectors = self.inner.embed(texts)
        scale = np.abs(vectors).max(axis=1, keepdims=True) / 127.0
        return (np.round(vectors / scale).astype(np.int8) * scale).astype(np.float32)


def questions() -> list[str]:
    found = []
    for name in QUESTION_FILES:
        path = ROOT / name
        if path.exists():
            found += [json.loads(line)["question"] for line in path.read_text().splitlines() if line.strip()]
    return list(dict.fromkeys(found))


def ingest(model, folder: Path, stored: bool) -> float:
    from index.settings import Settings
    from qa.engine import CouncilQA

    shutil.rmtree(folder, ignore_errors=True)
    engine = CouncilQA(replace(Settings(store=folder), sentence_vectors=stored), embedder=model)
    start = time.perf_counter()
    engine.ingest([str(CORPUS)], progress=False)
    seconds = time.perf_counter() - start
    engine.close()
    return seconds


def disk(folder: Path) -> dict:
    """Bytes of the sentence vector file and of the SQLite tables and indexes that serve it."""
    import sqlite3

    db = sqlite3.connect(folder / "councilqa.sqlite3")
    db.execute("VACUUM")
    tables = {"sentences", "chunk_sentences", "chunks_unsentenced", "sqlite_autoindex_chunk_sentences_1"}
    sql_bytes = sum(
        row[1] for row in db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name") if row[0] in tables
    )
    chunks = db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
    units = db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]
    links = db.execute("SELECT COUNT(*) FROM chunk_sentences").fetchone()[0]
    db.close()
    file_bytes = sum(p.stat().st_size for p in folder.glob("sentences.*.f16"))
    per = CHUNKS_PER_ESTIMATE / chunks
    return {
        "chunks": chunks,
        "distinct_units": units,
        "links": links,
        "units_per_chunk": units / chunks,
        "file_bytes": file_bytes,
        "sqlite_bytes": sql_bytes,
        "per_100k_chunks_mb_float16": (file_bytes + sql_bytes) * per / 1e6,
        "per_100k_chunks_mb_int8": (file_bytes / 2 + units * 4 + sql_bytes) * per / 1e6,
    }


def latency(model, with_vectors: Path, without: Path, asked: list[str]) -> dict:
    from index.settings import Settings
    from qa.engine import CouncilQA

    engines = {
        "stored": CouncilQA(Settings(store=with_vectors), embedder=model),
        "on_the_fly": CouncilQA(Settings(store=without), embedder=model),
    }
    for engine in engines.values():
        for q in asked[:5]:
            engine.ask(q)
    times: dict[str, list[float]] = {name: [] for name in engines}
    answers: dict[str, list[str]] = {name: [] for name in engines}
    for q in asked:
        for name, engine in engines.items():
            start = time.perf_counter()
            answer = engine.ask(q)
            times[name].append(time.perf_counter() - start)
            answers[name].append(f"{answer.status}|{answer.text}")
    same = sum(a == b for a, b in zip(answers["stored"], answers["on_the_fly"], strict=True))
    for engine in engines.values():
        engine.close()
    return {"ask_ms": {k: summary_ms(v) for k, v in times.items()}, "same_answers": same, "asked": len(asked)}


def reader_agreement(model, folder: Path, asked: list[str]) -> dict:
    """Per encoding: questions whose candidate order, abstention and top answer match float32's."""
    from index.settings import Settings
    from index.storedembedder import StoredEmbedder
    from qa.engine import CouncilQA
    from qa.reader import Reader

    engine = CouncilQA(Settings(store=folder), embedder=model)
    readers = {
        "float16_stored": Reader(StoredEmbedder(model, engine.store.sentences)),
        "int8_simulated": Reader(Int8Embedder(model)),
    }
    exact = Reader(model)
    out = {
        name: {"same_order": 0, "same_top": 0, "same_abstain": 0, "max_score_diff": 0.0} for name in readers
    }
    for q in asked:
        retrieval = engine.retriever.retrieve(q)
        base = exact.read(retrieval)
        for name, reader in readers.items():
            got, row = reader.read(retrieval), out[name]
            row["same_order"] += [r.candidate for r in got.candidates] == [
                r.candidate for r in base.candidates
            ]
            row["same_top"] += [r.candidate for r in got.candidates[:1]] == [
                r.candidate for r in base.candidates[:1]
            ]
            row["same_abstain"] += got.abstain == base.abstain
            diffs = [abs(a.score - b.score) for a, b in zip(got.candidates, base.candidates, strict=False)]
            row["max_score_diff"] = max(row["max_score_diff"], max(diffs, default=0.0))
    engine.close()
    return {"questions": len(asked), **out}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "sentences.json")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    from index.embedder import SentenceEmbedder

    model = SentenceEmbedder()
    model.embed(["warm-up sentence"] * 32)
    tmp = Path(tempfile.mkdtemp(prefix="councilqa-sentences-"))
    result: dict = {"load_before": loadavg(), "ingest_s": {"on_the_fly": [], "stored": []}}
    for _ in range(args.repeats):
        result["ingest_s"]["on_the_fly"].append(ingest(model, tmp / "without", stored=False))
        result["ingest_s"]["stored"].append(ingest(model, tmp / "with", stored=True))
    result["load_after_ingest"] = loadavg()
    asked = questions()
    result["latency"] = latency(model, tmp / "with", tmp / "without", asked)
    result["load_after_latency"] = loadavg()
    result["reader"] = reader_agreement(model, tmp / "with", asked)
    result["disk"] = disk(tmp / "with")
    result["load_after"] = loadavg()
    shutil.rmtree(tmp, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
