"""Fact answers: the sentences or cells that answer, best first, with a list's items kept together."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import takewhile

from index.passage import Passage
from qa.candidate import Candidate
from qa.query import Identifier, Query
from qa.rowvalues import labelled_rows
from qa.scoring import Scored, label_named, novelty
from qa.spanforms import BELOW
from qa.units import Unit, focus, is_row, opens_item, said_after, unit_at, units_of

_LIST_ITEMS = 8
_DASH_END = re.compile(r"[a-z]\s+[–—-]\s*$")  # 'it was reported that –', not a range's '2019-'
_TITLE_WORDS = 8  # an item's title names its identifier within its first words
_FIND_WORDS = 5  # an item is found in a chunk by its opening words
_PARAGRAPH_NUMBER = re.compile(r"\d+(?:\.\d+)+\s")  # '1.5 It is proposed …': a report's numbered paragraph
_MARKER = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]")  # an item's number alone: '1.', 'a)', '(ii)'
_MARKED = re.compile(r"\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s+\S")  # a line opening '(1) …', '(b) …', '(iii) …'
# A lead-in that counts its list ('has four key areas of work:') says where unbulleted items end.
_TIME_UNIT = re.compile(r"(?:years|months|weeks|days|hours|quarters|terms|sessions)$", re.I)
_COUNTS = {w: n for n, w in enumerate("two three four five six seven eight".split(), 2)}
_COUNTED = re.compile(r"\b(two|three|four|five|six|seven|eight|[2-8])\s+(?:[a-z-]+\s+){0,3}?[a-z-]+s\b", re.I)


_NAME_RUN = 4  # words a clipped text may run on to finish a name it would cut ('the ACE Multi Academy Trust')


def clip(text: str, words: int) -> str:
    """The text's first `words` words and '…', run on to the end of a capitalised name cut in two."""
    parts = text.split()
    if len(parts) <= words:
        return text
    end = words
    while (
        end < min(len(parts), words + _NAME_RUN) and parts[end - 1][:1].isupper() and parts[end][:1].isupper()
    ):
        end += 1
    return text if end == len(parts) else " ".join(parts[:end]).rstrip(",;:") + " …"


def choose(scored: list[Scored], budget: int, is_list: bool, is_summary: bool = False) -> list[Scored]:
    """The best unit, then close runners-up while the answer stays short; a summary question takes
    more of the good ones, up to the word budget."""
    # A summary ('what did the committee say about…') is several points, so it fills the budget.
    floor = scored[0].score * (0.8 if is_list else 0.5 if is_summary else 0.9)
    chosen = [scored[0]]
    if scored[0].named:
        return chosen  # the question named this column: its cell is the whole answer
    words = len(clip(scored[0].unit.shown, 60).split())
    for candidate in scored[1 : 8 if is_list else 12 if is_summary else 3]:
        size = min(len(candidate.unit.shown.split()), 25 if is_list else 60)
        if candidate.score < floor or words + size > budget or _near_duplicate(candidate, chosen):
            continue
        chosen.append(candidate)
        words += size
    return chosen


def items_after(
    lead: Scored,
    identifiers: Sequence,
    next_passage: Callable[[int], Passage | None],
    chunks: int,
    forward: bool = False,
) -> tuple[list[Unit], list[Passage]]:
    """The items of a list the lead sentence introduces ('These include:'), reading on into at most
    `chunks` chunks after its passage (`next_passage`: chunk id -> the next chunk of its paper); and
    those later chunks that hold an item, to be cited beside the lead-in's own. `forward`: the question
    asks for people or a list, which a sentence pointing below may introduce (`points_below`)."""
    if not introduces_list(lead.unit.text) and not (forward and points_below(lead.unit.text)):
        return [], []
    following, chunk_id = [], lead.passage.chunk_id
    while len(following) < chunks and (after := next_passage(chunk_id)):
        following.append(after)
        chunk_id = after.chunk_id
    items = list_items(lead, identifiers, "\n\n".join(p.text for p in following), forward)
    return items, [p for p in following if any(_holds(p, item) for item in items)]


def _holds(passage: Passage, item: Unit) -> bool:
    """Whether the passage prints the item's opening words (units keep words, not line breaks)."""
    return " ".join(item.text.split()[:_FIND_WORDS]) in " ".join(passage.text.split())


