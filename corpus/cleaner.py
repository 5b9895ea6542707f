"""Removes what PDF-to-text conversion leaves behind in council papers."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from corpus.document import Page

_BOILERPLATE = re.compile(
    r"click (?:or tap )?here to enter (?:a )?(?:text|date)\.?"
    r"|choose an item\.?"
    r"|\*add rows as required to box below",
    re.IGNORECASE,
)
_BLANK_PAGE = re.compile(
    r"^\W*this page (?:is |has been )?(?:intentionally|deliberately) left blank\W*$", re.I | re.M
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:#|https?://[^)\s]*|mailto:[^)\s]*)\)")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ITEM_TAG = re.compile(r"<li\b[^<>]*>", re.IGNORECASE)
_PARA_SEAM = re.compile(r"</(?:p|li|div|h[1-6])> *(?=<)", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# Symbol-font bullets land in the Unicode private-use area after conversion.
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_SPACES = re.compile(r"[ \u00a0\u2002-\u200a]+")
_PIPE_ROW = re.compile(r"^\s*\|.*\|.*\|\s*$")
_CELL_EDGE = re.compile(r" *\t *")
_MANY_BLANKS = re.compile(r"\n{3,}")
# Soft hyphens, zero-width spaces and joiners, word joiners and BOMs: invisible, but they split words.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def normalise_unicode(text: str) -> str:
    """NFKC (ligatures such as 'ﬁ' become 'fi', non-breaking spaces become spaces), invisible marks removed.

    Smart quotes, dashes and currency signs (£ €) are not compatibility characters, so NFKC keeps them.
    """
    return unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))


def _pipe_row(line: str) -> str:
    """'| Pledge | Status |' → 'Pledge<TAB>Status': Markdown tables become the tab rows tables read."""
    if _PIPE_ROW.match(line):
        return "\t".join(cell.strip() for cell in line.strip()[1:-1].split("|"))
    return line


def clean_text(text: str) -> str:
    """Strip tags, form boilerplate and blank-page notices; keep tabs (table cells) and lines."""
    text = normalise_unicode(text)
    text = "\n".join(_pipe_row(line) for line in text.split("\n"))
    text = _AUTOLINK.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _BREAK_TAG.sub(" ", text)
    text = _ITEM_TAG.sub("• ", text)
    text = _PARA_SEAM.sub(" ", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _BOILERPLATE.sub("", text)
    text = _BLANK_PAGE.sub("", text)
    text = _PRIVATE_USE.sub("•", text)
    lines = [_CELL_EDGE.sub("\t", _SPACES.sub(" ", line)).strip(" ") for line in text.split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def _signature(line: str) -> str:
    """Lines that differ only by numbers (page counters, dates) repeat as one header."""
    return re.sub(r"\d+", "#", line.strip().lower())


def _edge_lines(text: str, depth: int) -> list[str]:
    # A table's header row repeated atop each page is not furniture: the table reader mends it.
    lines = [line for line in text.split("\n") if line.strip() and "\t" not in line.strip()]
    return lines[:depth] + lines[-depth:]


def running_lines(pages: Sequence[str], depth: int = 2) -> set[str]:
    """Signatures of lines that head or foot most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts = Counter(sig for page in pages for sig in {_signature(x) for x in _edge_lines(page, depth)})
    threshold = max(3, (len(pages) + 1) // 2)
    return {sig for sig, n in counts.items() if n >= threshold and sig.strip("#. ")}


def _drop_edges(text: str, running: set[str], depth: int) -> str:
    lines = text.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    edges = set(content[:depth] + content[-depth:])
    kept = [line for i, line in enumerate(lines) if i not in edges or _signature(line) not in running]
    return "\n".join(kept).strip("\n")


def clean_pages(pages: Sequence[Page], depth: int = 2) -> list[Page]:
    """Clean every page, then drop running headers and footers found across pages."""
    cleaned = [replace(p, text=clean_text(p.text)) for p in pages]
    running = running_lines([p.text for p in cleaned], depth)
    if running:
        cleaned = [replace(p, text=_drop_edges(p.text, running, depth)) for p in cleaned]
    return cleaned
