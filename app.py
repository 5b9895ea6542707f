"""The chat page: ask the council papers, read short cited answers; it only renders, qa/ does the work."""

# Run with `streamlit run app.py [-- --store DIR]` or `councilqa serve`. Document text is untrusted:
# it is shown with st.text, or escaped before it reaches Markdown, and HTML is never allowed.

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import streamlit as st

from index.embedder import EmbedderError
from index.filters import Filters
from index.settings import Settings
from index.store import Stats, StoreError
from qa.answer import Answer, Citation, format_date
from qa.engine import CouncilQA
from qa.followup import Turn

ANY = "Any"
DOC_TYPES = ("agenda", "minutes", "report", "plan", "other")
DEFAULT_CITATIONS = 5
# Characters that mean something to Streamlit's Markdown (CommonMark, GFM, LaTeX, directives),
# plus the HTML ones; every ASCII punctuation character may be backslash-escaped in CommonMark.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&$=:^\"'])")
_WHITESPACE = re.compile(r"\s+")


# --- pure helpers -------------------------------------------------------------------------------


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally: specials, `<`, `>` and `&` backslash-escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def one_line(text: str) -> str:
    """Runs of whitespace, newlines included, as single spaces: labels must stay on one line."""
    return _WHITESPACE.sub(" ", text).strip()


def citation_label(citation: Citation) -> str:
    """'[1] <title or file name> — <date> — p. 4', safe to use as an expander's Markdown label."""
    name = one_line(citation.title or "") or Path(citation.source).name
    date = format_date(citation.date, citation.date_precision)
    ocr = ", read by OCR" if citation.ocr else ""
    rest = f"{name} — {date} — {citation.pages_text}{ocr}"
    return f"[{citation.n}] {escape_markdown(rest)}"


def date_range(stats: Stats) -> str:
    """The years the papers span; the store keeps day dates whatever a paper's own precision."""
    if not stats.first_date or not stats.last_date:
        return "undated"
    first, last = stats.first_date[:4], stats.last_date[:4]
    return first if first == last else f"{first} – {last}"


def build_filters(
    date_from: dt.date | None,
    date_to: dt.date | None,
    council: str | None,
    body: str | None,
    doc_type: str | None,
) -> Filters:
    """The sidebar's choices as library Filters: 'Any' and blank fields mean no restriction."""
    return Filters(
        date_from=date_from,
        date_to=date_to,
        council=None if council in (None, ANY) else council,
        body=(body or "").strip() or None,
        doc_type=None if doc_type in (None, ANY) else doc_type,
    )


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The page's own arguments: those after `--` if present (`streamlit run app.py -- --store DIR`)."""
    argv = list(argv)
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    parser = argparse.ArgumentParser(prog="app.py", add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument(
        "--store", default=None, help="store folder (default: COUNCILQA_HOME or ./.councilqa)"
    )
    parser.add_argument("--model", default=None, help="a local sentence-transformers folder")
    args, _unknown = parser.parse_known_args(argv)
    return args


# --- the engine, once per process ---------------------------------------------------------------


@st.cache_resource(show_spinner="Loading the embedding model…")
def load_engine(store: str, model: str | None = None) -> CouncilQA:
    """The engine for a store folder and model (None: COUNCILQA_MODEL or the packaged one); cached,
    so the model loads once per process. It is safe to share between sessions."""
    return CouncilQA(Settings.from_env(store=store, model_path=model))


# --- rendering ----------------------------------------------------------------------------------


def render_stats(stats: Stats, store: str) -> None:
    st.sidebar.header("Papers")
    left, right = st.sidebar.columns(2)
    left.metric("Documents", stats.documents)
    right.metric("Chunks", stats.chunks)
    lines = [f"**Dates:** {escape_markdown(date_range(stats))}"]
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


def render_filters(stats: Stats) -> tuple[Filters, int]:
    """The sidebar's filter widgets; returns the filters and the number of citations wanted."""
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
    body = st.sidebar.text_input("Committee or body", placeholder="e.g. Corporate Parenting", key="body")
    doc_type = st.sidebar.selectbox("Document type", (ANY, *DOC_TYPES), key="doc_type")
    top_k = st.sidebar.slider("Citations", 1, 10, DEFAULT_CITATIONS, key="top_k")
    return build_filters(date_from, date_to, council, body, doc_type), int(top_k)


def render_citation(citation: Citation) -> None:
    with st.expander(citation_label(citation)):
        details = [
            f"**Source:** {escape_markdown(citation.source)}",
            f"**Heading:** {escape_markdown(one_line(citation.heading or '')) or '—'}",
            f"**Score:** {citation.score:.3f}",
        ]
        st.markdown("  \n".join(details))
        st.text(citation.text)


def render_answer(answer: Answer) -> None:
    if answer.read_as:  # a follow-up: say how it was read against the conversation
        st.caption(f"Read as: {escape_markdown(answer.read_as)}")
    if answer.status == "not_found":
        st.info(escape_markdown(answer.text), icon=":material/search:")
        if answer.citations:
            st.caption("Closest passages — none of them answers the question:")
    else:
        st.markdown(escape_markdown(answer.text))
    for citation in answer.citations:
        render_citation(citation)


def render_exchange(question: str, answer: Answer) -> None:
    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant"):
        render_answer(answer)


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
    store = str(Settings.from_env(store=args.store).store)
    try:
        engine = load(store, args.model)
        stats = engine.stats()
    except (StoreError, EmbedderError) as exc:
        st.error(str(exc))
        return

    render_stats(stats, store)
    filters, top_k = render_filters(stats)
    history: list[tuple[str, Answer]] = st.session_state.setdefault("history", [])
    if history and st.sidebar.button("Clear conversation"):
        history.clear()

    empty = stats.documents == 0
    if empty:
        st.warning(
            f"The store {escape_markdown(store)} holds no papers yet. Run `councilqa ingest PATH` "
            "to add some (`make run` ingests the bundled samples).",
            icon=":material/folder_open:",
        )

    for question, answer in history:
        render_exchange(question, answer)

    question = st.chat_input("Ask about the papers…", disabled=empty)
    if not question or not question.strip():
        return
    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant"):
        try:
            with st.spinner("Searching the papers…"):
                turns = [Turn(asked, a.read_as, a.text) for asked, a in history]
                answer = engine.ask(question, filters or None, top_k, history=turns)
        except (StoreError, EmbedderError) as exc:
            st.error(str(exc))
            return
        render_answer(answer)
    history.append((question, answer))


if __name__ == "__main__":
    main()
