"""Smoke test of the public-benchmark harness (bench/quality.py) on tiny made-up data: its windows,
its BM25 against a plain reference, its relevance rules and metrics, and its baselines end to end."""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import quality as Q  # noqa: E402 - a script folder, not a package


def test_windows_are_200_words_with_50_overlap() -> None:
    text = " ".join(f"w{i}" for i in range(500))
    windows = Q.windows_of(text)
    assert [len(w.split()) for w in windows] == [200, 200, 200]
    assert [w.split()[0] for w in windows] == ["w0", "w150", "w300"]
    assert Q.windows_of("") == []
    assert Q.windows_of("just five words in here") == ["just five words in here"]


def _reference_bm25(texts: list[str], query: str, k1: float = 1.5, b: float = 0.75) -> list[float]:
    """Okapi BM25 written out term by term, the textbook way."""
    docs = [Q.words(t) for t in texts]
    avgdl = sum(map(len, docs)) / len(docs)
    scores = []
    for doc in docs:
        tf, score = Counter(doc), 0.0
        for term in set(Q.words(query)):
            df = sum(term in d for d in docs)
            if tf[term]:
                idf = math.log(1 + (len(docs) - df + 0.5) / (df + 0.5))
                score += idf * tf[term] * (k1 + 1) / (tf[term] + k1 * (1 - b + b * len(doc) / avgdl))
        scores.append(score)
    return scores


def test_bm25_ranks_as_the_reference_does() -> None:
    texts = [
        "the council agreed the budget for the swimming pool",
        "swimming pool opening hours and swimming lessons",
        "potholes on the high street were repaired",
        "the budget for road repairs and potholes",
    ]
    index = Q.bm25_index(texts)
    for query in ("swimming pool budget", "potholes repairs", "the council"):
        ref = _reference_bm25(texts, query)
        want = [i for i in sorted(range(len(texts)), key=lambda i: -ref[i]) if ref[i] > 0]
        assert Q.bm25_search(index, query, 10) == want


def test_a_citation_overlaps_a_gold_turn_by_its_8_grams_or_a_30_word_run() -> None:
    turn = Q.GoldTurn(5, Q.words(" ".join(f"t{i}" for i in range(40))))
    half = " ".join(f"t{i}" for i in range(20, 40))  # 13 of the turn's 33 8-grams: under half
    assert not Q.overlaps(turn, Q.CitationText(half))
    run = " ".join(f"t{i}" for i in range(5, 35))  # 30 consecutive words
    assert Q.overlaps(turn, Q.CitationText("preamble " + run))
    assert Q.overlaps(turn, Q.CitationText(" ".join(f"t{i}" for i in range(0, 25))))  # 18/33 8-grams
    short = Q.GoldTurn(6, Q.words("Thank you, Chair."))
    assert Q.overlaps(short, Q.CitationText("Lynne Neagle: thank you chair. Next item"))
    assert Q.eligible([turn, short], strict=True) == [turn]


def test_judging_ranks_and_metrics() -> None:
    turn = Q.GoldTurn(1, Q.words(" ".join(f"g{i}" for i in range(12))))
    gold_text = " ".join(f"g{i}" for i in range(12))
    cited = [("m1", "nothing relevant"), ("m2", gold_text), ("m1", gold_text)]
    assert Q.judge_turns(cited, "m1", [turn], strict=True) == 3  # the other meeting's copy never counts
    assert Q.doc_rank(["corpus/2014/a.md", "corpus/2015/b.md"], ["2015/b.md"]) == 2
    assert Q.doc_rank(["corpus/x2015/b.md"], ["2015/b.md"]) is None  # whole path components only
    assert Q.first_hit([False] * 10 + [True]) is None  # ranks stop at 10
    metrics = Q.rank_metrics([1, 3, None, 7])
    assert metrics == pytest.approx(
        {"hit@1": 0.25, "hit@5": 0.5, "hit@10": 0.75, "mrr@10": (1 + 1 / 3 + 1 / 7) / 4}
    )


def test_answer_recall_counts_content_words_of_the_reply() -> None:
    reply = "The footpath works will be completed in May. <small>Scanned page</small>"
    # content words: footpath, works, completed ('may' is a stopword, the <small> note is dropped)
    assert Q.word_recall(reply, "Works on the footpath finish in May.") == pytest.approx(2 / 3)
    assert Q.first_words("one two three", 2) == "one two"


def test_baselines_run_end_to_end_with_a_fake_embedder(tmp_path: Path, fake_embedder) -> None:
    docs = [
        ("a", "The council agreed the budget for the new swimming pool at Rathkeale. " * 30),
        ("b", "Potholes on the N21 at Barnagh will be repaired under the roads programme. " * 30),
    ]
    windows = Q.build_windows(docs)
    base = Q.Baselines(windows, fake_embedder, tmp_path / "cache", "tiny")
    assert not base.embed_cached and any((tmp_path / "cache").iterdir())
    out = base.run(["when will the potholes at Barnagh be repaired"])
    for name in ("bm25", "dense", "rrf"):
        top = out[name][0]
        assert top and windows.keys[int(windows.doc[top[0]])] == "b", name
    assert Q.Baselines(windows, fake_embedder, tmp_path / "cache", "tiny").embed_cached
