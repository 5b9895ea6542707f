"""Fits the reader's weights (qa/weights.json) by conditional logit, and its abstention threshold.

Usage: python bench/train_reader.py [--rounds 2] [--dry-run]   (make train-reader)

Training questions: eval/gold.jsonl (sample papers) and the tuning part of ../shared/realpdf-dev (every
question but those HELD_APART). With --replies, also Limerick's 2014-2017 councillor questions with the
council's printed replies (bench/replies.py: a candidate is right when it is part of the reply; weighted
REPLY_WEIGHT); not the default, see docs/BENCHMARKS.md (it lifts Limerick's later years and costs
realpdf-dev and a fault case). Threshold: fitted on gold, realpdf and ../shared/eval/dev.jsonl
(answerable vs unanswerable). Held apart, never read here: eval/heldout.jsonl, realpdf-dev's HELD_APART
lines, Limerick 2018-2020.
A candidate is positive when its answer (span or sentence) holds a gold answer phrase and, where the gold
names a paper, comes from it. Stores are built as in bench/reader_eval.py.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp

from index.embedder import SentenceEmbedder
from index.settings import Settings
from qa.answertype import expected
from qa.engine import CouncilQA
from qa.evaluate import has_phrase
from qa.features import NAMES, asked_of, counted
from qa.goldsets import GoldQuestion, load_gold
from qa.reader import Reader, Weights, candidates, load_weights
from qa.shortlist import may_answer, shortlist

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reader_eval import ROOT, SETS, _engine, split  # noqa: E402
from replies import STORE as REPLIES_STORE  # noqa: E402
from replies import in_reply, load_replies, paper_paths  # noqa: E402

L2 = 1.0  # ridge towards the shipped weights (see fit): 0.01 to 10 measured alike on newcomers' rounds
STEPS = 2000  # L-BFGS-B iterations at most; on gold and realpdf it converges in 2 (20 with L2 1e-3)
# With --replies each Limerick question counts half a gold question: 60 long replies would otherwise
# outweigh the 71 typed questions (0.5 kept realpdf-dev's tuning part level where 1.0 lost 3 of 26).
REPLY_WEIGHT = 0.5
WRONG_COST = 0.25  # a wrong answer's cost over a decline's, in right answers: honesty first, not silence
CACHE = Path("/tmp/councilqa-train-reader.pkl")  # collected feature rows, to refit without re-reading
WEIGHTS = ROOT / "qa" / "weights.json"


@dataclass(frozen=True)
class Question:
    """One training question's candidate feature rows and labels."""

    gold: GoldQuestion
    rows: np.ndarray
    labels: np.ndarray
    declined: bool = False  # the composer declines it before reading: every strict identifier is missing
    weight: float = 1.0  # its share in the fit, against a gold question's 1
    named: bool = False  # its candidates answer by their place, however they score: never declined


def _positive(gold: GoldQuestion, answer: str, source: str) -> bool:
    docs = gold.docs
    if docs and not any(Path(source).name.startswith(d) for d in docs):
        return False
    return any(has_phrase(answer, a) for a in gold.answer_any)


def collect(
    engine: CouncilQA, reader: Reader, gold: list, positive: Callable[..., bool] | None = None
) -> list[Question]:
    """Each question's feature rows and labels; `positive(gold, answer, source)` marks the right ones."""
    positive = positive or _positive
    out = []
    for g in gold:
        retrieval = engine.retriever.retrieve(g.question)
        strict = [i for i in retrieval.query.identifiers if i.strict]
        declined = bool(strict) and len(retrieval.missing) == len(strict)
        query = retrieval.query
        asked = asked_of(
            g.question, expected(g.question), retrieval.weights, query.time, retrieval.frequencies
        )
        short = shortlist(candidates(retrieval, asked), asked, query.terms)  # as the reader filters them
        if not short.kept:
            out.append(Question(g, np.zeros((0, len(NAMES))), np.zeros(0), declined))
            continue
        found = list(short.kept)
        rows = reader.table(retrieval, asked, found)
        labels = np.asarray([positive(g, c.answer, c.passage.source) for c in found], dtype=np.float64)
        kept = may_answer(short, asked.expectation.kind, rows, bool(counted(g.question)))
        rows, labels = rows[kept], labels[kept]
        out.append(Question(g, rows, labels, declined, named=short.named))
    return out


def fit(questions: list[Question], centre: np.ndarray) -> np.ndarray:
    """Conditional logit (McFadden 1973): per question, a softmax over its candidates, maximising the
    probability of its positives, with a ridge (L2) pulling the weights towards `centre` (the shipped
    fit): the read rules were mended against those weights, so a refit moves them only as far as the
    data asks. Minimised with scipy's L-BFGS-B (Byrd et al. 1995), in log space (scipy's logsumexp)."""
    kept = [q for q in questions if q.gold.answerable and q.labels.any()]
    total = sum(q.weight for q in kept)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = 0.0, np.zeros_like(w)
        for q in kept:
            z = q.rows @ w
            every, positive = logsumexp(z), logsumexp(z[q.labels > 0])
            target = np.where(q.labels > 0, np.exp(z - positive), 0.0)
            value += q.weight * (every - positive)
            grad += q.weight * (q.rows.T @ (np.exp(z - every) - target))
        pull = np.r_[0.0, (w - centre)[1:]]  # the bias is free: a softmax cannot see it
        return value / total + L2 / 2 * pull @ pull, grad / total + L2 * pull

    return minimize(loss, centre.copy(), jac=True, method="L-BFGS-B", options={"maxiter": STEPS}).x


