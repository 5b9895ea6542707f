"""Evaluates the answer stage on several gold sets in one process (one model load per store).

Usage: python bench/reader_eval.py [--json OUT] [--only NAME ...]
Stores are built with `councilqa ingest` beforehand (make eval / eval-dev / eval-realpdf); a missing store is
ingested here once.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this checkout's code, not whatever the virtual environment's editable install points at: a worktree of
# another version measures that version
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from index.embedder import SentenceEmbedder  # noqa: E402
from index.settings import Settings  # noqa: E402
from qa.engine import CouncilQA  # noqa: E402
from qa.evaluate import evaluate  # noqa: E402
from qa.goldsets import load_gold  # noqa: E402

SETS = {  # name -> (store, papers, gold)
    "gold": (".councilqa", "samples/papers", "eval/gold.jsonl"),
    "heldout": (".councilqa", "samples/papers", "eval/heldout.jsonl"),
    "lists": (".councilqa", "samples/papers", "eval/lists.jsonl"),
    "counts": (".councilqa", "samples/papers", "eval/counts.jsonl"),
    "shares": (".councilqa", "samples/papers", "eval/shares.jsonl"),
    "timed": (".councilqa", "samples/papers", "eval/timed.jsonl"),
    "timed2": (".councilqa", "samples/papers", "eval/timed2.jsonl"),
    "figures": (".councilqa", "samples/papers", "eval/figures.jsonl"),
    "planned": (".councilqa", "samples/papers", "eval/planned.jsonl"),
    "done": (".councilqa", "samples/papers", "eval/done.jsonl"),
    "requests": (".councilqa", "samples/papers", "eval/requests.jsonl"),
    "newcomers": (".councilqa", "samples/papers", "eval/newcomers.jsonl"),
    "pdfcounts": (".councilqa-realpdf", "../shared/realpdf-dev/pdfs", "eval/counts-realpdf.jsonl"),
    "pdfposts": (".councilqa-realpdf", "../shared/realpdf-dev/pdfs", "eval/posts-realpdf.jsonl"),
    "pdfroles": (".councilqa-realpdf", "../shared/realpdf-dev/pdfs", "eval/roles-realpdf.jsonl"),
    "pdfmeasures": (".councilqa-realpdf", "../shared/realpdf-dev/pdfs", "eval/measures-realpdf.jsonl"),
    "dev": (
        ".councilqa",
        "samples/papers",
        "../shared/eval/dev.jsonl",
    ),  # ../shared/corpus holds the same files
    "realpdf": (".councilqa-realpdf", "../shared/realpdf-dev/pdfs", "../shared/realpdf-dev/gold.jsonl"),
    "pdfnewcomers": (".councilqa-realpdf", "../shared/realpdf-dev/pdfs", "eval/realpdf-newcomers.jsonl"),
    "numbers": (".councilqa", "samples/papers", "eval/numbers.jsonl"),
    "pdfnumbers": (".councilqa-realpdf", "../shared/realpdf-dev/pdfs", "eval/numbers-realpdf.jsonl"),
}
# realpdf-dev questions set aside before any tuning: every third line from the first (1-based 1, 4, 7, …,
# 49: 17 questions). bench/train_reader.py never reads them; `--only realpdf-heldapart` measures them.
HELD_APART_EVERY = 3


# Newcomers' rows of the last passes (rounds 44-57 and 60-73; 3-4 December 2026): a refit of the reader's
# weights reads only the earlier rows (`newcomers-early`, `pdfnewcomers-early`) and is measured on these
# (`newcomers-recent`, `pdfnewcomers-recent`).
RECENT_ROUNDS = (
    # sample papers
    *("t-", "u-", "c-", "j-", "o-", "y-", "r-", "n60-", "n62-", "n64-", "n66-", "n68-", "n70-", "n72-"),
    *("n74-", "n76-", "n78-", "n80-", "n82-", "n84-", "n86-", "n88-", "n90-", "n92-", "n94-", "n96-"),
    "n98-",
    "n102-",
    "n106-",
    "n108-",
    "n110-",
    "n112-",
    "n114-",
    "n116-",
    "n118-",
    "n120-",
    "n122-",
    "n124-",
    "n126-",
    # real PDFs
    *("r58-", "r59-", "r60-", "r61-", "r62-", "r63-", "r64-", "r66-", "r67-", "r68-", "r69-", "r70-"),
    *("r71-", "r72-", "r75-", "r77-", "r79-", "r81-", "r83-", "r85-", "r87-", "r89-", "r91-", "r93-"),
    *("r95-", "r97-", "r99-", "r103-", "r107-", "r109-", "r111-", "r113-", "r115-", "r117-"),
    "r119-",
    "r121-",
    "r123-",
    "r125-",
    "r127-",
)


def split(name: str, gold: list) -> list:
    """The whole set; realpdf-dev's tuning part or held-apart part; newcomers' early or recent rounds."""
    if name.endswith("-tune"):
        return [g for i, g in enumerate(gold) if i % HELD_APART_EVERY != 0]
    if name.endswith("-heldapart"):
        return [g for i, g in enumerate(gold) if i % HELD_APART_EVERY == 0]
    if name.endswith(("-early", "-recent")):
        recent = name.endswith("-recent")
        return [g for g in gold if g.id.startswith(RECENT_ROUNDS) == recent]
    return gold


def _engine(store: str, papers: str, embedder: SentenceEmbedder) -> CouncilQA:
    engine = CouncilQA(Settings.from_env(store=ROOT / store), embedder)
    if engine.stats().documents == 0:
        engine.ingest([ROOT / papers], progress=False)
    return engine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", default=list(SETS))
    parser.add_argument("--json")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    embedder = SentenceEmbedder(Settings.from_env().model_path, 32)
    engines: dict[str, CouncilQA] = {}
    out = {}
    for name in args.only:
        store, papers, gold_path = SETS[name.split("-")[0]]
        engine = engines.get(store) or engines.setdefault(store, _engine(store, papers, embedder))
        scores, summary = evaluate(split(name, load_gold(ROOT / gold_path)), engine.ask)
        out[name] = {"summary": asdict(summary), "scores": [asdict(s) for s in scores]}
        print(
            f"{name}: answerable {summary.answer_accuracy:.3f} of {summary.answerable} "
            f"(lede {summary.answer_accuracy_lede:.3f}), abstained {summary.abstention:.3f} "
            f"of {summary.unanswerable}, hit@k {summary.hit_at_k:.3f}"
        )
        for b in summary.by_answer_type:
            print(f"    {b.name:14s} {b.accuracy:.2f} ({b.questions})")
        if args.verbose:
            for s in scores:
                mark = "ok " if s.right else "XX "
                print(f"  {mark}{s.id} [{s.kind}] {s.question[:70]} -> {s.answer_head[:90]}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
