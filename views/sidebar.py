"""The sidebar: the store's papers, login, filters, adding papers and keeping the conversation."""

# Document text is untrusted: names from the store are escaped before they reach Markdown.

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from corpus.errors import CouncilQAError
from index.filters import Filters
from index.store import Stats
from qa.conversation import Exchange
from qa.engine import CouncilQA
from qa.export import to_csv, to_markdown
from qa.pageargs import ANY, build_filters
from qa.pagetext import escape_markdown, one_line
from qa.searched import bodies
from qa.uploads import (
    ALLOWED_SUFFIXES,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_FILES,
    Upload,
    UploadError,
    check_batch,
    save_upload,
)
from qa.users import check_password

DEFAULT_CITATIONS = 5


def render_stats(stats: Stats, store: str) -> None:
    st.sidebar.header("Papers")
    left, right = st.sidebar.columns(2)
    left.metric("Documents", stats.documents)
    right.metric("Chunks", stats.chunks)
    lines = [f"**Dates:** {escape_markdown(date_span(stats))}"]
    if stats.councils:
        lines.append(f"**Councils:** {escape_markdown(', '.join(stats.councils))}")
    if stats.doc_types:
        types = ", ".join(f"{kind} ({count})" for kind, count in stats.doc_types)
        lines.append(f"**Document types:** {escape_markdown(types)}")
    st.sidebar.markdown("  \n".join(lines))
    st.sidebar.caption(f"Store: {escape_markdown(store)}")
    if stats.failures:
        with st.sidebar.expander(f"{len(stats.failures)} files failed to ingest"):
            for source, reason in stats.failures:
                st.text(f"{source}\n  {reason}")


def date_span(stats: Stats) -> str:
    """The years the papers span; the store keeps day dates whatever a paper's own precision."""
    if not stats.first_date or not stats.last_date:
        return "undated"
    first, last = stats.first_date[:4], stats.last_date[:4]
    return first if first == last else f"{first} – {last}"


def render_login(store: str) -> bool:
    """The login form, shown only when the page was served with --access restricted; True once the
    person has logged in with a name and password from <store>/users.json."""
    user = st.session_state.get("user")
    if user:
        st.sidebar.caption(f"Logged in as {escape_markdown(user)}: restricted papers are shown.")
        if st.sidebar.button("Log out", key="logout"):
            del st.session_state["user"]
            st.session_state.pop("history", None)  # answers read with access go with the login
            st.rerun()
        return True
    with st.sidebar.form("login"):
        st.markdown("**Log in** to read restricted papers")
        name = st.text_input("Name", key="login_name")
        password = st.text_input("Password", type="password", key="login_password")
        if st.form_submit_button("Log in"):
            if name and check_password(Path(store), name, password):
                st.session_state["user"] = name
                st.rerun()
            st.error("Wrong name or password.")
    return False


def render_filters(engine: CouncilQA, stats: Stats, granted: bool) -> tuple[Filters, int]:
    """The sidebar's filter widgets, offering only values the store holds; the filters and the
    number of citations wanted."""
    st.sidebar.header("Filters")
    earliest, latest = dt.date(1900, 1, 1), dt.date(dt.date.today().year + 10, 12, 31)
    date_from = st.sidebar.date_input(
        "From", value=None, min_value=earliest, max_value=latest, format="DD/MM/YYYY", key="date_from"
    )
    date_to = st.sidebar.date_input(
        "To", value=None, min_value=earliest, max_value=latest, format="DD/MM/YYYY", key="date_to"
    )
    if date_from and date_to and date_from > date_to:
        st.sidebar.warning("'From' is after 'To': no paper can match.")
    council = st.sidebar.selectbox("Council", (ANY, *stats.councils), key="council")
    body = st.sidebar.selectbox("Committee or body", (ANY, *bodies(engine.store.db, granted)), key="body")
    doc_type = st.sidebar.selectbox("Document type", (ANY, *(t for t, _ in stats.doc_types)), key="doc_type")
    top_k = st.sidebar.slider("Citations", 1, 10, DEFAULT_CITATIONS, key="top_k")
    return build_filters(date_from, date_to, council, body, doc_type, granted), int(top_k)


def render_upload(engine: CouncilQA, store: str, access: str | None) -> None:
    """Add papers: saved under <store>/uploads/ by generated names, ingested one by one with a bar."""
    st.sidebar.header("Add papers")
    key = f"upload-{st.session_state.setdefault('upload_round', 0)}"
    types = [s.lstrip(".") for s in ALLOWED_SUFFIXES]
    most = MAX_UPLOAD_BYTES // 2**20  # Streamlit's own limit in MiB, so the browser refuses bigger files too
    files = st.sidebar.file_uploader(
        "PDF, DOCX, HTML, TXT or MD", types, accept_multiple_files=True, key=key, max_upload_size=most
    )
    for line in st.session_state.get("upload_report", ()):
        (st.sidebar.error if line.startswith("Not added") else st.sidebar.success)(escape_markdown(line))
    if not files or not st.sidebar.button(f"Add {len(files)} paper(s) to the store", key="add_papers"):
        return
    uploads = [Upload(f.name, f.getvalue()) for f in files]
    try:
        check_batch(uploads)
    except UploadError as exc:
        st.sidebar.error(f"{exc} (at most {MAX_UPLOAD_FILES}).")
        return
    bar, report = st.sidebar.progress(0.0, text="Adding papers…"), []
    for done, upload in enumerate(uploads, 1):
        report.append(_ingest_one(engine, store, upload, access))
        bar.progress(done / len(uploads), text=f"Added {done} of {len(uploads)}")
    st.session_state["upload_report"] = report
    st.session_state["upload_round"] += 1  # a fresh uploader: the same files are not added twice
    st.rerun()


def _ingest_one(engine: CouncilQA, store: str, upload: Upload, access: str | None) -> str:
    """Save and ingest one upload; a line saying what happened, with the reason when it failed."""
    name = one_line(upload.name)
    try:
        path = save_upload(Path(store), upload)
        report = engine.ingest([path], progress=False, on_error=lambda line: None, access=access)
    except CouncilQAError as exc:
        return f"Not added: {name}: {exc}"
    if report.failed:
        return f"Not added: {name}: {report.failed[0][1]}"
    if report.duplicates or report.unchanged:
        return f"Already in the store: {name}"
    return f"Added: {name} ({report.chunks} passages)"


def render_export(history: list[Exchange]) -> None:
    st.sidebar.header("Keep")
    pairs = [(e.question, e.answer) for e in history]
    left, right = st.sidebar.columns(2)
    left.download_button(
        "Markdown", to_markdown(pairs), "conversation.md", "text/markdown", key="conv-md", on_click="ignore"
    )
    right.download_button(
        "CSV", to_csv(pairs), "conversation.csv", "text/csv", key="conv-csv", on_click="ignore"
    )
