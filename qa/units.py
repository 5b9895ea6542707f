"""Answerable units of a passage (corpus/units.py), and the blocks of a passage an identifier picks."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corpus.units import SHORT_ROW_WORDS, Unit, cells, embedded_text, is_row, label_of, units_of
from qa.query import MOTION_CODE, Identifier, identifiers
from qa.rowkeys import keyed_row
from qa.subitems import printed_under

# A sentence that leans on the one before it: it opens with a word standing for what that one said ('These
# charges apply to …', 'However, …'); an empty 'it' ('It is proposed to …') leans on nothing.
_LEANS_BACK = re.compile(
    r"^\W*(?:This|These|That|Those|Such|They|Their|Them|He|She|His|Her|However|Therefore|Thus|Also"
    r"|In addition|Additionally|Furthermore|Moreover|As a result|Consequently|Subsequently|But|And|So"
    r"|It(?!\s+(?:is|was|has been|will be|would be)\s+\w+\s+(?:that|to)\b)(?:'s|’s)?)\b"
)
_LEAD_WORDS = 6  # a lead-in is a label ('Key Milestones 2025/26'), not a sentence ending on a colon
_ITEM_OPENING = 3  # 'Item 7(a) Tree', 'Min. 45/19 Land': an item's number opens its title line
# ... or a bare number does, as agendas print them: '4. APPROVE AGREEMENT', '7(b) Tree Preservation'
_NUMBERED_TITLE = re.compile(r"^\s*\d{1,3}(?:\s?\([a-z]\)|[a-z])?(?:[.)]|(?<=\)))\s+[A-Z(]")

__all__ = [
    "SHORT_ROW_WORDS",
    "Unit",
    "block_lead",
    "row_above",
    "cells",
    "embedded_text",
    "focus",
    "focus_named",
    "is_row",
    "label_of",
    "opens_item",
    "paragraph_before",
    "said_after",
    "said_before",
    "told_after",
    "unit_at",
    "units_of",
]


def focus(text: str, identifiers: Sequence[Identifier], heading: str | None = None) -> str:
    """Only the blocks (rows, paragraphs) that hold an asked identifier, when any block does:
    a chunk packing Pledge 4 and Pledge 48 answers for Pledge 48 with Pledge 48's row. A block that is
    an item's title line ('4. APPROVE AGREEMENT WITH …') keeps the item's text, the blocks up to the
    next item's title; so does a chunk whose heading names the item ('Item 6 Allotments')."""
    if not identifiers:
        return text
    blocks = text.split("\n\n")
    held = [n for n, b in enumerate(blocks) if any(i.pattern().search(b) for i in identifiers)]
    if held:
        kept = (m for n in held for m in range(n, _end_of(blocks, n)))
        return "\n\n".join(_own_lines(blocks[m], identifiers) for m in dict.fromkeys(kept))
    if heading and any(i.pattern().search(heading) for i in identifiers):
        return "\n\n".join(blocks[: _item_end(blocks, 0)])
    headed = f"{heading or ''}\n{text}"  # a list's heading may be the chunk's ('RECOMMENDATION')
    under = [found for i in identifiers if (found := printed_under(text, i) or keyed_row(headed, i))]
    return "\n\n".join(under) if under else text


def holds_any(text: str, identifiers: Sequence[Identifier], heading: str | None = None) -> bool:
    """Whether a passage holds an asked identifier as `focus` finds one: printed with its noun, or as the
    key of a row ('Ref: 5.1') or an entry under a heading naming it."""
    headed = f"{heading or ''}\n{text}"
    return any(
        i.pattern().search(headed) or keyed_row(headed, i) or printed_under(text, i) for i in identifiers
    )


# A line opening with a number, bulleted or not: '- 3.1 For Derby City Council …', '7. Housing'.
_NUMBERED_LINE = re.compile(r"^\s*(?:[-•*]\s+)?\d")


def _own_lines(block: str, identifiers: Sequence[Identifier]) -> str:
    """Of a block of numbered lines ('- 3.1 For …' / '- 3.2 To ensure …'), the lines of the number asked
    when a line opens with it, up to the next numbered line; the block whole otherwise."""
    lines = block.split("\n")
    starts = [
        k for k, line in enumerate(lines) if any(i.lined and i.pattern().match(line) for i in identifiers)
    ]
    if len(lines) < 2 or not starts:
        return block
    kept = (
        m
        for k in starts
        for m in range(
            k, next((n for n in range(k + 1, len(lines)) if _NUMBERED_LINE.match(lines[n])), len(lines))
        )
    )
    return "\n".join(lines[m] for m in dict.fromkeys(kept))


