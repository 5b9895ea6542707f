"""The table a question names by its number: its rows answer, not the report's prose."""

from __future__ import annotations

from index.passage import Passage
from qa.candidate import Candidate
from qa.namedtables import of_named_table, tables_named

PROSE = "Staff recommend a budget amendment of $15,000 for the housing program."
TABLE = "Table 2: Proposals\n\nContractor / organization: Hello Housing\nAnnual variable costs: $57,815"
MORE = "Contractor / organization: HouseKeys, Inc.\nAnnual variable costs: $11,250"
ON = "HouseKeys, Inc. … (continued)\nTotal proposed cost: $96,250"
OTHER = "Table 3: Budget\n\nContract: BMR administration\nBudget: $60,000"


def _found(*texts: str) -> list[Candidate]:
    found = []
    for cid, text in enumerate(texts, 1):
        passage = Passage(cid, text, None, 1, 1, "r.pdf", "Staff Report", None, None, None, "day", "report")
        found.append(Candidate(text.split("\n")[-1], None, None, passage, cid - 1, frozenset()))
    return found


def test_the_table_named_by_its_number_answers_with_its_rows_run_on_into_the_next_chunk():
    assert tables_named("In Table 2 (Proposals) of the staff report, what did HouseKeys propose?") == [
        ("table", "2")
    ]
    kept = of_named_table(
        _found(PROSE, TABLE, MORE, OTHER), "In Table 2 (Proposals), what did HouseKeys propose?"
    )
    assert [c.passage.chunk_id for c in kept] == [2, 3]
    # no passage holds the table named, or none named: all stay
    assert len(of_named_table(_found(PROSE, OTHER), "In Table 5, what is budgeted?")) == 2
    assert len(of_named_table(_found(PROSE, TABLE), "What did HouseKeys propose?")) == 2
