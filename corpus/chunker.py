"""Packs blocks into chunks that fit the embedding model, keeping rows whole and headings attached."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from corpus.blocks import Block, parse_blocks
from corpus.document import Chunk, Document
from corpus.meetingheader import header_day
from corpus.sentences import split_sentences

TokenCounter = Callable[[str], int]

_ROW_KEY_WORDS = 14
_WORD = re.compile(r"\S+")
# An item's number the sentence splitter parts from its text: '71.', '7(b)', '(iv)', '3.2.'
_ITEM_NUMBER = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*[a-z]?|[a-z]|[ivx]{1,4})(?:\([a-z]\))?[.)]?$", re.I)
# A paragraph ending in a colon this short introduces what follows it ('A RECORDED VOTE was taken the result
# being as follows:'), and travels with it into the next chunk.
_INTRODUCTION_WORDS = 30
_CAPTION = re.compile(r"^\s*(?:Table|Figure|Chart|Schedule|Appendix)\s+[\w.-]{1,6}\s*[:.–-]", re.I)
# Rows shorter than this share a chunk with their neighbours instead of standing alone.
_SHORT_ROW_SHARE = 4


@dataclass
class _Draft:
    blocks: list[Block] = field(default_factory=list)

    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


def _page_span(blocks: Sequence[Block]) -> tuple[int | None, int | None]:
    starts = [b.page_start for b in blocks if b.page_start is not None]
    ends = [b.page_end if b.page_end is not None else b.page_start for b in blocks]
    ends = [e for e in ends if e is not None]
    return min(starts, default=None), max(ends, default=None)


def _words_fit(words: list[str], budget: int, count: TokenCounter, guess: int | None = None) -> int:
    """How many leading words fit the budget (at least one, so progress is certain). A `guess` near
    the answer (from the share of tokens that fit) brackets it in a few counts before the binary
    search, which otherwise takes log2(budget) counts of ever-longer prefixes."""

    def fits(k: int) -> bool:
        return count(" ".join(words[:k])) <= budget

    lo, hi = 1, min(len(words), max(budget, 1))  # every word is at least one token
    if guess is not None and lo < hi:
        lo, hi = _bracket(fits, min(max(guess, lo), hi), lo, hi)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _bracket(fits: Callable[[int], bool], guess: int, lo: int, hi: int) -> tuple[int, int]:
    """(lo, hi) around the largest k that fits, galloping from `guess`: lo fits (or is the floor)
    and hi + 1 does not (or hi is the ceiling)."""
    step = 1
    if fits(guess):
        lo = guess
        while lo < hi:
            probe = min(hi, lo + step)
            if not fits(probe):
                return lo, probe - 1
            lo, step = probe, step * 2
        return lo, hi
    hi = guess - 1
    while lo < hi:
        probe = max(lo, hi + 1 - step)
        if probe == lo:
            break
        if fits(probe):
            return probe, hi
        hi, step = probe - 1, step * 2
    return lo, hi


def _more_words_than(text: str, limit: int) -> bool:
    """Whether `text` has over `limit` words, looking at no more than the first limit + 1 of them."""
    if len(text) <= limit:
        return False  # each word takes at least one character
    return next(islice(_WORD.finditer(text), max(limit, 0), None), None) is not None


def _fits(text: str, budget: int, count: TokenCounter) -> bool:
    """Whether `text` is within `budget` tokens. Every word is at least one token, so a text of more
    words than the budget is refused without tokenising it: long texts cost linear time, not more."""
    return not _more_words_than(text, budget) and count(text) <= budget


def _cut_words(sentence: str, budget: int, count: TokenCounter) -> list[str]:
    """An overlong sentence cut at words into pieces within budget, the last possibly short.

    Only the next `budget` words are ever joined and counted, so a 50 MB line without sentence ends
    costs time linear in its length (counting ever-shorter prefixes of the whole was quadratic).
    """
    words_left = (match.group() for match in _WORD.finditer(sentence))
    window: list[str] = []
    pieces: list[str] = []
    while True:
        window.extend(islice(words_left, max(budget, 1) - len(window)))
        if not window:
            return pieces
        tokens = count(" ".join(window))
        guess = len(window) * budget // tokens if tokens > budget else len(window)  # the share that fits
        n = guess if tokens <= budget else _words_fit(window, budget, count, guess)
        pieces.append(" ".join(window[:n]))
        window = window[n:]


def _segments(text: str) -> Iterator[tuple[str, str]]:
    """Sentences with the separator that joined them: a newline between lines, else a space. A
    bare label ('Status:') or an item's number ('71.', '(b)') stays with the sentence after it, so no
    piece ends on one: an item's number must stay in the chunk holding its text."""
    for line in text.split("\n"):
        sep, held = "\n", ""
        for sentence in split_sentences(line):
            if (sentence.endswith(":") and len(sentence.split()) <= 6) or _ITEM_NUMBER.match(sentence):
                held = f"{held} {sentence}".strip()
                continue
            yield sep, f"{held} {sentence}".strip()
            sep, held = " ", ""
        if held:
            yield sep, held


