"""Small helpers for bench/perf.py: a timing embedder proxy, stage timers, percentiles, load and RSS."""

from __future__ import annotations

import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


class TimedEmbedder:
    """Wraps an embedder and records every embed call (texts, seconds) without changing results."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.max_tokens = inner.max_tokens
        self.calls: list[tuple[int, float]] = []
        self.texts: list[str] = []
        self.keep_texts = False
        self.token_calls = 0
        self.token_seconds = 0.0

    def count_tokens(self, text: str) -> int:
        start = time.perf_counter()
        try:
            return self.inner.count_tokens(text)
        finally:
            self.token_calls += 1
            self.token_seconds += time.perf_counter() - start

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        start = time.perf_counter()
        vectors = self.inner.embed(texts)
        seconds = time.perf_counter() - start
        self.calls.append((len(texts), seconds))
        if self.keep_texts:
            self.texts.extend(texts)
        STAGES["embed_query" if len(texts) == 1 else "embed_units"] += seconds
        return vectors

    @property
    def seconds(self) -> float:
        return sum(s for _, s in self.calls)

    @property
    def count(self) -> int:
        return sum(n for n, _ in self.calls)

    def reset(self) -> None:
        self.calls.clear()
        self.texts.clear()
        self.token_calls, self.token_seconds = 0, 0.0


# Inclusive seconds per named function since the process started; per-query deltas are taken by callers.
STAGES: dict[str, float] = defaultdict(float)


def timed(name: str, fn: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            STAGES[name] += time.perf_counter() - start

    wrapper.__wrapped__ = fn
    return wrapper


# (module, attribute path, stage name). The product is refactored while this runs, so each target is
# looked up where it is defined and replaced in every qa.* / index.* module that imported it; a
# target that no longer exists is skipped and reported.
TIMED_TARGETS = (
    ("qa.query", "parse", "parse_question"),
    ("qa.retriever", "Retriever.retrieve", "retrieve"),
    ("index.search", "lexical", "fts_bm25"),
    ("index.search", "dense", "faiss_dense"),
    ("index.search", "allowed_ids", "filter_ids"),
    ("index.search", "document_frequency", "fts_doc_freq"),
    ("index.search", "chunk_count", "count_chunks"),
    ("index.store", "Store.passages", "passages_sql"),
    ("index.store", "Store.refresh", "store_refresh"),
    ("qa.retriever", "Retriever._identifier_hits", "identifier_scan"),
    ("qa.retriever", "Retriever._similarities", "similarities"),
    ("qa.relevance", "term_weights", "term_weights"),
    ("qa.relevance", "unseen_terms", "unseen_terms"),
    ("qa.statements", "statements", "statements"),
    ("qa.facts", "score_units", "score_units"),
    ("qa.composer", "Composer._score_units", "score_units"),
    ("qa.composer", "Composer.compose", "compose"),
    ("qa.reader", "Reader.table", "reader_table"),
    ("index.sentencevectors", "SentenceVectors.lookup", "sentence_lookup"),
)


def install_stage_timers() -> dict[str, list[str]]:
    """Time the query path's stages by wrapping functions in this process only (no file edits)."""
    import importlib

    import qa.engine  # noqa: F401  (loads every module of the query path)

    installed, missing = [], []
    for module_name, path, stage in TIMED_TARGETS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            missing.append(f"{module_name}.{path}")
            continue
        owner_name, _, attr = path.rpartition(".")
        owner = getattr(module, owner_name, None) if owner_name else module
        original = getattr(owner, attr, None) if owner is not None else None
        if original is None:
            missing.append(f"{module_name}.{path}")
            continue
        wrapper = timed(stage, original)
        if owner_name:  # a method: replace it on its class
            setattr(owner, attr, wrapper)
        else:  # a function: replace every imported reference to it
            for name, loaded in list(sys.modules.items()):
                if (name.startswith(("qa.", "index.")) or name in ("qa", "index")) and getattr(
                    loaded, attr, None
                ) is original:
                    setattr(loaded, attr, wrapper)
        installed.append(f"{module_name}.{path}")
    return {"installed": installed, "missing": missing}


def stage_snapshot() -> dict[str, float]:
    return dict(STAGES)


def stage_delta(before: dict[str, float]) -> dict[str, float]:
    return {k: v - before.get(k, 0.0) for k, v in STAGES.items() if v - before.get(k, 0.0) > 0}


def pct(values: Sequence[float], q: float) -> float | None:
    """Percentile with linear interpolation (numpy's default); None for no values."""
    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else None


def summary_ms(seconds: Sequence[float]) -> dict[str, float | int | None]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50": pct(ms, 50),
        "p95": pct(ms, 95),
        "mean": float(np.mean(ms)) if ms else None,
        "max": max(ms) if ms else None,
    }


def loadavg() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _busy_seconds() -> float:
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class CpuWatch:
    """How busy the machine was during a phase, and how much of that was other people's processes."""

    def __init__(self) -> None:
        self.start_load = loadavg()
        self.wall = time.perf_counter()
        self.busy = _busy_seconds()
        self.own = _own_seconds()

    def result(self) -> dict[str, object]:
        wall = max(time.perf_counter() - self.wall, 1e-9)
        busy = _busy_seconds() - self.busy
        own = _own_seconds() - self.own
        return {
            "loadavg_start": self.start_load,
            "loadavg_end": loadavg(),
            "busy_cores": round(busy / wall, 2),
            "own_cores": round(own / wall, 2),
            # Children still running are not yet in os.times(), so this is an upper bound while they run.
            "other_cores": round(max(busy - own, 0.0) / wall, 2),
            "wall_s": round(wall, 2),
        }
