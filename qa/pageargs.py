"""The chat page's own arguments (after Streamlit's `--`) and its sidebar choices as Filters."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

from corpus.access import ACCESS_LEVELS, PUBLIC
from index.filters import Filters

ANY = "Any"  # the sidebar's 'no restriction' choice


def build_filters(
    date_from: dt.date | None,
    date_to: dt.date | None,
    council: str | None,
    body: str | None,
    doc_type: str | None,
    restricted: bool = False,
) -> Filters:
    """The sidebar's choices as library Filters: 'Any' and blank fields mean no restriction."""
    return Filters(
        date_from=date_from,
        date_to=date_to,
        council=None if council in (None, ANY) else council,
        body=None if body in (None, ANY) else (body.strip() or None),
        doc_type=None if doc_type in (None, ANY) else doc_type,
        restricted=restricted,
    )


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The page's own arguments: those after `--` if present (`streamlit run app.py -- --store DIR`).
    --access restricted (from `councilqa serve --access restricted`) makes the page offer a login."""
    argv = list(argv)
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    parser = argparse.ArgumentParser(prog="app.py", add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument(
        "--store", default=None, help="store folder (default: COUNCILQA_HOME or ./.councilqa)"
    )
    parser.add_argument("--model", default=None, help="a local sentence-transformers folder")
    parser.add_argument("--access", choices=ACCESS_LEVELS, default=PUBLIC, help="'restricted': login shown")
    args, _unknown = parser.parse_known_args(argv)
    return args
