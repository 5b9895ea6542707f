"""Performance benchmark: parsing, ingest embedding, query latency from 10k to 1M chunks, memory, disk."""

# Run from the repo root with the venv (see docs/BENCHMARKS.md):
#   python bench/perf.py [--sizes 10000,100000,1000000] [--queries 100] [--out bench/out]
#                        [--phases parse,ingest,build,query,ann] [--cold-runs 10] [--ann ivf]
#                        [--wait-load 1.5] [--rebuild]
#
# Phases (each one's result replaces only its own part of OUT/perf.json, stamped with the load):
#   parse   pages/s of corpus.reader.read_pages + corpus.cleaner.clean_pages: 20 reportlab PDFs of
#           20 pages of sample-paper prose; the 5 sample papers; 10 concatenations of them with a
#           'Page N' footer every ~3,000 characters.
#   ingest  CouncilQA.ingest over the sample papers copied until ~1,500 chunks, its embedder wrapped in
#           a timing proxy; the same chunk texts then embedded directly in batches of 256.
#   build   Stores of each size through the Store API: chunks of real sentences (sample papers and
#           the Limerick papers, re-cut), vectors drawn around k-means centroids of real embeddings,
#           for chunks and for each stored sentence (index/sentencevectors.py), as ingest stores them.
#           Cached under OUT/perf-stores/ (keyed by size); --rebuild builds again.
#   query   Per size: one serving process (bench/perf_serve.py warm: warm search and ask latency,
#           stage times, exactness of FAISS against numpy, peak RSS, cProfile of one ask at 100k)
#           and fresh processes for cold latency (Store open + first query; model load apart).
#   ann     At the largest size: IVF (and HNSW with --ann ivf,hnsw) recall@10 against exact search.
# Targets are reported, never asserted.

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import pickle
import platform
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import perf_data
import perf_util
from perf_util import CpuWatch, TimedEmbedder, loadavg, peak_rss_mb, summary_ms

ROOT = Path(__file__).resolve().parent.parent
SERVE = Path(__file__).resolve().parent / "perf_serve.py"
STORE_VERSION = "v2"  # bump when the generator changes, so cached stores are rebuilt (v2: sentence vectors)
CENTROIDS = 200
FIT_CHUNKS = 2000
BUILD_BATCH = 50_000  # chunks per transaction (one bump_generation each)
INGEST_TARGET = 1500
PAGE_CHARS = 3000
TARGETS = {
    "p50_100k_ms": 50,
    "p95_100k_ms": 100,
    "p50_1m_ms": 150,
    "ann_recall": 0.95,
    "ingest_ratio": 0.90,
    "rss_1m_mb": 6 * 1024,
}


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- machine ---------------------------------------------------------------------------------------


def machine() -> dict:
    import faiss
    import sentence_transformers
    import torch

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(int(mem.split()[1]) / 1024**2, 1),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "faiss": faiss.__version__,
        "numpy": np.__version__,
        "sentence_transformers": sentence_transformers.__version__,
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def wait_for_load(limit: float, most_s: int) -> dict:
    """Poll the 1-minute load every 60 s until it is at most `limit`, for at most `most_s` seconds."""
    seen = [loadavg()]
    start = time.time()
    while seen[-1][0] > limit and time.time() - start < most_s:
        log(f"load {seen[-1]} above {limit}; waiting")
        time.sleep(60)
        seen.append(loadavg())
    return {
        "limit": limit,
        "waited_s": round(time.time() - start),
        "samples": seen,
        "ok": seen[-1][0] <= limit,
    }


# --- parse -----------------------------------------------------------------------------------------


def _read(paths: list[Path]) -> tuple[int, int]:
    from corpus.cleaner import clean_pages
    from corpus.reader import read_pages

    pages = chars = 0
    for path in paths:
        cleaned = clean_pages(read_pages(path))
        pages += len(cleaned)
        chars += sum(len(p.text) for p in cleaned)
    return pages, chars


def _timed_reads(paths: list[Path], repeats: int) -> dict:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        pages, chars = _read(paths)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    size = sum(p.stat().st_size for p in paths)
    return {
        "files": len(paths),
        "pages_read_pages": pages,
        "pages_3000_chars": round(chars / PAGE_CHARS, 1),
        "chars": chars,
        "mb": round(size / 1e6, 3),
        "runs_s": [round(r, 4) for r in runs],
        "best_s": best,
        "median_s": float(np.median(runs)),
        "pages_per_s": pages / best,
        "pages_3000_per_s": chars / PAGE_CHARS / best,
        "mb_per_s": size / 1e6 / best,
    }


def bench_parse(tmp: Path) -> dict:
    pdfs = perf_data.make_pdfs(tmp / "pdf", 20, 20)
    texts = sorted(perf_data.SAMPLES.glob("*.txt"))
    concat = perf_data.make_text_concatenations(tmp / "text", 10, PAGE_CHARS)
    _read(pdfs[:1] + texts[:1])  # imports and regex compilation out of the way
    result = {
        "pdf": _timed_reads(pdfs, 3),
        "text_samples": _timed_reads(texts, 20),
        "text_concatenated": _timed_reads(concat, 3),
    }
    for name, row in result.items():
        log(f"parse {name}: {row['pages_per_s']:.1f} pages/s ({row['pages_read_pages']} pages)")
    return result


