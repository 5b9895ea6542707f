"""The opening lines of a paper as the metadata readers see them: cleaned, re-cased, rejoined."""

from __future__ import annotations

import re

from corpus.dates import find_dates

# Joining words inside hyphenated place names: Stratford-upon-Avon, Burton-cum-Walden, Southend-on-Sea.
_JOINING = {"upon", "on", "cum", "le", "la", "en", "sur", "under", "in", "by", "the", "de"}
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}
# Some PDF text layers put every word on its own line; past this share of one-word lines the
# line breaks carry no layout and are joined, so names and dates are whole again.
_BROKEN_SHARE = 0.6
_BROKEN_SAMPLE = 200  # lines looked at to decide
_MIN_SAMPLE = 8  # too few lines say nothing about the layout


def _capital(part: str) -> str:
    return re.sub(r"[^\W\d_]", lambda c: c[0].upper(), part, count=1)


def title_case(s: str) -> str:
    """ALL-CAPS text in Title Case, small joining words lowercase, vowel-less acronyms kept."""
    out = []
    for i, word in enumerate(s.split()):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if i and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        elif letters.isupper() and len(letters) <= 5 and not re.search(r"[AEIOU]", letters):
            out.append(word)  # NHS, PCC, CYP: acronyms rather than shouted words
        else:
            parts = word.lower().split("-")
            out.append("-".join(p if j and p in _JOINING else _capital(p) for j, p in enumerate(parts)))
    return " ".join(out)


def is_caps(s: str) -> bool:
    """Whether `s` is shouted: at least 3 letters, 90% of them capitals."""
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def clean(line: str) -> str:
    """A line without markdown marks and with single spaces."""
    line = re.sub(r"^\s*#+\s*|\*\*|__", " ", line)
    return " ".join(line.split())


def without_dates(line: str) -> str:
    """`line` cleaned, with the dates in it taken out."""
    for f in reversed(find_dates(line)):
        line = line[: f.start] + " " + line[f.end :]
    return clean(line)


def unbroken(text: str) -> str:
    """`text` with its line breaks joined when the text layer set one word per line."""
    lines = [line for line in text.splitlines()[:_BROKEN_SAMPLE] if line.strip()]
    single = sum(len(line.split()) == 1 for line in lines)
    if len(lines) < _MIN_SAMPLE or single < _BROKEN_SHARE * len(lines):
        return text
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", text))


def top_lines(text: str, limit: int = 40) -> list[str]:
    """First non-empty lines, with bold runs that PDF conversion split over lines rejoined."""
    head = re.sub(r"\*\*[^*\n]+(?:\n[^*\n]+){1,3}\*\*", lambda m: " ".join(m[0].split()), text[:6000])
    return [line.strip() for line in head.splitlines() if line.strip()][:limit]


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The text before, at and after text[start:end] within its sentence or line.

    A sentence ends at a line break, a tab, a full stop followed by a space, or a semicolon; so the
    result is the same whether a text layer keeps a paragraph's line breaks or joins them.
    """
    marks = ("\n", "\t", ". ", ";")  # a tab parts the cells of a table row
    left = max(text.rfind(mark, 0, start) + len(mark) - 1 for mark in marks)
    stops = [i for i in (text.find(mark, end) for mark in marks) if i >= 0]
    right = min(stops, default=len(text))
    return text[left + 1 : start], text[start:end], text[end:right]
