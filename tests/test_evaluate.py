"""The gold-set harness: hit@k, MRR, answer accuracy and abstention scored as documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SAMPLES, FakeEmbedder
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from qa import cli
from qa.answer import Answer, Citation
from qa.engine import CouncilQA
from qa.evaluate import ANSWER_WORDS, Score, evaluate, first_span, fold, has_phrase, lede, score, summarise
from qa.goldsets import GoldQuestion, load_gold
from qa.scorecard import render, to_json

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


# --- the real-PDF format: first answer span, whole words, documents by file name, pages ---

PDF = "../shared/realpdf-dev/pdfs/uk_minutes_2024.pdf"
OTHER_PDF = "../shared/realpdf-dev/pdfs/uk_agenda_2024.pdf"


def paged(n: int, source: str, page: int | None, page_end: int | None, text: str = "x") -> Citation:
    return Citation(n, source, None, None, "day", page, page_end, None, text, 0.0)


def realpdf(
    answer_any: tuple[str, ...] = ("alan smith",),
    page: int | None = 4,
    phrase: str | None = "Alan Smith (AS)[Chair]",
    type: str = "answerable",
    answer_type: str = "person",
) -> GoldQuestion:
    doc = "uk_minutes_2024.pdf"
    evidence = ((doc, phrase),) if phrase else ()
    return GoldQuestion("r1", "Who chaired?", type, evidence, False, answer_any, doc, page, answer_type)


def test_only_the_first_answer_span_counts_for_the_headline() -> None:
    a = answer("Jane Doe chaired the meeting [1]. Alan Smith seconded it [2].", paged(1, PDF, 4, 4))
    s = score(realpdf(), a, k=5)
    assert not s.answer_ok and s.answer_ok_lede
    assert first_span(a.text) == "Jane Doe chaired the meeting"
    assert score(realpdf(), answer("Alan Smith chaired [1]. Jane Doe too [2]."), k=5).answer_ok


def test_the_first_span_never_reaches_past_the_first_80_words() -> None:
    text = " ".join(["word"] * ANSWER_WORDS + ["alan", "smith", "[1]."])
    s = score(realpdf(), answer(text), k=5)
    assert not s.answer_ok and not s.answer_ok_lede


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("The refurbishment was agreed", "ment", False),
        ("In 2025 the hall reopened", "5", False),
        ("It cost £54.00 in all", "£54", True),
        ("It cost £540 in all", "£54", False),
        ("It cost £540 in all", "54", False),
        ("The Chair\u2019s  VOTE\nwas cast", "chair's vote", True),
        ("Meeting at 7.30pm sharp", "7.30pm", True),
        ("Meeting at 17.30pm", "7.30pm", False),
        ("anything", "", False),
    ],
)
def test_phrases_match_as_whole_words_folded(text: str, phrase: str, found: bool) -> None:
    assert has_phrase(text, phrase) is found


def test_answer_phrases_are_whole_words_under_both_rules() -> None:
    s = score(realpdf(answer_any=("5",)), answer("Paid in 2025 [1]."), k=5)
    assert not s.answer_ok and not s.answer_ok_lede


def test_the_document_is_matched_on_the_file_name_at_the_end_of_the_source() -> None:
    here = answer("Alan Smith [1].", paged(1, "/elsewhere/uk_minutes_2024.pdf", 9, 9))
    folder_only = answer("Alan Smith [1].", paged(1, "/uk_minutes_2024.pdf/notes.pdf", 4, 4))
    assert score(realpdf(), here, k=5).doc_hit
    s = score(realpdf(), folder_only, k=5)
    assert not s.doc_hit and not s.page_hit and not s.page_at_1


def test_a_citations_page_span_must_cover_the_gold_page() -> None:
    g = realpdf(phrase=None)
    for first, last, hit in [(3, 5, True), (4, None, True), (4, 4, True), (3, None, False), (5, 6, False)]:
        s = score(g, answer("Alan Smith [1].", paged(1, PDF, first, last)), k=5)
        assert (s.page_hit, s.page_at_1) == (hit, hit), (first, last)
    assert not score(g, answer("Alan Smith [1].", paged(1, OTHER_PDF, 4, 4)), k=5).page_hit
    assert not score(g, answer("Alan Smith [1].", paged(1, PDF, None, None)), k=5).page_hit


def test_the_evidence_phrase_on_another_page_is_a_page_hit() -> None:
    text = "Present:  Alan Smith\n(AS)[Chair], Bea Jones"
    s = score(realpdf(), answer("Alan Smith [1].", paged(1, PDF, 9, 9, text)), k=5)
    assert s.page_hit and s.page_at_1 and s.hit
    elsewhere = score(realpdf(), answer("Alan Smith [1].", paged(1, OTHER_PDF, 4, 4, text)), k=5)
    assert not elsewhere.page_hit and not elsewhere.hit


def test_page_at_1_looks_only_at_the_first_citation_and_page_hit_at_the_first_k() -> None:
    a = answer("Alan Smith [2].", paged(1, PDF, 1, 1), paged(2, PDF, 4, 4), paged(3, PDF, 4, 4))
    s = score(realpdf(phrase=None), a, k=5)
    assert s.page_hit and not s.page_at_1
    assert not score(realpdf(phrase=None), a, k=1).page_hit


def test_without_a_gold_page_there_is_no_page_measure() -> None:
    s = score(gold(), answer("In progress [1].", cite(1, PLEDGES, EVIDENCE)), k=5)
    assert s.page_hit is None and s.page_at_1 is None and s.doc_hit
    assert score(realpdf(phrase=None), answer("Alan Smith."), k=5).hit is None


def test_unanswerable_is_right_only_when_declined() -> None:
    g = realpdf(answer_any=(), page=None, phrase=None, type="unanswerable", answer_type="money")
    declined = score(g, answer("The papers do not answer this question.", status="not_found"), k=5)
    invented = score(g, answer("It cost £400 [1].", paged(1, PDF, 2, 2)), k=5)
    assert declined.right and declined.right_lede and not declined.false_abstention
    assert not invented.right and not invented.right_lede


def test_a_declined_answerable_question_is_wrong_even_if_its_leads_hold_the_phrase() -> None:
    a = answer("Not answered; closest: Alan Smith [1].", paged(1, PDF, 4, 4), status="not_found")
    s = score(realpdf(), a, k=5)
    assert s.false_abstention and not s.answer_ok and not s.answer_ok_lede and not s.right
    assert s.page_hit  # the leads still count for retrieval


@given(st.lists(st.sampled_from(["alan", "smith", "[1]", "[2].", "x", "Smith[3]"]), max_size=120))
def test_the_first_span_rule_is_never_more_lenient_than_the_80_words(words: list[str]) -> None:
    text = " ".join(words)
    for phrase in ("alan smith", "smith", "x"):
        if has_phrase(first_span(text), phrase):
            assert has_phrase(lede(text), phrase)


def test_summary_breaks_accuracy_down_by_answer_type_and_answerability() -> None:
    def s(kind: str, type: str, ok: bool, lede_ok: bool, abstained: bool = False, page: bool | None = None):
        return Score("q", type, "answered", None, 0.0, ok, abstained, False, lede_ok, True, page, page, kind)

    scores = [
        s("money", "answerable", True, True, page=True),
        s("money", "answerable", False, True, page=False),
        s("money", "unanswerable", False, False, abstained=True),
        s("person", "answerable", False, False),
    ]
    m = summarise(scores, k=5)
    assert (m.answer_accuracy, m.answer_accuracy_lede) == (0.3333, 0.6667)
    assert (m.accuracy, m.accuracy_lede) == (0.5, 0.75)
    assert (m.paged, m.page_hit, m.page_at_1, m.hit_at_k) == (2, 0.5, 0.5, 0.0)
    money, person = m.by_answer_type
    assert (money.name, money.questions, money.answerable, money.unanswerable) == ("money", 3, 2, 1)
    assert (money.accuracy, money.accuracy_lede) == (0.6667, 1.0)
    assert (person.name, person.accuracy) == ("person", 0.0)
    assert [(b.name, b.questions, b.accuracy) for b in m.by_type] == [
        ("answerable", 3, 0.3333),
        ("unanswerable", 1, 1.0),
    ]


def test_render_shows_each_question_its_answer_head_and_the_type_tables() -> None:
    long_answer = "Alan Smith chaired " + "and spoke " * 30 + "[1]."
    scored = [
        score(realpdf(), answer(long_answer, paged(1, PDF, 4, 4)), k=5),
        score(
            realpdf(type="unanswerable", answer_any=(), page=None, phrase=None),
            answer("No.", status="not_found"),
            k=5,
        ),
    ]
    m = summarise(scored, k=5)
    table = render(scored, m)
    assert (
        "Q: Who chaired?" in table and f"A: {long_answer[:100]}" in table and long_answer[:101] not in table
    )
    assert "page hit@5 1.000 and page@1 1.000 (of 1 with a gold page)" in table
    assert (
        "answer accuracy 1.000 (first span" in table
        and "person" in table
        and "unanswerable 1: abstained 1.000" in table
    )
    data = json.loads(to_json(scored, m))
    assert [q["right"] for q in data["questions"]] == [True, True]
    assert data["questions"][0]["page_hit"] is True and data["questions"][1]["page_hit"] is None
    assert [b["name"] for b in data["summary"]["by_type"]] == ["answerable", "unanswerable"]


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


def write_pdf(path: Path, pages: list[str]) -> None:
    pdf = canvas.Canvas(str(path))
    for text in pages:
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()


def test_eval_command_scores_the_real_pdf_format_end_to_end(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=FakeEmbedder()))
    papers = tmp_path / "pdfs"
    papers.mkdir()
    write_pdf(
        papers / "minutes_2024.pdf",
        [
            "Northgate Parish Council minutes of the meeting of 25 January 2024.",
            "The allotment rent for 2024 was set at 42 pounds a plot.",
            "The meeting was chaired by Alan Smith and closed at 9pm.",
        ],
    )
    store = str(tmp_path / "store")
    assert cli.main(["ingest", str(papers), "--store", store, "--quiet"]) == 0
    rows = [
        {
            "question": "Who chaired the Northgate Parish Council meeting of 25 January 2024?",
            "type": "answerable",
            "doc": "minutes_2024.pdf",
            "page": 3,
            "evidence": "chaired by Alan Smith",
            "answer_any": ["alan smith"],
            "answer_type": "person",
        },
        {
            "question": "How much did the Northgate bench cost in 2024?",
            "type": "unanswerable",
            "doc": "minutes_2024.pdf",
            "page": None,
            "evidence": None,
            "answer_any": [],
            "answer_type": "money",
        },
    ]
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("".join(json.dumps(r) + "\n" for r in rows))
    capsys.readouterr()
    assert cli.main(["eval", str(gold_file), "--store", store, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    chaired, bench = report["questions"]
    assert chaired["doc_hit"]  # the only paper in the store is the gold one
    assert isinstance(chaired["page_hit"], bool) and isinstance(chaired["page_at_1"], bool)
    assert bench["page_hit"] is None and bench["kind"] == "money"
    summary = report["summary"]
    assert (summary["paged"], summary["doc_hit_at_k"]) == (1, 1.0)
    assert [b["name"] for b in summary["by_answer_type"]] == ["person", "money"]
    assert cli.main(["eval", str(gold_file), "--store", store]) == 0
    table = capsys.readouterr().out
    assert f"Q: {rows[0]['question']}" in table and "answer type" in table