def split_text(text: str, budget: int, count: TokenCounter) -> list[str]:
    """Cut text at sentence ends into pieces under budget; cut overlong sentences at words."""
    pieces: list[str] = []
    current = ""
    for sep, sentence in _segments(text):
        joined = f"{current}{sep}{sentence}" if current else sentence
        if _fits(joined, budget, count):
            current = joined
            continue
        if current:
            pieces.append(current)
        if _fits(sentence, budget, count):
            current = " ".join(sentence.split())
            continue
        *whole, current = _cut_words(sentence, budget, count) or [""]
        pieces.extend(whole)
    if current:
        pieces.append(current)
    return pieces


def _row_pieces(block: Block, budget: int, count: TokenCounter) -> Iterator[Block]:
    """A long row is cut into pieces that each repeat the row's key, so 'Pledge 48' stays findable."""
    return _labelled_pieces(block, _continued_label(block.key or "", budget, count), budget, count)


def _labelled_pieces(block: Block, label: str, budget: int, count: TokenCounter) -> Iterator[Block]:
    """The block cut at sentences to fit, every piece after the first opening with the label."""
    room = budget - (count(label) + 2 if label else 0)
    for i, piece in enumerate(split_text(block.text, room, count)):
        text = f"{label}\n{piece}" if i and label else piece
        yield Block(block.kind, text, block.page_start, block.page_end, block.key)


# A speaker or label opening a paragraph: up to 8 capitalised words ('Hon. Patty Hajdu', 'Mr. Jagmeet
# Singh (Burnaby South, NDP)', 'Response'), then a colon.
_NAME_WORD = r"(?:[A-Z(][\w.'’()-]*,?|of|the|and|for|de|van|von)"
_SPEAKER = re.compile(rf"^({_NAME_WORD}(?: {_NAME_WORD}){{0,7}}):\s+\S")


def _continued_label(key: str, budget: int, count: TokenCounter) -> str:
    """'Pledge 48 - We will look … (continued)', shortened to fit half the budget, or nothing."""
    words = key.split()[:_ROW_KEY_WORDS]
    while True:
        label = f"{' '.join(words)} … (continued)" if words else "(continued)"
        if count(label) + 2 <= budget // 2:
            return label
        if not words:
            return ""
        words = words[:-1]


def _units(blocks: Sequence[Block], budget: int, count: TokenCounter) -> Iterator[Block]:
    for block in blocks:
        if block.kind == "heading" or _fits(block.text, budget, count):
            yield block
        elif block.kind == "row":
            yield from _row_pieces(block, budget, count)
        else:
            yield from _text_pieces(block, budget, count)


def _text_pieces(block: Block, budget: int, count: TokenCounter) -> Iterator[Block]:
    """A long paragraph is cut at sentences; a speaker's turn ('Kirsty Williams AM: …', 'Response: …')
    repeats the speaker on every piece, so who said it stays with what was said."""
    speaker = _SPEAKER.match(block.text)
    label = _continued_label(speaker.group(1), budget, count) if speaker else ""
    return _labelled_pieces(block, label, budget, count)


def _joins(draft: _Draft, unit: Block, budget: int, count: TokenCounter) -> bool:
    """Text joins text; a short row joins short rows; nothing else shares a chunk."""
    if not draft.blocks:
        return True
    if count(f"{draft.text()}\n\n{unit.text}") > budget:
        return False
    last = draft.blocks[-1]
    if unit.kind == "text" and last.kind == "text":
        return True
    short = budget // _SHORT_ROW_SHARE
    return unit.kind == last.kind == "row" and all(count(b.text) <= short for b in (last, unit))


