"""Numbered agenda items as minutes print them: '7', '01.24.06', '20(b)', 'Min. 45/19'."""

# Numbered agenda items as minutes print them: '7. Finance', '01.24.06 Playground update', '(b) Greens'
# under item 20 as '20(b)', 'Min. 45/19 Planning', 'AUD-2014.11 Internal Audit Report'.

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from corpus.records import AgendaItem
from corpus.recordtext import ITEM_NUMBER, RecordText

_MASTHEAD_CHARS = 300  # the paper's first lines, which running heads repeat
_TITLE_WORDS = 16  # longer than this, a numbered line is a paragraph of a list, not an item's title
# Numbered lines that are the text of a motion or its recommendations, not items.
_NOT_TITLE = re.compile(
    r"(?i)^(?:that|(?:moved|seconded|proposed)(?:\s+by\b|\s*:|\s+that\b|\W*$)|resolved|carried|to\b|the\b"
    r"|[ap]\.?m\b)"
)  # but 'Proposed Removal from the Record of Protected Structures' is a title
_ITEM = re.compile(rf"(?m)^[ \t*#]*(?P<n>{ITEM_NUMBER})(?P<p>[.)])?[ \t]+(?P<t>[A-Z][^\n]*?)[ \t*]*$")
# A number alone on its line, its title on the next ('**1.**' then '**Adoption of Minutes**'); only with a
# stop or a sub-item letter, since a bare number alone on a line is a page number.
_OWN_LINE = re.compile(
    rf"(?m)^[ \t*#]*(?P<n>(?:{ITEM_NUMBER})(?:\([a-z]\)|(?P<p>[.)])))[ \t*]*\n(?:[ \t]*\n)*"
    r"[ \t*#]*(?P<t>[A-Z][^\n]*?)[ \t*]*$"
)
# An agenda's own wording ('01.24.03 To receive the minutes') is a title where the number follows the
# item before it; elsewhere a numbered 'To ...' line is a recommendation's words.
_AGENDA_TO = re.compile(r"(?i)to\b")
_LAST_PART = re.compile(r"^(?P<head>.*?)(?P<n>\d+)$")
# A heading of its own between an item and a motion ('Audit Committee Second Consent Report'): a few
# capitalised, unpunctuated words; the motion is under that heading, not the numbered item above it. One
# or two words ('Main Motion', 'Progress') are a sub-heading inside the item.
# no figures: 'Guthrie, Hofland and Wettstein (13)' is a vote's names run over a page, not a heading
_HEADING = re.compile(r"^[ \t*#]*[A-Z][^\W\d’'&,()\- ]*(?:[’'&,()\- ]+[^\W\d]+)*[ \t*]*$")
_HEADING_WORDS = (3, 12)  # fewest and most words of such a heading
_NOT_HEADING = re.compile(
    r"(?i)^[ \t*#]*(?:carried|lost|defeated|deferred|withdrawn|moved|seconded|proposed)\b"
)
_FIGURE_DIGITS = 3  # a number this long with no stop opening a line is a figure ('348 Litter Fines ...')
_SUB = re.compile(r"(?m)^[ \t*#]*\((?P<n>[a-z]|[ivx]{1,4})[ ]?\)[ \t]+(?P<t>[A-Z][^\n]*?)[ \t*]*$")


