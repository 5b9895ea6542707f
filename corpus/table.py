"""Rebuilds table rows from tab-separated lines, mending rows that a page break split."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpus.dates import only_date
from corpus.spacers import closed_up

_KEY = re.compile(r"^([A-Z][A-Za-z]+)\s+(\d+(?:\.\d+)*)\b")
_HEADER_WORDS = 14
_SECTION_WORDS = 4
_FIGURE = re.compile(r"[£$€]?-?[\d,]+(?:\.\d+)?%?")
_YEAR = re.compile(r"(?:19|20)\d\d")
RULE_CELL = "---"  # a Markdown header rule's cell; a line of them declares the table's rows exact
_RULE_MARKS = "-–—:=| "


@dataclass
class Row:
    """A table row being assembled; cells grow as continuation lines arrive."""

    cells: list[str]
    page_start: int | None
    page_end: int | None
    headers: tuple[str, ...] = ()
    # its first cell is merged down over rows (a meeting's date over its items): printed last, so that the
    # row is named by what tells it from the others under that cell
    key_merged: bool = False

    def render(self) -> str:
        """One line per cell, each labelled with its column header where the table has one; a first cell
        merged down over several rows goes last."""
        if self.key_merged:
            width = max(len(self.cells), len(self.headers))
            order = [*range(1, width), 0]
            cells = [self.cells[i] if i < len(self.cells) else "" for i in order]
            headers = tuple(self.headers[i] if i < len(self.headers) else "" for i in order)
            return Row(cells, self.page_start, self.page_end, headers if self.headers else ()).render()
        if not self.headers:
            cells = [c for c in self.cells if c]
            # A key-value row ('Date of meeting:' | '11 September 2019') reads as one line.
            if len(cells) >= 2 and cells[0].endswith(":"):
                return f"{cells[0]} {' | '.join(cells[1:])}"
            return " | ".join(cells)
        parts = []
        for i, cell in enumerate(self.cells):
            if not cell:
                continue
            label = self.headers[i] if i < len(self.headers) and self.headers[i] else ""
            parts.append(f"{label}: {cell}" if label else cell)
        return "\n".join(parts)


@dataclass
class Table:
    """Rows of one table in reading order, with its header row once it is known."""

    headers: tuple[str, ...] = ()
    rows: list[Row] = field(default_factory=list)
    key_word: str | None = None
    caption: list[str] = field(default_factory=list)
    page: int | None = None  # where the table starts
    exact: bool = False  # a rule line declared each line one whole row: nothing to mend or guess
    lines: int = 0  # lines of cells read so far, rule lines not counted
    first: tuple[str, ...] = ()  # cells of the first line, the header if a rule follows it
    section: bool = False  # the last line titled a new section ('EXPENDITURE'): a header may follow


def split_cells(line: str) -> list[str]:
    return [c.replace("**", "").strip() for c in line.split("\t")]


def is_table_line(line: str) -> bool:
    return "\t" in line.strip(" ") or line.startswith("\t")


def is_rule(cells: list[str]) -> bool:
    """A Markdown or text-art separator row ('---\t:--'): dashes and marks, no data."""
    return any("-" in c or "–" in c or "—" in c for c in cells) and not any(
        c.strip(_RULE_MARKS) for c in cells
    )


def looks_like_header(cells: list[str]) -> bool:
    """Short labels, none ending a sentence, at least two columns: a header row. A row of figures
    ('12,631 | 8,690') is data, whatever its place in the table; years ('2019 | 2023') head columns."""
    filled = [c for c in cells if c]
    if len(filled) < 2 or any(c.endswith(":") for c in filled) or all(_amount(c) for c in filled):
        return False
    if _key_cell(cells[0]) and any(len(c.split()) >= _ITEM_WORDS for c in filled[1:]):
        return False  # a year or day keying an item ('2024 | Tandem Truck (replace 2005) Year 2 of 5')
    return all(len(c.split()) <= _HEADER_WORDS and not c.endswith(".") for c in filled)


_ITEM_WORDS = 4  # a cell of so many words beside a year or day is an item of it, not a column's label


def _key_cell(cell: str) -> bool:
    """A cell that is only a year ('2024') or a day's date ('11 Sept 2019'): a key that may be merged
    down over the rows of its items."""
    if _YEAR.fullmatch(cell.strip()):
        return True
    day = only_date(cell)
    return day is not None and day.precision == "day"


_SHAPE_TOKENS = 3  # a cell's opening tokens compared: a label's and a value's shapes part there
_TOKEN = re.compile(r"\d[\d,.]*|[^\W\d_]+|[^\w\s]")


def _shape(cell: str) -> tuple[str, ...]:
    """A cell's opening tokens as kinds (`_kind`): 'Pump 2 – 2011' → ('a', '9', '–')."""
    kinds = (_kind(t) for t in _TOKEN.findall(cell))
    return tuple(kinds)[:_SHAPE_TOKENS]