# --- ingest ----------------------------------------------------------------------------------------


def _ingest_timers() -> tuple[dict, Callable[[], None]]:
    import index.ingest as ingest_mod
    import index.store as store_mod

    saved = {
        (ingest_mod, "load_document"): ingest_mod.load_document,
        (ingest_mod, "chunk_document"): ingest_mod.chunk_document,
        (ingest_mod, "snapshot"): ingest_mod.snapshot,
        (store_mod.Store, "add_document"): store_mod.Store.add_document,
        (store_mod.Store, "save_vectors"): store_mod.Store.save_vectors,
        (store_mod.Store, "transaction"): store_mod.Store.transaction,
    }
    names = {
        "load_document": "read_clean_describe",
        "chunk_document": "chunk (incl. token counting)",
        "snapshot": "read + hash (snapshot)",
        "add_document": "sqlite+faiss add_document",
        "save_vectors": "save_vectors (faiss write)",
    }
    for (owner, attr), fn in saved.items():
        if attr in names:
            setattr(owner, attr, perf_util.timed("ingest:" + names[attr], fn))

    def restore() -> None:
        for (owner, attr), fn in saved.items():
            setattr(owner, attr, fn)

    return saved, restore


def bench_ingest(embedder, tmp: Path, repeats: int = 3) -> dict:
    from corpus.chunker import chunk_document
    from corpus.loader import load_document
    from corpus.reader import read_pages
    from index.settings import Settings
    from qa.engine import CouncilQA

    samples = sorted(perf_data.SAMPLES.glob("*.txt"))
    max_tokens = min(Settings().max_tokens, embedder.max_tokens - 2)
    per_copy = sum(len(chunk_document(load_document(p), embedder.count_tokens, max_tokens)) for p in samples)
    copies = math.ceil(INGEST_TARGET / per_copy)
    corpus = tmp / "ingest-corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    for i in range(copies):
        (corpus / f"copy{i:02d}").mkdir(parents=True)
        for path in samples:
            # A line of its own makes each copy a distinct file: ingest skips byte-identical duplicates.
            text = path.read_text(encoding="utf-8", errors="replace")
            (corpus / f"copy{i:02d}" / path.name).write_text(
                f"{text}\n\nBenchmark copy {i + 1}.\n", encoding="utf-8"
            )
    files = sorted(corpus.rglob("*.txt"))
    pages = sum(len(read_pages(p)) for p in files)
    chars = sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in files)
    embedder.embed(["warm-up sentence"] * 64)
    runs = []
    for rep in range(repeats):
        store = tmp / f"ingest-store-{rep}"
        shutil.rmtree(store, ignore_errors=True)
        proxy = TimedEmbedder(embedder)
        proxy.keep_texts = True
        _, restore = _ingest_timers()
        before = perf_util.stage_snapshot()
        watch = CpuWatch()
        start = time.perf_counter()
        engine = CouncilQA(Settings(store=store), embedder=proxy)
        report = engine.ingest([corpus], progress=False)
        total = time.perf_counter() - start
        engine.close()
        restore()
        stages = perf_util.stage_delta(before)
        texts = list(proxy.texts)
        start = time.perf_counter()
        for i in range(0, len(texts), 256):
            embedder.embed(texts[i : i + 256])
        direct = time.perf_counter() - start
        inside = proxy.seconds
        if report.chunks != len(texts) or getattr(report, "duplicates", None):
            log(
                f"ingest: {report.chunks} chunks written, {len(texts)} embedded; "
                f"duplicates {report.duplicates}"
            )
        run = {
            "chunks": report.chunks,
            "files": len(files),
            "embed_calls": [n for n, _ in proxy.calls],
            "embed_s_inside_ingest": inside,
            "chunks_per_s_inside_ingest": proxy.count / inside,
            "direct_s": direct,
            "chunks_per_s_direct": len(texts) / direct,
            "ratio": (proxy.count / inside) / (len(texts) / direct),
            "ingest_total_s": total,
            "ingest_chunks_per_s": report.chunks / total,
            "ingest_pages_per_s": pages / total,
            "ingest_pages_3000_per_s": chars / PAGE_CHARS / total,
            "end_to_end_ratio": (report.chunks / total) / (len(texts) / direct),
            "token_count_calls": proxy.token_calls,
            "token_count_s": proxy.token_seconds,
            "stages_s": {k.removeprefix("ingest:"): v for k, v in stages.items() if k.startswith("ingest:")},
            "cpu": watch.result(),
        }
        run["stages_s"]["embed"] = inside
        runs.append(run)
        log(
            f"ingest run {rep}: {run['chunks_per_s_inside_ingest']:.1f} chunks/s inside ingest, "
            f"{run['chunks_per_s_direct']:.1f} direct, ratio {run['ratio']:.3f}, total {total:.1f}s"
        )
    ratios = [r["ratio"] for r in runs]
    return {
        "ratio_median": float(np.median(ratios)),
        "ratio_of_best": max(r["chunks_per_s_inside_ingest"] for r in runs)
        / max(r["chunks_per_s_direct"] for r in runs),
        "copies": copies,
        "chunks_per_copy": per_copy,
        "pages_read_pages": pages,
        "pages_3000_chars": round(chars / PAGE_CHARS, 1),
        "runs": runs,
    }


