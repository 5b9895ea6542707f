"""Statements about numbered commitments ('Pledge 48') in tracker tables, with owners and status."""

# Statements about numbered commitments in tracker tables: a row that opens with 'Pledge 48 - ...' (or
# Priority, Action, Recommendation, Commitment, Objective), its owner columns and its status cell, as table
# rows render them ('Header: value' lines, corpus/table.py).

from __future__ import annotations

import re
from dataclasses import replace

from corpus.document import Chunk
from corpus.records import Commitment, Where

KINDS = r"Pledge|Priority|Action|Recommendation|Commitment|Objective"
# The row's first cell: 'Pledge: Pledge 48 - We will ...' or 'Pledge 48 - We will ...'.
_OPENING = re.compile(
    rf"^(?:[^:\n]{{1,40}}:[ \t]*)?(?P<kind>{KINDS})[ \t]+(?P<num>\d{{1,3}}(?:\.\d{{1,2}})*[a-z]?)"
    r"[ \t]*(?:[-–—:.)][ \t]*)(?P<text>\S.*)$"
)
_CONTINUED = re.compile(
    rf"^(?P<kind>{KINDS})[ \t]+(?P<num>\d{{1,3}}(?:\.\d{{1,2}})*[a-z]?)\b.*\(continued\)$"
)
_OWNER = re.compile(r"(?i)holder|lead|owner|officer|director|responsible|cabinet member|portfolio")
_STATUS = re.compile(r"(?i)status|rag\b|progress")
_CELL = re.compile(r"^(?P<h>[^:\n]{1,40}):[ \t]*(?P<v>.+)$")
_LABEL_WORDS = 4  # 'In Progress:', 'Not yet started:' — a status label is a few words before a colon
# A longer label still is one where it opens with a status word: 'Completed pending formal sign off by
# Cabinet (17 September): ...'; past this many words a colon ends a sentence, not a label.
_STATUS_LABEL_WORDS = 10
# A RAG colour is printed capitalised and stands alone, not as a name's first word ('Green Party', 'Red
# Lion') nor in prose ('green spaces').
STATUS_WORDS = re.compile(
    r"\b(completed?|complete pending|in progress|on track|off track|not (?:yet )?started|achieved"
    r"|partially (?:complete|completed|achieved)|delayed|ongoing|pending|deferred|superseded|withdrawn"
    r"|closed|at risk|behind schedule|overdue|delivered|(?:slight |significant )?slippage|not (?:yet )?due"
    r"|(?-i:Red|Amber|Green|RED|AMBER|GREEN)(?![ \t]+(?-i:[A-Z])))\b",
    re.IGNORECASE,
)


def read_commitments(chunks: list[Chunk]) -> tuple[Commitment, ...]:
    """One statement per tracker row; a row's continuation chunk adds to its narrative."""
    found: list[Commitment] = []
    for chunk in chunks:
        lines = [ln.strip() for ln in chunk.text.splitlines() if ln.strip()]
        if not lines:
            continue
        continued = _CONTINUED.match(lines[0])
        if continued and found and found[-1].key == _key(continued):
            last = found[-1]
            owners, status, narrative = _cells(lines[1:], last.status is not None)
            found[-1] = replace(
                last,
                owners=last.owners + owners,
                status=last.status or status,
                narrative=f"{last.narrative} {narrative}".strip(),
                passage=f"{last.passage}\n{chunk.text}",
            )
            continue
        for opening, rest in _rows(lines):
            found.append(_statement(chunk, opening, rest))
    return tuple(found)


def _rows(lines: list[str]) -> list[tuple[re.Match, list[str]]]:
    """The rows a chunk holds when it opens with one: each starts at a line opened like the first
    ('Pledge: Pledge 47 - ...' after 'Pledge: Pledge 48 - ...'), its cells on the lines below."""
    first = _OPENING.match(lines[0])
    if first is None:
        return []
    label = lines[0][: first.start("kind")]
    rows: list[tuple[re.Match, list[str]]] = [(first, [])]
    for line in lines[1:]:
        opening = _OPENING.match(line)
        if opening and line[: opening.start("kind")] == label:
            rows.append((opening, []))
        else:
            rows[-1][1].append(line)
    return rows


def _key(m: re.Match) -> str:
    return f"{m.group('kind')} {m.group('num')}"


def _cells(lines: list[str], in_status: bool = False) -> tuple[tuple, str | None, str]:
    """Owners, status and narrative from a row's 'Header: value' lines; unlabelled lines continue the
    status cell once it has begun (`in_status`: it began in an earlier chunk)."""
    owners, status, narrative = [], None, ""
    for line in lines:
        cell = _CELL.match(line)
        if cell is None:
            narrative = f"{narrative} {line}".strip() if status is not None or in_status else narrative
            continue
        header, value = cell.group("h").strip(), cell.group("v").strip()
        if _STATUS.search(header):
            status, narrative = _status(value)
        elif _OWNER.search(header):
            owners.append((header, _leading_name(value)))
    return tuple(owners), status, narrative


def _statement(chunk: Chunk, opening: re.Match, rest: list[str]) -> Commitment:
    owners, status, narrative = _cells(rest)
    return Commitment(
        key=_key(opening),
        kind=opening.group("kind"),
        number=opening.group("num"),
        text=opening.group("text").strip(),
        where=Where(chunk.position, chunk.page_start),
        owners=owners,
        status=status,
        narrative=narrative,
        passage="\n".join([opening.string, *rest]),
    )


def _status(value: str) -> tuple[str | None, str]:
    """'In Progress: Create a number of ...' -> ('In Progress', 'Create a number of ...'); a longer
    label only where a status word opens it."""
    label, sep, rest = value.partition(":")
    words = len(label.split())
    if sep and (0 < words <= _LABEL_WORDS or (words <= _STATUS_LABEL_WORDS and STATUS_WORDS.match(label))):
        return label.strip(), rest.strip()
    return None, value


def _leading_name(value: str) -> str:
    """The names that open an owner cell; a row mended across a page break can trail other text."""
    words = []
    for word in value.split():
        if not (word[0].isupper() or word in ("/", "&", "and")):
            break
        words.append(word)
    return " ".join(words) or value
