"""What clean_text and clean_pages remove from converted council papers, and what they keep."""

from __future__ import annotations

from corpus.cleaner import clean_pages, clean_text, running_lines
from corpus.document import Page

# --- clean_text: tags ---------------------------------------------------------------------------


def test_paragraph_tags_are_stripped_and_adjacent_paragraphs_join_with_a_space() -> None:
    assert clean_text("<p>Relevant policies</p> <p>Capital Programme</p>") == (
        "Relevant policies Capital Programme"
    )


def test_paragraph_tags_touching_each_other_still_leave_a_space() -> None:
    assert clean_text("<p>One</p><p>Two</p>") == "One Two"


def test_list_item_with_attributes_becomes_a_bullet() -> None:
    assert clean_text('<li data-bbox="[12, 40, 300, 52]">Early Years Services</li>') == (
        "• Early Years Services"
    )


def test_italic_tags_are_stripped_keeping_their_text() -> None:
    text = "Map to Corporate Plan Priorities <i>(some appear across more than one committee)</i>"
    assert clean_text(text) == (
        "Map to Corporate Plan Priorities (some appear across more than one committee)"
    )


def test_list_tag_with_style_attribute_is_stripped() -> None:
    text = '<ul style="list-style-type: none"> • An efficient transport network • A welcoming city'
    assert clean_text(text) == "• An efficient transport network • A welcoming city"


def test_break_tag_becomes_a_space() -> None:
    assert clean_text("Ballard House<br/>Plymouth") == "Ballard House Plymouth"


def test_autolink_keeps_the_address() -> None:
    text = "Questionnaire: <https://plymouth-consult.objective.co.uk/public/cyp/ehs/q>"
    assert clean_text(text) == "Questionnaire: https://plymouth-consult.objective.co.uk/public/cyp/ehs/q"


def test_markdown_link_keeps_its_text() -> None:
    text = "please follow this link - [Get Involved](#) or [the plan](https://www.plymouth.gov.uk/plan)"
    assert clean_text(text) == "please follow this link - Get Involved or the plan"


def test_html_entities_are_unescaped() -> None:
    assert clean_text("Fostering &amp; Adoption") == "Fostering & Adoption"


def test_comparison_text_that_is_not_a_tag_is_kept() -> None:
    assert clean_text("Attendance < 90% and > 80%") == "Attendance < 90% and > 80%"


# --- clean_text: boilerplate ---------------------------------------------------------------------


def test_click_here_to_enter_text_line_is_removed() -> None:
    assert clean_text("Other Implications:\n\nClick here to enter text.\n\nAppendices") == (
        "Other Implications:\n\nAppendices"
    )


def test_click_here_to_enter_text_inside_a_table_cell_leaves_the_cell_empty() -> None:
    assert clean_text("Mon Off\tClick here to enter text.\tHR") == "Mon Off\t\tHR"


def test_click_or_tap_to_enter_a_date_is_removed() -> None:
    assert clean_text("Date agreed:\tClick or tap here to enter a date.") == "Date agreed:\t"


def test_intentionally_blank_page_notice_is_removed() -> None:
    assert clean_text("End of report\n\nThis page is intentionally left blank\n\nAgenda Item 5") == (
        "End of report\n\nAgenda Item 5"
    )


def test_sentence_mentioning_blank_page_mid_line_is_kept() -> None:
    text = "The printer said this page is intentionally left blank by design."
    assert clean_text(text) == text


def test_page_that_is_only_a_blank_notice_cleans_to_nothing() -> None:
    assert clean_text("\n\nThis page is intentionally left blank\n\n") == ""


# --- clean_text: characters and layout -----------------------------------------------------------


def test_private_use_bullet_becomes_a_bullet() -> None:
    assert (
        clean_text("\uf0b7 Ongoing work to ensure all care leavers")
        == "• Ongoing work to ensure all care leavers"
    )


def test_every_private_use_symbol_becomes_a_bullet() -> None:
    assert clean_text("\uf0a7 one\n\uf076 two") == "• one\n• two"


def test_tabs_between_cells_are_kept() -> None:
    text = "Pledge\tPortfolio Holder\tLead Director\tStatus"
    assert clean_text(text) == text


def test_leading_and_trailing_tabs_of_continuation_rows_are_kept() -> None:
    assert clean_text("\t\t\tto the fostering service.\t") == "\t\t\tto the fostering service.\t"


def test_tab_between_a_paragraph_cell_and_a_list_cell_is_kept() -> None:
    text = 'Brexit\t<p>Capital Programme</p>\t<ul style="list-style-type: none"> • A welcoming city'
    assert clean_text(text) == "Brexit\tCapital Programme\t• A welcoming city"


