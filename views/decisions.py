"""The Decisions view: motions read from minutes as a table, each opened at its passage and page."""

# Document text is untrusted: the table and passages go through st.dataframe and st.text, and anything
# handed to Markdown is escaped (qa/pagetext.py).

from __future__ import annotations

import streamlit as st

from corpus.records import OUTCOMES
from index.filters import Filters
from index.recordquery import Decision, decisions
from qa.engine import CouncilQA
from qa.pageargs import ANY
from qa.pagetext import escape_markdown, one_line
from qa.recordrows import (
    decision_cells,
    decision_citation,
    decision_label,
    minutes_status,
    record_chunk,
    record_filters,
    rows_csv,
    rows_json,
    spanning,
    unread_papers,
    votes,
)
from views.source import render_source, where_label

MEETING = "Council — Body"

# The columns in reading order: when and where, what was moved, what became of it, who, then the paper.
# Pixels each, so the words of the motion and its meeting are not cut to a sliver; the table scrolls
# sideways for the rest in a narrow window.
COLUMN_WIDTHS = {
    "#": 40,
    "Date": 90,
    MEETING: 220,
    "Item": 160,
    "Motion": 320,
    "Outcome": 80,
    "Votes": 110,
    "Mover": 130,
    "Seconder": 130,
    "Minutes": 90,
    "Kind": 90,
    "Paper": 240,
    "Page": 50,
}
SHOWN_ELSEWHERE = {"Body"}  # cells of the shared rows this table shows in another column (MEETING)
SHORT_MOTION = 90  # characters of a motion in its cell; the whole text is in the decision opened below
ROW_PX, HEAD_PX = 35, 40  # Streamlit's default row height, and its header's with the borders
MAX_ROWS_SHOWN = 15  # rows in view before the table scrolls: tall enough to read, short enough to see below


def table_rows(rows: list[Decision], status: dict[str, str]) -> list[dict[str, object]]:
    """The table's cells (qa/recordrows.py decision_cells, shared with the downloads), with the council
    beside the body (one 'Parish Council' is many) and the motion shortened to a cell's width."""
    cells = []
    for i, d in enumerate(rows, 1):
        row = decision_cells(i, d, status.get(d.source))
        row[MEETING] = meeting_of(d)
        row["Motion"] = shortened(d.text, SHORT_MOTION)
        cells.append(row)
    return cells


def meeting_of(d: Decision) -> str:
    """'Ashwell Parish Council — Planning Committee'; the council alone where it names the body too
    ('Ashwell Parish Council', not '… — Parish Council'); '' when the minutes give neither."""
    if d.council and d.body and d.body.casefold() in d.council.casefold():
        return d.council
    return " — ".join(filter(None, (d.council, d.body)))


def shortened(text: str, limit: int) -> str:
    """`text` on one line, cut at a word before `limit` characters with '…' where it runs on."""
    words = " ".join(text.split())
    return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def render_decisions(engine: CouncilQA, store: str, filters: Filters, granted: bool) -> None:
    """The decisions the minutes record, narrowed by the sidebar's dates, council and body and by
    outcome and mover chosen here; a table, its download, and one decision opened in its paper."""
    st.header("Decisions")
    left, right = st.columns(2)
    outcome = left.selectbox("Outcome", (ANY, *OUTCOMES), key="dec_outcome")
    mover = right.text_input("Mover contains", key="dec_mover")
    wanted = record_filters(filters, None if outcome == ANY else outcome, mover)
    db = engine.store.db
    rows = decisions(db, wanted, granted)
    unread = unread_papers(db)
    if unread:
        st.caption(f"{unread} papers were stored before records were read: `councilqa ingest` reads theirs.")
    if not rows:
        st.info("No decisions recorded in the store for these filters.", icon=":material/gavel:")
        return
    st.caption(
        f"Motions and resolutions read from minutes: {len(rows)}, oldest first. The sidebar's dates, "
        "council and body narrow them; the document type does not apply."
    )
    status = minutes_status(db, wanted, granted)
    cells = table_rows(rows, status)
    later = [name for name in cells[0] if name not in COLUMN_WIDTHS and name not in SHOWN_ELSEWHERE]
    st.dataframe(
        cells,
        width="stretch",
        height=HEAD_PX + ROW_PX * min(len(rows), MAX_ROWS_SHOWN),
        hide_index=True,
        column_order=[*COLUMN_WIDTHS, *later],  # a column added to the rows later still shows, last
        column_config={name: st.column_config.Column(width=width) for name, width in COLUMN_WIDTHS.items()},
        key="dec_table",
    )
    csv_left, json_right = st.columns(2)
    csv_left.download_button(
        "Decisions as CSV", rows_csv(rows), "decisions.csv", "text/csv", key="dec-csv", on_click="ignore"
    )
    json_right.download_button(
        "Decisions as JSON",
        rows_json(rows),
        "decisions.json",
        "application/json",
        key="dec-json",
        on_click="ignore",
    )
    chosen = st.selectbox(
        "Open a decision at its passage",
        range(len(rows)),
        index=None,
        format_func=lambda i: one_line(decision_label(i + 1, rows[i])),
        placeholder="Choose a decision by its number in the table…",
        key="dec_open",
    )
    if chosen is not None:
        render_decision(rows[chosen], chosen + 1, store, engine, granted)


def render_decision(d: Decision, number: int, store: str, engine: CouncilQA, granted: bool) -> None:
    """One decision: who moved and seconded it, its outcome, its paper and page, the verbatim passage."""
    chunk = record_chunk(engine.store.db, d.source, d.passage, granted)
    citation = spanning(decision_citation(d), chunk)
    outcome = ", ".join(filter(None, (d.outcome or "outcome not stated", votes(d))))
    paper = [one_line(d.title or d.source), d.date or "undated"]
    paper += [citation.pages_text] if d.page is not None else []
    facts = {
        "Meeting": " — ".join(filter(None, (meeting_of(d), f"item {d.item}" if d.item else None)))
        or "not stated",
        "Motion": f"{d.kind}: {' '.join(d.text.split())}",  # whole: the table shows its start
        "Moved": d.mover or ", ".join(d.names) or "not stated",
        "Seconded": d.seconder or "not stated",
        "Outcome": outcome + (" (draft minutes, not yet confirmed)" if d.provisional else ""),
        "Paper": " — ".join(paper),
    }
    st.markdown("  \n".join(f"**{name}:** {escape_markdown(value)}" for name, value in facts.items()))
    st.text(d.passage)  # the verbatim passage it was read from
    with st.expander(f"Open the paper {where_label(citation)}"):
        render_source(citation, f"dec-{number}", store, engine, granted, chunk and chunk.text)
