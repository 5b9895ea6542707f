"""One page's words (text layer or OCR) as the text a person reads: paragraphs, headings, table rows."""

from __future__ import annotations

from collections.abc import Sequence

from corpus.geometry import Word
from corpus.layout import Line, Region, page_regions
from corpus.pdftables import Rule, TableRows, grid_rows, grids, region_rows
from corpus.reflow import Paragraph, paragraphs

_Item = tuple[float, "list[Paragraph] | TableRows"]


def _flow(regions: Sequence[Region]) -> tuple[list[Line], frozenset[int]]:
    """Lines of text regions in reading order, and the indexes where a new column begins."""
    lines: list[Line] = []
    starts: set[int] = set()
    for region in regions:
        if region.kind == "columns":
            for column in region.columns():
                starts.add(len(lines))
                lines.extend(sorted(column, key=lambda ln: (ln.top, ln.x0)))
        else:
            # A row with wide gaps but no gutter shared with other rows still reads as one line.
            lines.extend(Line(tuple(w for ln in row for w in ln.words)) for row in region.rows)
    return lines, frozenset(starts)


def _items(words: Sequence[Word], rules: Sequence[Rule], known: frozenset[str], ocr: bool) -> list[_Item]:
    """Tables and runs of paragraphs, top to bottom; a ruled table ends the run of text above it."""
    tables = [(g, [w for w in words if g.holds(w)]) for g in grids(list(rules))]
    ruled = sorted(((t.top, t) for g, held in tables if (t := grid_rows(g, held, known)).rows), key=_top)
    rest = [w for w in words if not any(g.holds(w) for g, _ in tables)]
    items: list[_Item] = []
    pending: list[Region] = []

    def flush() -> None:
        if pending:
            lines, starts = _flow(pending)
            items.append((pending[0].top, paragraphs(lines, starts, known, ocr)))
            pending.clear()

    for region in page_regions(rest):
        while ruled and ruled[0][0] < region.top:
            flush()
            items.append(ruled.pop(0))
        if region.kind == "table":
            flush()
            items.append((region.top, region_rows(region, known)))
        else:
            pending.append(region)
    flush()
    return [*items, *ruled]


def _top(item: _Item) -> float:
    return item[0]


def _render(item: list[Paragraph] | TableRows) -> str:
    if isinstance(item, TableRows):
        return "\n".join("\t".join(cells) for cells in item.rows)
    return "\n\n".join(f"**{p.text}**" if p.heading else p.text for p in item)


def page_text(words: Sequence[Word], rules: Sequence[Rule], known: frozenset[str], ocr: bool = False) -> str:
    """The page as text: one paragraph per line, blank lines between, table rows as tab-separated cells.

    words: the page's words (furniture already removed); rules: drawn lines, for ruled tables;
    known: lowercase words of the whole paper, evidence for mending hyphenated words;
    ocr: the words were read from the page image.
    """
    if not words:
        return ""
    return "\n\n".join(text for _, item in _items(words, rules, known, ocr) if (text := _render(item)))
