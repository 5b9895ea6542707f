"""Invariants of PDF reading on generated papers: sentences stay whole, furniture never reaches a chunk."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from corpus.chunker import chunk_document
from corpus.loader import load_document
from corpus.pdf import read_pdf
from corpus.vocabulary import is_word

HEIGHT, WIDTH, SIZE = 842, 595, 10
MEASURE = 300  # the text column's width in points
WORDS = [
    w
    for w in "council budget report members agreed housing transport community library services planning "
    "committee officers residents consultation improvement maintenance development expenditure".split()
    if is_word(w)
]
COMPOUNDS = ["long-term", "well-being", "cross-border", "part-time", "sign-off"]


def _wrap(words: list[str], rng: random.Random) -> list[str]:
    """Greedy line breaking in a MEASURE-wide column; long words are sometimes hyphenated at the end."""
    lines, line = [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, "Helvetica", SIZE) <= MEASURE:
            line = candidate
            continue
        if "-" in word and rng.random() < 0.7:  # a compound breaks at its own hyphen
            head, tail = word.split("-", 1)
            lines.append(f"{line} {head}-")
            line = tail
        elif "-" not in word and len(word) >= 7 and rng.random() < 0.7:
            cut = rng.randint(3, len(word) - 3)
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return [*lines, line]


def _draw(path: Path, pages: list[list[str]], furniture: bool) -> Path:
    sheet = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    for number, lines in enumerate(pages, start=1):
        if furniture:
            sheet.setFont("Helvetica", 8)
            sheet.drawString(72, HEIGHT - 36, "Northgate Borough Council - Overview and Scrutiny")
            sheet.drawString(270, 30, f"Page {number} of {len(pages)}")
        sheet.setFont("Helvetica", SIZE)
        for i, line in enumerate(lines):
            sheet.drawString(72, HEIGHT - 100 - 12 * i, line)
        sheet.showPage()
    sheet.save()
    return path


sentences = st.lists(st.sampled_from(WORDS + COMPOUNDS), min_size=30, max_size=80)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=sentences, seed=st.integers(0, 10_000))
def test_wrapped_paragraph_reads_back_word_for_word(tmp_path: Path, words: list[str], seed: int) -> None:
    """No sentence ends mid-word and no hyphenated word is split, wherever the lines broke."""
    sentence = "The " + " ".join(words) + "."
    lines = _wrap(sentence.split(), random.Random(seed))
    text = read_pdf(_draw(tmp_path / "p.pdf", [lines], furniture=False))[0].text
    assert text == sentence


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(sentences, min_size=2, max_size=5), seed=st.integers(0, 10_000))
def test_chunks_hold_no_running_lines_and_stay_within_their_paper(
    tmp_path: Path, pages: list[list[str]], seed: int
) -> None:
    rng = random.Random(seed)
    bodies = [_wrap(("Item " + " ".join(words) + ".").split(), rng) for words in pages]
    document = load_document(_draw(tmp_path / "paper.pdf", bodies, furniture=True))
    chunks = chunk_document(document, lambda text: len(text.split()), 60)
    assert chunks
    for chunk in chunks:
        assert "Overview and Scrutiny" not in chunk.text and "Page " not in chunk.text
        assert chunk.page_start is not None and chunk.page_end is not None
        assert 1 <= chunk.page_start <= chunk.page_end <= len(bodies)