def _kind(token: str) -> str:
    """A year 'Y', another figure '9', a word 'a', a mark itself: a year heads a column of sums."""
    if _YEAR.fullmatch(token):
        return "Y"
    return "9" if token[0].isdigit() else "a" if token[0].isalpha() else token


def shaped_alike(first: Sequence[str], cells: Sequence[str]) -> bool:
    """Whether a first row holding figures is shaped, cell by cell, as the row under it: then it is the
    first line of data ('Pump 2 – 2011 | Replace 2029 with 2,000 gallon tanker' over 'Rescue 2 – 2012 |
    Replace 2032 with mini-pumper'), not a header; column labels are not shaped as their values ('2019 |
    2023' over '12,631 | 8,690', 'Item | Cost' over 'Paint | 50')."""
    pairs = [(a, b) for a, b in zip(first, cells, strict=False) if a]
    if len(pairs) < 2 or not any(any(ch.isdigit() for ch in a) for a, _ in pairs):
        return False
    return all(_shape(a) == _shape(b) for a, b in pairs)


def _amount(cell: str) -> bool:
    return bool(_FIGURE.fullmatch(cell)) and not _YEAR.fullmatch(cell)


def _section_title(cells: list[str]) -> bool:
    """A lone capitalised title across the table ('EXPENDITURE', 'CAPITAL BUDGET'): a new section."""
    words = cells[0].split()
    return (
        _is_fragment(cells)
        and 0 < len(words) <= _SECTION_WORDS
        and cells[0].isupper()
        and not any(ch.isdigit() for ch in cells[0])
    )


def _new_header(table: Table, cells: list[str]) -> bool:
    """Under a section title, a row of labels with no figure, a cell for each column and a word of the
    last header: the section's own header ('Details | Payment | 2016/17' after 'Details | Receipt |
    2016/17'), not a row of the last section's columns (a ballot's candidates under 'GOVERNOR')."""
    filled = [c for c in cells if c]
    return (
        table.section
        and looks_like_header(cells)
        and len(filled) >= len([h for h in table.headers if h])
        and not any(_FIGURE.fullmatch(c) for c in filled)
        and tuple(cells) != table.headers
        and bool(_words(filled) & _words(table.headers))
    )


def _header_below(headers: Sequence[str], cells: list[str]) -> bool:
    """A second header line under merged header cells: labels under the blank columns a merged cell
    left ('Pre Ofsted Visit' over 'Apr-18 | May-18 | …'), its first cell the table's blank corner, and
    no figure."""
    filled = [c for c in cells if c]
    return (
        not cells[0]
        and looks_like_header(cells)
        and not any(_FIGURE.fullmatch(c) for c in filled)
        and any(c and (i >= len(headers) or not headers[i]) for i, c in enumerate(cells))
    )


_WRAPPED_WORDS = 3  # a header label's second line is a word or two ('Maintenance', 'Subs/Fees')


def _header_wrapped(headers: Sequence[str], cells: list[str]) -> bool:
    """A header's labels wrapped onto a second line under their own columns ('Caretaker' / 'Maintenance',
    "Clerk's" / 'Salary', 'Amount' / '£'): short labels only under labelled columns, some of them left
    blank, the table's first column blank, and no figure."""
    filled = [(i, c) for i, c in enumerate(cells) if c]
    return (
        not cells[0]
        and len(filled) >= 2
        and all(i < len(headers) and headers[i] and len(c.split()) <= _WRAPPED_WORDS for i, c in filled)
        and not any(_FIGURE.fullmatch(c) for _, c in filled)
        and not any(c.endswith((":", ".")) for _, c in filled)
        # some labels end on the first line: a line filling every labelled column is a row of data
        and any(h and not (i < len(cells) and cells[i]) for i, h in enumerate(headers[1:], 1))
    )


