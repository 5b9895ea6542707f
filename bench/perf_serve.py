"""Worker processes for bench/perf.py: a serving process (warm), a fresh process (cold), ANN trials."""

# python bench/perf_serve.py warm --store DIR --questions FILE --result FILE [--profile-question Q]
# python bench/perf_serve.py cold --store DIR --question Q --mode search|ask --result FILE
# python bench/perf_serve.py ann  --store DIR --qvecs FILE --result FILE [--ann ivf,hnsw]
# Each writes one JSON object to --result. Product code is only imported, never changed; stage
# timers wrap module attributes in this process.

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import time
from pathlib import Path

START = time.perf_counter()

import numpy as np  # noqa: E402
import perf_util  # noqa: E402
from perf_util import TimedEmbedder, peak_rss_mb, stage_delta, stage_snapshot, summary_ms  # noqa: E402

_WARMUP = 3


def _engine(store: Path, embedder, threads: int = 1):
    from index.settings import Settings
    from qa.engine import CouncilQA

    return CouncilQA(Settings(store=store, faiss_threads=threads), embedder=embedder)


def _load_model() -> tuple[object, dict[str, float]]:
    # Everything a serving process loads before it can open a store: product modules, torch, the model.
    import index.settings  # noqa: F401
    import qa.engine  # noqa: F401
    from index.embedder import SentenceEmbedder

    imported = time.perf_counter()
    inner = SentenceEmbedder()
    loaded = time.perf_counter()
    inner.embed(["What is the status of Pledge 48?"])  # torch's first call: kernels, allocator, threads
    first = time.perf_counter()
    return inner, {
        "imports_s": imported - START,
        "model_load_s": loaded - imported,
        "model_first_embed_s": first - loaded,
    }


def _blocks(vectors) -> list[tuple[np.ndarray, np.ndarray]]:
    """The stored vectors and their chunk ids as (vectors, ids) views on FAISS's own memory (no copy):
    one block for the exact index, one per inverted list for the IVF one."""
    import faiss

    index = vectors.index
    if not vectors.is_approximate:
        flat = faiss.downcast_index(index.index)
        xb = faiss.rev_swig_ptr(flat.get_xb(), flat.ntotal * flat.d).reshape(flat.ntotal, flat.d)
        return [(xb, faiss.vector_to_array(index.id_map))]
    lists, d, out = index.invlists, index.d, []
    for i in range(index.nlist):
        n = lists.list_size(i)
        if n:
            codes = faiss.rev_swig_ptr(lists.get_codes(i), n * d * 4).view(np.float32).reshape(n, d)
            out.append((codes, faiss.rev_swig_ptr(lists.get_ids(i), n).copy()))
    return out