def focus_named(text: str, named: Sequence[str], rows_only: bool = False) -> str:
    """Only the blocks (rows, paragraphs) that hold the rarest of the words the question names something
    by, when some blocks do and others don't: a list of candidates answers for 'Zoë Garbett' with her
    row, not the first. `rows_only`: only table rows (cells labelled by their column, all belonging to
    the row's name) are told apart, and other blocks stay: prose runs on past the block naming a thing."""
    blocks = text.split("\n\n")
    among = [n for n, b in enumerate(blocks) if is_row(b)] if rows_only else list(range(len(blocks)))
    holding = [{n for n in among if re.search(rf"\b{re.escape(w)}\b", blocks[n], re.I)} for w in named]
    # a name some blocks hold and others don't tells them apart, the rarest best ('Garbett', not 'Hackney')
    telling = [held for held in holding if 0 < len(held) < len(among)]
    if not telling:
        return text
    fewest = min(len(held) for held in telling)
    kept = set().union(*(held for held in telling if len(held) == fewest)) | (
        set(range(len(blocks))) - set(among)
    )
    return "\n\n".join(blocks[n] for n in sorted(kept))


def _end_of(blocks: list[str], at: int) -> int:
    """The end (exclusive) of what the block at `at` holds the identifier for: an item's title line its
    item, a table's caption ('Table 3: Housing budget …') its rows, else itself and what it leads into."""
    if opens_item(blocks[at]):
        return _item_end(blocks, at)
    if "\n" not in blocks[at].strip() and opens_caption(blocks[at]):
        return next((n for n in range(at + 1, len(blocks)) if not is_row(blocks[n])), len(blocks))
    return _led(blocks, at)


# What a report numbers its tables and figures by: 'Table 2', 'table 3a', 'Figure 4' (noun, number)
TABLE_NAME = re.compile(r"\b(table|figure|chart)\s+(\d{1,3}[a-z]?)\b", re.I)


def opens_caption(line: str) -> bool:
    """Whether the line opens with a table's or figure's number, as its caption does: 'Table 3: Housing
    budget fiscal year 2020-21'."""
    return bool(TABLE_NAME.match(line.strip()))


def _led(blocks: list[str], at: int) -> int:
    """The end (exclusive) of the block at `at` and, when it ends on a colon, of the one it leads into: a
    motion's number and movers ('R2023-214 S. Kirkey, S. Foote:') are printed above its text."""
    return at + 2 if blocks[at].rstrip().endswith(":") and at + 1 < len(blocks) else at + 1


def _item_end(blocks: list[str], start: int) -> int:
    """Index of the first block after `start` that opens another item, or len(blocks)."""
    return next((n for n in range(start + 1, len(blocks)) if opens_item(blocks[n])), len(blocks))


# A motion's reference opening its line, with its movers: 'R2023-208 S. Kirkey, S. Foote:'.
_MOTION_REFERENCE = re.compile(rf"\s*{MOTION_CODE}\s+[A-Z]")


def opens_item(block: str) -> bool:
    """A block whose first line is an item's title: it opens with an item's number, named or bare
    ('Item 7 Christmas lights', '4. APPROVE AGREEMENT', '7(b) Tree Preservation Order'), and is no
    sentence ('Minute 23/118 was corrected.')."""
    line = block.strip().split("\n", 1)[0]
    numbered = (
        _NUMBERED_TITLE.match(line)
        or _MOTION_REFERENCE.match(line)
        or identifiers(" ".join(line.split()[:_ITEM_OPENING]))
    )
    return bool(numbered) and not _SENTENCE_END.search(line)


# A sentence's end, before any parenthesis closing it ('… for Fiscal Year 2020-21. (Five votes required)'):
# a numbered sentence is a recommendation or a minute's text, no item's title.
_SENTENCE_END = re.compile(r"[.?!]\s*(?:\([^()]*\)\s*)?$")


def unit_at(units: Sequence[Unit], sentence: str) -> int | None:
    """Index of the unit whose text is `sentence`, or None."""
    return next((n for n, u in enumerate(units) if u.text == sentence), None)


def said_after(text: str, sentence: str, words: int, opening: re.Pattern | None = None) -> str:
    """The sentences after `sentence` in its paragraph of `text` (its line: a speaker's turn, a reflowed
    paragraph), as many as fit in `words` and, given `opening`, while each opens with it; '' when it
    ends its paragraph or is not found."""
    units = units_of(text)
    at = unit_at(units, sentence)
    kept: list[str] = []
    for unit in units[at + 1 :] if at is not None else ():
        if unit.opens_line or unit.label or len(" ".join([*kept, unit.text]).split()) > words:
            break
        if opening and not opening.match(unit.text):
            break
        kept.append(unit.text)
    return " ".join(kept)


