"""Hybrid retrieval: BM25 and dense results fused, exact identifiers first, filters applied."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from index.embedder import Embedder
from index.filters import Filters
from index.passage import Passage
from index.search import dense, fts_query, lexical
from index.settings import Settings
from index.store import Store
from qa.fusion import rrf
from qa.query import Identifier, Query, parse

_ID_SCAN = 400
_LABEL = re.compile(
    r"^[^:\n]{1,40}:\s+"
)  # passages checked for an identifier; more than any real paper repeats one


@dataclass(frozen=True)
class Retrieval:
    """Ranked passages for a question, with what the answer composer needs to judge them."""

    query: Query
    passages: tuple[Passage, ...]
    similarity: dict[int, float]  # cosine of each passage to the question
    matched: dict[int, tuple[Identifier, ...]]  # identifiers each passage holds exactly
    missing: tuple[Identifier, ...]  # identifiers the question names that no passage holds
    vector: np.ndarray


def holds(passage_text: str, identifier: Identifier) -> bool:
    return bool(identifier.pattern().search(passage_text))


def defines(passage_text: str, identifier: Identifier) -> bool:
    """The identifier opens a line (a row's key, a numbered item): the passage is about it."""
    return any(identifier.pattern().match(_LABEL.sub("", line)) for line in passage_text.split("\n"))


class Retriever:
    """Searches one store with one embedder; both are loaded once and reused."""

    def __init__(self, store: Store, embedder: Embedder, settings: Settings) -> None:
        self.store, self.embedder, self.settings = store, embedder, settings

    def _identifier_hits(self, ident: Identifier, filters: Filters) -> list[tuple[int, bool]]:
        """Chunks holding the identifier exactly, each with whether it is about it (defines it)."""
        phrase = f'"{ident.number}"' if ident.noun in {"item", "minute"} else ident.fts_phrase()
        ranked = [cid for cid, _ in lexical(self.store, phrase, filters, _ID_SCAN)]
        texts = [(p.chunk_id, f"{p.heading or ''}\n{p.text}") for p in self.store.passages(ranked)]
        return [(cid, defines(text, ident)) for cid, text in texts if holds(text, ident)]

    def retrieve(self, question: str, filters: Filters | None = None, limit: int | None = None) -> Retrieval:
        filters = filters or Filters()
        limit = limit or self.settings.candidates
        query = parse(question)
        vector = self.embedder.embed([query.text])[0]
        lex = [
            cid for cid, _ in lexical(self.store, fts_query(query.terms), filters, self.settings.candidates)
        ]
        den = [cid for cid, _ in dense(self.store, vector, filters, self.settings.candidates)]
        fused = [cid for cid, _ in rrf([lex, den], k=self.settings.rrf_k)]
        matched: dict[int, list[Identifier]] = {}
        defining: set[int] = set()
        missing = []
        for ident in query.identifiers:
            hits = self._identifier_hits(ident, filters)
            if not hits and ident.strict:
                missing.append(ident)
            for cid, about in hits:
                matched.setdefault(cid, []).append(ident)
                defining.update([cid] if about else [])
        order = _identifier_first(fused, matched, defining)[:limit]
        sims = self._similarities(order, vector)
        fused_score = dict(rrf([lex, den], k=self.settings.rrf_k))
        passages = [
            replace(p, score=round(fused_score.get(p.chunk_id, 0.0), 6)) for p in self.store.passages(order)
        ]
        return Retrieval(
            query, tuple(passages), sims, {k: tuple(v) for k, v in matched.items()}, tuple(missing), vector
        )

    def _similarities(self, ids: list[int], vector: np.ndarray) -> dict[int, float]:
        return {cid: float(np.dot(self.store.vectors.vector(cid), vector)) for cid in ids}


def _identifier_first(
    fused: list[int], matched: dict[int, list[Identifier]], defining: set[int]
) -> list[int]:
    """Passages holding more of the asked identifiers first, those about them before those that
    mention them, then fused order; exact hits never drop out."""
    rank = {cid: i for i, cid in enumerate(fused)}
    pool = list(dict.fromkeys(fused + list(matched)))
    return sorted(pool, key=lambda c: (-len(matched.get(c, ())), c not in defining, rank.get(c, len(rank))))