def calibrate(questions: list[Question], w: np.ndarray) -> np.ndarray:
    """The bias that makes the logistic of the best candidate's score the chance it is right (Platt 1999,
    one parameter): the softmax fit leaves the bias free."""
    tops = [best_of(q, w) for q in questions if q.gold.answerable and len(q.labels)]
    right = np.mean([ok for _, ok in tops]) if tops else 0.5
    z = np.asarray([np.log(s / (1 - s)) for s, _ in tops]) if tops else np.zeros(1)
    shift = np.log(right / (1 - right)) - float(np.median(z))
    return w + np.r_[shift, np.zeros(len(w) - 1)]


def best_of(q: Question, w: np.ndarray) -> tuple[float, bool]:
    if not len(q.labels):
        return 0.0, False
    scores = 1.0 / (1.0 + np.exp(-(q.rows @ w)))
    i = int(np.argmax(scores))
    return float(scores[i]), bool(q.labels[i])


def threshold(questions: list[Question], w: np.ndarray) -> tuple[float, float]:
    """The cut that answers most answerable questions right and declines most unanswerable ones, each
    wrong answer (to either kind) costing WRONG_COST more: a wrong answer misleads, a decline only fails to
    help. Cuts lie midway between neighbouring scores, so no question sits on the line."""
    # a question whose candidates answer by their place is answered whatever the cut: it scores as 1
    tops = [
        (1.0 if q.named else best_of(q, w)[0], best_of(q, w)[1], q.gold.answerable)
        for q in questions
        if not q.declined
    ]
    scores = sorted({s for s, _, _ in tops})
    cuts = (
        [scores[0] / 2]
        + [(a + b) / 2 for a, b in zip(scores, scores[1:], strict=False)]
        + [(scores[-1] + 1) / 2]
    )

    def value(t: float) -> float:
        right = sum((s >= t and ok) if ans else (s < t) for s, ok, ans in tops)
        wrong = sum(s >= t and not (ans and ok) for s, ok, ans in tops)
        return right - WRONG_COST * wrong

    best = max(value(t) for t in cuts)
    chosen = [t for t in cuts if value(t) == best]
    t = chosen[len(chosen) // 2]
    return t, sum((s >= t and ok) if ans else (s < t) for s, ok, ans in tops) / len(tops)


def _replies_engine(embedder) -> CouncilQA:
    """A store of the papers printing the training replies, ingested on first use."""
    engine = CouncilQA(Settings.from_env(store=ROOT / REPLIES_STORE), embedder)
    if engine.stats().documents == 0:
        engine.ingest([str(p) for p in paper_paths()], progress=False)
    return engine


def prior() -> np.ndarray:
    """The weights a refit is pulled towards: the file's `prior` (the fit the read rules were mended
    against, kept so a refit is reproducible), else its weights; a feature it lacks starts at 0."""
    table = json.loads(WEIGHTS.read_text())
    named = table.get("prior", table["weights"])
    return np.asarray([float(named.get(n, 0.0)) for n in NAMES])


def _write(weights: Weights, centre: np.ndarray, dry_run: bool) -> None:
    table = {
        "version": weights.version,
        "threshold": round(weights.threshold, 4),
        "topic_floor": weights.topic_floor,
        "weights": {n: round(v, 4) for n, v in zip(NAMES, weights.values, strict=True)},
        "prior": {n: round(float(v), 4) for n, v in zip(NAMES, centre, strict=True)},
    }
    print(json.dumps(table, indent=1))
    if not dry_run:
        WEIGHTS.write_text(json.dumps(table, indent=1) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--cached", action="store_true", help="refit on the rows the last run collected")
    parser.add_argument(
        "--replies", action="store_true", help="also fit on Limerick's 2014-2017 questions and replies"
    )
    parser.add_argument("--more", nargs="*", default=[], help="more of bench/reader_eval.py's sets to fit on")
    args = parser.parse_args(argv)
    embedder = SentenceEmbedder(Settings.from_env().model_path, 32)
    engines = {}
    sets = {
        "gold": load_gold(ROOT / SETS["gold"][2]),
        "realpdf": split("realpdf-tune", load_gold(ROOT / SETS["realpdf"][2])),
        "dev": load_gold(ROOT / SETS["dev"][2]),
        **{name: split(name, load_gold(ROOT / SETS[name.split("-")[0]][2])) for name in args.more},
    }
    weights, centre = load_weights(), prior()
    for round_ in range(args.rounds):
        reader = Reader(embedder, weights)
        data = {}
        if args.cached and CACHE.exists():
            data = pickle.loads(CACHE.read_bytes())
        for name, gold in sets.items():
            if name in data:
                continue
            store, papers, _ = SETS[name.split("-")[0]]
            engine = engines.get(store) or engines.setdefault(store, _engine(store, papers, embedder))
            data[name] = collect(engine, reader, gold)
        if args.replies and "replies" not in data:
            data["replies"] = collect(_replies_engine(embedder), reader, load_replies(), in_reply)
        CACHE.write_bytes(pickle.dumps(data))
        replies = [replace(q, weight=REPLY_WEIGHT) for q in data.get("replies", [])] if args.replies else []
        more = [q for name in args.more for q in data[name]]
        fitted = data["gold"] + data["realpdf"] + more + replies
        w = calibrate(data["gold"] + data["realpdf"] + more, fit(fitted, centre))
        t, acc = threshold(data["gold"] + data["realpdf"] + data["dev"] + more, w)
        for name, qs in data.items():
            tops = [best_of(q, w) for q in qs if q.gold.answerable]
            print(f"round {round_} {name}: top-1 right {sum(ok for _, ok in tops)}/{len(tops)}")
        print(f"round {round_}: threshold {t:.3f}, right on fit+tune {acc:.3f}")
        weights = Weights(tuple(float(v) for v in w), t, weights.topic_floor, f"fit-{round_ + 1}")
        _write(weights, centre, args.dry_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
