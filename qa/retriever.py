"""Hybrid retrieval: BM25 and dense results fused, exact identifiers first, filters applied."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import groupby

import numpy as np

from index.embedder import Embedder
from index.filters import Filters
from index.passage import Passage
from index.search import dense, frequencies, fts_query, lexical, lexical_terms, matching_ids
from index.settings import Settings
from index.store import Store
from qa.bodies import near_query, unabbreviated
from qa.daymonths import day_phrases
from qa.exchange import only_asks, replies, wants_questions
from qa.fusion import rrf
from qa.query import FILE_REF, Identifier, Query, parse, proper_words
from qa.relevance import coverage, term_weights
from qa.rowkeys import keyed_row, row_key_query
from qa.scoring import context
from qa.subitems import printed_under

_ID_SCAN = 400  # passages checked for an identifier; more than any real paper repeats one
_SUB_ITEM_REACH = 80  # tokens from an item's number to its sub-item's letter: an agenda item's sub-items
_LABEL = re.compile(r"^[^:\n]{1,40}:\s+")


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
    unnamed: tuple[str, ...] = ()  # bodies the question names that no paper (within the filters) names
    leads: dict[int, str] = field(default_factory=dict)  # a continued passage's cut lead-in (qa/leads.py)

    @property
    def unheld(self) -> tuple[Identifier, ...]:
        """What the question names that no paper prints, when that alone leaves it unanswered: a file
        reference it does not name as an identifier, or every strict identifier it names ('Pledge 49',
        'R2023-217'); empty otherwise. Another item's record or passage answers none of them."""
        files = [i for i in self.missing if i not in self.query.identifiers]
        strict = [i for i in self.query.identifiers if i.strict]
        return self.missing if files or (strict and len(self.missing) == len(strict)) else ()


@dataclass(frozen=True)
class _Evidence:
    """What the rerank weighs for each candidate, by chunk id."""

    sims: dict[int, float]  # cosine to the question
    fused: dict[int, float]  # reciprocal-rank fusion of BM25 and FAISS
    strength: dict[int, float]  # BM25 score over the best BM25 score
    weights: dict[str, float]  # IDF of the question's terms
    wants_questions: bool  # the question is about questions put at a meeting


def holds(passage_text: str, identifier: Identifier) -> bool:
    """The passage prints the identifier: as written ('7(b)', 'Pledge 48'), as a sub-item under its item
    ('7. Housing' … '(b) Purchase of 24 homes'), or as a row's key under its noun ('Ref: 2.1')."""
    written = identifier.pattern().search(passage_text)
    return bool(written) or _printed_apart(passage_text, identifier)


def defines(passage_text: str, identifier: Identifier) -> bool:
    """The identifier opens a line (a row's key, a numbered item): the passage is about it. Only lines
    holding its number are tried: every match prints it."""
    number = identifier.parts[0].casefold()
    return any(
        identifier.pattern().match(_LABEL.sub("", line))
        for line in passage_text.split("\n")
        if number in line.casefold()
    ) or _printed_apart(passage_text, identifier)


def _printed_apart(passage_text: str, identifier: Identifier) -> bool:
    """The identifier printed without its words together: a sub-item under its item (qa/subitems.py), or
    a row or numbered paragraph keyed by its number under its noun (qa/rowkeys.py); either is about it."""
    return (
        printed_under(passage_text, identifier) is not None or keyed_row(passage_text, identifier) is not None
    )


# Bodies a council has only one of, so that its name alone names it: 'the Gloucester Cabinet' is Cabinet.
_ONE_OF_A_KIND = frozenset({"cabinet", "executive"})


