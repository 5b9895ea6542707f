"""The Ask view: the conversation, each answer with its citations opened in their papers."""

# Document text is untrusted: it is shown with st.text, or escaped (qa/pagetext.py) before Markdown.

from __future__ import annotations

from pathlib import Path

import streamlit as st

from index.filters import Filters
from index.store import Stats
from qa.citations import cited_passages, paper_bodies
from qa.conversation import Exchange, ask
from qa.engine import CouncilQA
from qa.examples import example_questions
from qa.export import to_csv, to_markdown
from qa.feedback import VERDICTS, Feedback, append_feedback
from qa.pagetext import anchor, citation_label, escape_markdown, linked_answer
from views.source import render_source, where_label

ABOUT = (
    "It answers from the papers in its store only, cites every sentence, and says when the papers do "
    "not answer. It does not search the web, give advice, or know anything the papers do not say."
)

NO_VERDICT = (
    f"Nothing was sent: first choose whether the answer was {', '.join(VERDICTS[:-1])} or {VERDICTS[-1]}."
)


def render_citations(exchange: Exchange, turn: int, store: str, engine: CouncilQA, granted: bool) -> None:
    answer = exchange.answer
    bodies_by_source = paper_bodies(engine.store.db, [c.source for c in answer.citations])
    for cited in cited_passages(answer, bodies_by_source):
        st.subheader(f":small[{citation_label(cited)}]", anchor=anchor(turn, cited.anchor_number))
        with st.expander(f"Open the paper {where_label(cited.citation)}"):
            render_source(cited.citation, f"{turn}-{cited.anchor_number}", store, engine, granted)


def render_feedback(exchange: Exchange, turn: int, store: str) -> None:
    """The reader's verdict on one answer. Nothing is chosen to start with, and nothing is sent until
    the reader chooses: a preselected verdict would record one they never gave. (A form's button cannot
    follow its radio without a rerun, so the press is refused, with a word, rather than disabled.)"""
    with st.form(f"feedback-{turn}", clear_on_submit=True):
        verdict = st.radio(
            "Was this answer right?", VERDICTS, index=None, horizontal=True, key=f"verdict-{turn}"
        )
        note = st.text_input("Note (optional)", key=f"note-{turn}")
        if not st.form_submit_button("Send feedback"):
            return
        if verdict is None:
            st.warning(NO_VERDICT, icon=":material/rule:")
            return
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


def render_chat(
    engine: CouncilQA,
    store: str,
    stats: Stats,
    filters: Filters,
    top_k: int,
    history: list[Exchange],
    granted: bool,
) -> None:
    """The conversation so far and the question box; a question asked is added to `history`."""
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