# --- stores ----------------------------------------------------------------------------------------


def _sources(cache: Path) -> list[perf_data.Source]:
    path = cache / f"sources-{STORE_VERSION}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    start = time.perf_counter()
    sources = perf_data.load_sources()
    path.write_bytes(pickle.dumps(sources))
    log(f"{len(sources)} source papers read in {time.perf_counter() - start:.0f}s")
    return sources


def _vector_model(embedder, sources, cache: Path, questions: list[str]) -> tuple[perf_data.VectorModel, dict]:
    """Real chunk lengths and a clustered model of real embeddings, cached."""
    npz, meta = cache / f"vectors-{STORE_VERSION}.npz", cache / f"vectors-{STORE_VERSION}.json"
    if npz.exists() and meta.exists():
        return perf_data.VectorModel.load(npz), json.loads(meta.read_text())
    from corpus.chunker import chunk_document
    from corpus.loader import load_document
    from qa.query import parse

    start = time.perf_counter()
    paths = perf_data.source_paths()
    chosen = paths[:5] + paths[5::25]
    lengths = []
    for path in chosen:
        try:
            chunks = chunk_document(load_document(path), embedder.count_tokens, 240)
        except Exception:  # noqa: BLE001 - an unreadable paper only shrinks the sample
            continue
        lengths += [len(c.text.split()) for c in chunks]
    maker = perf_data.ChunkMaker(sources, lengths)
    rng = random.Random(99)
    texts = []
    while len(texts) < FIT_CHUNKS:
        _, chunks = maker.document(f"fit-{len(texts)}", rng, FIT_CHUNKS - len(texts))
        texts += [perf_data.embed_text(c) for c in chunks]
    real = embedder.embed(texts)
    model = perf_data.VectorModel.fit(real, CENTROIDS)
    synthetic = model.draw(len(real), np.random.default_rng(5))
    qv = embedder.embed([parse(q).text for q in questions])
    info = {
        "lengths": lengths,
        "length_files": len(chosen),
        "fit_chunks": len(texts),
        "centroids": CENTROIDS,
        "fit_s": time.perf_counter() - start,
        "cos_to_centroid_real": perf_data.cosine_to_centroid(real, model.centroids),
        "cos_to_centroid_synthetic": perf_data.cosine_to_centroid(synthetic, model.centroids),
        "question_top1_real_mean": float((qv @ real.T).max(axis=1).mean()),
        "question_top1_synthetic_mean": float((qv @ synthetic.T).max(axis=1).mean()),
        "pairwise_cos_real_mean": float((real[:500] @ real[:500].T).mean()),
        "pairwise_cos_synthetic_mean": float((synthetic[:500] @ synthetic[:500].T).mean()),
    }
    model.save(npz)
    meta.write_text(json.dumps(info))
    log(f"vector model fitted in {info['fit_s']:.0f}s")
    return model, info


def _disk(folder: Path) -> dict:
    sqlite_b = sum(p.stat().st_size for p in folder.glob("councilqa.sqlite3*"))
    faiss_b = sum(p.stat().st_size for p in folder.glob("vectors.*.faiss"))
    sentences_b = sum(p.stat().st_size for p in folder.glob("sentences.*.f16"))
    return {
        "sqlite_mb": sqlite_b / 1e6,
        "faiss_mb": faiss_b / 1e6,
        "sentences_mb": sentences_b / 1e6,
        "total_mb": (sqlite_b + faiss_b + sentences_b) / 1e6,
    }


def units_fingerprint() -> str:
    """A hash of the sentence units the product cuts from the sample papers: a store whose sentence
    vectors were stored under other cutting code leaves the reader to embed the units it lacks at ask
    time, which is an upgraded store's cost, not a query's."""
    import hashlib

    from index.sentencevectors import chunk_units

    digest = hashlib.sha256()
    for path in sorted(perf_data.SAMPLES.glob("*.txt")):
        for h, _ in chunk_units(path.read_text(encoding="utf-8")):
            digest.update(h.to_bytes(8, "little", signed=True))
    return digest.hexdigest()[:16]


