"""Bad input, kind by kind: each file is made here, ingested beside good papers, and named with a reason."""

from __future__ import annotations

import hashlib
import io
import os
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from conftest import FakeEmbedder
from hypothesis import given
from hypothesis import settings as settings_
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

import corpus.reader
from corpus.chunker import _words_fit, split_text
from corpus.errors import shown
from index.ingest import IngestReport
from index.search import chunk_count
from index.settings import Settings
from qa import cli
from qa.engine import CouncilQA

GOOD = {
    "good-a.txt": "CABINET 12 March 2019\nPlymouth City Council\n\nThe council agreed to repair potholes.\n",
    "good-b.txt": "CABINET 10 September 2019\nPlymouth City Council\n\nThe council agreed to build a pool.\n",
}
PAPER = "CABINET 4 February 2020\nPlymouth City Council\n\nThe council agreed longer library hours at Café Zoë, £5.\n"
ROOT = os.geteuid() == 0  # root reads a chmod 000 file anyway, so unreadable files cannot be made
AS_ROOT = pytest.mark.skipif(ROOT, reason="running as root, which can read a chmod 000 file or folder")
WITHIN_SECONDS = 120  # generous on a busy 2-core box; a regression to quadratic work takes 10+ minutes


@dataclass(frozen=True)
class Kind:
    """One kind of bad input: how to make it in a folder, and what ingest must do with it.

    outcome: 'failed' (in the report and stats), 'skipped' (named, not stored, not a failure),
    'duplicate', 'added', or 'either' (added, or failed with `reason`).
    """

    make: Callable[[Path], str]  # makes the entry in the folder, returns its name there
    outcome: str
    reason: str = ""  # a regex the one-line reason must match
    check: Callable[[CouncilQA, str], None] | None = None  # what must (not) be stored
    follow_links: bool = False


Content = bytes | str | Callable[[], bytes | str]


def _file(name: str, content: Content) -> Callable[[Path], str]:
    """Makes a file; content given as a function is made only when a case runs, not when tests load."""

    def make(folder: Path) -> str:
        data = content() if callable(content) else content
        (folder / name).write_bytes(data.encode() if isinstance(data, str) else data)
        return name

    return make


def _pdf(pages: list[str | Image.Image]) -> bytes:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer)
    for page in pages:
        if isinstance(page, Image.Image):
            sheet.drawImage(ImageReader(page), 72, 500, width=450, height=60)
        elif page:
            sheet.drawString(72, 720, page)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


GOOD_PDF = _pdf(["The council agreed longer library hours.", "Second page of the minutes."])


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(GOOD_PDF)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _scan() -> bytes:
    image = Image.new("RGB", (900, 120), "white")
    ImageDraw.Draw(image).text((20, 40), "The council agreed longer library hours", fill="black")
    return _pdf([image])


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _noise(size: int) -> bytes:
    return np.random.default_rng(7).bytes(size)


def _words(size: int, sep: str) -> str:
    """About `size` characters of words on one line, joined by `sep`."""
    words = ["budget", "council", "roads", "42", "housing", "£1,200", "agreed", "library"]
    return sep.join(words[i % len(words)] for i in range(size // 7))


def _link(name: str, target: Callable[[Path], Path]) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).symlink_to(target(folder))
        return name

    return make


def _outside(folder: Path) -> Path:
    paper = folder.parent / "elsewhere" / "private.txt"
    paper.parent.mkdir(exist_ok=True)
    paper.write_text(PAPER)
    return paper


def _store(folder: Path) -> str:
    """A store inside the folder ingested (`--store papers/store`): its files are named once, as one."""
    (folder / "store").mkdir()
    (folder / "store" / "councilqa.sqlite3").write_bytes(b"SQLite format 3\x00")
    (folder / "store" / "vectors.0.faiss").write_bytes(b"\x00" * 64)
    return "store"


def _in_folder(name: str, inner: str, data: str, mode: int | None = None) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).mkdir()
        (folder / name / inner).write_text(data)
        if mode is not None:
            (folder / name).chmod(mode)
        return name if mode is not None or name.startswith(".") else f"{name}/{inner}"

    return make


