"""Dates in every common format, read in the paper's own day/month order, and the paper's own date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.dateorder import month_first
from corpus.dates import find_dates, numeric_orders, only_date, parse_date
from corpus.paperdate import best_date

# --- formats ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("11 September 2019", dt.date(2019, 9, 11), "day"),
        ("Wednesday 11 September 2019", dt.date(2019, 9, 11), "day"),
        ("11th September 2019", dt.date(2019, 9, 11), "day"),
        ("Tuesday, 12th March, 2024", dt.date(2024, 3, 12), "day"),
        ("1st of May 2020", dt.date(2020, 5, 1), "day"),
        ("June 24 <sup>th</sup> 2017", dt.date(2017, 6, 24), "day"),
        ("September 11, 2019", dt.date(2019, 9, 11), "day"),
        ("11/09/2019", dt.date(2019, 9, 11), "day"),
        ("11/09/19", dt.date(2019, 9, 11), "day"),
        ("11.09.2019", dt.date(2019, 9, 11), "day"),
        ("2019-09-11", dt.date(2019, 9, 11), "day"),
        ("Sept 2019", dt.date(2019, 9, 1), "month"),
        ("Dec. 2020", dt.date(2020, 12, 1), "month"),
        ("FEBRUARY 2020", dt.date(2020, 2, 1), "month"),
        ("2024-27", dt.date(2024, 1, 1), "year"),
        ("2017/18", dt.date(2017, 1, 1), "year"),
        ("2019-2020", dt.date(2019, 1, 1), "year"),
        # The formats of papers from any English-speaking council.
        ("05.03.19", dt.date(2019, 3, 5), "day"),
        ("05/03/2019", dt.date(2019, 3, 5), "day"),
        ("05-03-2019", dt.date(2019, 3, 5), "day"),
        ("5th March 2019", dt.date(2019, 3, 5), "day"),
        ("5-Mar-2019", dt.date(2019, 3, 5), "day"),
        ("March 5, 2019", dt.date(2019, 3, 5), "day"),
        ("Tuesday, March 5th, 2019", dt.date(2019, 3, 5), "day"),
        ("2019-03-05", dt.date(2019, 3, 5), "day"),
        ("Tuesday,December12,2022", dt.date(2022, 12, 12), "day"),  # spaces lost by the text layer
        ("TUESDAY, DECEMBER 8, 20206:30 PM", dt.date(2020, 12, 8), "day"),  # year run into the time
        ("9TH MAY 2018", dt.date(2018, 5, 9), "day"),
        ("Thursday, 04 April, 2019", dt.date(2019, 4, 4), "day"),
        ("FEBRUARY2020", dt.date(2020, 2, 1), "month"),
        ("2024-5", dt.date(2024, 1, 1), "year"),
        ("2024-2034", dt.date(2024, 1, 1), "year"),  # a ten-year forecast
    ],
)
def test_parse_date_formats(text, value, precision):
    found = parse_date(text)
    assert found is not None
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2019",
        "30 February 2020",
        "2019-13-01",
        "2024-19",
        "2024-2041",  # more than ten years is not a period a paper covers
        "section 2.1.10",
        "paragraph 1.05.03.19",
        "you may 2019",
        "no date",
    ],
)
def test_parse_date_rejects_impossible_or_absent_dates(text):
    assert parse_date(text) is None


def test_find_dates_in_reading_order_with_spans():
    text = "Held 3 March 2021; next review Sept 2022."
    found = find_dates(text)
    assert [(f.value, f.precision) for f in found] == [
        (dt.date(2021, 3, 3), "day"),
        (dt.date(2022, 9, 1), "month"),
    ]
    assert text[found[0].start : found[0].end] == "3 March 2021"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_written_dates_round_trip(day):
    for text in (f"{day:%d %B %Y}", f"{day:%A} {day.day} {day:%B %Y}", f"{day:%d/%m/%Y}", day.isoformat()):
        found = parse_date(text)
        assert found is not None and (found.value, found.precision) == (day, "day")


# --- day first or month first ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "value"),
    [
        ("3/5/2019", False, dt.date(2019, 5, 3)),
        ("3/5/2019", True, dt.date(2019, 3, 5)),
        ("05.03.19", True, dt.date(2019, 5, 3)),
        ("20/10/2014", True, dt.date(2014, 10, 20)),  # only one reading is a date, whatever the order
        ("10/20/14", False, dt.date(2014, 10, 20)),
    ],
)
def test_numeric_dates_follow_the_given_order_unless_only_one_reading_is_a_date(text, first, value):
    assert parse_date(text, month_first=first).value == value


def test_numeric_orders_counts_dates_that_read_one_way_only():
    assert numeric_orders("10/20/14, 11/04/14 and 12/3/2014") == (0, 1)
    assert numeric_orders("25/12/2020 and 01/02/2021") == (1, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Filed 10/20/14. Meeting 11/04/14.", True),  # a date that only reads month first
        ("Filed 20/10/14. Meeting 11/04/14.", False),
        ("701 Laurel St., Menlo Park, CA 94025. Meeting Date: 1/12/2021", True),  # a US address
        ("The City of Springfield, Illinois. Meeting 1/12/2021", True),
        ("The Board of Supervisors meets 1/12/2021", True),
        ("Cost £400. Meeting 1/12/2021", False),
        ("Town Hall, Leeds LS1 1UR. Meeting 1/12/2021", False),  # a UK postcode
        ("Held on March 5, 2019 and April 2, 2019. Next 1/12/2021", True),  # the paper's written habit
        ("Held on 5 March 2019. Next 1/12/2021", False),
        ("Meeting 1/12/2021", False),  # no evidence: day first, as everywhere but the US
    ],
)
def test_month_first_evidence(text, expected):
    assert month_first(text) is expected


# --- the paper's own date ----------------------------------------------------------------------


def test_us_paper_reads_its_meeting_date_month_first():
    text = "City of Menlo Park 701 Laurel St., Menlo Park, CA 94025\nSTAFF REPORT\nMeeting Date: 1/12/2021\n"
    assert best_date(text).value == dt.date(2021, 1, 12)


def test_uk_paper_reads_the_same_digits_day_first():
    text = "Ditchling Parish Council\nMeeting Date: 1/12/2021\nCost £400.\n"
    assert best_date(text).value == dt.date(2021, 12, 1)


def test_date_under_a_held_in_heading_beats_the_previous_meeting_in_the_minutes():
    text = (
        "MINUTES OF THE SOULDERN PARISH COUNCIL MEETING\nHELD IN THE VILLAGE HALL\nON 25th January 2024\n"
        "Present: Alan Smith (Chair)\n01.24.03 To receive the minutes of the last meeting\n"
        "The minutes of the parish council meeting held on 25th November 2023 were checked and signed.\n"
    )
    assert best_date(text).value == dt.date(2024, 1, 25)


def test_the_same_header_joined_into_one_paragraph():
    text = (
        "MINUTES OF THE PARISH COUNCIL MEETING HELD ON TUESDAY, 3 JUNE 2025\n"
        "3. Minutes The minutes of the Annual Parish Council meeting held on Tuesday 6 May 2025, having been"
        " circulated to all Members, were confirmed as a true record.\n"
    )
    assert best_date(text).value == dt.date(2025, 6, 3)


def test_dated_label_of_a_notice():
    text = (
        "STATEMENT OF PERSONS NOMINATED London Borough of Hackney Election of the Mayor for Hackney."
        " The persons above have been and stand validly nominated. Dated Friday 13 October 2023"
        " Dawn Carter-McDonald Returning Officer"
    )
    assert best_date(text).value == dt.date(2023, 10, 13)


def test_a_table_of_dates_gives_no_date():
    text = (
        "2019 Summit County Planning Commission Meeting Dates and Submittal Deadlines\n"
        "Monthly Meeting Dates\tSubmittal Deadline *\n"
        "January 24, 2019\tDecember 18, 2018\nFebruary 28, 2019\tJanuary 22, 2019\n"
        "Notes: The January 2020 meeting is tentatively scheduled for 1/23/2020\n"
    )
    assert best_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Comments are due by 31 March 2021 to the clerk.",
        "Applications must arrive no later than 5 May 2022.",
        "The next meeting is scheduled for 7 June 2022.",
        "The offer is effective 1 July 2022.",
    ],
)
def test_dates_of_other_things_are_not_the_papers_date(text):
    assert best_date(text) is None


def test_side_by_side_years_are_prior_and_current_columns():
    text = "Explanation of variances\n2022/23 2023/24 Variance Variance\n12,631 8,690\n"
    assert (best_date(text).value, best_date(text).precision) == (dt.date(2023, 1, 1), "year")


def test_date_line_directly_under_the_title():
    text = "CITY COUNCIL AGENDA AND NOTICE\nCITY OF MOUNTAIN VIEW\nTuesday,December8,2020 - 6:30 PM\n"
    assert best_date(text).value == dt.date(2020, 12, 8)


def test_a_year_heading_a_table_column_is_not_the_papers_date():
    text = (
        "Souldern Parish Council\t\t\t\nAccounts to year ending March 2017\t\t\t\nINCOME\t\t\t\n"
        "2015/6 Details\tReceipt\t2016/17\tIncome\t\n5700 Precept\t5700\t\t5700.00\t\n"
    )
    found = best_date(text)
    assert (found.value, found.precision) == (dt.date(2017, 3, 1), "month")


def test_posting_date_loses_to_the_meeting_date_under_the_title():
    text = "CITY COUNCIL AGENDA\nPOSTED: 03/06/2020\nRegular Meeting\nMarch 10, 2020 7:00 PM\nAnytown, CA 95000\n"
    assert best_date(text).value == dt.date(2020, 3, 10)


def test_a_period_wrapped_after_its_dash():
    found = best_date("CAPITAL BUDGET 2024-\n2034 FORECAST\nRESERVES PLANNING\n")
    assert (found.value, found.precision) == (dt.date(2024, 1, 1), "year")


def test_only_a_date_is_a_cell_holding_one_date_and_nothing_else():
    assert only_date("11 Sept 2019").value == dt.date(2019, 9, 11)
    assert only_date(" 8 Jan 2020. ").precision == "day"
    assert only_date("March 2020").precision == "month"
    assert only_date("Report on PAUSE, 8 Jan 2020") is None
    assert only_date("8 Jan 2020 and 4 March 2020") is None
    assert only_date("Fit and Fed Programme") is None
