"""Reading cleaned pages into headings, paragraphs and whole table rows, each with its pages."""

from __future__ import annotations

import pytest

from corpus.blocks import Block, heading_text, parse_blocks
from corpus.document import Page

LONG_SENTENCE = (
    "To provide the committee with a list of the pledges that are being led by Service Directors "
    "within Children's Services and Cabinet members so that members can review their progress."
)


def _kinds(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


# --- headings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("# Summary", "Summary"),
        (
            "## Commitment to implementing the Pledge for Children in Care 2017/18",
            "Commitment to implementing the Pledge for Children in Care 2017/18",
        ),
        ("## 2017/18 Pledges", "2017/18 Pledges"),
        ("**Purpose of Report**", "Purpose of Report"),
        (
            "**Organisation and Governance – Strategic Services** ",
            "Organisation and Governance – Strategic Services",
        ),
        ("**Implications:**", "Implications"),
        ("RECOMMENDATION", "RECOMMENDATION"),
        ("REASONS FOR RECOMMENDATION", "REASONS FOR RECOMMENDATION"),
        ("14. **Pledge Update**", "14. Pledge Update"),
        ("7. Pledges Update (Pages 11 - 18)", "7. Pledges Update (Pages 11 - 18)"),
        ("1. Apologies", "1. Apologies"),
        ("2. WHAT IS EARLY HELP?", "2. WHAT IS EARLY HELP?"),
    ],
)
def test_heading_lines(line: str, heading: str) -> None:
    assert heading_text(line, "") == heading


@pytest.mark.parametrize(
    "line",
    [
        "3.1 None arising from this report",
        "4.1 See attached detailed report which includes context and commitments",
        LONG_SENTENCE,
        "The committee noted the report.",
        "IT",
        "2019",
        "",
    ],
)
def test_body_lines_are_not_headings(line: str) -> None:
    assert heading_text(line, "") is None


@pytest.mark.parametrize("line", ["DEFEATED", "CARRIED", "CARRIED UNANIMOUSLY", "MOTION CARRIED.", "LOST"])
def test_an_outcome_on_its_own_line_closes_its_motion_and_heads_nothing(line: str) -> None:
    assert heading_text(line, "Second Amendment") is None
    text = f"That Clause 1 be amended.\nVOTING AGAINST: Councillors Burcher and Dennis (2)\n\n{line}\n\nSECOND AMENDMENT"
    blocks = parse_blocks([Page(text, 10)])
    assert [b.kind for b in blocks] == ["text", "text", "heading"]
    assert heading_text("DEFEATED AMENDMENTS AND MOTIONS", "") is not None  # a heading that only opens so


def test_short_speaker_turns_before_a_long_turn_are_not_headings() -> None:
    assert heading_text("Hefin David AM: Why, do you think?", LONG_SENTENCE) is None
    assert heading_text("What Happens Next?", LONG_SENTENCE) is None


def test_title_case_line_is_a_heading_only_before_a_long_paragraph() -> None:
    assert heading_text("Purpose of Report", LONG_SENTENCE) == "Purpose of Report"
    assert heading_text("Purpose of Report", "N/A") is None


def test_title_case_line_before_a_numbered_paragraph_is_a_heading() -> None:
    assert heading_text("Equalities Impact", "5.1 The Pledge ensures that children in care") == (
        "Equalities Impact"
    )


def test_line_of_more_than_fifteen_words_is_never_a_heading() -> None:
    line = "# " + " ".join(["Word"] * 16)
    assert heading_text(line, "") is None


def test_parse_blocks_marks_heading_and_paragraph() -> None:
    blocks = parse_blocks([Page("14. **Pledge Update**\n\nThe committee noted the report.", 3)])
    assert blocks == [
        Block("heading", "14. Pledge Update", 3, 3),
        Block("text", "The committee noted the report.", 3, 3),
    ]


def test_numbered_sub_item_is_body_text_under_the_title_before_it() -> None:
    blocks = parse_blocks([Page("Personnel\n\n3.1 None arising from this report", 2)])
    assert _kinds(blocks) == [("heading", "Personnel"), ("text", "3.1 None arising from this report")]


