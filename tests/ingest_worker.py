"""A separate process that ingests with the fake embedder: the crash and concurrency tests run it."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import FakeEmbedder  # noqa: E402

from index.settings import Settings  # noqa: E402
from qa.engine import CouncilQA  # noqa: E402


def main(argv: list[str]) -> int:
    """ingest_worker.py STORE COMMIT_CHUNKS [--prune] PATH...: prints the ingest summary."""
    store, commit, *rest = argv
    prune = "--prune" in rest
    paths = [p for p in rest if p != "--prune"]
    settings = replace(Settings(store=Path(store)), commit_chunks=int(commit))
    engine = CouncilQA(settings, embedder=FakeEmbedder())
    print(engine.ingest(paths, prune=prune, progress=False).summary())
    engine.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
