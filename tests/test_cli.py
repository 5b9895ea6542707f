"""The command line: documented, JSON of the promised shape, errors as one line."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CITATION_KEYS, SAMPLES, FakeEmbedder

from index.settings import Settings
from qa import cli
from qa.engine import CouncilQA

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


@pytest.fixture
def fake_cli(monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=FakeEmbedder()))
    store = str(tmp_path / "store")

    def run(*args: str) -> int:
        return cli.main([*args, "--store", store])

    return run


def test_every_command_is_documented() -> None:
    commands = cli.build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    for name in commands:
        assert f"councilqa {name}" in README, f"`councilqa {name}` is not in the README"


def test_every_make_target_in_the_readme_exists() -> None:
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), re.M))
    for target in re.findall(r"\bmake ([a-z-]+)", README):
        assert target in targets, f"README names `make {target}`, which the Makefile lacks"


def test_every_script_the_makefile_runs_exists() -> None:
    for script in re.findall(r"\$\(BIN\)/python (\S+\.py)", (ROOT / "Makefile").read_text()):
        assert (ROOT / script).is_file(), f"the Makefile runs {script}, which does not exist"


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```bash", 1)[1].split("```", 1)[0]
    assert [line.split()[0:2] for line in first_block.strip().splitlines()] == [
        ["make", "run"],
        ["make", "test"],
    ]


def test_ask_json_has_the_promised_shape(fake_cli, capsys) -> None:
    assert fake_cli("ingest", str(SAMPLES), "--quiet") == 0
    capsys.readouterr()
    assert fake_cli("ask", "Who is the portfolio holder for Pledge 41?", "--json") == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == {"question", "read_as", "answer", "status", "citations"}
    assert answer["status"] == "answered"
    for citation in answer["citations"]:
        assert set(citation) == CITATION_KEYS
        assert citation["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", citation["date"])
        assert citation["source"].startswith(str(SAMPLES) + "/")


def test_ask_questions_file_prints_json_lines(fake_cli, capsys, tmp_path) -> None:
    fake_cli("ingest", str(SAMPLES), "--quiet")
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"question": "What is the status of Pledge 48?"}\nWhat is the status of Pledge 99?\n'
    )
    capsys.readouterr()
    assert fake_cli("ask", "--questions", str(questions)) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["status"] for line in lines] == ["answered", "not_found"]


def test_bad_file_is_one_line_and_the_rest_goes_on(fake_cli, capsys, tmp_path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    assert fake_cli("ingest", str(bad), str(SAMPLES / "004_67e52966cbe4daee.txt"), "--quiet") == 1
    out = capsys.readouterr()
    errors = [line for line in out.err.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith(f"{bad}: ")
    assert "1 added" in out.out and "1 failed" in out.out


def test_ingest_exits_1_when_any_file_failed_after_storing_the_rest(fake_cli, capsys, tmp_path) -> None:
    missing, noise = tmp_path / "nowhere.pdf", tmp_path / "noise.pdf"
    noise.write_bytes(bytes(range(256)) * 8)  # no %PDF header: something else named .pdf
    assert fake_cli("ingest", str(missing), "--quiet") == 1
    assert "1 failed" in capsys.readouterr().out
    good = SAMPLES / "004_67e52966cbe4daee.txt"
    assert fake_cli("ingest", str(noise), str(good), "--quiet") == 1
    out = capsys.readouterr()
    assert out.err.splitlines() == [f"{noise}: not a PDF (no %PDF header)"]
    assert "1 added" in out.out and "1 failed" in out.out
    assert fake_cli("ingest", str(good), "--quiet") == 0  # nothing failed: unchanged is success
    assert "1 unchanged" in capsys.readouterr().out


def test_ingest_help_and_readme_state_the_exit_status(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["ingest", "--help"])
    helped = " ".join(capsys.readouterr().out.split())
    assert "exit status is then 1" in helped
    assert "exits with status 1" in " ".join(README.split())


MINUTES = """MINUTES OF THE PLANNING COMMITTEE HELD AT THE TOWN HALL ON 13 MARCH 2018 AT 7.00 PM

Present: Cllr Ann Brown (Chair), Cllr Raj Patel

1. Library closure

Moved by Cllr Patel, seconded by Cllr Brown that the library close on 1 June 2018.

CARRIED

2. Precept

It was moved by Cllr Brown and seconded by Cllr Patel that the item be deferred.

