"""Which passages holding an asked identifier pin the reading: those of the paper the question dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from qa.framing import paper_dates
from qa.query import time_target
from qa.retriever import Retrieval

# A paper named by its month ('the June 2019 progress report') may be reprinted in a later pack (the
# September 2019 committee's); one dated years after it is another paper with the same numbering
# ('Priority 5' of a 2024 plan is not the 2019 report's 'ILACS Priority Action 5').
_REPRINTED_WITHIN = dt.timedelta(days=366)


def pinned_to_named_paper(retrieval: Retrieval) -> Retrieval:
    """The retrieval with its identifier matches (`matched`) kept only in passages whose paper's date
    lies within the time of the paper the question names by a date (or a year after, reprinted), or
    is unknown; with none so kept, no identifier pins the reading. Unchanged when the question names no
    paper by a date (qa.framing.paper_dates)."""
    named = time_target(paper_dates(retrieval.query.text)) if retrieval.matched else None
    if named is None:
        return retrieval
    dates = {p.chunk_id: p.date for p in retrieval.passages}
    kept = {
        cid: held
        for cid, held in retrieval.matched.items()
        if cid in dates and (dates[cid] is None or named.start <= dates[cid] <= named.end + _REPRINTED_WITHIN)
    }
    return replace(retrieval, matched=kept)
