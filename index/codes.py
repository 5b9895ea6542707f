"""Words and codes of letters and digits (roads, references) as FTS5's unicode61 tokenizer indexes them."""

from __future__ import annotations

import re
import unicodedata

# A code of letters then digits (a road 'N21', 'L24004'; a postcode part 'SP20'): FTS5's unicode61
# tokenizer keeps 'N21' one token but splits 'L-24004' and 'L 24004' into two, and papers print the
# same road all three ways.
_CODE = re.compile(r"([a-z]{1,2})(\d{2,})")
_HYPHENED_CODE = re.compile(r"\b([a-z]{1,2})-(\d{2,})\b")


def joined_codes(text: str) -> str:
    """Lower-case text without diacritics, with each hyphened code joined as the question's terms hold
    it: 'l-24004' → 'l24004'. Only one or two letters before the hyphen: 'covid-19' stays two words."""
    return _HYPHENED_CODE.sub(r"\1\2", folded(text.lower()))


def folded(text: str) -> str:
    """Text without diacritics, as unicode61's remove_diacritics indexes it ('José' → 'Jose'), so a
    question's 'San José' is sought as the 'jose' the index holds, not cut short at the accent."""
    if text.isascii():
        return text
    # only the runs of non-ASCII characters can hold a combining mark: the rest is copied by the regex
    return _NON_ASCII.sub(_uncombined, unicodedata.normalize("NFD", text))


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _uncombined(run: re.Match) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


# Codes of a period or a year group ('FY24', 'Y11', 'Q3'): papers print them in words as often ('2023/24',
# 'Year 11'), so one no paper prints as a code may still be there.
_PERIODS = frozenset({"fy", "y", "yr", "q", "h", "ks"})


def is_code(term: str) -> bool:
    """Whether a question's term is a code of one or two letters and two digits or more ('n22', 'sp21'),
    other than a period's or a year group's ('fy24', 'y11')."""
    code = _CODE.fullmatch(term)
    return code is not None and code.group(1) not in _PERIODS


def code_forms(term: str) -> list[str]:
    """The FTS5 phrases a term is printed as: a code is also the phrase of its letters and its digits
    ('l24004' → 'l24004', 'l 24004', which matches 'L-24004' and 'L 24004'); any other term is itself."""
    code = _CODE.fullmatch(term)
    return [term, f"{code.group(1)} {code.group(2)}"] if code else [term]
