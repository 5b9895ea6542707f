"""Scores answers against a gold set: document, evidence and page hits, answer accuracy and abstention."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qa.answer import Answer, Citation
from qa.goldsets import UNANSWERABLE, GoldQuestion

ANSWER_WORDS = 80  # the old answer rule: a phrase within the answer's first 80 words (as ../shared/cases)
ANSWER_HEAD_CHARS = 100  # characters of each answer kept in the per-question report
MARKER = re.compile(r"\[\d+\]")  # a citation marker such as [1]; the first one closes the first answer span
# Curly quotes and no-break spaces fold to their plain forms, so a typographer's quote never fails a match.
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass(frozen=True)
class Score:
    """How one answer did. None marks a measure the gold question cannot support (no evidence, no page)."""

    id: str
    type: str
    status: str
    hit: bool | None  # evidence phrase in a top-k citation from its document (all of them when evidence_all)
    reciprocal_rank: float
    answer_ok: bool  # headline: an answer_any phrase in the first answer span (up to the first [n])
    abstained_right: bool  # unanswerable and not_found
    false_abstention: bool  # answerable but not_found
    answer_ok_lede: bool = False  # the old rule: an answer_any phrase within the first 80 words
    doc_hit: bool = False  # a top-k citation from the gold document
    page_hit: bool | None = None  # a top-k citation on the gold page, or holding the evidence phrase
    page_at_1: bool | None = None  # the same, for the first citation alone
    kind: str = ""  # answer type the question asks for (the question type where the gold has none)
    question: str = ""
    answer_head: str = ""  # the answer's first 100 characters, whitespace collapsed

    @property
    def answerable(self) -> bool:
        return self.type != UNANSWERABLE

    @property
    def right(self) -> bool:
        """Right by the first-span rule: the answer is ok, or an unanswerable question was declined."""
        return self.answer_ok if self.answerable else self.abstained_right

    @property
    def right_lede(self) -> bool:
        """Right by the first-80-words rule."""
        return self.answer_ok_lede if self.answerable else self.abstained_right


def fold(text: str) -> str:
    """Lower case, plain quotes, single spaces: how gold phrases and answers are compared."""
    return " ".join(text.lower().translate(QUOTES).split())


def has_phrase(text: str, phrase: str) -> bool:
    """The folded phrase stands in the folded text as whole words: 'ment' is not in 'refurbishment', '5' not
    in '2025'. An end of the phrase that is not a letter or digit (as in '£54') needs no word boundary.
    The rule of ../shared/cases/README.md ('answer_any'), with letters and digits in any script."""
    p = fold(phrase)
    if not p:
        return False
    pattern = re.escape(p)
    if p[0].isalnum():
        pattern = r"(?<![^\W_])" + pattern
    if p[-1].isalnum():
        pattern += r"(?![^\W_])"
    return re.search(pattern, fold(text)) is not None


def lede(text: str) -> str:
    """The answer's first 80 words."""
    return " ".join(text.split()[:ANSWER_WORDS])


def first_span(text: str) -> str:
    """The answer up to its first citation marker, and never past its first 80 words; all of it unmarked."""
    marker = MARKER.search(text)
    return lede(text[: marker.start()] if marker else text)


def from_doc(citation: Citation, doc: str) -> bool:
    """The file name at the end of the citation's source is the gold name or starts with it (a prefix)."""
    return Path(citation.source).name.startswith(doc)


def _holds(citation: Citation, doc: str, phrase: str) -> bool:
    return from_doc(citation, doc) and fold(phrase) in fold(citation.text)


def on_gold_page(citation: Citation, gold: GoldQuestion) -> bool:
    """From the gold doc, and its pages page..page_end cover the gold page or its text holds the evidence.

    The evidence rule counts a repeated fact on another page (README 'Matching notes'), and needs only the
    citation's own text, never the gold page.
    """
    if not gold.doc or not from_doc(citation, gold.doc):
        return False
    first = citation.page
    if gold.page is not None and first is not None and first <= gold.page <= (citation.page_end or first):
        return True
    return any(_holds(citation, doc, phrase) for doc, phrase in gold.evidence)


def _evidence_hit(gold: GoldQuestion, top: Sequence[Citation]) -> bool | None:
    if not gold.evidence:
        return None
    found = [any(_holds(c, doc, phrase) for c in top) for doc, phrase in gold.evidence]
    return all(found) if gold.evidence_all else any(found)


def _answer_ok(gold: GoldQuestion, answer: Answer, part: str) -> bool:
    """An answered (not declined) answer whose part holds an answer_any phrase."""
    return answer.status != "not_found" and any(has_phrase(part, a) for a in gold.answer_any)


def _page_measures(gold: GoldQuestion, answer: Answer, k: int) -> tuple[bool | None, bool | None]:
    if gold.page is None:
        return None, None
    top = answer.citations[:k]
    return any(on_gold_page(c, gold) for c in top), bool(top) and on_gold_page(top[0], gold)


