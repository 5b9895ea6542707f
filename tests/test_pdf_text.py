"""PDF text as a person reads it: Unicode normalised, words from glyph gaps, paragraphs, hyphens, columns."""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from corpus.cleaner import normalise_unicode
from corpus.pdf import read_pdf
from corpus.reflow import join_words

A4_HEIGHT = 842


def _page_lines(path: Path, pages: list[list[tuple[float, float, str]]], font: str = "Helvetica") -> Path:
    """A PDF whose pages hold (x, y-from-top, text) lines in 10pt `font`."""
    sheet = canvas.Canvas(str(path), pagesize=(595, A4_HEIGHT))
    for lines in pages:
        for x, y, text in lines:
            sheet.setFont(font if not text.startswith("**") else "Helvetica-Bold", 10)
            sheet.drawString(x, A4_HEIGHT - y, text.strip("*"))
        sheet.showPage()
    sheet.save()
    return path


def _text(path: Path) -> str:
    return "\n\n".join(page.text for page in read_pdf(path))


# --- Unicode -------------------------------------------------------------------------------------


def test_normaliser_spells_out_ligatures_and_drops_invisible_marks() -> None:
    assert normalise_unicode("o\ufb03ce \ufb01nance \ufb02ow") == "office finance flow"
    assert normalise_unicode("re\u00adport\u200b two\u00a0words") == "report two words"


def test_normaliser_keeps_quotes_dashes_and_currency() -> None:
    text = "‘Council’s’ “plan” – £2.4m — €5"
    assert normalise_unicode(text) == text


def _ligature_font() -> str | None:
    """A TrueType font that has the ﬁ and ﬃ glyphs, registered with reportlab; None if there is none."""
    candidates = [
        Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    ]
    for path in candidates:
        if path.exists():
            font = TTFont("Ligatures", str(path))
            if {0xFB01, 0xFB03} <= set(font.face.charToGlyph):
                pdfmetrics.registerFont(font)
                return "Ligatures"
    return None


def test_ligature_glyphs_in_a_pdf_read_as_letters(tmp_path: Path) -> None:
    font = _ligature_font()
    if font is None:
        pytest.skip("no TrueType font with ligature glyphs here (Vera/DejaVu); the normaliser test covers it")
    text = _text(
        _page_lines(tmp_path / "lig.pdf", [[(72, 100, "The o\ufb03ce con\ufb01rmed the \ufb01gures.")]], font)
    )
    assert "office confirmed the figures." in text
    assert not any(0xFB00 <= ord(c) <= 0xFB06 for c in text)


# --- words from glyph positions ------------------------------------------------------------------


def test_words_drawn_apart_without_a_space_are_split(tmp_path: Path) -> None:
    sheet = canvas.Canvas(str(tmp_path / "gap.pdf"))
    sheet.setFont("Helvetica", 10)
    x = 72.0
    for word in ["Miller", "Planning", "Associates"]:  # each drawn on its own, no space characters
        sheet.drawString(x, 700, word)
        x += pdfmetrics.stringWidth(word, "Helvetica", 10) + 3
    sheet.showPage()
    sheet.save()
    assert _text(tmp_path / "gap.pdf") == "Miller Planning Associates"


def test_overprinted_heading_collapses_to_one_copy(tmp_path: Path) -> None:
    sheet = canvas.Canvas(str(tmp_path / "bold.pdf"))
    sheet.setFont("Helvetica", 14)
    x = 72.0
    for char in "CHICAGO":  # each letter drawn twice, a fraction of a point apart (fake bold)
        sheet.drawString(x, 700, char)
        sheet.drawString(x + 0.3, 700, char)
        x += pdfmetrics.stringWidth(char, "Helvetica", 14)
    sheet.showPage()
    sheet.save()
    assert _text(tmp_path / "bold.pdf") == "CHICAGO"


# --- paragraphs and hyphenation -------------------------------------------------------------------


