"""A cited passage opened in its paper: the PDF page highlighted, or a text paper's lines marked."""

# Document text is untrusted: it reaches the page through st.text, or escaped for Markdown.

from __future__ import annotations

from pathlib import Path

import streamlit as st

from qa.answer import Citation
from qa.engine import CouncilQA
from qa.pagetext import escape_markdown
from qa.pageview import PageViewError, cited_pages, context_lines, original_bytes, page_image


def render_source(
    c: Citation, key: str, store: str, engine: CouncilQA, granted: bool, chunk: str | None = None
) -> None:
    """The paper at the cited page: a PDF page image with the passage highlighted, or a text paper's
    passage among its neighbours (cited lines marked ▶), and the original file to download. `key`
    tells this download button apart from others on the page; `chunk` is the stored chunk a record's
    passage was read from, where the passage is not a whole chunk itself."""
    if c.source.lower().endswith(".pdf") and c.page is not None:
        try:
            for number in cited_pages(c.page, c.page_end):
                image = page_image(Path(store), c.source, number, c.text)
                st.image(str(image.path), caption=f"PDF page {number}, cited passage highlighted")
        except PageViewError as exc:
            st.caption(escape_markdown(str(exc)))
        st.text(c.text)  # the passage as read, under its page
    else:
        lines = context_lines(engine.store.db, c.source, chunk or c.text, granted)
        shown = "\n".join(("▶ " if line.cited else "  ") + line.text for line in lines)
        st.text(shown or c.text)
    if Path(c.source).is_file():
        st.download_button(
            "Download the original",
            lambda: original_bytes(c.source) or b"",
            Path(c.source).name,
            key=f"orig-{key}",
            on_click="ignore",
        )
    else:
        st.caption(f"The original file is no longer at {escape_markdown(c.source)}.")


def where_label(c: Citation) -> str:
    """'at p. 4' for a PDF page, else 'at the passage'; safe as Markdown."""
    page = c.page is not None and c.source.lower().endswith(".pdf")
    return f"at {escape_markdown(c.pages_text)}" if page else "at the passage"
