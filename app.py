"""The chat page: ask the council papers, read short cited answers; it only renders, qa/ does the work."""

# Run with `streamlit run app.py [-- --store DIR]` or `councilqa serve`. Document text is untrusted:
# it is shown with st.text, or escaped (qa/pagetext.py) before it reaches Markdown, and HTML is never allowed.

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from corpus.access import RESTRICTED
from corpus.errors import CouncilQAError
from index.filters import Filters
from index.settings import Settings
from index.store import Stats
from qa.answer import Answer
from qa.citations import CitedPassage, cited_passages, paper_bodies
from qa.engine import CouncilQA
from qa.examples import example_questions
from qa.export import to_csv, to_markdown
from qa.feedback import VERDICTS, Feedback, append_feedback
from qa.followup import Turn
from qa.pageargs import ANY, build_filters, parse_args
from qa.pagetext import anchor, citation_label, escape_markdown, first_line, linked_answer, one_line
from qa.pageview import PageViewError, cited_pages, context_lines, original_bytes, page_image
from qa.searched import bodies, outside_filters, scope, scope_line
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
ABOUT = (
    "It answers from the papers in its store only, cites every sentence, and says when the papers do "
    "not answer. It does not search the web, give advice, or know anything the papers do not say."
)


@dataclass(frozen=True)
class Exchange:
    """One question and its answer as the page keeps them, with what was searched."""

    question: str
    answer: Answer
    searched: str  # the 'what was searched' line
    outside: str | None  # why a not_found may be the filters' doing


# --- the engine, once per process ---------------------------------------------------------------


@st.cache_resource(show_spinner="Loading the embedding model…")
def load_engine(store: str, model: str | None = None) -> CouncilQA:
    """The engine for a store folder and model (None: COUNCILQA_MODEL or the packaged one); cached,
    so the model loads once per process. It is safe to share between sessions."""
    return CouncilQA(Settings.from_env(store=store, model_path=model))


# --- the sidebar --------------------------------------------------------------------------------


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


# --- the conversation ---------------------------------------------------------------------------


def render_source(cited: CitedPassage, turn: int, store: str, engine: CouncilQA, granted: bool) -> None:
    """The paper at the cited page: a PDF page image with the passage highlighted, or a text paper's
    passage among its neighbours (cited lines marked ▶), and the original file to download."""
    c = cited.citation
    if c.source.lower().endswith(".pdf") and c.page is not None:
        try:
            for number in cited_pages(c.page, c.page_end):
                image = page_image(Path(store), c.source, number, c.text)
                st.image(str(image.path), caption=f"PDF page {number}, cited passage highlighted")
        except PageViewError as exc:
            st.caption(escape_markdown(str(exc)))
        st.text(c.text)  # the passage as read, under its page
    else:
        lines = context_lines(engine.store.db, c.source, c.text, granted)
        shown = "\n".join(("▶ " if line.cited else "  ") + line.text for line in lines)
        st.text(shown or c.text)
    if Path(c.source).is_file():
        st.download_button(
            "Download the original",
            lambda: original_bytes(c.source) or b"",
            Path(c.source).name,
            key=f"orig-{turn}-{cited.anchor_number}",
            on_click="ignore",
        )
    else:
        st.caption(f"The original file is no longer at {escape_markdown(c.source)}.")


def render_citations(exchange: Exchange, turn: int, store: str, engine: CouncilQA, granted: bool) -> None:
    answer = exchange.answer
    bodies_by_source = paper_bodies(engine.store.db, [c.source for c in answer.citations])
    for cited in cited_passages(answer, bodies_by_source):
        st.subheader(f":small[{citation_label(cited)}]", anchor=anchor(turn, cited.anchor_number))
        page = cited.citation.page is not None and cited.citation.source.lower().endswith(".pdf")
        where = f"at {escape_markdown(cited.citation.pages_text)}" if page else "at the passage"
        with st.expander(f"Open the paper {where}"):
            render_source(cited, turn, store, engine, granted)


def render_feedback(exchange: Exchange, turn: int, store: str) -> None:
    with st.form(f"feedback-{turn}", clear_on_submit=True):
        verdict = st.radio("Was this answer right?", VERDICTS, horizontal=True, key=f"verdict-{turn}")
        note = st.text_input("Note (optional)", key=f"note-{turn}")
        if st.form_submit_button("Send feedback"):
            append_feedback(Path(store), Feedback.of(exchange.answer, verdict, note))
            st.success("Thanks: your feedback is saved with the store.")


