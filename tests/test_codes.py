"""Words and codes as the full-text index holds them: diacritics folded, hyphened codes joined."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from index.codes import code_forms, folded, is_code, joined_codes


@given(st.text(max_size=80))
def test_folding_drops_exactly_the_combining_marks_of_the_decomposed_text(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    expected = text if text.isascii() else "".join(c for c in decomposed if not unicodedata.combining(c))
    assert folded(text) == expected


def test_accents_fold_and_other_characters_stay() -> None:
    assert folded("San José – £1.2m café’s") == "San Jose – £1.2m cafe’s"


def test_a_hyphened_code_is_joined_but_a_word_and_number_stay_apart() -> None:
    assert joined_codes("The L-24004 at Caherconlish") == "the l24004 at caherconlish"
    assert joined_codes("COVID-19 recovery") == "covid-19 recovery"


def test_codes_are_sought_joined_and_apart_but_periods_are_not_codes() -> None:
    assert code_forms("l24004") == ["l24004", "l 24004"]
    assert is_code("n21") and not is_code("fy24") and not is_code("y11")