def _unreadable(folder: Path) -> str:
    (folder / "locked.txt").write_text(PAPER)
    (folder / "locked.txt").chmod(0)
    return "locked.txt"


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.txt")
    return "pipe.txt"


def _not_utf8_name(folder: Path) -> str:
    path = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(path, "wb") as handle:
        handle.write(PAPER.encode())
    return os.fsdecode(b"caf\xe9.txt")


def _texts(qa: CouncilQA, source: str) -> list[str]:
    rows = qa.store.db.execute(
        "SELECT c.text FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE d.source = ?", (source,)
    )
    return [row[0] for row in rows]


def _holds(*phrases: str, never: tuple[str, ...] = ()) -> Callable[[CouncilQA, str], None]:
    def check(qa: CouncilQA, source: str) -> None:
        text = "\n".join(_texts(qa, source))
        assert all(p in text for p in phrases), text[:300]
        assert not any(n in text for n in never), text[:300]

    return check


def _fits_the_model(qa: CouncilQA, source: str) -> None:
    texts = _texts(qa, source)
    assert len(texts) > 100 and max(len(t.split()) for t in texts) <= qa.embedder.max_tokens


HTML_ATTACK = """<html><head><script>evil1()</script><style>.evil2{}</style></head>
<body onload="evil3()"><p onclick="evil4()">Visible minutes of the council.</p>
<a href="javascript:evil5()">agenda</a><img src=x onerror="evil6()"><SCRIPT type=text/x>evil7</SCRIPT>
<svg><script>evil8()</script></svg><noscript>evil9</noscript><template>evil10</template>
<p>More visible text.</p><script>evil11()"""

