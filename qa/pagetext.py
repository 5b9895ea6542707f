"""Text the chat page hands to Markdown: escaped document text, [n] links, citation labels, errors."""

# Document text is untrusted: everything here returns Markdown in which no character of it is live.

from __future__ import annotations

import re

from corpus.text import short_message
from qa.citations import CitedPassage

# Characters that mean something to Streamlit's Markdown (CommonMark, GFM, LaTeX, directives),
# plus the HTML ones; every ASCII punctuation character may be backslash-escaped in CommonMark.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&$=:^\"'])")
_WHITESPACE = re.compile(r"\s+")
_ESCAPED_MARKER = re.compile(r"\\\[(\d+)\\\]")  # '[3]' after escape_markdown


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally: specials, `<`, `>` and `&` backslash-escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def one_line(text: str) -> str:
    """Runs of whitespace, newlines included, as single spaces: labels must stay on one line."""
    return _WHITESPACE.sub(" ", text).strip()


def anchor(turn: int, number: int) -> str:
    """The HTML id of citation `number` of answer `turn`: what its [n] marker links to."""
    return f"cite-{turn}-{number}"


def linked_answer(text: str, turn: int, numbers: dict[int, int]) -> str:
    """The answer escaped for Markdown, each [n] it cites a link to its citation's anchor; `numbers`
    maps a marker to the number its merged citation is shown under."""

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return f"[\\[{n}\\]](#{anchor(turn, numbers[n])})" if n in numbers else match.group(0)

    return _ESCAPED_MARKER.sub(link, escape_markdown(text))


def citation_label(cited: CitedPassage) -> str:
    """'[1, 3] <title> — <body> — <date> — p. 4 — “…” · strong match', safe as Markdown on one line."""
    numbers = ", ".join(str(n) for n in cited.numbers)
    return f"[{numbers}] {escape_markdown(one_line(cited.label()))} · {cited.strength}"


def first_line(exc: BaseException) -> str:
    """An unexpected error as the page shows it: its first line, never a traceback."""
    text = str(exc).strip().split("\n")[0] if str(exc).strip() else type(exc).__name__
    return f"Something went wrong: {short_message(Exception(text))}"