def build_store(size: int, folder: Path, embedder, maker, model, rebuild: bool) -> dict:
    from index.settings import Settings
    from index.store import Store

    done = folder / "build.json"
    info = json.loads(done.read_text()) if done.exists() else {}
    cutting = units_fingerprint()
    # a store cached under another exact/IVF threshold would time the other kind of FAISS index
    if (
        info.get("approximate_from") == Settings.approximate_from
        and info.get("units") == cutting
        and not rebuild
    ):
        info["cached"] = True
        return info
    shutil.rmtree(folder, ignore_errors=True)
    watch = CpuWatch()
    start = time.perf_counter()
    store = Store(folder, embedder.name, embedder.dimension, 1)
    rng = np.random.default_rng(size)
    made = documents = samples = words = units = 0
    gen_s = insert_s = 0.0
    mark = time.perf_counter()
    for group in perf_data.batches(maker, size, seed=size, per_batch=BUILD_BATCH):
        n = sum(len(c) for _, c in group)
        vectors = model.draw(n, rng)
        fresh = store.sentences.unstored([c.text for _, chunks in group for c in chunks])
        unit_vectors = model.draw(len(fresh.hashes), rng)
        units += len(fresh.hashes)
        gen_s += time.perf_counter() - mark
        mark = time.perf_counter()
        with store.transaction():
            store.sentences.add(fresh.hashes, unit_vectors)
            at = 0
            for document, chunks in group:
                store.add_document(document, chunks, vectors[at : at + len(chunks)])
                at += len(chunks)
            store.bump_generation()
        insert_s += time.perf_counter() - mark
        made += n
        documents += len(group)
        samples += sum(d.source.endswith(".txt") for d, _ in group)
        words += sum(len(c.text.split()) for _, cs in group for c in cs)
        log(f"build {size}: {made}/{size} chunks, {time.perf_counter() - start:.0f}s")
        mark = time.perf_counter()
    save = time.perf_counter()
    store.save_vectors()
    approximate = store.vectors.is_approximate
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    save_s = time.perf_counter() - save
    info = {
        "size": size,
        "version": STORE_VERSION,
        "approximate_from": Settings.approximate_from,
        "units": cutting,
        "approximate": approximate,
        "documents": documents,
        "documents_from_sample_papers": samples,
        "mean_words_per_chunk": words / max(made, 1),
        "sentence_vectors": units,
        "build_s": time.perf_counter() - start,
        "generate_s": gen_s,
        "insert_s": insert_s,
        "save_s": save_s,
        "batch_chunks": BUILD_BATCH,
        "disk": _disk(folder),
        "cpu": watch.result(),
        "built_at": dt.datetime.now().isoformat(timespec="seconds"),
        "cached": False,
    }
    done.write_text(json.dumps(info, indent=1))
    log(f"built {size} chunks in {info['build_s']:.0f}s")
    return info


# --- queries ---------------------------------------------------------------------------------------


