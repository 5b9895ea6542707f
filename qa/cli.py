"""The `councilqa` command: a thin layer over the library; errors are one line, never a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.access import ACCESS_LEVELS, RESTRICTED
from corpus.doctype import DOC_TYPES
from corpus.errors import CouncilQAError, shown
from corpus.text import short_message
from index.filters import Filters
from index.settings import STORE_DB, Settings
from index.stats import read_stats
from qa.answer import Answer, format_date
from qa.evaluate import evaluate
from qa.followup import load_history
from qa.goldsets import GoldFormatError, load_gold
from qa.pagecli import PAGE_COMMANDS, add_page_commands, run_page_command
from qa.recordcli import RECORD_COMMANDS, add_record_commands, run_record_command
from qa.scorecard import render, to_json
from qa.searched import outside_filters, scope, scope_line
from qa.server import app_path, run_until_stopped, streamlit_command

if TYPE_CHECKING:
    from qa.engine import CouncilQA


def __getattr__(name: str) -> object:
    """`qa.cli.CouncilQA`, imported on first use (PEP 562), so stats, --help and argument errors start
    without FAISS and the retrieval modules; tests replace it with an engine on a fake model."""
    if name == "CouncilQA":
        from qa.engine import CouncilQA

        return CouncilQA
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _date(text: str, end: bool = False) -> dt.date:
    """'2019' / '2019-09' / '2019-09-11'; a bare year or month reaches its last day for --to."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        return (
            (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            if end
            else first
        )
    return dt.date(*parts)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", help="store folder (default: $COUNCILQA_HOME or ./.councilqa)")
    parser.add_argument("--model", help="a local sentence-transformers folder (default: the packaged model)")


def _filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--from", dest="date_from", help="papers dated on or after YYYY[-MM[-DD]]")
    group.add_argument("--to", dest="date_to", help="papers dated on or before YYYY[-MM[-DD]]")
    group.add_argument("--council", help="council name contains this, e.g. Plymouth")
    group.add_argument("--body", help="committee or meeting body contains this, e.g. Cabinet")
    group.add_argument("--type", dest="doc_type", choices=DOC_TYPES, help="document type")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="councilqa", description="Ask council papers; get cited answers.")
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser(
        "ingest",
        help="add, update (and with --prune, drop) papers in the store",
        description="Add, update (and with --prune, drop) papers in the store. A file that cannot be read "
        "is named on stderr with the reason and the rest are still stored; the exit status is then 1 "
        "(0 when every file was stored, unchanged or skipped on purpose).",
    )
    ingest.add_argument("paths", nargs="+", help="files or folders (searched recursively)")
    ingest.add_argument("--prune", action="store_true", help="drop stored files under PATHS that are gone")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument(
        "--follow-links", action="store_true", help="follow links to folders, and to files outside PATHS"
    )
    ingest.add_argument(
        "--access",
        choices=ACCESS_LEVELS,
        help="store these papers as restricted (or as public), whatever their own markings say",
    )
    ask = sub.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument(
        "--questions", help="a file of questions: one per line, or JSONL with a 'question' field"
    )
    ask.add_argument(
        "--history",
        help="earlier turns of the conversation, oldest first, so a follow-up such as 'Who leads it?' is read"
        " against them: what `ask --json` printed (JSON objects with 'question' and 'read_as'), or one"
        " question a line",
    )
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--top-k", type=int, default=None, help="citations to return (default 5)")
    search = sub.add_parser("search", help="ranked passages for a query")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true")
    stats = sub.add_parser("stats", help="documents, chunks, date range, councils and failures")
    stats.add_argument("--json", action="store_true")
    serve = sub.add_parser(
        "serve", help="serve the chat page (Streamlit) on the store and print its URL; no browser is opened"
    )
    serve.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: this machine only)"
    )
    add_page_commands(sub, serve, _common)
    evaluate = sub.add_parser("eval", help="score answers against a gold JSONL file")
    evaluate.add_argument(
        "gold",
        help="JSONL, either format per line: {question, type, evidence: [{doc, contains}], answer_any} or "
        "{question, type, doc, page, evidence: phrase|null, answer_any, answer_type}",
    )
    evaluate.add_argument("--k", type=int, default=5, help="citations that count (default 5)")
    evaluate.add_argument("--json", action="store_true", help="print the totals and every question as JSON")
    add_record_commands(sub, _common, _date)
    for command in (ingest, ask, search, stats, serve, evaluate):
        _common(command)
    for command in (ask, search, stats, evaluate):
        command.add_argument(
            "--access",
            choices=ACCESS_LEVELS,
            default="public",
            help="'restricted' also reads exempt, confidential and closed-session papers (default public)",
        )
    for command in (ask, search):
        _filters(command)
    return parser


