"""Spacers a conversion leaves under a merged header cell are closed up; a column labelled only above is kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpus.spacers import closed_up
from corpus.table import Table, add_line

_TOP = "\t2017/18 Actual\tPre Ofsted Visit\t\t\tPost Ofsted Visit\t2019/20 Local Target\t\t"
_MONTHS = "\t\tJan-19\tFeb-19\tMar-19\tApr-19\t\tMay-19\tJun-19"
_ROW = "% of Care Leavers in EET\t53.0% (LAIT)\t52.0%\t55.0%\t54.8%\t53.0%\t54.5%\t54.6%\t65%"


def _rendered(*lines: str) -> str:
    table = Table()
    for line in lines:
        add_line(table, line, 1)
    return table.rows[-1].render()


def test_a_target_printed_inside_a_run_of_months_is_the_last_column():
    cells = dict(line.split(": ", 1) for line in _rendered(_TOP, _MONTHS, _ROW).split("\n")[1:])
    assert cells["May-19"] == "54.5%" and cells["Jun-19"] == "54.6%"
    assert cells["2019/20 Local Target"] == "65%"


def test_a_column_labelled_only_above_between_two_months_is_a_real_column():
    top = ["", "", "", "2018/19 Outturn", ""]
    below = ["", "Feb-19", "Mar-19", "", "Apr-19"]
    assert closed_up(top, below) is None


@given(st.integers(min_value=1, max_value=6), st.integers(min_value=1, max_value=6))
def test_closing_up_keeps_the_width_and_every_label(before: int, after: int):
    below = ["", *[f"Jan-{10 + i}" for i in range(before)], "", *[f"Feb-{10 + i}" for i in range(after)]]
    top = [""] * len(below)
    top[before + 1] = "Local Target"
    mended = closed_up(top, below)
    assert mended is not None
    new_top, new_below = mended
    assert len(new_top) == len(new_below) == len(below)
    assert new_top[-1] == "Local Target" and new_below[-1] == ""
    assert [c for c in new_below if c] == [c for c in below if c]
