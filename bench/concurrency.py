"""Concurrency benchmark: `ask` latency from 4 threads on an idle store and while another process
ingests 200 papers into it; then 20 CLI `ask` processes at once on one store. Errors are counted."""

# Run from the repo root with the venv:  python bench/concurrency.py [--out bench/out]
# The store holds the five sample papers plus the first 200 Limerick papers' neighbours; the
# ingest under load adds 200 more Limerick papers. Figures are written to OUT/concurrency.json.
# Targets (issue 11): p95 under load <= 2x idle, zero errors. Reported, never asserted.

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
LIMERICK = ROOT.parent / "shared" / "bench" / "limerick-2014-2019"
SAMPLES = ROOT / "samples" / "papers"
THREADS = 4
QUESTIONS = [
    "What is the status of Pledge 48?",
    "Who is the portfolio holder for Pledge 41?",
    "How many children's centres are there?",
    "What was decided about the housing estate in Pallaskenry?",
    "What did the council say about flooding on Plunkett Road?",
    "What is the position on road resurfacing in Newcastle West?",
    "Who chaired the meeting?",
    "What funding was allocated to the library?",
]


def _papers(count: int, skip: int) -> list[Path]:
    files = sorted(LIMERICK.glob("corpus/*/*/*/*.md"))
    return files[skip : skip + count]


def _copy(files: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(files):
        (folder / f"{i:04d}_{path.name}").write_bytes(path.read_bytes())
    return folder


def _latencies(engine, rounds: int) -> tuple[list[float], int]:
    """Each of THREADS threads asks every question `rounds` times; (latencies in ms, errors)."""
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker(offset: int) -> None:
        for _round in range(rounds):
            for q in QUESTIONS[offset:] + QUESTIONS[:offset]:
                start = time.perf_counter()
                try:
                    engine.ask(q)
                except Exception:  # the figure is the count of failures, whatever they are
                    with lock:
                        errors[0] += 1
                    continue
                with lock:
                    times.append((time.perf_counter() - start) * 1000)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


def _summary(times: list[float], errors: int) -> dict[str, float]:
    return {
        "asks": len(times),
        "errors": errors,
        "p50_ms": round(float(np.percentile(times, 50)), 1) if times else None,
        "p95_ms": round(float(np.percentile(times, 95)), 1) if times else None,
    }


def _under_load(engine, store: Path, papers: Path, rounds: int) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    cli = [sys.executable, "-m", "qa.cli", "ingest", str(papers), "--store", str(store), "--quiet"]
    ingest = subprocess.Popen(
        cli, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    lock = store / "writer.lock"
    while ingest.poll() is None and not (lock.exists() and lock.read_text().strip()):
        time.sleep(0.2)  # measure once the writer holds the store
    times, errors = _latencies(engine, rounds)
    still_running = ingest.poll() is None
    out, err = ingest.communicate()
    return {
        **_summary(times, errors),
        "ingest_still_running_at_end": still_running,
        "ingest_rc": ingest.returncode,
        "ingest_summary": out.strip()[-200:],
        "ingest_stderr": err.strip()[-300:],
    }


def _parallel_cli(store: Path, processes: int = 20) -> dict:
    cli = [
        sys.executable,
        "-m",
        "qa.cli",
        "ask",
        "What is the status of Pledge 48?",
        "--store",
        str(store),
        "--json",
    ]
    started = time.perf_counter()
    runs = [
        subprocess.Popen(cli, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(processes)
    ]
    results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in runs]
    failed = [r for r in results if r[0] != 0 or '"status"' not in r[1]]
    return {
        "processes": processes,
        "errors": len(failed),
        "wall_s": round(time.perf_counter() - started, 1),
        "first_error": failed[0][2][-300:] if failed else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench/out")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--papers", type=int, default=200, help="papers stored, and as many ingested")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from index.settings import Settings
    from qa.engine import CouncilQA

    out = Path(args.out)
    work = out / "concurrency"
    if work.exists():
        subprocess.run(["rm", "-rf", str(work)], check=True)
    store = work / "store"
    base = _copy(_papers(args.papers, 0), work / "base")
    engine = CouncilQA(Settings(store=store))
    engine.ingest([str(SAMPLES), str(base)], progress=False)
    idle = _summary(*_latencies(engine, args.rounds))
    more = _copy(_papers(args.papers, args.papers), work / "more")
    loaded = _under_load(engine, store, more, args.rounds)
    report = {
        "idle": idle,
        "under_ingest": loaded,
        "p95_ratio": round(loaded["p95_ms"] / idle["p95_ms"], 2)
        if idle["p95_ms"] and loaded["p95_ms"]
        else None,
        "parallel_cli": _parallel_cli(store),
        "cpus": os.cpu_count(),
        "papers": args.papers,
        "load_average": os.getloadavg(),
    }
    (out / "concurrency.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
