"""The chat page: ask the council papers, read short cited answers; it only renders, qa/ does the work."""

# Run with `streamlit run app.py [-- --store DIR]` or `councilqa serve`. Document text is untrusted:
# it is shown with st.text, or escaped (qa/pagetext.py) before it reaches Markdown, and HTML is never allowed.
# The views live in views/: the sidebar, the conversation (Ask), Decisions and Timeline.

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

import streamlit as st

from corpus.access import RESTRICTED
from corpus.errors import CouncilQAError
from index.settings import Settings
from qa.conversation import Exchange
from qa.engine import CouncilQA
from qa.pageargs import parse_args
from qa.pagetext import first_line, one_line
from views.chat import render_chat
from views.decisions import render_decisions
from views.sidebar import render_export, render_filters, render_login, render_stats, render_upload
from views.timeline import render_timeline

ASK, DECISIONS, TIMELINE = "Ask", "Decisions", "Timeline"


@st.cache_resource(show_spinner="Loading the embedding model…")
def load_engine(store: str, model: str | None = None) -> CouncilQA:
    """The engine for a store folder and model (None: COUNCILQA_MODEL or the packaged one); cached,
    so the model loads once per process. It is safe to share between sessions."""
    engine = CouncilQA(Settings.from_env(store=store, model_path=model))
    engine.warm()  # under the loading spinner, not in the first answer's wait
    return engine


def page(load: Callable[[str, str | None], CouncilQA], args: argparse.Namespace) -> None:
    store = str(Settings.from_env(store=args.store).store)
    engine = load(store, args.model)
    granted = args.access == RESTRICTED and render_login(store)
    view = st.sidebar.radio("View", (ASK, DECISIONS, TIMELINE), horizontal=True, key="view")
    # The decisions table needs the window's width for its columns; a conversation reads best narrow.
    st.set_page_config(layout="wide" if view == DECISIONS else "centered")
    stats = engine.stats(restricted=granted)
    render_stats(stats, store)
    filters, top_k = render_filters(engine, stats, granted)
    history: list[Exchange] = st.session_state.setdefault("history", [])
    if history and st.sidebar.button("Clear conversation"):
        history.clear()
    render_upload(engine, store, RESTRICTED if granted and st.sidebar.checkbox("Add as restricted") else None)
    if history:
        render_export(history)
    if view == DECISIONS:
        render_decisions(engine, store, filters, granted)
    elif view == TIMELINE:
        render_timeline(engine, store, granted)
    else:
        render_chat(engine, store, stats, filters, top_k, history, granted)


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
