"""A document's chunks as one text traceable to chunk and page, and the shapes of names and items."""

# A document's chunks as one text for record reading, with every offset traceable to chunk and page, and the
# shapes of names, items and times that minutes print.

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.document import Chunk, Document
from corpus.records import Cited, Where

# Titles that stand before a member's name; dropped when names are compared, kept when shown.
TITLE = (
    r"(?:Councillors?|Cllrs?\.?|Cmhlr\.?|Council\s?(?:member|woman|man)|Alderm[ae]n|Ald\.?|Mayor|"
    r"Deputy\s+Mayor|Vice\s+Mayor|Commissioner|Supervisor|Trustee|Director|Chair(?:man|person|woman)?|"
    r"Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Sir|Dame|Member|His\s+Worship|Her\s+Worship)"
)
# Capitalised words that open clauses, never part of a name, so 'Proposed: Smith Seconded: Jones'
# stops at 'Seconded'.
_NOT_NAME = (
    r"(?!(?:Seconded|Second|Moved|Proposed|Carried|CARRIED|That|THAT|And|AND|Resolved|RESOLVED|The|To|"
    r"It|On|Motion|Amendment|Voting|VOTING|For|Against|Abstain|Lost|Defeated|Withdrawn|Council|In|Of)\b)"
)
_WORD = _NOT_NAME + r"(?:[A-ZÀ-ÖØ-ÞÓ][\w’'\-]*\.?|[A-Z]\.(?:[A-Z]\.)*)"
_PARTICLE = r"(?:van|von|de|der|du|da|di|le|la|mac|Ó)"
# A name: optional titles (a hard-wrapped line may part title and name), up to four capitalised
# words, and a '(J)' suffix that tells two members of one name apart.
NAME = (
    rf"(?:{TITLE}\s+)*{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,3}}"
    r"(?:\s{0,3}\([A-Z]\)(?!\w))?"
)
# A name that carries a title ('Councillor Scanlan'): where a bare capitalised word could be a role.
TITLED_NAME = (
    rf"(?:{TITLE}\s+)+{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,2}}(?:\s{{0,3}}\([A-Z]\)(?!\w))?"
)
TIME = r"\d{1,2}(?:[.:]\d{2})?[ \t]*(?:[ap]\.?[ \t]?m\.?|noon)|\d{1,2}[.:]\d{2}(?![\d/.])"
_TITLE_RE = re.compile(rf"^(?:{TITLE}[ \t]+)+", re.I)
# Printed item numbers: '7', '7.2', '01.24.06', 'Min. 45/19', '21/34', 'C-2014.32', 'AUD-2014.11'.
ITEM_NUMBER = (
    r"(?:Min(?:ute)?\.?\s*(?:No\.?\s*)?)?"
    r"(?:\d{1,3}(?:\.\d{1,3}){0,2}|\d{1,3}/\d{2,4}|[A-Z]{1,5}[-.]\d{4}\.\d{1,3})"
)


def trimmed(name: str) -> str:
    """A name without the comma or full stop that ends its sentence ('Cllr Blake.'), initials kept."""
    name = name.strip(" ,;:*")
    last = name.split()[-1] if name.split() else ""
    return name[:-1] if name.endswith(".") and len(last) > 2 and not last.isupper() else name


def bare(name: str) -> str:
    """A name without titles or trailing punctuation: 'Councillor J. Collins,' -> 'J. Collins'."""
    return _TITLE_RE.sub("", name.strip().strip(",;:")).strip()


_PROBE, _MIN_PROBE = 60, 16  # characters looked for on the pages; fewer than the least may be anywhere


@dataclass(frozen=True)
class _Span:
    start: int
    chunk: Chunk


class RecordText:
    """The chunks of one document joined in order; a heading is written where it first appears.

    `where(offset)` names the chunk and physical page of any offset; a chunk spanning pages is
    resolved by finding the offset's line on the document's pages.
    """

    def __init__(self, document: Document, chunks: Sequence[Chunk]) -> None:
        self.document = document
        parts: list[str] = []
        self._spans: list[_Span] = []
        heading, size = None, 0
        for chunk in chunks:
            piece = chunk.text
            if chunk.heading and chunk.heading != heading:
                piece = f"{chunk.heading}\n\n{piece}"
            heading = chunk.heading
            self._spans.append(_Span(size, chunk))
            parts.append(piece)
            size += len(piece) + 2
        self.text = "\n\n".join(parts)
        self._starts = [s.start for s in self._spans]

    def chunk_at(self, offset: int) -> Chunk:
        return self._spans[max(bisect.bisect_right(self._starts, offset) - 1, 0)].chunk

    def where(self, offset: int) -> Where:
        chunk = self.chunk_at(offset)
        page = chunk.page_start
        if chunk.page_end is not None and chunk.page_end != page:
            page = self._page_of_line(offset, chunk) or page
        return Where(chunk.position, page)

    def _page_of_line(self, offset: int, chunk: Chunk) -> int | None:
        """The page printing the start of the offset's line; or a later one printing the text at the
        offset, when the line is a paragraph a page break cut (corpus/blocks.runs_over)."""
        line = self.line_at(offset).strip()[:_PROBE]
        pages = [p for p in self.document.pages if p.number is not None]
        pages = [p for p in pages if chunk.page_start <= p.number <= chunk.page_end]
        first = next((p for p in pages if line and line in p.text), None)
        at = self.text[offset : offset + _PROBE].split("\n")[0].strip()
        if first is None or len(at) < _MIN_PROBE or at in first.text:
            return first.number if first else None
        later = next((p for p in pages if p.number > first.number and at in p.text), first)
        return later.number

    def line_at(self, offset: int) -> str:
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return self.text[start : end if end >= 0 else len(self.text)]

    def cited(self, value: str, offset: int) -> Cited:
        return Cited(" ".join(value.split()), self.where(offset))

    @property
    def restricted(self) -> bool:
        return any(s.chunk.restricted for s in self._spans)


def passage(text: str, start: int, end: int) -> str:
    """The verbatim text between two offsets, whitespace runs kept as the paper has them."""
    return text[start:end].strip()