def _worker(args: list[str], result: Path, env: dict | None = None, timeout: int = 7200) -> dict:
    result.unlink(missing_ok=True)
    proc = subprocess.run(
        [sys.executable, str(SERVE), *args, "--result", str(result)],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0 or not result.exists():
        raise RuntimeError(f"worker {args[0]} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(result.read_text())


STAGE_ORDER = (
    "retrieve",
    "parse_question",
    "embed_query",
    "fts_bm25",
    "faiss_dense",
    "filter_ids",
    "identifier_scan",
    "passages_sql",
    "similarities",
    "term_weights",
    "fts_doc_freq",
    "count_chunks",
    "compose",
    "reader_table",
    "sentence_lookup",
    "unseen_terms",
    "statements",
    "score_units",
    "embed_units",
    "store_refresh",
)


def _stage_means(rows: list[dict]) -> dict[str, float]:
    return {
        name: 1000 * float(np.mean([r["stages"].get(name, 0.0) for r in rows]))
        for name in STAGE_ORDER
        if any(name in r["stages"] for r in rows)
    }


def bench_queries(
    size: int, folder: Path, questions: list[str], results: Path, cold_runs: int, profile: bool, qvecs: Path
) -> dict:
    qfile = results / "questions.json"
    qfile.write_text(json.dumps(questions))
    args = ["warm", "--store", str(folder), "--questions", str(qfile)]
    if profile:
        args += ["--profile-question", PROFILE_QUESTION]
    watch = CpuWatch()
    log(f"query {size}: serving process")
    warm = _worker(args, results / f"warm-{size}.json", {"PERF_QVECS": str(qvecs)})
    warm_cpu = watch.result()
    cold = {"search": [], "ask": []}
    watch = CpuWatch()
    for i in range(cold_runs):
        for mode in ("search", "ask"):
            q = questions[(i * 7) % len(questions)]
            cold[mode].append(
                _worker(
                    ["cold", "--store", str(folder), "--question", q, "--mode", mode],
                    results / f"cold-{size}-{mode}-{i}.json",
                )
            )
    log(f"query {size}: {cold_runs} cold runs per mode done")
    cold_cpu = watch.result()
    statuses: dict[str, int] = {}
    for row in warm["ask"]["queries"]:
        statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    unit_embeds = [sum(n for n in r["embed_calls"] if n > 1) for r in warm["ask"]["queries"]]
    return {
        "size": size,
        "chunks": warm["chunks"],
        "warm": {
            "search": warm["search"]["summary"],
            "ask": warm["ask"]["summary"],
            "search_stage_mean_ms": _stage_means(warm["search"]["queries"]),
            "ask_stage_mean_ms": _stage_means(warm["ask"]["queries"]),
            "ask_statuses": statuses,
            "ask_units_embedded_mean": float(np.mean(unit_embeds)),
            "ask_share_embedding_units": sum(1 for u in unit_embeds if u) / len(unit_embeds),
            "cpu": warm_cpu,
            "stage_timers": warm.get("stage_timers"),
        },
        "cold": {
            mode: {
                "cold": summary_ms([r["cold_s"] for r in runs]),
                "open": summary_ms([r["open_s"] for r in runs]),
                "first_query": summary_ms([r["first_query_s"] for r in runs]),
                "model_load": summary_ms([r["model"]["model_load_s"] for r in runs]),
                "model_first_embed": summary_ms([r["model"]["model_first_embed_s"] for r in runs]),
                "peak_rss_mb_max": max(r["peak_rss_mb"] for r in runs),
                "questions": [r["question"] for r in runs],
            }
            for mode, runs in cold.items()
        },
        "cold_cpu": cold_cpu,
        "serving": {
            "model": warm["model"],
            "open_s": warm["open_s"],
            "first_search_s": warm["first_search_s"],
            "peak_rss_mb": warm["peak_rss_mb"],
            "rss_after_open_and_first_queries_mb": warm["rss_after_open_and_first_queries_mb"],
            "queries_answered": warm["questions_answered"],
        },
        "exactness": {
            k: warm[k]
            for k in (
                "recall_at_10_vs_numpy",
                "recall_at_10_vs_numpy_ties_allowed",
                "faiss_top10_ms",
                "numpy_bruteforce_top10_ms_mean",
                "approximate",
                "nprobe",
                "faiss_top40_ms_by_omp_threads",
            )
        },
        "profile": warm.get("profile"),
        "levers": warm.get("levers"),
        "per_query": {mode: warm[mode]["queries"] for mode in ("search", "ask")},
    }


PROFILE_QUESTION = "Who is the portfolio holder for Pledge 41?"


# --- report ----------------------------------------------------------------------------------------


def _f(value, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def _size_name(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 and size % 1_000_000 == 0 else f"{size // 1000}k"


def tables(result: dict) -> str:
    out: list[str] = []
    if parse := result.get("parse"):
        out += [
            "### Parse throughput (read_pages + clean_pages)",
            "",
            "| input | files | pages (read_pages) | 3,000-char pages | MB | best of runs s | pages/s "
            "| 3,000-char pages/s | MB/s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        names = {
            "pdf": "PDF (reportlab, 20 × 20 pages)",
            "text_samples": "text: the 5 sample papers",
            "text_concatenated": "text: 10 concatenations, 'Page N' every ~3,000 chars",
        }
        for key, name in names.items():
            r = parse["result"][key]
            out.append(
                f"| {name} | {r['files']} | {r['pages_read_pages']} | {_f(r['pages_3000_chars'])} | "
                f"{r['mb']:.2f} | {r['best_s']:.3f} | {_f(r['pages_per_s'], 1)} | "
                f"{_f(r['pages_3000_per_s'], 1)} | {r['mb_per_s']:.2f} |"
            )
        out.append("")
    if ingest := result.get("ingest"):
        r = ingest["result"]
        out += [
            "### Embedding inside ingest vs the model's own throughput",
            "",
            f"Corpus: the 5 sample papers copied {r['copies']}× ({r['pages_read_pages']} pages by "
            f"read_pages, {_f(r['pages_3000_chars'])} 3,000-char pages).",
            "",
            "| run | chunks | embed s in ingest | chunks/s in ingest | direct s (batches of 256) "
            "| chunks/s direct "
            "| ratio | ingest total s | ingest chunks/s | ingest pages/s (read_pages / 3,000-char) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for i, run in enumerate(r["runs"]):
            out.append(
                f"| {i + 1} | {run['chunks']} | {run['embed_s_inside_ingest']:.1f} | "
                f"{run['chunks_per_s_inside_ingest']:.1f} | {run['direct_s']:.1f} | "
                f"{run['chunks_per_s_direct']:.1f}"
                f" | {run['ratio']:.1%} | {run['ingest_total_s']:.1f} | {run['ingest_chunks_per_s']:.1f} | "
                f"{run['ingest_pages_per_s']:.2f} / {run['ingest_pages_3000_per_s']:.1f} |"
            )
        last = r["runs"][-1]
        parts = ", ".join(f"{k} {v:.1f}s" for k, v in sorted(last["stages_s"].items(), key=lambda kv: -kv[1]))
        out += [
            "",
            f"Ratio: median of the paired runs {r.get('ratio_median', 0):.1%}; "
            f"best ingest run against best direct run "
            f"{r.get('ratio_of_best', 0):.1%}.",
            "",
            f"Where ingest time goes (last run, {last['ingest_total_s']:.1f}s in all): {parts}.",
            "",
        ]
    query = result.get("query", {})
    sizes = sorted(query, key=int)
    if sizes:
        out += [
            "### Query latency (ms): warm = a serving process after warm-up; cold = Store open + first query "
            "in a fresh process",
            "",
            "| chunks | search warm p50 | p95 | ask warm p50 | p95 | search cold p50 | p95 "
            "| ask cold p50 | p95 "
            "| store open (cold) | model load (apart) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for s in sizes:
            q = query[s]["result"]
            w, c = q["warm"], q["cold"]
            out.append(
                f"| {_size_name(int(s))} | {_f(w['search']['p50'])} | {_f(w['search']['p95'])} | "
                f"{_f(w['ask']['p50'])} | {_f(w['ask']['p95'])} | {_f(c['search']['cold']['p50'])} | "
                f"{_f(c['search']['cold']['p95'])} | {_f(c['ask']['cold']['p50'])} | "
                f"{_f(c['ask']['cold']['p95'])} | "
                f"{_f(c['search']['open']['p50'])} | {c['search']['model_load']['p50'] / 1000:.1f} s |"
            )
        n_q = query[sizes[0]]["result"]["warm"]["search"]["n"]
        n_c = query[sizes[0]]["result"]["cold"]["search"]["cold"]["n"]
        out += ["", f"Warm: {n_q} questions each; cold: {n_c} fresh processes per mode and size.", ""]
        out += [
            "### Where a warm query's time goes (mean ms per query, inclusive; nested stages overlap)",
            "",
        ]
        stages = [
            st
            for st in STAGE_ORDER
            if any(st in query[s]["result"]["warm"]["ask_stage_mean_ms"] for s in sizes)
        ]
        out += [
            "| path | chunks | total mean | " + " | ".join(stages) + " |",
            "|---|---:|---:|" + "---:|" * len(stages),
        ]
        for mode in ("search", "ask"):
            for s in sizes:
                w = query[s]["result"]["warm"]
                means = w[f"{mode}_stage_mean_ms"]
                out.append(
                    f"| {mode} | {_size_name(int(s))} | {_f(w[mode]['mean'])} | "
                    + " | ".join(_f(means.get(st), 1) for st in stages)
                    + " |"
                )
        out += [
            "",
            "Stages are inclusive and nest: retrieve holds parse_question, embed_query, fts_bm25, "
            "faiss_dense, "
            "identifier_scan (itself fts_bm25 + passages_sql), passages_sql, similarities and, where the "
            "retriever computes them, term_weights (fts_doc_freq + count_chunks); compose holds unseen_terms "
            "(fts_doc_freq), statements and reader_table (sentence_lookup, then embed_units for sentences "
            "the store lacks). Ask also runs store_refresh.",
            "",
            "| chunks | ask answers (answered / not_found) | asks that embedded sentences "
            "| sentences embedded "
            "per ask (mean) |",
            "|---:|---|---:|---:|",
        ]
        for s in sizes:
            w = query[s]["result"]["warm"]
            st = w["ask_statuses"]
            out.append(
                f"| {_size_name(int(s))} | {st.get('answered', 0)} / {st.get('not_found', 0)} | "
                f"{w['ask_share_embedding_units']:.0%} | {w['ask_units_embedded_mean']:.1f} |"
            )
        out += [
            "",
            "### Exactness and raw vector search (single query, top-k over all chunks)",
            "",
            "| chunks | FAISS index | recall@10 vs numpy | (ties allowed) | FAISS top-10 p50 ms "
            "| numpy brute force ms (mean) "
            "| FAISS top-40 p50 ms, 1 OpenMP thread | 2 threads |",
            "|---:|---|---:|---:|---:|---:|---:|---:|",
        ]
        for s in sizes:
            e = query[s]["result"]["exactness"]
            kind = f"IVF, nprobe {e['nprobe']}" if e.get("approximate") else "exact"
            t = e["faiss_top40_ms_by_omp_threads"]
            out.append(
                f"| {_size_name(int(s))} | {kind} | {e['recall_at_10_vs_numpy']:.3f} | "
                f"{e['recall_at_10_vs_numpy_ties_allowed']:.3f} | {_f(e['faiss_top10_ms']['p50'], 1)} | "
                f"{_f(e['numpy_bruteforce_top10_ms_mean'], 1)} | {_f(t['1']['p50'], 1)} | "
                f"{_f(t['2']['p50'], 1)} |"
            )
        out.append("")
    lever_rows = [(s, query[s]["result"].get("levers")) for s in sizes if query[s]["result"].get("levers")]
    for s, lv in lever_rows:
        f, q8 = lv["fts_common_terms_dropped"], lv["int8_embedder"]
        out += [
            f"### Levers measured at {_size_name(int(s))}",
            "",
            "| lever | shipped | with the lever | effect on results |",
            "|---|---:|---:|---|",
            f"| BM25 over every question word instead of the rarest within {f['postings_budget']:,} "
            f"postings (p50 / p95 ms) | {f['shipped_ms']['p50']:.0f} / {f['shipped_ms']['p95']:.0f} | "
            f"{f['all_terms_ms']['p50']:.0f} / {f['all_terms_ms']['p95']:.0f} | the shipped query keeps "
            f"{f['top40_overlap_mean']:.0%} of the all-words top-40; {f['terms_dropped_mean']:.1f} words "
            "left to the rerank per question |",
            f"| torch dynamic int8 embedder, {q8['sentences']} sentences (ask's batch), ms | "
            f"{q8['fp32_ms_best_of_5']:.0f} | {q8['int8_dynamic_ms_best_of_5']:.0f} ({q8['speedup']:.2f}×) | "
            f"cosine to fp32 vectors: mean {q8['cosine_fp32_vs_int8_mean']:.3f}, "
            f"min {q8['cosine_fp32_vs_int8_min']:.3f} |",
        ]
        if th := lv.get("torch_threads"):
            one, many = th["1"], th[max(th, key=int)]
            out += [
                f"| torch on 1 thread instead of {max(th, key=int)}: one question embedded, p50 / p95 ms | "
                f"{many['query_ms']['p50']:.0f} / {many['query_ms']['p95']:.0f} | "
                f"{one['query_ms']['p50']:.0f} / {one['query_ms']['p95']:.0f} | same vectors |",
                f"| torch on 1 thread: the 48-sentence batch, p50 ms | {many['batch48_ms']['p50']:.0f} | "
                f"{one['batch48_ms']['p50']:.0f} | same vectors |",
            ]
        out.append("")
    if (ann := result.get("ann")) and ann["result"].get("trials"):
        a = ann["result"]
        out += [
            f"### The product's IVF index at {_size_name(a['n'])} chunks: nprobe against recall "
            f"({a['nlist']} lists; one OpenMP thread)",
            "",
            "| nprobe | recall@10 vs numpy | p50 ms | p95 ms |",
            "|---:|---:|---:|---:|",
        ]
        for t in a["trials"]:
            out.append(
                f"| {t['nprobe']} | {t['recall_at_10']:.3f} | "
                f"{t['latency_ms']['p50']:.2f} | {t['latency_ms']['p95']:.2f} |"
            )
        out.append("")
    builds = result.get("build", {})
    if builds or sizes:
        out += [
            "### Memory and disk",
            "",
            "| chunks | serving peak RSS MB (100 q) | cold process peak RSS MB | SQLite MB | FAISS MB "
            "| disk per 100k chunks MB | build s |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for s in sorted(set(builds) | set(sizes), key=int):
            b = builds.get(s, {}).get("result", {})
            q = query.get(s, {}).get("result", {})
            d = b.get("disk", {})
            per = d["total_mb"] / int(s) * 100_000 if d else None
            cold_rss = q.get("cold", {}).get("ask", {}).get("peak_rss_mb_max")
            out.append(
                f"| {_size_name(int(s))} | {_f(q.get('serving', {}).get('peak_rss_mb'))} | {_f(cold_rss)} | "
                f"{_f(d.get('sqlite_mb'))} | {_f(d.get('faiss_mb'))} | {_f(per)} | {_f(b.get('build_s'))} |"
            )
        if "bench_process_peak_rss_mb" in result:
            out += [
                "",
                f"This benchmark process itself peaked at {result['bench_process_peak_rss_mb']:,.0f} MB RSS.",
            ]
        out.append("")
    out += targets(result)
    return "\n".join(out)


def targets(result: dict) -> list[str]:
    query = result.get("query", {})
    rows = []

    def warm(size: str, mode: str, key: str):
        return query.get(size, {}).get("result", {}).get("warm", {}).get(mode, {}).get(key)

    def verdict(value, limit, below=True) -> str:
        if value is None:
            return "not measured"
        return "met" if (value <= limit if below else value >= limit) else "missed"

    for mode in ("search", "ask"):
        for key, limit in (("p50", TARGETS["p50_100k_ms"]), ("p95", TARGETS["p95_100k_ms"])):
            v = warm("100000", mode, key)
            rows.append((f"{mode} {key} at 100k ≤ {limit} ms", f"{_f(v)} ms", verdict(v, limit)))
        v = warm("1000000", mode, "p50")
        rows.append(
            (f"{mode} p50 at 1M ≤ {TARGETS['p50_1m_ms']} ms", f"{_f(v)} ms", verdict(v, TARGETS["p50_1m_ms"]))
        )
    e = query.get("1000000", {}).get("result", {}).get("exactness", {})
    v = e.get("recall_at_10_vs_numpy")
    kind = f"IVF, nprobe {e['nprobe']}" if e.get("approximate") else "exact index"
    rows.append((f"recall@10 ≥ 0.95 vs exact at 1M ({kind})", _f(v, 3), verdict(v, 0.95, below=False)))
    if ingest := result.get("ingest"):
        r = ingest["result"]
        v = r.get("ratio_median", r["runs"][-1]["ratio"])
        rows.append(
            (
                "ingest embedding ≥ 90% of the model's own (median of paired runs)",
                f"{v:.1%} (best/best {r.get('ratio_of_best', v):.1%})",
                verdict(v, 0.9, below=False),
            )
        )
    v = query.get("1000000", {}).get("result", {}).get("serving", {}).get("peak_rss_mb")
    rows.append(("peak RSS ≤ 6 GB serving 1M chunks", f"{_f(v)} MB", verdict(v, TARGETS["rss_1m_mb"])))
    lines = ["### Targets", "", "| target | measured | verdict |", "|---|---:|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return [*lines, ""]


def plot(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    query = result.get("query", {})
    sizes = sorted(query, key=int)
    if not sizes:
        return
    x = [int(s) for s in sizes]
    fig, ax = plt.subplots(figsize=(9, 5), dpi=100)
    styles = {"search": ("tab:blue", "o"), "ask": ("tab:orange", "s")}
    for mode, (color, marker) in styles.items():
        for key, line in (("p50", "-"), ("p95", "--")):
            y = [query[s]["result"]["warm"][mode][key] for s in sizes]
            ax.plot(x, y, line, color=color, marker=marker, label=f"{mode} {key} (warm)")
    ax.plot(
        [100_000],
        [TARGETS["p50_100k_ms"]],
        "k_",
        markersize=22,
        mew=2,
        label="targets (p50 ≤ 50, p95 ≤ 100 @100k)",
    )
    ax.plot([100_000], [TARGETS["p95_100k_ms"]], "k_", markersize=22, mew=2)
    ax.plot([1_000_000], [TARGETS["p50_1m_ms"]], "kx", markersize=9, mew=2, label="target p50 ≤ 150 @1M")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("chunks in the store (log)")
    ax.set_ylabel("latency per query, ms (log)")
    load = result.get("query", {}).get(sizes[-1], {}).get("loadavg_at_start")
    ax.set_title(
        f"councilqa query latency, {result['machine']['nproc']}-core CPU, no GPU"
        + (f" (load {load[0]:.2f})" if load else "")
    )
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


# --- main ------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--out", default="bench/out")
    parser.add_argument("--phases", default="parse,ingest,build,query,ann")
    parser.add_argument("--cold-runs", type=int, default=10)
    parser.add_argument("--ann", default="ivf", help="ivf, hnsw or ivf,hnsw; 'none' to skip")
    parser.add_argument("--nlist", type=int, default=4096)
    parser.add_argument(
        "--wait-load", type=float, default=0.0, help="wait until the 1-min load is at most this"
    )
    parser.add_argument("--wait-max", type=int, default=1500)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--plot", default="docs/latency.png")
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",") if s]
    phases = set(args.phases.split(","))
    out = Path(args.out)
    tmp, cache, stores, results = (out / d for d in ("perf-tmp", "perf-cache", "perf-stores", "perf-results"))
    for folder in (tmp, cache, stores, results):
        folder.mkdir(parents=True, exist_ok=True)
    result_path = out / "perf.json"
    result = json.loads(result_path.read_text()) if result_path.exists() else {}
    result["machine"] = machine()
    result["last_command"] = " ".join([Path(sys.executable).name, *sys.argv])
    if args.wait_load:
        result["load_wait"] = wait_for_load(args.wait_load, args.wait_max)

    def record(phase: str, value: dict, watch: CpuWatch, key: str | None = None) -> None:
        entry = {
            "result": value,
            "at": dt.datetime.now().isoformat(timespec="seconds"),
            "loadavg_at_start": watch.start_load,
            "cpu": watch.result(),
        }
        if key is None:
            result[phase] = entry
        else:
            result.setdefault(phase, {})[key] = entry
        result_path.write_text(json.dumps(result, indent=1))

    questions = perf_data.questions(args.queries)
    embedder = None
    if phases & {"ingest", "build"}:
        from index.embedder import SentenceEmbedder

        embedder = SentenceEmbedder()
    if "parse" in phases:
        watch = CpuWatch()
        record("parse", bench_parse(tmp), watch)
    if "ingest" in phases:
        watch = CpuWatch()
        record("ingest", bench_ingest(embedder, tmp), watch)
    if "build" in phases:
        sources = _sources(cache)
        model, info = _vector_model(embedder, sources, cache, perf_data.questions())
        result["vector_model"] = {k: v for k, v in info.items() if k != "lengths"}
        result["vector_model"]["real_chunk_words_mean"] = float(np.mean(info["lengths"]))
        result["vector_model"]["real_chunks_measured"] = len(info["lengths"])
        maker = perf_data.ChunkMaker(sources, info["lengths"])
        result["vector_model"]["source_papers"] = len(sources)
        for size in sizes:
            watch = CpuWatch()
            record(
                "build",
                build_store(
                    size, stores / f"chunks-{size}-{STORE_VERSION}", embedder, maker, model, args.rebuild
                ),
                watch,
                str(size),
            )
    del embedder
    if "query" in phases:
        cutting = units_fingerprint()
        profile_size = 100_000 if 100_000 in sizes else sizes[len(sizes) // 2]
        for size in sizes:
            folder = stores / f"chunks-{size}-{STORE_VERSION}"
            if not (folder / "build.json").exists():
                log(f"no store of {size} chunks; run the build phase first")
                continue
            built = json.loads((folder / "build.json").read_text()).get("units")
            if built != cutting:
                log(
                    f"store of {size} chunks was built by other sentence-cutting code: "
                    "asks will embed the units it lacks (--phases build --rebuild)"
                )
            watch = CpuWatch()
            value = bench_queries(
                size,
                folder,
                questions,
                results,
                args.cold_runs,
                size == profile_size,
                results / f"qvecs-{size}.npy",
            )
            value["questions"] = len(questions)
            value["store_units_current"] = built == cutting
            record("query", value, watch, str(size))
            w = value["warm"]
            log(
                f"query {size}: search p50 {w['search']['p50']:.0f} p95 {w['search']['p95']:.0f} ms, "
                f"ask p50 {w['ask']['p50']:.0f} p95 {w['ask']['p95']:.0f} ms"
            )
    if "ann" in phases and args.ann != "none":
        size = max(sizes)
        folder = stores / f"chunks-{size}-{STORE_VERSION}"
        qvecs = results / f"qvecs-{size}.npy"
        if qvecs.exists():
            watch = CpuWatch()
            log(f"ann at {size}: {args.ann}")
            value = _worker(
                [
                    "ann",
                    "--store",
                    str(folder),
                    "--qvecs",
                    str(qvecs),
                    "--ann",
                    args.ann,
                    "--nlist",
                    str(args.nlist),
                ],
                results / f"ann-{size}.json",
            )
            record("ann", value, watch)
        else:
            log("ann: run the query phase at the largest size first (it writes the question vectors)")
    result["bench_process_peak_rss_mb"] = peak_rss_mb()
    result["questions_used"] = questions
    result_path.write_text(json.dumps(result, indent=1))
    text = tables(result)
    (out / "perf.md").write_text(text + "\n")
    if args.plot and result.get("query"):
        plot(result, ROOT / args.plot)
    print(text)


if __name__ == "__main__":
    main()
