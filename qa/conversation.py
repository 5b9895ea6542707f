"""The chat page's conversation: each question with its answer and what was searched for it."""

from __future__ import annotations

from dataclasses import dataclass

from index.filters import Filters
from qa.answer import Answer
from qa.engine import CouncilQA
from qa.followup import Turn
from qa.searched import outside_filters, scope, scope_line


@dataclass(frozen=True)
class Exchange:
    """One question and its answer as the page keeps them, with what was searched."""

    question: str
    answer: Answer
    searched: str  # the 'what was searched' line
    outside: str | None  # why a not_found may be the filters' doing


def ask(engine: CouncilQA, question: str, filters: Filters, top_k: int, history: list[Exchange]) -> Exchange:
    """Ask `question` as a follow-up to `history`; the exchange, with the scope line and, for an answer
    the filters may have hidden, where else the papers mention it."""
    turns = [Turn(e.question, e.answer.read_as, e.answer.text) for e in history]
    answer = engine.ask(question, filters, top_k, history=turns)
    searched = scope_line(scope(engine.store.db, filters))

    def again(text: str, wider: Filters) -> Answer:
        return engine.ask(text, wider, top_k)

    return Exchange(question, answer, searched, outside_filters(engine.store.db, again, answer, filters))