DEFERRED
"""


@pytest.mark.parametrize("written", ["carried", "Carried", "CARRIED"])
def test_decisions_outcome_is_read_in_any_case(fake_cli, capsys, tmp_path, written: str) -> None:
    (tmp_path / "march.txt").write_text(MINUTES, encoding="utf-8")
    assert fake_cli("ingest", str(tmp_path / "march.txt"), "--quiet") == 0
    capsys.readouterr()
    assert fake_cli("decisions", "--outcome", written, "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["mover"], r["outcome"]) for r in rows] == [("Cllr Patel", "carried")]


def test_track_names_papers_by_title_and_date_and_files_only_as_a_detail(fake_cli, capsys) -> None:
    fake_cli("ingest", str(SAMPLES), "--quiet")
    capsys.readouterr()
    assert fake_cli("track", "Pledge 48") == 0
    lines = capsys.readouterr().out.splitlines()
    assert "February 2020 — In Progress — Children's Services Pledges, February 2020" in lines
    named = [line for line in lines if "000_cf3ce20c081cbe3a.txt" in line]
    assert named == [f"    file {SAMPLES}/000_cf3ce20c081cbe3a.txt"]


def test_the_readme_pledge_48_example_is_what_ask_prints(fake_cli, capsys) -> None:
    """The README's example answer and its first two sources, as `councilqa ask` prints them now (the
    status answer comes from the tracker records, so the fake model gives the real words)."""
    command = '.venv/bin/councilqa ask "What is the status of Pledge 48?"\n```\n\n```\n'
    example = README.split(command, 1)[1].split("\n  ...\n```", 1)[0]
    fake_cli("ingest", str(SAMPLES), "--quiet")
    capsys.readouterr()
    assert fake_cli("ask", "What is the status of Pledge 48?") == 0
    printed = capsys.readouterr().out
    assert printed.startswith(example.replace("       samples/papers/", f"       {SAMPLES}/") + "\n")


def test_stats_and_search(fake_cli, capsys) -> None:
    fake_cli("ingest", str(SAMPLES), "--quiet")
    capsys.readouterr()
    fake_cli("stats", "--json")
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 5 and "Plymouth City Council" in stats["councils"]
    fake_cli("search", "Pledge 48", "--json", "--limit", "3")
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 3 and "Pledge 48" in hits[0]["text"]


def test_filters_restrict_answers(fake_cli, capsys) -> None:
    fake_cli("ingest", str(SAMPLES), "--quiet")
    capsys.readouterr()
    fake_cli("ask", "What is the status of Pledge 48?", "--json", "--to", "2019")
    answer = json.loads(capsys.readouterr().out)
    assert {c["date"][:4] for c in answer["citations"]} <= {"2016", "2017", "2018", "2019"}


def test_store_of_another_model_is_a_one_line_error(fake_cli, capsys, tmp_path, monkeypatch) -> None:
    fake_cli("ingest", str(SAMPLES / "004_67e52966cbe4daee.txt"), "--quiet")

    class Other(FakeEmbedder):
        name = "other-model"

    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=Other()))
    assert fake_cli("search", "Pledge 48") == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "other-model" in err


# --- follow-ups on the command line ------------------------------------------------------------


def test_ask_history_reads_a_follow_up_against_earlier_answers(fake_cli, capsys, tmp_path) -> None:
    fake_cli("ingest", str(SAMPLES), "--quiet")
    capsys.readouterr()
    assert fake_cli("ask", "What is the status of Pledge 48?", "--json") == 0
    chat = tmp_path / "chat.json"
    chat.write_text(capsys.readouterr().out)  # the printed answer is the history file, as it is
    assert fake_cli("ask", "Who is the portfolio holder for it?", "--history", str(chat), "--json") == 0
    printed = capsys.readouterr().out
    answer = json.loads(printed)
    with chat.open("a") as history:
        history.write(printed)  # the conversation grows by appending each answer
    assert answer["question"] == "Who is the portfolio holder for it?"
    assert answer["read_as"] == "Who is the portfolio holder for Pledge 48?"
    assert "Pledge 48" in answer["citations"][0]["text"]
    assert fake_cli("ask", "and the lead director?", "--history", str(chat)) == 0
    assert capsys.readouterr().out.startswith("Read as: Who is the lead director for Pledge 48?\n")


def test_ask_without_history_reads_a_pronoun_as_asked(fake_cli, capsys) -> None:
    fake_cli("ingest", str(SAMPLES), "--quiet")
    capsys.readouterr()
    fake_cli("ask", "Who is the portfolio holder for it?", "--json")
    assert json.loads(capsys.readouterr().out)["read_as"] is None


def test_a_bad_history_file_is_a_one_line_error(fake_cli, tmp_path) -> None:
    fake_cli("ingest", str(SAMPLES / "000_cf3ce20c081cbe3a.txt"), "--quiet")
    bad = tmp_path / "history.jsonl"
    bad.write_text('{"answer": "no question here"}')
    with pytest.raises(SystemExit, match=r"^councilqa: error: .*history.jsonl: not a history of questions"):
        fake_cli("ask", "Who leads it?", "--history", str(bad))


# --- stats and start-up: no model -------------------------------------------------------------


def test_stats_never_builds_the_engine(fake_cli, capsys, monkeypatch) -> None:
    fake_cli("ingest", str(SAMPLES / "004_67e52966cbe4daee.txt"), "--quiet")
    capsys.readouterr()

    def no_engine(settings):
        raise AssertionError("stats built the engine (and would load the model)")

    monkeypatch.setattr(cli, "CouncilQA", no_engine)
    assert fake_cli("stats", "--json") == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 1


def test_stats_of_a_damaged_store_is_one_line(tmp_path, capsys) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / "councilqa.sqlite3").write_bytes(b"not a database at all" * 100)
    assert cli.main(["stats", "--store", str(store)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("councilqa: error: ") and err.count("\n") == 1 and str(store) in err


HEAVY = ("sentence_transformers", "torch", "transformers", "faiss")
IMPORTED = (
    "import sys\nfrom qa import cli\ntry:\n    code = cli.main(sys.argv[1:])\nexcept SystemExit as exc:\n"
    "    code = exc.code\nprint('HEAVY', sorted(m for m in {heavy} if m in sys.modules), code)\n"
)


def heavy_imports(*args: str) -> tuple[list[str], object]:
    """Run `councilqa ARGS` in a fresh interpreter: the heavy modules it imported, and its exit code."""
    script = IMPORTED.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("HEAVY"))
    _, modules, code = line.split(" ", 2)
    return ast.literal_eval(modules), code


def test_commands_that_do_not_embed_never_import_the_model(tmp_path) -> None:
    store = tmp_path / "store"
    engine = CouncilQA(Settings(store=store), embedder=FakeEmbedder())
    engine.ingest([SAMPLES / "004_67e52966cbe4daee.txt"], progress=False)
    engine.close()
    assert heavy_imports("stats", "--store", str(store)) == ([], "0")
    assert heavy_imports("stats", "--json", "--store", str(store)) == ([], "0")
    assert heavy_imports("--help") == ([], "0")
    assert heavy_imports("eval") == ([], "2")  # argparse: the gold file is missing
    assert heavy_imports("ask", "--top-k", "many") == ([], "2")


# --- a store that is not there, empty questions ----------------------------------------------


@pytest.mark.parametrize("command", [["ask", "What is Pledge 48?"], ["search", "Pledge 48"], ["stats"]])
def test_reading_a_store_that_is_not_there_is_a_one_line_error(
    fake_cli, tmp_path, capsys, command: list[str]
) -> None:
    assert fake_cli(*command) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "store: no store here" in err
    assert not (tmp_path / "store").exists()  # a mistyped folder is not made into an empty store


def test_a_store_path_that_is_a_file_is_named(tmp_path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("x")
    assert cli.main(["ask", "What is Pledge 48?", "--store", str(tmp_path / "notes.txt")]) == 1
    assert "notes.txt: not a folder" in capsys.readouterr().err


def test_an_empty_question_or_a_missing_questions_file_is_named(fake_cli, tmp_path) -> None:
    fake_cli("ingest", str(SAMPLES / "000_cf3ce20c081cbe3a.txt"), "--quiet")
    with pytest.raises(SystemExit, match="the question is empty"):
        fake_cli("ask", "   ")
    with pytest.raises(SystemExit, match=r"nope\.txt: file not found$"):
        fake_cli("ask", "--questions", str(tmp_path / "nope.txt"))


def test_one_question_a_process_runs_on_torch_many_on_onnx(monkeypatch, tmp_path, capsys) -> None:
    seen = []

    def engine(settings):
        seen.append(settings.onnx_cache)
        return CouncilQA(settings, embedder=FakeEmbedder())

    monkeypatch.setattr(cli, "CouncilQA", engine)
    monkeypatch.setenv("COUNCILQA_ONNX_CACHE", str(tmp_path / "onnx"))
    store = ["--store", str(tmp_path / "store")]
    cli.main(["ingest", str(SAMPLES / "000_cf3ce20c081cbe3a.txt"), "--quiet", *store])
    questions = tmp_path / "q.txt"
    questions.write_text("What is Pledge 48?\nWho leads it?\n")
    cli.main(["ask", "What is Pledge 48?", *store])
    cli.main(["ask", "--questions", str(questions), *store])
    # ingest embeds batches only; one question does not pay ONNX Runtime's load; a file of them does
    assert seen == [tmp_path / "onnx", None, tmp_path / "onnx"]


def test_a_decline_under_filters_says_what_was_searched_and_where_it_is(fake_cli, capsys) -> None:
    fake_cli("ingest", str(SAMPLES), "--quiet")
    capsys.readouterr()
    assert fake_cli("ask", "What is the status of Pledge 48?", "--to", "2016-12") == 0
    out = capsys.readouterr().out
    assert "Searched 1 of 5 papers" in out and "4 papers left out" in out
    assert "Pledge 48 appears in 2 papers outside the filters" in out
    fake_cli("ask", "What is the status of Pledge 48?")
    assert "Searched" not in capsys.readouterr().out  # no filters: the answer alone, as before
