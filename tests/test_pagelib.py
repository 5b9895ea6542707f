"""The page's library parts: export, feedback, users, uploads, the 'what was searched' line, example
questions, readable citations and the cited page image, on inputs made here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import SAMPLES, FakeEmbedder  # noqa: E402

from index.filters import Filters  # noqa: E402
from index.settings import Settings  # noqa: E402
from qa import cli  # noqa: E402
from qa.answer import Answer, Citation  # noqa: E402
from qa.citations import CLOSEST, PARTIAL, STRONG, cited_passages  # noqa: E402
from qa.engine import CouncilQA  # noqa: E402
from qa.examples import example_questions  # noqa: E402
from qa.export import CSV_COLUMNS, to_csv, to_markdown  # noqa: E402
from qa.feedback import Feedback, FeedbackError, append_feedback, read_feedback  # noqa: E402
from qa.pageview import PageViewError, cited_pages, context_lines, matched_boxes, page_image  # noqa: E402
from qa.searched import Scope, outside_filters, scope, scope_line  # noqa: E402
from qa.uploads import (  # noqa: E402
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_FILES,
    Upload,
    UploadError,
    check_batch,
    safe_name,
    save_upload,
)
from qa.users import UsersError, add_user, check_password, load_users  # noqa: E402


def citation(n: int = 1, **changes: object) -> Citation:
    fields: dict[str, object] = {
        "n": n,
        "source": "/papers/pledges.pdf",
        "title": "Pledges update",
        "date": dt.date(2020, 2, 1),
        "date_precision": "month",
        "page": 43,
        "page_end": 43,
        "heading": None,
        "text": 'Pledge 48 - In Progress, with a comma, and "quotes".\nSecond line.',
        "score": 1.574,
        "label": "41",
    }
    return Citation(**{**fields, **changes})


ANSWER = Answer("What is the status of Pledge 48?", "In Progress [1].", "answered", (citation(),))


# --- export -------------------------------------------------------------------------------------


def test_csv_holds_question_answer_and_each_citation() -> None:
    other = citation(2, title="Minutes", page=None, page_end=None, label=None, date=None)
    answer = replace(ANSWER, citations=(citation(), other))
    rows = list(csv.reader(io.StringIO(to_csv([(ANSWER.question, answer)]))))
    assert rows[0] == list(CSV_COLUMNS)
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["question"] == ANSWER.question and first["answer"] == "In Progress [1]."
    assert (first["n"], first["title"], first["date"]) == ("1", "Pledges update", "February 2020")
    assert first["page"] == "p. 41 (PDF p. 43)" and first["passage"] == citation().text
    second = dict(zip(CSV_COLUMNS, rows[2], strict=True))
    assert (second["date"], second["page"]) == ("undated", "page not shown")
    bare = Answer("q", "The papers do not answer this.", "not_found")
    assert len(list(csv.reader(io.StringIO(to_csv([("q", bare)]))))) == 2  # one row, no citation


def test_markdown_export_names_every_citation_and_quotes_its_passage() -> None:
    follow = replace(ANSWER, read_as="Who leads Pledge 48?", citations=(citation(ocr=True),))
    text = to_markdown([(ANSWER.question, ANSWER), ("Who leads it?", follow)])
    assert "## What is the status of Pledge 48?" in text and "## Who leads it?" in text
    assert "*Read as:* Who leads Pledge 48?" in text
    assert "**[1]** Pledges update — February 2020 — p. 41 (PDF p. 43) — `/papers/pledges.pdf`" in text
    assert "read by OCR" in text and "> Second line." in text


# --- feedback -----------------------------------------------------------------------------------


def test_feedback_is_appended_and_read_back(tmp_path: Path) -> None:
    append_feedback(tmp_path, Feedback.of(ANSWER, "correct"))
    append_feedback(tmp_path, Feedback.of(ANSWER, "missing source", "the March minutes say more"))
    first, second = read_feedback(tmp_path)
    assert (first.verdict, second.verdict, second.note) == (
        "correct",
        "missing source",
        "the March minutes say more",
    )
    assert second.citations == ("/papers/pledges.pdf p. 41 (PDF p. 43)",)
    assert len((tmp_path / "feedback.jsonl").read_text().splitlines()) == 2
    with pytest.raises(FeedbackError, match="verdict 'great'"):
        Feedback.of(ANSWER, "great")


def test_a_bad_feedback_line_is_named(tmp_path: Path) -> None:
    (tmp_path / "feedback.jsonl").write_text('{"at": 1}\n', encoding="utf-8")
    with pytest.raises(FeedbackError, match=r"feedback.jsonl:1"):
        read_feedback(tmp_path)


def test_the_feedback_command_prints_json_lines(tmp_path: Path, capsys) -> None:
    append_feedback(tmp_path, Feedback.of(ANSWER, "wrong", "it is Pledge 49"))
    assert cli.main(["feedback", "--json", "--store", str(tmp_path)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["verdict"] == "wrong" and json.loads(line)["note"] == "it is Pledge 49"
    assert cli.main(["feedback", "--store", str(tmp_path)]) == 0
    assert "wrong" in capsys.readouterr().out


# --- users --------------------------------------------------------------------------------------


def test_users_are_stored_as_salted_scrypt_hashes(tmp_path: Path) -> None:
    add_user(tmp_path, "alice", "correct horse")
    add_user(tmp_path, "bob", "correct horse")
    text = (tmp_path / "users.json").read_text()
    assert "correct horse" not in text
    users = load_users(tmp_path)
    assert users["alice"].salt != users["bob"].salt and users["alice"].hash != users["bob"].hash
    assert (users["alice"].n, users["alice"].r, users["alice"].p) == (2**14, 8, 1)
    assert check_password(tmp_path, "alice", "correct horse")
    assert not check_password(tmp_path, "alice", "correct horse ")
    assert not check_password(tmp_path, "carol", "correct horse")
    assert (tmp_path / "users.json").stat().st_mode & 0o077 == 0  # owner only


@pytest.mark.parametrize(("name", "password"), [("a b", "x"), ("<script>", "x"), ("", "x"), ("alice", "")])
def test_bad_names_and_empty_passwords_are_refused(tmp_path: Path, name: str, password: str) -> None:
    with pytest.raises(UsersError):
        add_user(tmp_path, name, password)


def test_the_users_command_reads_the_password_from_stdin(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret pass\n"))
    assert cli.main(["users", "add", "alice", "--password-stdin", "--store", str(tmp_path)]) == 0
    assert check_password(tmp_path, "alice", "s3cret pass")
    assert "alice: saved" in capsys.readouterr().out


# --- uploads ------------------------------------------------------------------------------------


@given(st.text(max_size=80), st.sampled_from([".pdf", ".PDF", ".docx", ".txt", ".md", ".html"]))
def test_an_upload_name_keeps_nothing_of_the_sent_name_but_its_type(name: str, suffix: str) -> None:
    saved = safe_name(Upload(name + suffix, b"%PDF-1.4 data"))
    assert saved.endswith(suffix.lower()) and len(saved) == 16 + len(suffix)
    assert saved[:16].isalnum() and "/" not in saved and ".." not in saved[:16]


@pytest.mark.parametrize(
    ("upload", "reason"),
    [
        (Upload("../../etc/passwd", b"x"), "not a paper type"),
        (Upload("run.exe", b"x"), "not a paper type"),
        (Upload("notes.txt", b""), "empty"),
        (Upload("huge.pdf", b"\0" * (MAX_UPLOAD_BYTES + 1)), "up to 50 MiB"),
    ],
)
def test_uploads_outside_the_limits_are_refused_with_the_reason(upload: Upload, reason: str) -> None:
    with pytest.raises(UploadError, match=reason):
        safe_name(upload)


def test_an_upload_is_saved_inside_the_store_once(tmp_path: Path) -> None:
    first = save_upload(tmp_path, Upload("../../../tmp/evil name.txt", b"Pledge 48 text"))
    again = save_upload(tmp_path, Upload("other.txt", b"Pledge 48 text"))
    assert first == again and first.parent == tmp_path / "uploads" and first.read_bytes() == b"Pledge 48 text"
    with pytest.raises(UploadError, match=f"up to {MAX_UPLOAD_FILES}"):
        check_batch([Upload(f"{i}.txt", b"x") for i in range(MAX_UPLOAD_FILES + 1)])


# --- what was searched, examples ----------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("pagelib")
    papers = root / "papers"
    papers.mkdir()
    for sample in SAMPLES.iterdir():
        (papers / sample.name).write_bytes(sample.read_bytes())
    (papers / "undated.txt").write_text("Notes on Pledge 48 and the care leavers offer.\n", encoding="utf-8")
    (papers / "exempt.txt").write_text(
        "NOT FOR PUBLICATION\n\nPledge 92 - the Wharf Road site is sold to Rivermead Ltd.\n", encoding="utf-8"
    )
    qa = CouncilQA(Settings(store=root / "store"), embedder=FakeEmbedder())
    qa.ingest([papers], progress=False)
    yield qa
    qa.close()


def test_the_searched_line_counts_papers_dates_and_filters(engine) -> None:
    db = engine.store.db
    assert scope_line(scope(db, Filters())) == "Searched all 6 papers (2016–2024); no filters."
    assert scope(db, Filters(restricted=True)).total == 7  # the exempt paper, for those granted access
    derby = scope_line(scope(db, Filters(council="Derby")))
    assert derby == "Searched 2 of 6 papers (2016–2017); filters: council: Derby; 4 papers left out."
    dated = scope(db, Filters(date_from=dt.date(2020, 1, 1)))
    assert len(dated.undated_out) == 1 and dated.searched == 2
    assert ", 1 of them undated: " in scope_line(dated)


def test_the_searched_line_names_only_a_few_undated_papers() -> None:
    many = Scope(
        10, 2, "2020-01-01", "2020-05-01", ("from 1 January 2020",), tuple(f"P{i}" for i in range(5))
    )
    assert scope_line(many).endswith("5 of them undated: P0, P1, P2 and 2 more.")


def test_a_not_found_caused_by_a_filter_says_where_the_answer_is(engine) -> None:
    derby = Filters(council="Derby")
    answer = engine.ask("What is the status of Pledge 48?", derby)
    assert answer.status == "not_found"
    said = outside_filters(engine.store.db, lambda q, f: engine.ask(q, f), answer, derby)
    assert said == "Pledge 48 appears in 2 papers outside the filters: Plymouth City Council, 2019–2020."
    missing = engine.ask("What is the status of Pledge 999?", derby)
    assert outside_filters(engine.store.db, lambda q, f: engine.ask(q, f), missing, derby) is None
    unfiltered = engine.ask("What is the status of Pledge 999?")
    assert outside_filters(engine.store.db, lambda q, f: engine.ask(q, f), unfiltered, Filters()) is None


def test_the_explanation_keeps_the_callers_access(engine) -> None:
    plain = Filters(council="Derby")
    answer = engine.ask("Who bought the Wharf Road site in Pledge 92?", plain)
    asked: list[Filters] = []
    outside_filters(engine.store.db, lambda q, f: asked.append(f) or engine.ask(q, f), answer, plain)
    assert asked and not asked[0].restricted


def test_example_questions_come_from_the_store(engine) -> None:
    questions = example_questions(engine.store.db)
    assert "What is the status of Pledge 48?" in questions or "What is the status of Pledge 41?" in questions
    assert "What did the Corporate Parenting Committee decide?" in questions
    assert not any("Pledge 92" in q for q in questions)  # never from restricted text


def test_an_empty_store_has_no_examples(tmp_path: Path) -> None:
    qa = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    assert example_questions(qa.store.db) == ()
    qa.close()


# --- citations and the cited page ---------------------------------------------------------------


def test_citations_of_one_passage_are_merged_and_judged_without_scores() -> None:
    same, other = citation(2), citation(3, text="Another passage.")
    answer = Answer("q", "Yes [1]. Indeed [2].", "answered", (citation(), same, other))
    merged = cited_passages(answer, {"/papers/pledges.pdf": "Cabinet"})
    assert [m.numbers for m in merged] == [(1, 2), (3,)]
    assert [m.strength for m in merged] == [STRONG, PARTIAL]
    assert (
        merged[0]
        .label()
        .startswith("Pledges update — Cabinet — February 2020 — p. 41 (PDF p. 43) — “Pledge 48")
    )
    assert "1.574" not in merged[0].label()
    closest = cited_passages(replace(answer, status="not_found"), {})
    assert {m.strength for m in closest} == {CLOSEST}


def make_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path))
    sheet.drawString(72, 750, "First page: the riverside library is mentioned here only by name.")
    sheet.showPage()
    sheet.drawString(72, 750, "Budget paper, page two")
    sheet.drawString(72, 700, "Pledge 77 - the riverside library will reopen in May 2021 after repairs.")
    sheet.drawString(72, 600, "Parking charges stay the same.")
    sheet.showPage()
    sheet.save()
    return path


def test_the_cited_page_is_rendered_with_the_passage_highlighted(tmp_path: Path) -> None:
    from PIL import Image

    pdf = make_pdf(tmp_path / "budget.pdf")
    passage = "Pledge 77 - the riverside library will reopen in May 2021 after repairs."
    shown = page_image(tmp_path / "store", str(pdf), 2, passage)
    assert shown.boxes == 1 and shown.path.parent == tmp_path / "store" / "cache" / "pages"
    image = Image.open(shown.path).convert("RGB")
    yellow = [
        (x, y)
        for y in range(image.height)
        for x in range(0, image.width, 3)
        if _yellow(image.getpixel((x, y)))
    ]
    assert yellow and all(190 < y < 225 for _, y in yellow)  # the line at 700 pt of 842, at 1.5 px/pt
    assert page_image(tmp_path / "store", str(pdf), 2, passage).boxes == -1  # from the cache
    assert page_image(tmp_path / "store", str(pdf), 1, "Parking charges stay the same.").boxes == 0
    with pytest.raises(PageViewError, match="no page 3"):
        page_image(tmp_path / "store", str(pdf), 3, passage)
    with pytest.raises(PageViewError, match="no longer there"):
        page_image(tmp_path / "store", str(tmp_path / "gone.pdf"), 1, passage)


def _yellow(pixel: tuple[int, int, int]) -> bool:
    r, g, b = pixel
    return r > 240 and 180 < g < 245 and b < 200


def test_highlighting_needs_a_run_of_words_not_one_common_word() -> None:
    words = [
        (w, (i * 10.0, 0.0, i * 10.0 + 8, 10.0)) for i, w in enumerate("the council and the library".split())
    ]
    assert matched_boxes(words, "the new road") == []
    assert matched_boxes(words, "and the library opens") == [(20.0, 0.0, 48.0, 10.0)]  # one box, one line


def test_a_text_paper_shows_the_passage_among_its_neighbours(engine) -> None:
    db = engine.store.db
    doc_id, position, text = db.execute(
        "SELECT doc_id, position, text FROM chunks WHERE position = 2 AND restricted = 0 LIMIT 1"
    ).fetchone()
    source = db.execute("SELECT source FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    lines = context_lines(db, source, text)
    marked = "\n".join(line.text for line in lines if line.cited)
    assert marked == "\n".join(line for line in text.split("\n") if line.strip())
    assert any(not line.cited for line in lines)  # neighbours, unmarked
    assert context_lines(db, source, "no such passage") == ()


def test_a_passage_over_pages_opens_each_of_them_up_to_a_limit() -> None:
    assert cited_pages(4, 4) == (4,) and cited_pages(4, None) == (4,)
    assert cited_pages(1, 2) == (1, 2)
    assert cited_pages(3, 40) == (3, 4, 5)  # SPAN_PAGES
    assert cited_pages(None, None) == ()
