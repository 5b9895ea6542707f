"""The passages an asked item runs over: from the chunk naming it to the next naming another of its kind."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

from corpus.meetingheader import day_at
from index.passage import Passage
from qa.query import Identifier

_NUMBERED = re.compile(r"^\s*\d+[a-z]?[.):]\s")  # a heading numbered at its start: '11. Minutes'


def item_pool(
    ranked: Sequence[Passage],
    matched: Mapping[int, tuple[Identifier, ...]],
    between: Callable[[int, int], list[Passage]],
    reach: int,
) -> list[Passage]:
    """The ranked passages that hold an asked identifier, and those of the same paper that follow one
    within `reach` chunks before any chunk names another item of its kind: the debate and the recorded
    vote after 'Motion No. 1', which never repeat its number. Rank order is kept.

    `between(a, b)`: the stored passages with chunk ids a < id ≤ b, in order; read once per naming
    passage that a ranked passage of its paper follows."""
    naming = [p for p in ranked if p.chunk_id in matched]
    stretches = [
        (start, _end(start, matched[start.chunk_id], between, reach))
        for start in naming
        if any(_after(p, start, start.chunk_id + reach) for p in ranked)
    ]
    return [
        p for p in ranked if p.chunk_id in matched or any(_after(p, start, end) for start, end in stretches)
    ]


def reported_papers(
    question: str, ranked: Sequence[Passage], matched: Mapping[int, tuple[Identifier, ...]]
) -> list[Passage]:
    """The ranked passages of the paper holding an identifier the question gives as a report's own number
    ('Menlo Park staff report 21-009-CC', 'Report No. 2019-044'), when it names no other: a report prints
    its number once, in its masthead, and what is asked of it is anywhere in it. Its other passages in
    rank order, then the masthead, whose subject line would read as an answer to anything; [] when no
    such number is given, or an item of the report is named too ('Table 2 of staff report …')."""
    asked = {i.number for ids in matched.values() for i in ids}
    numbers = {n for n in asked if _report_number(n).search(question)}
    if not numbers or numbers != asked:
        return []
    masthead = [p for p in ranked if p.chunk_id in matched]
    papers = {p.source for p in masthead}
    return [p for p in ranked if p.source in papers and p.chunk_id not in matched] + masthead


def _report_number(number: str) -> re.Pattern[str]:
    return re.compile(rf"\breport\s+(?:no\.?\s*|number\s*|#\s*)?{re.escape(number)}(?!\d)", re.I)


def _after(passage: Passage, start: Passage, end: int) -> bool:
    """The passage comes after `start` in its paper, before chunk id `end`."""
    return passage.source == start.source and start.chunk_id < passage.chunk_id < end


def _end(
    start: Passage, asked: tuple[Identifier, ...], between: Callable[[int, int], list[Passage]], reach: int
) -> int:
    """The chunk id where the item's stretch ends: the first chunk of another paper or naming another item
    of its kind, or the first past `reach`."""
    expected = start.chunk_id + 1
    for passage in between(start.chunk_id, start.chunk_id + reach):
        if (
            passage.chunk_id != expected
            or passage.source != start.source
            or _names_another(passage.text, asked)
            or _headed_by_another(passage.heading, asked)
        ):
            return expected
        expected += 1
    return expected


def _names_another(text: str, asked: tuple[Identifier, ...]) -> bool:
    """The text names an item of an asked identifier's kind that is not the asked one ('Motion No. 2');
    a bare number has no kind, so its stretch runs to `reach`."""
    for ident in asked:
        kind = ident.kind_pattern()
        if kind and any(not ident.pattern().match(text, m.start()) for m in kind.finditer(text)):
            return True
    return False


def _headed_by_another(heading: str | None, asked: tuple[Identifier, ...]) -> bool:
    """The chunk's heading numbers another item or minute at its start ('11. Minutes' after minute 13
    was asked): minutes number their items so, and never repeat the noun."""
    if not heading or not _NUMBERED.match(heading):
        return False
    return any(ident.lined and not ident.pattern().search(heading) for ident in asked)


def of_meeting_day(
    matched: Mapping[int, tuple[Identifier, ...]],
    ranked: Sequence[Passage],
    day: dt.date,
    between: Callable[[int, int], list[Passage]],
    reach: int,
) -> Mapping[int, tuple[Identifier, ...]]:
    """The matched passages (chunk id → identifiers) taken at the meeting on `day`, where any is: a pack
    numbers its own agenda's items and those of the earlier minutes it reproduces alike ('13. Work
    Programme', '13. Number of Children in Care'). A passage's meeting is the one whose header last
    precedes it within `reach` chunks of its paper, else its paper's own date."""
    by_id = {p.chunk_id: p for p in ranked}
    held = {
        cid: ids for cid, ids in matched.items() if cid in by_id and day_of(by_id[cid], between, reach) == day
    }
    return held or matched


def day_of(passage: Passage, between: Callable[[int, int], list[Passage]], reach: int) -> dt.date | None:
    """The day of the meeting whose header last precedes the passage within `reach` chunks of its
    paper (`between(first, last)` reads the chunks after `first` up to `last`), else its paper's date."""
    earlier = [
        p
        for p in between(max(0, passage.chunk_id - reach - 1), passage.chunk_id)
        if p.source == passage.source
    ]
    text = "\n\n".join(p.text for p in earlier) or passage.text
    return day_at(text, len(text)) or passage.date
