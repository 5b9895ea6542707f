"""Builds the answer from retrieved text only: the answering sentence or cell first, each one cited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from corpus.sentences import split_sentences
from index.embedder import Embedder
from index.passage import Passage
from index.settings import Settings
from index.store import Store
from qa.answer import Answer, Citation, format_date
from qa.query import STOPWORDS
from qa.relevance import coverage, term_weights, unseen_terms
from qa.retriever import Retrieval
from qa.statements import STATUS_WORDS, Statement, lead_for, statements
from qa.units import Unit, focus, units_of

_PERSON = re.compile(r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+[A-Z]|\b[A-Z][a-z]+ [A-Z][a-z]+\b")
_WHEN = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b",
    re.I,
)
_QUANTITY = re.compile(
    r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|third|quarter)\b", re.I
)
_ANSWER_PASSAGES = 12
_GATE_PASSAGES = 15
_EMBED_UNITS = 48


@dataclass(frozen=True)
class _Scored:
    unit: Unit
    passage: Passage
    score: float
    named: bool = False  # the unit is the cell of a column the question names


def _clip(text: str, words: int) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]).rstrip(",;:") + " …"


def _first_sentences(text: str, words: int) -> str:
    """Leading sentences of a status cell, as many as fit in `words`; a bare 'Completed:' keeps
    the sentence that says what was completed."""
    kept: list[str] = []
    for sentence in split_sentences(" ".join(text.split())):
        bare = len(" ".join(kept).split()) <= 3
        if kept and not bare and len(" ".join(kept + [sentence]).split()) > words:
            break
        kept.append(sentence)
    return " ".join(kept)


def _status_phrase(text: str) -> str:
    """'In Progress: Create a number…' → 'In Progress — Create a number…', so the status leads."""
    text = text.lstrip("•-( ")
    m = re.match(rf"({STATUS_WORDS.pattern})\s*[:–-]\s*", text, re.IGNORECASE)
    if not m:
        return text
    rest = text[m.end() :]
    return f"{m.group(1)} — {rest}" if rest else m.group(1)


class Composer:
    """Turns a Retrieval into an Answer, or says plainly that the papers don't answer."""

    def __init__(self, store: Store, embedder: Embedder, settings: Settings) -> None:
        self.store, self.embedder, self.settings = store, embedder, settings

    def compose(self, retrieval: Retrieval, top_k: int | None = None) -> Answer:
        top_k = top_k or self.settings.top_k
        query = retrieval.query
        strict = [i for i in query.identifiers if i.strict]
        if strict and len(retrieval.missing) == len(strict):
            names = ", ".join(str(i) for i in retrieval.missing)
            return self._not_found(query.text, f"The papers do not mention {names}.")
        weights = term_weights(self.store, query.terms)
        pool = self._answering_pool(retrieval, weights)
        if not pool:
            return self._not_found(query.text, "The papers do not answer this question.")
        if query.intent in {"status", "history"} and (found := statements(pool, query.identifiers)):
            return self._status_answer(retrieval, lead_for(found, query.time), top_k)
        return self._fact_answer(retrieval, pool, weights, top_k)

    def _not_found(self, question: str, text: str) -> Answer:
        return Answer(question, text, "not_found", ())

    def _answering_pool(self, retrieval: Retrieval, weights: dict[str, float]) -> list[Passage]:
        """Passages that may answer: those holding the asked identifiers, else those past the gate."""
        if retrieval.matched:
            return [p for p in retrieval.passages if p.chunk_id in retrieval.matched]
        unseen = unseen_terms(self.store, weights)
        kept = []
        for passage in retrieval.passages[:_GATE_PASSAGES]:
            sim = retrieval.similarity.get(passage.chunk_id, 0.0)
            cov = coverage(f"{passage.heading or ''} {passage.text}", weights)
            if self._passes(sim, cov, bool(unseen)):
                kept.append(passage)
        return kept

    def _passes(self, sim: float, cov: float, has_unseen: bool) -> bool:
        """Strong meaning alone, or fair meaning with most of the question's weighty words."""
        floor = self.settings.min_similarity
        if has_unseen:
            return sim >= floor + 0.3
        return sim >= floor + 0.25 or (sim >= floor and cov >= 0.45)

    def _citations(
        self, used: Sequence[Passage], ranked: Sequence[Passage], top_k: int
    ) -> tuple[Citation, ...]:
        order = list(dict.fromkeys([p.chunk_id for p in used] + [p.chunk_id for p in ranked]))
        by_id = {p.chunk_id: p for p in [*used, *ranked]}
        return tuple(Citation.of(n, by_id[cid]) for n, cid in enumerate(order[: max(top_k, len(used))], 1))

    def _status_answer(self, retrieval: Retrieval, found: list[Statement], top_k: int) -> Answer:
        budget = self.settings.answer_words
        lead = found[0]
        sentences = [
            f"As of {format_date(lead.date, lead.passage.date_precision)}: "
            f"{_clip(_status_phrase(_first_sentences(lead.text, 35)), 45)} [1]"
        ]
        used = [lead.passage]
        for statement in found[1:]:
            when = "Later" if lead.date and statement.date and statement.date > lead.date else "Earlier"
            line = (
                f"{when}, as of {format_date(statement.date, statement.passage.date_precision)}: "
                f"{_clip(_status_phrase(_first_sentences(statement.text, 18)), 22)} [{len(used) + 1}]"
            )
            if len(" ".join(sentences + [line]).split()) > budget:
                break
            sentences.append(line)
            used.append(statement.passage)
        citations = self._citations(used, retrieval.passages, top_k)
        return Answer(retrieval.query.text, " ".join(sentences), "answered", citations)

    def _fact_answer(
        self, retrieval: Retrieval, pool: list[Passage], weights: dict[str, float], top_k: int
    ) -> Answer:
        scored = self._score_units(retrieval, pool[:_ANSWER_PASSAGES], weights)
        if not scored:
            return self._not_found(retrieval.query.text, "The papers do not answer this question.")
        chosen = self._choose(scored, retrieval.query.intent == "list")
        used: list[Passage] = list(dict.fromkeys(s.passage for s in chosen))
        number = {p.chunk_id: n for n, p in enumerate(used, 1)}
        prefix = self._identifier_prefix(retrieval, chosen[0])
        lines = [f"{_clip(s.unit.shown, 60)} [{number[s.passage.chunk_id]}]" for s in chosen]
        lines[0] = prefix + lines[0]
        citations = self._citations(used, retrieval.passages, top_k)
        return Answer(retrieval.query.text, " ".join(lines), "answered", citations)

    def _identifier_prefix(self, retrieval: Retrieval, best: _Scored) -> str:
        """Name the identifier when the answering cell doesn't: 'Pledge 41 — Portfolio Holder: …'."""
        missing = [str(i) for i in retrieval.query.identifiers if not i.pattern().search(best.unit.shown)]
        return f"{', '.join(missing)} — " if missing and best.unit.label else ""

    def _score_units(
        self, retrieval: Retrieval, passages: Sequence[Passage], weights: dict[str, float]
    ) -> list[_Scored]:
        """Score sentences and cells: lexical and fact-kind signals first, then meaning for the best."""
        query = retrieval.query
        rank = {p.chunk_id: i for i, p in enumerate(passages)}
        pre = []
        for passage in passages:
            for unit in units_of(focus(passage.text, query.identifiers)):
                if len(unit.text.split()) < 2:
                    continue
                score = 0.35 * coverage(unit.shown, weights) + 0.08 / (1 + rank[passage.chunk_id])
                score += self._bonus(unit, query.terms, query.wh)
                if _novelty(unit.text, query.terms) < 0.34:
                    score -= (
                        0.3  # a cell that only repeats the question ('Member: Cllr Johnson') tells nothing
                    )
                pre.append((score, unit, passage))
        # Embedding every sentence costs most of a query's time: only the lexically likely ones are.
        pre = sorted(pre, key=lambda item: -item[0])[:_EMBED_UNITS]
        if not pre:
            return []
        vectors = self.embedder.embed([unit.shown for _, unit, _ in pre])
        sims = vectors @ np.asarray(retrieval.vector, dtype=np.float32)
        scored = [
            _Scored(
                unit,
                passage,
                score + 0.55 * float(sim),
                bool(unit.label) and _label_named(unit.label, query.terms),
            )
            for (score, unit, passage), sim in zip(pre, sims, strict=True)
        ]
        return sorted(scored, key=lambda s: -s.score)

    @staticmethod
    def _bonus(unit: Unit, terms: Sequence[str], wh: str) -> float:
        """Favour the cell under the column the question names, and the kind of fact it asks for."""
        bonus = 0.0
        if unit.label and _label_named(unit.label, terms):
            bonus += 0.25
        if wh == "who" and _PERSON.search(unit.text):
            bonus += 0.1
        elif wh == "when" and _WHEN.search(unit.text):
            bonus += 0.15
        elif wh in {"how many", "how much", "by how much", "what proportion", "what percentage"}:
            bonus += 0.15 if _QUANTITY.search(unit.text) else 0.0
        return bonus

    def _choose(self, scored: list[_Scored], is_list: bool) -> list[_Scored]:
        """The best unit, then close runners-up while the answer stays short."""
        budget = self.settings.answer_words * (2 if is_list else 1)
        floor = scored[0].score * (0.8 if is_list else 0.9)
        chosen = [scored[0]]
        if scored[0].named:
            return chosen  # the question named this column: its cell is the whole answer
        words = len(_clip(scored[0].unit.shown, 60).split())
        for candidate in scored[1 : 8 if is_list else 3]:
            size = len(candidate.unit.shown.split())
            if candidate.score < floor or words + size > budget or _near_duplicate(candidate, chosen):
                continue
            chosen.append(candidate)
            words += size
        return chosen


def _label_named(label: str, terms: Sequence[str]) -> bool:
    """The question names this column: most of the label's words are in the question."""
    asked = {t[:5] for t in terms}
    words = [w[:5] for w in re.findall(r"[a-z]+", label.lower()) if w not in STOPWORDS]
    return bool(words) and sum(w in asked for w in words) * 2 >= len(words)


def _novelty(text: str, terms: Sequence[str]) -> float:
    """Share of a unit's words that the question did not already say."""
    asked = {t[:5] for t in terms}
    words = [w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]
    return sum(w not in asked for w in words) / len(words) if words else 0.0


def _near_duplicate(candidate: _Scored, chosen: Sequence[_Scored]) -> bool:
    mine = set(candidate.unit.text.lower().split())
    return any(len(mine & set(c.unit.text.lower().split())) > 0.6 * len(mine) for c in chosen)
