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


def _xb(vectors) -> tuple[np.ndarray, np.ndarray]:
    """The stored vectors and their chunk ids, as views on FAISS's own memory (no copy)."""
    import faiss

    idmap = vectors.index
    flat = faiss.downcast_index(idmap.index)
    n, d = flat.ntotal, flat.d
    xb = faiss.rev_swig_ptr(flat.get_xb(), n * d).reshape(n, d)
    ids = faiss.vector_to_array(idmap.id_map)
    return xb, ids


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


def _fts_lever(engine, questions: list[str], share: float = 0.05) -> dict:
    """BM25 over all question terms (as shipped) against the same query without terms held by more
    than `share` of the chunks: latency, and how much of the shipped top-40 the cheaper one keeps."""
    from index.filters import Filters
    from index.search import chunk_count, document_frequency, fts_query, lexical
    from qa.query import parse

    store, total = engine.store, chunk_count(engine.store)
    full_s, pruned_s, overlap, dropped = [], [], [], []
    for q in questions:
        terms = parse(q).terms
        kept = [t for t in terms if document_frequency(store, t) <= share * total] or list(terms[:1])
        start = time.perf_counter()
        full = [cid for cid, _ in lexical(store, fts_query(terms), Filters(), 40)]
        full_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        pruned = [cid for cid, _ in lexical(store, fts_query(kept), Filters(), 40)]
        pruned_s.append(time.perf_counter() - start)
        overlap.append(len(set(full) & set(pruned)) / max(len(full), 1))
        dropped.append(len(terms) - len(kept))
    return {
        "share": share,
        "full_ms": summary_ms(full_s),
        "pruned_ms": summary_ms(pruned_s),
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
    """FAISS top-10 against brute-force numpy over the same vectors, plus raw search timings."""
    import faiss

    from qa.query import parse

    store = engine.store
    xb, ids = _xb(store.vectors)
    qvecs = np.stack([engine.embedder.inner.embed([parse(q).text])[0] for q in questions]).astype(np.float32)
    strict, tolerant, numpy_s, faiss_s = [], [], [], []
    for q in qvecs:
        start = time.perf_counter()
        found = store.vectors.search(q, 10)
        faiss_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        scores = xb @ q
        top = np.argpartition(-scores, 10)[:10]
        top = top[np.argsort(-scores[top])]
        numpy_s.append(time.perf_counter() - start)
        exact = {int(ids[i]) for i in top}
        tenth = float(scores[top[-1]])
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
        "numpy_bruteforce_top10_ms": summary_ms(numpy_s),
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
    """Approximate indexes beside the exact one, on the same vectors: recall@10 and latency."""
    import faiss

    from index.vectors import VectorIndex

    store = Path(args.store)
    path = max(store.glob("vectors.*.faiss"), key=lambda p: int(p.name.split(".")[1]))
    start = time.perf_counter()
    vectors = VectorIndex.load(path, 1)
    load_s = time.perf_counter() - start
    xb, _ = _xb(vectors)
    n, d = xb.shape
    qvecs = np.load(args.qvecs).astype(np.float32)
    k = 10
    faiss.omp_set_num_threads(1)
    flat = faiss.downcast_index(vectors.index.index)
    exact, exact_times = [], []
    for q in qvecs:
        t = time.perf_counter()
        _, found = flat.search(q.reshape(1, -1), k)
        exact_times.append(time.perf_counter() - t)
        exact.append(set(found[0].tolist()))
    out: dict = {
        "n": n,
        "flat_load_s": load_s,
        "exact_flat_1thread_ms": summary_ms(exact_times),
        "trials": [],
    }

    def trial(name: str, index, knob: str, values: list[int], set_knob, build_s: float) -> None:
        for value in values:
            set_knob(value)
            times, recall = [], []
            for q, truth in zip(qvecs, exact, strict=True):
                t = time.perf_counter()
                _, found = index.search(q.reshape(1, -1), k)
                times.append(time.perf_counter() - t)
                recall.append(len(truth & set(found[0].tolist())) / k)
            row = {
                "index": name,
                knob: value,
                "build_s": round(build_s, 1),
                "recall_at_10": float(np.mean(recall)),
                "latency_ms": summary_ms(times),
            }
            out["trials"].append(row)
            print(json.dumps(row), flush=True)

    faiss.omp_set_num_threads(2)  # building uses both cores; searching is timed on one thread
    rng = np.random.default_rng(7)
    kinds = args.ann.split(",")
    if "ivf" in kinds:
        nlist = args.nlist
        train = xb[np.sort(rng.choice(n, size=min(n, 64 * nlist), replace=False))]
        t = time.perf_counter()
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
        index.cp.niter = 10
        index.train(train)
        index.add(xb)
        build_s = time.perf_counter() - t
        faiss.omp_set_num_threads(1)
        ivf = faiss.extract_index_ivf(index)
        trial(
            f"IVF{nlist},Flat",
            index,
            "nprobe",
            [8, 16, 32, 64, 128, 256],
            lambda v: setattr(ivf, "nprobe", v),
            build_s,
        )
        out["ivf_rss_mb"] = peak_rss_mb()
        del index
        faiss.omp_set_num_threads(2)
    if "hnsw" in kinds:
        t = time.perf_counter()
        index = faiss.IndexHNSWFlat(d, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 40
        index.add(xb)
        build_s = time.perf_counter() - t
        faiss.omp_set_num_threads(1)
        hnsw = index.hnsw
        trial(
            "HNSW32,Flat",
            index,
            "efSearch",
            [16, 32, 64, 128, 256],
            lambda v: setattr(hnsw, "efSearch", v),
            build_s,
        )
        out["hnsw_rss_mb"] = peak_rss_mb()
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