def _filters_of(args: argparse.Namespace) -> Filters:
    try:
        return Filters(
            date_from=_date(args.date_from) if args.date_from else None,
            date_to=_date(args.date_to, end=True) if args.date_to else None,
            council=args.council,
            body=args.body,
            doc_type=args.doc_type,
            restricted=args.access == RESTRICTED,
        )
    except ValueError as exc:
        raise SystemExit(f"councilqa: error: bad date in --from/--to ({exc})") from exc


def _print_answer(answer: Answer) -> None:
    if answer.read_as:
        print(f"Read as: {answer.read_as}\n")
    print(answer.text)
    if answer.citations:
        print("\nSources:")
    for c in answer.citations:
        page = c.pages_text + (", read by OCR" if c.ocr else "")
        title = shown(c.title or Path(c.source).name)
        print(f"  [{c.n}] {title} — {format_date(c.date, c.date_precision)} — {page}")
        print(f"       {shown(c.source)}")


def read_questions(path: str) -> list[str]:
    """Questions from a file: JSON lines with a 'question' field, or plain lines. Raises SystemExit
    with one line naming the file when it cannot be read."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SystemExit(f"councilqa: error: {path}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"councilqa: error: {path}: cannot read ({short_message(exc)})") from exc
    questions = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            questions.append(str(json.loads(line)["question"]))
        else:
            questions.append(line)
    return questions


def _ask(engine: CouncilQA, args: argparse.Namespace) -> int:
    filters = _filters_of(args)
    try:
        history = load_history(args.history) if args.history else []
    except ValueError as exc:
        raise SystemExit(f"councilqa: error: {exc}") from exc
    if args.questions:
        for question in read_questions(args.questions):
            answer = engine.ask(question, filters, args.top_k, history)
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        return 0
    if not (args.question or "").strip():
        raise SystemExit("councilqa: error: the question is empty: give a QUESTION or --questions FILE")
    answer = engine.ask(args.question, filters, args.top_k, history)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    _print_answer(answer)
    if filters:  # as the chat page does: what was searched, and a decline the filters alone caused
        print(f"\n{scope_line(scope(engine.store.db, filters))}")
        if hint := outside_filters(
            engine.store.db, lambda q, f: engine.ask(q, f, args.top_k), answer, filters
        ):
            print(hint)
    return 0


def _search(engine: CouncilQA, args: argparse.Namespace) -> int:
    passages = engine.search(args.query, _filters_of(args), args.limit)
    for rank, p in enumerate(passages, 1):
        if args.json:
            record = {
                "rank": rank,
                "source": p.source,
                "title": p.title,
                "page": p.page,
                "score": p.score,
                "date": p.date.isoformat() if p.date else None,
                "heading": p.heading,
                "text": p.text,
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            title = shown(p.title or Path(p.source).name)
            print(
                f"{rank:>2}. {title} — {format_date(p.date, p.date_precision)}"
                f" — p. {p.page if p.page is not None else '?'}  ({shown(p.source)})"
            )
            print("    " + " ".join(p.text.split())[:300])
    return 0


def _stats(settings: Settings, args: argparse.Namespace) -> int:
    """Read from the store alone: no model loads, so it answers at once."""
    s = read_stats(settings.store, restricted=args.access == RESTRICTED)
    if args.json:
        print(
            json.dumps(
                {
                    "documents": s.documents,
                    "chunks": s.chunks,
                    "first_date": s.first_date,
                    "last_date": s.last_date,
                    "councils": list(s.councils),
                    "doc_types": dict(s.doc_types),
                    "failures": dict(s.failures),
                    "unread_pages": dict(s.unread_pages),
                },
                indent=2,
            )
        )
        return 0
    print(f"documents: {s.documents}\nchunks:    {s.chunks}")
    print(f"dates:     {s.first_date or '-'} to {s.last_date or '-'}")
    print(f"councils:  {', '.join(s.councils) or '-'}")
    print(f"types:     {', '.join(f'{t} {n}' for t, n in s.doc_types) or '-'}")
    print(f"failures:  {len(s.failures)}")
    for source, reason in s.failures:
        print(f"  {shown(source)}: {shown(reason)}")
    for source, pages in s.unread_pages:
        print(f"  {shown(source)}: no text on page(s) {pages}, even after OCR")
    return 0


def _eval(engine: CouncilQA, args: argparse.Namespace) -> int:
    try:
        gold = load_gold(args.gold)
    except GoldFormatError as exc:
        print(f"councilqa: error: {exc}", file=sys.stderr)
        return 1
    granted = Filters(restricted=args.access == RESTRICTED)
    scores, summary = evaluate(gold, lambda q: engine.ask(q, granted, top_k=args.k), args.k)
    print(to_json(scores, summary) if args.json else render(scores, summary))
    return 0


def _ingest(engine: CouncilQA, args: argparse.Namespace) -> int:
    """Each failed file as it fails, then each one passed over, on stderr as '<escaped path>: <reason>';
    exit status 1 when any file failed (the others are stored all the same)."""
    report = engine.ingest(
        args.paths,
        args.prune,
        progress=not args.quiet,
        on_error=lambda line: print(line, file=sys.stderr, flush=True),
        follow_links=args.follow_links,
        access=args.access,
    )
    for line in report.notes():
        print(line, file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0  # the rest is stored; a script still learns that some was not


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    """The chat page on ADDR:PORT until Ctrl-C or SIGTERM, which stop Streamlit too."""
    access = args.access if args.access != "public" else None
    return run_until_stopped(
        streamlit_command(app_path(), args.host, args.port, settings.store, settings.model_path, access)
    )


# Commands that only read a store: one that is not there is a mistyped path, not an empty store to make.
_READERS = frozenset({"ask", "search", "eval", "stats", *RECORD_COMMANDS})


def _no_store(store: Path) -> str:
    """Why `store` holds no store ('' when it does)."""
    if store.exists() and not store.is_dir():
        return "not a folder"
    if not (store / STORE_DB).exists():
        return "no store here: ingest papers into it first (councilqa ingest PATH --store FOLDER)"
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env(store=args.store, model_path=args.model)
    if args.command == "serve":
        return _serve(settings, args)
    if args.command in _READERS and (missing := _no_store(settings.store)):
        print(f"councilqa: error: {settings.store}: {missing}", file=sys.stderr)
        return 1
    if args.command in {"ask", "search"} and not getattr(args, "questions", None):
        # one question a process: ONNX Runtime's load (~0.3 s, ~100 MB) outweighs its ~10 ms a question
        settings = replace(settings, onnx_cache=None)
    try:
        if args.command in RECORD_COMMANDS:  # records are read from SQLite alone, like stats
            return run_record_command(settings, args)
        if args.command in PAGE_COMMANDS:  # no engine: the model is never loaded
            return run_page_command(settings, args)
        if args.command == "stats":
            return _stats(settings, args)
        engine = sys.modules[__name__].CouncilQA(settings)  # through __getattr__, or a test's stand-in
        handlers = {"ingest": _ingest, "ask": _ask, "search": _search, "eval": _eval}
        handler = handlers[args.command]
        return handler(engine, args)
    except BrokenPipeError:
        return 0  # output piped into `head` and closed early: not an error
    except (CouncilQAError, OSError) as exc:
        print(f"councilqa: error: {exc}", file=sys.stderr)
        return 1
    except (sqlite3.Error, RuntimeError) as exc:  # SQLite or FAISS failing under us: still one line
        print(f"councilqa: error: store {settings.store}: {short_message(exc)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