def test_line_structure_is_kept() -> None:
    assert clean_text("Members:\nCouncillor Mrs Johnson, Chair\nCouncillor Murphy") == (
        "Members:\nCouncillor Mrs Johnson, Chair\nCouncillor Murphy"
    )


def test_runs_of_spaces_and_no_break_spaces_collapse_to_one_space() -> None:
    assert clean_text("We will offer work experience     opportunities\u00a0\u00a0now  ") == (
        "We will offer work experience opportunities now"
    )


def test_three_or_more_blank_lines_collapse_to_one_blank_line() -> None:
    assert clean_text("Item 1\n\n\n\n\nItem 2\n\nItem 3") == "Item 1\n\nItem 2\n\nItem 3"


def test_blank_lines_at_either_end_are_dropped() -> None:
    assert clean_text("\n\n\nOversight and Governance\n\n") == "Oversight and Governance"


# --- clean_pages: running headers and footers ----------------------------------------------------

_BODIES = [
    ("Minutes of the meeting held on Monday.", "Apologies were received."),
    ("The committee noted the pledges report.", "Members asked about foster carers."),
    ("Officers presented the tracker.", "The Chair thanked officers."),
    ("Agenda item on the pledge.", "Resolved to note the update."),
]
_MIDDLE = "Shared middle line"


def _body(first: str, last: str) -> str:
    """Five content lines, so the shared line sits clear of the two lines at either edge."""
    return "\n".join([first, f"{first} (cont.)", _MIDDLE, f"{last} (cont.)", last])


_CLEAN = [_body(a, b) for a, b in _BODIES]


def _pages(header: str | None, footer: str | None) -> list[Page]:
    pages = []
    for number, text in enumerate(_CLEAN, start=1):
        lines = [text]
        if header:
            lines.insert(0, header)
        if footer:
            lines.append(footer.format(n=number))
        pages.append(Page("\n".join(lines), number))
    return pages


def test_running_footer_with_varying_page_number_is_dropped() -> None:
    cleaned = clean_pages(_pages(None, "Page {n} of 10"))
    assert [p.text for p in cleaned] == _CLEAN


def test_running_header_is_dropped() -> None:
    cleaned = clean_pages(_pages("Plymouth City Council – Cabinet", None))
    assert [p.text for p in cleaned] == _CLEAN


def test_header_and_footer_are_both_dropped_and_page_numbers_kept() -> None:
    cleaned = clean_pages(_pages("Plymouth City Council – Cabinet", "Page {n} of 10"))
    assert cleaned == [Page(text, n) for n, text in enumerate(_CLEAN, start=1)]


def test_line_repeated_only_in_the_middle_of_pages_is_kept() -> None:
    cleaned = clean_pages(_pages("Plymouth City Council – Cabinet", "Page {n} of 10"))
    assert [p.text.count(_MIDDLE) for p in cleaned] == [1, 1, 1, 1]


def test_header_on_three_of_four_pages_is_still_dropped() -> None:
    pages = _pages("Plymouth City Council – Cabinet", None)
    pages[2] = Page(pages[2].text.replace("Plymouth City Council – Cabinet\n", ""), 3)
    assert all("Cabinet" not in p.text for p in clean_pages(pages))


def test_header_on_two_of_four_pages_is_kept() -> None:
    pages = _pages(None, None)
    for i in (0, 1):
        pages[i] = Page("Plymouth City Council – Cabinet\n" + pages[i].text, pages[i].number)
    cleaned = clean_pages(pages)
    assert [p.text.startswith("Plymouth City Council – Cabinet") for p in cleaned] == [
        True,
        True,
        False,
        False,
    ]


def test_fewer_than_three_pages_keep_their_headers_and_footers() -> None:
    pages = _pages("Plymouth City Council – Cabinet", "Page {n} of 10")[:2]
    assert clean_pages(pages) == pages


def test_fewer_than_three_pages_are_still_cleaned() -> None:
    pages = [Page("<p>Agenda</p>\nClick here to enter text.", 1), Page("\uf0b7 Item", 2)]
    assert clean_pages(pages) == [Page("Agenda", 1), Page("• Item", 2)]


def test_running_lines_are_signatures_with_digits_as_hash() -> None:
    texts = [p.text for p in _pages("Plymouth City Council – Cabinet", "Page {n} of 10")]
    assert running_lines(texts) == {"plymouth city council – cabinet", "page # of #"}


def test_bare_page_numbers_are_not_running_lines() -> None:
    texts = [f"Body {word} text.\n{n}" for n, word in enumerate(["one", "two", "three", "four"], 1)]
    assert running_lines(texts) == set()
