"""Answers read off a paper's lists: a count by its items, a report section's items, a numbered series."""

from __future__ import annotations

from collections.abc import Sequence

from index.passage import Passage
from index.settings import Settings
from index.store import Store
from qa.citations import markers
from qa.facts import clip
from qa.implications import implication
from qa.query import Query
from qa.sections import section
from qa.series import series
from qa.tally import tally

_TALLY_SHOWN = 8  # items named after a count: the count is the answer, the names let it be checked
_LEAD_WORDS = 30  # words of the lead-in shown before the counted items


def laid_out(
    query: Query, passages: Sequence[Passage], store: Store, settings: Settings
) -> tuple[str, list[Passage]] | None:
    """A report's section asked for by name ('What did the report recommend?': the items under its
    RECOMMENDATIONS heading, qa/sections.py; 'Any IT implications?': what its IT section says,
    qa/implications.py), or a numbered series asked for whole ('List the plan's
    ten priorities', qa/series.py): (the answer's text with its markers, the passages it cites in
    order); None when the question asks for neither or no paper lays one out."""
    budget = (settings.list_chunks, settings.answer_words)
    if listed := section(query.text, passages, store.next_passage, *budget, store.paper_passages):
        text, used = listed
        return f"{text} {markers(len(used))}", used
    if said := implication(query.text, passages, store.paper_passages, settings.answer_words):
        text, used = said
        return f"{text} {markers(len(used))}", used
    return series(query.text, passages, store.paper_passages, query.time)


def counted_list(
    query: Query, passages: Sequence[Passage], store: Store, settings: Settings
) -> tuple[str, list[Passage]] | None:
    """'How many candidates were nominated?' answered by counting the list a lead-in introduces
    (qa/tally.py): '4 — … ARNOLD Kim; BLAKE Sam; … [1]', with the passages the list runs over."""
    found = tally(query.text, passages, store.next_passage, settings.list_chunks, settings.tally_passages)
    if not found:
        return None
    used = [found.passage, *found.later]
    shown = "; ".join(found.items[:_TALLY_SHOWN]) + ("; …" if len(found.items) > _TALLY_SHOWN else "")
    return f"{len(found.items)} — {clip(found.lead, _LEAD_WORDS)} {shown}. {markers(len(used))}", used