def told_after(
    text: str, sentence: str, reach: int, tells: Callable[[str], bool], leaning: bool = True
) -> tuple[str, int]:
    """The first of the `reach` sentences after `sentence` in its paragraph of `text` that leans back
    on what came before (unless not `leaning`) and `tells` ('These improvements have been due to …'
    after the improvement), and how many sentences it lies past `sentence` (1 for the next); ('', 0)
    when none does."""
    units = units_of(text)
    at = unit_at(units, sentence)
    for n, unit in enumerate(units[at + 1 : at + 1 + reach] if at is not None else (), 1):
        if unit.opens_line or unit.label:
            break
        if (not leaning or _LEANS_BACK.match(unit.text)) and tells(unit.text):
            return unit.text, n
    return "", 0


def said_before(text: str, sentence: str, words: int) -> str:
    """The sentences before `sentence` in its paragraph of `text` that it leans on ('These charges apply
    to all cemeteries' after the charges), back to one that leans on nothing, as many as fit in
    `words`; '' when it leans on nothing, opens its paragraph or is not found."""
    units = units_of(text)
    at = unit_at(units, sentence)
    kept: list[str] = []
    while at is not None and at > 0 and not units[at].opens_line and _LEANS_BACK.match(units[at].text):
        before = units[at - 1]
        if before.label or len(" ".join([before.text, *kept]).split()) > words:
            break
        kept.insert(0, before.text)
        at -= 1
    return " ".join(kept)


def paragraph_before(text: str, sentence: str, sentences: int) -> str:
    """Up to `sentences` sentences before `sentence` in its paragraph of `text`, whether or not it leans
    on them: a paragraph names its thing once ('a benchmark audit of care plans … by the Principal Social
    Worker. The audit … considered 1,363 plans'); '' when it opens its paragraph or is not found."""
    units = units_of(text)
    at = unit_at(units, sentence)
    kept: list[str] = []
    while at is not None and at > 0 and len(kept) < sentences and not units[at].opens_line:
        at -= 1
        kept.insert(0, units[at].text)
    return " ".join(kept)


# A block's lead-in naming what its lines are ('Key Milestones 2025/26: • Further cohort … • Continue to …').
_BLOCK_LEAD = re.compile(r"^\s*([^:\n•]{1,80}?):\s")
_BULLET = re.compile(r"\s*[•*-]\s")


def block_lead(text: str, sentence: str) -> str:
    """The lead-in of the line, or else the block (paragraph), of `text` holding `sentence` after it, when
    it opens with one ('Key Milestones 2025/26:') and the sentence is a bullet under it or opens after it:
    what it is said under; '' otherwise."""
    for block in (*text.split("\n"), *text.split("\n\n")):  # its line's lead-in first, then its block's
        at = block.find(sentence)
        if at > 0 and (lead := _BLOCK_LEAD.match(block)) and lead.end() <= at:
            # it reaches the bullets under it, and the sentence it opens; not prose running on after that
            under = at == lead.end() or _BULLET.match(sentence)
            return lead.group(1) if under and len(lead.group(1).split()) <= _LEAD_WORDS else ""
    return ""


# A row pointing back to the one above for what it is in respect of: 'Payee: HMRC; Detail: (re above)'.
_AS_ABOVE = re.compile(r"\b(?:re|as)\s+above\b|\bditto\b", re.I)


def row_above(text: str, row: str) -> str:
    """The block printed above `row` in `text`, when the row points back to it ('(re above)', 'as above',
    'ditto': the HMRC payment of the clerk's salary above it) or carries on the sentence the block opens,
    in lower case ('they will be provided with a meal allowance of $70.00 …' under '10. That for the
    Mayor and Members of Council, attending conferences, workshops, etc.'); '' otherwise. `row` is a
    joined row ('Payee: HMRC; Detail: (re above); …') or a sentence, found by its first cell."""
    carried = row[:1].islower()
    if not (carried or _AS_ABOVE.search(row)):
        return ""
    blocks = text.split("\n\n")
    first = row.split("; ", 1)[0]
    opens = (
        n for n, b in enumerate(blocks) if b.lstrip().startswith(first) and (carried or _AS_ABOVE.search(b))
    )
    at = next(opens, 0)
    return blocks[at - 1] if at > 0 else ""