def test_agenda_items_are_headings_and_their_descriptions_text() -> None:
    page = Page(
        "1. Apologies\n\nTo receive apologies for non-attendance submitted by Councillors.\n\n"
        "3. Minutes (Pages 1 - 8)\n\nTo confirm the minutes of the previous meeting held on 10 July 2019.",
        1,
    )
    assert _kinds(parse_blocks([page])) == [
        ("heading", "1. Apologies"),
        ("text", "To receive apologies for non-attendance submitted by Councillors."),
        ("heading", "3. Minutes (Pages 1 - 8)"),
        ("text", "To confirm the minutes of the previous meeting held on 10 July 2019."),
    ]


# --- paragraphs ----------------------------------------------------------------------------------


def test_consecutive_lines_form_one_paragraph() -> None:
    blocks = parse_blocks([Page("Councillor Mrs Johnson, Chair\nCouncillor Murphy, Vice Chair", 1)])
    assert blocks == [Block("text", "Councillor Mrs Johnson, Chair\nCouncillor Murphy, Vice Chair", 1, 1)]


def test_blank_line_separates_paragraphs() -> None:
    blocks = parse_blocks([Page("The committee met.\n\nIt noted the report.", 1)])
    assert _kinds(blocks) == [("text", "The committee met."), ("text", "It noted the report.")]


def test_bold_marks_inside_a_paragraph_are_removed() -> None:
    blocks = parse_blocks([Page("Cabinet Member approval: **Jemima Laing** agreed it.", 1)])
    assert _kinds(blocks) == [("text", "Cabinet Member approval: Jemima Laing agreed it.")]


def test_paragraphs_keep_their_page_numbers() -> None:
    pages = [
        Page("First paragraph on page one\ncontinues here.", 1),
        Page("Second page paragraph.", 2),
        Page("Unnumbered text.", None),
    ]
    assert [(b.text, b.page_start, b.page_end) for b in parse_blocks(pages)] == [
        ("First paragraph on page one\ncontinues here.", 1, 1),
        ("Second page paragraph.", 2, 2),
        ("Unnumbered text.", None, None),
    ]


def test_page_break_ends_a_paragraph() -> None:
    blocks = parse_blocks([Page("A sentence that runs to the foot", 4), Page("of the next page.", 5)])
    assert [(b.text, b.page_start, b.page_end) for b in blocks] == [
        ("A sentence that runs to the foot", 4, 4),
        ("of the next page.", 5, 5),
    ]


def test_no_pages_give_no_blocks() -> None:
    assert parse_blocks([]) == []
    assert parse_blocks([Page("", 1), Page("\n\n", 2)]) == []


# --- tables --------------------------------------------------------------------------------------

PLEDGE_HEADER = "Pledge\tPortfolio Holder\tLead Director\tStatus"


def test_table_becomes_one_row_block_per_row() -> None:
    page = Page(
        f"{PLEDGE_HEADER}\n"
        "Pledge 44 - Marine science.\tJon Taylor\tJudith Harwood\tCompleted\n"
        "Pledge 45 - Young carers.\tJon Taylor\tJudith Harwood\tCompleted",
        6,
    )
    assert parse_blocks([page]) == [
        Block(
            "row",
            "Pledge: Pledge 44 - Marine science.\nPortfolio Holder: Jon Taylor\n"
            "Lead Director: Judith Harwood\nStatus: Completed",
            6,
            6,
            key="Pledge 44 - Marine science.",
        ),
        Block(
            "row",
            "Pledge: Pledge 45 - Young carers.\nPortfolio Holder: Jon Taylor\n"
            "Lead Director: Judith Harwood\nStatus: Completed",
            6,
            6,
            key="Pledge 45 - Young carers.",
        ),
    ]