def score(gold: GoldQuestion, answer: Answer, k: int) -> Score:
    """One answer against its gold question, counting the first k citations."""
    top = answer.citations[:k]
    ranks = [c.n for c in top if any(_holds(c, doc, phrase) for doc, phrase in gold.evidence)]
    not_found = answer.status == "not_found"
    page_hit, page_at_1 = _page_measures(gold, answer, k)
    return Score(
        id=gold.id,
        type=gold.type,
        status=answer.status,
        hit=_evidence_hit(gold, top),
        reciprocal_rank=1.0 / min(ranks) if ranks else 0.0,
        answer_ok=_answer_ok(gold, answer, first_span(answer.text)),
        abstained_right=not gold.answerable and not_found,
        false_abstention=gold.answerable and not_found,
        answer_ok_lede=_answer_ok(gold, answer, lede(answer.text)),
        doc_hit=any(from_doc(c, doc) for c in top for doc in gold.docs),
        page_hit=page_hit,
        page_at_1=page_at_1,
        kind=gold.kind,
        question=gold.question,
        answer_head=" ".join(answer.text.split())[:ANSWER_HEAD_CHARS],
    )


@dataclass(frozen=True)
class Breakdown:
    """Accuracy within one group of questions (an answer type, or answerable / unanswerable)."""

    name: str
    questions: int
    answerable: int
    unanswerable: int
    accuracy: float  # right by the first-span rule (declined, for the unanswerable)
    accuracy_lede: float  # right by the first-80-words rule


@dataclass(frozen=True)
class Summary:
    """The totals. Rates are over answerable questions unless named otherwise; 0.0 where none count."""

    questions: int
    answerable: int
    unanswerable: int
    hit_at_k: float  # over answerable questions with evidence
    mrr: float  # over answerable questions with evidence
    answer_accuracy: float  # headline: first answer span
    abstention: float  # over unanswerable questions
    false_abstentions: int
    k: int
    answer_accuracy_lede: float = 0.0  # first 80 words
    doc_hit_at_k: float = 0.0
    paged: int = 0  # answerable questions with a gold page: the page measures are over these
    page_hit: float = 0.0
    page_at_1: float = 0.0
    accuracy: float = 0.0  # over all questions, first span (unanswerable: declined)
    accuracy_lede: float = 0.0
    by_answer_type: tuple[Breakdown, ...] = ()
    by_type: tuple[Breakdown, ...] = ()  # answerable, unanswerable


def _mean(values: Sequence[float | bool | None]) -> float:
    """The mean of the values that are not None, to 4 places; 0.0 when none are left."""
    kept = [float(v) for v in values if v is not None]
    return round(sum(kept) / len(kept), 4) if kept else 0.0


def breakdown(name: str, scores: Sequence[Score]) -> Breakdown:
    answerable = sum(s.answerable for s in scores)
    return Breakdown(
        name=name,
        questions=len(scores),
        answerable=answerable,
        unanswerable=len(scores) - answerable,
        accuracy=_mean([s.right for s in scores]),
        accuracy_lede=_mean([s.right_lede for s in scores]),
    )


def _grouped(scores: Sequence[Score], key: Callable[[Score], str]) -> tuple[Breakdown, ...]:
    names = dict.fromkeys(key(s) for s in scores)
    return tuple(breakdown(name, [s for s in scores if key(s) == name]) for name in names)


def summarise(scores: Sequence[Score], k: int) -> Summary:
    answerable = [s for s in scores if s.answerable]
    unanswerable = [s for s in scores if not s.answerable]
    evidenced = [s for s in answerable if s.hit is not None]
    return Summary(
        questions=len(scores),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        hit_at_k=_mean([s.hit for s in evidenced]),
        mrr=_mean([s.reciprocal_rank for s in evidenced]),
        answer_accuracy=_mean([s.answer_ok for s in answerable]),
        abstention=_mean([s.abstained_right for s in unanswerable]),
        false_abstentions=sum(s.false_abstention for s in answerable),
        k=k,
        answer_accuracy_lede=_mean([s.answer_ok_lede for s in answerable]),
        doc_hit_at_k=_mean([s.doc_hit for s in answerable]),
        paged=sum(s.page_hit is not None for s in answerable),
        page_hit=_mean([s.page_hit for s in answerable]),
        page_at_1=_mean([s.page_at_1 for s in answerable]),
        accuracy=_mean([s.right for s in scores]),
        accuracy_lede=_mean([s.right_lede for s in scores]),
        by_answer_type=_grouped(scores, lambda s: s.kind or s.type),
        by_type=_grouped(scores, lambda s: "answerable" if s.answerable else UNANSWERABLE),
    )


def evaluate(
    gold: Sequence[GoldQuestion], ask: Callable[[str], Answer], k: int = 5
) -> tuple[list[Score], Summary]:
    """Asks every gold question once, in order, and scores each answer's first k citations."""
    scores = [score(g, ask(g.question), k) for g in gold]
    return scores, summarise(scores, k)