def read_items(text: RecordText) -> tuple[tuple[int, AgendaItem], ...]:
    """Items in reading order with their offsets in `text`, each with the page it starts on and the
    page the next one starts on."""
    found: list[tuple[int, str, str]] = []
    top = None
    marks = sorted(
        [(m.start(), "item", m) for m in _ITEM.finditer(text.text) if not _figure(m)]
        + [(m.start(), "item", m) for m in _OWN_LINE.finditer(text.text)]
        + [(m.start(), "sub", m) for m in _SUB.finditer(text.text)],
        key=lambda t: t[0],
    )
    for start, kind, m in marks:
        title = m.group("t").strip()
        if len(title.split()) > _TITLE_WORDS or title.endswith((";", ",")) or _in_list(text.text, start):
            continue
        if (no := _NOT_TITLE.match(title)) and not (_AGENDA_TO.match(no.group()) and _follows(top, m)):
            continue
        if kind == "item":
            top = re.sub(r"(?<!\([a-z])[.)]$", "", m.group("n"))  # '1.' -> '1', '3(a)' stays
            found.append((start, top, title))
        elif top is not None:
            found.append((start, f"{top}({m.group('n')})", title))
    masthead = text.text[:_MASTHEAD_CHARS].casefold()
    kept = _without_running_heads([AgendaItem(n, t, text.where(s)) for s, n, t in found], masthead)
    found = [f for f, item in zip(found, kept, strict=True) if item is not None]
    items = [item for item in kept if item is not None]
    return tuple(
        (
            found[i][0],
            replace(item, page_end=_end_page(item, items[i + 1] if i + 1 < len(items) else None, text)),
        )
        for i, item in enumerate(items)
    )


def _in_list(body: str, start: int) -> bool:
    """Whether the numbered line at `start` goes on a list whose entry above ends in a semicolon
    ('1. the tree by-law as it applies ...;' then '2. Enbridge Line 9B application.'): not an item."""
    above = body[:start].rstrip(" \t*\n")
    return above.endswith(";") and bool(re.match(r"[ \t*]*\d", above[above.rfind("\n") + 1 :]))


def _figure(m: re.Match) -> bool:
    return m.group("p") is None and m.group("n").isdigit() and len(m.group("n")) >= _FIGURE_DIGITS


def _without_running_heads(items: list[AgendaItem], masthead: str) -> list[AgendaItem | None]:
    """A title that repeats the masthead under several numbers is a running head with its page
    number ('COUNCIL OF THE CITY OF X 4'), not an item."""
    seen: dict[str, set[str]] = {}
    for item in items:
        seen.setdefault(item.title.casefold(), set()).add(item.number)

    def running(item: AgendaItem) -> bool:
        return len(seen[item.title.casefold()]) > 1 and item.title.casefold() in masthead

    return [None if running(item) else item for item in items]


def _end_page(item: AgendaItem, after: AgendaItem | None, text: RecordText) -> int | None:
    if after is None:
        pages = [p.number for p in text.document.pages if p.number is not None]
        return max(pages, default=item.where.page)
    return after.where.page


def item_at(marks: tuple[tuple[int, AgendaItem], ...], offset: int) -> AgendaItem | None:
    """The item whose heading comes last before `offset`."""
    i = bisect.bisect_right([start for start, _ in marks], offset) - 1
    return marks[i][1] if i >= 0 else None


def item_over(body: str, marks: tuple[tuple[int, AgendaItem], ...], offset: int) -> AgendaItem | None:
    """The item a motion at `offset` of `body` is under: the last item heading before it, unless an
    unnumbered heading of its own stands between them (then None: a wrong item is worse than none)."""
    i = bisect.bisect_right([start for start, _ in marks], offset) - 1
    if i < 0:
        return None
    title = body.find(marks[i][1].title, marks[i][0], offset)  # a title may stand below its number
    heading_end = body.find("\n", max(title, marks[i][0]), offset)
    between = body[heading_end:offset] if heading_end >= 0 else ""
    paragraphs = [p.strip() for p in between.split("\n\n")[:-1] if p.strip()]
    return None if any(_is_heading(p) for p in paragraphs) else marks[i][1]


def _is_heading(paragraph: str) -> bool:
    words = paragraph.split()
    capitals = [w for w in words if w[:1].isupper()]
    return (
        "\n" not in paragraph
        and _HEADING_WORDS[0] <= len(words) <= _HEADING_WORDS[1]
        and len(capitals) * 2 > len(words)
        and bool(_HEADING.match(paragraph))
        and not _NOT_HEADING.match(paragraph)
    )


def _follows(top: str | None, m: re.Match) -> bool:
    """Whether the number `m` prints is the one after item `top`: '01.24.03' after '01.24.02'."""
    now, before = _LAST_PART.match(m.group("n").rstrip(".)")), _LAST_PART.match(top or "")
    return bool(now and before) and now["head"] == before["head"] and int(now["n"]) == int(before["n"]) + 1
