"""Gold files: both formats read line by line into one record, bad lines named by file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from index.settings import Settings
from qa import cli
from qa.engine import CouncilQA
from qa.goldsets import GoldFormatError, GoldQuestion, load_gold

ROOT = Path(__file__).resolve().parent.parent
REALPDF = ROOT.parent / "shared" / "realpdf-dev"

PROJECT_ROW = {
    "id": "g01",
    "type": "fact",
    "question": "Who leads Pledge 45?",
    "evidence": [{"doc": "000", "contains": "Young Carers' Champion"}],
    "answer_any": ["judith harwood"],
}
REALPDF_ROW = {
    "question": "Who chaired the meeting of 25 January 2024?",
    "type": "answerable",
    "doc": "uk_minutes_2024.pdf",
    "page": 1,
    "evidence": "Alan Smith (AS)[Chair]",
    "answer_any": ["alan smith", "smith"],
    "answer_type": "person",
}
SCANNED_ROW = {**REALPDF_ROW, "page": 2, "evidence": None, "answer_type": "time", "answer_any": ["7.30pm"]}
UNANSWERABLE_ROW = {
    **REALPDF_ROW,
    "type": "unanswerable",
    "page": None,
    "evidence": None,
    "answer_any": [],
    "answer_type": "money",
}


def write(tmp_path: Path, *rows: object) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def test_both_formats_in_one_file_are_told_apart_line_by_line(tmp_path: Path) -> None:
    path = write(tmp_path, PROJECT_ROW, REALPDF_ROW, "", SCANNED_ROW, UNANSWERABLE_ROW)
    project, real, scanned, unanswerable = load_gold(path)
    assert project == GoldQuestion(
        "g01",
        "Who leads Pledge 45?",
        "fact",
        (("000", "Young Carers' Champion"),),
        False,
        ("judith harwood",),
    )
    assert (project.doc, project.page, project.kind, project.docs) == (None, None, "fact", ("000",))
    assert real == GoldQuestion(
        "2",
        REALPDF_ROW["question"],
        "answerable",
        (("uk_minutes_2024.pdf", "Alan Smith (AS)[Chair]"),),
        False,
        ("alan smith", "smith"),
        "uk_minutes_2024.pdf",
        1,
        "person",
    )
    assert real.answerable and real.kind == "person" and real.docs == ("uk_minutes_2024.pdf",)
    assert (scanned.id, scanned.evidence, scanned.page, scanned.kind) == ("3", (), 2, "time")
    assert not unanswerable.answerable and unanswerable.page is None and unanswerable.answer_any == ()
    assert unanswerable.kind == "money" and unanswerable.docs == ("uk_minutes_2024.pdf",)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "line 2: "),
        ("[1, 2]", "line 2: not a JSON object"),
        ({"type": "answerable", "doc": "a.pdf"}, "line 2: missing or malformed field 'question'"),
        ({"question": "?", "evidence": [{"doc": "000"}]}, "line 2: missing or malformed field 'contains'"),
    ],
)
def test_a_bad_line_is_named_by_file_and_line(tmp_path: Path, bad: object, reason: str) -> None:
    path = write(tmp_path, PROJECT_ROW, bad)
    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)
    assert str(caught.value).startswith(f"{path}: {reason}")


def test_the_eval_command_reports_a_bad_gold_file_in_one_line(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=FakeEmbedder()))
    path = write(tmp_path, REALPDF_ROW, {"doc": "a.pdf"})
    CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder()).close()  # a store, empty
    assert cli.main(["eval", str(path), "--store", str(tmp_path / "store")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(path) in err and "line 2" in err


def test_the_realpdf_dev_gold_set_loads_with_its_documented_counts() -> None:
    gold = REALPDF / "gold.jsonl"
    if not gold.exists():
        pytest.skip(f"shared real-PDF development set not found at {REALPDF}")
    questions = load_gold(gold)
    answerable = [q for q in questions if q.answerable]
    assert (len(questions), len(answerable)) == (49, 39)
    names = {p.name for p in (REALPDF / "pdfs").glob("*.pdf")}
    for q in questions:
        assert q.doc in names and q.answer_type, q.question
        assert (q.page is not None) == q.answerable, q.question
        assert all(doc == q.doc for doc, _ in q.evidence), q.question
        assert bool(q.answer_any) == q.answerable, q.question


def test_an_unanswerable_real_pdf_question_may_name_no_paper(tmp_path: Path) -> None:
    row = {
        **REALPDF_ROW,
        "type": "unanswerable",
        "doc": None,
        "page": None,
        "evidence": None,
        "answer_any": [],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n")
    (question,) = load_gold(path)
    assert (
        not question.answerable and question.docs == () and question.answer_type == REALPDF_ROW["answer_type"]
    )
    assert len(load_gold(ROOT / "eval" / "realpdf-newcomers.jsonl")) == 2316
    numbers = load_gold(ROOT / "eval" / "numbers-realpdf.jsonl")  # numbers asked by what they number
    assert len(numbers) == 62 and all(q.page for q in numbers if q.answerable)
    assert len(load_gold(ROOT / "eval" / "numbers.jsonl")) == 28
