"""The reader's weight fit (bench/train_reader.py) on synthetic questions whose answer is known."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.features import NAMES
from qa.goldsets import GoldQuestion

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import train_reader  # noqa: E402 - a script folder, not a package
from train_reader import Question, best_of, fit  # noqa: E402

GOLD = GoldQuestion(id="q", question="?", type="fact", evidence=(), evidence_all=False, answer_any=("x",))


def _questions(seed: int, n: int = 40) -> list[Question]:
    """Questions of eight candidates whose one positive has the highest value of feature 1, every other
    feature being noise; column 0 is the bias, constant as in qa/features."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        rows = rng.normal(size=(8, len(NAMES)))
        rows[:, 0] = 1.0
        labels = (rows[:, 1] == rows[:, 1].max()).astype(float)
        out.append(Question(GOLD, rows, labels))
    return out


def test_fit_learns_the_feature_that_marks_the_positive(monkeypatch):
    monkeypatch.setattr(train_reader, "L2", 1e-3)
    questions = _questions(1, n=300)
    w = fit(questions, np.zeros(len(NAMES)))
    assert w[1] == max(w[1:]) and w[1] > 1.0
    held = _questions(2)  # fresh questions: the fit generalises, not memorises
    assert sum(best_of(q, w)[1] for q in held) >= 0.9 * len(held)


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 2**16))
def test_a_strong_ridge_keeps_the_weights_at_the_centre(seed):
    """With the pull far stronger than the data, a refit returns its centre: the shipped weights move
    only as far as the data asks. The bias is not pulled (a softmax cannot see it) and stays put too."""
    centre = np.random.default_rng(seed).normal(size=len(NAMES))
    old = train_reader.L2
    train_reader.L2 = 1e6
    try:
        w = fit(_questions(seed, n=5), centre)
    finally:
        train_reader.L2 = old
    assert np.allclose(w, centre, atol=1e-3)