KINDS: dict[str, Kind] = {
    **{f"empty {s}": Kind(_file(f"empty{s}", b""), "failed", "^empty file$") for s in corpus.reader._READERS},
    "random bytes .pdf": Kind(_file("noise.pdf", _noise(5000)), "failed", r"^not a PDF \(no %PDF header\)$"),
    "random bytes .docx": Kind(_file("noise.docx", _noise(5000)), "failed", "^corrupt Word file"),
    "truncated PDF": Kind(_file("cut.pdf", GOOD_PDF[: len(GOOD_PDF) // 2]), "failed", "^corrupt PDF"),
    "PDF with a user password": Kind(_file("locked.pdf", _encrypted("s3cret")), "failed", "needs a password"),
    "PDF with only an owner password": Kind(
        _file("owner.pdf", _encrypted("")), "added", check=_holds("library hours")
    ),
    "image-only PDF": Kind(_file("scan.pdf", _scan), "either", r"^no text"),
    "2,000 blank pages": Kind(_file("blank.pdf", lambda: _pdf([""] * 2000)), "failed", r"^no text"),
    ".docx that is a zip of junk": Kind(
        _file("junk.docx", _zip({"a.bin": _noise(3000)})), "failed", "^corrupt Word file"
    ),
    ".docx that unpacks past the limit": Kind(
        _file("bomb.docx", lambda: _zip({"word/document.xml": bytes(3 << 20)})),
        "failed",
        "^too large unpacked",
    ),
    "UTF-16 with BOM": Kind(
        _file("utf16.txt", PAPER.encode("utf-16")), "added", check=_holds("Café Zoë, £5")
    ),
    "UTF-16 LE without BOM": Kind(
        _file("utf16le.txt", PAPER.encode("utf-16-le")), "added", check=_holds("Café Zoë, £5")
    ),
    "UTF-16 BE without BOM": Kind(
        _file("utf16be.md", PAPER.encode("utf-16-be")), "added", check=_holds("Café Zoë, £5")
    ),
    "UTF-16 without BOM that does not decode": Kind(
        _file("broken16.txt", PAPER.encode("utf-16-le") + b"\x00\xd8A\x00"),  # a lone high surrogate
        "failed",
        "^looks like UTF-16 text but does not decode as it$",
    ),
    "Latin-1 text": Kind(_file("latin1.txt", PAPER.encode("latin-1")), "added", check=_holds("Café Zoë, £5")),
    "NUL bytes in text": Kind(
        _file("nul.txt", PAPER.replace("library", "lib\x00rary\x00")),
        "added",
        check=_holds("library hours", never=("\x00",)),
    ),
    "binary bytes named .txt": Kind(_file("binary.txt", _noise(5000)), "failed", "^binary data, not text$"),
    "binary bytes named .html": Kind(_file("binary.html", _noise(5000)), "failed", "^binary data, not text$"),
    "50 MB single-line text": Kind(
        _file("huge.txt", lambda: _words(50 << 20, " ")),
        "failed",
        r"^too large: \d\d MB, over the 20 MB limit for \.txt files$",
    ),
    "5 MB table row": Kind(
        _file("row.txt", lambda: "Item\t" + _words(5 << 20, "\t")), "added", check=_fits_the_model
    ),
    "HTML with scripts and event handlers": Kind(
        _file("attack.html", HTML_ATTACK),
        "added",
        check=_holds("Visible minutes", "More visible text", never=("evil", "javascript")),
    ),
    "deeply nested HTML": Kind(
        _file("deep.html", "<div>" * 5000 + "deep text" + "</div>" * 5000), "either", "^nested too deeply"
    ),
    "name with newline and ANSI escape": Kind(_file("bad\n\x1b[31mred.txt", b""), "failed", "^empty file$"),
    "name with a bidi override": Kind(_file("report\u202etxt.exe.txt", b""), "failed", "^empty file$"),
    "unicode name": Kind(_file("Café – 会議録.txt", PAPER), "added", check=_holds("library hours")),
    "leading dashes": Kind(_file("--help -rf.txt", PAPER), "added", check=_holds("library hours")),
    "name that is not UTF-8": Kind(_not_utf8_name, "skipped", "^name is not valid UTF-8"),
    "link to itself": Kind(_link("loop.txt", lambda f: f / "loop.txt"), "failed", "^link loop"),
    "broken link": Kind(_link("gone.pdf", lambda f: f / "nowhere.pdf"), "failed", "^broken link"),
    "folder link loop": Kind(_link("back", lambda f: f), "skipped", r"^link to a folder, not followed"),
    "folder link loop, --follow-links": Kind(
        _link("back", lambda f: f), "skipped", "^link loop", follow_links=True
    ),
    "link to a file outside": Kind(
        _link("outside.txt", _outside), "skipped", r"^link to a file outside .*, not followed"
    ),
    "link to a file outside, --follow-links": Kind(
        _link("outside.txt", _outside), "added", check=_holds("library hours"), follow_links=True
    ),
    "folder named like a file": Kind(_in_folder("x.pdf", "inner.txt", PAPER), "added"),
    "same content under two names": Kind(_file("zz-copy.txt", GOOD["good-a.txt"]), "duplicate"),
    "hidden file": Kind(_file(".secret.txt", PAPER), "skipped", "^hidden file, skipped$"),
    "hidden folder": Kind(_in_folder(".git", "notes.txt", PAPER), "skipped", "^hidden folder, skipped$"),
    "a store inside the folder": Kind(_store, "skipped", "^a councilqa store, skipped$"),
    "named pipe": Kind(_fifo, "failed", "^not a regular file$"),
    "unsupported type": Kind(
        _file("sheet.xls", b"\xd0\xcf\x11\xe0 sheet"), "failed", "^unsupported file type"
    ),
    "unreadable file": Kind(_unreadable, "failed", "permission denied"),
    "unreadable folder": Kind(_in_folder("shut", "a.txt", PAPER, 0), "skipped", "^cannot open folder"),
}
MARKS = {
    "unreadable file": AS_ROOT,
    "unreadable folder": AS_ROOT,
    "image-only PDF": pytest.mark.slow,  # loads the OCR engine: half a minute
}
CASES = [pytest.param(kind, id=name, marks=MARKS.get(name, ())) for name, kind in KINDS.items()]


@pytest.fixture
def qa(settings: Settings, fake_embedder) -> Iterator[CouncilQA]:
    engine = CouncilQA(settings, embedder=fake_embedder)
    yield engine
    engine.close()


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    papers = tmp_path / "papers"
    papers.mkdir()
    for name, text in GOOD.items():
        (papers / name).write_text(text)
    yield papers
    for path in [papers, *papers.rglob("*")]:  # let pytest clean up what a case locked
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def _outcome(report: IngestReport, source: str) -> tuple[str, str]:
    """What the report says of `source`: ('failed', reason), ('skipped', reason), ('added', '') ..."""
    for outcome, entries in (("failed", report.failed), ("skipped", report.skipped)):
        for named, why in entries:
            if named == source:
                return outcome, why
    for named, twin in report.duplicates:
        if named == source:
            return "duplicate", twin
    return ("added", "") if source in report.added else ("missing", "")


def _assert_named_safely(lines: list[str], source: str) -> None:
    """The entry is named on exactly one line, and no line carries a control character."""
    assert sum(line.startswith(f"{shown(source)}: ") for line in lines) == 1, lines
    assert not any(re.search(r"[\x00-\x1f\x7f-\x9f\u202e]", line) for line in lines), lines


@pytest.mark.parametrize("kind", CASES)
def test_bad_input_is_named_and_the_rest_goes_on(
    kind: Kind, qa: CouncilQA, folder: Path, monkeypatch
) -> None:
    monkeypatch.setattr(corpus.reader, "_MAX_DOCX_UNPACKED", 2 << 20)  # a small zip bomb stands for a big one
    source = os.path.join(str(folder), kind.make(folder))
    errors: list[str] = []
    start = time.monotonic()
    report = qa.ingest([str(folder)], progress=False, on_error=errors.append, follow_links=kind.follow_links)
    assert time.monotonic() - start < WITHIN_SECONDS

    outcome, why = _outcome(report, source)
    expected = {kind.outcome} if kind.outcome != "either" else {"added", "failed"}
    assert outcome in expected, (outcome, why)
    if outcome in ("failed", "skipped"):
        assert re.search(kind.reason, why) and "\n" not in why, why
        _assert_named_safely(errors + report.notes(), source)
    if outcome == "duplicate":
        assert why == str(folder / "good-a.txt")
        assert f"{source}: same content as {why}, stored once" in report.notes()
    assert (outcome == "failed") == ((source, why) in qa.stats().failures)
    assert [folder / n for n in GOOD] == [Path(s) for s in report.added if Path(s).name in GOOD]
    # Nothing half-stored: every stored file is whole, with all its vectors; nothing else is stored.
    assert qa.stats().documents == len(report.added) == len(qa.store.sources())
    assert chunk_count(qa.store) == len(qa.store.vectors) == report.chunks
    if outcome != "added":
        assert source not in qa.store.sources()
    elif kind.check:
        kind.check(qa, source)


def test_empty_files_of_every_type_are_each_named_never_duplicates(qa: CouncilQA, folder: Path) -> None:
    names = [f"empty{suffix}" for suffix in sorted(corpus.reader._READERS)]
    for name in names:
        (folder / name).write_bytes(b"")
    report = qa.ingest([str(folder)], progress=False)
    assert report.failed == [(str(folder / name), "empty file") for name in names]
    assert report.duplicates == []


@pytest.mark.parametrize("name, content", [("paper.txt", PAPER.encode()), ("paper.pdf", GOOD_PDF)])
def test_a_file_rewritten_while_read_is_stored_under_the_hash_of_what_was_read(
    qa: CouncilQA, folder: Path, monkeypatch, name: str, content: bytes
) -> None:
    path = folder / name
    path.write_bytes(content)
    later = content.replace(b"library", b"LIBRARY") if name.endswith(".txt") else _pdf(["Other minutes."])
    suffix = path.suffix
    reader = corpus.reader._READERS[suffix]

    def rewritten_meanwhile(target: Path):
        if target == path:  # the file changes after its bytes were taken, before they are parsed
            path.write_bytes(later)
        return reader(target)

    monkeypatch.setitem(corpus.reader._READERS, suffix, rewritten_meanwhile)
    qa.ingest([str(folder)], progress=False)
    assert qa.store.document_hash(str(path)) == hashlib.sha256(content).hexdigest()
    assert "library hours" in "\n".join(_texts(qa, str(path)))

    monkeypatch.setitem(corpus.reader._READERS, suffix, reader)
    report = qa.ingest([str(folder)], progress=False)
    assert report.replaced == [str(path)]  # the next ingest sees the new content, never calls it unchanged
    assert qa.store.document_hash(str(path)) == hashlib.sha256(later).hexdigest()


def test_prune_keeps_what_sits_behind_a_link_it_did_not_follow(qa: CouncilQA, folder: Path) -> None:
    _outside(folder)
    (folder / "linked").symlink_to(folder.parent / "elsewhere")
    first = qa.ingest([str(folder)], progress=False, follow_links=True)
    assert str(folder / "linked" / "private.txt") in first.added
    second = qa.ingest([str(folder)], prune=True, progress=False)
    assert second.removed == []
    assert second.skipped == [(str(folder / "linked"), "link to a folder, not followed (use --follow-links)")]


def _counted_characters(text: str) -> int:
    """Characters the chunker hands to the token counter to split `text` into 254-token pieces."""
    counted = 0

    def count(piece: str) -> int:
        nonlocal counted
        counted += len(piece)
        return len(piece.split())

    pieces = split_text(text, 254, count)
    assert max(len(p.split()) for p in pieces) <= 254 and " ".join(pieces).split() == text.split()
    return counted


@pytest.mark.parametrize("sep", [" ", "\t"])
def test_splitting_a_long_line_counts_each_character_a_bounded_number_of_times(sep: str) -> None:
    small, large = _words(100_000, sep), _words(1_000_000, sep)
    # Linear: ten times the text, about ten times the counting (it was quadratic: a hundred times).
    assert _counted_characters(large) / len(large) <= 1.2 * _counted_characters(small) / len(small)
    assert _counted_characters(large) <= 5 * len(large)


def test_cli_names_every_file_on_one_escaped_line(monkeypatch, tmp_path: Path, folder: Path, capsys) -> None:
    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=FakeEmbedder()))
    (folder / "bad\n\x1b[2J.pdf").write_bytes(b"%PDF-1.4 junk")
    (folder / "-rf.txt").write_text(PAPER)
    (folder / ".hidden.txt").write_text(PAPER)
    store = ["--store", str(tmp_path / "store")]
    assert cli.main(["ingest", "--quiet", *store, "--", str(folder)]) == 1  # one failed, the rest stored
    out = capsys.readouterr()
    assert out.err.splitlines() == [
        f"{folder}/bad\\n\\x1b[2J.pdf: " + out.err.split(".pdf: ", 1)[1].splitlines()[0],
        f"{folder}/.hidden.txt: hidden file, skipped",
    ]
    assert "3 added" in out.out and "1 failed" in out.out and "1 skipped" in out.out
    assert cli.main(["stats", *store]) == 0
    listed = capsys.readouterr().out
    assert "\x1b" not in listed and f"  {folder}/bad\\n\\x1b[2J.pdf: corrupt PDF" in listed


@pytest.mark.parametrize(
    "name, expected",
    [
        ("plain – café 会議.txt", "plain – café 会議.txt"),
        ("a\nb\tc\r.txt", "a\\nb\\tc\\r.txt"),
        ("\x1b[31mred\x07\x7f\x9b.txt", "\\x1b[31mred\\x07\\x7f\\x9b.txt"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
    ],
)
def test_shown_escapes_what_would_act_on_a_terminal(name: str, expected: str) -> None:
    assert shown(name) == expected


@settings_(max_examples=300, deadline=None)
@given(
    costs=st.lists(st.integers(1, 4), min_size=1, max_size=80),
    budget=st.integers(1, 60),
    guess=st.none() | st.integers(-5, 100),
)
def test_words_fit_finds_the_longest_prefix_that_fits_from_any_guess(
    costs: list[int], budget: int, guess: int | None
) -> None:
    words = [f"w{i}" for i in range(len(costs))]
    cost = dict(zip(words, costs, strict=True))

    def count(text: str) -> int:
        return sum(cost[w] for w in text.split())

    longest = max((k for k in range(1, len(words) + 1) if sum(costs[:k]) <= budget), default=1)
    assert _words_fit(words, budget, count, guess) == longest