def test_wrapped_sentence_is_one_line_and_hyphenated_word_is_whole(tmp_path: Path) -> None:
    lines = [
        (72, 100, "3.1 Cabinet agreed to fund the refurbish-"),
        (72, 112, "ment of Millbrook Pool at a cost of £2.4 million, with works to"),
        (72, 124, "start in September 2021, under a long-"),
        (72, 136, "term plan for the estate."),
    ]
    text = _text(_page_lines(tmp_path / "hyph.pdf", [lines]))
    assert text == (
        "3.1 Cabinet agreed to fund the refurbishment of Millbrook Pool at a cost of £2.4 million, "
        "with works to start in September 2021, under a long-term plan for the estate."
    )


def test_paragraphs_headings_and_list_items_get_their_own_lines(tmp_path: Path) -> None:
    lines = [
        (72, 100, "**Housing Update"),
        (72, 118, "The committee noted the report and agreed"),
        (72, 130, "the following actions:"),
        (72, 142, "• repair the roof of the depot"),
        (72, 154, "• review the rents in April"),
        (72, 178, "Members thanked the officers."),
    ]
    text = _text(_page_lines(tmp_path / "para.pdf", [lines]))
    assert text.split("\n\n") == [
        "**Housing Update**",
        "The committee noted the report and agreed the following actions:",
        "• repair the roof of the depot",
        "• review the rents in April",
        "Members thanked the officers.",
    ]


def test_a_number_that_closes_what_the_line_before_left_open_is_no_list_item(tmp_path: Path) -> None:
    lines = [
        (72, 100, "WHEREAS, the proposed Mixed-Use Project (File No. SP20-"),
        (72, 112, "004) includes a Special Use Permit, as set out in the report (see paragraph"),
        (72, 124, "4) below, and the Council agreed the following:"),
        (72, 136, "1) approve the permit;"),
        (72, 148, "2) note the report."),
    ]
    text = _text(_page_lines(tmp_path / "runon.pdf", [lines]))
    assert text.split("\n\n") == [
        "WHEREAS, the proposed Mixed-Use Project (File No. SP20-004) includes a Special Use Permit, as set out in"
        " the report (see paragraph 4) below, and the Council agreed the following:",
        "1) approve the permit;",
        "2) note the report.",
    ]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the refurbish-", "ment of", "the refurbishment of"),
        ("the Com-", "munity Centre", "the Community Centre"),
        ("a well-", "being plan", "a well-being plan"),
        ("the 2019-", "20 budget", "the 2019-20 budget"),
        ("the North-", "East area", "the North-East area"),
        ("the park -", "and the", "the park - and the"),
    ],
)
def test_line_end_hyphens_are_mended_only_where_the_word_is_split(left: str, right: str, joined: str) -> None:
    assert join_words(left, right) == joined


def test_hyphenated_form_elsewhere_in_the_paper_keeps_the_hyphen() -> None:
    assert (
        join_words("a cross-", "border scheme", known=frozenset({"cross-border"})) == "a cross-border scheme"
    )
    assert join_words("a cross-", "border scheme", known=frozenset({"crossborder"})) == "a crossborder scheme"


def test_two_columns_read_column_by_column_and_join_across_the_gutter(tmp_path: Path) -> None:
    left = [
        "21/34 Village Hall Roof. The clerk",
        "reported that three quotes had been",
        "received and Council resolved to fund",
        "the work from the community",
    ]
    right = [
        "infrastructure levy reserve. Work will",
        "start in August 2021. 21/35 Speed",
        "Watch. Volunteers recorded 212",
        "vehicles exceeding 30 mph in May.",
    ]
    lines = [(72, 100 + 12 * i, t) for i, t in enumerate(left)] + [
        (320, 100 + 12 * i, t) for i, t in enumerate(right)
    ]
    text = _text(_page_lines(tmp_path / "cols.pdf", [lines]))
    assert text == " ".join(left + right)


def test_space_that_takes_no_room_inside_a_word_is_dropped(tmp_path: Path) -> None:
    sheet = canvas.Canvas(str(tmp_path / "space.pdf"))
    text = sheet.beginText(72, 700)
    text.setFont("Helvetica", 10)
    # The space glyph advances 278/1000 em and the TJ offset takes it all back: 'h' touches 't'.
    text._code.append("[(Healt ) 278 (h and Safety)] TJ")
    sheet.drawText(text)
    sheet.showPage()
    sheet.save()
    assert _text(tmp_path / "space.pdf") == "Health and Safety"