def test_row_continuing_onto_the_next_page_spans_both_pages() -> None:
    pages = [
        Page(
            "14. **Pledge Update**\n\nThe committee noted the report.\n\n"
            f"{PLEDGE_HEADER}\n"
            "Pledge 47 - Every child deserves a home.\tJemima Laing\tJean Kelly\tCompleted: a campaign.",
            4,
        ),
        Page(
            f"{PLEDGE_HEADER}\n"
            "\t\t\tto the fostering service by employees.\n"
            "Pledge 48 - We will support care leavers.\tJemima Laing\tJean Kelly\tIn Progress\n\n"
            "Closing paragraph on page five.",
            5,
        ),
    ]
    blocks = parse_blocks(pages)
    assert [(b.kind, b.page_start, b.page_end) for b in blocks] == [
        ("heading", 4, 4),
        ("text", 4, 4),
        ("row", 4, 5),
        ("row", 5, 5),
        ("text", 5, 5),
    ]
    assert blocks[2].text.endswith("Status: Completed: a campaign. to the fostering service by employees.")
    assert blocks[2].key == "Pledge 47 - Every child deserves a home."


def test_blank_lines_inside_a_table_do_not_end_it() -> None:
    page = Page(
        f"{PLEDGE_HEADER}\nPledge 43 - More engineers. We will support people to\tJon Taylor\tJudith Harwood\t"
        "Completed\n\nimprove their STEM skills\t\t\t",
        8,
    )
    blocks = parse_blocks([page])
    assert len(blocks) == 1
    assert blocks[0].text.startswith(
        "Pledge: Pledge 43 - More engineers. We will support people to improve their STEM skills\n"
    )


def test_text_line_ends_the_table() -> None:
    page = Page("Date of meeting:\t11 September 2019\nKey Decision:\tNo\nPurpose of Report", 1)
    assert parse_blocks([page]) == [
        Block("row", "Date of meeting: 11 September 2019", 1, 1, key="Date of meeting:"),
        Block("row", "Key Decision: No", 1, 1, key="Key Decision:"),
        Block("text", "Purpose of Report", 1, 1),
    ]


def test_heading_ends_the_table_and_the_next_table_has_its_own_header() -> None:
    page = Page(
        f"{PLEDGE_HEADER}\nPledge 48 - Care leavers.\tJemima Laing\tJean Kelly\tIn Progress\n\n"
        "EDUCATION, PARTICIPATION AND SKILLS PLEDGES\n\n"
        f"{PLEDGE_HEADER}\nPledge 7 - Building Plymouth.\tJon Taylor\tJudith Harwood\tCompleted",
        2,
    )
    blocks = parse_blocks([page])
    assert [(b.kind, b.text.split("\n")[0]) for b in blocks] == [
        ("row", "Pledge: Pledge 48 - Care leavers."),
        ("heading", "EDUCATION, PARTICIPATION AND SKILLS PLEDGES"),
        ("row", "Pledge: Pledge 7 - Building Plymouth."),
    ]


def test_table_caption_becomes_a_text_block_before_the_rows() -> None:
    page = Page(
        "Service Director Name: Andy Smith Directorate: People\t\t\t\n"
        "What will you do?\tWhen will you do this?\tWhat difference will this make?\n"
        "Facilitate the involvement of the CiCC\tNovember 2017\tAbility to influence decisions",
        1,
    )
    blocks = parse_blocks([page])
    assert [(b.kind, b.text.split("\n")[0], b.page_start) for b in blocks] == [
        ("text", "Service Director Name: Andy Smith Directorate: People", 1),
        ("row", "What will you do?: Facilitate the involvement of the CiCC", 1),
    ]


def test_table_with_only_a_header_row_keeps_its_text() -> None:
    page = Page("Appendices\n\nRef\tTitle of Appendix\tExemption Paragraph Number\n\nNone.", 7)
    text = "\n".join(b.text for b in parse_blocks([page]))
    assert "Title of Appendix" in text


def test_caption_of_a_table_without_rows_keeps_its_page() -> None:
    assert parse_blocks([Page("Legal officer\t", 7)]) == [Block("text", "Legal officer", 7, 7)]


def test_a_bulleted_line_is_a_list_item_never_a_heading() -> None:
    # a short capitalised last bullet had headed the next chunk, cutting the list it ended
    assert (
        heading_text("• Council Finances", "RESOLVED: That the Clerk's Report be received and noted, " * 3)
        is None
    )
    assert heading_text("- Work Experience Opportunities", "x " * 30) is None


# --- a paragraph a page break cut ------------------------------------------------------------------

AGREEMENT = (
    "Recommendation: Authorize the City Manager to execute an agreement for the purchase of Police "
    "Records Management System software in conjunction with the cities of Palo"
)


