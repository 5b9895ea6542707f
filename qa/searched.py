"""What a question searched: papers, dates and filters, what they left out, and why nothing was found."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from index.filters import Filters
from qa.answer import Answer, format_date
from qa.query import identifiers

NAMED_UNDATED = 3  # undated papers named one by one under a date filter; the rest are counted


@dataclass(frozen=True)
class Scope:
    """The papers one question searched: counts, date span, the filters and what they left out."""

    total: int  # papers the caller may see
    searched: int  # of them, those the filters let through
    first_date: str | None  # ISO dates of the searched papers' span
    last_date: str | None
    filters: tuple[str, ...]  # each filter in force, in words
    undated_out: tuple[str, ...]  # names of undated papers a date filter left out


def _visible(filters: Filters) -> str:
    return "1" if filters.restricted else "d.access = 'public'"


def _name(title: str | None, source: str) -> str:
    return " ".join((title or Path(source).name).split())


def filter_words(filters: Filters) -> tuple[str, ...]:
    """The filters in force, e.g. ('from 1 January 2020', 'council: Derby')."""
    words = []
    if filters.date_from:
        words.append(f"from {format_date(filters.date_from)}")
    if filters.date_to:
        words.append(f"to {format_date(filters.date_to)}")
    for name, value in (("council", filters.council), ("body", filters.body), ("type", filters.doc_type)):
        if value:
            words.append(f"{name}: {value}")
    return tuple(words)


def scope(db: sqlite3.Connection, filters: Filters) -> Scope:
    """Count the papers `filters` let through and name undated ones a date filter dropped."""
    visible = _visible(filters)
    where, params = filters.sql("d")
    total = db.execute(f"SELECT COUNT(*) FROM documents d WHERE {visible}").fetchone()[0]
    row = db.execute(
        f"SELECT COUNT(*), MIN(d.date), MAX(d.date) FROM documents d WHERE {visible} AND {where}", params
    ).fetchone()
    undated: list[str] = []
    if filters.date_from or filters.date_to:
        rest, rest_params = replace(filters, date_from=None, date_to=None).sql("d")
        sql = f"SELECT d.title, d.source FROM documents d WHERE {visible} AND {rest} AND d.date IS NULL"
        undated = [_name(t, s) for t, s in db.execute(sql + " ORDER BY d.source", rest_params)]
    return Scope(total, row[0], row[1], row[2], filter_words(filters), tuple(undated))


def _years(first: str | None, last: str | None) -> str:
    if not first or not last:
        return "undated"
    return first[:4] if first[:4] == last[:4] else f"{first[:4]}–{last[:4]}"


def scope_line(s: Scope) -> str:
    """One line: 'Searched 3 of 5 papers (2019–2020); filters: council: Derby; 2 papers left out, 1 of
    them undated: Budget notes.'"""
    if not s.filters:
        return f"Searched all {s.total} papers ({_years(s.first_date, s.last_date)}); no filters."
    span = f" ({_years(s.first_date, s.last_date)})" if s.searched else ""
    line = f"Searched {s.searched} of {s.total} papers{span}; filters: {', '.join(s.filters)}"
    left = s.total - s.searched
    line += f"; {left} paper{'s' if left != 1 else ''} left out" if left else "; none left out"
    if s.undated_out:
        names = ", ".join(s.undated_out[:NAMED_UNDATED])
        more = f" and {len(s.undated_out) - NAMED_UNDATED} more" if len(s.undated_out) > NAMED_UNDATED else ""
        line += f", {len(s.undated_out)} of them undated: {names}{more}"
    return line + "."


def outside_filters(
    db: sqlite3.Connection, ask: Callable[[str, Filters], Answer], answer: Answer, filters: Filters
) -> str | None:
    """For a not_found under filters: ask again without them (keeping the caller's access) and, if
    that finds it, 'Pledge 48 appears in 2 papers outside the filters: Plymouth City Council,
    2019–2020'. None when the filters were not the cause."""
    if answer.status != "not_found" or not filters:
        return None
    question = answer.read_as or answer.question
    found = ask(question, Filters(restricted=filters.restricted))
    if found.status != "answered" or not found.citations:
        return None
    names = identifiers(question)
    cited = [c for c in found.citations if not names or any(i.pattern().search(c.text) for i in names)]
    sources = list(dict.fromkeys(c.source for c in cited or found.citations))
    marks = ",".join("?" * len(sources))
    rows = db.execute(
        f"SELECT council, MIN(date), MAX(date) FROM documents WHERE source IN ({marks}) GROUP BY council",
        sources,
    ).fetchall()
    councils = ", ".join(sorted(r[0] for r in rows if r[0])) or "no council named"
    firsts, lasts = [r[1] for r in rows if r[1]], [r[2] for r in rows if r[2]]
    years = _years(min(firsts), max(lasts)) if firsts else "undated"
    subject = " and ".join(str(i) for i in names) if names else "An answer"
    plural = "s" if len(sources) != 1 else ""
    return f"{subject} appears in {len(sources)} paper{plural} outside the filters: {councils}, {years}."


def bodies(db: sqlite3.Connection, restricted: bool = False) -> tuple[str, ...]:
    """The meeting bodies the store's papers name, for the sidebar (only values that exist)."""
    visible = "1" if restricted else "access = 'public'"
    sql = f"SELECT DISTINCT body FROM documents WHERE body IS NOT NULL AND body != '' AND {visible}"
    return tuple(sorted(r[0] for r in db.execute(sql)))
