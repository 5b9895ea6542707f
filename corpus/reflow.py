"""Lines of a page into paragraphs: join by geometry and punctuation, mend line-end hyphenation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from corpus.layout import Line
from corpus.vocabulary import is_word

# A gap this many ems beyond the usual line gap separates paragraphs.
PARA_GAP_EM = 0.45
# Room for a space between words, in ems, when asking whether a word would have fitted on a line.
SPACE_EM = 0.6
# A first line indented by this many ems starts a paragraph.
INDENT_EM = 1.0
# Font sizes differing by more than this fraction mark a heading or a change of section.
SIZE_CHANGE = 0.12
# OCR measures size from each line's box, which varies by the letters in it; only big changes count.
OCR_SIZE_CHANGE = 0.4
# Short lines in a bigger or bolder font than the body are headings.
HEADING_WORDS = 15

_LIST_START = re.compile(
    r"^(?:[•●▪■◦○·‣⁃∙*–-](?:\s|$)|\(?\d{1,3}[.)](?:\s|$)|\(?[a-zA-Z][.)](?:\s|$)|\([ivxlc]{1,5}\)|[ivx]{1,4}[.)]\s)"
)
# A numbered paragraph ('3.1 Cabinet agreed'): starts a paragraph where the line before ended one.
_SECTION_START = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+\S")
_ENDS_SENTENCE = re.compile(r"[.!?:;]['\"’”)\]]*$")
_HYPHEN_END = re.compile(r"([A-Za-z0-9][A-Za-z0-9']*)-$")
_LEADING_WORD = re.compile(r"^([A-Za-z0-9]+)")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph's text on a single line; heading: a short line set apart by its font."""

    text: str
    heading: bool = False
    top: float = 0.0


@dataclass(frozen=True)
class _Style:
    """What the page's body text looks like, to tell paragraph breaks from line breaks."""

    size: float
    gap: float
    size_change: float


def _style(lines: Sequence[Line], ocr: bool) -> _Style:
    sizes = [line.size for line in lines]
    gaps = [
        b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False) if 0 <= b.top - a.bottom < 2 * a.size
    ]
    return _Style(median(sizes), median(gaps) if gaps else 0.0, OCR_SIZE_CHANGE if ocr else SIZE_CHANGE)


def _right_edges(lines: Sequence[Line], column_starts: frozenset[int]) -> list[float]:
    """For each line, the right edge of its column (the furthest any of its lines reaches)."""
    cuts = sorted({0, len(lines), *column_starts})
    edges: list[float] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        right = max(line.x1 for line in lines[start:end])
        edges.extend([right] * (end - start))
    return edges


def _ended_early(prev: Line, line: Line, right: float) -> bool:
    """prev stopped although the next line's first word would have fitted after it: its last line."""
    first = line.words[0]
    return prev.x1 + SPACE_EM * prev.size + (first.x1 - first.x0) < right


def _font_change(a: Line, b: Line, style: _Style) -> bool:
    return abs(a.size - b.size) > style.size_change * max(a.size, b.size) or a.bold != b.bold


def _breaks(prev: Line, line: Line, style: _Style, right: float, new_column: bool) -> bool:
    """Whether `line` starts a new paragraph after `prev`."""
    runs_on = _runs_on(prev.text, line.text)
    if (_LIST_START.match(line.text) and not runs_on) or _font_change(prev, line, style):
        return True
    ended = bool(_ENDS_SENTENCE.search(prev.text))
    starts_low = line.text[:1].islower()
    if ended and _SECTION_START.match(line.text):
        return True
    if new_column or line.top < prev.top:
        return ended and not starts_low
    if line.top - prev.bottom > style.gap + PARA_GAP_EM * style.size:
        return not (starts_low and not ended)
    if (starts_low and not ended) or runs_on:
        return False
    indented = line.x0 > prev.x0 + INDENT_EM * style.size
    return _ended_early(prev, line, right) or (ended and indented)


def _runs_on(prev: str, line: str) -> bool:
    """A line that finishes what its previous line left open, so its opening number is no list item:
    a reference broken at its hyphen ('(File No. SP20-' / '004) includes …'), or a parenthesis closed
    ('(see paragraph' / '4) below')."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    opened = prev.rfind("(") > prev.rfind(")") and first.endswith(")") and "(" not in first
    return bool(_HYPHEN_END.search(prev)) or opened


def join_words(
    left: str, right: str, vocabulary_only: bool = False, known: frozenset[str] = frozenset()
) -> str:
    """`left` and `right` (consecutive lines) as one text, mending a word hyphenated across them.

    'refurbish-' + 'ment ...' -> 'refurbishment ...' when the joined word is a word (in `known`, words of
    the same document, or the embedding model's vocabulary) or the second part is no word on its own;
    compounds such as 'long-term' keep their hyphen. vocabulary_only: also rejoin a word broken with no
    hyphen at all ('Complete' + 'd'), as narrow table cells do.
    """
    if not left or not right:
        return left or right
    head = _HYPHEN_END.search(left)
    tail = _LEADING_WORD.match(right)
    if head and tail and not left.endswith(" -"):
        first, second = head.group(1), tail.group(1)
        if _dehyphenate(first, second, known):
            return left[:-1] + right
        return left + right
    if vocabulary_only and tail and left[-1:].isalpha():
        first = left.rsplit(" ", 1)[-1]
        second = tail.group(1)
        if _broken_word(first, second, known):
            return left + right
    return f"{left} {right}"


def _dehyphenate(first: str, second: str, known: frozenset[str]) -> bool:
    if not second[:1].islower():
        return False  # 'North-East', '2019-20': a hyphen before a capital or a digit is written
    hyphenated, joined = f"{first}-{second}".lower(), f"{first}{second}".lower()
    if hyphenated in known:
        return False
    if joined in known or is_word(joined):
        return True
    return not (is_word(second) and is_word(first))


def _broken_word(first: str, second: str, known: frozenset[str]) -> bool:
    """'Complete' + 'd': the second part alone is no word (or a stray letter) but together they are."""
    joined = f"{first}{second}".lower()
    stray = len(second) == 1 and second.lower() not in ("a", "i")
    return (stray or not is_word(second)) and (joined in known or is_word(joined)) and second.islower()


def _heading(lines: Sequence[Line], style: _Style) -> bool:
    words = sum(len(line.words) for line in lines)
    bigger = lines[0].size > style.size * (1 + style.size_change)
    bold = all(line.bold for line in lines)
    # A bold line that ends in a comma ('Moved by Councillor X,') runs on into the text: not a heading.
    ended = _ENDS_SENTENCE.search(lines[-1].text) or lines[-1].text.endswith(",")
    return words <= HEADING_WORDS and (bigger or bold) and not ended


def paragraphs(
    lines: Sequence[Line], column_starts: frozenset[int], known: frozenset[str], ocr: bool = False
) -> list[Paragraph]:
    """Paragraphs of lines in reading order.

    column_starts: indexes of lines that open a new column; known: the paper's words, for hyphens;
    ocr: the lines were read from an image, so their sizes are rough.
    """
    if not lines:
        return []
    style = _style(lines, ocr)
    rights = _right_edges(lines, column_starts)
    groups: list[list[Line]] = [[lines[0]]]
    for index in range(1, len(lines)):
        if _breaks(lines[index - 1], lines[index], style, rights[index - 1], index in column_starts):
            groups.append([lines[index]])
        else:
            groups[-1].append(lines[index])
    found = []
    for group in groups:
        text = group[0].text
        for line in group[1:]:
            text = join_words(text, line.text, known=known)
        found.append(Paragraph(text, _heading(group, style), group[0].top))
    return found