@pytest.mark.parametrize(
    ("last", "first"),
    [
        (AGREEMENT, "Alto and Los Altos, in an amount not to exceed $1,364,035."),  # a name cut
        ("It was noted the station had close links to the house and the farm across the", "Park. At present"),
        (
            "Cllr Blake thought the lane should become a no through road and asked for a plan for",
            "maintenance.",
        ),
        (
            "Appoint Ryan Lewis to the Performing Arts Committee for a four-year",
            "term beginning January 2021.",
        ),
    ],
)
def test_a_sentence_cut_by_a_page_break_is_one_block_over_both_pages(last: str, first: str) -> None:
    blocks = parse_blocks([Page(f"Intro.\n\n{last}", 3), Page(f"{first}\n\nNext paragraph here.", 4)])
    joined = next(b for b in blocks if last in b.text)
    assert joined.text == f"{last} {first}"
    assert (joined.page_start, joined.page_end) == (3, 4)
    assert blocks[-1].text == "Next paragraph here." and blocks[-1].page_start == 4


@pytest.mark.parametrize(
    ("last", "first"),
    [
        (LONG_SENTENCE, "The next report covers the budget."),  # a stop ends it
        ("10. Parking on the Village Green on 22 September 2025", "The Council considered a request."),
        ("We ran the Roast Beef Dinner and the Children's Christmas Run", "PLANNING MATTERS"),  # a heading
        ("The following payments were approved by the council at the meeting for", "1. Zurich Insurance"),
        ("The following payments were approved by the council at the meeting for", "Clerk: John Smith"),
        ("The council agreed the following payments at this meeting on the green", "Tea was served."),
        ("Short line at foot", "continues here in lowercase"),  # too short to be prose
    ],
)
def test_a_page_break_after_a_finished_or_titled_line_starts_a_new_block(last: str, first: str) -> None:
    blocks = parse_blocks([Page(last, 3), Page(first, 4)])
    assert all(b.page_start == b.page_end for b in blocks)
    assert not any(last in b.text and first in b.text for b in blocks)


def test_a_page_break_inside_a_page_is_no_seam() -> None:
    """Only the break between pages joins; a blank line inside a page still ends the paragraph."""
    page = Page(f"{AGREEMENT}\n\nAlto and Los Altos, in an amount not to exceed $1,364,035.", 3)
    assert len(parse_blocks([page])) == 2


PART_BODY = (
    "Strong partnerships and partnership governance arrangements deliver effective joint arrangements "
    "which improve outcomes for children and young people."
)


def test_a_numbered_parts_title_heads_the_sentence_after_blank_lines() -> None:
    page = Page(f"Priority 9 - Strong partnerships\n\n\n\n{PART_BODY}\n\nMore about partnerships here.", 1)
    assert _kinds(parse_blocks([page]))[0] == ("heading", "Priority 9 - Strong partnerships")
    # the same line run into its sentence, or a title that numbers no part, is not taken for a heading
    assert heading_text("Priority 9 - Strong partnerships", PART_BODY) is None
    assert heading_text("Scrutiny and Strong partnerships", PART_BODY, apart=True) is None


def test_the_next_heading_of_a_numbered_series_heads_however_short_its_paragraph() -> None:
    text = (
        f"Priority Action 4: Progress against milestones\n\n{LONG_SENTENCE}\n\n"
        "Priority Action 5: Progress against milestones\n\nWhat we want to achieve: better services.\n\n"
        "Priority Action 5 was reviewed in May.\n\nPledge 48: progress is reported below"
    )
    kinds = _kinds(parse_blocks([Page(text, 1)]))
    assert ("heading", "Priority Action 5: Progress against milestones") in kinds
    # a sentence opening with the series' words, and a line of another series, are text
    assert ("text", "Priority Action 5 was reviewed in May.") in kinds
    assert ("text", "Pledge 48: progress is reported below") in kinds
    # an entry of a list of the series' lines heads nothing
    attachments = (
        f"ATT 1 - Business Plan\n\n{LONG_SENTENCE}\n\nATT 1 - Resolution\n\nATT 2 - Plan Set\n\nThe lease."
    )
    assert ("text", "ATT 1 - Resolution") in _kinds(parse_blocks([Page(attachments, 1)]))
