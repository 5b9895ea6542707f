"""Lettered sub-items printed on lines of their own under their item: 'item 8(b)' is '(b) …' under '8.'."""

from __future__ import annotations

import pytest
from conftest import answer_from_paper

from index.settings import Settings
from qa.query import Identifier
from qa.retriever import defines, holds
from qa.subitems import printed_under
from qa.units import focus

AGENDA = """NORTHSHIRE COUNTY COUNCIL
CABINET
AGENDA
Date: Wednesday 15 May 2019, 10.00 am, Committee Room 2, County Hall

6. Highways capital programme 2019/20
7. Housing matters
   (a) Allocations policy review - consultation results
   (b) Purchase of 24 homes at Kingsmead for affordable rent, at a cost of £4.1 million
8. Adult social care
   (a) Extra care housing at Willow Court - award of contract to Harbour Care Ltd
   (b) Fees for residential care homes 2019/20 - proposed increase of 3.4 per cent
9. Exclusion of the press and public
"""


@pytest.mark.parametrize(
    ("number", "line"),
    [
        ("8(b)", "(b) Fees for residential care homes 2019/20"),
        ("8b", "(b) Fees for residential care homes 2019/20"),
        ("7(a)", "(a) Allocations policy review"),
        ("7(b)", "(b) Purchase of 24 homes at Kingsmead"),
    ],
)
def test_a_sub_item_is_found_under_its_own_item(number: str, line: str) -> None:
    ident = Identifier("item", number)
    found = printed_under(AGENDA, ident)
    assert found is not None and found.strip().startswith(line)
    assert holds(AGENDA, ident) and defines(AGENDA, ident)
    assert focus(AGENDA, (ident,)).strip().startswith(line)


@pytest.mark.parametrize("number", ["8(c)", "9(a)", "6(a)", "8", "10(b)"])
def test_a_sub_item_its_item_does_not_print_is_not_found(number: str) -> None:
    assert printed_under(AGENDA, Identifier("item", number)) is None


def test_a_sub_item_written_whole_is_not_looked_for_under_an_item() -> None:
    assert (
        printed_under("7(b) Tree Preservation Order 15/2019, Mill Street", Identifier("item", "7(b)")) is None
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What is agenda item 8(b)?", "Fees for residential care homes"),
        ("What is item 7(a) on the agenda?", "Allocations policy review"),
    ],
)
def test_a_sub_item_printed_under_its_item_answers(
    tmp_path, settings: Settings, fake_embedder, question: str, said: str
) -> None:
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, AGENDA, question)
    assert answer.status == "answered"
    assert said in answer.text.split("[1]")[0]


def test_a_sub_item_no_item_prints_is_still_missing(tmp_path, settings: Settings, fake_embedder) -> None:
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, AGENDA, "What is agenda item 8(c)?")
    assert answer.status == "not_found" and "Item 8(c)" in answer.text