def _stacked(headers: Sequence[str], cells: list[str]) -> tuple[str, ...]:
    """Each column's label from both header lines: 'Pre Ofsted Visit Apr-18', 'May-18', …; spacers a
    conversion left under a merged cell closed up first (corpus/spacers.py)."""
    if mended := closed_up(headers, cells):
        headers, cells = mended[0], list(mended[1])
    width = max(len(headers), len(cells))
    top = list(headers) + [""] * (width - len(headers))
    return tuple(_join(a, b) for a, b in zip(top, cells + [""] * (width - len(cells)), strict=True))


def _words(cells: Sequence[str]) -> set[str]:
    return {w for c in cells for w in re.findall(r"\w{2,}", c.casefold())}


def _join(a: str, b: str) -> str:
    return f"{a} {b}".strip() if a and b else a or b


def _merge_cellwise(row: Row, cells: list[str], page: int | None) -> None:
    """Append a continuation line's cells to the row, column by column."""
    for i, cell in enumerate(cells):
        if not cell:
            continue
        target = i if i < len(row.cells) else len(row.cells) - 1
        # A long run of text under a short cell (a name) belongs to the last long cell.
        if 0 < len(row.cells[target].split()) < 6 and len(cell.split()) > 10:
            target = max(range(len(row.cells)), key=lambda j: (len(row.cells[j]), j))
        row.cells[target] = _join(row.cells[target], cell)
    row.page_end = page if page is not None else row.page_end


def _split_at_key(text: str, key_word: str | None) -> tuple[str, str]:
    """Split a fragment where a new keyed row (e.g. 'Pledge 40 -') starts mid-text."""
    if not key_word:
        return text, ""
    match = re.search(rf"(?<=[.!?;])\s+(?={re.escape(key_word)}\s+\d)", text)
    if not match:
        return text, ""
    return text[: match.start()].strip(), text[match.end() :].strip()


def _is_fragment(cells: list[str]) -> bool:
    """Only a first cell, and not a key awaiting its value ('Background papers:')."""
    return bool(cells and cells[0]) and not any(cells[1:]) and not cells[0].endswith(":")


def _merged_down(last: Row, cells: list[str]) -> bool:
    """Whether a line with a blank first cell is a row of its own under a meeting's date or a year merged
    down over its items (a work programme, a forward plan, a fleet plan's years), not more of the row
    above: the row above opens with a day's date or a year and has a second cell, and this line starts a
    second cell of its own with a capital or markup. A row wrapped or continued over a page break goes on
    in later columns, or in lower case."""
    second = cells[1] if len(cells) > 1 else ""
    starts = second[:1].isupper() or second[:1] == "<"
    if cells[0] or not starts or len(last.cells) < 2 or not last.cells[1]:
        return False
    # an item wrapped onto the next line goes on after a comma, in a word ('Dry Hydrant (2) Westview
    # Dr., Niagara' / 'Road'), or in lower case in a later cell ('Bear Creek Landfill *' | '$609,045.59'
    # over 'Closure or Rehabilitation' | 'closure costs $625,770')
    later = (c for c in cells[2:] if c)
    if last.cells[1].endswith((",", "&")) or len(second.split()) < 2 or any(c[:1].islower() for c in later):
        return False
    return _key_cell(last.cells[0])  # read last: every table line of every paper passes through here


