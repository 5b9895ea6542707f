"""Real council PDFs from ../shared/realpdf-dev read as a person reads them (skipped where the set is absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.pdf import read_pdf

PDFS = Path(__file__).resolve().parent.parent.parent / "shared" / "realpdf-dev" / "pdfs"


def _read(name: str) -> list:
    path = PDFS / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared realpdf-dev set)")
    return read_pdf(path)


def test_two_page_minutes_keep_sentences_whole_and_take_printed_page_numbers() -> None:
    pages = _read("uk_bcwpc_minutes_2025-06-03.pdf")
    assert [(p.number, p.label) for p in pages] == [(1, "4"), (2, "5")]
    lines = pages[0].text.split("\n")
    assert (
        "RESOLVED: To make a donation to SUP of £54.00 to support its work by buying two water testing kits."
        in lines
    )
    assert "Date of the next meeting, Tuesday, 8 July 2025 at 8.00 pm in the Village Hall." in pages[1].text


def test_nomination_table_rows_keep_their_cells() -> None:
    text = _read("uk_hackney_mayor_sopn_2023.pdf")[0].text
    rows = [line.split("\t") for line in text.split("\n") if "\t" in line]
    assert rows[0][0] == "Name of Candidate"
    assert rows[1][:2] == ["CAIRNES Rachel", "(address in London Borough of Hackney)"]
    assert rows[1][-1] == "Nomination Withdrawn"


def test_running_headers_and_footers_of_a_long_report_are_gone() -> None:
    pages = _read("us_menlopark_staff_report_2021-01-12.pdf")
    assert not any("701 Laurel St" in p.text or "Staff Report #" in p.text for p in pages)
    assert pages[1].label == "G-4.2"


def test_footer_beside_the_last_body_line_is_removed() -> None:
    pages = _read("uk_souldern_pc_minutes_2024-01-25.pdf")
    assert not any(re.search(r"P\s?a\s?g\s?e\s*\|", p.text) for p in pages)
    assert not any("Glendale Duns Tew" in p.text for p in pages[:-1])
    # the clerk's footer signs the minutes: kept once, on the last page
    assert pages[-1].text.count("Parish Clerk") == 1 and "Cathy Fleet" in pages[-1].text
