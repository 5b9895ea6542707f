"""The Timeline view: every dated statement about one numbered commitment, newest first, with gaps."""

# Document text is untrusted: statements go through st.text, and anything handed to Markdown is escaped.

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import streamlit as st

from index.recordquery import Statement, statements
from qa.engine import CouncilQA
from qa.pagetext import escape_markdown, one_line
from qa.recordrows import (
    NO_STATUS,
    Gap,
    change_from,
    changed,
    commitment_keys,
    distinct,
    gaps,
    paper_label,
    record_chunk,
    spanning,
    statement_citation,
    status_summary,
    unread_papers,
    when,
)
from views.source import render_source, where_label


def render_timeline(engine: CouncilQA, store: str, granted: bool) -> None:
    """Pick or type a commitment ('Pledge 48'); its statements across all papers, newest first, each
    status change marked and each paper of the series that leaves it out shown as a gap."""
    st.header("Timeline")
    db = engine.store.db
    keys = commitment_keys(db, granted)
    key = st.selectbox(
        "Commitment",
        keys,
        index=None,
        accept_new_options=True,
        placeholder='Pick or type a numbered commitment, e.g. "Pledge 48"',
        key="track_key",
    )
    if not key or not key.strip():
        st.caption(
            f"The papers number {len(keys)} commitments in their tables. The timeline reads all papers; "
            "the sidebar's filters do not apply."
        )
        render_unread(db)
        return
    key = one_line(key)  # typed keys match however they were spaced
    found = distinct(statements(db, key, granted))
    if not found:
        st.info(f"No paper in the store states {escape_markdown(one_line(key))} in a commitment table.")
        render_unread(db)
        return
    render_summary(found)
    render_entries(found, gaps(db, key, granted), store, engine, granted)


def render_unread(db: sqlite3.Connection) -> None:
    unread = unread_papers(db)
    if unread:
        st.caption(f"{unread} papers were stored before records were read: `councilqa ingest` reads theirs.")


def render_summary(found: list[Statement]) -> None:
    """The commitment's words, its status over time, and whether that status ever changed."""
    st.subheader(escape_markdown(found[0].key))
    st.text(found[0].text)
    st.markdown(f"**Status:** {escape_markdown(status_summary(found))}")
    papers = len({s.source for s in found})
    if changed(found):
        st.warning("The status changed.", icon=":material/change_circle:")
    elif papers > 1:
        st.success(f"The status did not change across {papers} papers.", icon=":material/check:")


def render_entries(
    found: list[Statement], missing: list[Gap], store: str, engine: CouncilQA, granted: bool
) -> None:
    """Statements and gaps together, newest first (undated last)."""
    entries: list[tuple[dt.date, int, Statement | Gap]] = [
        (s.date or dt.date.min, i, s) for i, s in enumerate(found)
    ]
    entries += [(g.date or dt.date.min, len(found) + i, g) for i, g in enumerate(missing)]
    entries.sort(key=lambda e: (e[0], -e[1]), reverse=True)
    for _, i, entry in entries:
        st.divider()
        if isinstance(entry, Gap):
            st.warning(f"Gap: {escape_markdown(one_line(entry.line(found[0].key)))}", icon=":material/block:")
        else:
            render_statement(found, i, store, engine, granted)


def render_statement(found: list[Statement], i: int, store: str, engine: CouncilQA, granted: bool) -> None:
    """One statement: its date and status (a change from the older one marked), its words and owners,
    and its citation opened in the paper."""
    s = found[i]
    status = escape_markdown(s.status or NO_STATUS)
    st.markdown(f"**{escape_markdown(when(s))}** — {status}")
    chunk = record_chunk(engine.store.db, s.source, s.passage, granted)
    citation = spanning(statement_citation(s), chunk)
    paper = paper_label(one_line(s.title) if s.title else None, s.source, when(s))
    page = f" — {citation.pages_text}" if s.page is not None else ""
    file = f" · file {Path(s.source).name}" if s.title else ""  # the file name only as a detail
    st.caption(escape_markdown(f"{paper}{page}{file}"))
    before = change_from(found, i)
    if before is not None:
        st.markdown(f":orange-badge[Status changed] {escape_markdown(before)} → {status}")
    if s.narrative:
        st.text(" ".join(s.narrative.split()))
    if s.owners:
        st.caption(escape_markdown("; ".join(f"{h}: {n}" for h, n in s.owners)))
    with st.expander(f"Open the paper {where_label(citation)}"):
        render_source(citation, f"track-{i}", store, engine, granted, chunk and chunk.text)
