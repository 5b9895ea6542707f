"""The gold-set harness: hit@k, MRR, answer accuracy and abstention scored as documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SAMPLES, FakeEmbedder

from qa import cli
from qa.answer import Answer, Citation
from qa.engine import CouncilQA
from qa.evaluate import (
    ANSWER_WORDS,
    GoldQuestion,
    Score,
    evaluate,
    fold,
    load_gold,
    render,
    score,
    summarise,
    to_json,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold.jsonl"
TYPES = {"fact", "status", "status_dated", "history", "list", "unanswerable"}


def cite(n: int, source: str, text: str) -> Citation:
    return Citation(n, source, None, None, "day", None, None, None, text, 0.0)


def gold(
    evidence: tuple[tuple[str, str], ...] = (("000", "Plymouth Standards Partnership"),),
    answer_any: tuple[str, ...] = ("in progress",),
    type: str = "status",
    evidence_all: bool = False,
) -> GoldQuestion:
    return GoldQuestion("q1", "What is the status of Pledge 40?", type, evidence, evidence_all, answer_any)


def answer(text: str, *citations: Citation, status: str = "answered") -> Answer:
    return Answer("What is the status of Pledge 40?", text, status, tuple(citations))


OTHER = "/papers/004_67e52966cbe4daee.txt"
PLEDGES = "/papers/000_cf3ce20c081cbe3a.txt"
EVIDENCE = "In Progress: we have established the Plymouth Standards Partnership."


# --- hit@k and MRR ---


def test_hit_counts_only_the_first_k_citations() -> None:
    a = answer("In progress [3].", cite(1, OTHER, "x"), cite(2, OTHER, "y"), cite(3, PLEDGES, EVIDENCE))
    assert not score(gold(), a, k=2).hit
    assert score(gold(), a, k=2).reciprocal_rank == 0.0
    assert score(gold(), a, k=3).hit
    assert score(gold(), a, k=3).reciprocal_rank == pytest.approx(1 / 3)


def test_hit_needs_a_citation_from_the_named_paper() -> None:
    wrong_paper = answer("In progress [1].", cite(1, OTHER, EVIDENCE))
    right_paper = answer("In progress [1].", cite(1, PLEDGES, EVIDENCE))
    assert not score(gold(), wrong_paper, k=5).hit
    assert score(gold(), wrong_paper, k=5).reciprocal_rank == 0.0
    assert score(gold(), right_paper, k=5).hit


def test_hit_needs_the_phrase_not_just_the_paper() -> None:
    a = answer("In progress [1].", cite(1, PLEDGES, "Pledge 41 - We will continue to reduce"))
    assert not score(gold(), a, k=5).hit


def test_phrases_and_answers_are_compared_folded() -> None:
    assert fold("  The PLYMOUTH\tStandards\n\nPartnership ") == "the plymouth standards partnership"
    g = gold(evidence=(("000", "plymouth  STANDARDS\npartnership"),), answer_any=("In Progress",))
    a = answer(
        "It is IN\n  progress [1].",
        cite(1, PLEDGES, "we have established the Plymouth\nStandards   Partnership"),
    )
    s = score(g, a, k=5)
    assert s.hit and s.answer_ok


def test_evidence_all_needs_every_piece_of_evidence() -> None:
    evidence = (("001", "Completed pending formal sign off"), ("000", "Pledge 43"))
    a = answer(
        "It was completed pending sign off in 2019 [1].",
        cite(1, "/papers/001_8972cc98a3d19634.txt", "Completed pending formal sign off by Cabinet"),
        cite(2, OTHER, "Pledge 43"),  # the phrase, but from the wrong paper
    )
    assert score(gold(evidence, ("completed",), "history"), a, k=5).hit
    assert not score(gold(evidence, ("completed",), "history", evidence_all=True), a, k=5).hit
    both = answer("Completed [1][2].", a.citations[0], cite(2, PLEDGES, "Pledge 43 - Plymouth needs more"))
    assert score(gold(evidence, ("completed",), "history", evidence_all=True), both, k=5).hit


def test_no_evidence_is_never_a_hit() -> None:
    a = answer("Nothing [1].", cite(1, PLEDGES, EVIDENCE))
    assert not score(gold(evidence=()), a, k=5).hit


def test_reciprocal_rank_is_one_over_the_first_relevant_citation() -> None:
    a = answer(
        "In progress [2].",
        cite(1, OTHER, "unrelated"),
        cite(2, PLEDGES, EVIDENCE),
        cite(3, PLEDGES, EVIDENCE),
    )
    assert score(gold(), a, k=5).reciprocal_rank == pytest.approx(0.5)
    first = answer("In progress [1].", cite(1, PLEDGES, EVIDENCE), cite(2, OTHER, "unrelated"))
    assert score(gold(), first, k=5).reciprocal_rank == 1.0


# --- answer accuracy and abstention ---


def test_answer_counts_only_within_the_first_80_words() -> None:
    filler = ["word"] * (ANSWER_WORDS - 2)
    assert ANSWER_WORDS == 80
    inside = answer(" ".join([*filler, "in", "progress"]))
    outside = answer(" ".join([*filler, "and", "so", "in", "progress"]))
    assert score(gold(), inside, k=5).answer_ok
    assert not score(gold(), outside, k=5).answer_ok


def test_any_one_answer_phrase_is_enough() -> None:
    g = gold(answer_any=("pending formal sign off", "completed"))
    assert score(g, answer("Pledge 43 was completed [1]."), k=5).answer_ok
    assert not score(g, answer("Pledge 43 is in progress [1]."), k=5).answer_ok


def test_unanswerable_and_not_found_is_an_honest_abstention() -> None:
    g = gold(evidence=(), answer_any=(), type="unanswerable")
    s = score(g, answer("The papers do not say.", status="not_found"), k=5)
    assert s.abstained_right and not s.false_abstention and not s.answer_ok
    answered = score(g, answer("Pledge 77 is complete [1].", cite(1, PLEDGES, "x")), k=5)
    assert not answered.abstained_right and not answered.false_abstention


def test_answerable_and_not_found_is_a_false_abstention() -> None:
    s = score(gold(), answer("The papers do not say.", status="not_found"), k=5)
    assert s.false_abstention and not s.abstained_right
    assert not score(gold(), answer("In progress [1].", cite(1, PLEDGES, EVIDENCE)), k=5).false_abstention


# --- the summary ---


def make_score(
    type: str, hit: bool, rr: float, ok: bool, abstained: bool = False, false: bool = False
) -> Score:
    return Score("q", type, "answered", hit, rr, ok, abstained, false)


def test_summary_means_leave_out_the_unanswerable() -> None:
    scores = [
        make_score("status", True, 1.0, True),
        make_score("fact", False, 0.0, False, false=True),
        make_score("history", True, 0.5, True),
        make_score("fact", True, 0.25, False),
        # an unanswerable one with every flag up must not move the answerable means
        make_score("unanswerable", True, 1.0, True, abstained=True),
        make_score("unanswerable", False, 0.0, False, abstained=False),
    ]
    s = summarise(scores, k=5)
    assert (s.questions, s.answerable, s.unanswerable, s.k) == (6, 4, 2, 5)
    assert s.hit_at_k == pytest.approx(0.75)
    assert s.mrr == pytest.approx((1.0 + 0.0 + 0.5 + 0.25) / 4)
    assert s.answer_accuracy == pytest.approx(0.5)
    assert s.abstention == pytest.approx(0.5)
    assert s.false_abstentions == 1


def test_summary_of_nothing_is_zeros() -> None:
    s = summarise([], k=3)
    assert s.questions == s.answerable == s.unanswerable == s.false_abstentions == 0
    assert s.hit_at_k == s.mrr == s.answer_accuracy == s.abstention == 0.0


def test_evaluate_asks_each_question_and_scores_at_k() -> None:
    questions = [
        gold(),
        GoldQuestion("u1", "What is the status of Pledge 77?", "unanswerable", (), False, ()),
    ]
    replies = {
        "What is the status of Pledge 40?": answer(
            "In progress [2].", cite(1, OTHER, "x"), cite(2, PLEDGES, EVIDENCE)
        ),
        "What is the status of Pledge 77?": Answer(
            "What is the status of Pledge 77?", "Not found.", "not_found"
        ),
    }
    asked: list[str] = []

    def ask(question: str) -> Answer:
        asked.append(question)
        return replies[question]

    scores, summary = evaluate(questions, ask, k=1)
    assert asked == [q.question for q in questions]
    assert [s.id for s in scores] == ["q1", "u1"]
    assert not scores[0].hit and scores[0].answer_ok  # evidence was citation 2, beyond k=1
    assert scores[1].abstained_right
    assert (summary.k, summary.hit_at_k, summary.answer_accuracy, summary.abstention) == (1, 0.0, 1.0, 1.0)


def test_load_gold_reads_the_documented_format(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "h1",
            "type": "history",
            "question": "How has Pledge 43 changed?",
            "evidence": [{"doc": "001", "contains": "pending"}, {"doc": "000", "contains": "Pledge 43"}],
            "evidence_all": True,
            "answer_any": ["completed"],
        },
        {"question": "What is the status of Pledge 41?"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = load_gold(path)
    assert first == GoldQuestion(
        "h1",
        "How has Pledge 43 changed?",
        "history",
        (("001", "pending"), ("000", "Pledge 43")),
        True,
        ("completed",),
    )
    assert (second.id, second.type, second.evidence, second.evidence_all, second.answer_any) == (
        "2",
        "fact",
        (),
        False,
        (),
    )
    assert first.answerable and not GoldQuestion("u", "?", "unanswerable", (), False, ()).answerable


def test_render_and_json_show_every_question_and_the_totals() -> None:
    scores = [make_score("status", True, 1.0, True), make_score("unanswerable", False, 0.0, False, True)]
    summary = summarise(scores, k=5)
    table = render(scores, summary)
    assert "hit@5" in table and "answerable 1" in table and "unanswerable 1: abstained 1.000" in table
    data = json.loads(to_json(scores, summary))
    assert data["summary"]["questions"] == 2 and len(data["questions"]) == 2


# --- the committed gold set ---


def _paper_text(doc: str) -> str:
    (path,) = SAMPLES.glob(f"{doc}_*.txt")
    text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).replace("**", "")
    return fold(text)


def test_the_gold_set_is_well_formed_and_its_phrases_are_in_the_papers() -> None:
    questions = load_gold(GOLD)
    assert len(questions) >= 45
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.type in TYPES, q.id
        if not q.answerable:
            assert q.evidence == () and q.answer_any == (), q.id
            continue
        assert q.evidence and q.answer_any, q.id
        for doc, phrase in q.evidence:
            assert "<" not in phrase and "**" not in phrase and "\t" not in phrase, q.id
            assert fold(phrase) in _paper_text(doc), f"{q.id}: {phrase!r} is not in paper {doc}"
        for phrase in q.answer_any:
            assert phrase == phrase.lower(), q.id
            assert any(fold(phrase) in _paper_text(doc) for doc, _ in q.evidence), f"{q.id}: {phrase!r}"
        if q.evidence_all:
            assert len({doc for doc, _ in q.evidence}) > 1, q.id


# --- the whole harness, as CI runs it ---


def test_eval_command_scores_a_small_gold_file(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=FakeEmbedder()))
    store = str(tmp_path / "store")
    papers = [str(SAMPLES / "000_cf3ce20c081cbe3a.txt"), str(SAMPLES / "004_67e52966cbe4daee.txt")]
    assert cli.main(["ingest", *papers, "--store", store, "--quiet"]) == 0
    rows = [
        {
            "id": "s1",
            "type": "status",
            "question": "What is the status of Pledge 48?",
            "evidence": [{"doc": "000", "contains": "two strands to our work"}],
            "answer_any": ["in progress"],
        },
        {
            "id": "f1",
            "type": "fact",
            "question": "How many commitments did Derby's previous Pledge have?",
            "evidence": [{"doc": "004", "contains": "it had 28 commitments"}],
            "answer_any": ["28"],
        },
        {
            "id": "u1",
            "type": "unanswerable",
            "question": "What is the status of Pledge 99?",
            "evidence": [],
            "answer_any": [],
        },
    ]
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("".join(json.dumps(r) + "\n" for r in rows))
    capsys.readouterr()
    assert cli.main(["eval", str(gold_file), "--store", store, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    summary = report["summary"]
    counts = [summary[key] for key in ("questions", "answerable", "unanswerable", "k")]
    assert counts == [3, 2, 1, 5]
    for key in ("hit_at_k", "mrr", "answer_accuracy", "abstention"):
        assert 0.0 <= summary[key] <= 1.0
    by_id = {q["id"]: q for q in report["questions"]}
    assert list(by_id) == ["s1", "f1", "u1"]
    assert by_id["u1"]["status"] == "not_found" and by_id["u1"]["abstained_right"]
    assert summary["abstention"] == 1.0
    assert by_id["s1"]["status"] == "answered" and not by_id["s1"]["false_abstention"]
