"""Counts told by listing: 'how many' answered by counting the rows or bullets a lead-in introduces."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corpus.sentences import split_sentences
from index.passage import Passage
from qa.candidate import stems_of
from qa.counting import counted, counted_head
from qa.facts import PLURAL_ANAPHOR
from qa.fit import TOPICAL
from qa.query import proper_words
from qa.typematch import of_named
from qa.units import is_row, label_of

# A sentence announcing what follows it: it ends in a colon, or points down the page.
_ANNOUNCES = re.compile(r"[:;]\s*$|\b(?:below|as follows|the following|listed)\b", re.I)
# A list item's marker: a bullet, a number or letter ('(a)', 'a)', '1.', '2.1'), or a bullet before one.
_MARKED = re.compile(
    r"\s*(?P<bullet>[-•*·▪]\s+)?(?:(?P<letter>\(?[a-z]{1,2}\)\s+)|(?P<number>\(?\d{1,2}[.)]\s+)"
    r"|(?P<dotted>\d+\.\d+\s+(?![ap]\.?m\b)))?"
)
# What any list holds: a question counting these needs no lead-in naming them.
_GENERIC = frozenset(stems_of("items points things entries"))
_OF = re.compile(r"\s(?:of|for|on|to|from|about|against)\s", re.I)  # 'Reasons for recommendation': reasons
_ASIDE = re.compile(r"\([^)]*\)")  # '(to follow)', '(Pledge 48)': said of a heading, not its noun
_SHARED = 2  # question words (beyond what it counts) a lead-in holds: it tells of the asked occasion
_ITEM_WORDS = 8  # each item's opening words, shown in the answer


@dataclass(frozen=True)
class Tally:
    """A list counted: its lead-in, each item's opening words, its passage, and the later chunks the
    list ran into."""

    lead: str
    items: tuple[str, ...]
    passage: Passage
    later: tuple[Passage, ...]


@dataclass(frozen=True)
class _Entry:
    """A table row (a block of labelled cells) or one line of text, and the chunk it came from."""

    text: str
    row: bool
    passage: Passage


def tally(
    question: str,
    passages: Sequence[Passage],
    next_passage: Callable[[int], Passage | None],
    chunks: int,
    lead_ins: int | None = None,
) -> Tally | None:
    """For a 'how many' question, the first list among the first `lead_ins` of `passages` whose lead-in
    names what the question counts (or whose rows' labels do) and shares words with the rest of the
    question; else the first among all `passages` under a heading naming it ('RECOMMENDATION' over
    '2.1 … 2.2 … 2.3 …') in a paper whose title shares them. Its items are read on into at most `chunks`
    chunks after. None when there is none."""
    head = counted_head(question)
    if not head:
        return None
    words = frozenset(stems_of(question)) - counted(question)  # stems_of drops stopwords
    named = [p for p in passages if of_named(p, proper_words(question))]
    for passage in named[:lead_ins]:
        if found := _under_lead_in(passage, head, words, next_passage, chunks):
            return found
    for passage in named:
        if found := under_heading(passage, head, words, next_passage, chunks):
            return found
    return None


def _under_lead_in(
    passage: Passage, head: str, words: frozenset[str], next_passage: Callable, chunks: int
) -> Tally | None:
    """The rows or marked lines after a lead-in naming what is counted and the asked occasion."""
    entries = _entries(passage)
    for at, entry in enumerate(entries):
        # an item ending its line with ';' is one of a list, not what announces one
        if entry.row or not _ANNOUNCES.search(_last_sentence(entry.text)) or _item_of_list(entry):
            continue
        lead = _lead(entries, at)
        items, later = _items(entries[at + 1 :], passage, next_passage, chunks)
        held = frozenset(stems_of(lead)) | frozenset(stems_of(" ".join(_labels(items))))
        counts_it = head in held or head in _GENERIC
        if len(items) >= 2 and counts_it and len(words & frozenset(stems_of(lead))) >= _SHARED:
            return Tally(_last_sentence(entry.text), tuple(_shown(i) for i in items), passage, later)
    return None


def _item_of_list(entry: _Entry) -> bool:
    return bool(_marker(entry)) and entry.text.rstrip().endswith(";")


def under_heading(
    passage: Passage,
    head: str,
    words: frozenset[str],
    next_passage: Callable[[int], Passage | None],
    chunks: int,
    item_words: int = _ITEM_WORDS,
) -> Tally | None:
    """The marked items a chunk opens with (after a line leading into them), under a heading whose own
    noun's stem is `head` ('Recommendations', not 'Reasons for recommendation'), of the paper the
    question's other stems (`words`) name: its title, council, meeting, date and heading hold a topical
    share of them, as a lead-in would. Each item shown by its first `item_words` words; None when the
    chunk opens no such list of two or more."""
    heading = passage.heading or ""
    # a heading's own noun is its last ('Key Risks'); 'Care Leavers and NEET - plan (to follow)' heads a plan
    own = stems_of(_ASIDE.sub(" ", _OF.split(heading, maxsplit=1)[0]))[-1:]
    dated = f"{passage.date:%B %Y}" if passage.date else ""
    occasion = frozenset(
        stems_of(f"{passage.title or ''} {passage.council or ''} {passage.body or ''} {dated} {heading}")
    )
    entries = _entries(passage)
    if entries and heading and entries[0].text == heading.strip():  # the chunk repeats its heading
        entries = entries[1:]
    # the items may follow a line that only leads into them ('Cabinet is recommended to:')
    if len(entries) > 1 and _ANNOUNCES.search(entries[0].text) and not _marker(entries[0]):
        entries = entries[1:]
    of_paper = len(words & occasion) >= max(min(_SHARED, len(words)), TOPICAL * len(words))
    if head not in own or not of_paper or not entries or not _marker(entries[0]):
        return None
    items, later = _items(entries, passage, next_passage, chunks)
    shown = tuple(_shown(i, item_words) for i in items)
    return Tally(f"{heading.rstrip(': ')}:", shown, passage, later) if len(items) >= 2 else None


def _entries(passage: Passage) -> list[_Entry]:
    out: list[_Entry] = []
    for block in passage.text.split("\n\n"):
        if is_row(block):
            out.append(_Entry(block.strip(), True, passage))
        else:
            out.extend(_Entry(line.strip(), False, passage) for line in block.split("\n") if line.strip())
    return out


def _last_sentence(line: str) -> str:
    sentences = split_sentences(line)
    return sentences[-1] if sentences else line


def _lead(entries: Sequence[_Entry], at: int) -> str:
    """The lead-in sentence, with the sentence before it when it opens on a plural anaphor ('These
    include:' names its items there)."""
    sentences = split_sentences(entries[at].text)
    if len(sentences) >= 2 and PLURAL_ANAPHOR.match(sentences[-1]):
        return " ".join(sentences[-2:])
    if PLURAL_ANAPHOR.match(sentences[-1] if sentences else "") and at > 0 and not entries[at - 1].row:
        return f"{entries[at - 1].text} {entries[at].text}"
    return sentences[-1] if sentences else entries[at].text


def _items(
    after: Sequence[_Entry], passage: Passage, next_passage: Callable[[int], Passage | None], chunks: int
) -> tuple[list[_Entry], tuple[Passage, ...]]:
    """The rows, or the marked lines, right after a lead-in; a line that is no item continues the item
    before it when that item's line breaks off mid-sentence. Read on while the list reaches its
    chunk's end."""
    rest, later, last = list(after), [], passage
    items: list[_Entry] = []
    while True:
        items, ended = _run(rest, items)
        heading = last.heading
        if ended or len(later) >= chunks or not (last := next_passage(last.chunk_id)):
            break
        # a chunk's own heading, where it is not its section's, is its first line ('• Council Finances')
        own = [_Entry(last.heading, False, last)] if last.heading and last.heading != heading else []
        rest = own + _entries(last)
        later.append(last)
    return items, tuple(p for p in later if any(i.passage is p for i in items))


def _run(entries: Sequence[_Entry], items: list[_Entry]) -> tuple[list[_Entry], bool]:
    """`items` extended by the list's run in `entries`; True when the run ended before their end. A
    line that is no item, between two items, continues the one above when its line broke off
    mid-sentence ('… as a result of a recommendation from a' / 'Motion that went to Full Council;')."""
    items = list(items)
    first = items[0] if items else (entries[0] if entries else None)
    for at, entry in enumerate(entries):
        if first is not None and _same_kind(entry, first):
            items.append(entry)
            continue
        # a broken line goes on to the next item, or to the chunk's end (the list may run on past it)
        goes_on = at + 1 == len(entries) or _same_kind(entries[at + 1], first)
        if not (items and _broken(items[-1], entry) and goes_on):
            return items, True
    return items, False


def _same_kind(entry: _Entry, first: _Entry) -> bool:
    """A row after a row, or a line marked as the first item was (a change of marker, '- 1.5 It is
    proposed' after '- Provide …', ends the list)."""
    if first.row or entry.row:
        return first.row and entry.row
    return bool(_marker(entry)) and _marker(entry) == _marker(first)


def _broken(item: _Entry, line: _Entry) -> bool:
    """The item's line broke off mid-sentence and `line` goes on with it; a line in capitals is a heading
    ('REASONS FOR RECOMMENDATION'), never the rest of an item."""
    ends = item.text.rstrip().endswith((".", ";", ":", "!", "?"))
    return not line.row and not ends and not line.text.isupper()


def _marker(entry: _Entry) -> tuple[str, ...]:
    """What kind of marker opens the line: () for none."""
    m = _MARKED.match(entry.text)
    return tuple(k for k, v in m.groupdict().items() if v) if m else ()


def _labels(items: Sequence[_Entry]) -> list[str]:
    return [label for i in items[:1] if i.row for line in i.text.split("\n") if (label := label_of(line)[0])]


def _shown(item: _Entry, most: int = _ITEM_WORDS) -> str:
    """A row's first cell, or a line's opening words (at most `most`) without its marker."""
    text = label_of(item.text.split("\n")[0])[1] if item.row else _MARKED.sub("", item.text, count=1)
    words = text.split()
    return " ".join(words[:most]) + (" …" if len(words) > most else "")
