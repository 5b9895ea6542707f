"""OCR lines into words without the engine: cuts at image gaps, fragments joined, glued words split."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import ocrsplit
from corpus.ocrlines import OcrLine, PixelWord, split_line

HEIGHT = 20  # ink height of the drawn letters, pixels
LETTER, LETTER_GAP, WORD_GAP = 8, 2, 8


def _drawn(words: list[str]) -> tuple[np.ndarray, OcrLine]:
    """A page image with one block per letter, and the line the recogniser would report for it.

    The recogniser is made to drop every space, as RapidOCR often does; each letter's span is where
    it was drawn.
    """
    image = np.full((60, 400), 255, dtype=np.uint8)
    spans, x = [], 20
    for word in words:
        for _ in word:
            image[20 : 20 + HEIGHT, x : x + LETTER] = 0
            spans.append((float(x), float(x + LETTER)))
            x += LETTER + LETTER_GAP
        x += WORD_GAP
    line = OcrLine("".join(words), 0.99, (15.0, 15.0, float(x), 45.0), tuple(spans))
    return image, line


def test_a_line_without_spaces_is_cut_at_the_gaps_in_the_image() -> None:
    image, line = _drawn(["Parish", "Council", "met"])
    words = split_line(image, line)
    assert [w.text for w in words] == ["Parish", "Council", "met"]
    assert words[0].x0 == 20 and words[0].x1 == 20 + 6 * (LETTER + LETTER_GAP) - LETTER_GAP
    assert all(w.top == 20 and w.bottom == 20 + HEIGHT for w in words)  # the ink rows, not the line box
    assert all(a.x1 < b.x0 for a, b in zip(words, words[1:], strict=False))


def test_an_underline_through_the_line_does_not_close_the_gaps() -> None:
    image, line = _drawn(["Minutes", "approved"])
    image[20 + HEIGHT - 2 : 20 + HEIGHT, 20 : int(line.box[2])] = 0
    assert [w.text for w in split_line(image, line)] == ["Minutes", "approved"]


def test_a_recognised_space_cuts_even_where_the_image_shows_no_gap() -> None:
    image, line = _drawn(["ab", "cd"])
    spaced = OcrLine("ab cd", line.score, line.box, (*line.spans[:2], (0.0, 0.0), *line.spans[2:]))
    words = split_line(np.where(image > 0, 255, 0).astype(np.uint8), spaced)
    assert [w.text for w in words] == ["ab", "cd"]


def test_a_blank_crop_keeps_the_recognised_text_whole() -> None:
    _, line = _drawn(["Approved"])
    words = split_line(np.full((60, 400), 255, dtype=np.uint8), line)
    assert [w.text for w in words] == ["Approved"]


def _word(text: str, x0: float, x1: float) -> PixelWord:
    return PixelWord(text, x0, 0.0, x1, 20.0)


def test_fragments_of_one_word_cut_at_a_narrow_gap_are_joined() -> None:
    words = [
        _word("wil", 0, 24),
        _word("l", 28, 31),
        _word("be", 40, 55),
        _word("1", 60, 66),
        _word("0", 70, 78),
    ]
    assert [w.text for w in ocrsplit.join_fragments(words)] == ["will", "be", "10"]


def test_real_words_at_a_narrow_gap_stay_apart_and_wide_gaps_always_cut() -> None:
    words = [_word("of", 0, 14), _word("the", 18, 40), _word("wil", 100, 124), _word("l", 140, 143)]
    assert [w.text for w in ocrsplit.join_fragments(words)] == ["of", "the", "wil", "l"]


def test_a_letter_placed_across_the_gap_moves_to_its_word() -> None:
    words = [_word("agendai", 0, 60), _word("tems", 70, 100)]
    assert [w.text for w in ocrsplit.join_fragments(words)] == ["agenda", "items"]


def test_a_words_fragments_are_joined_before_a_letter_moves_across_a_gap() -> None:
    """'To receive the min utes': the fragments make 'minutes'; moving the m first read 'them inutes'."""
    words = [_word("the", 0, 24), _word("min", 32, 56), _word("utes", 59, 90), _word("of", 100, 114)]
    assert [w.text for w in ocrsplit.join_fragments(words)] == ["the", "minutes", "of"]


@pytest.mark.parametrize(
    ("glued", "pieces"),
    [
        ("SouldernParishCouncil", ["Souldern", "Parish", "Council"]),
        ("28thJanuary2021at7.30", ["28th", "January", "2021", "at", "7.30"]),
        ("toreceivetheminutes", ["to", "receive", "the", "minutes"]),
        ("videoconference", ["video", "conference"]),
        ("pandemic.In", ["pandemic.", "In"]),
        ("equity,public", ["equity,", "public"]),
    ],
)
def test_glued_words_are_split(glued: str, pieces: list[str]) -> None:
    assert [w.text for w in ocrsplit.split_glued(_word(glued, 0, 10 * len(glued)))] == pieces


@pytest.mark.parametrize(
    "word",
    [
        "Powassan",
        "Callander",
        "Nipissing",
        "COVID19",
        "20/03320/TCA",
        "4th",
        "McDonald",
        "S.Kirkey",
        "www.nipissing.ca",
        "p.m.",
    ],
)
def test_names_codes_and_ordinals_are_left_alone(word: str) -> None:
    assert [w.text for w in ocrsplit.split_glued(_word(word, 0, 80))] == [word]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789.-", min_size=1, max_size=30))
def test_split_pieces_keep_every_character_and_tile_the_box(text: str) -> None:
    word = _word(text, 10.0, 10.0 + 7.0 * len(text))
    pieces = ocrsplit.split_glued(word)
    assert "".join(p.text for p in pieces) == text
    assert pieces[0].x0 == pytest.approx(word.x0) and pieces[-1].x1 == pytest.approx(word.x1)
    assert all(a.x1 == pytest.approx(b.x0) for a, b in zip(pieces, pieces[1:], strict=False))


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Zo0m invite", "Zoom invite"),
        ("S. Fo0te", "S. Foote"),
        ("P0H 1W0", "P0H 1W0"),
        ("10am $0.50", "10am $0.50"),
    ],
)
def test_a_zero_among_lowercase_letters_is_read_as_o(read: str, meant: str) -> None:
    assert ocrsplit.mend_letters(read) == meant


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789.,", min_size=1, max_size=8),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=0, max_value=2),
)
def test_cutting_a_line_keeps_its_characters_in_order_inside_the_line(words: list[str], noise: int) -> None:
    image, line = _drawn(words)
    image[15 : 15 + noise, :] = 0  # a dark edge of the line box must not break the invariants
    cut = split_line(image, line)
    assert "".join(w.text for w in cut) == "".join(words)
    assert all(line.box[0] <= w.x0 < w.x1 <= line.box[2] for w in cut)
    assert all(a.x1 <= b.x0 for a, b in zip(cut, cut[1:], strict=False))
