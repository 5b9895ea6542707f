"""Scores answers against a gold set: evidence hit@k, MRR, answer accuracy and honest abstention."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from qa.answer import Answer, Citation

ANSWER_WORDS = 80


@dataclass(frozen=True)
class GoldQuestion:
    """One line of a gold file: the question, where its evidence is, and phrases a right answer says."""

    id: str
    question: str
    type: str
    evidence: tuple[tuple[str, str], ...]  # (document name prefix, phrase a cited passage holds)
    evidence_all: bool
    answer_any: tuple[str, ...]

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


@dataclass(frozen=True)
class Score:
    """How one answer did."""

    id: str
    type: str
    status: str
    hit: bool  # evidence among the top-k citations (all of it when evidence_all)
    reciprocal_rank: float
    answer_ok: bool  # an answer_any phrase within the first 80 words
    abstained_right: bool  # unanswerable and not_found
    false_abstention: bool  # answerable but not_found


@dataclass(frozen=True)
class Summary:
    questions: int
    answerable: int
    unanswerable: int
    hit_at_k: float
    mrr: float
    answer_accuracy: float
    abstention: float
    false_abstentions: int
    k: int


def fold(text: str) -> str:
    """Case and whitespace folded, as the gold phrases are compared."""
    return " ".join(text.lower().split())


def load_gold(path: str | Path) -> list[GoldQuestion]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        GoldQuestion(
            id=str(row.get("id", i)),
            question=row["question"],
            type=row.get("type", "fact"),
            evidence=tuple((e["doc"], e["contains"]) for e in row.get("evidence", [])),
            evidence_all=bool(row.get("evidence_all", False)),
            answer_any=tuple(row.get("answer_any", [])),
        )
        for i, row in enumerate(rows, 1)
    ]


def _from_doc(citation: Citation, doc: str) -> bool:
    return Path(citation.source).name.startswith(doc) or doc in citation.source


def _holds(citation: Citation, doc: str, phrase: str) -> bool:
    return _from_doc(citation, doc) and fold(phrase) in fold(citation.text)


def score(gold: GoldQuestion, answer: Answer, k: int) -> Score:
    top = answer.citations[:k]
    found = [any(_holds(c, doc, phrase) for c in top) for doc, phrase in gold.evidence]
    hit = bool(found) and (all(found) if gold.evidence_all else any(found))
    ranks = [c.n for c in top if any(_holds(c, doc, phrase) for doc, phrase in gold.evidence)]
    early = fold(" ".join(answer.text.split()[:ANSWER_WORDS]))
    not_found = answer.status == "not_found"
    return Score(
        id=gold.id,
        type=gold.type,
        status=answer.status,
        hit=hit,
        reciprocal_rank=1.0 / min(ranks) if ranks else 0.0,
        answer_ok=any(fold(a) in early for a in gold.answer_any),
        abstained_right=not gold.answerable and not_found,
        false_abstention=gold.answerable and not_found,
    )


def summarise(scores: Sequence[Score], k: int) -> Summary:
    answerable = [s for s in scores if s.type != "unanswerable"]
    unanswerable = [s for s in scores if s.type == "unanswerable"]

    def mean(values: Sequence[float]) -> float:
        return round(sum(values) / len(values), 4) if values else 0.0

    return Summary(
        questions=len(scores),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        hit_at_k=mean([s.hit for s in answerable]),
        mrr=mean([s.reciprocal_rank for s in answerable]),
        answer_accuracy=mean([s.answer_ok for s in answerable]),
        abstention=mean([s.abstained_right for s in unanswerable]),
        false_abstentions=sum(s.false_abstention for s in answerable),
        k=k,
    )


def evaluate(
    gold: Sequence[GoldQuestion], ask: Callable[[str], Answer], k: int = 5
) -> tuple[list[Score], Summary]:
    scores = [score(g, ask(g.question), k) for g in gold]
    return scores, summarise(scores, k)


def render(scores: Sequence[Score], summary: Summary) -> str:
    """A per-question table and the totals, for a terminal."""
    lines = [f"{'id':<8} {'type':<13} {'status':<10} hit@{summary.k}  RR    answer"]
    for s in scores:
        mark = "ok" if (s.answer_ok or s.abstained_right) else "--"
        lines.append(
            f"{s.id:<8} {s.type:<13} {s.status:<10} {'yes' if s.hit else 'no':<6} "
            f"{s.reciprocal_rank:<5.2f} {mark}"
        )
    lines.append("")
    lines.append(
        f"answerable {summary.answerable}: hit@{summary.k} {summary.hit_at_k:.3f}, MRR {summary.mrr:.3f}, "
        f"answer accuracy {summary.answer_accuracy:.3f}, false abstentions {summary.false_abstentions}"
    )
    lines.append(f"unanswerable {summary.unanswerable}: abstained {summary.abstention:.3f}")
    return "\n".join(lines)


def to_json(scores: Sequence[Score], summary: Summary) -> str:
    return json.dumps({"summary": asdict(summary), "questions": [asdict(s) for s in scores]}, indent=2)