def exact_top(vectors, qvecs: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Brute-force numpy top-k (ids, scores) of every query over every stored vector, block by block."""
    best_s = np.full((len(qvecs), k), -np.inf, dtype=np.float32)
    best_i = np.full((len(qvecs), k), -1, dtype=np.int64)
    for xb, ids in _blocks(vectors):
        scores = qvecs @ xb.T
        all_s = np.concatenate([best_s, scores], axis=1)
        all_i = np.concatenate([best_i, np.broadcast_to(ids, scores.shape)], axis=1)
        keep = np.argpartition(-all_s, k - 1, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(all_s, keep, 1), np.take_along_axis(all_i, keep, 1)
        order = np.argsort(-best_s, axis=1, kind="stable")
        best_s, best_i = np.take_along_axis(best_s, order, 1), np.take_along_axis(best_i, order, 1)
    return list(zip(best_i, best_s, strict=True))


def warm(args: argparse.Namespace) -> dict:
    questions = json.loads(Path(args.questions).read_text())
    inner, model = _load_model()
    timers = perf_util.install_stage_timers()
    proxy = TimedEmbedder(inner)
    t0 = time.perf_counter()
    engine = _engine(Path(args.store), proxy)
    opened = time.perf_counter()
    engine.search(questions[0])
    first_search = time.perf_counter()
    engine.ask(questions[0])
    first_ask = time.perf_counter()
    rss_open = peak_rss_mb()
    for q in questions[1 : 1 + _WARMUP]:
        engine.search(q)
        engine.ask(q)
    out = {
        "model": model,
        "stage_timers": timers,
        "open_s": opened - t0,
        "first_search_s": first_search - opened,
        "first_ask_after_search_s": first_ask - first_search,
        "chunks": len(engine.store.vectors),
        "rss_after_open_and_first_queries_mb": rss_open,
    }
    # Search and ask alternate, so that any drift in machine load hits both alike; ask takes the
    # question half a list away, so it never reuses the pages that search just read for the same words.
    rows: dict[str, list[dict]] = {"search": [], "ask": []}
    half = len(questions) // 2
    for i in range(len(questions)):
        for mode in ("search", "ask"):
            q = questions[i] if mode == "search" else questions[(i + half) % len(questions)]
            before, calls = stage_snapshot(), len(proxy.calls)
            start = time.perf_counter()
            result = engine.search(q) if mode == "search" else engine.ask(q)
            seconds = time.perf_counter() - start
            embeds = proxy.calls[calls:]
            row = {
                "question": q,
                "s": seconds,
                "stages": stage_delta(before),
                "embed_calls": [n for n, _ in embeds],
            }
            if mode == "ask":
                row["status"] = result.status
            else:
                row["passages"] = len(result)
            rows[mode].append(row)
    for mode, found in rows.items():
        out[mode] = {"summary": summary_ms([r["s"] for r in found]), "queries": found}
    out["peak_rss_mb"] = peak_rss_mb()
    out["questions_answered"] = len(questions)
    out.update(_exactness(engine, questions))
    if args.profile_question:
        out["profile"] = _profile(engine, args.profile_question)
        out["levers"] = {"fts_common_terms_dropped": _fts_lever(engine, questions)}
        out["levers"]["torch_threads"] = _threads_lever(engine, questions)
        out["levers"]["int8_embedder"] = _int8_lever(engine)
    return out


def _fts_lever(engine, questions: list[str]) -> dict:
    """BM25 over every question term against the shipped query (the rarest terms within the postings
    budget): latency, and how much of the all-terms top-40 the shipped one keeps."""
    from index.filters import Filters
    from index.search import frequencies, fts_query, lexical, lexical_terms
    from qa.query import parse

    store, budget = engine.store, engine.settings.lexical_postings
    full_s, shipped_s, overlap, dropped = [], [], [], []
    for q in questions:
        counts = frequencies(store, parse(q).terms)
        kept = lexical_terms(counts, budget)
        start = time.perf_counter()
        full = [cid for cid, _ in lexical(store, fts_query(list(counts)), Filters(), 40)]
        full_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        shipped = [cid for cid, _ in lexical(store, fts_query(kept), Filters(), 40)]
        shipped_s.append(time.perf_counter() - start)
        overlap.append(len(set(full) & set(shipped)) / max(len(full), 1))
        dropped.append(len(counts) - len(kept))
    return {
        "postings_budget": budget,
        "all_terms_ms": summary_ms(full_s),
        "shipped_ms": summary_ms(shipped_s),
        "top40_overlap_mean": float(np.mean(overlap)),
        "terms_dropped_mean": float(np.mean(dropped)),
    }


def _ask_batch(engine) -> list[str]:
    """48 sentences of stored chunks: the size of the batch the ask path embeds."""
    from corpus.sentences import split_sentences

    rows = engine.store.db.execute("SELECT text FROM chunks ORDER BY id LIMIT 200")
    return [
        s
        for row in rows
        for line in row[0].split("\n")
        for s in split_sentences(line)
        if 5 <= len(s.split()) <= 60
    ][:48]


def _threads_lever(engine, questions: list[str]) -> dict:
    """Query embedding and the ask batch with torch on 1 thread against the default (all cores)."""
    import torch

    inner, default = engine.embedder.inner, torch.get_num_threads()
    batch = _ask_batch(engine)
    out = {}
    for threads in (1, default):
        torch.set_num_threads(threads)
        single = []
        for q in questions[:30]:
            start = time.perf_counter()
            inner.embed([q])
            single.append(time.perf_counter() - start)
        batch_s = []
        for _ in range(3):
            start = time.perf_counter()
            inner.embed(batch)
            batch_s.append(time.perf_counter() - start)
        out[str(threads)] = {"query_ms": summary_ms(single), "batch48_ms": summary_ms(batch_s)}
    torch.set_num_threads(default)
    return out


def _int8_lever(engine) -> dict:
    """The ask path's sentence batch (48 sentences) through the shipped fp32 model and through a
    torch dynamic-int8 copy of it: time and cosine agreement. Nothing in the product changes."""
    import copy

    import torch

    inner = engine.embedder.inner
    inner = getattr(inner, "inner", inner)  # the model under the timing proxy
    sentences = _ask_batch(engine)

    def run(model) -> tuple[float, np.ndarray]:
        best, vecs = float("inf"), None
        for _ in range(5):
            start = time.perf_counter()
            vecs = model.encode(sentences, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
            best = min(best, time.perf_counter() - start)
        return best, np.asarray(vecs)

    fp32_s, fp32 = run(inner.model)
    quantized = torch.ao.quantization.quantize_dynamic(
        copy.deepcopy(inner.model), {torch.nn.Linear}, torch.qint8
    )
    int8_s, int8 = run(quantized)
    return {
        "sentences": len(sentences),
        "fp32_ms_best_of_5": fp32_s * 1000,
        "int8_dynamic_ms_best_of_5": int8_s * 1000,
        "speedup": fp32_s / int8_s,
        "cosine_fp32_vs_int8_mean": float((fp32 * int8).sum(axis=1).mean()),
        "cosine_fp32_vs_int8_min": float((fp32 * int8).sum(axis=1).min()),
    }


def _exactness(engine, questions: list[str]) -> dict:
    """FAISS top-10 (exact or IVF, as the store holds it) against brute-force numpy over the same
    vectors, plus raw search timings."""
    import faiss

    from qa.query import parse

    store = engine.store
    qvecs = np.stack([engine.embedder.inner.embed([parse(q).text])[0] for q in questions]).astype(np.float32)
    start = time.perf_counter()
    truth = exact_top(store.vectors, qvecs, 10)
    numpy_ms = 1000 * (time.perf_counter() - start) / len(qvecs)
    strict, tolerant, faiss_s = [], [], []
    for q, (ids, scores) in zip(qvecs, truth, strict=True):
        start = time.perf_counter()
        found = store.vectors.search(q, 10)
        faiss_s.append(time.perf_counter() - start)
        exact, tenth = set(ids.tolist()), float(scores[-1])
        strict.append(len(exact & {cid for cid, _ in found}) / 10)
        tolerant.append(sum(cid in exact or s >= tenth - 1e-5 for cid, s in found) / 10)
    threads = {}
    for n in (1, 2):
        faiss.omp_set_num_threads(n)
        times = []
        for q in qvecs:
            start = time.perf_counter()
            store.vectors.index.search(q.reshape(1, -1), 40)
            times.append(time.perf_counter() - start)
        threads[str(n)] = summary_ms(times)
    faiss.omp_set_num_threads(engine.settings.faiss_threads)
    if os.environ.get("PERF_QVECS"):
        np.save(os.environ["PERF_QVECS"], qvecs)
    return {
        "recall_at_10_vs_numpy": float(np.mean(strict)),
        "recall_at_10_vs_numpy_ties_allowed": float(np.mean(tolerant)),
        "faiss_top10_ms": summary_ms(faiss_s),
        "numpy_bruteforce_top10_ms_mean": numpy_ms,
        "approximate": store.vectors.is_approximate,
        "nprobe": store.vectors.nprobe if store.vectors.is_approximate else None,
        "faiss_top40_ms_by_omp_threads": threads,
    }


def _profile(engine, question: str) -> dict:
    engine.ask(question)  # warm for this very question
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    answer = engine.ask(question)
    profiler.disable()
    seconds = time.perf_counter() - start
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("cumulative").print_stats(35)
    by_cum = stream.getvalue()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(20)
    return {
        "question": question,
        "status": answer.status,
        "seconds_under_profiler": seconds,
        "cumulative": by_cum,
        "tottime": stream.getvalue(),
    }


def cold(args: argparse.Namespace) -> dict:
    inner, model = _load_model()
    start = time.perf_counter()
    engine = _engine(Path(args.store), inner)
    opened = time.perf_counter()
    if args.mode == "search":
        engine.search(args.question)
    else:
        engine.ask(args.question)
    done = time.perf_counter()
    return {
        "model": model,
        "mode": args.mode,
        "question": args.question,
        "open_s": opened - start,
        "first_query_s": done - opened,
        "cold_s": done - start,
        "peak_rss_mb": peak_rss_mb(),
    }


def ann(args: argparse.Namespace) -> dict:
    """The store's own FAISS index (IVF past Settings.approximate_from) at several nprobe values:
    recall@10 against brute-force numpy over the same vectors, and single-thread latency."""
    import faiss

    from index.vectors import VectorIndex

    store = Path(args.store)
    path = max(store.glob("vectors.*.faiss"), key=lambda p: int(p.name.split(".")[1]))
    start = time.perf_counter()
    vectors = VectorIndex.load(path, 1)
    out: dict = {"n": len(vectors), "load_s": time.perf_counter() - start, "trials": []}
    if not vectors.is_approximate:
        out["note"] = "exact index: nothing to trade"
        return out
    qvecs = np.load(args.qvecs).astype(np.float32)
    truth = [set(ids.tolist()) for ids, _ in exact_top(vectors, qvecs, 10)]
    faiss.omp_set_num_threads(1)
    out["nlist"] = vectors.index.nlist
    for nprobe in (8, 16, 32, 64, 128, 256):
        vectors.nprobe = nprobe
        times, recall = [], []
        for q, exact in zip(qvecs, truth, strict=True):
            t = time.perf_counter()
            found = vectors.search(q, 10)
            times.append(time.perf_counter() - t)
            recall.append(len(exact & {cid for cid, _ in found}) / 10)
        row = {"nprobe": nprobe, "recall_at_10": float(np.mean(recall)), "latency_ms": summary_ms(times)}
        out["trials"].append(row)
        print(json.dumps(row), flush=True)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=["warm", "cold", "ann"])
    parser.add_argument("--store", required=True)
    parser.add_argument("--result", required=True)
    parser.add_argument("--questions")
    parser.add_argument("--question")
    parser.add_argument("--mode", choices=["search", "ask"], default="search")
    parser.add_argument("--profile-question")
    parser.add_argument("--qvecs")
    parser.add_argument("--ann", default="ivf")
    parser.add_argument("--nlist", type=int, default=4096)
    args = parser.parse_args()
    result = {"warm": warm, "cold": cold, "ann": ann}[args.kind](args)
    Path(args.result).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