class Retriever:
    """Searches one store with one embedder; both are loaded once and reused."""

    def __init__(self, store: Store, embedder: Embedder, settings: Settings) -> None:
        self.store, self.embedder, self.settings = store, embedder, settings
        self._bm25 = ThreadPoolExecutor(settings.bm25_threads, thread_name_prefix="councilqa-bm25")

    def close(self) -> None:
        self._bm25.shutdown(wait=True)

    def _identifier_hits(self, ident: Identifier, filters: Filters) -> list[tuple[int, bool]]:
        """Chunks holding the identifier exactly, each with whether it is about it (defines it)."""
        # items and minutes are also printed as bare numbered lines ('7(b) Tree Preservation Order')
        phrase = ident.fts_phrase(with_noun=not ident.lined)
        hits = self._holding(ident, phrase, filters)
        base, letter = ident.parts
        if letter and not any(about for _, about in hits):
            # only mentioned in passing ('see item 7(b)'): the agenda may print it as a sub-item under its
            # item, '7. Housing matters' … '(b) Purchase of 24 homes'
            under = self._holding(ident, f'NEAR("{base}" "{letter}", {_SUB_ITEM_REACH})', filters)
            hits += [hit for hit in under if hit[0] not in dict(hits)]
        if not hits and (keyed := row_key_query(ident)):  # printed only as a row's key: 'Ref: 2.1'
            hits = self._holding(ident, keyed, filters)
        return hits

    def _holding(self, ident: Identifier, query: str, filters: Filters) -> list[tuple[int, bool]]:
        ranked = [cid for cid, _ in lexical(self.store, query, filters, _ID_SCAN)]
        return [(cid, defines(text, ident)) for cid, text in self.store.texts(ranked) if holds(text, ident)]

    def retrieve(self, question: str, filters: Filters | None = None, limit: int | None = None) -> Retrieval:
        filters = filters if filters is not None else Filters()
        limit = limit or self.settings.candidates
        query = parse(question)
        n = self.settings.candidates
        counts = frequencies(self.store, query.terms)
        # a sheet prints a day as '02-Jul', whose tokens are not the question's '2 July'
        searched = fts_query(lexical_terms(counts, self.settings.lexical_postings), day_phrases(question))
        # SQLite and torch both release the GIL: BM25 runs on its own connection while the model
        # embeds the question, so the two costs overlap instead of adding up.
        pending = self._bm25.submit(lexical, self.store, searched, filters, n)
        # the identifier scan is SQLite work too: on the pool's other connection, beside the model
        asked = query.identifiers or FILE_REF.search(query.text)
        scanned = self._bm25.submit(self._identifiers, query, filters) if asked else None
        vector = self.embedder.embed([query.text])[0]
        den = [cid for cid, _ in dense(self.store, vector, filters, n)]
        lex = dict(pending.result())
        fused = dict(rrf([list(lex), den], k=self.settings.rrf_k))
        matched, defining, missing = scanned.result() if scanned else ({}, set(), ())
        ids = list(dict.fromkeys(list(fused) + list(matched)))
        candidates = self._contenders(ids, matched, defining, limit)
        weights = term_weights(counts, len(self.store.vectors))  # FAISS holds every chunk: no COUNT(*) scan
        best = max(lex.values(), default=1.0)
        evidence = _Evidence(
            self._similarities(ids, vector),  # of every passage found, as the item's stretch may read them
            fused,
            {cid: score / best for cid, score in lex.items()},
            weights,
            wants_questions(query.terms),
        )
        scored = [replace(p, score=round(self._rerank(p, evidence), 6)) for p in candidates]
        kept = _of_titled(scored, query, matched)
        if len(kept) < len(scored):  # another report's paragraph set aside: the named one may print none
            held = {i for p in kept for i in matched.get(p.chunk_id, ())}
            missing = (*missing, *(i for i in query.identifiers if i.bare_numbered and i not in held))
        order = _identifier_first(kept, matched, defining)[:limit]
        unnamed = tuple(b for b in query.bodies if not self._names(b, filters))
        return Retrieval(
            query, tuple(order), evidence.sims, matched, missing, vector, weights, counts, unnamed
        )

    def _contenders(
        self, ids: list[int], matched: dict[int, tuple[Identifier, ...]], defining: set[int], limit: int
    ) -> list[Passage]:
        """The passages that can reach the first `limit` places. `_identifier_first` orders by group
        (asked identifiers held, whether about them) before score, so a group that starts past `limit`
        is never fetched nor reranked: a minute number held by hundreds of chunks costs one group."""
        key = partial(_group, matched=matched, defining=defining)
        found: list[Passage] = []
        for _, group in groupby(sorted(ids, key=key), key=key):
            if len(found) >= limit:
                break
            found += self.store.passages(list(group))
        return found

    def _rerank(self, passage: Passage, evidence: _Evidence) -> float:
        """Meaning, plus the question's weighty words in the passage and its paper, plus fused rank and
        BM25 strength: a passage that only BM25 or only FAISS found still rises when it holds what was
        asked. In minutes, a reply outranks a question put at a meeting, unless questions are asked for."""
        s, cid = self.settings, passage.chunk_id
        score = (
            evidence.sims[cid]
            + s.rerank_lexical * coverage(context(passage), evidence.weights)
            + s.rerank_fusion * evidence.fused.get(cid, 0.0) / (2.0 / (s.rrf_k + 1))
            + s.rerank_bm25 * evidence.strength.get(cid, 0.0)
        )
        if not evidence.wants_questions:
            text = f"{passage.heading or ''}\n{passage.text}"
            score += s.reply_bonus if replies(text) else -s.asking_penalty if only_asks(text) else 0.0
        return score

    def _names(self, body: str, filters: Filters) -> bool:
        """Whether a paper names the body: its words close together, in any order, since authorities
        are named both ways round ('Omaha City Council', 'City Council of Omaha'); the places and
        references put before a body's name ('the Derby Corporate Parenting Committee', 'the Gloucester
        Cabinet', 'the San José SP20-004 Planning Commission') may be left off."""
        queries = [near_query(n) for n in (body, *self._unprefixed(body))]
        plain, letters = unabbreviated(body)
        if letters and len(plain.split()) >= 2:  # 'O&S' printed in full: 'Overview and Scrutiny'
            queries.append(near_query(plain, 2 * letters))
        return any(matching_ids(self.store, q, filters, 1) for q in queries)

    def _unprefixed(self, body: str) -> list[str]:
        """The body's name without each of its leading council words or references in turn, while two
        words are left or one that names a body a council has only one of ('Cabinet')."""
        words, council, shorter = body.split(), self._council_words(), []
        while len(words) > 1 and (words[0].lower() in council or any(ch.isdigit() for ch in words[0])):
            words = words[1:]
            if len(words) >= 2 or words[0].lower() in _ONE_OF_A_KIND:
                shorter.append(" ".join(words))
        return shorter

    def _council_words(self) -> set[str]:
        """Words of the councils the papers come from ('derby', 'city', 'council')."""
        rows = self.store.db.execute("SELECT DISTINCT council FROM documents WHERE council IS NOT NULL")
        return {w.lower() for (council,) in rows for w in council.split()}

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
        # a planning application's reference ('23/03650/F') that no paper prints: the question is on a file
        # the papers do not hold, which another application's decision does not answer. One that is
        # printed only marks its paragraph (qa/shortlist.py), as ordering by it costs answers.
        for ref in FILE_REF.findall(query.text):
            ident = Identifier("", ref)
            if ident not in query.identifiers and not self._identifier_hits(ident, filters):
                missing.append(ident)
        return matched, defining, tuple(missing)

    def _similarities(self, ids: list[int], vector: np.ndarray) -> dict[int, float]:
        return {cid: float(np.dot(self.store.vectors.vector(cid), vector)) for cid in ids}


