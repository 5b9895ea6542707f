"""Hybrid retrieval: BM25 and dense results fused, exact identifiers first, filters applied."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from index.embedder import Embedder
from index.filters import Filters
from index.passage import Passage
from index.search import dense, frequencies, fts_query, lexical, lexical_terms
from index.settings import Settings
from index.store import Store
from qa.fusion import rrf
from qa.query import Identifier, Query, parse
from qa.relevance import coverage, term_weights
from qa.scoring import context

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
    weights: dict[str, float]  # IDF of each question term over the store
    frequencies: dict[str, int]  # how many chunks hold each question term


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
        n = self.settings.candidates
        counts = frequencies(self.store, query.terms)
        searched = fts_query(lexical_terms(counts, self.settings.lexical_postings))
        lex = [cid for cid, _ in lexical(self.store, searched, filters, n)]
        den = [cid for cid, _ in dense(self.store, vector, filters, n)]
        fused = dict(rrf([lex, den], k=self.settings.rrf_k))
        matched, defining, missing = self._identifiers(query, filters)
        candidates = self.store.passages(list(dict.fromkeys(list(fused) + list(matched))))
        sims = self._similarities([p.chunk_id for p in candidates], vector)
        weights = term_weights(counts, len(self.store.vectors))  # FAISS holds every chunk: no COUNT(*) scan
        scored = [replace(p, score=round(self._rerank(p, sims, fused, weights), 6)) for p in candidates]
        order = _identifier_first(scored, matched, defining)[:limit]
        return Retrieval(query, tuple(order), sims, matched, missing, vector, weights, counts)

    def _rerank(self, passage: Passage, sims: dict[int, float], fused: dict[int, float], weights) -> float:
        """Meaning, plus the question's weighty words in the passage and its paper, plus fused rank:
        a passage that only BM25 or only FAISS found still rises when it holds what was asked."""
        best_fused = 2.0 / (self.settings.rrf_k + 1)
        return (
            sims[passage.chunk_id]
            + self.settings.rerank_lexical * coverage(context(passage), weights)
            + self.settings.rerank_fusion * fused.get(passage.chunk_id, 0.0) / best_fused
        )

    def _identifiers(self, query: Query, filters: Filters):
        """Chunks holding each asked identifier, those that are about one, and strict ones missing."""
        matched: dict[int, tuple[Identifier, ...]] = {}
        defining: set[int] = set()
        missing: list[Identifier] = []
        for ident in query.identifiers:
            hits = self._identifier_hits(ident, filters)
            if not hits and ident.strict:
                missing.append(ident)
            for cid, about in hits:
                matched[cid] = matched.get(cid, ()) + (ident,)
                defining.update([cid] if about else [])
        return matched, defining, tuple(missing)

    def _similarities(self, ids: list[int], vector: np.ndarray) -> dict[int, float]:
        return {cid: float(np.dot(self.store.vectors.vector(cid), vector)) for cid in ids}


def _identifier_first(
    passages: list[Passage], matched: dict[int, tuple[Identifier, ...]], defining: set[int]
) -> list[Passage]:
    """Passages holding more of the asked identifiers first, those about them before those that
    mention them, then by reranked score; exact hits never drop out."""
    return sorted(
        passages, key=lambda p: (-len(matched.get(p.chunk_id, ())), p.chunk_id not in defining, -p.score)
    )
