"""Figures of the time asked: a column's year pair, a sentence's dates, the paper's own date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.passage import Passage
from qa.candidate import Candidate
from qa.query import parse
from qa.timefit import of_asked_time, of_time, time_row


def _cand(text: str, label: str | None = None, paper: dt.date | None = dt.date(2019, 9, 11)) -> Candidate:
    passage = Passage(1, text, None, 1, 1, "p.txt", "Report", "Testshire", None, paper, "day", "report")
    return Candidate(text, label, None, passage, 0, frozenset())


def _of(question: str, text: str, label: str | None = None, paper=dt.date(2019, 9, 11)) -> bool:
    return bool(of_asked_time([_cand(text, label, paper)], question, parse(question).time))


def test_a_column_or_sentence_of_another_time_is_not_of_the_month_asked():
    q = "What was the rate in March 2017?"
    assert not _of(q, "26.8% (LAIT)", "2017/18 Actual")  # April 2017 to March 2018: not March 2017
    assert _of(q, "24.1%", "2016/17 Actual")
    assert not _of(q, "It was 23.9% in March 2018.")
    assert not _of(q, "By the end of quarter one of 2019/20 it was reported at 23.5%.")
    assert _of(q, "It fell from 26.8% in March 2017 to 22.7% in March 2019.")
    assert _of(q, "The rate was 23.5%.")  # named at no time, in a later paper: it may be of March 2017


def test_a_year_pair_asked_is_that_pair_only():
    q = "How much was the Schools Block for 2019/20?"
    assert not _of(q, "It had increased from £143.056m in 2017/18 to £149.550m in 2018/19.")
    assert _of(q, "The Schools Block is £151.2m in 2019/20, up from £149.550m in 2018/19.")
    assert _of(q, "£151.2m", "2019/20 Budget")
    assert _of(q, "The Schools Block will be £151.2m from April 2019.")  # a month inside the year


def test_a_figure_named_at_no_time_is_not_of_a_time_after_its_paper():
    q = "How many children were in care in February 2020?"
    assert not _of(q, "There were currently 417 children in care.", paper=dt.date(2019, 7, 10))
    assert _of(q, "There were currently 430 children in care.", paper=dt.date(2020, 3, 4))
    assert _of(q, "There were currently 417 children in care.", paper=None)


def test_a_figure_asked_as_reached_in_a_year_is_not_from_a_paper_written_before_it():
    q = "What was Plymouth's persistent absence rate for 2023/24?"
    sample = "Within this sample, 5% of the cases cited bullying as a reason for persistent absence."
    assert not _of(q, sample, paper=dt.date(2019, 11, 14))  # five years before: it can only aim at it
    assert _of(q, sample, paper=dt.date(2024, 9, 1))
    # a year's figures planned before it are asked as planned, and a budget is set before its year
    assert _of("What is the absence rate for 2023/24?", sample, paper=dt.date(2023, 2, 1))
    assert _of(
        "What was the schools budget for 2023/24?", "The budget is £151.2m.", paper=dt.date(2023, 2, 1)
    )


def test_a_paper_named_by_its_owner_and_years_holds_no_figure_of_a_paper_written_long_before():
    q = "What target percentage of care leavers in education does Plymouth's 2024-27 strategic plan set?"
    target = "Although below target, our target of 65% is aspirational."
    assert not _of(q, target, paper=dt.date(2019, 9, 11))  # the 2019 scrutiny report's target
    assert _of(q, target, paper=dt.date(2024, 1, 1))
    # the years asked of, not the paper's: 'the target for 2024-27' may be set in a 2019 paper
    assert _of("What is the target for 2024-27?", target, paper=dt.date(2019, 9, 11))


def test_a_question_of_several_years_sets_no_figure_aside_by_its_time():
    q = "(a) In 2014, how much was allocated for adaptation grants; (b) when will the 2015 grants be made?"
    assert _of(q, "The total allocated for adaptation grants was €2,961,549 for 2014.")
    assert _of(q, "The 2015 grants will be made in March.")


def test_a_year_a_word_times_is_the_figures_time():
    q = "How many people were found sleeping rough in the 2019 count?"
    assert not _of(q, "The count found 14 in 2016, 17 in 2017 and 21 in 2018.")
    assert _of(q, "The count found 21 in 2018 and 19 in 2019.")


def test_a_day_named_is_the_papers_not_the_figures():
    # 'the report of 11 March 2026' dates the paper asked of; its '2026-27' budget figure answers
    q = "In the report of 11 March 2026, how much was allocated to the finance team?"
    assert _of(q, "The draft Budget Plan for 2026-27 includes a notional allocation of £250k.")


@given(st.integers(min_value=1995, max_value=2050), st.integers(min_value=1, max_value=12))
def test_a_year_pair_holds_april_to_the_august_after(year, month):
    label = f"{year}/{(year + 1) % 100:02d} Actual"
    asked = parse(f"What was the rate in {dt.date(year, month, 1):%B} {year}?").time
    assert of_time(_cand("26.8%", label), asked) == (month >= 4)


def test_a_figure_naming_no_time_takes_its_heading_or_papers_title():
    # a plan for a year is written before the year starts: its title names the year its figures are of
    q = "How many apprenticeships did the directorate commit to continuing in 2017/18?"
    plan = _cand(
        "Continued commitment to 2 apprenticeships of the 6 across the Council", paper=dt.date(2017, 2, 1)
    )
    titled = replace(
        plan, passage=replace(plan.passage, title="Commitment to implementing the Pledge 2017/18")
    )
    assert of_asked_time([plan], q, parse(q).time)  # asked of a year, a paper before it may plan for it
    assert of_asked_time([titled], q, parse(q).time)
    later = replace(titled, passage=replace(titled.passage, title="Pledge commitments 2018/19"))
    assert not of_asked_time([later], q, parse(q).time)


ROW = "% of Care Leavers in EET\n2017/18 Actual: 53.0% (LAIT)\nPre Ofsted Visit Apr-18: 52.0%\nMay-18: 55.0%"


def _cell(label: str, value: str) -> Candidate:
    cell = _cand(value, label)
    return replace(cell, passage=replace(cell.passage, text=ROW))


def test_a_column_headed_by_a_short_month_is_of_that_month():
    may = parse("What percentage of care leavers were in EET in May 2018?").time
    assert of_time(_cell("May-18", "55.0%"), may)
    assert not of_time(_cell("Pre Ofsted Visit Apr-18", "52.0%"), may)
    assert not of_time(_cand("It fell to 22.7% in Mar 19."), may)
    assert of_time(_cand("On May 18 the rate was 55.0%."), may)  # 'May 18' may be a day: no month named


def test_a_cell_in_a_time_column_is_named_by_its_row():
    assert time_row(_cell("May-18", "55.0%")) == "% of Care Leavers in EET"
    assert time_row(_cell("2017/18 Actual", "53.0% (LAIT)")) == "% of Care Leavers in EET"
    assert time_row(_cell("Portfolio Holder", "Cllr Jon Taylor")) is None  # not a time's column
    assert time_row(_cand("The rate was 55.0% in May 2018.")) is None


def test_a_column_of_what_was_aimed_at_answers_only_a_question_for_it():
    target = _cand("56.4%", "2019/20 Local Target")
    actual = _cand("55.1%", "Apr-19")
    asked = "What percentage of care leavers were in EET in April 2019?"
    assert of_asked_time([target, actual], asked, parse(asked).time) == [actual]
    aimed = "What was the target for care leavers in EET for 2019/20?"
    assert of_asked_time([target, actual], aimed, parse(aimed).time) == [target, actual]


def test_asked_for_no_figure_only_cells_of_a_times_column_are_weighed():
    q = "What was the rate of Section 47 enquiries per 10,000 in June 2018?"
    june, august = _cell("Jun-18", "458.0"), _cell("Aug-18", "162.6")
    prose = _cand("The rate rose sharply over the summer of 2019.")
    due = _cand("March 2020", "Target Date")  # a plan's date column stays for a question of when
    kept = of_asked_time([june, august, prose, due], q, parse(q).time, figures=False)
    assert kept == [june, prose, due]


def test_asked_for_no_figure_another_year_pair_or_a_paper_written_before_is_set_aside():
    q = "What are the key milestones for strong partnerships for 2026/27?"
    other = _cand("Refresh our partnership strategy.", "Key milestones in 2024-25")
    asked = _cand("Refresh our partnership strategy.", "Key milestones in 2026-27")
    plain = _cand("Strong partnerships deliver joint arrangements.")
    assert of_asked_time([other, asked, plain], q, parse(q).time, figures=False) == [asked, plain]
    # what was so in January 2024 is not told by a paper of 2019; a paper dated only to its year may
    q = "What was the overall judgement of the January 2024 Ofsted inspection?"
    old = _cand("The overall judgement is that services require improvement.")
    new = _cand("The inspection confirmed that services require improvement.", paper=dt.date(2024, 3, 6))
    undated = _cand("Services require improvement.", paper=None)
    of_year = replace(old, passage=replace(old.passage, date=dt.date(2024, 1, 1), date_precision="year"))
    kept = of_asked_time([old, new, undated, of_year], q, parse(q).time, figures=False)
    assert kept == [new, undated, of_year]
    planned = "What is planned for the January 2024 Ofsted inspection?"
    assert of_asked_time([old], planned, parse(planned).time, figures=False) == [old]


def test_what_was_decided_then_is_not_told_by_a_paper_written_before_whatever_was_pledged():
    q = "What did the committee decide when directorates reported back on Pledge progress in July 2016?"
    before = _cand("The new Pledge was accepted at a special committee.", paper=dt.date(2016, 2, 23))
    after = _cand("The committee agreed the directorates' updates.", paper=dt.date(2016, 7, 19))
    assert of_asked_time([before, after], q, parse(q).time, figures=False) == [after]
    # a pledge asked of as set ahead is still told before its time
    set_ahead = "What was pledged for care leavers in July 2016?"
    assert of_asked_time([before], set_ahead, parse(set_ahead).time, figures=False) == [before]


def test_a_paper_named_by_its_years_was_not_written_years_before_them():
    q = "Who is named as Director of Children's Services in Plymouth's 2024-27 Children's Service plan?"
    old = _cand("Lead Strategic Director: Alison Botham (Director for Children's Services)")
    plan = _cand("Our Director of Children's Services leads the plan.", paper=dt.date(2023, 11, 1))
    assert of_asked_time([old, plan], q, parse(q).time, figures=False) == [plan]  # a plan precedes its years
    # a question naming no paper by its years sets no paper aside by its date
    q = "Who was Director of Children's Services in 2024?"
    assert of_asked_time([old, plan], q, parse(q).time, figures=False) == [old, plan]


TABLE_PAPER = (
    "Performance report, September 2019\n\nKey indicators for children's social care.\n\n"
    "\tApr-18\tMay-18\tJun-18\n"
    "Section 47 enquiries per 10,000\t401.2\t420.1\t458.0\n"
    "Re-referrals within 12 months\t29.7%\t30.9%\t32.1%\n"
)


def test_a_cell_of_the_month_asked_is_answered_with_its_row_named_once(tmp_path, settings, fake_embedder):
    from conftest import answer_from_paper

    q = "What was the rate of Section 47 enquiries per 10,000 in May 2018?"
    answer, _ = answer_from_paper(tmp_path, settings, fake_embedder, TABLE_PAPER, q)
    assert answer.status == "answered"
    assert answer.text.startswith("Section 47 enquiries per 10,000 — May-18: 420.1")


def test_a_target_column_answers_only_a_question_for_what_was_aimed_at():
    q = "By the end of quarter one of 2019/20, what percentage of children on a child protection plan had one?"
    assert _of(q, "23.5%", "Jun-19")
    assert not _of(q, "23%", "2019/20 Local Target")  # a plan asked of is a thing, not a figure aimed at
    assert _of("What was the planned rate for 2019/20?", "23%", "2019/20 Local Target")


def test_a_figure_in_the_column_of_the_month_asked_stands_beside_what_is_asked():
    from qa.answertype import expected
    from qa.features import Asked
    from qa.typematch import type_near

    q = "What was the re-referral rate at the end of quarter one of 2019/20?"
    asked = Asked(q, expected(q), {"rate": 1.0, "referr": 1.0}, parse(q).time)
    assert type_near(_cand("23.5%", "Jun-19"), asked) == 1.0
    assert type_near(_cand("28.0%", "Apr-19"), asked) == 0.0


def test_a_figure_in_a_sentence_naming_the_quarter_asked_stands_beside_what_is_asked():
    from qa.answertype import expected
    from qa.features import Asked
    from qa.typematch import type_near

    q = "What was the re-referral rate at the end of quarter one of 2019/20?"
    asked = Asked(q, expected(q), {"rate": 1.0, "referr": 1.0}, parse(q).time)
    said = "This decreased by the end of the first quarter of 2019/20 and was reported at 31.4%."
    assert type_near(_cand(said), asked) == 1.0
    assert type_near(_cand("The rate saw an increase in April and was reported at 37.7%."), asked) < 1.0


def test_a_month_named_without_a_year_is_of_its_papers_year():
    # a September 2019 report's 'in April' is April 2019: it is no figure for July 2019
    july = "What was the re-referral rate within 12 months for July 2019?"
    april = "The re-referral rate saw an increase in April and was reported at 37.7%."
    assert not _of(july, april)
    assert _of("What was the re-referral rate in April 2019?", april)
    # a report written in February 2019 tells of the April before it
    assert _of("What was the re-referral rate in April 2018?", april, paper=dt.date(2019, 2, 5))
    # 'by April' may look ahead of its paper: it dates nothing
    assert _of(july, "The rate will be brought down to 25% by April.")


def test_a_column_labelled_under_a_merged_heading_is_of_its_month():
    from qa.timefit import column_month

    assert column_month("Pre Ofsted Visit Apr-18") == dt.date(2018, 4, 1)
    assert column_month("Jun-19") == dt.date(2019, 6, 1)
    assert column_month("2019/20 Local Target") is None
    assert column_month("Apr-18 to Mar-19") is None  # two months: no one column's


def test_the_key_of_a_row_is_its_first_line():
    from qa.timefit import row_key

    rows = "Pledge: Pledge 43 - More engineers. We have STEM employers.\nStatus: In progress: hubs set up."
    key = _cand("Pledge 43 - More engineers.", "Pledge")
    key = replace(key, passage=replace(key.passage, text=rows))
    status = replace(key, text="In progress: hubs set up.", label="Status")
    assert row_key(key) and not row_key(status)
    alone = replace(key, passage=replace(key.passage, text="Pledge: Pledge 43 - More engineers."))
    assert not row_key(alone)  # a line alone keys no row


def test_a_cell_of_the_month_asked_holds_its_rows_words():
    from qa.answertype import expected
    from qa.features import NAMES, Asked, features

    q = "What percentage of care leavers were in EET in May 2018?"
    asked = Asked(q, expected(q), {"care": 1.0, "leaver": 1.0, "eet": 1.0}, parse(q).time)
    may, april = _cell("May-18", "55.0%"), _cell("Pre Ofsted Visit Apr-18", "52.0%")
    cover = NAMES.index("idf_cover")
    assert features(may, asked, 0.5, 0.5)[cover] == 1.0
    assert features(april, asked, 0.5, 0.5)[cover] == 0.0  # another month's column: not its row's


_STABLE = "Number of children who are in a stable placement"
_STABLE_WEIGHTS = {"child": 1.0, "stabl": 1.0, "placement": 1.0}


@pytest.mark.parametrize(
    ("rows", "question", "cell", "counts"),
    [
        # the column of the one month asked counts what its row names; another month's does not
        (
            f"{_STABLE}\nFeb-19: 47/408\nMar-19: 44/410",
            "How many children were in a stable placement in March 2019?",
            ("44/410", "Mar-19"),
            1.0,
        ),
        (
            f"{_STABLE}\nFeb-19: 47/408\nMar-19: 44/410",
            "How many children were in a stable placement in March 2019?",
            ("47/408", "Feb-19"),
            0.0,
        ),
        # a year asked has twelve months' columns: none of them is its figure
        (
            f"{_STABLE}\nFeb-19: 47/408\nMar-19: 44/410",
            "How many children were in a stable placement in 2019?",
            ("44/410", "Mar-19"),
            0.0,
        ),
        # a period's column whose label the question gives whole
        (
            f"{_STABLE}\n2017/18 Actual: 69/109 (LAIT)\nJun-19: 76/118",
            "How many children were in a stable placement in the 2017/18 actual column?",
            ("69/109 (LAIT)", "2017/18 Actual"),
            1.0,
        ),
        # a label naming no period is the row's own thing, though the question names it
        (
            "Ballots cast by children\nACTON: CONG 25 SEN 21",
            "How many children's ballots were cast in Acton?",
            ("CONG 25 SEN 21", "ACTON"),
            0.0,
        ),
    ],
)
def test_a_count_in_the_column_asked_counts_what_its_row_names(rows, question, cell, counts):
    from qa.answertype import expected
    from qa.features import Asked
    from qa.typematch import counts_noun

    asked = Asked(question, expected(question), _STABLE_WEIGHTS, parse(question).time)
    found = _cand(*cell)
    found = replace(found, passage=replace(found.passage, text=rows))
    assert counts_noun(found, asked) == counts


def test_the_label_of_a_rows_key_column_names_no_field_asked():
    from qa.answertype import expected
    from qa.features import NAMES, Asked, features

    rows = (
        "Pledge: Pledge 43 - Plymouth needs more engineers.\n"
        "Status: In Progress: support will be provided for teachers through learning hubs.\n\n"
        "Pledge: Pledge 44 - We will back apprenticeships.\n"
        "Status: Completed: the pledge was met."
    )
    q = "Under the STEM pledge, how will teachers be supported?"
    asked = Asked(q, expected(q), {"stem": 1.0, "pledg": 1.0, "teacher": 1.0, "support": 1.0}, None)
    key = _cand("Pledge 43 - Plymouth needs more engineers.", "Pledge")
    key = replace(key, passage=replace(key.passage, text=rows))
    label_cover = NAMES.index("label_cover")
    assert features(key, asked, 0.5, 0.5)[label_cover] == 0.0  # 'pledge' names every row, not a column
    lead = replace(key, text="Jon Taylor", label="Lead Pledge Officer")
    lead = replace(
        lead,
        passage=replace(
            key.passage, text=rows.replace("Status:", "Lead Pledge Officer: Jon Taylor\nStatus:", 1)
        ),
    )
    asked_lead = Asked(
        "Who is the lead officer for the STEM pledge?",
        expected("Who is the lead officer?"),
        {"lead": 1.0, "offic": 1.0, "pledg": 1.0},
        None,
    )
    assert features(lead, asked_lead, 0.5, 0.5)[label_cover] == 1.0  # a field's label still names it


def test_a_question_asking_which_entry_names_the_key_column():
    from qa.answertype import expected
    from qa.features import NAMES, Asked, features

    rows = (
        "Overview and Scrutiny Committee: Health and Adult Social Care\n"
        "Current Areas of Responsibility: dental services, pharmacy and NHS ophthalmic services\n\n"
        "Overview and Scrutiny Committee: Education and Children's Social Care\n"
        "Current Areas of Responsibility: schools"
    )
    q = "Which overview and scrutiny committee covers dental services?"
    weights = {"overview": 1.0, "scrutini": 1.0, "committe": 1.0, "dental": 1.0, "servic": 1.0}
    key = _cand("Health and Adult Social Care", "Overview and Scrutiny Committee")
    key = replace(key, passage=replace(key.passage, text=rows))
    assert features(key, Asked(q, expected(q), weights, None), 0.5, 0.5)[NAMES.index("label_cover")] > 0.5


def test_a_cell_of_the_month_asked_holds_its_rows_abbreviation_in_the_questions_words():
    from qa.answertype import expected
    from qa.candidate import stems_of
    from qa.features import NAMES, Asked, features

    q = "What percentage of care leavers were in education, employment or training in May 2018?"
    asked = Asked(
        q,
        expected(q),
        {s: 1.0 for s in stems_of("care leavers education employment training")},
        parse(q).time,
    )
    assert features(_cell("May-18", "55.0%"), asked, 0.5, 0.5)[NAMES.index("idf_cover")] == 1.0


def test_a_time_a_figure_is_compared_with_is_not_its_own():
    q = "How many kilometres of pathways did Winnipeg have in November 2013?"
    said = (
        "Our network is growing with nearly 400 kilometres of pathways; more than double what we had in 2006."
    )
    assert _of(q, said, paper=dt.date(2013, 11, 6))
    assert not _of(q, "The network had 180 kilometres of pathways in 2006.", paper=dt.date(2013, 11, 6))
    assert _of(q, "It rose to 400 kilometres, compared with 180 in 2006.", paper=dt.date(2013, 11, 6))
    # a change told from one time to another names both: "down from 12% in Mar 18 to 10%" is of March 2018
    assert _of("What was the rate in March 2018?", "It fell, down from 12% in Mar 18 to 10.3%.")


def test_a_date_the_question_names_is_not_the_date_it_asks():
    from qa.timefit import repeats_asked_dates

    q = "When was the report of Ofsted's October-November 2018 inspection published?"
    assert repeats_asked_dates("An Ofsted inspection was undertaken in October and November 2018.", q)
    assert not repeats_asked_dates("The report was published January 2019.", q)
    # a day within the month named is new; the month again, or its year, is not
    q = "When was the November 2018 inspection report published?"
    assert repeats_asked_dates("The inspection ran in November 2018.", q)
    assert not repeats_asked_dates("It was published on 29 November 2018.", q)
    # a finer date within the month named is new; a sentence of no date is not this rule's to judge
    assert not repeats_asked_dates(
        "Published 03 September 2019", "When was the September 2019 report published?"
    )
    assert not repeats_asked_dates("The report was published.", q)


def test_a_row_sharing_a_few_of_the_questions_words_is_not_its_row():
    from qa.answertype import expected
    from qa.candidate import stems_of
    from qa.features import NAMES, Asked, features

    rows = "% of children subject to multiple child protection plans\nDec-18: 23.9%\nJan-19: 22.4%"
    q = "What percentage of initial child protection conferences led to child protection plans in January 2019?"
    weights = {s: 1.0 for s in stems_of("initial conferences led child protection plans")}
    weights |= {"initi": 3.0, "confer": 3.0}  # the rarer words the row does not hold
    cell = _cand("22.4%", "Jan-19")
    cell = replace(cell, passage=replace(cell.passage, text=rows))
    assert (
        features(cell, Asked(q, expected(q), weights, parse(q).time), 0.5, 0.5)[NAMES.index("idf_cover")]
        == 0.0
    )


def test_a_cell_of_the_month_asked_counts_the_months_words_as_its_columns():
    from qa.answertype import expected
    from qa.candidate import stems_of
    from qa.features import NAMES, Asked, features

    q = "How many care leavers were in EET in November 2018, per the care leavers table in the report?"
    weights = {s: 1.0 for s in stems_of("care leavers eet table report per")} | {"novemb": 3.0, "2018": 3.0}
    asked = Asked(q, expected(q), weights, parse(q).time)
    rows = "Number of Care Leavers in EET\nOct-18: 119/216\nNov-18: 124/213"
    november, october = (
        replace(_cand(value, label), passage=replace(_cand(value, label).passage, text=rows))
        for label, value in (("Nov-18", "124/213"), ("Oct-18", "119/216"))
    )
    cover = NAMES.index("idf_cover")
    # the row's words are 3 of 12, under a third; with the month's, which the column holds, over it
    assert features(november, asked, 0.5, 0.5)[cover] == 0.25
    assert features(october, asked, 0.5, 0.5)[cover] == 0.0


def test_a_quarter_named_in_a_sentence_is_of_its_months_not_its_whole_year():
    q = "What was the Q2 2019/20 (end of September 2019) figure for care leavers in EET?"
    assert not _of(q, "The first quarter of 2019/20 saw a small decline of 0.2 to 43.6%.")
    assert not _of(q, "By the end of June 2019 this indicator improved further to 95.7%.")
    assert _of(q, "In the second quarter of 2019/20 it rose to 58%.")
    bare = "The target for 2019/20 has been set at 80%, and at the end of quarter one it was 94.6%."
    assert not _of(q, bare)  # its quarter is of the year pair it names
    assert _of("What was it at the end of quarter one of 2019/20?", bare)
    whole = "What was the 2019/20 figure for care leavers in EET?"
    assert _of(whole, "The first quarter of 2019/20 saw a small decline of 0.2 to 43.6%.")
    # asked of a month, not of a year pair: the quarter's months still, not the year 2019/20
    month = "What was the percentage of care leavers in EET in March 2020?"
    assert not _of(
        month, "The first quarter of 2019/20 saw a small decline of 0.2 to 43.6%.", paper=dt.date(2020, 4, 1)
    )
    assert _of(
        "What was it in May 2019?", "The first quarter of 2019/20 saw a small decline of 0.2 to 43.6%."
    )


def test_a_run_of_years_is_every_year_in_it_not_its_two_ends():
    q = "What is the 2025 estimate for the grader?"
    assert _of(q, "Grader Year 1 of 5 $650,000 in the Capital Budget 2024-2034.", paper=None)
    assert not _of(q, "Grader $650,000 in the Capital Budget 2027-2034.", paper=None)
    assert not _of(q, "The grader cost $600,000 in 2024 and 2034.", paper=None)  # two years, not a run
