"""Splits cleaned pages into headings, paragraphs and whole table rows, each with its pages."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from corpus.document import Page
from corpus.table import Table, add_line, is_table_line
from corpus.units import OPEN_END, label_of

_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_BOLD_LINE = re.compile(r"^(?:(\d{1,3}(?:\.\d{1,3})*\.?)\s+)?\*\*(.+?)\*\*:?$")
_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?\s+[A-Z\"'‘“(]")
_HEADING_WORDS = 15
# A page break cuts a sentence when the page's last line is prose (SEAM_WORDS or more) with no stop at its
# end, and the next page goes on with it: in lowercase, after an open word or a comma, or finishing a name
# ('… in conjunction with the cities of Palo' / 'Alto and Los Altos, in an amount not to exceed $1,364,035').
SEAM_WORDS = 8
_STOPPED = re.compile(r"[.!?:;]['’”)\]*]*$")
_NAME_END = re.compile(r"\b[A-Z][\w'’-]*$")
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


@dataclass(frozen=True)
class Block:
    """A unit the chunker never cuts through lightly: heading, paragraph or table row."""

    kind: str  # "heading", "text" or "row"
    text: str
    page_start: int | None
    page_end: int | None
    key: str | None = None  # a row's first cell, which labels the pieces of a long row


# What became of a motion, on a line of its own after the vote ('DEFEATED', 'CARRIED UNANIMOUSLY'): the
# motion's last words, not a heading over what follows.
OUTCOME_LINE = re.compile(
    r"^(?:MOTION\s+)?(?:CARRIED|DEFEATED|LOST|WITHDRAWN|DEFERRED|FAILED)(?:\s+(?:UNANIMOUSLY|AS\s+AMENDED))?\W*$"
)
BULLET = r"[-•*·▪●◦\uf0b7]"  # a list item's mark, as the cleaner leaves it
_BULLETED = re.compile(rf"^{BULLET}\s")


def _strip_marks(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip(" :")


# A numbered part's title on a line of its own ('Priority 9 - Strong partnerships', 'Appendix 2 – Risk
# Register'), then a blank line and a whole sentence ('Strong partnerships … deliver effective joint
# arrangements …'): the line heads it, however short the sentence.
_PART_TITLE = re.compile(r"^[A-Z][a-z]+\s+\d{1,3}[a-z]?\s*[-–—:.]\s+[A-Z]")
_SENTENCE = re.compile(r"^[A-Z\"'‘“][^\n]*[.!?]['’”)]*$")
_SENTENCE_WORDS = 12


def heading_text(line: str, next_line: str, apart: bool = False) -> str | None:
    """The heading a line announces, or None if it is body text. `next_line` is the next non-blank line;
    `apart`, whether a blank line comes between them."""
    line = line.strip()
    words = line.split()
    if not words or len(words) > _HEADING_WORDS:
        return None
    if m := _MD_HEADING.match(line):
        return _strip_marks(m.group(1))
    if m := _BOLD_LINE.match(line):
        return _strip_marks(" ".join(filter(None, m.groups())))
    if OUTCOME_LINE.match(line):
        return None
    if line.endswith((".", ",", ";")) or not re.search(r"[A-Za-z]{2}", line) or _BULLETED.match(line):
        return None  # a bulleted line is a list's item, however short and capitalised ('• Council Finances')
    letters = [c for c in line if c.isalpha()]
    if (len(words) >= 2 or len(letters) >= 4) and all(c.isupper() for c in letters):
        return _strip_marks(line)
    if _NUMBERED.match(line) and len(words) <= 12 and _title_case(words[1:]):
        return _strip_marks(line)
    opens_body = (
        len(next_line.split()) >= 25
        or _NUMBERED.match(next_line.lstrip("-• "))
        or (
            apart
            and _PART_TITLE.match(line)
            and len(next_line.split()) >= _SENTENCE_WORDS
            and _SENTENCE.match(next_line.strip())
        )
    )
    # 'WHAT IS EARLY HELP?' above is a heading; a short spoken question ('Hefin David AM: Why, do you
    # think?') before a long reply is not, however many of its words are capitalised.
    if len(words) <= 8 and _title_case(words) and opens_body and not line.endswith(("?", "!")):
        return _strip_marks(line)
    return None


# A numbered heading's series: its words before the number ('ILACS Priority Action' of 'ILACS Priority
# Action 5: Progress against milestones'; roman numerals too).
_SERIES = re.compile(r"^([A-Za-z][A-Za-z'’ -]{2,40}?)\s+(\d{1,3}|[IVX]{1,4})\b[:.)]?")
_SERIES_WORDS = 10  # a heading of a series is a short line; a sentence opening with its words is not one
_ROMAN = {"I": 1, "V": 5, "X": 10}


def series_of(heading: str) -> tuple[str, int] | None:
    """The series a numbered heading belongs to and its number (('ilacs priority action', 5)), or None."""
    found = _SERIES.match(heading.strip())
    return (found.group(1).lower(), _number(found.group(2))) if found else None


def _number(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))


def in_series(line: str, following: str, series: dict[str, int]) -> str | None:
    """The line as a heading when it is the next of a series of headings seen before it, numbered as the
    last or one more ('ILACS Priority Action 5: Progress against milestones' after 'ILACS Priority Action
    4: …' was a heading), however short the paragraph it heads; None otherwise, and for a list of the
    series' lines ('ATT 1 - Resolution' over 'ATT 2 - Plan Set') or one over another heading, which head
    nothing."""
    text = _strip_marks(line.strip())
    if len(text.split()) > _SERIES_WORDS or text.endswith((".", ",", ";")):
        return None
    found, listed = series_of(text), series_of(_strip_marks(following.strip()))
    if not found or found[0] not in series or (listed and listed[0] == found[0]):
        return None
    if heading_text(following, "") is not None:  # heads nothing: a heading follows ('4.11 Amendment of …')
        return None
    return text if series[found[0]] <= found[1] <= series[found[0]] + 1 else None


def _title_case(words: list[str]) -> bool:
    """Most content words capitalised, as in 'Pledge Update' but not 'None arising from this'."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    return bool(content) and sum(w[0].isupper() for w in content) * 2 >= len(content) + 1


def _lines(pages: Sequence[Page]) -> list[tuple[str, int | None]]:
    return [(line, page.number) for page in pages for line in page.text.split("\n") + [""]]


def _table_blocks(table: Table) -> Iterator[Block]:
    for caption in table.caption:
        yield Block("text", caption, table.page, table.page)
    if table.headers and not table.rows:  # a header with no rows under it is still text
        yield Block("text", " | ".join(h for h in table.headers if h), table.page, table.page)
    for row in table.rows:
        text = row.render().strip()
        if text:
            yield Block("row", text, row.page_start, row.page_end, key=row.cells[0] or None)


def runs_over(last: str, first: str, following: str = "") -> bool:
    """Whether a paragraph whose page ends on the line `last` goes on in `first`, the next page's first
    line (`following`: the line after it, which tells a heading): see SEAM_WORDS. A heading, table row,
    bullet, labelled field or numbered item opening the page starts something new, and so does a
    capitalised line after an item's title ('10. Parking on the Village Green' / 'The Council considered')."""
    last, first = last.strip(), first.strip()
    words = [w for w in last.split() if any(c.isalpha() for c in w)]
    if len(words) < SEAM_WORDS or not first or _STOPPED.search(last) or is_table_line(last):
        return False
    if is_table_line(first) or _BULLETED.match(first) or label_of(first)[0] or heading_text(first, following):
        return False
    if first[:1].islower():
        return True
    if _NUMBERED.match(first) or _NUMBERED.match(last):
        return False
    return bool(OPEN_END.search(last) or last.endswith(",") or _NAME_END.search(last))


_Line = tuple[str, int | None]  # a line of text and its page


def _cut_by_page(lines: Sequence[_Line], at: int, para: list[_Line]) -> bool:
    """Whether the blank line at `at` is a page break inside the paragraph `para` (runs_over): the next
    line with text is on a later page and goes on with the paragraph's last line."""
    j = next((k for k in range(at + 1, len(lines)) if lines[k][0].strip()), None)
    if not para or j is None or para[-1][1] is None or (lines[j][1] or 0) <= para[-1][1]:
        return False
    following = next((text for text, _ in lines[j + 1 : j + 4] if text.strip()), "")
    return runs_over(para[-1][0], lines[j][0], following)


def parse_blocks(pages: Sequence[Page]) -> list[Block]:
    """Read cleaned pages into blocks in reading order; a paragraph a page break cut (runs_over) is one
    block over both pages."""
    lines = _lines(pages)
    blocks: list[Block] = []
    para: list[_Line] = []
    para_pages: list[int] = []
    table: Table | None = None
    glue = False  # the next line finishes the paragraph's last line, across a page break
    series: dict[str, int] = {}  # each numbered series of headings seen, its last number

    def flush_para() -> None:
        if para:
            pages_seen = para_pages + [p for _, p in para if p is not None]
            text = "\n".join(line for line, _ in para)
            blocks.append(Block("text", text, min(pages_seen, default=None), max(pages_seen, default=None)))
            para.clear()
            para_pages.clear()

    def flush_table() -> None:
        nonlocal table
        if table is not None:
            blocks.extend(_table_blocks(table))
            table = None

    for i, (line, page) in enumerate(lines):
        if not line.strip():
            glue = glue or _cut_by_page(lines, i, para)
            if not glue:
                flush_para()
            continue
        if is_table_line(line):
            flush_para()
            table = table or Table()
            add_line(table, line, page)
            continue
        # blank lines, however many, do not part a heading from what it heads
        following = next((text for text, _ in lines[i + 1 : i + 6] if text.strip()), "")
        apart = i + 1 < len(lines) and not lines[i + 1][0].strip()
        heading = heading_text(line, following, apart) or (apart and in_series(line, following, series))
        if heading:
            if numbered := series_of(heading):
                series[numbered[0]] = numbered[1]
            flush_para()
            flush_table()
            blocks.append(Block("heading", heading, page, page))
            continue
        flush_table()
        text = line.strip().replace("**", "")
        if glue and para:
            last, last_page = para.pop()
            para_pages.extend([page] if page is not None else [])
            text, page = f"{last} {text}", last_page
        glue = False
        para.append((text, page))
    flush_para()
    flush_table()
    return blocks