def render_exchange(exchange: Exchange, turn: int, store: str, engine: CouncilQA, granted: bool) -> None:
    answer = exchange.answer
    with st.chat_message("user"):
        st.markdown(escape_markdown(exchange.question))
    with st.chat_message("assistant"):
        if answer.read_as:  # a follow-up: say how it was read against the conversation
            st.caption(f"Read as: {escape_markdown(answer.read_as)}")
        merged = cited_passages(answer, {})
        numbers = {n: cited.anchor_number for cited in merged for n in cited.numbers}
        if answer.status == "not_found":
            st.info(escape_markdown(answer.text), icon=":material/search:")
        else:
            st.markdown(linked_answer(answer.text, turn, numbers))
        st.caption(escape_markdown(exchange.searched))
        if exchange.outside:
            st.warning(escape_markdown(exchange.outside), icon=":material/filter_alt:")
        if answer.citations and answer.status == "not_found":
            st.caption("Closest passages — none of them answers the question:")
        render_citations(exchange, turn, store, engine, granted)
        pairs = [(exchange.question, answer)]
        left, right, _ = st.columns([1.4, 1.2, 2])
        left.download_button(
            "Answer as Markdown", to_markdown(pairs), f"answer-{turn}.md", key=f"md-{turn}", on_click="ignore"
        )
        right.download_button(
            "Answer as CSV", to_csv(pairs), f"answer-{turn}.csv", key=f"csv-{turn}", on_click="ignore"
        )
        render_feedback(exchange, turn, store)


def render_empty(engine: CouncilQA, granted: bool) -> str | None:
    """The empty conversation: what the tool does, and example questions from the store's papers;
    the example clicked, if any."""
    st.markdown(escape_markdown(ABOUT))
    examples = example_questions(engine.store.db, granted)
    if examples:
        st.caption("Try one of these, drawn from the papers in the store:")
    for i, question in enumerate(examples):
        if st.button(escape_markdown(question), key=f"example-{i}"):
            return question
    return None


def ask(engine: CouncilQA, question: str, filters: Filters, top_k: int, history: list[Exchange]) -> Exchange:
    turns = [Turn(e.question, e.answer.read_as, e.answer.text) for e in history]
    answer = engine.ask(question, filters, top_k, history=turns)
    searched = scope_line(scope(engine.store.db, filters))

    def again(text: str, wider: Filters) -> Answer:
        return engine.ask(text, wider, top_k)

    return Exchange(question, answer, searched, outside_filters(engine.store.db, again, answer, filters))


def page(load: Callable[[str, str | None], CouncilQA], args: argparse.Namespace) -> None:
    store = str(Settings.from_env(store=args.store).store)
    engine = load(store, args.model)
    granted = args.access == RESTRICTED and render_login(store)
    stats = engine.stats(restricted=granted)
    render_stats(stats, store)
    filters, top_k = render_filters(engine, stats, granted)
    history: list[Exchange] = st.session_state.setdefault("history", [])
    if history and st.sidebar.button("Clear conversation"):
        history.clear()
    render_upload(engine, store, RESTRICTED if granted and st.sidebar.checkbox("Add as restricted") else None)
    if history:
        render_export(history)

    empty = stats.documents == 0
    if empty:
        st.warning(
            f"The store {escape_markdown(store)} holds no papers yet. Add some under 'Add papers', or run "
            "`councilqa ingest PATH` (`make run` ingests the bundled samples).",
            icon=":material/folder_open:",
        )
    example = render_empty(engine, granted) if not history and not empty else None
    for turn, exchange in enumerate(history):
        render_exchange(exchange, turn, store, engine, granted)

    question = st.chat_input("Ask about the papers…", disabled=empty) or example
    if not question or not question.strip():
        return
    with st.spinner("Searching the papers…"):
        history.append(ask(engine, question, filters, top_k, history))
    st.rerun()


def main(
    load: Callable[[str, str | None], CouncilQA] = load_engine, argv: Sequence[str] | None = None
) -> None:
    """The page. `load` and `argv` are parameters only so tests can pass a fake engine and arguments."""
    st.set_page_config(page_title="councilqa", page_icon="🏛️")
    st.title("councilqa")
    st.caption("Ask the council papers — every sentence of an answer is cited, and it all runs offline.")
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except argparse.ArgumentError as exc:
        st.error(f"app.py: {exc}")
        return
    try:
        page(load, args)
    except CouncilQAError as exc:
        st.error(one_line(str(exc)))
    except Exception as exc:  # the page shows one line, never a stack trace (st.rerun is no Exception)
        st.error(first_line(exc))


if __name__ == "__main__":
    main()
