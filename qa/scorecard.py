"""The evaluation report: a per-question table, the totals and the per-type accuracy, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from qa.evaluate import ANSWER_WORDS, Breakdown, Score, Summary

INDENT = " " * 7  # question and answer lines sit under the row they belong to


def _mark(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "no")


def _row(s: Score) -> list[str]:
    return [
        f"{s.id:<6} {s.kind or s.type:<13} {s.status:<10} {_mark(s.doc_hit):<5} {_mark(s.hit):<5} "
        f"{s.reciprocal_rank:<4.2f} {_mark(s.page_hit):<4} {_mark(s.page_at_1):<4} "
        f"{_mark(s.right):<4} {_mark(s.right_lede)}",
        f"{INDENT}Q: {s.question}",
        f"{INDENT}A: {s.answer_head}",
    ]


def _pages(m: Summary) -> str:
    if not m.paged:
        return "no gold pages"
    return f"page hit@{m.k} {m.page_hit:.3f} and page@1 {m.page_at_1:.3f} (of {m.paged} with a gold page)"


def _totals(m: Summary) -> list[str]:
    return [
        f"answerable {m.answerable}: answer accuracy {m.answer_accuracy:.3f} (first span; "
        f"{m.answer_accuracy_lede:.3f} in the first {ANSWER_WORDS} words), "
        f"false abstentions {m.false_abstentions}",
        f"  doc hit@{m.k} {m.doc_hit_at_k:.3f}, evidence hit@{m.k} {m.hit_at_k:.3f}, MRR {m.mrr:.3f}, "
        + _pages(m),
        f"unanswerable {m.unanswerable}: abstained {m.abstention:.3f}",
        f"all {m.questions}: right {m.accuracy:.3f} (first span), {m.accuracy_lede:.3f} (first 80 words)",
    ]


def _breakdown(title: str, rows: Sequence[Breakdown]) -> list[str]:
    lines = [f"{title:<16} {'n':>3} {'ans':>4} {'unans':>5}  {'span':>5}  {'80w':>5}"]
    for b in rows:
        lines.append(
            f"{b.name:<16} {b.questions:>3} {b.answerable:>4} {b.unanswerable:>5}  "
            f"{b.accuracy:>5.3f}  {b.accuracy_lede:>5.3f}"
        )
    return lines


def render(scores: Sequence[Score], summary: Summary) -> str:
    """Per-question rows (with the question and the answer's head under each), then the totals, for a
    terminal. 'span' is right by the first-span rule, '80w' the first-80-words rule; '-' is a measure the gold
    question cannot support."""
    k = summary.k
    lines = [f"{'id':<6} {'type':<13} {'status':<10} doc@{k} hit@{k} RR   page p@1  span 80w"]
    for s in scores:
        lines.extend(_row(s))
    lines += ["", *_totals(summary), ""]
    lines += _breakdown("answer type", summary.by_answer_type)
    lines += ["", *_breakdown("question type", summary.by_type)]
    return "\n".join(lines)


def to_json(scores: Sequence[Score], summary: Summary) -> str:
    """{"summary": Summary fields (with by_answer_type, by_type lists), "questions": [Score fields + right,
    right_lede]}."""
    questions = [{**asdict(s), "right": s.right, "right_lede": s.right_lede} for s in scores]
    return json.dumps({"summary": asdict(summary), "questions": questions}, indent=2)