def add_line(table: Table, line: str, page: int | None) -> None:
    """Feed one tab-separated line to the table, starting a row or continuing the last."""
    cells = split_cells(line)
    if is_rule(cells):
        _declare_exact(table)
        return
    if not any(c.strip(_RULE_MARKS) for c in cells):
        return  # an empty row, not data
    table.lines += 1
    table.first = table.first or tuple(cells)
    table.page = table.page if table.page is not None else page
    if table.exact:
        if not (table.headers and tuple(cells) == table.headers):
            _start_row(table, cells, page)
        return
    last = table.rows[-1] if table.rows else None
    if not table.rows and not table.headers:
        if looks_like_header(cells):
            table.headers = tuple(cells)
            return
        if _is_fragment(cells):
            table.caption.append(cells[0])  # a title line spanning the table's width
            return
    if table.headers and tuple(cells) == table.headers:
        return  # the header repeated at the top of a new page
    if (
        table.headers
        and not table.rows
        and (_header_below(table.headers, cells) or _header_wrapped(table.headers, cells))
    ):
        table.headers = _stacked(table.headers, cells)
        return
    if _new_header(table, cells):
        table.headers, table.section = tuple(cells), False
        return
    table.section = False
    if table.headers and last and _section_title(cells):
        table.rows.append(Row([cells[0]], page, page))  # the title stands alone, not in the row above
        table.section = True
        return
    if table.headers and not table.rows and (cells[0].endswith(":") or shaped_alike(table.headers, cells)):
        # A key-value table ('Contact:' | name), or a list whose lines are shaped as its first ('Pump 2 –
        # 2011 | Replace 2029 with …' over 'Rescue 2 – 2012 | Replace 2032 with …'), after all: its first
        # line was data, not a header.
        table.rows.append(Row(list(table.headers), page, page))
        table.headers = ()
    if last and not cells[0] and (totals := _totals_at(cells)):
        # a totals line under the columns it sums is a row of its own, keyed by its label, not more
        # of the row above ('    Totals    10,583.06    449.47 …' under a cash sheet's last payment)
        _start_row(table, [cells[totals], *cells[1:totals], "", *cells[totals + 1 :]], page)
        return
    if last and _merged_down(last, cells):
        # its first cell spans down from the row above ('11 Sept 2019' over each item of that meeting)
        last.key_merged = True
        _start_row(table, [last.cells[0], *cells[1:]], page)
        table.rows[-1].key_merged = True
        return
    if last and not cells[0]:
        _merge_cellwise(last, cells, page)
        return
    if last and _is_fragment(cells) and not _KEY.match(cells[0]):
        head, rest = _split_at_key(cells[0], table.key_word)
        last.cells[0] = _join(last.cells[0], head)
        last.page_end = page if page is not None else last.page_end
        if rest:
            _start_row(table, [rest] + [""] * (len(last.cells) - 1), page)
        return
    if last and cells[0][:1].islower():
        _merge_cellwise(last, cells, page)
        return
    _start_row(table, cells, page)


# A totals row's label: 'Totals', 'Sub-total', 'Grand Total' (qa/totals.py finds the rows it keys).
TOTALS_LABEL = r"(?i:(?:sub[- ]?|grand\s+)?totals?)"
_TOTALS = re.compile(rf"^{TOTALS_LABEL}\s*[:£$€]?$")  # a cell that is only one: 'Grand Total:', 'TOTAL £'


def _totals_at(cells: list[str]) -> int | None:
    """Index of the line's first filled cell when that cell is only a totals label."""
    first = next((i for i, cell in enumerate(cells) if cell), None)
    return first if first is not None and _TOTALS.match(cells[first]) else None


def _declare_exact(table: Table) -> None:
    """A rule first or under the first line (Markdown, Word, HTML): that line is the header, if any."""
    if table.exact or table.lines > 1:
        return  # text art inside a table, not a header rule
    if table.lines == 1:
        table.headers, table.key_word = table.first, None
        table.rows.clear()
        table.caption.clear()
    table.exact = True


def exact_lines(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Tab-separated lines of a table known cell by cell (Word, HTML): the header (if any), then a row a line.

    A rule line of RULE_CELLs follows the header (or leads, without one) only where add_line would
    misread the plain lines: a row mended into the one above, a data row taken for the header.
    """
    plain = (["\t".join(header)] if header else []) + ["\t".join(row) for row in rows]
    if _reads_back(plain, header, rows):
        return plain
    rule = "\t".join([RULE_CELL] * max(2, len(header), *(len(row) for row in rows)))
    return plain[:1] + [rule] + plain[1:] if header else [rule, *plain]


def _reads_back(lines: list[str], header: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """Whether add_line reads `lines` as exactly this header and these rows."""
    table = Table()
    for line in lines:
        add_line(table, line, None)
    width = len(header)
    wanted = [split_cells("\t".join(row)) for row in rows]
    wanted = [cells + [""] * (width - len(cells)) for cells in wanted]
    got = [row.cells for row in table.rows]
    headers = tuple(split_cells("\t".join(header))) if header else ()
    return not table.caption and table.headers == headers and got == wanted


def _start_row(table: Table, cells: list[str], page: int | None) -> None:
    width = max(len(cells), len(table.headers))
    cells = cells + [""] * (width - len(cells))
    key = _KEY.match(cells[0])
    if key and table.key_word is None:
        table.key_word = key.group(1)
    table.rows.append(Row(cells, page, page, table.headers))
