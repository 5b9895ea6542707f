"""Builds the answer from retrieved text only: the answering sentence or cell first, each one cited."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.sentences import split_sentences
from index.embedder import Embedder
from index.passage import Passage
from index.settings import Settings
from index.store import Store
from qa.answer import Answer, Citation, format_date
from qa.exchange import only_asks, wants_questions
from qa.facts import choose, clip, list_items, rows_matching, score_units
from qa.relevance import coverage, unseen_terms
from qa.retriever import Retrieval
from qa.scoring import Scored, context
from qa.statements import STATUS_WORDS, Statement, lead_for, statements

_ANSWER_PASSAGES = 12
_GATE_PASSAGES = 15
_STATUS_MARGIN = 0.15  # rerank score below the best passage that still counts as on the topic


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


NOT_ANSWERED = "The papers do not answer this question."


def _sentence(text: str) -> str:
    """End a clipped cell like a sentence: 'Pledge 41 - We will …' stays, 'Pledge 41' gets a full stop."""
    text = text.rstrip(" .;,")
    return text if text.endswith("…") else f"{text}."


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
        weights = retrieval.weights
        pool = self._answering_pool(retrieval, weights)
        if not pool:
            # Nothing answers; the nearest passages are still shown, as leads and not as an answer.
            closest = tuple(Citation.of(n, p) for n, p in enumerate(retrieval.passages[:top_k], 1))
            return Answer(query.text, NOT_ANSWERED, "not_found", closest)
        if query.intent in {"status", "history"} and (
            found := statements(self._speaking(pool, query), query.identifiers)
        ):
            return self._status_answer(retrieval, lead_for(found, query.time), top_k)
        return self._fact_answer(retrieval, pool, weights, top_k)

    def _speaking(self, pool: list[Passage], query) -> list[Passage]:
        """Passages whose status statements may lead: with no identifier to pin the topic, only those
        ranked close to the best (an older paper's 'completed' about something else must not lead),
        and never a question put at a meeting."""
        if not query.identifiers:
            pool = [p for p in pool if p.score >= pool[0].score - _STATUS_MARGIN]
        return pool if wants_questions(query.terms) else [p for p in pool if not only_asks(p.text)]

    def _with_what_follows(self, pool: list[Passage]) -> list[Passage]:
        """A discussion runs on past a chunk's end (the reply to a question, the rest of a debate):
        a summary also draws on the passage after each of the best two."""
        extended = list(pool)
        for passage in pool[:2]:
            after = self.store.next_passage(passage.chunk_id)
            if after and after.chunk_id not in {p.chunk_id for p in extended}:
                extended.insert(extended.index(passage) + 1, after)
        return extended

    def _not_found(self, question: str, text: str) -> Answer:
        return Answer(question, text, "not_found", ())

    def _answering_pool(self, retrieval: Retrieval, weights: dict[str, float]) -> list[Passage]:
        """Passages that may answer: those holding the asked identifiers, else those past the gate."""
        if retrieval.matched:
            return [p for p in retrieval.passages if p.chunk_id in retrieval.matched]
        # A word no paper holds ('potholes', 'Licensing') suggests the topic is absent: then the
        # passage must hold nearly all the rest of the question.
        absent = unseen_terms(retrieval.frequencies)
        kept = []
        for passage in retrieval.passages[:_GATE_PASSAGES]:
            sim = retrieval.similarity.get(passage.chunk_id, 0.0)
            if self._passes(sim, coverage(context(passage), weights), bool(absent)):
                kept.append(passage)
        return kept

    def _passes(self, sim: float, cov: float, has_unseen: bool) -> bool:
        """Strong meaning alone, or fair meaning with most of the question's weighty words."""
        floor = self.settings.min_similarity
        if has_unseen:  # a word no paper holds ('potholes') must be outweighed by the rest
            return sim >= floor + 0.3 or (sim >= floor and cov >= 0.65)
        return sim >= floor + 0.25 or (sim >= floor and cov >= 0.45) or (sim >= floor + 0.1 and cov >= 0.25)

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
            f"{clip(_status_phrase(_first_sentences(lead.text, 35)), 45)} [1]"
        ]
        used = [lead.passage]
        for statement in found[1:]:
            when = "Later" if lead.date and statement.date and statement.date > lead.date else "Earlier"
            line = (
                f"{when}, as of {format_date(statement.date, statement.passage.date_precision)}: "
                f"{clip(_status_phrase(_first_sentences(statement.text, 18)), 22)} [{len(used) + 1}]"
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
        if retrieval.query.intent == "list" and (rows := rows_matching(retrieval.passages, retrieval.query)):
            return self._rows_answer(retrieval, rows, top_k)
        if retrieval.query.intent == "summary":
            pool = self._with_what_follows(pool)
        scored = score_units(self.embedder, retrieval, pool[:_ANSWER_PASSAGES], weights)
        if not scored:
            return self._not_found(retrieval.query.text, NOT_ANSWERED)
        is_list = retrieval.query.intent == "list"
        budget = self.settings.answer_words * (2 if is_list else 1)
        chosen = choose(scored, budget, is_list, retrieval.query.intent == "summary")
        used: list[Passage] = list(dict.fromkeys(s.passage for s in chosen))
        number = {p.chunk_id: n for n, p in enumerate(used, 1)}
        lines = [
            f"{clip(s.unit.shown, 25 if is_list and i else 70)} [{number[s.passage.chunk_id]}]"
            for i, s in enumerate(chosen)
        ]
        after = (
            self.store.next_passage(chosen[0].passage.chunk_id) if chosen[0].unit.text.endswith(":") else None
        )
        if items := list_items(chosen[0], retrieval.query.identifiers, after.text if after else ""):
            words = max(8, (budget - 20) // len(items))
            listed = "; ".join(clip(u.text.rstrip(".;"), words) for u in items)
            lines = [f"{clip(chosen[0].unit.shown, 40)} {listed}. [1]"]
            used = used[:1]
        lines[0] = self._identifier_prefix(retrieval, chosen[0]) + lines[0]
        citations = self._citations(used, retrieval.passages, top_k)
        return Answer(retrieval.query.text, " ".join(lines), "answered", citations)

    def _rows_answer(self, retrieval: Retrieval, rows: list[tuple[str, Passage]], top_k: int) -> Answer:
        """One cited item per matching table row: the rows' keys are the list asked for."""
        used = list(dict.fromkeys(p for _, p in rows))
        number = {p.chunk_id: n for n, p in enumerate(used, 1)}
        text = " ".join(f"{_sentence(key)} [{number[p.chunk_id]}]" for key, p in rows)
        return Answer(
            retrieval.query.text, text, "answered", self._citations(used, retrieval.passages, top_k)
        )

    def _identifier_prefix(self, retrieval: Retrieval, best: Scored) -> str:
        """Name the identifier when the answering cell doesn't: 'Pledge 41 — Portfolio Holder: …'."""
        missing = [str(i) for i in retrieval.query.identifiers if not i.pattern().search(best.unit.shown)]
        return f"{', '.join(missing)} — " if missing and best.unit.label else ""