class _Packer:
    """Greedy packing of units into chunks under one heading at a time."""

    def __init__(self, doc_id: str, count: TokenCounter, max_tokens: int) -> None:
        self.doc_id, self.count, self.max_tokens = doc_id, count, max_tokens
        self.chunks: list[Chunk] = []
        self.draft = _Draft()
        self.heading: str | None = None

    def flush(self) -> None:
        if self.draft.blocks:
            start, end = _page_span(self.draft.blocks)
            text = self.draft.text()
            self.chunks.append(Chunk(self.doc_id, len(self.chunks), text, self.heading, start, end))
            self.draft = _Draft()

    def add(self, block: Block, heading: str | None) -> None:
        carried: list[Block] = []
        if heading != self.heading:
            carried = self._meeting_header()
            if carried and not self.draft.blocks and self.heading:
                # the section held only the next meeting's header: its heading was an agenda line ('14.
                # Tracking Decisions (Pages 75 - 78)' before reproduced minutes), kept as text, not lost
                page = carried[0].page_start
                self.draft.blocks.append(Block("text", self.heading, page, page))
                self.heading = None
            self.flush()
            self.heading = heading
        budget = self.max_tokens - (self.count(heading) + 1 if heading else 0)
        for unit in _units([*carried, block], budget, self.count):
            if not _joins(self.draft, unit, budget, self.count):
                opener = self._introduction(unit, budget)
                self.flush()
                self.draft.blocks.extend(opener)
            self.draft.blocks.append(unit)

    def _introduction(self, unit: Block, budget: int) -> list[Block]:
        """A paragraph ending in a colon that closes the draft opens the next chunk with what it introduces
        ('R2023-206 T. Butler, D. Yemm:' over 'That the minutes … be adopted', 'A RECORDED VOTE was taken
        the result being as follows:' over its yeas and nays), as a table's caption opens its rows', when
        both fit; a chunk boundary between them parts a resolution from its number, a vote from what was
        voted and a table from its title."""
        blocks = self.draft.blocks
        if len(blocks) < 2 or blocks[-1].kind != "text" or unit.kind not in ("text", "row"):
            return []
        last = blocks[-1]
        # a table's caption ('Table 3: Housing budget fiscal year 2020-21') opens the chunk of its rows
        caption = unit.kind == "row" and bool(_CAPTION.match(last.text))
        if not (last.text.rstrip().endswith(":") or caption):
            return []
        if self.count(f"{last.text}\n\n{unit.text}") > budget:
            return []
        if caption and "\n" not in last.text and len(last.text.split()) <= _INTRODUCTION_WORDS:
            return [blocks.pop()]  # a caption is one line, whatever its colon splits off
        # one short sentence: a longer paragraph may go on from the one before it (a page break) and
        # holds more than the introduction, which it would part from what comes before
        if len(split_sentences(last.text)) > 1 or len(last.text.split()) > _INTRODUCTION_WORDS:
            return []
        return [blocks.pop()]

    def _meeting_header(self) -> list[Block]:
        """A meeting's title and date lines ending a section open the next one, not a chunk of their own:
        minutes reproduced in a later pack print 'Scrutiny Committee / Wednesday 10 July 2019' above
        'PRESENT', and the chair's line must be read with that meeting's name and date."""
        blocks = self.draft.blocks
        if len(blocks) < 2 or not all(b.kind == "text" for b in blocks[-2:]):
            return []
        title, date = blocks[-2].text, blocks[-1].text
        if header_day(title, date) is None:
            return []
        header = blocks[-2:]
        del blocks[-2:]
        return header


def chunk_blocks(blocks: Sequence[Block], doc_id: str, count: TokenCounter, max_tokens: int) -> list[Chunk]:
    """Pack blocks into chunks whose heading plus text stays within max_tokens."""
    packer = _Packer(doc_id, count, max_tokens)
    current: str | None = None  # the heading the content sits under
    pending: Block | None = None  # a heading seen, with no content under it yet
    orphans: list[Block] = []  # headings with nothing under them (agenda lines) are content
    for block in blocks:
        if block.kind == "heading":
            if pending is not None:
                orphans.append(replace(pending, kind="text"))
            pending = block
            continue
        for orphan in orphans:
            packer.add(orphan, None)
        orphans.clear()
        if pending is not None:
            current, pending = pending.text, None
        packer.add(block, current)
    for orphan in orphans + ([replace(pending, kind="text")] if pending else []):
        packer.add(orphan, None)
    packer.flush()
    return packer.chunks


def _with_page_facts(chunk: Chunk, pages: dict) -> Chunk:
    """The chunk with the printed labels of its first and last page, and whether any of its pages was
    read by OCR or is restricted."""
    first, last = pages.get(chunk.page_start or -1), pages.get(chunk.page_end or -1)
    span = range(chunk.page_start or 0, (chunk.page_end or chunk.page_start or 0) + 1)
    spanned = [pages[n] for n in span if n in pages] or pages.get(None, [])
    return replace(
        chunk,
        label_start=first.label if first else None,
        label_end=last.label if last else None,
        ocr=any(page.ocr for page in spanned),
        restricted=any(page.restricted for page in spanned),
    )


def chunk_document(document: Document, count: TokenCounter, max_tokens: int) -> list[Chunk]:
    """Chunks of a cleaned document, each fitting max_tokens with its heading, carrying page labels."""
    chunks = chunk_blocks(parse_blocks(document.pages), document.id, count, max_tokens)
    pages: dict = {page.number: page for page in document.pages if page.number is not None}
    # Text without page numbers cannot say which page a chunk came from: it takes the facts of all
    # the unnumbered pages (a restricted one among them restricts it: the cautious way round).
    pages[None] = [page for page in document.pages if page.number is None]
    return [_with_page_facts(chunk, pages) for chunk in chunks]
