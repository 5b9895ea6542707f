"""Digits that number a list's entries or a paper's parts are no count (qa/enumerators.py, qa/spans.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qa.enumerators import enumerates
from qa.spans import spans

NOUNS = ("new posts", "councillors", "objections", "homes")


def _numbers(sentence: str) -> list[str]:
    return [s.text for s in spans(sentence) if s.kind == "number"]


def test_an_entrys_enumerator_or_a_parts_number_is_no_count():
    assert _numbers("(2) the recommended new structure for the Finance Team in Appendix 2 be noted.") == []
    assert _numbers("2. That the report be noted.") == []
    assert _numbers("Item 3) approve the minutes") == []
    assert _numbers("The Section 106 agreement secures 45 homes.") == ["45"]
    assert _numbers("2.5 million people live in the county.") == ["2.5"]
    assert _numbers("(b) 3 new posts will be created.") == ["3"]
    # a range of pages or items: its last number is a part's too
    assert _numbers("6. Children in Care Verbal Update (Pages 9 - 10)") == []
    assert _numbers("Items 3 to 5 were deferred; 12 objections were received.") == ["12"]


@given(st.integers(min_value=1, max_value=99), st.sampled_from(NOUNS))
def test_a_count_stays_a_count_and_an_enumerator_never_is(n, noun):
    count = f"{n} {noun} were recorded."
    assert _numbers(count) == [str(n)]
    assert not enumerates(count, 0)
    for opened in (f"({n}) No {noun} were recorded.", f"{n}. No {noun} were recorded."):
        assert enumerates(opened, opened.index(str(n)))
        assert str(n) not in _numbers(opened)
    assert _numbers(f"See Appendix {n}: {n + 1} {noun}.") == [str(n + 1)]


def test_an_attachments_or_exhibits_number_is_no_count():
    listing = "Council Report ATT 1 - Revised NOFA Application ATT 2 - Plan Set ATT 3 - Analysis"
    assert _numbers(listing) == []
    assert _numbers("See Exhibit 3 and Attachment 4; 120 affordable homes are proposed.") == ["120"]
