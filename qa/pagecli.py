"""The chat page's own commands: `serve --access`, `feedback` and `users add`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from corpus.access import ACCESS_LEVELS
from corpus.errors import shown
from index.settings import Settings

PAGE_COMMANDS = ("feedback", "users")


def add_page_commands(
    sub: argparse._SubParsersAction,
    serve: argparse.ArgumentParser,
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """`serve --access`, `feedback` and `users add`: the chat page's own settings and records."""
    serve.add_argument(
        "--access",
        choices=ACCESS_LEVELS,
        default="public",
        help="'restricted' offers a login (users from `councilqa users add`) to read restricted papers",
    )
    feedback = sub.add_parser("feedback", help="verdicts readers gave on answers in the page")
    feedback.add_argument("--json", action="store_true", help="one JSON object a line")
    common(feedback)
    users = sub.add_parser("users", help="the page's local users, for restricted papers")
    users.add_argument("action", choices=("add",), help="add (or replace) a user")
    users.add_argument("name", help="user name: letters, digits, '.', '_', '@' or '-'")
    users.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    common(users)


def _feedback(settings: Settings, args: argparse.Namespace) -> int:
    """Every verdict from the page, oldest first: JSON lines, or one readable line each."""
    from dataclasses import asdict

    from qa.feedback import read_feedback

    for f in read_feedback(settings.store):
        if args.json:
            print(json.dumps(asdict(f), ensure_ascii=False))
        else:
            note = f" — {shown(f.note)}" if f.note else ""
            print(f"{f.at}  {f.verdict:<14} {shown(f.read_as or f.question)}{note}")
    return 0


def _users(settings: Settings, args: argparse.Namespace) -> int:
    """`users add NAME`: the password from getpass (asked twice), or one line of stdin."""
    import getpass

    from qa.users import add_user

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Password for {args.name}: ")
        if getpass.getpass("Again: ") != password:
            raise SystemExit("councilqa: error: the passwords differ")
    add_user(settings.store, args.name, password)
    print(f"{args.name}: saved in {shown(str(settings.store / 'users.json'))}")
    return 0


def run_page_command(settings: Settings, args: argparse.Namespace) -> int:
    """`feedback` or `users`: both read or write the store folder alone, never the model."""
    return {"feedback": _feedback, "users": _users}[args.command](settings, args)
