"""`ask` latency of one checkout's code over bench/perf.py's questions and store, to compare versions."""

# Run one process per version, interleaved, on a quiet machine (see docs/BENCHMARKS.md):
#   PYTHONSAFEPATH=1 python bench/asklatency.py --code /path/to/checkout [--store DIR] [--warm 10]
# The store and questions are those bench/perf.py cached (--phases build,query at 100000 chunks).

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--code", default=str(ROOT), help="checkout whose qa/ and index/ are timed")
    parser.add_argument("--store", default=str(OUT / "perf-stores" / "chunks-100000-v2"))
    parser.add_argument("--questions", default=str(OUT / "perf-results" / "questions.json"))
    parser.add_argument("--warm", type=int, default=10, help="questions asked first, untimed")
    args = parser.parse_args()
    sys.path.insert(0, args.code)
    import qa
    from index.embedder import SentenceEmbedder
    from index.settings import Settings
    from qa.engine import CouncilQA

    questions = json.loads(Path(args.questions).read_text())
    engine = CouncilQA(Settings(store=Path(args.store), faiss_threads=1), embedder=SentenceEmbedder())
    for question in questions[: args.warm]:
        engine.ask(question)
    times = []
    for question in questions:
        start = time.perf_counter()
        engine.ask(question)
        times.append((time.perf_counter() - start) * 1000)
    p50, p95 = np.percentile(times, 50), np.percentile(times, 95)
    print(f"{Path(qa.__file__).parent.parent}: ask p50 {p50:.1f} p95 {p95:.1f} mean {np.mean(times):.1f} ms")


if __name__ == "__main__":
    main()
