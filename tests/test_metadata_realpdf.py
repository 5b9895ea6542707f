"""describe() on the 26 real council PDFs: a field may be unknown, never wrong.

Expected values are in tests/data/realpdf_metadata.json: what each paper says about itself.
Run this file as a script to print right / unknown / wrong counts per field.

Matching rules (defined here, applied to every paper alike):
- council: the product's value equals one of the forms the paper itself uses, compared without
  case, accents, punctuation or a leading "the".
- body: as council; or the product's value is a faithful shorter form, i.e. the trailing words
  (two or more) of an expected form, the words dropped being the authority's name
  ("Planning Commission" for "Summit County Planning Commission"); or both name the council
  itself meeting ("Full Council", "Council", "City Council", "Parish Council" ...).
- date: the product's date, written at its own precision (YYYY, YYYY-MM, YYYY-MM-DD), equals an
  expected form; a coarser value that agrees with one (2019-03 for 2019-03-05) counts as unknown.
- type: "other" from the product counts as unknown unless "other" is expected.
- An expected null means the paper does not say: None from the product is right, any value wrong.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PDFS = ROOT.parent / "shared" / "realpdf-dev" / "pdfs"
EXPECTED = json.loads((ROOT / "tests" / "data" / "realpdf_metadata.json").read_text(encoding="utf-8"))[
    "papers"
]
FIELDS = ("council", "body", "date", "type")
_WHOLE_COUNCIL = re.compile(
    r"^(?:full |city |town |parish |township |village |county |borough |district )?council$"
)


def _norm(s: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    words = re.sub(r"[^\w]+", " ", plain.casefold()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _forms(value: str | list[str] | None) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else value


def _name_verdict(got: str | None, expected: list[str], shorter: bool) -> str:
    if got is None:
        return "unknown" if expected else "right"
    if not expected:
        return "wrong"
    norm, forms = _norm(got), [_norm(f) for f in expected]
    if norm in forms:
        return "right"
    if shorter and _WHOLE_COUNCIL.match(norm) and any(_WHOLE_COUNCIL.match(f) for f in forms):
        return "right"
    tail = norm.split()
    if shorter and len(tail) >= 2 and any(f.split()[-len(tail) :] == tail for f in forms):
        return "right"
    return "wrong"


def _date_verdict(got: str | None, expected: list[str]) -> str:
    if got is None:
        return "unknown" if expected else "right"
    if got in expected:
        return "right"
    return "unknown" if any(f.startswith(got + "-") for f in expected) else "wrong"


def _written(meta) -> str | None:
    if meta.date is None:
        return None
    return {"year": f"{meta.date:%Y}", "month": f"{meta.date:%Y-%m}"}.get(
        meta.date_precision, meta.date.isoformat()
    )


def verdicts(name: str) -> dict[str, str]:
    """right / unknown / wrong for each checked field of one paper."""
    from corpus.loader import load_document

    expected = EXPECTED[name]
    meta = load_document(PDFS / name).meta
    out = {
        "council": _name_verdict(meta.council, _forms(expected["council"]), shorter=False),
        "body": _name_verdict(meta.body, _forms(expected["body"]), shorter=True),
        "date": _date_verdict(_written(meta), _forms(expected["date"])),
        "type": "right"
        if meta.doc_type == expected["type"]
        else "unknown"
        if meta.doc_type == "other"
        else "wrong",
    }
    return {field: verdict for field, verdict in out.items() if field not in expected.get("unchecked", [])}


@pytest.mark.slow  # reads 23 real PDFs with the layout-aware reader: tens of seconds on a small machine
@pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/realpdf-dev is not beside this checkout")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_field_is_wrong(name: str) -> None:
    if set(EXPECTED[name].get("unchecked", [])) >= set(FIELDS):
        pytest.skip("image-only paper: expected values are not checked until OCR text is in place")
    wrong = [field for field, verdict in verdicts(name).items() if verdict == "wrong"]
    assert not wrong, f"{name}: wrong {wrong}"


@pytest.mark.parametrize(
    ("got", "expected", "verdict"),
    [
        ("Planning Commission", ["Summit County Planning Commission"], "right"),
        ("Commission", ["Summit County Planning Commission"], "wrong"),
        ("Full Council", ["City Council"], "right"),
        ("The City Council", ["Council"], "right"),
        ("Cabinet", [], "wrong"),
        (None, ["Cabinet"], "unknown"),
        (None, [], "right"),
        ("Planning Committee", ["Cabinet"], "wrong"),
    ],
)
def test_body_matching_rules(got, expected, verdict):
    assert _name_verdict(got, expected, shorter=True) == verdict


def test_council_and_date_matching_rules():
    assert _name_verdict("City of San Jose", ["City of San José"], shorter=False) == "right"
    assert _name_verdict("York Council", ["City of York Council"], shorter=False) == "wrong"
    assert _date_verdict("2019-03", ["2019-03-05"]) == "unknown"
    assert _date_verdict("2019-03-05", ["2019"]) == "wrong"
    assert _date_verdict("2019", ["2019"]) == "right"


if __name__ == "__main__":
    tally: Counter[tuple[str, str]] = Counter()
    for paper in sorted(EXPECTED):
        if set(EXPECTED[paper].get("unchecked", [])) >= set(FIELDS):
            continue
        result = verdicts(paper)
        tally.update(result.items())
        print(paper, " ".join(f"{k}={v}" for k, v in result.items() if v != "right"), file=sys.stderr)
    for field in FIELDS:
        print(field, {v: tally[(field, v)] for v in ("right", "unknown", "wrong")})