def list_items(
    lead: Scored, identifiers: Sequence, following_text: str = "", forward: bool = False
) -> list[Unit]:
    """Items that follow a sentence introducing a list ('These include:'), one per line, from the same
    passage and, when the list runs past the chunk's end, from the text of the chunks after it. None
    when the lead-in's own line goes on after it: the list is that prose ('… three key questions:
    What's working well? …'). `forward`: a sentence pointing below ('the persons whose names appear
    below were duly elected') introduces the bullets or table rows that follow it, and nothing else."""
    pointing = forward and points_below(lead.unit.text) and not introduces_list(lead.unit.text)
    if not introduces_list(lead.unit.text) and not pointing:
        return []
    units = units_of(focus(lead.passage.text, identifiers))
    start = next((i for i, u in enumerate(units) if u.text == lead.unit.text), len(units))
    after = units[start + 1 :]
    if (after and not after[0].opens_line) or (lead.unit.text.rstrip().endswith(";") and _item(units, start)):
        return []
    own, count = _lines(after), stated_count(lead.unit.text)
    # Read on into the next chunks only while the list may still be running at the passage's end.
    read_on = not own or (count and len(own) < count) or all(line.item for line in own)
    following = own + (_lines(units_of(following_text)) if read_on else [])
    if following and following[0].item:
        return _bulleted(following)
    if following and _row(following[0]):  # a table under its lead-in: its rows are the items
        return list(takewhile(_row, following))[:_LIST_ITEMS]
    if pointing:
        return []  # prose after a sentence pointing below is not the list it points to
    if lead.unit.text.rstrip().endswith(";"):
        return []  # a semicolon introduces only a bulleted list; before anything else it ends a clause
    if following and _numbered(following[0].text):  # a numbered list runs while its lines are numbered
        return list(takewhile(lambda line: _numbered(line.text), following))[: count or _LIST_ITEMS]
    plain = list(takewhile(lambda line: not introduces_list(line.text), following))  # to a sub-heading
    return plain[: count or _LIST_ITEMS]


def _numbered(text: str) -> bool:
    """A line opening with its item's number or letter ('1. the City's Private Tree Protection By-law …;')."""
    return bool(_MARKER.match(text) or _MARKED.match(text))


def _item(units: Sequence[Unit], at: int) -> bool:
    """Whether the unit at `at` is itself an item of a list: bulleted, or after a line ending in a
    semicolon as its list's items do ('Councillor Pagtakhan, … Management;')."""
    return at < len(units) and (units[at].item or (at > 0 and units[at - 1].text.rstrip().endswith(";")))


def _row(line: Unit) -> bool:
    """A table row as units_of gives it, its labelled cells joined by '; ' ('Member: …; Subject: …')."""
    return is_row(line.text.replace("; ", "\n"))


def _lines(units: Sequence[Unit]) -> list[Unit]:
    """Units joined into the lines they came from, each a line's first unit with the sentences after
    it; a bare marker ('1.', 'a.', '(ii)') heads the text that follows it, which makes the line an item.
    Text before the first line's start is dropped."""
    lines: list[Unit] = []
    for unit in units:
        if lines and (not unit.opens_line or _MARKER.fullmatch(lines[-1].text)):
            last = lines[-1]
            item = last.item or unit.item or bool(_MARKER.fullmatch(last.text))  # '1. Adopt …' is an item
            lines[-1] = Unit(f"{last.text} {unit.text}", last.label, item, True)
        elif unit.opens_line:  # a line opening with its marker ('(1) the mobile library …;') is an item
            lines.append(Unit(unit.text, unit.label, unit.item or bool(_MARKED.match(unit.text)), True))
    return lines


def introduces_prose(text: str) -> bool:
    """A sentence whose colon introduces what follows it in its paragraph ('two strands to our work:');
    a semicolon there only ends a clause of a run-on list ('Councillor Pagtakhan, … Management;')."""
    return text.rstrip().endswith(":")


# A sentence pointing to what is printed after it: 'whose names appear below', 'are as follows'.
_BELOW = re.compile(BELOW)


def points_below(text: str) -> bool:
    """Whether a sentence points to a list printed after it ('the persons whose names appear below were
    duly elected'), though it ends in a full stop."""
    return bool(_BELOW.search(text))


def introduces_list(text: str) -> bool:
    """A sentence that may introduce a list: it ends in a colon, in the semicolon some papers print
    for one ('Practice strengths identified include;'), or in the dash minutes print after a word
    ('In response to questions raised it was reported that –'), and is then followed by bullets."""
    return text.rstrip().endswith((":", ";")) or bool(_DASH_END.search(text))


def _bulleted(following: Sequence[Unit]) -> list[Unit]:
    """The run of bulleted lines that opens `following`; a numbered paragraph ('1.5 It is proposed')
    after unnumbered bullets goes on with the paper's own numbering, so it ends the list."""
    numbered = bool(_PARAGRAPH_NUMBER.match(following[0].text))
    bracketed = bool(_MARKED.match(following[0].text))  # '(1) …' items end at the next '7. Council Tax'
    items: list[Unit] = []
    for unit in following[:_LIST_ITEMS]:
        if not unit.item or bool(_PARAGRAPH_NUMBER.match(unit.text)) != numbered:
            break
        if bracketed and not _MARKED.match(unit.text):
            break
        items.append(unit)
    return items


