"""A post printed before a name: the title North American minutes give staff."""

from __future__ import annotations

import pytest

from qa.titles import titled_before

STAFF = "Fire Chief-MLEO-CEMC Will Bateman and Municipal Administrator-Clerk-Treasurer Kris Croskery-Hodgins."


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (STAFF, "Will Bateman", "Fire Chief-MLEO-CEMC"),
        (STAFF, "Kris Croskery-Hodgins", "Municipal Administrator-Clerk-Treasurer"),
        (
            "Staff: Operations Superintendent Dan MacInnis; Office Assistant-Intern Kim Turnbull;",
            "Kim Turnbull",
            "Office Assistant-Intern",
        ),
        (
            "Land Planning and Technology Administrator-Deputy Treasurer John-Paul Negrinotti",
            "John-Paul Negrinotti",
            "Land Planning and Technology Administrator-Deputy Treasurer",
        ),
        (
            "District Representatives: Board President Josephine Lucey and Vice-President Anjali Kausar",
            "Anjali Kausar",
            "Vice-President",
        ),
        ("Present: City Attorney Donald Larkin", "Donald Larkin", "City Attorney"),
    ],
)
def test_the_post_before_a_name_is_its_title(text: str, name: str, title: str) -> None:
    span = titled_before(text, name)
    assert span is not None and span.kind == "role" and span.text == title
    assert text[span.start : span.end] == title


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Staff: Ms. A. Pappert, Chief Administrative Officer", "A. Pappert"),  # printed after the name
        ("The report by Isabelle Morgan was noted.", "Isabelle Morgan"),  # no post before it
        ("Staff: Operations Superintendent Dan MacInnis;", "Kim Turnbull"),  # not named
    ],
)
def test_no_title_where_no_post_stands_before_the_name(text: str, name: str) -> None:
    assert titled_before(text, name) is None
