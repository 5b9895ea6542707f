"""The `decisions`, `meetings` and `track` commands: records as tables and a commitment's timeline."""

# `councilqa decisions`, `meetings` and `track`: the records in the store as tables (text, JSON or CSV, each
# row with source, page and verbatim passage) and a commitment's timeline.

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from corpus.access import ACCESS_LEVELS, RESTRICTED
from corpus.errors import shown
from corpus.records import OUTCOMES
from index.recordquery import Statement, decisions, meetings, record_store, statements
from index.records import RecordFilters
from index.settings import Settings
from qa.recordrows import (
    Gap,
    changed,
    decision_pages,
    gaps,
    meeting_times,
    rows_csv,
    rows_json,
    status_summary,
    when,
)

RECORD_COMMANDS = ("decisions", "meetings", "track")
_SHOWN_CHARS = 160  # a motion's words shown per line of the text table


def add_record_commands(sub: argparse._SubParsersAction, common, parse_date) -> None:
    """The three subcommands; `common` adds --store/--model, `parse_date` reads YYYY[-MM[-DD]]."""
    decided = sub.add_parser("decisions", help="motions and resolutions read from minutes, with outcome")
    held = sub.add_parser("meetings", help="meetings read from minutes: date, body, chair, attendance")
    track = sub.add_parser("track", help="every dated statement about a numbered commitment, newest first")
    track.add_argument("key", help='the commitment as papers number it, e.g. "Pledge 48" or "Priority 4"')
    for command in (decided, held):
        command.add_argument("--body", help="meeting body contains this")
        command.add_argument("--council", help="council name contains this")
        command.add_argument("--from", dest="date_from", type=parse_date, help="on or after YYYY[-MM[-DD]]")
        command.add_argument("--to", dest="date_to", type=lambda t: parse_date(t, True), help="on or before")
        output = command.add_mutually_exclusive_group()
        output.add_argument("--json", action="store_true", help="a JSON array, each row with its passage")
        output.add_argument("--csv", action="store_true", help="CSV, each row with source, page and passage")
    decided.add_argument(
        "--outcome", type=str.lower, choices=OUTCOMES, help="the outcome, in any case: " + ", ".join(OUTCOMES)
    )
    decided.add_argument("--mover", help="mover (or an unlabelled name) contains this")
    held.add_argument("--chair", dest="mover", help="chair or a member present contains this")
    for command in (decided, held, track):
        common(command)
        command.add_argument(
            "--access",
            choices=ACCESS_LEVELS,
            default="public",
            help="'restricted' also lists records from restricted papers (default public)",
        )


def run_record_command(settings: Settings, args: argparse.Namespace) -> int:
    restricted = args.access == RESTRICTED
    with record_store(settings.store) as db:
        if args.command == "track":
            found = statements(db, args.key, restricted)
            _print_track(args.key, found, gaps(db, args.key, restricted))
            return 0 if found else 1
        filters = RecordFilters(
            args.body, args.council, args.date_from, args.date_to, getattr(args, "outcome", None), args.mover
        )
        read = decisions if args.command == "decisions" else meetings
        rows = read(db, filters, restricted)
    if args.json:
        print(rows_json(rows))
    elif args.csv:
        sys.stdout.write(rows_csv(rows))
    else:
        for row in rows:
            print(_decision_line(row) if args.command == "decisions" else _meeting_line(row))
        if not rows:
            print(f"No {args.command} recorded in the store for these filters.")
    return 0


def _where(source: str, page: int | None) -> str:
    return f"{shown(Path(source).name)}, p. {page if page is not None else '?'}"


def _decision_line(d) -> str:
    movers = " / ".join(filter(None, (d.mover, d.seconder))) or ", ".join(d.names) or "-"
    vote = (
        f" {d.votes_for}–{d.votes_against}" if d.votes_for is not None and d.votes_against is not None else ""
    )
    outcome = (d.outcome or "outcome not stated") + vote + (" (draft minutes)" if d.provisional else "")
    item = f"item {d.item} " if d.item else ""
    kind = f"{d.kind} {d.number}" if d.number else d.kind
    words = " ".join(d.text.split())[:_SHOWN_CHARS]
    head = f"{d.date or '?'}  {d.body or '-'}  {item}{kind}: {words}"
    return f"{head}\n    {movers} — {outcome} — {shown(Path(d.source).name)}, {decision_pages(d)}"


def _meeting_line(m) -> str:
    times = meeting_times(m.start_time, m.end_time)
    parts = [
        m.date or "?",
        m.body or "-",
        f"chair {m.chair}" if m.chair else "chair not stated",
        m.venue or "",
        times,
        m.status or "",
    ]
    return "  ".join(p for p in parts if p) + f"\n    {_where(m.source, m.page)}"


def _print_track(key: str, found: Sequence[Statement], missing: Sequence[Gap]) -> None:
    if not found:
        print(f"No paper in the store states {key!r} in a commitment table.")
        return
    print(f"{found[0].key}: {found[0].text}")
    print(f"Status: {status_summary(found)}")
    if len(found) > 1:
        print(
            "The status changed."
            if changed(found)
            else f"The status did not change across {len(found)} papers."
        )
    print()
    for s in found:
        owners = "; ".join(f"{h}: {n}" for h, n in s.owners)
        print(f"{when(s)} — {s.status or 'no status given'} — {shown(s.title or Path(s.source).name)}")
        if s.narrative:
            print(f"    {' '.join(s.narrative.split())[:400]}")
        if owners:
            print(f"    {owners}")
        page = f"p. {s.page} — " if s.page is not None else ""
        print(f"    {page}file {shown(s.source)}")  # the paper is named above by its title
    for gap in missing:
        print(f"Gap: {shown(gap.line(found[0].key))}")