def stated_count(lead: str) -> int | None:
    """How many items a lead-in says its list holds ('The model has four key areas of work:' -> 4); a
    stretch of time counts none ('paid by IPB in the last two financial years:')."""
    m = next((m for m in _COUNTED.finditer(lead) if not _TIME_UNIT.search(m.group(0))), None)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else _COUNTS[word]


def rows_matching(passages: Sequence[Passage], query: Query) -> list[tuple[str, Passage]]:
    """For 'Which pledges does Jemima Laing hold?': table rows whose cell under a column the question
    names says what the question says ('Portfolio Holder: Jemima Laing'); each row's key is an item."""
    found: dict[str, tuple[str, Passage]] = {}
    for passage in passages:
        for cells in labelled_rows(passage.text):
            if any(
                label_named(label, query.terms) and novelty(value, query.terms) < 0.34
                for label, value in cells[1:]
            ):
                key = clip(cells[0][1], 12)
                found.setdefault(" ".join(key.lower().split()[:4]), (key, passage))
    return list(found.values())[:_LIST_ITEMS]


def _near_duplicate(candidate: Scored, chosen: Sequence[Scored]) -> bool:
    mine = set(candidate.unit.text.lower().split())
    return any(len(mine & set(c.unit.text.lower().split())) > 0.6 * len(mine) for c in chosen)


# A sentence opening on a plural anaphor ('These 7 schools are', 'They include') names what the sentence
# before it counted or introduced.
PLURAL_ANAPHOR = re.compile(r"(?:These|Those|They)\b")


def enumerated(lead: Scored, words: int) -> str:
    """For a list question, the sentences after the lead that go on about its plural subject ('These
    7 schools are Devonport High School, …'), or, after a colon or a labelled cell's semicolon, the rest
    of its paragraph, within `words`: the list the lead only announces or begins."""
    # 'two strands to our work:' goes on in prose; a labelled cell's items run on after semicolons ('Staff:
    # Operations Superintendent Dan MacInnis; Office Assistant-Intern Kim Turnbull; …')
    run_on = introduces_prose(lead.unit.text) or (lead.unit.label and lead.unit.text.rstrip().endswith(";"))
    opening = None if run_on else PLURAL_ANAPHOR
    return said_after(lead.passage.text, lead.unit.text, words, opening)


def item_text(c: Candidate, identifiers: Sequence[Identifier]) -> str | None:
    """When the best line is an asked item's title ('Item 7(b) Tree Preservation Order 15/2019, Mill
    Street'), the item's text is what follows it in the passage: what was decided or said under it."""
    title = c.text.rstrip()
    if (
        c.span
        or c.label
        or title.endswith((".", ":"))
        or "; " in title  # a whole table row (cells joined by '; '), not an item's title line
        or len(title.split()) > 2 * _TITLE_WORDS
        or not any(i.pattern().search(" ".join(title.split()[:_TITLE_WORDS])) for i in identifiers)
    ):
        return None
    units = units_of(c.passage.text)
    at = unit_at(units, c.text)
    body: list[str] = []
    for unit in units[at + 1 : at + 3] if at is not None else []:
        if any(i.pattern().match(unit.text) for i in identifiers):
            continue  # the asked item's title again
        if unit.opens_line and opens_item(unit.text):
            break  # the next item's title: its text is not this item's
        body.append(unit.text)
    return " ".join(body) or None


# 'Which two organisations …?': how many things the question asks for
_ASKED_COUNT = re.compile(
    r"\b(?:which|what|name\s+the|the)\s+(two|three|four|five|six|[2-6])\s+[a-z-]+", re.I
)
_LETTERED = re.compile(r"^\((?:[b-z]|i{2,3}|iv|v|vi)\)\s")  # '(b) the Bemis Center …', '(ii) …'


def clauses_asked(text: str, passage: Passage, question: str) -> list[str]:
    """For a question asking for a number of things ('Which two arts organisations …?'), the lettered
    clauses after a lead ending in a semicolon that go on with its list ('(a) … Love's Jazz and Art
    Center …; (b) the Bemis Center … $50,000;'), up to the count asked less one, each to its own
    semicolon; [] for other questions or leads."""
    m = _ASKED_COUNT.search(question)
    if not m or not text.rstrip().endswith(";"):
        return []
    word = m.group(1).lower()
    count = int(word) if word.isdigit() else _COUNTS[word]
    units = units_of(passage.text)
    at = unit_at(units, text)
    if at is None:
        return []
    following = takewhile(lambda u: bool(_LETTERED.match(u.text)), units[at + 1 : at + count])
    return [u.text.split(";", 1)[0] + ";" for u in following]
