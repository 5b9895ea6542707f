"""Status answers read from commitment records: where a numbered commitment stands, and since when."""

# 'What is the status of Pledge 48?' answered from the commitment records (corpus/commitments.py): the
# status as of the newest paper that states it, its history said once, the newest row cited first. A
# date in the question picks the statement of that time. None where no record fits: the reader answers.

from __future__ import annotations

import re

from corpus.commitments import KINDS
from corpus.sentences import split_sentences
from index.passage import Passage
from index.recordquery import Statement, statements
from index.store import Store
from qa.answer import Answer, Citation
from qa.facts import clip
from qa.query import Identifier
from qa.retriever import Retrieval
from qa.statements import status_runs, status_summary, when

_ASKING = {"status", "history"}  # question intents a status record answers (qa/query.py)
_NOUNS = {kind.lower() for kind in KINDS.split("|")}
_NARRATIVE_WORDS = 35  # words of the lead row's narrative that follow its status
_UNSTATED = "no status given"


def status_answer(store: Store, question: str, retrieval: Retrieval) -> Answer | None:
    """The asked commitment's status from its records, or None where the question asks no status of
    exactly one numbered commitment, or no record of it is among the chunks retrieval may use."""
    query = retrieval.query
    asked = [i for i in query.identifiers if i.noun in _NOUNS and i.strict]
    if query.intent not in _ASKING or len(asked) != 1:
        return None
    found = _visible(store, asked[0], retrieval)
    if query.time is not None:  # 'as of 2019', 'in September 2019': what was said by then
        found = [s for s in found if s.date is not None and s.date <= query.time.end]
    if not found:
        return None
    return _answer(store, question, found)


def _visible(store: Store, asked: Identifier, retrieval: Retrieval) -> list[Statement]:
    """Statements of the key in chunks retrieval found holding it (so its filters and access hold),
    of the council whose paper ranks first (two councils may both number a 'Pledge 48'); newest first."""
    held = {cid for cid, ids in retrieval.matched.items() if asked in ids}
    key = f"{asked.noun.title()} {asked.number}"
    found = [s for s in statements(store.db, key, restricted=True) if s.chunk_id in held]
    rank = {p.chunk_id: i for i, p in enumerate(retrieval.passages)}
    if not found:
        return []
    first = min(found, key=lambda s: rank.get(s.chunk_id, len(rank)))
    return [s for s in found if s.council == first.council]


def _answer(store: Store, question: str, found: list[Statement]) -> Answer | None:
    """Newest statement first: unchanged, 'In Progress since … (still in …): narrative'; stated once,
    'As of …: status — narrative'; changed, that, then the history with each change cited."""
    lead = found[0]
    runs = status_runs(found)
    narrative = _lead_sentences(lead.narrative)
    cited = [lead]
    if len(runs) == 1 and len(found) > 1:
        cited.append(runs[0][1])  # the row the run began in: the 'since'
        text = f"{status_summary(found)}: {narrative}" if narrative else status_summary(found)
        text += " [1][2]."
    else:
        said = " — ".join(filter(None, (lead.status, narrative))) or _UNSTATED
        text = f"As of {when(lead)}: {said} [1]."
        if len(runs) > 1:
            starts = [first for _, first, _ in runs if first is not lead]
            cited += starts
            markers = "".join(f"[{n}]" for n in range(2, len(cited) + 1))
            text += f" Over time: {status_summary(found)} {markers}."
    passages = _passages(store, cited)
    if passages is None:
        return None
    return Answer(question, text, "answered", tuple(Citation.of(n, p) for n, p in enumerate(passages, 1)))


def _lead_sentences(narrative: str) -> str:
    """The narrative's leading sentences, as many as fit in _NARRATIVE_WORDS (at least one, clipped)."""
    kept: list[str] = []
    for sentence in split_sentences(" ".join(narrative.split())):
        if kept and len(" ".join([*kept, sentence]).split()) > _NARRATIVE_WORDS:
            break
        kept.append(sentence)
    return re.sub(r"[.:;,]+$", "", clip(" ".join(kept), _NARRATIVE_WORDS))


def _passages(store: Store, cited: list[Statement]) -> list[Passage] | None:
    """The cited rows' chunks in citation order; None if any is gone (a store mid-rebuild)."""
    ids = [s.chunk_id for s in cited]
    if None in ids:
        return None
    by_id = {p.chunk_id: p for p in store.passages(ids)}
    return [by_id[i] for i in ids] if all(i in by_id for i in ids) else None
