"""Page markers in converted text: what counts as one, which numbers they give, and no text lost."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from corpus.document import Page
from corpus.pages import split_pages


def test_text_without_markers_is_one_unnumbered_page() -> None:
    assert split_pages("\n\nMinutes of the meeting\n\nItem 1\n\n") == [
        Page("Minutes of the meeting\n\nItem 1", None)
    ]


def test_blank_text_still_gives_one_page() -> None:
    assert split_pages(" \n\n") == [Page("", None)]


def test_contiguous_footers_number_every_page() -> None:
    body = "x" * 6000  # long pages: only contiguity can number them
    text = f"Intro {body}\nPage 1\nSecond {body}\n  - 2 -  \nThird {body}\npage 3 OF 9\nTail"
    pages = split_pages(text)
    assert [page.number for page in pages] == [1, 2, 3, None]
    assert [page.text[:6] for page in pages] == ["Intro ", "Second", "Third ", "Tail"]


def test_sparse_footer_after_long_gap_gives_no_number() -> None:
    long_text = "\n".join(f"Line {i} of the agenda pack" for i in range(400))
    pages = split_pages(f"{long_text}\nPage 41\nShort next page\nPage 42\n")
    assert pages == [Page(long_text, None), Page("Short next page", 42)]


def test_short_segment_before_sparse_footer_is_that_page() -> None:
    pages = split_pages("Cover sheet\n\nPage 41\n\nIntro\nPage 52\n")
    assert pages == [Page("Cover sheet", 41), Page("Intro", 52)]


def test_dash_rule_and_number_start_pages() -> None:
    text = "Cover\n---\n2\nSecond page\n---\n\nPage 3\nThird page\n---\nUnnumbered page"
    assert split_pages(text) == [
        Page("Cover", None),
        Page("Second page", 2),
        Page("Third page", 3),
        Page("Unnumbered page", None),
    ]


def test_dash_rules_without_numbers_are_kept_as_text() -> None:
    text = "# Title\n\nIntro\n\n---\n\nMore text\n-----\nEnd"
    assert split_pages(text) == [Page(text.strip(), None)]


def test_markdown_table_separator_is_not_a_break() -> None:
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n---\n7\nNext"
    assert split_pages(text) == [Page("| a | b |\n|---|---|\n| 1 | 2 |", None), Page("Next", 7)]


def test_page_words_inside_other_text_are_not_markers() -> None:
    text = (
        "7. Pledges Update (Pages 11 - 18)\n"
        "see Page 41 of the report\n"
        "Ref\tPage 41\tStatus\n"
        "Page 41a\n"
        "- 41 - 42 -\n"
        "(Page 41)"
    )
    assert split_pages(text) == [Page(text, None)]


def test_form_feeds_separate_pages() -> None:
    text = "First\fSecond\n\f\fThird\nPage 9\n\f"
    assert split_pages(text) == [Page("First", None), Page("Second", None), Page("Third", 9)]


def test_form_feed_page_is_one_page_however_long() -> None:
    long_page = "y" * 9000
    pages = split_pages(f"Cover\f{long_page}\nPage 7\fAfter")
    assert pages == [Page("Cover", None), Page(long_page, 7), Page("After", None)]


def test_crlf_and_indented_table_rows_survive() -> None:
    text = "\tcell two\tcell three\r\nPage 1\r\nNext\r\n"
    assert split_pages(text) == [Page("\tcell two\tcell three", 1), Page("Next", None)]


# Content lines that cannot be taken for markers: no digits next to dashes or "page" words.
_content_line = st.text(
    alphabet=st.characters(blacklist_characters="\n\r\f", blacklist_categories=("Cs",)),
    max_size=30,
).filter(lambda line: not re.fullmatch(r"[\s\d\-\u2013\u2014]*", line) and "page" not in line.lower())
_numbers = st.integers(min_value=1, max_value=500)
_marker = st.one_of(
    _numbers.map(lambda n: [f"Page {n}"]),
    _numbers.map(lambda n: [f" - {n} - "]),
    st.tuples(_numbers, _numbers).map(lambda pair: [f"PAGE {pair[0]} of {pair[1]}"]),
    _numbers.map(lambda n: ["---", "", f"{n}"]),
    st.just(["---"]),
    st.just(["\f"]),
)
_piece = st.one_of(_content_line.map(lambda line: ("text", line)), _marker.map(lambda m: ("mark", m)))


@given(st.lists(_piece, max_size=40))
def test_no_text_is_lost(pieces: list[tuple[str, object]]) -> None:
    lines: list[str] = []
    content: list[str] = []
    for kind, value in pieces:
        if kind == "text":
            lines.append(value)
            content.append(value)
        else:
            lines.extend(value)
    text = "\n".join(lines)
    pages = split_pages(text)
    assert pages and all(page.text.strip() for page in pages[1:])
    kept = [line for page in pages for line in page.text.split("\n") if line.strip()]
    has_numbered_break = bool(re.search(r"^---\n\n\d+$", text, re.M))
    if has_numbered_break:
        assert "---" not in kept
    assert [line for line in kept if line != "---"] == [line for line in content if line.strip()]
    for page in pages:
        assert not re.search(r"^\s*(page \d+( of \d+)?|- \d+ -)\s*$", page.text, re.I | re.M)
