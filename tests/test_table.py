"""Rebuilding table rows from tab-separated lines, page breaks and all."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.table import Row, Table, add_line, exact_lines, is_table_line, looks_like_header, split_cells

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "papers"

PLEDGE_HEADER = "Pledge\tPortfolio Holder\tLead Director\tStatus"
HEADERS = ("Pledge", "Portfolio Holder", "Lead Director", "Status")


def _table(*lines: str | tuple[str, int | None]) -> Table:
    """Feed lines (optionally with their page number) to a fresh table."""
    table = Table()
    for item in lines:
        line, page = item if isinstance(item, tuple) else (item, 1)
        add_line(table, line, page)
    return table


# --- cells and headers ---------------------------------------------------------------------------


def test_split_cells_strips_spaces_and_bold_marks() -> None:
    assert split_cells("**Pledge 7**\t Jon Taylor \t\t") == ["Pledge 7", "Jon Taylor", "", ""]


def test_is_table_line_needs_a_tab() -> None:
    assert [is_table_line(x) for x in ["A\tB", "\tcontinued", "No tabs here", "  "]] == [
        True,
        True,
        False,
        False,
    ]


def test_short_labels_look_like_a_header() -> None:
    assert looks_like_header(split_cells(PLEDGE_HEADER))


def test_key_value_line_does_not_look_like_a_header() -> None:
    assert not looks_like_header(["Date of meeting:", "11 September 2019"])


def test_sentence_cells_do_not_look_like_a_header() -> None:
    assert not looks_like_header(["Pledge 47 - Every child deserves a home.", "Jemima Laing"])


def test_a_row_of_amounts_is_data_but_a_row_of_years_heads_columns() -> None:
    # a form's first figures ('Balances brought forward') must not label every row after them
    assert not looks_like_header(["12,631", "8,690", "", ""])
    assert not looks_like_header(["£1,520.00", "259.34%"])
    assert looks_like_header(["2019", "2023"])


def test_header_row_is_detected() -> None:
    table = _table(PLEDGE_HEADER)
    assert (table.headers, table.rows, table.caption) == (HEADERS, [], [])


def test_a_second_header_line_under_merged_cells_labels_their_columns() -> None:
    # 'Pre Ofsted Visit' spans the month columns under it; the months head each one
    table = _table(
        "\t2017/18 Actual\tPre Ofsted Visit\t\tPost Ofsted Visit\t",
        "\t\tApr-18\tMay-18\tJun-18\tJul-18",
        "% of Care Leavers in EET\t53.0%\t52.0%\t55.0%\t54.8%\t53.0%",
    )
    assert table.headers == (
        "",
        "2017/18 Actual",
        "Pre Ofsted Visit Apr-18",
        "May-18",
        "Post Ofsted Visit Jun-18",
        "Jul-18",
    )
    assert table.rows[0].render().split("\n")[3] == "May-18: 55.0%"


def test_a_first_row_of_data_or_of_a_row_name_is_no_second_header() -> None:
    header = "\t2017/18 Actual\tPre Ofsted Visit\t"
    figures = _table(header, "\t\t52.0%\t55.0%")  # figures under blank columns are data
    assert figures.headers == ("", "2017/18 Actual", "Pre Ofsted Visit", "") and len(figures.rows) == 1
    named = _table(header, "Care leavers\tIn EET\tApr-18\tMay-18")  # a row's own name: not the corner
    assert named.headers == ("", "2017/18 Actual", "Pre Ofsted Visit", "") and len(named.rows) == 1
    full = _table(PLEDGE_HEADER, "\tHolder\tDirector\tRAG")  # labels only under labelled columns
    assert full.headers == HEADERS


def test_a_first_line_shaped_as_the_next_is_data_not_a_header() -> None:
    # a fleet plan's list: each line a vehicle and its replacement, none a column label
    fleet = _table(
        "Pump 2 – 2011\tReplace 2029 with 2,000 gallon tanker", "Rescue 2 – 2012\tReplace 2032 with pumper"
    )
    assert fleet.headers == () and [r.cells[1] for r in fleet.rows][:1] == [
        "Replace 2029 with 2,000 gallon tanker"
    ]
    # labels over their values are not shaped as them: years over sums, words over figures
    assert _table("Ward\t2019\t2023", "Central\t12,631\t8,690").headers == ("Ward", "2019", "2023")
    assert _table("Item\tCost", "Paint\t50").headers == ("Item", "Cost")


# --- rows and rendering --------------------------------------------------------------------------


def test_row_renders_header_value_lines() -> None:
    table = _table(
        PLEDGE_HEADER, "Pledge 47 - Every child deserves a home.\tJemima Laing\tJean Kelly\tCompleted"
    )
    assert [row.render() for row in table.rows] == [
        "Pledge: Pledge 47 - Every child deserves a home.\n"
        "Portfolio Holder: Jemima Laing\n"
        "Lead Director: Jean Kelly\n"
        "Status: Completed"
    ]


def test_render_skips_empty_cells() -> None:
    row = Row(["Pledge 49", "", "Judith Harwood", "Completed"], 1, 1, HEADERS)
    assert row.render() == "Pledge: Pledge 49\nLead Director: Judith Harwood\nStatus: Completed"


def test_cells_beyond_the_headers_render_without_a_label() -> None:
    row = Row(["Pledge 49", "Jon Taylor", "Judith Harwood", "Completed", "Note"], 1, 1, HEADERS)
    assert row.render().splitlines()[-1] == "Note"


def test_row_without_headers_renders_cells_joined_by_bars() -> None:
    assert Row(["A", "Children's Service Pledges", ""], 1, 1).render() == "A | Children's Service Pledges"


def test_first_keyed_row_sets_the_table_key_word() -> None:
    table = _table(
        PLEDGE_HEADER, "Pledge 41 - We will reduce placements.\tJemima Laing\tJean Kelly\tIn Progress"
    )
    assert table.key_word == "Pledge"


def test_short_row_is_padded_to_the_header_width() -> None:
    table = _table(PLEDGE_HEADER, "Pledge 49 - Keep children safe.\tJon Taylor")
    assert table.rows[0].cells == ["Pledge 49 - Keep children safe.", "Jon Taylor", "", ""]


# --- continuation lines --------------------------------------------------------------------------


def test_line_starting_with_tabs_continues_the_previous_rows_cells() -> None:
    table = _table(
        PLEDGE_HEADER,
        ("Pledge 47 - Every child deserves a home.\tJemima Laing\tJean Kelly\tCompleted: a campaign.", 1),
        ("\t\t\tto the fostering service by Plymouth employees.", 2),
    )
    assert len(table.rows) == 1
    row = table.rows[0]
    assert row.cells == [
        "Pledge 47 - Every child deserves a home.",
        "Jemima Laing",
        "Jean Kelly",
        "Completed: a campaign. to the fostering service by Plymouth employees.",
    ]
    assert (row.page_start, row.page_end) == (1, 2)


def test_continuation_line_fills_each_column_it_has_text_for() -> None:
    table = _table(
        "Item\tOwner\tNotes",
        "Item 1 - Review the plan\tAlice\tDue in May",
        "\tand Bob\tand June",
    )
    assert table.rows[0].cells == ["Item 1 - Review the plan", "Alice and Bob", "Due in May and June"]


def test_long_text_under_a_name_cell_goes_to_the_longest_cell() -> None:
    table = _table(
        PLEDGE_HEADER,
        "Pledge 48 - Support care leavers.\tJemima Laing\tJean Kelly\tIn Progress: placements for care leavers.",
        "\t\tPositive Destinations, the 7 year partnership with Barnardos, was formally launched in 2020.\t",
    )
    row = table.rows[0]
    assert row.cells[2] == "Jean Kelly"
    assert row.cells[3] == (
        "In Progress: placements for care leavers. Positive Destinations, the 7 year partnership "
        "with Barnardos, was formally launched in 2020."
    )


def test_lowercase_line_continues_the_previous_row() -> None:
    table = _table(
        PLEDGE_HEADER,
        "Pledge 43 - Plymouth needs more engineers. We will support people to\tJon Taylor\tJudith Harwood\tCompleted",
        "improve their STEM skills\t\t\t",
    )
    assert len(table.rows) == 1
    assert table.rows[0].cells[0] == (
        "Pledge 43 - Plymouth needs more engineers. We will support people to improve their STEM skills"
    )


def test_lowercase_line_with_several_cells_merges_cell_by_cell() -> None:
    table = _table(
        "Item\tOwner",
        ("Item 1 - Review the plan\tAlice", 1),
        ("carried on text\tand Bob", 2),
    )
    assert [(r.cells, r.page_start, r.page_end) for r in table.rows] == [
        (["Item 1 - Review the plan carried on text", "Alice and Bob"], 1, 2)
    ]


def test_capitalised_full_line_starts_a_new_row() -> None:
    table = _table(
        PLEDGE_HEADER,
        "Pledge 44 - Marine science.\tJon Taylor\tJudith Harwood\tCompleted",
        "Pledge 45 - Young carers.\tJon Taylor\tJudith Harwood\tCompleted",
    )
    assert [row.cells[0] for row in table.rows] == [
        "Pledge 44 - Marine science.",
        "Pledge 45 - Young carers.",
    ]


# --- a fragment that holds the start of the next keyed row (samples/papers/000 lines 24-27) -------

_SAMPLE_LINES = (SAMPLES / "000_cf3ce20c081cbe3a.txt").read_text(encoding="utf-8").split("\n")


def _pledge_7_and_40() -> Table:
    lines = [line for line in _SAMPLE_LINES[22:27] if line.strip()]
    assert lines[0].startswith("Pledge\tPortfolio Holder")
    assert lines[2].endswith("Charter. Pledge 40 - Parents tell us of\t\t\t")
    return _table(*lines)


def test_fragment_is_split_at_a_mid_text_key() -> None:
    table = _pledge_7_and_40()
    assert [row.cells[0].split(" - ")[0] for row in table.rows] == ["Pledge 7", "Pledge 40"]


def test_text_before_the_key_joins_the_previous_row() -> None:
    first = _pledge_7_and_40().rows[0]
    assert first.cells[0] == (
        "Pledge 7 - We set up Building Plymouth to encourage jobs in the construction industry. "
        "We will continue to support its work and will be encouraging opportunities for older "
        "workers, whether they are looking for a change of job or are out of work. We will sign "
        "up to Unite the Union's Construction Charter."
    )
    assert first.cells[1:3] == ["Jon Taylor", "Judith Harwood"]


def test_keyed_row_started_by_a_fragment_is_completed_by_the_next_lowercase_line() -> None:
    second = _pledge_7_and_40().rows[1]
    assert second.cells[0].startswith(
        "Pledge 40 - Parents tell us of their unhappiness as school standards continue to drop."
    )
    assert "we will find ways of encouraging schools to raise standards across the city" in second.cells[0]
    assert second.cells[1:3] == ["Jon Taylor", "Judith Harwood"]


def test_status_of_a_row_started_by_a_fragment_stays_in_its_column() -> None:
    second = _pledge_7_and_40().rows[1]
    assert second.cells[0].endswith("particularly in secondary schools.")
    assert second.cells[3].startswith("In Progress: we have established the Plymouth Standards Partnership")


def test_lowercase_line_fills_the_empty_columns_of_a_fragment_row_minimal() -> None:
    table = _table(
        PLEDGE_HEADER,
        "Pledge 7 - Build Plymouth.\tJon Taylor\tJudith Harwood\tCompleted",
        "more text. Pledge 40 - Parents tell us of\t\t\t",
        "their unhappiness.\tJon Taylor\tJudith Harwood\tIn Progress: we have established the "
        "Plymouth Standards Partnership and work with the RSC.",
    )
    assert table.rows[1].cells == [
        "Pledge 40 - Parents tell us of their unhappiness.",
        "Jon Taylor",
        "Judith Harwood",
        "In Progress: we have established the Plymouth Standards Partnership and work with the RSC.",
    ]


def test_fragment_without_a_key_joins_the_previous_first_cell() -> None:
    table = _table(
        PLEDGE_HEADER,
        "Pledge 43 - More engineers.\tJon Taylor\tJudith Harwood\tCompleted",
        "Throughout their career.\t\t\t",
    )
    assert [row.cells[0] for row in table.rows] == ["Pledge 43 - More engineers. Throughout their career."]


def test_fragment_that_is_itself_a_key_starts_a_new_row() -> None:
    table = _table(
        PLEDGE_HEADER,
        "Pledge 43 - More engineers.\tJon Taylor\tJudith Harwood\tCompleted",
        "Pledge 44 - Marine science\t\t\t",
    )
    assert [row.cells for row in table.rows][1] == ["Pledge 44 - Marine science", "", "", ""]


# --- page breaks ---------------------------------------------------------------------------------


def test_header_repeated_after_a_page_break_is_skipped() -> None:
    table = _table(
        (PLEDGE_HEADER, 1),
        ("Pledge 47 - Every child deserves a home.\tJemima Laing\tJean Kelly\tCompleted", 1),
        (PLEDGE_HEADER, 2),
        ("Pledge 48 - Support care leavers.\tJemima Laing\tJean Kelly\tIn Progress", 2),
    )
    assert [(row.cells[0], row.page_start, row.page_end) for row in table.rows] == [
        ("Pledge 47 - Every child deserves a home.", 1, 1),
        ("Pledge 48 - Support care leavers.", 2, 2),
    ]


def test_continuation_on_an_unnumbered_page_keeps_the_known_page_end() -> None:
    table = _table(
        PLEDGE_HEADER,
        ("Pledge 47 - Home.\tJemima Laing\tJean Kelly\tCompleted", 3),
        ("\t\t\tfollowed up.", None),
    )
    assert (table.rows[0].page_start, table.rows[0].page_end) == (3, 3)


# --- key-value tables, key rows and captions -----------------------------------------------------


def test_key_value_table_has_no_header() -> None:
    table = _table("Date of meeting:\t11 September 2019", "Title of Report:\tChildren's Services Pledges")
    assert table.headers == ()


def test_key_value_row_renders_key_then_value() -> None:
    table = _table("Date of meeting:\t11 September 2019", "Key Decision:\tNo")
    assert [row.render() for row in table.rows] == ["Date of meeting: 11 September 2019", "Key Decision: No"]


def test_key_value_row_with_several_values_joins_them_with_bars() -> None:
    table = _table("For more information contact:\tPervez Akhtar\t01332 641120\tPervez.Akhtar@derby.gov.uk")
    assert table.rows[0].render() == (
        "For more information contact: Pervez Akhtar | 01332 641120 | Pervez.Akhtar@derby.gov.uk"
    )


def test_header_like_first_line_becomes_data_when_a_key_value_line_follows() -> None:
    table = _table("Contact\tJane Smith", "Email:\tjane@example.gov.uk")
    assert table.headers == ()
    assert [row.render() for row in table.rows] == ["Contact | Jane Smith", "Email: jane@example.gov.uk"]


def test_empty_key_line_starts_its_own_row() -> None:
    table = _table(
        "For more information contact:\tPervez Akhtar\t01332 641120",
        "Background papers:\t\t\t",
        "List of appendices:\tAppendix 1 – Implications\t\t",
        "\tAppendix 2 – Implementing the Pledge\t\t",
    )
    assert [row.render() for row in table.rows] == [
        "For more information contact: Pervez Akhtar | 01332 641120",
        "Background papers:",
        "List of appendices: Appendix 1 – Implications Appendix 2 – Implementing the Pledge",
    ]


def test_single_cell_line_before_the_header_is_the_caption() -> None:
    table = _table(
        "Service Director Name: Andy Smith Directorate: People\t\t\t\t",
        "What will you do to support The Pledge?\tWhen will you do this?\tWhat difference will this make?",
        "Facilitate the involvement of the CiCC\tNovember 2017\tAbility to influence decision making",
    )
    assert table.caption == ["Service Director Name: Andy Smith Directorate: People"]
    assert table.headers == (
        "What will you do to support The Pledge?",
        "When will you do this?",
        "What difference will this make?",
    )
    assert table.rows[0].render() == (
        "What will you do to support The Pledge?: Facilitate the involvement of the CiCC\n"
        "When will you do this?: November 2017\n"
        "What difference will this make?: Ability to influence decision making"
    )


# --- exact tables: a rule line declares every line one whole row ----------------------------------


def test_rule_under_the_first_line_makes_it_the_header_and_stops_mending() -> None:
    table = _table(
        "Action agreed.\tWho?",
        "---\t---",
        "review the policy\tHead of Housing",
        "\tFinance team",
        "Note only\t",
    )
    assert table.headers == ("Action agreed.", "Who?")
    assert [row.cells for row in table.rows] == [
        ["review the policy", "Head of Housing"],
        ["", "Finance team"],
        ["Note only", ""],
    ]


def test_rule_first_declares_an_exact_table_without_header() -> None:
    table = _table("---\t---", "Ref\tOwner", "\tAnn Lee")
    assert table.headers == ()
    assert [row.cells for row in table.rows] == [["Ref", "Owner"], ["", "Ann Lee"]]


def test_rule_inside_a_table_is_text_art_and_changes_nothing() -> None:
    table = _table(PLEDGE_HEADER, "Pledge 1 - Homes.\tJon Taylor\tJean Kelly\tDone", "---\t---\t---\t---")
    assert not table.exact
    table_after = _table(
        PLEDGE_HEADER, "Pledge 1 - Homes.\tJon Taylor\tJean Kelly\tDone", "---\t---", "\t\t\tand more"
    )
    assert table_after.rows[0].cells[3] == "Done and more"


def test_empty_line_of_tabs_declares_nothing() -> None:
    table = _table("\t\t", "Area\tTarget", "Waste\t50%", "\t80")
    assert not table.exact
    assert [row.cells for row in table.rows] == [["Waste", "50% 80"]]


def test_exact_lines_stay_plain_when_they_read_back_the_same() -> None:
    assert exact_lines(("Item", "Cost"), [("Roofs", "£1,200")]) == ["Item\tCost", "Roofs\t£1,200"]


def test_exact_lines_add_a_rule_where_a_row_would_be_mended() -> None:
    assert exact_lines(("Area", "Target"), [("Waste", "50%"), ("", "80")]) == [
        "Area\tTarget",
        "---\t---",
        "Waste\t50%",
        "\t80",
    ]


def test_exact_lines_lead_with_a_rule_where_a_data_row_would_be_the_header() -> None:
    assert exact_lines((), [("Ref", "Owner"), ("A1", "Ann Lee")]) == ["---\t---", "Ref\tOwner", "A1\tAnn Lee"]


_CELL = st.text(alphabet="abcXYZ019 :.-()", max_size=12).map(str.strip)


@st.composite
def _known_tables(draw: st.DrawFn) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """A header (or none) and data rows of one width, as a Word or HTML table gives them."""
    width = draw(st.integers(2, 4))
    row = st.tuples(*[_CELL] * width).filter(lambda cells: any(c.strip("-–—:=| ") for c in cells))
    header = draw(st.one_of(st.just(()), row))
    # A row equal to the header is that header repeated at a page top, by the contract of add_line.
    return header, draw(st.lists(row.filter(lambda cells: cells != header), max_size=5))


@settings(max_examples=300, deadline=None)
@given(_known_tables())
def test_exact_lines_read_back_as_exactly_the_given_header_and_rows(
    known: tuple[tuple[str, ...], list[tuple[str, ...]]],
) -> None:
    header, rows = known
    table = _table(*exact_lines(header, rows))
    assert table.headers == header
    assert [tuple(row.cells) for row in table.rows] == rows


# --- sections with their own header ----------------------------------------------------------------


def test_a_section_title_and_its_own_header_start_new_columns() -> None:
    # parish accounts: income rows under one header, then 'EXPENDITURE' and a wider header of its own
    table = _table(
        "Details\tReceipt\tIncome",
        "Precept\t5700\t5700.00",
        "Totals\t9170.70\t8284.00",
        "EXPENDITURE\t\t",
        "Details\tPayment\tExpenditure\tBudget 2016/17",
        "Grass cutting (village)\t2880.00\t2880.00\t3140.00",
    )
    rendered = [row.render() for row in table.rows]
    assert rendered[1] == "Details: Totals\nReceipt: 9170.70\nIncome: 8284.00"  # the title is not its text
    assert rendered[2] == "EXPENDITURE"
    assert rendered[3].endswith("Expenditure: 2880.00\nBudget 2016/17: 3140.00")


def test_a_capitalised_row_of_words_is_no_new_header_without_a_section_title() -> None:
    table = _table("Name\tParty\tWard", "SMITH Alan\tLabour\tNorth", "JONES Beth\tGreen Party\tSouth")
    assert all(row.headers == ("Name", "Party", "Ward") for row in table.rows) and len(table.rows) == 2
    # a title over a row of words sharing none of the header's is a row: a ballot's candidates
    table = _table(
        "Precinct\tAreas\tVotes", "0050003A\tActon\t327", "GOVERNOR\t\t", "TED GAINES\tREP\tJERRY BROWN"
    )
    assert table.rows[-1].headers == ("Precinct", "Areas", "Votes")
    # a title followed by figures is a section of the same columns
    table = _table("Item\tBudget\tSpent", "Audit\t100\t90", "CAPITAL\t\t", "Roof\t5000\t4000")
    assert table.rows[-1].render() == "Item: Roof\nBudget: 5000\nSpent: 4000"


def test_a_meeting_date_merged_down_over_its_items_starts_a_row_for_each():
    table = _table(
        "Meeting\tItem\tScore\tLead officer",
        "3 March 2021\tHighways Review\t2\tAnya Brook",
        "\tLibraries Update\t\tTom Reyes",
        "\tPlay Areas\t4\tDee Marsh",
        "9 June 2021\tBudget Outturn\t5\tAnya Brook",
    )
    assert [row.cells for row in table.rows] == [
        ["3 March 2021", "Highways Review", "2", "Anya Brook"],
        ["3 March 2021", "Libraries Update", "", "Tom Reyes"],
        ["3 March 2021", "Play Areas", "4", "Dee Marsh"],
        ["9 June 2021", "Budget Outturn", "5", "Anya Brook"],
    ]
    # each row is named by its item, the date it shares last
    assert table.rows[1].render() == "Item: Libraries Update\nLead officer: Tom Reyes\nMeeting: 3 March 2021"
    assert table.rows[0].render().startswith("Item: Highways Review\n")
    assert table.rows[3].render().startswith("Meeting: 9 June 2021\n")  # no row under it shares its date
    # a year or a label over the rows is no meeting's date: the line goes on the row above
    years = _table("Year\tProject\tCost", "2027\tLandfill closure\t$609,045", "\tReserve\t")
    assert [row.cells for row in years.rows] == [["2027", "Landfill closure Reserve", "$609,045"]]


def test_later_columns_or_lower_case_under_a_row_still_continue_it() -> None:
    table = _table(
        "Pledge\tWhen\tUpdate",
        "Pledge 3 - homes\tMarch\tWork has begun.",
        "\t\tA second update follows.",
        "\tand April\t",
    )
    assert [row.cells for row in table.rows] == [
        ["Pledge 3 - homes", "March and April", "Work has begun. A second update follows."]
    ]


def test_a_year_merged_down_over_its_items_keys_a_row_for_each():
    table = _table(
        "2024\tTandem Truck (replace 2005) Year 2 of 5\t",
        "\tTandem Truck (replace 2010) Year 3 of 5\t",
        "\tPick Up Truck Year 1 of 5 $90,000\tFinancing",
        "2025\tGrader Year 1 of 5 $650,000\tFinancing",
        "\tDry Hydrant (2) Westview Dr., Niagara\t",
        "\tRoad\t",  # a word wrapped from the item above
        "\tUnderground Tank at Pine Drive\tTaxation",
    )
    assert table.headers == ()  # a year keying an item is no column label
    assert [row.cells for row in table.rows] == [
        ["2024", "Tandem Truck (replace 2005) Year 2 of 5", ""],
        ["2024", "Tandem Truck (replace 2010) Year 3 of 5", ""],
        ["2024", "Pick Up Truck Year 1 of 5 $90,000", "Financing"],
        ["2025", "Grader Year 1 of 5 $650,000", "Financing"],
        ["2025", "Dry Hydrant (2) Westview Dr., Niagara Road", ""],
        ["2025", "Underground Tank at Pine Drive", "Taxation"],
    ]
    assert table.rows[1].render() == "Tandem Truck (replace 2010) Year 3 of 5 | 2024"
    # an item whose later cell goes on in lower case is wrapped, not a new item
    wrapped = _table(
        "Year\tProject\tCost",
        "2027\tBear Creek Landfill *\t$609,045",
        "\tClosure or Rehabilitation\tclosure costs",
    )
    assert [row.cells for row in wrapped.rows] == [
        ["2027", "Bear Creek Landfill * Closure or Rehabilitation", "$609,045 closure costs"]
    ]