def _group(chunk_id: int, matched: dict[int, tuple[Identifier, ...]], defining: set[int]) -> tuple[int, bool]:
    """A passage's place before its score: more asked identifiers held first, then those about them."""
    return -len(matched.get(chunk_id, ())), chunk_id not in defining


def _of_titled(
    passages: list[Passage], query: Query, matched: dict[int, tuple[Identifier, ...]]
) -> list[Passage]:
    """For a report's paragraph asked by its bare number ('paragraph 3.1 of the Implementing the Pledge
    report'), which many reports in a pack print, no passage printing it in another paper than the one
    whose title or heading holds every name the question gives, when that paper was retrieved: its 3.1,
    or none ('paragraph 2.4' of a report whose paragraphs under 2 stop at 2.1), not another report's."""
    if not any(i.bare_numbered for i in query.identifiers) or not (named := proper_words(query.text)):
        return passages
    words = [w.lower() for w in named]
    titled = {
        p.chunk_id for p in passages if all(w in f"{p.title or ''} {p.heading or ''}".lower() for w in words)
    }
    if not titled:
        return passages
    return [p for p in passages if p.chunk_id in titled or p.chunk_id not in matched]


def _identifier_first(
    passages: list[Passage], matched: dict[int, tuple[Identifier, ...]], defining: set[int]
) -> list[Passage]:
    """Passages holding more of the asked identifiers first, those about them before those that
    mention them, then by reranked score; exact hits never drop out."""
    return sorted(passages, key=lambda p: (*_group(p.chunk_id, matched, defining), -p.score))
