"""Fact answers: the sentences or cells that answer, best first, with a list's items kept together."""

from __future__ import annotations

from collections.abc import Sequence

from index.passage import Passage
from qa.query import Query
from qa.scoring import Scored, label_named, novelty
from qa.units import Unit, focus, label_of, units_of

_LIST_ITEMS = 8


def clip(text: str, words: int) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]).rstrip(",;:") + " …"


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


def list_items(lead: Scored, identifiers: Sequence, following_text: str = "") -> list[Unit]:
    """Items that follow a sentence introducing a list ('These include:'), from the same passage and,
    when the list runs past the chunk's end, from the next chunk's text."""
    if not lead.unit.text.rstrip().endswith(":"):
        return []
    units = units_of(focus(lead.passage.text, identifiers))
    start = next((i for i, u in enumerate(units) if u == lead.unit), len(units))
    # Bulleted items, or else the lines that follow ('Health & Development - …'), one sentence each.
    following = [u for u in units[start + 1 :] + units_of(following_text) if u.opens_line]
    bulleted = [u for u in following[:_LIST_ITEMS] if u.item]
    return bulleted if bulleted else following[:_LIST_ITEMS]


def rows_matching(passages: Sequence[Passage], query: Query) -> list[tuple[str, Passage]]:
    """For 'Which pledges does Jemima Laing hold?': table rows whose cell under a column the question
    names says what the question says ('Portfolio Holder: Jemima Laing'); each row's key is an item."""
    found: dict[str, tuple[str, Passage]] = {}
    for passage in passages:
        for block in passage.text.split("\n\n"):
            cells = [label_of(line.strip()) for line in block.split("\n") if line.strip()]
            if len(cells) < 2 or not all(label for label, _ in cells):
                continue
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
